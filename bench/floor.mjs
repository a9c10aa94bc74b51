// Where one `JSON.parse(sign(JSON.stringify(request)))` call spends its time: the JS side of the
// wasm API measured alone (JSON.stringify, the wasm-bindgen glue's copy of the text into wasm
// memory, the TextDecoder of the answer, JSON.parse), the rest being the work inside wasm. The
// glue's steps (passStringToWasm0, getStringFromWasm0 of wasm-bindgen 0.2.130) are replicated on a
// WebAssembly.Memory of the same kind. Also Node's own HMAC-SHA1 (OpenSSL, what the peers call) on
// the same strings to sign. Median microseconds of CPU time per call.
//
// Usage: node bench/floor.mjs [PKG_DIR]   (default extension/pkg; after bench/inputs.mjs bench/out)

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.resolve(ROOT, process.argv[2] ?? 'extension/pkg');
const wasm = await import(pathToFileURL(path.join(PKG, 'rolehop_api.js')).href);
wasm.initSync({ module: fs.readFileSync(path.join(PKG, 'rolehop_api_bg.wasm')) });

const memory = new WebAssembly.Memory({ initial: 4 });
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const OUT_AT = 65536;

/** The glue's passStringToWasm0: an ASCII loop, then encodeInto for the rest. */
function passIn(arg) {
  const len = arg.length;
  const ptr = 64;
  const mem = new Uint8Array(memory.buffer);
  let offset = 0;
  for (; offset < len; offset += 1) {
    const code = arg.charCodeAt(offset);
    if (code > 0x7f) break;
    mem[ptr + offset] = code;
  }
  if (offset !== len) {
    const rest = offset === 0 ? arg : arg.slice(offset);
    offset += encoder.encodeInto(rest, mem.subarray(ptr + offset, ptr + offset + rest.length * 3)).written;
  }
  return offset;
}

const read = (n) => fs.readFileSync(path.join(ROOT, 'bench/out', n), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let sink = 0;
function microseconds(fn, inputs) {
  const n = 20000;
  const run = () => {
    const start = cpuMs();
    for (let i = 0; i < n; i += 1) sink += fn(inputs[i % inputs.length]) ? 1 : 0;
    return ((cpuMs() - start) * 1000) / n;
  };
  run();
  const times = Array.from({ length: 9 }, run).sort((a, b) => a - b);
  return times[4];
}

for (const kind of ['rpc', 'oss']) {
  const requests = read(`${kind}.jsonl`);
  const field = kind === 'rpc' ? 'signature' : 'authorization';
  const texts = requests.map((r) => JSON.stringify(r));
  const answers = texts.map((t) => wasm.sign(t));
  const answerBytes = answers.map((a) => {
    const bytes = encoder.encode(a);
    new Uint8Array(memory.buffer).set(bytes, OUT_AT);
    return bytes.length;
  });
  const hmacInputs = requests.map((r, i) => ({
    key: kind === 'rpc' ? `${r.accessKeySecret}&` : r.accessKeySecret,
    data: JSON.parse(answers[i]).stringToSign,
  }));
  const t = {
    stringify: microseconds((r) => JSON.stringify(r), requests),
    passIn: microseconds(passIn, texts),
    decode: microseconds((n) => decoder.decode(new Uint8Array(memory.buffer).subarray(OUT_AT, OUT_AT + n)), answerBytes),
    parse: microseconds((a) => JSON.parse(a)[field], answers),
    call: microseconds((r) => JSON.parse(wasm.sign(JSON.stringify(r)))[field], requests),
    nodeHmac: microseconds((x) => crypto.createHmac('sha1', x.key).update(x.data).digest('base64'), hmacInputs),
  };
  const js = t.stringify + t.passIn + t.decode + t.parse;
  const us = (v) => `${v.toFixed(2)} us`;
  console.log(`${kind}: whole call ${us(t.call)} = JS side ${us(js)} (stringify ${us(t.stringify)}, glue in ${us(t.passIn)}, decode ${us(t.decode)}, parse ${us(t.parse)}) + in wasm ${us(t.call - js)}; answer ${answerBytes[0]} B; Node HMAC-SHA1 + base64 on the same string to sign ${us(t.nodeHmac)}`);
}
if (sink === 0) console.log('');
