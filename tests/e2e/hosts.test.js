// The harness for later scenarios: real hostnames mapped to a local HTTPS server (self-signed
// certificate made now), reached from a page and from the extension's service worker.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useFixtureServer } from './harness.js';
import { routesHandler, startHttpsServer } from '../lib/https-server.js';

describe('real hostnames on a local HTTPS server', () => {
  /** @type {import('./harness.js').ExtensionBrowser} */
  let browser;

  useFixtureServer(
    () => startHttpsServer({
      hosts: ['signin.aliyun.com', '*.aliyuncs.com'],
      handler: routesHandler({
        'signin.aliyun.com/switchRole.htm': { body: '<!doctype html><title>Switch Role</title><h1>fixture</h1>' },
        'sts.aliyuncs.com/': {
          type: 'application/json',
          headers: { 'access-control-allow-origin': '*' },
          body: '{"RequestId":"fixture"}',
        },
      }),
    }),
    (env) => {
      browser = env.browser;
    },
  );

  test('a page at https://signin.aliyun.com is served locally', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto('https://signin.aliyun.com/switchRole.htm?x=1');
    assert.equal(response?.status(), 200);
    assert.equal(await page.title(), 'Switch Role');
    assert.equal(new URL(page.url()).host, 'signin.aliyun.com');
  });

  test('the service worker\'s fetch of https://sts.aliyuncs.com reaches the local server', async () => {
    const body = await browser.worker.evaluate(() => fetch('https://sts.aliyuncs.com/?Action=GetCallerIdentity').then((r) => r.text()));
    assert.equal(body, '{"RequestId":"fixture"}');
  });

  test('unknown routes answer 404 naming the route', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto('https://signin.aliyun.com/nowhere');
    assert.equal(response?.status(), 404);
    assert.match(await page.innerText('body'), /no fixture for signin\.aliyun\.com\/nowhere/);
  });
});
