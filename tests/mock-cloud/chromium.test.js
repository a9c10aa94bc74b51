// The mock cloud as Chromium meets it: the real hostnames mapped with hostResolverRules reach it
// (STS, a regional OSS endpoint, a bucket endpoint), and it sends no CORS headers, so a web page
// cannot read it cross-origin (the extension must rely on its host permission, as with the real
// cloud).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startMockCloud } from './index.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

describe('Chromium reaches the mock cloud by the real hostnames', () => {
  /** @type {import('./index.js').MockCloud} */
  let cloud;
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    cloud = await startMockCloud({ scenario: 'happy-path' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=${cloud.hostResolverRules}`, '--ignore-certificate-errors'],
    });
  });
  after(async () => {
    await browser?.close();
    await cloud?.close();
  });

  test('STS, an OSS region endpoint and a bucket endpoint answer as the cloud does', async () => {
    const page = await browser.newPage();
    try {
      const sts = await page.goto('https://sts.aliyuncs.com/?Action=GetCallerIdentity&Version=2015-04-01');
      assert.equal(sts?.status(), 400);
      assert.equal(JSON.parse(await page.innerText('body')).Code, 'MissingParameter');
      const oss = await page.goto('https://oss-cn-hangzhou.aliyuncs.com/');
      assert.equal(oss?.status(), 403);
      assert.equal(oss?.headers()['x-oss-request-id']?.length, 24);
      const bucket = await page.goto('https://company-a-reports.oss-cn-hangzhou.aliyuncs.com/?prefix=2024%2F');
      assert.equal(bucket?.status(), 403);
      assert.match(await bucket?.text() ?? '', /<Code>AccessDenied<\/Code>/);
      // (Chromium also asks each host for /favicon.ico.)
      assert.deepEqual(cloud.requests().filter((r) => r.path === '/').map((r) => [r.host, r.action]), [
        ['sts.aliyuncs.com', 'GetCallerIdentity'],
        ['oss-cn-hangzhou.aliyuncs.com', 'ListBuckets'],
        ['company-a-reports.oss-cn-hangzhou.aliyuncs.com', 'ListObjects'],
      ]);
    } finally {
      await page.close();
    }
  });

  test('a web page cannot read it cross-origin: no CORS headers', async () => {
    const page = await browser.newPage();
    try {
      await page.goto('https://mock-control.test/clock');
      const outcome = await page.evaluate(() => fetch('https://sts.aliyuncs.com/?Action=GetCallerIdentity').then((r) => `read ${r.status}`, (e) => `blocked: ${e.name}`));
      assert.equal(outcome, 'blocked: TypeError');
      // The request itself arrived (a simple GET is sent; its answer is withheld from the page).
      assert.ok(cloud.requests().some((r) => r.host === 'sts.aliyuncs.com' && r.headers.origin === 'https://mock-control.test'));
    } finally {
      await page.close();
    }
  });
});
