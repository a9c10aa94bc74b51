// The RAM console helper panel in the shipped dist/firefox, in real Firefox ESR, on the RAM console
// fixture at its real hostnames through a CONNECT proxy (Firefox has no --host-resolver-rules).
// A page cannot see inside the closed shadow root, so what is checked is what a page can observe:
// the panel's host attached with a closed shadow root in the top layer, drawn at the size of a
// panel that got its tutorial context from the service worker (the worker accepted Firefox's
// sender as the RAM console), and nothing on the look-alike host.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchFirefoxExtension } from './firefox-harness.js';
import { waitInPage as waitIn } from './firefox-page.js';
import { startConnectProxy } from '../lib/connect-proxy.js';
import { LOOKALIKE_HOST, RAM_HOSTS, startRamConsoleFixtures } from '../fixtures/ram-console/server.js';

describe('the RAM console helper panel in Firefox', () => {
  /** @type {import('../lib/https-server.js').HttpsServer} */
  let server;
  /** @type {import('../lib/connect-proxy.js').ConnectProxy} */
  let proxy;
  /** @type {import('./firefox-harness.js').FirefoxExtension} */
  let firefox;

  before(async () => {
    server = await startRamConsoleFixtures();
    proxy = await startConnectProxy({ hosts: [...RAM_HOSTS, LOOKALIKE_HOST], targetPort: server.port });
    firefox = await launchFirefoxExtension({ prefs: proxy.firefoxPrefs, acceptInsecureCerts: true });
  });
  after(async () => {
    try {
      await firefox?.close(); // throws when the add-on had errors
    } finally {
      await proxy?.close();
      await server?.close();
    }
  });

  /** @param {string} body */
  const waitInPage = (body) => waitIn(firefox, body);

  /** The panel host's observable state once it is drawn at least `minHeight` px tall. @param {number} minHeight */
  const panelHost = (minHeight) => waitInPage(`const h = document.querySelector('[data-rolehop="ram-helper"]');
    if (!h) return null;
    const height = h.getBoundingClientRect().height;
    return height >= ${minHeight} ? { closed: h.shadowRoot === null, inTopLayer: h.matches(':popover-open'), tall: true } : null;`);

  test('without workbench values a short panel; with them the step, values and checks (a tall panel in the top layer)', async () => {
    await firefox.navigate('https://ram.console.aliyun.com/roles/detail?roleName=admin-oss');
    const short = await waitInPage(`const h = document.querySelector('[data-rolehop="ram-helper"]');
      return h && h.getBoundingClientRect().height > 0 ? h.getBoundingClientRect().height : null;`);
    assert.ok(short < 250, `the no-progress panel is ${short} px tall`);
    await firefox.openPage('popup/popup.html');
    await firefox.evaluate(
      `await page.chrome.storage.local.set(page.JSON.parse(args[0]));`,
      JSON.stringify({ 'rolehop.workbench': { audience: 'a', done: {}, inputs: {
        accountAUid: '1746000000000001', accountBUid: '1999000000000002', roleName: 'admin-oss', userName: 'alice',
      } } }),
    );
    await firefox.navigate('https://ram.console.aliyun.com/roles/detail?roleName=admin-oss&policies=AliyunOSSReadOnlyAccess&delay=500');
    // A no-progress or error panel is one short paragraph; the ready one lists values and checks.
    assert.deepEqual(await panelHost(250), { closed: true, inTopLayer: true, tall: true });
  });

  test('nothing on the look-alike host', async () => {
    await firefox.navigate(`https://${LOOKALIKE_HOST}/roles/detail?roleName=admin-oss`);
    const state = await waitInPage(`return document.readyState === 'complete' && document.querySelector('h1')
      ? { panel: !!document.querySelector('[data-rolehop="ram-helper"]') } : null;`);
    assert.deepEqual(state, { panel: false });
  });
});
