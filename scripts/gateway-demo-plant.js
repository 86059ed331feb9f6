'use strict';
// The plant of scripts/gateway-demo: one tank on a Sparkplug B edge node made
// of the npm sparkplug-client package (tests/interop/sparkplug-edge.js), with
// the metrics packaging/gateway/gateway.ini maps. This script only plays the
// physics: every second it reports a level that rises while the valve is
// closed and falls while it is open, and a temperature that follows the
// heater's setpoint while the pump runs and cools otherwise. The edge node
// applies the console's commands (DCMD) itself and reports them; this script
// learns them from its events. Its device Press1 is the example's machine: it
// runs, produces parts and now and then goes idle for a while.
//
//   node scripts/gateway-demo-plant.js mqtt://127.0.0.1:PORT
const { spawn } = require('child_process');
const path = require('path');

const broker = process.argv[2];
if (!broker) {
    process.stderr.write('usage: node gateway-demo-plant.js mqtt://HOST:PORT\n');
    process.exit(2);
}

const state = { level: 55, temperature: 40, running: true, open: false, setpoint: 65 };
const press = { state: 1, load: 80, parts: 0 }; // state: 0 idle, 1 running (gateway.ini's status-map)
const edge = spawn(process.execPath, [
    path.join(__dirname, '..', 'tests', 'interop', 'sparkplug-edge.js'),
    '--broker', broker, '--group', 'Plant1', '--node', 'Edge1', '--aliases',
    '--device', 'Tank1',
    '--metric', `Level:Double:${state.level}`,
    '--metric', `Temperature:Double:${state.temperature}`,
    '--metric', `Pump/Running:Boolean:${state.running}`,
    '--metric', `Valve/Open:Boolean:${state.open}`,
    '--metric', `Heater/Setpoint:Float:${state.setpoint}`,
    '--device', 'Press1',
    '--metric', `State:Int32:${press.state}`,
    '--metric', `Load:Double:${press.load}`,
    '--metric', `Parts:UInt64:${press.parts}`,
], { stdio: ['pipe', 'pipe', 'inherit'] });

let buffered = '';
edge.stdout.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        let event;
        try { event = JSON.parse(line); } catch { continue; }
        if (event.event !== 'dcmd') continue;
        for (const metric of event.metrics) {
            if (!metric.applied) continue;
            if (metric.name === 'Pump/Running') state.running = metric.value;
            if (metric.name === 'Valve/Open') state.open = metric.value;
            if (metric.name === 'Heater/Setpoint') state.setpoint = metric.value;
            process.stdout.write(`operator set ${metric.name} = ${metric.value}\n`);
        }
    }
});
edge.on('exit', (code) => process.exit(code === null ? 1 : code));
process.on('SIGTERM', () => edge.kill('SIGTERM'));
process.on('SIGINT', () => edge.kill('SIGTERM'));

const round = (value) => Math.round(value * 10) / 10;
setInterval(() => {
    state.level = Math.min(100, Math.max(0, state.level + (state.open ? -1.5 : 0.8)));
    const target = state.running ? state.setpoint : 20;
    state.temperature += (target - state.temperature) * 0.05 + (Math.random() - 0.5) * 0.3;
    const command = { cmd: 'data', device: 'Tank1', metrics: { Level: round(state.level), Temperature: round(state.temperature) } };
    edge.stdin.write(JSON.stringify(command) + '\n');
    if (Math.random() < (press.state === 1 ? 0.02 : 0.1)) press.state = 1 - press.state;
    press.load = press.state === 1 ? round(Math.min(100, Math.max(50, press.load + (Math.random() - 0.5) * 4))) : 0;
    press.parts += press.state === 1 ? 1 : 0;
    const machine = { cmd: 'data', device: 'Press1', metrics: { State: press.state, Load: press.load, Parts: press.parts } };
    edge.stdin.write(JSON.stringify(machine) + '\n');
}, 1000);
