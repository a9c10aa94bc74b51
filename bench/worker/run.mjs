// Service worker cold start (a figure, not a test): the shipped dist/chromium in headless
// Chromium. The worker is stopped (DevTools' ServiceWorker.stopAllWorkers, what the browser does
// after 30 s idle), then an extension page sends one message and waits for the answer:
//
//   1. RoleHop: stopped -> `core.version` answered (every message waits for the core, which the
//      worker starts loading at its top level). The worker's own marks split it:
//      `rolehop:worker-start` (its module graph loaded and run up to there) and
//      `rolehop:core-ready` (the wasm fetched, compiled and instantiated): the wasm's share is the
//      time between the two.
//   2. The floor: a trivial MV3 extension whose worker answers at once, in its own browser, the
//      same way: what any extension's worker start costs on this machine.
//   3. For context, in a page: fetching, compiling and instantiating the wasm alone (the
//      wasm-bindgen glue's `init` on a fresh module each time).
// Cold starts of 1 and 2 are interleaved, so a change in the machine's load affects both alike.
//
//   node bench/worker/run.mjs [--runs 25] [--json FILE]

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { launchExtension } from '../../tests/e2e/harness.js';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

const HERE = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '25' },
    json: { type: 'string', default: join(HERE, 'out', 'results.json') },
  },
});
const RUNS = Number(args.runs);

/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return /** @type {number} */ (s[i]);
}
/** @param {number[]} xs */
const stats = (xs) => ({ n: xs.length, median: quantile(xs, 0.5), p95: quantile(xs, 0.95), min: Math.min(...xs), max: Math.max(...xs) });
/** @param {number} ms */
const fmt = (ms) => `${ms.toFixed(1)} ms`;
/** @param {string} label @param {ReturnType<typeof stats>} s */
function line(label, s) {
  console.log(`  ${label.padEnd(52)} median ${fmt(s.median).padStart(9)}  p95 ${fmt(s.p95).padStart(9)}  min ${fmt(s.min).padStart(9)}  max ${fmt(s.max).padStart(9)}  (n=${s.n})`);
}

/** A trivial MV3 extension: a worker that answers every message at once, and one page. */
async function launchFloor() {
  const dir = join(HERE, 'out', 'floor-extension');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'floor', version: '1', background: { service_worker: 'worker.js', type: 'module' } }),
  );
  writeFileSync(join(dir, 'worker.js'), 'chrome.runtime.onMessage.addListener((_m, _s, reply) => { reply({ ok: true }); });\n');
  writeFileSync(join(dir, 'page.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>\n');
  const context = await chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/page.html`);
  return { context, page };
}

/**
 * Stops every service worker of the page's browser and waits until the extension's is stopped.
 * @param {BrowserContext} context @param {Page} page
 */
async function stopWorkers(context, page) {
  const cdp = await context.newCDPSession(page);
  try {
    /** @type {Map<string, string>} versionId -> runningStatus */
    const status = new Map();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) status.set(v.versionId, v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10_000;
    while ([...status.values()].some((s) => s !== 'stopped')) {
      if (Date.now() > deadline) throw new Error('the service worker did not stop within 10 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    await cdp.send('ServiceWorker.disable');
  } finally {
    await cdp.detach();
  }
}

/**
 * Time from sending `message` to its answer, in the page (ms); the answer is checked.
 * @param {Page} page @param {Record<string, unknown>} message
 */
async function answerTime(page, message) {
  const { ms, answer } = await page.evaluate(async (m) => {
    const t0 = performance.now();
    const answer = await chrome.runtime.sendMessage(m);
    return { ms: performance.now() - t0, answer };
  }, message);
  if (!answer || typeof answer !== 'object' || 'error' in answer) throw new Error(`${JSON.stringify(message)} answered ${JSON.stringify(answer)}`);
  return ms;
}

/**
 * The worker's marks `rolehop:worker-start` and `rolehop:core-ready` (ms since it started), read in
 * the running worker through DevTools (Playwright sees a worker only at its first start).
 * @param {BrowserContext} context @param {string} extensionId
 * @returns {Promise<{start: number, ready: number}>}
 */
async function workerMarks(context, extensionId) {
  const browser = context.browser();
  if (!browser) throw new Error('no browser to reach the worker through');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!worker) throw new Error('the worker is not running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const expression = `JSON.stringify({ start: performance.getEntriesByName('rolehop:worker-start')[0]?.startTime, ready: performance.getEntriesByName('rolehop:core-ready')[0]?.startTime })`;
    const answer = new Promise((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        const reply = JSON.parse(event.message);
        if (event.sessionId === sessionId && reply.id === 1) resolve(reply.result?.result?.value);
      });
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression } }) });
    const marks = JSON.parse(/** @type {string} */ (await answer));
    await cdp.send('Target.detachFromTarget', { sessionId });
    if (typeof marks.start !== 'number' || typeof marks.ready !== 'number') throw new Error(`the worker set no marks: ${JSON.stringify(marks)}`);
    return marks;
  } finally {
    await cdp.detach();
  }
}

/**
 * Fetch, compile and instantiate in the page through the glue, on fresh modules, the wasm modules
 * a cold `core.version` loads: profiles (at the worker's start) and api (for the message).
 * @param {Page} page
 */
async function wasmLoadTime(page) {
  return page.evaluate(async () => {
    const t0 = performance.now();
    await Promise.all(['profiles', 'api'].map(async (name) => {
      const glue = await import(`${chrome.runtime.getURL(`pkg/rolehop_${name}.js`)}?fresh=${Math.random()}`);
      await glue.default({ module_or_path: chrome.runtime.getURL(`pkg/rolehop_${name}_bg.wasm?fresh=${Math.random()}`) });
    }));
    return performance.now() - t0;
  });
}

async function main() {
  console.log(`Service worker cold start: ${RUNS} cold starts of each kind; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`);
  const rolehop = await launchExtension();
  const floor = await launchFloor();
  try {
    const page = await rolehop.openPage('popup/popup.html');
    /** @type {{graph: number[], share: number[], core: number[], floor: number[], warm: number[], wasm: number[]}} */
    const runs = { graph: [], share: [], core: [], floor: [], warm: [], wasm: [] };
    for (let i = -2; i < RUNS; i += 1) {
      // Two unrecorded rounds first: the browser's own caches warm up as they would in use.
      await stopWorkers(rolehop.context, page);
      const core = await answerTime(page, { type: 'core.version' });
      const marks = await workerMarks(rolehop.context, rolehop.extensionId);
      const warm = await answerTime(page, { type: 'core.version' });
      await stopWorkers(floor.context, floor.page);
      const floorMs = await answerTime(floor.page, { type: 'ping' });
      const wasm = await wasmLoadTime(page);
      if (i < 0) continue;
      runs.graph.push(marks.start);
      runs.share.push(marks.ready - marks.start);
      runs.core.push(core);
      runs.warm.push(warm);
      runs.floor.push(floorMs);
      runs.wasm.push(wasm);
    }
    const figures = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, stats(v)]));
    line('floor: trivial extension, stopped -> answered', figures.floor);
    line('RoleHop, stopped -> core.version answered', figures.core);
    line('  of which: worker start -> its modules run', figures.graph);
    line('  of which: the wasm core loading (worker marks)', figures.share);
    line('RoleHop, running -> core.version answered', figures.warm);
    line('in a page: fetch + compile + instantiate the wasm', figures.wasm);
    const share = figures.share.median;
    console.log(`  cold start above the floor (medians): ${fmt(figures.core.median - figures.floor.median)}; the wasm's share: ${fmt(share)} (${((100 * share) / figures.core.median).toFixed(0)} % of the cold start)`);
    mkdirSync(dirname(args.json), { recursive: true });
    writeFileSync(args.json, `${JSON.stringify({ at: new Date().toISOString(), load: loadavg()[0], runs: RUNS, figures, wasmShareMs: share }, null, 2)}\n`);
    await page.close();
  } finally {
    await floor.context.close();
    await rolehop.close();
  }
}

await main();
