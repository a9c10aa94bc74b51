// The harness's own check (harness.js, extension-errors.js): an uncaught exception in ANY of the
// extension's contexts is caught and fails the run (content-script isolated worlds, a script of
// the extension in a page's main world, the service worker, extension pages, offscreen documents),
// while a web page's own exceptions are not the extension's and do not. Each exception here is
// thrown on purpose and taken back with takeExtensionErrors(), except in the last test, where
// close() must throw.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ExtensionExceptions, launchExtension, launchWithFixtureServer } from './harness.js';
import { routesHandler, startHttpsServer } from '../lib/https-server.js';
import { evaluateInContentWorld, waitForValue } from './content-helpers.js';

/** A console page (RoleHop's console scripts run there) whose own script throws. */
const THROWING_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>throws</title></head>
<body><p>A page whose own script throws.</p>
<script>setTimeout(() => { throw new Error('the page\\'s own error'); }, 0);</script></body></html>`;

function startServer() {
  return startHttpsServer({
    hosts: ['oss.console.aliyun.com'],
    handler: routesHandler({ 'oss.console.aliyun.com/throws': { body: THROWING_PAGE } }),
  });
}

describe('the e2e harness fails on uncaught exceptions in the extension\'s contexts', () => {
  /** @type {import('./harness.js').FixtureBrowser} */
  let env;
  before(async () => {
    env = await launchWithFixtureServer(startServer);
  });
  after(async () => {
    await env?.close();
  });

  /** Waits until the harness has seen an exception of the extension matching `pattern`, and takes it. @param {RegExp} pattern */
  const caught = (pattern) =>
    waitForValue(() => env.browser.takeExtensionErrors(), (seen) => seen.length > 0, { what: `an exception matching ${pattern}` }).then((seen) => {
      assert.equal(seen.length, 1, seen.join('\n'));
      assert.match(seen[0], pattern);
    });

  test('a web page\'s own exception is not the extension\'s', async () => {
    const page = await env.open('https://oss.console.aliyun.com/throws');
    await waitForValue(() => env.browser.pageErrors(), (seen) => seen.some((e) => e.includes('the page\'s own error')), { what: 'the page\'s error' });
    assert.deepEqual(await env.browser.extensionErrors(), []);
    await page.close();
  });

  test('an exception in RoleHop\'s content-script world (isolated) is caught, with its page and world', async () => {
    const page = await env.open('https://oss.console.aliyun.com/throws');
    const ran = await evaluateInContentWorld(page, env.browser.extensionId, 'setTimeout(() => { throw new Error("thrown in the content script"); }, 0), 1');
    assert.deepEqual(ran, { value: 1 }, 'RoleHop has a content-script world on the page');
    await caught(/^page https:\/\/oss\.console\.aliyun\.com\/throws \(isolated world of RoleHop\): Error: thrown in the content script/);
    await page.close();
  });

  test('a promise rejection nobody handles in the content-script world is caught too', async () => {
    const page = await env.open('https://oss.console.aliyun.com/throws');
    await evaluateInContentWorld(page, env.browser.extensionId, 'void Promise.reject(new Error("rejected in the content script")), 1');
    await caught(/isolated world of RoleHop\): Error: rejected in the content script/);
    await page.close();
  });

  test('a script of the extension in the page\'s main world (its URL is the extension\'s) counts as the extension\'s', async () => {
    const page = await env.open('https://oss.console.aliyun.com/throws');
    const cdp = await page.context().newCDPSession(page);
    // The MAIN-world content script (page-identity.js) runs with its chrome-extension:// URL.
    await cdp.send('Runtime.evaluate', {
      expression: `setTimeout(() => { throw new Error("thrown by an extension script in the main world"); }, 0);\n//# sourceURL=chrome-extension://${env.browser.extensionId}/content/page-identity.js`,
    });
    await cdp.detach();
    await caught(/\(main world\): Error: thrown by an extension script in the main world at chrome-extension:\/\/[a-p]{32}\/content\/page-identity\.js/);
    await page.close();
  });

  test('an exception in the service worker is caught', async () => {
    await env.browser.worker.evaluate(() => {
      setTimeout(() => {
        throw new Error('thrown in the service worker');
      }, 0);
    });
    await caught(/^service_worker chrome-extension:\/\/[a-p]{32}\/background\/service-worker\.js: Error: thrown in the service worker/);
  });

  test('an exception in an extension page is caught', async () => {
    const page = await env.browser.openPage('popup/popup.html');
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('thrown in the popup');
      }, 0);
    });
    await caught(/^page chrome-extension:\/\/[a-p]{32}\/popup\/popup\.html \(main world\): Error: thrown in the popup/);
    await page.close();
  });

  test('an exception in an offscreen document (where the worker copies) is caught', async () => {
    await env.browser.worker.evaluate(() =>
      chrome.offscreen.createDocument({ url: 'offscreen/clipboard.html', reasons: [chrome.offscreen.Reason.CLIPBOARD], justification: 'harness self-test' }));
    const cdp = await /** @type {import('playwright-core').Browser} */ (env.browser.context.browser()).newBrowserCDPSession();
    try {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const offscreen = targetInfos.find((t) => t.url.endsWith('/offscreen/clipboard.html'));
      assert.ok(offscreen, 'the offscreen document is a target');
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: offscreen.targetId, flatten: false });
      const expression = 'setTimeout(() => { throw new Error("thrown in the offscreen document"); }, 0)';
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression } }) });
      await caught(/chrome-extension:\/\/[a-p]{32}\/offscreen\/clipboard\.html: Error: thrown in the offscreen document/);
    } finally {
      await cdp.detach();
      await env.browser.worker.evaluate(() => chrome.offscreen.closeDocument());
    }
  });

  test('what the extension writes to the console is seen, at any level, in the worker, its pages and its content-script worlds', async () => {
    await env.browser.worker.evaluate(() => console.info('logged by the service worker', 42));
    const popup = await env.browser.openPage('popup/popup.html');
    await popup.evaluate(() => console.debug('logged by the popup'));
    const page = await env.open('https://oss.console.aliyun.com/throws');
    await evaluateInContentWorld(page, env.browser.extensionId, 'console.log("logged in the content script"), 1');
    await page.evaluate(() => console.log('logged by the page itself'));
    const logs = await waitForValue(() => env.browser.extensionLogs(), (seen) => seen.length >= 3, { what: 'three logs' });
    assert.ok(logs.includes('info: logged by the service worker 42'), logs.join('\n'));
    assert.ok(logs.includes('debug: logged by the popup'), logs.join('\n'));
    assert.ok(logs.includes('log: logged in the content script'), logs.join('\n'));
    assert.ok(!logs.some((l) => l.includes('logged by the page itself')), 'the page\'s own log is not the extension\'s');
    await page.close();
    await popup.close();
  });

  test('close() throws when the extension threw something no test took', async () => {
    const browser = await launchExtension();
    await browser.worker.evaluate(() => {
      setTimeout(() => {
        throw new Error('left for close()');
      }, 0);
    });
    await waitForValue(() => browser.extensionErrors(), (seen) => seen.length > 0, { what: 'the worker\'s exception' });
    await assert.rejects(browser.close(), (e) => e instanceof ExtensionExceptions && /left for close\(\)/.test(e.message));
  });
});
