// The wasm boundary on the real calls, both ways, in one Node process and then in one headless
// Chromium page (bench/boundary/README.md). Run by run.sh, which builds the bench modules and the
// inputs first.
//
// Usage: node bench/boundary/run.mjs [--node-only] [--rounds 9]

import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { profilesIni } from '../../tests/lib/profiles.js';
import { calls, checkAgreement, localRound, measure } from './calls.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'bench/boundary/out');
const SHIPPED = join(ROOT, 'extension/pkg');
const BENCH = join(OUT, 'pkg');
const { values: args } = parseArgs({ options: { 'node-only': { type: 'boolean' }, rounds: { type: 'string', default: '9' } } });
const ROUNDS = Number(args.rounds);

// Where each way of each call comes from, [the name calls.mjs uses, folder, module, export]: the
// JSON-text ways as shipped, the JS-value ways from the bench build of the same module (feature
// wasm-swb).
const SOURCES = /** @type {const} */ ([
  ['sign', SHIPPED, 'rolehop_api', 'sign'],
  ['signValue', BENCH, 'rolehop_api_swb', 'signValue'],
  ['profileParse', SHIPPED, 'rolehop_profiles', 'profileParse'],
  ['profileParseValue', BENCH, 'rolehop_transfer_swb', 'profileParseValue'],
  ['policySimulate', SHIPPED, 'rolehop_policy', 'policySimulate'],
  ['policySimulateValue', BENCH, 'rolehop_policy_swb', 'policySimulateValue'],
]);

const jsonl = (/** @type {string} */ name) => readFileSync(join(OUT, name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const workload = JSON.parse(readFileSync(join(OUT, 'workload.json'), 'utf8'));
const inputs = {
  rpc: jsonl('rpc.jsonl'),
  oss: jsonl('oss.jsonl'),
  profilesIni: profilesIni(2000, { seed: 7 }), // bench/popup's file
  policy: { identityPolicies: workload.ram.identityPolicies, requests: workload.ram.requests },
};
writeFileSync(join(OUT, 'inputs.json'), JSON.stringify(inputs));

// ------------------------------------------------------------------------------------ Node

/** @type {Record<string, any>} */
const glue = {};
const started = new Set();
for (const [name, dir, module, exported] of SOURCES) {
  const js = await import(pathToFileURL(join(dir, `${module}.js`)).href);
  if (!started.has(module)) js.initSync({ module: readFileSync(join(dir, `${module}_bg.wasm`)) });
  started.add(module);
  glue[name] = js[exported];
}
const nodeCalls = calls(/** @type {any} */ (glue), inputs);
checkAgreement(nodeCalls);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const load = loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`bench/boundary: Node ${process.version}, load ${load}; ${ROUNDS} interleaved rounds, CPU time`);
const node = await measure(nodeCalls, localRound(nodeCalls, cpuMs), { rounds: ROUNDS });
report('Node', node);

// -------------------------------------------------------------------------------- Chromium

/** @type {any} */
let browser = null;
if (!args['node-only']) {
  browser = await inChromium();
  console.log(`\nbench/boundary: Chromium ${browser.version}, load ${browser.load}; ${ROUNDS} interleaved rounds, the renderer's CPU time (CDP ProcessTime)`);
  report('Chromium', browser.boundary);
  const s = browser.signing;
  console.log(`\n  ${s.name} (${s.perOp} requests, microseconds per signature, median)`);
  console.log(`    wasm, JSON text (shipped)      ${s.us.json.toFixed(2).padStart(8)}  ${(s.us.aliOss / s.us.json).toFixed(2)}x ali-oss`);
  console.log(`    wasm, JS values (swb)          ${s.us.value.toFixed(2).padStart(8)}  ${(s.us.aliOss / s.us.value).toFixed(2)}x ali-oss`);
  console.log(`    ali-oss ${browser.aliOssVersion} browser bundle   ${s.us.aliOss.toFixed(2).padStart(8)}  peer`);
}

// ------------------------------------------------------------------------------------ sizes

const gzip = (/** @type {string} */ file) => execFileSync('gzip', ['-9c', file], { maxBuffer: 1 << 26 }).length;
const raw = (/** @type {string} */ file) => readFileSync(file).length;
const sizes = ['api', 'policy', 'transfer'].map((name) => {
  const shipped = join(SHIPPED, `rolehop_${name}_bg.wasm`);
  const bench = join(BENCH, `rolehop_${name}_swb_bg.wasm`);
  return { module: name, shipped: { raw: raw(shipped), gzip: gzip(shipped) }, withSwb: { raw: raw(bench), gzip: gzip(bench) } };
});
console.log('\n  module sizes (wasm-opt -Oz --converge, GNU gzip -9): as shipped -> with the *Value exports and serde-wasm-bindgen');
for (const s of sizes) {
  console.log(`    ${s.module.padEnd(9)} raw ${s.shipped.raw} -> ${s.withSwb.raw} B (${sign(s.withSwb.raw - s.shipped.raw)}), gzip ${s.shipped.gzip} -> ${s.withSwb.gzip} B (${sign(s.withSwb.gzip - s.shipped.gzip)})`);
}

writeFileSync(join(OUT, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), load, node: { version: process.version, results: node }, chromium: browser, sizes }, null, 2)}\n`);

/** @param {number} n */
function sign(n) {
  return `${n >= 0 ? '+' : ''}${n} B`;
}

/** @param {string} where @param {Awaited<ReturnType<typeof measure>>} results */
function report(where, results) {
  console.log(`  ${where}: microseconds per call, median        JSON text   JS values   JSON time / values time`);
  for (const r of results) {
    const ratio = r.us.json / r.us.value;
    const verdict = ratio >= 1 ? 'values at least as fast' : 'JSON text faster';
    console.log(`    ${r.name.padEnd(40)} ${r.us.json.toFixed(1).padStart(10)} ${r.us.value.toFixed(1).padStart(11)}   ${ratio.toFixed(2)}x (${verdict})`);
  }
}

/** Serves the files the page needs, from this checkout, on a free port. */
function serve() {
  const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };
  const ALLOWED = ['bench/boundary/', 'extension/pkg/', 'tests/lib/', 'node_modules/ali-oss/dist/'];
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).slice(1);
    if (!ALLOWED.some((p) => path.startsWith(p))) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(join(ROOT, path));
      res.writeHead(200, { 'content-type': /** @type {any} */ (TYPES)[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** The same calls, and the signing comparison with ali-oss, in one headless Chromium page. */
async function inChromium() {
  const server = /** @type {import('node:http').Server} */ (await serve());
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  const ctx = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await ctx.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto(`http://127.0.0.1:${port}/bench/boundary/page.html`);
    const setup = await page.evaluate(
      async ({ sources }) => {
        const m = await import('/bench/boundary/calls.mjs');
        /** @type {Record<string, any>} */ const g = {};
        const started = new Set();
        for (const [name, dir, module, exported] of sources) {
          const js = await import(`/${dir}/${module}.js`);
          if (!started.has(module)) await js.default({ module_or_path: `/${dir}/${module}_bg.wasm` });
          started.add(module);
          g[name] = js[exported];
        }
        const inputs = await (await fetch('/bench/boundary/out/inputs.json')).json();
        const list = m.calls(g, inputs);
        m.checkAgreement(list);
        const OSS = /** @type {any} */ (globalThis).OSS;
        const all = [...list, m.aliOssCall(OSS, g, inputs)];
        /** @type {any} */ (globalThis).benchRound = m.localRound(all, () => performance.now());
        return { calls: all.map((c) => ({ name: c.name, perOp: c.perOp, ways: Object.fromEntries(Object.keys(c.ways).map((k) => [k, true])) })), aliOssVersion: OSS.version ?? '6.23.0' };
      },
      { sources: SOURCES.map(([name, dir, module, exported]) => [name, dir.slice(ROOT.length + 1), module, exported]) },
    );
    // The renderer's CPU time, as Node's figures use the process's: wall time on a busy machine
    // also counts the time the page waits for a core. Linux counts it in 10 ms ticks, so a round
    // is about a second (1 % of it).
    const cdp = await ctx.contexts()[0].newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpu = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return /** @type {number} */ (metrics.find((x) => x.name === 'ProcessTime')?.value) * 1000;
    };
    /** @type {(index: number, way: string, reps: number) => Promise<number>} */
    const round = async (index, way, reps) => {
      const start = await cpu();
      await page.evaluate(([i, w, n]) => /** @type {any} */ (globalThis).benchRound(i, w, n), /** @type {const} */ ([index, way, reps]));
      return (await cpu()) - start;
    };
    const boundaryCount = setup.calls.length - 1;
    const measured = await measure(setup.calls, round, { rounds: ROUNDS, roundMs: 1000 });
    const result = { boundary: measured.slice(0, boundaryCount), signing: { ...measured[boundaryCount], perOp: setup.calls[boundaryCount].perOp }, aliOssVersion: setup.aliOssVersion };
    return { version: ctx.version(), load: loadavg().map((l) => l.toFixed(1)).join(' '), ...result };
  } finally {
    await ctx.close();
    server.close();
  }
}
