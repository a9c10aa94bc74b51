// One hostile case through a wasm build of the core, in a fresh Node process (bench/hostile/run.sh
// starts one per case, under a timeout): prints {"ms", "memoryBytes", "outcome"} as one JSON line.
// memoryBytes is the module's WebAssembly.Memory after the call: it never shrinks, so this is the
// peak the call needed (plus the module's start-up heap).
//
// Usage: node bench/hostile/case.mjs PKG_DIR INPUT_FILE CALL

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkg, inputFile, call] = process.argv.slice(2);
const wasm = await import(pathToFileURL(join(resolve(pkg), 'rolehop.js')).href);
const exports = wasm.initSync({ module: readFileSync(join(resolve(pkg), 'rolehop_bg.wasm')) });
const input = readFileSync(inputFile, 'utf8');
const start = process.hrtime.bigint();
let outcome;
try {
  const answer = JSON.parse(wasm[call](input));
  if (answer.error) outcome = `error ${answer.error.kind}: ${answer.error.message}`;
  else if (call === 'policyLint') {
    const bounded = answer.findings.filter((/** @type {any} */ f) => f.code === 'too-large-to-check').length;
    outcome = `${answer.findings.length} findings (${bounded} too-large-to-check)`;
  } else outcome = `decision ${answer.decision}`;
} catch (e) {
  outcome = `abort: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms: Math.round(ms * 10) / 10, memoryBytes: exports.memory.buffer.byteLength, outcome }));
