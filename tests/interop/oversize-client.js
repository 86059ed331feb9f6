'use strict';
// A console-like client (Node `ws`) that sends one message larger than the
// server accepts and reports the close code it gets: `close CODE` on stdout.
// It stops reading for a moment after sending, as a busy or distant client
// does, so the server's close frame waits in the socket buffer: a server that
// resets the connection with the rest of the message unread loses that frame,
// and the client sees 1006 instead of the promised 1009.
//
//   node oversize-client.js ws://127.0.0.1:PORT/ws BYTES

const WebSocket = require('ws');

const [url, bytesArg] = process.argv.slice(2);
const bytes = Number(bytesArg);
if (!url || !Number.isInteger(bytes) || bytes <= 0) {
    console.error('usage: oversize-client.js URL BYTES');
    process.exit(2);
}
const pauseMs = Number(process.env.PAUSE_MS || 500);

const ws = new WebSocket(url, ['watchfloor.v1']);
ws.on('message', (data) => {
    const message = JSON.parse(data.toString('utf8'));
    if (message.type === 'hello') {
        ws.send(JSON.stringify({ type: 'auth', id: 1, token: '', operator: 'oversize', client: 'oversize-client' }));
    } else if (message.type === 'result' && message.id === 1) {
        ws._socket.pause();
        ws.send('x'.repeat(bytes));
        setTimeout(() => ws._socket.resume(), pauseMs);
    }
});
ws.on('close', (code) => {
    process.stdout.write(`close ${code}\n`);
    process.exit(0);
});
ws.on('error', (e) => console.error(`oversize-client: ${e.message}`));
setTimeout(() => {
    process.stdout.write('close none\n');
    process.exit(1);
}, 10000).unref();
