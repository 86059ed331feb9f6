'use strict';
// A Sparkplug B edge node made of the npm sparkplug-client package (3.2.4),
// scripted by JSON lines on stdin and reporting JSON lines on stdout, so that
// a test can play a real third-party edge node against a Sparkplug host
// application. See README.md ("sparkplug-edge.js") for the flags, commands
// and events; stderr carries diagnostics only.
//
// What sparkplug-client does by itself, and what this script adds:
//   - It connects with clean session, keep-alive 5 s, and a will on
//     spBv1.0/<group>/NDEATH/<node> (QoS 0, not retained) whose payload holds
//     the bdSeq metric, computed once when the client is made.
//   - On every (re)connection it subscribes to NCMD/<node>/# and
//     DCMD/<node>/# and emits "birth": the application must then publish
//     NBIRTH and the DBIRTHs. publishNodeBirth() resets seq to 0 and appends
//     bdSeq (UInt64); the application must add "Node Control/Rebirth".
//   - Every NBIRTH, NDATA, DBIRTH, DDATA and DDEATH gets the next seq, 0..255
//     then 0 again, shared by all messages of the node. NDEATH has none.
//   - It never changes bdSeq: every connection would carry bdSeq 0. The
//     specification wants bdSeq to grow by one with each CONNECT, so that a
//     host can tell the NDEATH of an old session from the current one. This
//     script does that by default (see reconnect below); --package-bdseq
//     leaves the package's behaviour as it is.
//   - It does nothing with NCMD: a "Node Control/Rebirth" must be answered
//     by the application with a full rebirth, which this script does.
//   - It does nothing with DCMD: a real device writes the value and reports
//     it in DDATA, which this script does unless told not to comply.
//   - It knows nothing of aliases or of the primary host's STATE topic.

const sparkplugClient = require('sparkplug-client');
const Long = require('long');

function fail(message) {
    process.stderr.write(`sparkplug-edge: ${message}\n`);
    process.exit(2);
}

function emit(event, fields = {}) {
    process.stdout.write(JSON.stringify({ event, ...fields }) + '\n');
}

// ---- values ---------------------------------------------------------------

// The scalar types sparkplug-payload 1.0.3 can encode (it has no arrays).
const integerTypes = new Set(['Int8', 'Int16', 'Int32', 'UInt8', 'UInt16']);
const longTypes = new Set(['Int64', 'UInt32', 'UInt64', 'DateTime']);
const floatTypes = new Set(['Float', 'Double']);
const stringTypes = new Set(['String', 'Text', 'UUID']);
const bytesTypes = new Set(['Bytes', 'File']);
const allTypes = [...integerTypes, ...longTypes, ...floatTypes, 'Boolean', ...stringTypes, ...bytesTypes];

function canonicalType(type) {
    const found = allTypes.find((t) => t.toLowerCase() === String(type).toLowerCase());
    if (!found) throw new Error(`unknown or unsupported datatype "${type}" (known: ${allTypes.join(', ')})`);
    return found;
}

// A value from the command line (text) or a JSON command, in the form
// sparkplug-payload encodes for `type`. 64-bit values may be decimal strings.
function toValue(type, value) {
    if (value === null) return null;
    if (integerTypes.has(type) || floatTypes.has(type)) {
        const number = Number(value);
        if (typeof value === 'boolean' || Number.isNaN(number) && value !== 'NaN')
            throw new Error(`"${value}" is not a ${type}`);
        return number;
    }
    if (longTypes.has(type)) {
        if (typeof value === 'string' && !/^-?\d+$/.test(value)) throw new Error(`"${value}" is not a ${type}`);
        // Small values stay numbers: the package's UInt32 decoder and its
        // users expect them.
        const long = Long.fromValue(typeof value === 'string' ? Long.fromString(value, type !== 'Int64') : value);
        const number = long.toNumber();
        return Number.isSafeInteger(number) ? number : long;
    }
    if (type === 'Boolean') {
        if (value === true || value === 'true') return true;
        if (value === false || value === 'false') return false;
        throw new Error(`"${value}" is not a Boolean`);
    }
    if (stringTypes.has(type)) return String(value);
    if (bytesTypes.has(type)) return Buffer.from(String(value), 'base64');
    throw new Error(`unsupported datatype ${type}`);
}

// A value as JSON can carry it: 64-bit integers as decimal strings, bytes
// base64, NaN and infinities as text.
function plain(value) {
    if (value === undefined) return null;
    if (Long.isLong(value)) return value.toString();
    if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    return value;
}

// ---- configuration --------------------------------------------------------

const usage = `usage: node sparkplug-edge.js --broker URL --group ID --node ID
    [--client-id ID] [--keepalive S] [--reconnect-ms MS]
    [--node-metric NAME:TYPE:VALUE]...
    [--device ID [--metric NAME:TYPE:VALUE]... [--read-only NAME]...]...
    [--period MS] [--aliases] [--ignore-commands] [--package-bdseq] [--manual-birth]`;

function parseMetric(text) {
    // NAME:TYPE:VALUE, the value being everything after the second colon.
    const first = text.indexOf(':');
    const second = first < 0 ? -1 : text.indexOf(':', first + 1);
    if (first <= 0 || second < 0) throw new Error(`metric "${text}" is not NAME:TYPE:VALUE`);
    const type = canonicalType(text.slice(first + 1, second));
    return { name: text.slice(0, first), type, value: toValue(type, text.slice(second + 1)), readOnly: false };
}

function parseArguments(argv) {
    const config = {
        broker: null, group: null, node: null, clientId: null, keepalive: 5, reconnectMs: 1000,
        nodeMetrics: [], devices: [], periodMs: 0, aliases: false, ignoreCommands: false,
        packageBdSeq: false, manualBirth: false,
    };
    const valueOf = (i, flag) => {
        if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
        return argv[i + 1];
    };
    const positive = (text, flag) => {
        const n = Number(text);
        if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number, not "${text}"`);
        return n;
    };
    for (let i = 0; i < argv.length; ++i) {
        const flag = argv[i];
        switch (flag) {
        case '--broker': config.broker = valueOf(i++, flag); break;
        case '--group': config.group = valueOf(i++, flag); break;
        case '--node': config.node = valueOf(i++, flag); break;
        case '--client-id': config.clientId = valueOf(i++, flag); break;
        case '--keepalive': config.keepalive = positive(valueOf(i++, flag), flag); break;
        case '--reconnect-ms': config.reconnectMs = positive(valueOf(i++, flag), flag); break;
        case '--period': config.periodMs = positive(valueOf(i++, flag), flag); break;
        case '--aliases': config.aliases = true; break;
        case '--ignore-commands': config.ignoreCommands = true; break;
        case '--package-bdseq': config.packageBdSeq = true; break;
        case '--manual-birth': config.manualBirth = true; break;
        case '--node-metric': config.nodeMetrics.push(parseMetric(valueOf(i++, flag))); break;
        case '--device': config.devices.push({ id: valueOf(i++, flag), metrics: [], alive: false }); break;
        case '--metric':
        case '--read-only': {
            const device = config.devices[config.devices.length - 1];
            if (!device) throw new Error(`${flag} must follow a --device`);
            const text = valueOf(i++, flag);
            if (flag === '--metric') {
                device.metrics.push(parseMetric(text));
            } else {
                const metric = device.metrics.find((m) => m.name === text);
                if (!metric) throw new Error(`--read-only ${text}: device ${device.id} has no such metric`);
                metric.readOnly = true;
            }
            break;
        }
        case '--exit-with-stdin': break; // always the case; accepted for symmetry with the other peers
        default: throw new Error(`unknown option ${flag}`);
        }
    }
    for (const key of ['broker', 'group', 'node'])
        if (!config[key]) throw new Error(`--${key} is required`);
    const ids = new Set();
    for (const device of config.devices) {
        if (ids.has(device.id)) throw new Error(`device ${device.id} given twice`);
        ids.add(device.id);
    }
    return config;
}

let config;
try {
    config = parseArguments(process.argv.slice(2));
} catch (error) {
    fail(`${error.message}\n${usage}`);
}

// The node's own metrics: the specification requires every NBIRTH to carry
// the Boolean "Node Control/Rebirth" (false), which a host writes true to ask
// for a rebirth. sparkplug-client adds bdSeq itself.
const rebirthMetric = { name: 'Node Control/Rebirth', type: 'Boolean', value: false, readOnly: false };
const nodeMetrics = [rebirthMetric, ...config.nodeMetrics];

// Aliases, when used, are numbers unique within the edge node (node and
// device metrics alike), declared in the births next to the names; data
// messages then carry the alias alone. They are fixed for the process.
let nextAlias = 1;
for (const metric of [...nodeMetrics, ...config.devices.flatMap((d) => d.metrics)])
    metric.alias = nextAlias++;
let useAliases = config.aliases;

function deviceById(id) {
    return config.devices.find((d) => d.id === id);
}

// ---- the sparkplug-client edge node ---------------------------------------

const client = sparkplugClient.newClient({
    serverUrl: config.broker,
    groupId: config.group,
    edgeNode: config.node,
    clientId: config.clientId || `sparkplug-edge-${config.node}-${process.pid}`,
    username: null,
    password: null,
    keepalive: config.keepalive,
    // stop() publishes NDEATH before DISCONNECT, as the specification asks of
    // a node that goes offline on purpose.
    publishDeath: true,
    mqttOptions: { reconnectPeriod: config.reconnectMs },
});
const mqttClient = client.client; // the mqtt.js client underneath

// The death payload as the package builds it, with the current bdSeq.
function deathPayloadBytes() {
    return Buffer.from(client.encodePayload(client.getDeathPayload()));
}

// Spec: "The bdSeq number ... MUST be incremented by one from the value in
// the previous MQTT CONNECT packet", wrapping 255 -> 0. mqtt.js reads the will
// from its options at each CONNECT and emits "reconnect" just before sending
// it, so that is where the next session gets its bdSeq, in the will first and
// then (via client.bdSeq) in the NBIRTH the package builds.
mqttClient.on('reconnect', () => {
    if (!config.packageBdSeq) {
        client.bdSeq = (client.bdSeq + 1) % 256;
        mqttClient.options.will.payload = deathPayloadBytes();
    }
    emit('reconnecting', { bdSeq: client.bdSeq });
});

// Messages to be published by the application, with metric values as the
// package takes them.
function birthMetric(metric) {
    const out = { name: metric.name, type: metric.type, value: metric.value };
    if (useAliases) out.alias = metric.alias;
    return out;
}

function dataMetric(metric, value) {
    // The package needs the datatype to encode a value, so data messages
    // always carry it (the specification only says they should not).
    const out = { type: metric.type, value };
    if (useAliases) out.alias = metric.alias;
    else out.name = metric.name;
    return out;
}

function publishDeviceBirth(device) {
    const payload = { timestamp: Date.now(), metrics: device.metrics.map(birthMetric) };
    client.publishDeviceBirth(device.id, payload);
    device.alive = true;
    emit('sent', { type: 'DBIRTH', device: device.id, seq: payload.seq });
}

// A full birth: NBIRTH (seq back to 0, the session's bdSeq), then a DBIRTH
// for every device. Used on each connection, for a rebirth request and for
// the `birth` command.
function publishBirths(reason) {
    const payload = { timestamp: Date.now(), metrics: nodeMetrics.map(birthMetric) };
    client.publishNodeBirth(payload);
    emit('sent', { type: 'NBIRTH', seq: payload.seq, bdSeq: client.bdSeq });
    for (const device of config.devices) publishDeviceBirth(device);
    emit('birth', { reason, bdSeq: client.bdSeq, aliases: useAliases });
}

// NDATA (device undefined) or DDATA with the given {name: value} changes,
// which are also kept as the metrics' current values.
function publishData(deviceId, changes) {
    const owner = deviceId === undefined ? null : deviceById(deviceId);
    if (deviceId !== undefined && !owner) throw new Error(`no device "${deviceId}"`);
    const known = owner ? owner.metrics : nodeMetrics;
    const metrics = [];
    for (const [name, raw] of Object.entries(changes)) {
        const metric = known.find((m) => m.name === name);
        if (!metric) throw new Error(`${owner ? `device ${owner.id}` : 'the node'} has no metric "${name}"`);
        metric.value = toValue(metric.type, raw);
        metrics.push(dataMetric(metric, metric.value));
    }
    if (metrics.length === 0) throw new Error('no metrics to publish');
    const payload = { timestamp: Date.now(), metrics };
    if (owner) client.publishDeviceData(owner.id, payload);
    else client.publishNodeData(payload);
    emit('sent', { type: owner ? 'DDATA' : 'NDATA', device: owner ? owner.id : undefined, seq: payload.seq });
}

client.on('connect', () => emit('connected', { bdSeq: client.bdSeq }));
client.on('birth', () => {
    // Emitted by the package on every connection.
    if (!config.manualBirth) publishBirths('connect');
});
client.on('close', () => emit('disconnected'));
client.on('offline', () => emit('offline'));
// The package emits errors only while connecting, and then ends the client
// for good: a node that cannot reach its broker at start never retries.
client.on('error', (error) => emit('error', { message: `mqtt: ${error.message}` }));

// ---- commands from a host ---------------------------------------------------

// The metrics of an NCMD or DCMD as the package decoded them, resolved
// against the node's or device's own metrics by name or alias, and applied
// unless the metric (or the whole node) does not comply.
function handleCommand(known, metrics, label) {
    const report = [];
    const applied = [];
    for (const received of metrics || []) {
        const metric = known.find((m) => (received.name !== undefined ? m.name === received.name
                                                                       : m.alias !== undefined && received.alias !== undefined
                                                                             && Long.fromValue(received.alias).equals(m.alias)));
        const entry = { name: received.name === undefined ? null : received.name, alias: plain(received.alias),
                        type: received.type === undefined ? null : received.type, value: plain(received.value) };
        if (!metric) {
            entry.applied = false;
            entry.reason = `${label} has no such metric`;
        } else if (received.type === undefined) {
            // sparkplug-payload reads a value only through the metric's
            // datatype: without one it gives null, whatever the bytes hold.
            entry.applied = false;
            entry.reason = 'no datatype: sparkplug-payload cannot read the value';
        } else if (received.value === null || received.value === undefined) {
            // Null, or a value the package did not find where it looks: it
            // reads UInt32 from long_value only, so a UInt32 sent in
            // int_value, as the specification says, arrives as null.
            entry.applied = false;
            entry.reason = 'no value';
        } else if (config.ignoreCommands || metric.readOnly) {
            entry.applied = false;
            entry.reason = 'ignored';
        } else {
            entry.name = metric.name;
            entry.applied = true;
            applied.push({ metric, value: received.value });
        }
        report.push(entry);
    }
    return { report, applied };
}

client.on('ncmd', (payload) => {
    const { report, applied } = handleCommand(nodeMetrics, payload.metrics, 'the node');
    emit('ncmd', { metrics: report });
    // Spec: on "Node Control/Rebirth" = true the node publishes a new NBIRTH
    // and all its DBIRTHs on the same connection (same bdSeq, seq from 0).
    const rebirth = applied.find((a) => a.metric === rebirthMetric);
    if (rebirth && rebirth.value === true) {
        emit('rebirth', { bdSeq: client.bdSeq });
        publishBirths('ncmd');
    }
    const writes = applied.filter((a) => a.metric !== rebirthMetric);
    if (writes.length) safely('ncmd', () => publishData(undefined, Object.fromEntries(writes.map((a) => [a.metric.name, a.value]))));
});

client.on('dcmd', (deviceId, payload) => {
    const device = deviceById(deviceId);
    if (!device) {
        emit('dcmd', { device: deviceId, metrics: [], error: `no device "${deviceId}"` });
        return;
    }
    const { report, applied } = handleCommand(device.metrics, payload.metrics, `device ${deviceId}`);
    emit('dcmd', { device: deviceId, metrics: report });
    // A device that complies writes the value and reports it back in DDATA.
    if (applied.length)
        safely('dcmd', () => publishData(deviceId, Object.fromEntries(applied.map((a) => [a.metric.name, a.value]))));
});

// ---- periodic data ----------------------------------------------------------

if (config.periodMs > 0) {
    setInterval(() => {
        if (!mqttClient.connected) return;
        for (const device of config.devices) {
            if (!device.alive) continue;
            const changes = {};
            for (const metric of device.metrics) {
                if (integerTypes.has(metric.type) || floatTypes.has(metric.type)) changes[metric.name] = metric.value + 1;
                else if (metric.type === 'Boolean') changes[metric.name] = !metric.value;
            }
            if (Object.keys(changes).length) safely('period', () => publishData(device.id, changes));
        }
    }, config.periodMs);
}

// ---- commands on stdin ------------------------------------------------------

function safely(command, action) {
    try {
        action();
    } catch (error) {
        emit('error', { command, message: error.message });
    }
}

function requireConnected() {
    if (!mqttClient.connected) throw new Error('not connected');
}

// Runs `action` once the socket has handed everything mqtt.js wrote to it
// over to the kernel.
function afterFlush(action) {
    const stream = mqttClient.stream;
    if (stream && stream.writableLength > 0) stream.once('drain', () => setImmediate(action));
    else setImmediate(action);
}

const commands = {
    birth() {
        requireConnected();
        publishBirths('command');
    },
    dbirth(command) {
        requireConnected();
        const device = deviceById(command.device);
        if (!device) throw new Error(`no device "${command.device}"`);
        publishDeviceBirth(device);
    },
    data(command) {
        requireConnected();
        const device = command.device === undefined ? undefined : deviceById(command.device);
        if (device && !device.alive && !command.force)
            throw new Error(`device ${device.id} is dead: birth it first (or send "force": true)`);
        publishData(command.device, command.metrics || {});
    },
    ddeath(command) {
        requireConnected();
        const device = deviceById(command.device);
        if (!device) throw new Error(`no device "${command.device}"`);
        // DDEATH carries a seq (the package adds it) and no metrics.
        const payload = { timestamp: Date.now() };
        client.publishDeviceDeath(device.id, payload);
        device.alive = false;
        emit('sent', { type: 'DDEATH', device: device.id, seq: payload.seq });
    },
    'skip-seq'(command) {
        // The package keeps the next seq in client.seq (0..256, 256 meaning
        // 0) and has no call to skip numbers; moving it forward makes the next
        // message published by the package itself leave a gap.
        const count = command.count === undefined ? 1 : Number(command.count);
        if (!Number.isInteger(count) || count < 1 || count > 255) throw new Error('count must be 1..255');
        const from = client.seq % 256;
        client.seq = (from + count) % 256;
        emit('seq-skipped', { count, nextSeq: client.seq });
    },
    'use-aliases'(command) {
        // Aliases are declared in births: switching them on or off takes a
        // rebirth, published at once when connected.
        useAliases = command.on !== false;
        emit('aliases', { on: useAliases });
        if (mqttClient.connected) publishBirths('aliases');
    },
    'exit-clean'() {
        // NDEATH (bdSeq of this session) then MQTT DISCONNECT: the broker
        // drops the will. The package's stop() does exactly that.
        client.stop();
        mqttClient.once('close', () => { emit('exit', { reason: 'exit-clean' }); process.exit(0); });
        setTimeout(() => { emit('exit', { reason: 'exit-clean timed out' }); process.exit(0); }, 3000).unref();
    },
    crash() {
        // The process dies without MQTT DISCONNECT. What was published before
        // is written out first (a test scripts "data" then "crash" in one
        // breath); then the socket is destroyed and the process exits. The
        // broker sees a connection lost without DISCONNECT and publishes the
        // will (NDEATH). A SIGKILL does the same without the flush.
        afterFlush(() => {
            emit('exit', { reason: 'crash' });
            if (mqttClient.stream) mqttClient.stream.destroy();
            process.exit(3);
        });
    },
    drop() {
        // The link breaks but the node lives on: mqtt.js reconnects after
        // --reconnect-ms, with a new bdSeq, and the node births again.
        if (!mqttClient.stream) throw new Error('no connection');
        afterFlush(() => {
            emit('dropped', { bdSeq: client.bdSeq });
            mqttClient.stream.destroy();
        });
    },
};

let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (!line) continue;
        let command;
        try {
            command = JSON.parse(line);
        } catch (error) {
            emit('error', { message: `not JSON: ${line}` });
            continue;
        }
        const action = commands[command && command.cmd];
        if (!action) {
            emit('error', { command: command && command.cmd, message: `unknown command (known: ${Object.keys(commands).join(', ')})` });
            continue;
        }
        safely(command.cmd, () => action(command));
    }
});
// The test that drives this node has gone: so does the node, without
// DISCONNECT, so the broker publishes its NDEATH as for a crash.
process.stdin.on('end', () => process.exit(0));

// A fault inside the package (a command payload it cannot decode, say) ends
// the process as it would end a real node built on it.
process.on('uncaughtException', (error) => {
    emit('error', { fatal: true, message: error && error.stack ? error.stack : String(error) });
    process.exit(70);
});

emit('ready', {
    broker: config.broker, group: config.group, node: config.node,
    devices: config.devices.map((d) => d.id), aliases: useAliases, bdSeqPerConnection: !config.packageBdSeq,
});
