// Service worker cold start (a figure, not a test): the shipped dist/chromium in headless
// Chromium. The worker is stopped (DevTools' ServiceWorker.stopAllWorkers, what the browser does
// after 30 s idle), then an extension page sends one message and waits for the answer:
//
//   1. RoleHop: stopped -> `core.version` answered (the message loads the core's api module; the
//      worker starts no wasm module at its top level). The worker's own marks split it:
//      `rolehop:worker-start` (its module graph loaded and run up to there) and the measures
//      `rolehop:wasm:<module>` (shared/core-module.js: each wasm module fetched, compiled and
//      instantiated): the wasm's share is the api module's measure; any other module loaded
//      during the cold start is reported (none should be).
//   2. The floor: a trivial MV3 extension whose worker answers at once, in its own browser, the
//      same way: what any extension's worker start costs on this machine.
//   3. For context, in a page: fetching, compiling and instantiating the api module alone (the
//      wasm-bindgen glue's `init` on a fresh module each time).
//   4. The popup's first message, `credentials.status`, from a stopped worker (it needs no wasm).
//   5. With `--compare DIR`: another build's dist/chromium (e.g. a copy made before a change) in its
//      own browser, its cold starts (1 and 4) interleaved with ours: a change's before/after in one
//      run, on the same machine load.
// Cold starts of 1, 2, 4 and 5 are interleaved, so a change in the machine's load affects all alike.
//
//   node bench/worker/run.mjs [--runs 25] [--json FILE] [--compare DIR]

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { launchExtension } from '../../tests/e2e/harness.js';
import { launchDir as launchBrowser } from '../popup/browsers.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

const HERE = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '25' },
    json: { type: 'string', default: join(HERE, 'out', 'results.json') },
    compare: { type: 'string' },
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
 * The worker's mark `rolehop:worker-start` and its `rolehop:wasm:<module>` measures (ms since it
 * started), read in the running worker through DevTools (Playwright sees a worker only at its
 * first start).
 * @param {BrowserContext} context @param {string} extensionId
 * @returns {Promise<{start: number, wasm: Record<string, {start: number, duration: number}>}>}
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
    const expression = `JSON.stringify({
      start: performance.getEntriesByName('rolehop:worker-start')[0]?.startTime,
      wasm: Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('rolehop:wasm:'))
        .map((m) => [m.name.slice('rolehop:wasm:'.length), { start: m.startTime, duration: m.duration }])),
    })`;
    const answer = new Promise((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        const reply = JSON.parse(event.message);
        if (event.sessionId === sessionId && reply.id === 1) resolve(reply.result?.result?.value);
      });
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression } }) });
    const marks = JSON.parse(/** @type {string} */ (await answer));
    await cdp.send('Target.detachFromTarget', { sessionId });
    if (typeof marks.start !== 'number' || !marks.wasm.api) throw new Error(`the worker set no marks: ${JSON.stringify(marks)}`);
    return marks;
  } finally {
    await cdp.detach();
  }
}

/**
 * Fetch, compile and instantiate in the page through the glue, on a fresh module, the wasm module a
 * cold `core.version` loads (api).
 * @param {Page} page
 */
async function wasmLoadTime(page) {
  return page.evaluate(async () => {
    const t0 = performance.now();
    const glue = await import(`${chrome.runtime.getURL('pkg/rolehop_api.js')}?fresh=${Math.random()}`);
    await glue.default({ module_or_path: chrome.runtime.getURL(`pkg/rolehop_api_bg.wasm?fresh=${Math.random()}`) });
    return performance.now() - t0;
  });
}

/**
 * An extension folder in a browser of its own (set up as the e2e harness sets up ours), with one
 * of its pages open (to send from).
 * @param {string} dir
 */
async function launchDir(dir) {
  const { context, worker } = await launchBrowser(dir);
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup/popup.html`);
  return { context, extensionId, page };
}

/**
 * One round for a build: `core.version` from a stopped worker (the api module's load inside), the
 * same from the running worker, and `credentials.status` from a stopped worker (no wasm needed).
 * @param {{context: BrowserContext, page: Page}} build
 */
async function coldStarts({ context, page }) {
  await stopWorkers(context, page);
  const core = await answerTime(page, { type: 'core.version' });
  const warm = await answerTime(page, { type: 'core.version' });
  await stopWorkers(context, page);
  const status = await answerTime(page, { type: 'credentials.status' });
  return { core, warm, status };
}

async function main() {
  console.log(`Service worker cold start: ${RUNS} cold starts of each kind; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`);
  const rolehop = await launchExtension();
  const floor = await launchFloor();
  const compared = args.compare ? await launchDir(args.compare) : null;
  try {
    const page = await rolehop.openPage('popup/popup.html');
    /** @type {Record<'graph' | 'share' | 'core' | 'status' | 'floor' | 'warm' | 'wasm' | 'comparedCore' | 'comparedStatus' | 'comparedWarm', number[]>} */
    const runs = { graph: [], share: [], core: [], status: [], floor: [], warm: [], wasm: [], comparedCore: [], comparedStatus: [], comparedWarm: [] };
    /** Other wasm modules loaded during the cold starts: name -> how many times. @type {Record<string, number>} */
    const others = {};
    for (let i = -2; i < RUNS; i += 1) {
      // Two unrecorded rounds first: the browser's own caches warm up as they would in use.
      await stopWorkers(rolehop.context, page);
      const core = await answerTime(page, { type: 'core.version' });
      const marks = await workerMarks(rolehop.context, rolehop.extensionId);
      const warm = await answerTime(page, { type: 'core.version' });
      await stopWorkers(rolehop.context, page);
      const status = await answerTime(page, { type: 'credentials.status' });
      await stopWorkers(floor.context, floor.page);
      const floorMs = await answerTime(floor.page, { type: 'ping' });
      const wasm = await wasmLoadTime(page);
      const theirs = compared && (await coldStarts(compared));
      if (i < 0) continue;
      runs.graph.push(marks.start);
      runs.share.push(marks.wasm.api?.duration ?? NaN);
      for (const name of Object.keys(marks.wasm)) if (name !== 'api') others[name] = (others[name] ?? 0) + 1;
      runs.core.push(core);
      runs.warm.push(warm);
      runs.status.push(status);
      runs.floor.push(floorMs);
      runs.wasm.push(wasm);
      if (!theirs) continue;
      runs.comparedCore.push(theirs.core);
      runs.comparedWarm.push(theirs.warm);
      runs.comparedStatus.push(theirs.status);
    }
    const figures = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, stats(v)]));
    line('floor: trivial extension, stopped -> answered', figures.floor);
    line('RoleHop, stopped -> core.version answered', figures.core);
    line('  of which: worker start -> its modules run', figures.graph);
    line('  of which: the api module loading (rolehop:wasm:api)', figures.share);
    line('RoleHop, stopped -> credentials.status answered', figures.status);
    line('RoleHop, running -> core.version answered', figures.warm);
    line('in a page: fetch + compile + instantiate the api module', figures.wasm);
    const loaded = Object.entries(others).map(([name, n]) => `${name} in ${n} of ${RUNS}`);
    console.log(`  other wasm modules loaded during the cold starts: ${loaded.length ? loaded.join(', ') : 'none'}`);
    const share = figures.share.median;
    console.log(`  cold start above the floor (medians): ${fmt(figures.core.median - figures.floor.median)}; the wasm's share: ${fmt(share)} (${((100 * share) / figures.core.median).toFixed(0)} % of the cold start)`);
    if (compared) {
      /** Ours minus the compared build's, round by round, median. @param {number[]} ours @param {number[]} theirs */
      const paired = (ours, theirs) => stats(ours.map((x, n) => x - /** @type {number} */ (theirs[n])));
      console.log(`compared build (--compare ${args.compare}), its cold starts interleaved with the ones above:`);
      line('compared, stopped -> core.version answered', figures.comparedCore);
      line('compared, stopped -> credentials.status answered', figures.comparedStatus);
      line('compared, running -> core.version answered', figures.comparedWarm);
      line('ours minus compared, core.version (paired)', paired(runs.core, runs.comparedCore));
      line('ours minus compared, credentials.status (paired)', paired(runs.status, runs.comparedStatus));
    }
    mkdirSync(dirname(args.json), { recursive: true });
    writeFileSync(args.json, `${JSON.stringify({ at: new Date().toISOString(), load: loadavg()[0], runs: RUNS, figures, wasmShareMs: share, otherModules: others }, null, 2)}\n`);
    await page.close();
  } finally {
    await floor.context.close();
    await compared?.context.close();
    await rolehop.close();
  }
}

await main();
