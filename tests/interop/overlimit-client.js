'use strict';
// A console-like client (Node `ws`) that breaks one of the reference server's
// limits and reports the close code it gets: `close CODE` on stdout.
//
//   node overlimit-client.js URL MODE [BYTES]
//
//   oversize   one message of BYTES (over the server's message size)  expects 1009
//   flood      requests far above the message rate                    expects 1008
//   malformed  messages that are not JSON, one after another          expects 1007
//
// It behaves as a busy or distant client does: once it has signed in it stops
// reading for a moment (PAUSE_MS, 500 ms by default) and keeps sending while
// the server decides, so the server's close frame waits in the socket buffer
// while the client's data is still arriving. A server that ends the
// connection with data unread makes the kernel answer with a reset; the
// client, still writing, then loses the connection before it reads the close
// frame and sees 1006 instead of the promised code.

const WebSocket = require('ws');

const [url, mode, bytesArg] = process.argv.slice(2);
const bytes = Number(bytesArg || 0);
if (!url || !['oversize', 'flood', 'malformed'].includes(mode) || (mode === 'oversize' && !(bytes > 0))) {
    console.error('usage: overlimit-client.js URL oversize BYTES | URL flood | URL malformed');
    process.exit(2);
}
const pauseMs = Number(process.env.PAUSE_MS || 500);

const ws = new WebSocket(url, ['watchfloor.v1']);
let id = 2;
// Keeps the client's side of the link busy until the server has closed it.
const keepSending = (message) => {
    const step = () => {
        if (ws.readyState !== WebSocket.OPEN) return;
        for (let i = 0; i < 50; i++) ws.send(message());
        setImmediate(step);
    };
    step();
};
ws.on('message', (data) => {
    const message = JSON.parse(data.toString('utf8'));
    if (message.type === 'hello') {
        ws.send(JSON.stringify({ type: 'auth', id: 1, token: '', operator: 'overlimit', client: 'overlimit-client' }));
    } else if (message.type === 'result' && message.id === 1) {
        ws._socket.pause();
        setTimeout(() => ws._socket.resume(), pauseMs);
        if (mode === 'oversize') ws.send('x'.repeat(bytes));
        else if (mode === 'flood') keepSending(() => JSON.stringify({ type: 'ping', id: id++ }));
        else keepSending(() => '{ this is not json');
    }
});
ws.on('close', (code) => {
    process.stdout.write(`close ${code}\n`);
    process.exit(0);
});
ws.on('error', (e) => console.error(`overlimit-client: ${e.message}`));
setTimeout(() => {
    process.stdout.write('close none\n');
    process.exit(1);
}, 10000).unref();
