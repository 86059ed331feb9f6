'use strict';
// A Socket.IO v4 server in the manner of seed 000's drone dashboard: drone
// updates, system alerts and health, and per-drone build progress rooms.
// Watchfloor's interop tests start it as a real peer; see README.md.
// --seed-000 sends the shapes seed 000's own server sends (alerts without a
// level, build progress as `completion`) and reports on stdout every room a
// client joins or leaves ("joined DR-1001", "left DR-1001").

const http = require('http');
const { Server } = require('socket.io');

function intFromEnv(name, fallback) {
    const raw = process.env[name];
    if (raw === undefined || raw === '')
        return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) {
        console.error(`socketio-server: ${name} must be a positive integer, not "${raw}"`);
        process.exit(2);
    }
    return value;
}

const args = process.argv.slice(2);
for (const arg of args) {
    if (arg !== '--exit-with-stdin' && arg !== '--seed-000') {
        console.error(`socketio-server: unknown option ${arg} (known: --exit-with-stdin, --seed-000)`);
        process.exit(2);
    }
}
const seed000 = args.includes('--seed-000');

const droneUpdateMs = intFromEnv('DRONE_UPDATE_MS', 5000);
const systemAlertMs = intFromEnv('SYSTEM_ALERT_MS', 10000);
const systemHealthMs = intFromEnv('SYSTEM_HEALTH_MS', 15000);
const buildProgressMs = intFromEnv('BUILD_PROGRESS_MS', 2000);
const pingIntervalMs = intFromEnv('PING_INTERVAL_MS', 25000);
const pingTimeoutMs = intFromEnv('PING_TIMEOUT_MS', 20000);
const droneCount = intFromEnv('DRONES', 3);

const stages = ['frame', 'propulsion', 'avionics', 'payload', 'flight test'];
const assemblies = ['airframe', 'motor pod', 'flight controller', 'gimbal', 'battery bay'];
const states = ['idle', 'flying', 'charging', 'maintenance'];
const alertTexts = [
    ['warning', 'Battery below 20%'],
    ['error', 'Motor 3 current out of range'],
    ['info', 'Firmware update available'],
    ['warning', 'GPS signal degraded'],
];

const drones = [];
for (let i = 1; i <= droneCount; ++i) {
    drones.push({
        serial: `DR-${String(1000 + i)}`,
        state: states[i % states.length],
        battery: 100 - i * 7,
        lat: 52.37 + i * 0.01,
        lon: 4.89 + i * 0.01,
        alt: 0,
        speed: 0,
        percent: (i * 13) % 100,
        stageIndex: i % stages.length,
    });
}
const alerts = new Map();
let nextAlert = 1;
let updateTurn = 0;

const round1 = (x) => Math.round(x * 10) / 10;
const round5 = (x) => Math.round(x * 1e5) / 1e5;
const now = () => new Date().toISOString();

function statusData(drone) {
    return {
        state: drone.state,
        battery: Math.round(drone.battery),
        location: { lat: round5(drone.lat), lon: round5(drone.lon), alt: round1(drone.alt) },
        speed: round1(drone.speed),
    };
}

function buildProgressData(drone) {
    const remaining = (100 - drone.percent) * 90;
    if (seed000) {
        return { completion: drone.percent, stage: stages[drone.stageIndex], assembly: assemblies[drone.stageIndex],
                 eta: new Date(Date.now() + remaining * 1000).toISOString() };
    }
    return {
        percent: drone.percent,
        stage: stages[drone.stageIndex],
        assembly: assemblies[drone.stageIndex],
        eta: new Date(Date.now() + remaining * 1000).toISOString(),
    };
}

function healthData() {
    return {
        cpu: round1(20 + Math.random() * 50),
        memory: round1(40 + Math.random() * 30),
        storage: round1(55 + Math.random() * 10),
        temperature: round1(38 + Math.random() * 12),
    };
}

function droneUpdate(drone, type) {
    const data = type === 'status' ? statusData(drone)
        : type === 'build_progress' ? buildProgressData(drone)
            : healthData();
    return { serial: drone.serial, type, data, timestamp: now() };
}

function systemHealth() {
    return { ...healthData(), activeDrones: drones.length, connectedClients: io.engine.clientsCount,
             timestamp: now() };
}

function step(drone) {
    drone.battery = drone.state === 'charging' ? Math.min(100, drone.battery + 2) : Math.max(5, drone.battery - 1);
    drone.speed = drone.state === 'flying' ? 8 + Math.random() * 6 : 0;
    drone.alt = drone.state === 'flying' ? 40 + Math.random() * 20 : 0;
    drone.lat += (Math.random() - 0.5) * 0.0005;
    drone.lon += (Math.random() - 0.5) * 0.0005;
    drone.percent = Math.min(100, drone.percent + 1 + Math.floor(Math.random() * 3));
    if (drone.percent >= 100) {
        drone.percent = 0;
        drone.stageIndex = (drone.stageIndex + 1) % stages.length;
    }
}

const room = (serial) => `drone:${serial}`;

const httpServer = http.createServer((req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('only Socket.IO lives here\n');
});
const io = new Server(httpServer, {
    pingInterval: pingIntervalMs,
    pingTimeout: pingTimeoutMs,
    maxHttpBufferSize: 1024 * 1024,
    cors: { origin: ['http://localhost:3000', 'http://127.0.0.1:3000'] },
});

io.on('connection', (socket) => {
    socket.emit('system_health', systemHealth());

    socket.on('join_drone_room', (serial, ack) => {
        const drone = drones.find((d) => d.serial === serial);
        if (typeof serial === 'string') {
            socket.join(room(serial));
            if (seed000)
                process.stdout.write(`joined ${serial}\n`);
        }
        // A new member sees where its drone's build stands without waiting.
        if (drone)
            socket.emit(`build_progress:${serial}`, buildProgressData(drone));
        if (typeof ack === 'function')
            ack({ ok: Boolean(drone), room: room(serial), known: Boolean(drone) });
    });

    socket.on('leave_drone_room', (serial, ack) => {
        if (typeof serial === 'string') {
            socket.leave(room(serial));
            if (seed000)
                process.stdout.write(`left ${serial}\n`);
        }
        if (typeof ack === 'function')
            ack({ ok: true });
    });

    socket.on('acknowledge_alert', (alertId, ack) => {
        const alert = alerts.get(alertId);
        const answer = alert
            ? { id: alertId, ok: true, acknowledged: true, acknowledgedAt: now() }
            : { id: alertId, ok: false, error: 'unknown alert' };
        if (alert)
            alert.acknowledged = true;
        // Every console learns of the acknowledgement, as seed 000's persistence implies.
        io.emit('alert_acknowledged', answer);
        if (typeof ack === 'function')
            ack(answer);
    });

    socket.on('request_data_refresh', (timestamp, ack) => {
        for (const drone of drones)
            socket.emit('drone_update', droneUpdate(drone, 'status'));
        socket.emit('system_health', systemHealth());
        if (typeof ack === 'function')
            ack({ ok: true, requestedAt: timestamp ?? null, drones: drones.length });
    });
});

setInterval(() => {
    const kinds = ['status', 'build_progress', 'system_health'];
    const type = kinds[updateTurn++ % kinds.length];
    for (const drone of drones) {
        step(drone);
        io.emit('drone_update', droneUpdate(drone, type));
    }
}, droneUpdateMs);

setInterval(() => {
    const drone = drones[Math.floor(Math.random() * drones.length)];
    const [level, text] = alertTexts[nextAlert % alertTexts.length];
    const alert = { id: `alert-${nextAlert++}`, level, message: `${drone.serial}: ${text}`, serial: drone.serial,
                    system: assemblies[drone.stageIndex], timestamp: now(), acknowledged: false };
    if (seed000)
        delete alert.level;
    alerts.set(alert.id, alert);
    io.emit('system_alert', alert);
}, systemAlertMs);

setInterval(() => io.emit('system_health', systemHealth()), systemHealthMs);

setInterval(() => {
    for (const drone of drones)
        io.to(room(drone.serial)).emit(`build_progress:${drone.serial}`, buildProgressData(drone));
}, buildProgressMs);

httpServer.listen(0, '127.0.0.1', () => {
    process.stdout.write(`listening ${httpServer.address().port}\n`);
});

function shutDown() {
    io.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
// A test that dies leaves no server behind: its end of our stdin closes.
if (args.includes('--exit-with-stdin')) {
    process.stdin.on('end', shutDown);
    process.stdin.resume();
}
