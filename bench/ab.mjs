// Compares wasm builds: `wasm sign()` + JSON (as in throughput.mjs) for each wasm-bindgen output
// directory, in ONE Node process, rounds interleaved, median ops/s of CPU time, each build's ratio
// to the first. Every build must give the same signatures.
//
// Usage: node bench/ab.mjs PKG_DIR_BEFORE PKG_DIR_AFTER [...]   (after bench/inputs.mjs bench/out;
// ROUNDS=21 for more rounds)

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const N = 8000;
const pkgs = process.argv.slice(2);
if (pkgs.length === 0) {
  console.error('usage: node bench/ab.mjs PKG_DIR [PKG_DIR...]');
  process.exit(2);
}
const mods = [];
for (const p of pkgs) {
  const m = await import(pathToFileURL(path.resolve(p, 'rolehop_api.js')).href);
  m.initSync({ module: fs.readFileSync(path.resolve(p, 'rolehop_api_bg.wasm')) });
  mods.push(m);
}
const read = (n) => fs.readFileSync(path.join(OUT, n), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let sink = 0;
for (const kind of ['rpc', 'oss']) {
  const reqs = read(`${kind}.jsonl`);
  const field = kind === 'rpc' ? 'signature' : 'authorization';
  const fns = mods.map((m) => (r) => JSON.parse(m.sign(JSON.stringify(r)))[field]);
  const ref = reqs.map((r) => fns[0](r));
  fns.forEach((f, j) => reqs.forEach((r, i) => {
    if (f(r) !== ref[i]) throw new Error(`${pkgs[j]} signs ${kind} input ${i} differently`);
  }));
  for (const f of fns) for (let i = 0; i < N; i += 1) sink += f(reqs[i % reqs.length]).length;
  const rates = fns.map(() => []);
  for (let r = 0; r < ROUNDS; r += 1) {
    fns.forEach((f, j) => {
      const start = cpuMs();
      for (let i = 0; i < N; i += 1) sink += f(reqs[i % reqs.length]).length;
      rates[j].push(N / ((cpuMs() - start) / 1000));
    });
  }
  const med = rates.map((x) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)]);
  console.log(kind, pkgs.map((p, j) => `${p}: ${Math.round(med[j])} ops/s (${(med[j] / med[0]).toFixed(3)}x)`).join('  '));
}
if (sink === 0) console.log('');
