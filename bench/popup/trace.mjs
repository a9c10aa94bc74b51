// Where the popup's open spends the renderer's main thread (a figure, not a test): Chromium traces
// (DevTools' Tracing domain) of popup opens with 2,000 profiles, cached and uncached, for the
// shipped dist/chromium and, with `--compare DIR`, another build beside it (opens interleaved).
// Besides the wall time to `rolehop:popup-ready` it sums the main thread's CPU time (the trace's
// thread time) from navigation start to that mark: on a machine shared with other jobs, which
// stretch every wall-clock figure, CPU time still tells what a change saved. It prints the main
// thread's CPU by kind of work, largest first.
//
//   node bench/popup/trace.mjs [--runs 10] [--compare DIR] [--save-trace FILE]   (after ./build.sh)

import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DIST } from '../../tests/e2e/harness.js';
import { profilesIni } from '../../tests/lib/profiles.js';
import { launchDir, prepareCache, seed, stats } from './browsers.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    compare: { type: 'string' },
    'save-trace': { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'v8.execute', 'v8.wasm', 'loading', 'toplevel'];

/**
 * @typedef {{ph: string, name: string, pid: number, tid: number, ts: number, dur?: number, tdur?: number, args?: any}} TraceEvent
 */

/**
 * Traces one open of the popup; returns the trace's events and when the page marked
 * `rolehop:popup-ready` (ms since its navigation started).
 * @param {import('playwright-core').BrowserContext} context @param {string} url
 * @returns {Promise<{events: TraceEvent[], readyAt: number}>}
 */
async function traceOpen(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  /** @type {TraceEvent[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('rolehop:popup-ready').length > 0);
  const readyAt = await page.evaluate(() => performance.getEntriesByName('rolehop:popup-ready')[0]?.startTime ?? NaN);
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  return { events, readyAt };
}

/**
 * The open's figures: wall time to ready, the main thread's CPU time until then, and that CPU by
 * the kind of work (the innermost traced event: its self time).
 * @param {{events: TraceEvent[], readyAt: number}} open
 */
function analyse({ events, readyAt }) {
  const ready = events.find((e) => e.name === 'rolehop:popup-ready');
  if (!ready) throw new Error('the trace has no rolehop:popup-ready');
  // The navigation's start from the mark's own time (a trace may lack the renderer's first events).
  const start = ready.ts - readyAt * 1000;
  const main = events
    .filter((e) => e.pid === ready.pid && e.tid === ready.tid && e.ph === 'X' && e.ts >= start && e.ts < ready.ts)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  /** @type {TraceEvent[]} */
  const open = [];
  /** @type {Map<string, number>} */
  const self = new Map();
  let cpu = 0;
  for (const e of main) {
    while (open.length && /** @type {TraceEvent} */ (open.at(-1)).ts + (open.at(-1)?.dur ?? 0) <= e.ts) open.pop();
    const parent = open.at(-1);
    const own = (e.tdur ?? 0) / 1000;
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - own);
    else cpu += own;
    self.set(e.name, (self.get(e.name) ?? 0) + own);
    open.push(e);
  }
  return { wall: readyAt, cpu, self };
}

async function main() {
  const ini = profilesIni(2000, { seed: 7 });
  const builds = [{ label: 'dist/chromium', dir: DIST }, ...(args.compare ? [{ label: args.compare, dir: args.compare }] : [])];
  const browsers = [];
  for (const build of builds) {
    const browser = await launchDir(build.dir);
    await seed(browser, ini);
    browsers.push({ ...build, ...browser, url: browser.url('popup/popup.html') });
  }
  const load = [loadavg()[0]];
  try {
    /** @type {Map<string, ReturnType<typeof analyse>[]>} */
    const results = new Map();
    for (let run = -1; run < RUNS; run++) {
      for (const b of browsers) {
        for (const cached of [true, false]) {
          await prepareCache(b.worker, cached);
          const open = await traceOpen(b.context, b.url);
          if (run < 0) continue; // the first open of each kind warms the browser's caches
          if (args['save-trace'] && run === 0 && b === browsers[0] && cached) writeFileSync(args['save-trace'], JSON.stringify({ traceEvents: open.events }));
          const key = `${b.label} ${cached ? 'cached' : 'uncached'}`;
          results.set(key, [...(results.get(key) ?? []), analyse(open)]);
        }
      }
    }
    load.push(loadavg()[0]);
    console.log(`bench/popup/trace: ${RUNS} traced opens of each kind, interleaved; load average ${load.map((l) => l.toFixed(1)).join(' -> ')}`);
    for (const [key, opens] of results) {
      const wall = stats(opens.map((o) => o.wall));
      const cpu = stats(opens.map((o) => o.cpu));
      console.log(`${key}: ready ${wall.median.toFixed(1)} ms (min ${wall.min.toFixed(1)}), main-thread CPU until ready ${cpu.median.toFixed(1)} ms (min ${cpu.min.toFixed(1)})`);
      const names = new Set(opens.flatMap((o) => [...o.self.keys()]));
      const kinds = [...names]
        .map((name) => ({ name, ms: stats(opens.map((o) => o.self.get(name) ?? 0)).median }))
        .filter((k) => k.ms >= 0.3)
        .sort((a, b) => b.ms - a.ms);
      console.log(`  ${kinds.map((k) => `${k.name} ${k.ms.toFixed(1)}`).join(', ')}`);
    }
  } finally {
    for (const b of browsers) await b.context.close();
  }
}

await main();
