#!/usr/bin/env node
// Loads the reference server with many clients of which some are hostile, and
// checks that the well-behaved ones lose nothing while every hostile one meets
// the documented limit (docs/simulator.md "Limits").
//
//   node hostile-clients.js --sim PATH/watchfloor-sim [--clients 100] [--hostile 10] [--seconds 60]
//                           [--sessions 1000] [--idle 1000] [--warmup 0] [--settle 0]
//
// It starts its own watchfloor-sim on a free loopback port with a tokens file
// of its own (an operator, a viewer and an admin token), so nothing else has to
// be running. Well-behaved clients authenticate as operators, subscribe to
// `all`, ping now and then within the message rate, and check every event's
// `seq` (+1 each, across channels): a gap, a duplicate or a close they did not
// ask for is a failure. Hostile clients each play one role, over and over:
//
//   no-auth          never sends auth                     expects close 4008 (sign-in timeout)
//   wrong-token      auth with a token nobody issued      expects close 4001
//   huge-frame       a 2 MiB message after auth           expects close 1009
//   invalid-json     garbage, again and again             expects close 1007
//   request-flood    pings far above the message rate     expects rate_limited, then close 1008
//   subscribe-flood  60 subscriptions with distinct filters  expects too_many_subscriptions
//   viewer-commands  a viewer sending command and ack_alarm  expects forbidden for each
//   never-reads      subscribes to everything and stops reading  (must cost the others nothing)
//
// After the run, two more loads on the same server: --sessions consoles that
// one after another sign in with one viewer token, subscribe to everything and
// close, and --idle consoles that sign in (each its own operator), subscribe
// to everything and stay connected without sending for 10 s, then close. The
// server's RSS is sampled at the start (after --warmup S seconds without
// clients, for its replay journal to reach its working size), at its peak during each load, 2 s
// after each load and, with --settle S, S seconds after the last one (past
// the server's replay age of 300 s, every waiting session has expired).
//
// Prints a JSON report on standard output and exits 1 if a well-behaved client
// saw a gap, a duplicate or a disconnect, or a hostile client met anything but
// its documented answer; 2 on a usage or start-up error.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const WebSocket = require('ws');

function parseArgs(argv) {
    const opts = { sim: '', clients: 100, hostile: 10, seconds: 60, rate: 10, sessions: 1000, idle: 1000, warmup: 0, settle: 0 };
    for (let i = 2; i < argv.length; i++) {
        const key = argv[i];
        const value = argv[i + 1];
        if (key === '--sim') opts.sim = value;
        else if (key === '--clients') opts.clients = Number(value);
        else if (key === '--hostile') opts.hostile = Number(value);
        else if (key === '--seconds') opts.seconds = Number(value);
        else if (key === '--rate') opts.rate = Number(value);
        else if (key === '--sessions') opts.sessions = Number(value);
        else if (key === '--idle') opts.idle = Number(value);
        else if (key === '--settle') opts.settle = Number(value);
        else if (key === '--warmup') opts.warmup = Number(value);
        else usage(`unknown option ${key}`);
        i++;
    }
    if (!opts.sim) usage('--sim is required');
    if (!(opts.clients > 0) || !(opts.hostile >= 0) || opts.hostile > opts.clients || !(opts.seconds > 0))
        usage('need --clients > 0, 0 <= --hostile <= --clients, --seconds > 0');
    if (!(opts.sessions >= 0) || !(opts.idle >= 0) || !(opts.warmup >= 0) || !(opts.settle >= 0))
        usage('need --sessions, --idle, --warmup and --settle >= 0');
    return opts;
}

function usage(why) {
    process.stderr.write(`hostile-clients: ${why}\n` +
        'usage: node hostile-clients.js --sim PATH [--clients N] [--hostile N] [--seconds S] [--rate R]\n' +
        '                               [--sessions N] [--idle N] [--warmup S] [--settle S]\n');
    process.exit(2);
}

const TOKENS = { operator: 'load-operator', viewer: 'load-viewer', admin: 'load-admin' };
const ROLES = ['no-auth', 'wrong-token', 'huge-frame', 'invalid-json', 'request-flood',
               'subscribe-flood', 'viewer-commands', 'never-reads'];

function startSim(opts) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfloor-hostile-'));
    const tokens = path.join(dir, 'tokens');
    fs.writeFileSync(tokens, Object.entries(TOKENS).map(([role, token]) => `${token} ${role}`).join('\n') + '\n');
    // Room for every client plus the hostile ones' reconnections in flight.
    const args = ['--port', '0', '--tokens-file', tokens,
                  '--max-connections', String(Math.max(opts.clients * 3, opts.idle + 100)),
                  '--rate', String(opts.rate), '--scenario', 'alarm-flood,chattering-sensor'];
    const child = spawn(opts.sim, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
    return new Promise((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error('watchfloor-sim printed no URL within 15 s')), 15000);
        child.stdout.on('data', (d) => {
            out += d;
            const m = /listening on (ws:\/\/\S+)/.exec(out);
            if (m) {
                clearTimeout(timer);
                resolve({ child, url: m[1], dir, stderr: () => stderr });
            }
        });
        child.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`watchfloor-sim exited (${code}): ${stderr}`));
        });
    });
}

function rssKiB(pid) {
    try {
        const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        return m ? Number(m[1]) : null;
    } catch (e) {
        return null;
    }
}

// A well-behaved console: every numbered event must be the one after the last.
function goodClient(url, index, stats, stopping) {
    const me = { events: 0, gaps: 0, duplicates: 0, disconnects: 0, lastSeq: 0, errors: [] };
    stats.good.push(me);
    const ws = new WebSocket(url, 'watchfloor.v1');
    let pinger = null;
    let nextId = 1;
    ws.on('message', (data) => {
        let msg;
        try {
            msg = JSON.parse(data.toString());
        } catch (e) {
            me.errors.push('not JSON from the server');
            return;
        }
        const list = Array.isArray(msg) ? msg : (msg.type === 'batch' ? msg.events : [msg]);
        for (const m of list) {
            if (m.type === 'hello') {
                ws.send(JSON.stringify({ type: 'auth', id: nextId++, token: TOKENS.operator,
                                         operator: `load-${index}`, client: 'hostile-clients' }));
                ws.send(JSON.stringify({ type: 'subscribe', id: nextId++, channel: 'all' }));
                pinger = setInterval(() => ws.send(JSON.stringify({ type: 'ping', id: nextId++ })), 2000);
                continue;
            }
            if (m.type === 'result' && m.ok === false)
                me.errors.push(`${m.error && m.error.code}: ${m.error && m.error.message}`);
            if (m.type === 'error')
                me.errors.push(`error ${m.code}: ${m.message}`);
            if (typeof m.seq !== 'number')
                continue;
            if (m.seq <= me.lastSeq) me.duplicates++;
            else if (m.seq !== me.lastSeq + 1) me.gaps++;
            if (m.seq > me.lastSeq) me.lastSeq = m.seq;
            me.events++;
        }
    });
    ws.on('close', (code, reason) => {
        clearInterval(pinger);
        if (!stopping.value) {
            me.disconnects++;
            me.errors.push(`closed ${code} ${reason}`);
        }
    });
    ws.on('error', (e) => me.errors.push(e.message));
    return ws;
}

// One console that signs in with `token` as `name`, subscribes to everything
// and resolves with its socket once the subscription is answered (null if the
// server refused or closed it first).
function signedInConsole(url, token, name) {
    return new Promise((resolve) => {
        const ws = new WebSocket(url, 'watchfloor.v1');
        ws.on('message', (data) => {
            let msg;
            try { msg = JSON.parse(data.toString()); } catch (e) { return; }
            const list = Array.isArray(msg) ? msg : (msg.type === 'batch' ? msg.events : [msg]);
            for (const m of list) {
                if (m.type === 'hello') {
                    ws.send(JSON.stringify({ type: 'auth', id: 1, token, operator: name, client: 'hostile-clients' }));
                    ws.send(JSON.stringify({ type: 'subscribe', id: 2, channel: 'all' }));
                } else if (m.type === 'result' && m.id === 2) {
                    resolve(m.ok ? ws : null);
                }
            }
        });
        ws.on('close', () => resolve(null));
        ws.on('error', () => resolve(null));
    });
}

function closed(ws) {
    return new Promise((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.on('close', resolve);
        ws.close(1000);
    });
}

// One hostile client playing `role` until the run ends; every round records
// what the server answered so the report can compare it with the limit.
function hostileClient(url, role, stats, stopping) {
    const me = { role, rounds: 0, outcomes: {}, unexpected: [] };
    stats.hostile.push(me);
    const sockets = [];
    const note = (outcome, expected) => {
        me.outcomes[outcome] = (me.outcomes[outcome] || 0) + 1;
        if (!expected) me.unexpected.push(outcome);
    };
    const round = () => {
        if (stopping.value) return;
        me.rounds++;
        const ws = new WebSocket(url, 'watchfloor.v1');
        sockets.push(ws);
        let id = 1;
        let forbidden = 0;
        let rateLimited = 0;
        let tooMany = 0;
        const auth = (token) => ws.send(JSON.stringify({ type: 'auth', id: id++, token, operator: `hostile-${role}` }));
        ws.on('message', (data) => {
            let msg;
            try { msg = JSON.parse(data.toString()); } catch (e) { return; }
            const list = Array.isArray(msg) ? msg : (msg.type === 'batch' ? msg.events : [msg]);
            for (const m of list) {
                if (m.type === 'error' && m.code === 'rate_limited') rateLimited++;
                if (m.type === 'result' && m.ok === false && m.error) {
                    if (m.error.code === 'forbidden') forbidden++;
                    if (m.error.code === 'too_many_subscriptions') tooMany++;
                }
                if (m.type !== 'hello') continue;
                switch (role) {
                case 'no-auth':
                    break;
                case 'wrong-token':
                    auth('nobody-issued-this');
                    break;
                case 'huge-frame':
                    auth(TOKENS.operator);
                    ws.send(JSON.stringify({ type: 'ping', id: id++, pad: 'x'.repeat(2 * 1024 * 1024) }));
                    break;
                case 'invalid-json':
                    auth(TOKENS.operator);
                    // Paced under the message rate so the malformed-message limit, not the rate limit, answers.
                    for (let i = 0; i < 25; i++) {
                        setTimeout(() => {
                            if (ws.readyState === WebSocket.OPEN) ws.send('{ this is not json');
                        }, i * 120);
                    }
                    break;
                case 'request-flood':
                    auth(TOKENS.operator);
                    for (let i = 0; i < 200; i++) ws.send(JSON.stringify({ type: 'ping', id: id++ }));
                    break;
                case 'subscribe-flood':
                    auth(TOKENS.operator);
                    // Paced under the message rate so the subscription limit, not the rate limit, answers.
                    for (let i = 0; i < 60; i++) {
                        setTimeout(() => {
                            if (ws.readyState === WebSocket.OPEN)
                                ws.send(JSON.stringify({ type: 'subscribe', id: id++, channel: 'drones',
                                                         serials: [`WF-D${String(i).padStart(4, '0')}`] }));
                        }, i * 120);
                    }
                    setTimeout(() => ws.close(1000), 60 * 120 + 500);
                    break;
                case 'viewer-commands':
                    auth(TOKENS.viewer);
                    ws.send(JSON.stringify({ type: 'command', id: id++, commandId: `hostile-${me.rounds}`,
                                             endpointId: 'T1.P101.run', value: true }));
                    ws.send(JSON.stringify({ type: 'ack_alarm', id: id++, alarmId: 'any', note: 'hostile' }));
                    ws.send(JSON.stringify({ type: 'shelve_alarm', id: id++, alarmId: 'any', minutes: 30,
                                             reason: 'hostile' }));
                    setTimeout(() => ws.close(1000), 1000);
                    break;
                case 'never-reads':
                    auth(TOKENS.operator);
                    ws.send(JSON.stringify({ type: 'subscribe', id: id++, channel: 'all' }));
                    // Stop reading: the server's writes pile up in its send buffer, not in ours.
                    setTimeout(() => ws._socket && ws._socket.pause(), 200);
                    break;
                }
            }
        });
        ws.on('close', (code) => {
            // A round cut short by the end of the run says nothing of the server.
            if (stopping.value) return;
            const expectedClose = { 'no-auth': 4008, 'wrong-token': 4001, 'huge-frame': 1009,
                                    'invalid-json': 1007, 'request-flood': 1008 }[role];
            if (expectedClose !== undefined) {
                note(`close ${code}`, code === expectedClose);
                if (role === 'request-flood') note(rateLimited > 0 ? 'rate_limited' : 'no rate_limited', rateLimited > 0);
            } else if (role === 'subscribe-flood') {
                note(tooMany > 0 ? 'too_many_subscriptions' : 'no too_many_subscriptions', tooMany > 0);
            } else if (role === 'viewer-commands') {
                note(`forbidden ${forbidden}/3`, forbidden === 3);
            } else {
                note(`closed ${code}`, true);
            }
            setTimeout(round, 200);
        });
        ws.on('error', () => {});
    };
    round();
    return sockets;
}

async function main() {
    const opts = parseArgs(process.argv);
    let sim;
    try {
        sim = await startSim(opts);
    } catch (e) {
        process.stderr.write(`hostile-clients: ${e.message}\n`);
        process.exit(2);
    }
    const stats = { good: [], hostile: [] };
    const stopping = { value: false };
    await new Promise((r) => setTimeout(r, opts.warmup * 1000));
    const rssStart = rssKiB(sim.child.pid);
    let rssPeak = rssStart || 0;
    const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, rssKiB(sim.child.pid) || 0); }, 250);

    const good = [];
    const hostileSockets = [];
    const wellBehaved = opts.clients - opts.hostile;
    for (let i = 0; i < wellBehaved; i++) good.push(goodClient(sim.url, i, stats, stopping));
    for (let i = 0; i < opts.hostile; i++) hostileSockets.push(hostileClient(sim.url, ROLES[i % ROLES.length], stats, stopping));

    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    await sleep(opts.seconds * 1000);
    stopping.value = true;
    const rssPeakRun = rssPeak;
    const rssEnd = rssKiB(sim.child.pid);
    for (const ws of good) ws.close(1000);
    for (const list of hostileSockets) for (const ws of list) { try { ws.terminate(); } catch (e) { /* gone */ } }
    await sleep(2000);
    const rssAfterRun = rssKiB(sim.child.pid);

    // Sessions opened and closed one after another by one token.
    let sessionsOpened = 0;
    rssPeak = 0;
    for (let i = 0; i < opts.sessions; i++) {
        const ws = await signedInConsole(sim.url, TOKENS.viewer, 'churn');
        if (ws) { sessionsOpened++; await closed(ws); }
    }
    const rssPeakSessions = rssPeak;
    await sleep(2000);
    const rssAfterSessions = rssKiB(sim.child.pid);

    // Idle consoles, all connected at once.
    rssPeak = 0;
    const idle = [];
    for (let i = 0; i < opts.idle; i += 50) {
        const batch = [];
        for (let j = i; j < Math.min(opts.idle, i + 50); j++) batch.push(signedInConsole(sim.url, TOKENS.operator, `idle-${j}`));
        idle.push(...(await Promise.all(batch)).filter((ws) => ws));
    }
    const idleConnected = idle.length;
    await sleep(opts.idle ? 10000 : 0);
    const rssPeakIdle = rssPeak;
    await Promise.all(idle.map(closed));
    await sleep(2000);
    const rssAfterIdle = rssKiB(sim.child.pid);
    await sleep(opts.settle * 1000);
    const rssSettled = rssKiB(sim.child.pid);
    clearInterval(sampler);
    sim.child.kill('SIGTERM');
    fs.rmSync(sim.dir, { recursive: true, force: true });

    const sum = (key) => stats.good.reduce((a, c) => a + c[key], 0);
    const byRole = {};
    for (const h of stats.hostile) {
        const r = byRole[h.role] || (byRole[h.role] = { rounds: 0, outcomes: {}, unexpected: [] });
        r.rounds += h.rounds;
        for (const [k, v] of Object.entries(h.outcomes)) r.outcomes[k] = (r.outcomes[k] || 0) + v;
        r.unexpected.push(...h.unexpected);
    }
    const report = {
        clients: opts.clients, hostile: opts.hostile, seconds: opts.seconds, rate: opts.rate, warmup: opts.warmup,
        wellBehaved: {
            clients: wellBehaved, events: sum('events'), gaps: sum('gaps'), duplicates: sum('duplicates'),
            disconnects: sum('disconnects'),
            minEventsPerClient: Math.min(...stats.good.map((g) => g.events)),
            errors: [...new Set(stats.good.flatMap((g) => g.errors))].slice(0, 20),
        },
        hostileRoles: byRole,
        sessionsOpenedAndClosed: sessionsOpened,
        idleConnections: idleConnected,
        serverRssKiB: {
            start: rssStart, peakDuringRun: rssPeakRun, endOfRun: rssEnd, afterRun: rssAfterRun,
            peakDuringSessions: rssPeakSessions, afterSessions: rssAfterSessions,
            peakDuringIdle: rssPeakIdle, afterIdle: rssAfterIdle,
            settled: opts.settle ? { afterSeconds: opts.settle, rss: rssSettled } : null,
        },
    };
    const failures = [];
    if (report.wellBehaved.gaps) failures.push(`${report.wellBehaved.gaps} gaps`);
    if (report.wellBehaved.duplicates) failures.push(`${report.wellBehaved.duplicates} duplicates`);
    if (report.wellBehaved.disconnects) failures.push(`${report.wellBehaved.disconnects} disconnects`);
    if (report.wellBehaved.minEventsPerClient === 0) failures.push('a well-behaved client received no event');
    if (sessionsOpened !== opts.sessions) failures.push(`${opts.sessions - sessionsOpened} sessions not opened`);
    if (idleConnected !== opts.idle) failures.push(`${opts.idle - idleConnected} idle consoles not connected`);
    for (const [role, r] of Object.entries(byRole)) {
        if (r.unexpected.length) failures.push(`${role}: ${[...new Set(r.unexpected)].join(', ')}`);
        if (r.rounds === 0) failures.push(`${role}: never ran`);
    }
    report.failures = failures;
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    process.exit(failures.length ? 1 : 0);
}

main();
