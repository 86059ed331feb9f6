'use strict';
// The Sparkplug B payload codec of the npm sparkplug-client edge node (the
// sparkplug-payload package, reached the way sparkplug-client reaches it),
// driven from the command line so that a test can hold the C++ codec against
// it in both directions.
//
//   node sparkplug-payload.js encode   JSON description on stdin, base64 payload on stdout
//   node sparkplug-payload.js decode   base64 payload on stdin, JSON on stdout
//
// JSON has no 64-bit integers, NaN, infinities or bytes, so both directions
// spell them as text:
//   - timestamp, seq, alias, and Int64, UInt64 and DateTime values: decimal
//     strings (numbers are accepted on input too);
//   - Float and Double values: numbers, or "NaN", "Infinity", "-Infinity";
//   - Bytes and File values, and the payload body: base64 strings.
// Anything else (metric fields, properties, DataSet and Template values) is
// sparkplug-payload's own object form.
//
// decode prints {"payload": <what decodePayload returns>, "wire": [...]},
// where wire lists, per metric, the value field the bytes actually carry
// ("intValue", "longValue", ... or null) and its integer content as a
// decimal string: what the package's decoder does with a field is one
// question, what is on the wire another.
//
// Errors go to stderr with exit status 1.

const Long = require('long');
const sparkplug = require('sparkplug-payload').get('spBv1.0');
const { Payload } = require('sparkplug-payload/lib/sparkplugPayloadProto').org.eclipse.tahu.protobuf;

const longTypes = new Set(['INT64', 'UINT64', 'DATETIME']);
const floatTypes = new Set(['FLOAT', 'DOUBLE']);
const byteTypes = new Set(['BYTES', 'FILE']);
const specialNumbers = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

function toLong(value, unsigned) {
    if (typeof value === 'string') return Long.fromString(value, unsigned);
    if (typeof value === 'number') return Long.fromNumber(value, unsigned);
    return value;
}

function inputValue(type, value) {
    if (value === null || value === undefined) return value;
    const t = String(type).toUpperCase();
    if (longTypes.has(t)) return toLong(value, t !== 'INT64');
    if (floatTypes.has(t) && typeof value === 'string') return specialNumbers[value];
    if (byteTypes.has(t)) return Buffer.from(value, 'base64');
    return value;
}

function inputPayload(description) {
    const payload = { ...description };
    for (const key of ['timestamp', 'seq']) {
        if (payload[key] !== undefined) payload[key] = toLong(payload[key], true);
    }
    if (payload.body !== undefined) payload.body = Buffer.from(payload.body, 'base64');
    payload.metrics = (description.metrics || []).map((metric) => {
        const out = { ...metric, value: inputValue(metric.type, metric.value) };
        if (out.timestamp !== undefined) out.timestamp = toLong(out.timestamp, true);
        if (out.alias !== undefined) out.alias = toLong(out.alias, true);
        if (metric.properties) {
            out.properties = {};
            for (const [key, property] of Object.entries(metric.properties))
                out.properties[key] = { ...property, value: inputValue(property.type, property.value) };
        }
        return out;
    });
    return payload;
}

// Long, NaN, infinities and bytes as text, everything else as it is.
function plain(value) {
    if (value === null || value === undefined) return value === undefined ? null : value;
    if (Long.isLong(value)) return value.toString();
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
    if (Array.isArray(value)) return value.map(plain);
    if (typeof value === 'object') {
        const out = {};
        for (const [key, item] of Object.entries(value)) out[key] = plain(item);
        return out;
    }
    return value;
}

function wireView(bytes) {
    return Payload.decode(bytes).metrics.map((metric) => {
        const field = metric.value || null;
        const integer = field === 'intValue' || field === 'longValue' ? plain(metric[field]).toString() : null;
        return { field, integer };
    });
}

function readStdin() {
    return new Promise((resolve, reject) => {
        const chunks = [];
        process.stdin.on('data', (chunk) => chunks.push(chunk));
        process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        process.stdin.on('error', reject);
    });
}

async function main() {
    const mode = process.argv[2];
    if (mode !== 'encode' && mode !== 'decode') {
        console.error('usage: sparkplug-payload.js encode|decode (input on stdin)');
        process.exit(2);
    }
    const input = await readStdin();
    if (mode === 'encode') {
        const bytes = sparkplug.encodePayload(inputPayload(JSON.parse(input)));
        process.stdout.write(Buffer.from(bytes).toString('base64') + '\n');
    } else {
        const bytes = Buffer.from(input.trim(), 'base64');
        const payload = sparkplug.decodePayload(bytes);
        process.stdout.write(JSON.stringify({ payload: plain(payload), wire: wireView(bytes) }) + '\n');
    }
}

main().catch((error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(1);
});
