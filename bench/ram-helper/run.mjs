// What one read of a RAM console page costs (a figure, not a test): the shipped page reader
// (dist/chromium/content/ram-page-reader.js, loaded unchanged as a classic script) in headless
// Chromium on generated pages shaped like the console's Fusion tables: a permissions list of
// --rows rows (the policy looked for in the last row, or absent), amid --noise unrelated elements,
// plus a trust policy document. The panel re-reads the page when it changes, at most once per
// 120 ms (throttled MutationObserver), so this per-read cost is what a busy page pays at most ~8x a second.
// Prints the median and p90 of --runs reads for each case.
//
//   node bench/ram-helper/run.mjs [--runs 200] [--noise 5000]

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { DIST } from '../../tests/e2e/harness.js';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '200' }, noise: { type: 'string', default: '5000' } } });
const RUNS = Number(args.runs);
const NOISE = Number(args.noise);
const reader = readFileSync(join(DIST, 'content', 'ram-page-reader.js'), 'utf8');

/** @param {number} rows @param {boolean} withPolicy */
function page(rows, withPolicy) {
  const noise = Array.from({ length: NOISE }, (_, i) => `<div class="row-${i % 7}"><span>item ${i}</span></div>`).join('');
  const body = Array.from({ length: rows }, (_, i) => {
    const name = withPolicy && i === rows - 1 ? 'AliyunOSSReadOnlyAccess' : `custom-policy-${i}`;
    return `<tr class="next-table-row"><td><div class="next-table-cell-wrapper"><a href="#">${name}</a></div></td><td>Custom policy</td><td>note ${i}</td><td><a href="#">Revoke</a></td></tr>`;
  }).join('');
  const trust = JSON.stringify({ Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: ['acs:ram::1999000000000002:root'] } }], Version: '1' }, null, 4);
  return `<!doctype html><meta charset="utf-8"><body><div id="noise">${noise}</div>
    <div class="next-table"><div class="next-table-header"><table><thead><tr><th>Policy</th><th>Policy Type</th><th>Note</th><th>Actions</th></tr></thead></table></div>
    <div class="next-table-body"><table><tbody>${body}</tbody></table></div></div><pre class="policy-document">${trust}</pre></body>`;
}

/** @param {number[]} xs @param {number} q */
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const tab = await browser.newPage();
  console.log(`ram-page-reader: ${RUNS} reads per case, ${NOISE} unrelated elements on the page`);
  console.log('case                                   median ms   p90 ms   answer');
  for (const [rows, withPolicy] of /** @type {Array<[number, boolean]>} */ ([[10, true], [10, false], [100, true], [1000, true], [1000, false]])) {
    await tab.setContent(page(rows, withPolicy));
    await tab.addScriptTag({ content: reader });
    const { times, answer, trustMs } = await tab.evaluate((runs) => {
      const R = RoleHopRamReader; // the classic script's global (a lexical binding, not a window property)
      const times = [];
      let answer;
      for (let i = 0; i < runs; i += 1) {
        const t0 = performance.now();
        answer = R.readAttachments(document, ['AliyunOSSReadOnlyAccess']);
        times.push(performance.now() - t0);
      }
      const t1 = performance.now();
      for (let i = 0; i < runs; i += 1) R.readTrustPolicy(document);
      return { times, answer, trustMs: (performance.now() - t1) / runs };
    }, RUNS);
    const label = `${rows} rows, policy ${withPolicy ? 'in the last row' : 'absent'}`.padEnd(38);
    console.log(`${label} ${quantile(times, 0.5).toFixed(3).padStart(9)} ${quantile(times, 0.9).toFixed(3).padStart(8)}   ${answer.state}${answer.found ? ` (${answer.found})` : ''}; trust policy read: ${trustMs.toFixed(3)} ms`);
  }
} finally {
  await browser.close();
}
