'use strict';
// A plain JSON WebSocket server in the manner of seed 002 (Node `ws`): bare
// JSON events with no ids and no sequence numbers. Watchfloor's interop tests
// start it as a real peer; see README.md for running it by hand.

const { WebSocketServer } = require('ws');

function intFromEnv(name, fallback, zeroAllowed = false) {
    const raw = process.env[name];
    if (raw === undefined || raw === '')
        return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < (zeroAllowed ? 0 : 1)) {
        console.error(`plain-server: ${name} must be a ${zeroAllowed ? 'whole number' : 'positive integer'}, not "${raw}"`);
        process.exit(2);
    }
    return value;
}

const args = process.argv.slice(2);
const knownFlags = new Set(['--bad', '--exit-with-stdin']);
for (const arg of args) {
    if (!knownFlags.has(arg)) {
        console.error(`plain-server: unknown option ${arg} (known: ${[...knownFlags].join(', ')})`);
        process.exit(2);
    }
}
const misbehaveFromStart = args.includes('--bad');

const telemetryMs = intFromEnv('TELEMETRY_MS', 200);
const alarmMs = intFromEnv('ALARM_MS', 1000);
const commandStepMs = intFromEnv('COMMAND_STEP_MS', 50);
// A server that announces its backlog: this many alarms at once to each
// client that subscribes to alarms, before the periodic ones.
const alarmBacklog = intFromEnv('ALARM_BACKLOG', 0, true);
// Pads every alarm message to this many characters (a server that sends
// whole logs as the message).
const alarmMessageChars = intFromEnv('ALARM_MESSAGE_CHARS', 0, true);
// The first alarm id; a restarted server starts from it again.
const firstAlarmId = intFromEnv('ALARM_FIRST_ID', 40);
// A fixed port, so that a test can restart the server where the console
// expects it; 0 (the default) picks a free one.
const listenPort = intFromEnv('PORT', 0, true);

// A brewhouse panel like seed 002's: numeric endpoint ids, one unit each.
const endpoints = new Map([
    [59, { name: 'HLT temperature', unit: '°F', value: 168.0, writable: false }],
    [60, { name: 'MLT temperature', unit: '°F', value: 152.0, writable: false }],
    [61, { name: 'Boil kettle temperature', unit: '°F', value: 205.0, writable: false }],
    [62, { name: 'HLT heater', unit: '', value: false, writable: true }],
    [63, { name: 'Wort pump', unit: '', value: false, writable: true }],
    [64, { name: 'Mash valve', unit: '', value: 'closed', writable: true }],
]);

const alarmTexts = [
    ['critical', 59, 'HLT temperature exceeded 212°F'],
    ['warning', 60, 'MLT temperature drifting from the mash step'],
    ['info', 63, 'Wort pump ran for its maintenance interval'],
];

// Frames a careless or hostile server might send: not JSON, JSON that is not
// an object, wrong field types, and a binary frame where text is expected.
const malformedFrames = [
    'this is not json',
    '{"type":"telemetry","endpointId":59,',
    '[1,2,3]',
    'null',
    '{"type":42}',
    '{"noType":true}',
    '{"type":"telemetry","endpointId":"fifty-nine","value":{"nested":true}}',
    '{"type":"alarm","alarmId":{},"severity":7,"message":null}',
    '{"type":"command_status","commandId":12,"status":"exploded"}',
    Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff]),
];

let nextClient = 1;
let nextAlarmId = firstAlarmId;
const commands = new Map();

function clientId() {
    const suffix = Math.random().toString(36).slice(2, 11);
    return `client-${Date.now()}-${nextClient++}-${suffix}`;
}

function send(ws, message) {
    if (ws.readyState === ws.OPEN)
        ws.send(JSON.stringify(message));
}

function sendMalformed(ws) {
    for (const frame of malformedFrames) {
        if (ws.readyState === ws.OPEN)
            ws.send(frame, { binary: Buffer.isBuffer(frame) });
    }
}

function numericIds(list) {
    return Array.isArray(list) ? list.filter((id) => Number.isInteger(id)) : [];
}

function handleSubscribe(ws, state, message, subscribe) {
    const channel = message.channel;
    if (channel === 'alarms') {
        const first = subscribe && !state.alarms;
        state.alarms = subscribe;
        if (first && alarmBacklog > 0)
            sendBacklog(ws);
        return;
    }
    if (channel === 'commands') {
        for (const id of Array.isArray(message.commandIds) ? message.commandIds : []) {
            if (subscribe)
                state.commandIds.add(String(id));
            else
                state.commandIds.delete(String(id));
        }
        return;
    }
    // Seed 002's telemetry subscription names endpoints; the channel is optional.
    if (channel !== undefined && channel !== 'telemetry') {
        send(ws, { type: 'error', message: `unknown channel ${channel}` });
        return;
    }
    for (const id of numericIds(message.endpointIds)) {
        if (subscribe)
            state.endpointIds.add(id);
        else
            state.endpointIds.delete(id);
    }
}

function broadcastCommandStatus(record) {
    const message = {
        type: 'command_status',
        commandId: record.commandId,
        status: record.status,
        actualValue: record.actualValue,
        error: record.error,
        completedAt: record.completedAt,
    };
    for (const [ws, state] of clients) {
        if (ws === record.origin || state.commandIds.has(record.commandId))
            send(ws, message);
    }
}

function runCommand(ws, message) {
    const commandId = typeof message.commandId === 'string' ? message.commandId : '';
    if (commandId === '') {
        send(ws, { type: 'error', message: 'command needs a string commandId' });
        return;
    }
    // The same commandId again never runs twice: answer with where it is.
    const known = commands.get(commandId);
    if (known) {
        send(ws, { type: 'command_status', commandId, status: known.status, actualValue: known.actualValue,
                   error: known.error, completedAt: known.completedAt });
        return;
    }
    const endpoint = endpoints.get(message.endpointId);
    const record = { commandId, origin: ws, status: 'queued', actualValue: null, error: null, completedAt: null };
    commands.set(commandId, record);
    if (!endpoint || !endpoint.writable) {
        record.status = 'rejected';
        record.error = endpoint ? `endpoint ${message.endpointId} is read-only` : `no endpoint ${message.endpointId}`;
        record.completedAt = new Date().toISOString();
        broadcastCommandStatus(record);
        return;
    }
    broadcastCommandStatus(record);
    const steps = ['sent', 'acked', 'succeeded'];
    const advance = () => {
        record.status = steps.shift();
        if (record.status === 'succeeded') {
            endpoint.value = message.value;
            record.actualValue = message.value;
            record.completedAt = new Date().toISOString();
        }
        broadcastCommandStatus(record);
        if (steps.length > 0)
            setTimeout(advance, commandStepMs);
    };
    setTimeout(advance, commandStepMs);
}

function handleMessage(ws, state, data, isBinary) {
    if (isBinary) {
        send(ws, { type: 'error', message: 'binary frames are not understood here' });
        return;
    }
    let message;
    try {
        message = JSON.parse(data.toString('utf8'));
    } catch (e) {
        send(ws, { type: 'error', message: `invalid JSON: ${e.message}` });
        return;
    }
    if (message === null || typeof message !== 'object' || typeof message.type !== 'string') {
        send(ws, { type: 'error', message: 'a message is an object with a string type' });
        return;
    }
    switch (message.type) {
    case 'subscribe':
        handleSubscribe(ws, state, message, true);
        break;
    case 'unsubscribe':
        handleSubscribe(ws, state, message, false);
        break;
    case 'command':
        runCommand(ws, message);
        break;
    case 'ping':
        send(ws, { type: 'pong' });
        break;
    case 'misbehave':
        sendMalformed(ws);
        break;
    default:
        send(ws, { type: 'error', message: `unknown message type ${message.type}` });
    }
}

const clients = new Map();
const wss = new WebSocketServer({ host: '127.0.0.1', port: listenPort, path: '/ws', maxPayload: 1024 * 1024 });

wss.on('connection', (ws) => {
    const state = { id: clientId(), endpointIds: new Set(), commandIds: new Set(), alarms: false, badIndex: 0 };
    clients.set(ws, state);
    ws.on('message', (data, isBinary) => handleMessage(ws, state, data, isBinary));
    ws.on('close', () => clients.delete(ws));
    ws.on('error', () => clients.delete(ws));
    send(ws, { type: 'connected', clientId: state.id });
    if (misbehaveFromStart)
        sendMalformed(ws);
});

function drift(endpoint) {
    if (typeof endpoint.value === 'number')
        endpoint.value = Math.round((endpoint.value + (Math.random() - 0.5)) * 10) / 10;
}

setInterval(() => {
    const now = new Date().toISOString();
    for (const endpoint of endpoints.values())
        drift(endpoint);
    for (const [ws, state] of clients) {
        for (const id of state.endpointIds) {
            const endpoint = endpoints.get(id);
            if (endpoint)
                send(ws, { type: 'telemetry', endpointId: id, value: endpoint.value, unit: endpoint.unit,
                           timestamp: now });
        }
        // A misbehaving server keeps misbehaving between good frames.
        if (misbehaveFromStart && ws.readyState === ws.OPEN) {
            const frame = malformedFrames[state.badIndex++ % malformedFrames.length];
            ws.send(frame, { binary: Buffer.isBuffer(frame) });
        }
    }
}, telemetryMs);

function nextAlarm() {
    const [severity, endpointId, text] = alarmTexts[nextAlarmId % alarmTexts.length];
    const message = alarmMessageChars > text.length ? text + ' ' + '#'.repeat(alarmMessageChars - text.length - 1)
                                                    : text;
    return { type: 'alarm', alarmId: nextAlarmId++, severity, message, endpointId,
             timestamp: new Date().toISOString() };
}

// The backlog goes out in one burst, the way a server catching up writes it.
function sendBacklog(ws) {
    for (let i = 0; i < alarmBacklog; ++i)
        send(ws, nextAlarm());
}

setInterval(() => {
    const alarm = nextAlarm();
    for (const [ws, state] of clients) {
        if (state.alarms)
            send(ws, alarm);
    }
}, alarmMs);

wss.on('listening', () => {
    process.stdout.write(`listening ${wss.address().port}\n`);
});

function shutDown() {
    for (const ws of clients.keys())
        ws.close(1001, 'server going away');
    wss.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
// A test that dies leaves no server behind: its end of our stdin closes.
if (args.includes('--exit-with-stdin')) {
    process.stdin.on('end', shutDown);
    process.stdin.resume();
}
