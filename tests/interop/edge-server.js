'use strict';
// A plain JSON WebSocket server (Node `ws`) that behaves as foreign backends
// have been seen to at the edges of the protocol. Watchfloor's interop tests
// start it as a real peer; see README.md.
//
//   --big-frame BYTES   on every connection, after one ordinary message, send
//                       one telemetry message padded to BYTES, then stream
//   --silent            select the console's subprotocol but say nothing until
//                       the client speaks (no hello, no greeting of any kind)
//
// Telemetry for endpoint 59 goes to every client every TELEMETRY_MS (default
// 50) once it is streaming; `connections N` is written to stderr per connection.

const { WebSocketServer } = require('ws');

const args = process.argv.slice(2);
let bigFrameBytes = 0;
let silent = false;
for (let i = 0; i < args.length; ++i) {
    const arg = args[i];
    if (arg === '--big-frame') {
        bigFrameBytes = Number(args[++i]);
        if (!Number.isInteger(bigFrameBytes) || bigFrameBytes <= 0) {
            console.error(`edge-server: --big-frame needs a positive number of bytes`);
            process.exit(2);
        }
    } else if (arg === '--silent') {
        silent = true;
    } else if (arg !== '--exit-with-stdin') {
        console.error(`edge-server: unknown option ${arg} (known: --big-frame BYTES, --silent, --exit-with-stdin)`);
        process.exit(2);
    }
}

const telemetryMs = Number(process.env.TELEMETRY_MS || 50);
let value = 168.0;
let connections = 0;

function telemetry(extra) {
    return { type: 'telemetry', endpointId: 59, value, unit: '°F', timestamp: new Date().toISOString(), ...extra };
}

function bigMessage(bytes) {
    const base = JSON.stringify(telemetry({ note: '' }));
    return JSON.stringify(telemetry({ note: 'x'.repeat(Math.max(0, bytes - base.length)) }));
}

const streaming = new Set();
const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    path: '/ws',
    maxPayload: 64 * 1024 * 1024,
    // Takes the console's subprotocol, as Node servers often do.
    handleProtocols: (protocols) => (protocols.has('watchfloor.v1') ? 'watchfloor.v1' : false),
});

wss.on('connection', (ws) => {
    ++connections;
    console.error(`connections ${connections}`);
    const startStreaming = () => {
        // One ordinary message first (a console tells the dialect by it),
        // then the big one, then the stream.
        ws.send(JSON.stringify(telemetry({})));
        if (bigFrameBytes > 0)
            ws.send(bigMessage(bigFrameBytes));
        streaming.add(ws);
    };
    if (silent)
        ws.once('message', startStreaming);
    else
        startStreaming();
    ws.on('message', (data) => {
        let message;
        try {
            message = JSON.parse(data.toString('utf8'));
        } catch (e) {
            return;
        }
        if (message && message.type === 'ping')
            ws.send(JSON.stringify({ type: 'pong' }));
    });
    ws.on('close', () => streaming.delete(ws));
});

setInterval(() => {
    value = Math.round((value + (Math.random() - 0.5)) * 10) / 10;
    const frame = JSON.stringify(telemetry({}));
    for (const ws of streaming) {
        if (ws.readyState === ws.OPEN)
            ws.send(frame);
    }
}, telemetryMs);

wss.on('listening', () => {
    process.stdout.write(`listening ${wss.address().port}\n`);
});

function shutDown() {
    for (const ws of wss.clients)
        ws.close(1001, 'server going away');
    wss.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
if (args.includes('--exit-with-stdin')) {
    process.stdin.on('end', shutDown);
    process.stdin.resume();
}
