// profileParse, profileSerialize and switchUrl of the shipped wasm core on 2,000 profiles, as an
// extension page calls them through shared/core.js (JSON text both ways), with the JS side
// (JSON.stringify of the request, JSON.parse of the answer) measured on its own too.
// Usage: node bench/profile/parse.mjs PROFILES.ini   (ROLEHOP_PKG=<dir> for another build)

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadWasmCore } from '../../tests/lib/wasm-core.js';

const pkg = resolve(process.env.ROLEHOP_PKG ?? 'extension/pkg');
const { wasm: core } = await loadWasmCore(pkg);

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/profile/parse.mjs PROFILES.ini');
const text = readFileSync(file, 'utf8');

/** Runs `f` `runs` times after a warm-up; prints the minimum and the median in ms. */
function measure(name, f, runs = 60) {
  for (let i = 0; i < 5; i++) f();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(46)} min ${times[0].toFixed(2).padStart(6)} ms   median ${times[runs >> 1].toFixed(2).padStart(6)} ms`);
}

const request = JSON.stringify({ text });
const answer = core.profileParse(request);
const parsed = JSON.parse(answer);
if (parsed.error || parsed.errors.length) throw new Error(`the workload does not parse: ${answer.slice(0, 300)}`);
console.log(`${parsed.profiles.length} profiles, ${(text.length / 1024).toFixed(0)} KB of text, answer ${(answer.length / 1024).toFixed(0)} KB`);

measure('profileParse, as core.js calls it', () => JSON.parse(core.profileParse(JSON.stringify({ text }))));
measure('  of which: the wasm call', () => core.profileParse(request));
measure('  of which: JSON.parse of the answer', () => JSON.parse(answer));
const profiles = JSON.stringify({ profiles: parsed.profiles });
measure('profileSerialize (2,000 profiles)', () => core.profileSerialize(profiles), 20);
const one = JSON.stringify({ profile: parsed.profiles[3], marker: '0123456789abcdef0123456789abcdef' });
measure('switchUrl (one profile)', () => core.switchUrl(one), 500);
