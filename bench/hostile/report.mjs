// Prints bench/hostile/run.sh's results as a Markdown table: for each case, native and wasm
// time and memory before and after, with the before/after ratio of the times.
//
// Usage: node bench/hostile/report.mjs RESULTS.jsonl TIMEOUT_SECONDS

import { readFileSync } from 'node:fs';

const [file, timeout] = process.argv.slice(2);
const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const names = [...new Set(rows.map((r) => r.name))];
const peer = rows.some((r) => r.build === 'before');

/** @param {any} side */
const ok = (side) => typeof side?.ms === 'number' && !String(side.outcome).startsWith('abort');
/** @param {number} bytes */
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
/** @param {any} side @param {'peakBytes' | 'memoryBytes'} key */
const cell = (side, key) => (ok(side) ? `${side.ms} ms, ${mb(side[key])}` : `no answer: ${short(side?.outcome)}`);
/** @param {unknown} outcome */
const short = (outcome) => {
  const text = String(outcome ?? '');
  if (text.startsWith('abort')) return text.includes('unreachable') ? 'RuntimeError: unreachable' : text.slice(0, 40);
  return text.includes('timeout') || text.includes(' s ') ? `> ${timeout} s` : text.slice(0, 40);
};
/** @param {any} before @param {any} after */
const ratio = (before, after) => {
  if (!ok(after)) return '-';
  if (!ok(before)) return `> ${Math.round((Number(timeout) * 1000) / Math.max(after.ms, 0.1))}x`;
  return `${(before.ms / Math.max(after.ms, 0.1)).toFixed(1)}x`;
};

const head = peer
  ? '| case | native before | native after | ratio | wasm before | wasm after | ratio | outcome after |\n| --- | --- | --- | ---: | --- | --- | ---: | --- |'
  : '| case | native | max RSS | wasm | outcome |\n| --- | --- | --- | --- | --- |';
console.log(head);
for (const name of names) {
  const after = rows.find((r) => r.name === name && r.build === 'after');
  if (!peer) {
    console.log(`| ${name} | ${cell(after.native, 'peakBytes')} | ${after.rssKB ? mb(after.rssKB * 1024) : '-'} | ${cell(after.wasm, 'memoryBytes')} | ${after.native.outcome} |`);
    continue;
  }
  const before = rows.find((r) => r.name === name && r.build === 'before');
  console.log(
    `| ${name} | ${cell(before.native, 'peakBytes')} | ${cell(after.native, 'peakBytes')} | ${ratio(before.native, after.native)} ` +
      `| ${cell(before.wasm, 'memoryBytes')} | ${cell(after.wasm, 'memoryBytes')} | ${ratio(before.wasm, after.wasm)} | ${after.native.outcome} |`,
  );
}
console.log(`\nnative: wall time of the contract call and the peak heap it allocated (counting allocator);`);
console.log(`wasm: wall time in Node and WebAssembly.Memory after the call (the peak, start-up heap included).`);
