// The RAM console helper panel in the shipped dist/firefox, in real Firefox ESR, on the RAM console
// fixture at its real hostnames through a CONNECT proxy (Firefox has no --host-resolver-rules).
// A page cannot see inside the closed shadow root, so what is checked is what a page can observe:
// the panel's host attached with a closed shadow root in the top layer, drawn at the size of a
// panel that got its tutorial context from the service worker (the worker accepted Firefox's
// sender as the RAM console), and nothing on the look-alike host. A copy button pressed with the
// real keyboard on a page that listens for copy events and plants its own text: the background page
// copies (tests/fixtures/ram-console/copy-thief.js sees no copy event; the system clipboard holds
// RoleHop's value).

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
    // The values typed into the workbench, as the user does (it saves them tagged: an untagged
    // write is what a content script could do, and Firefox's RoleHop does not take it).
    await firefox.openPage('workbench/workbench.html');
    const saved = await firefox.evaluate(`const until = Date.now() + 15000;
      while (document.body.dataset.ready !== 'true' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      const set = (id, value) => { const el = document.getElementById(id); el.value = value; el.dispatchEvent(new Event('input')); };
      set('input-accountAUid', '1746000000000001');
      set('input-accountBUid', '1999000000000002');
      set('input-roleName', 'admin-oss');
      set('input-userName', 'alice');
      for (;;) {
        const stored = (await page.chrome.storage.local.get('rolehop.workbench'))['rolehop.workbench'];
        if (stored?.inputs?.userName === 'alice' || Date.now() > until) return stored?.inputs?.userName ?? null;
        await new Promise((r) => setTimeout(r, 50));
      }`);
    assert.equal(saved, 'alice');
    await firefox.navigate('https://ram.console.aliyun.com/roles/detail?roleName=admin-oss&policies=AliyunOSSReadOnlyAccess&delay=500');
    // A no-progress or error panel is one short paragraph; the ready one lists values and checks.
    assert.deepEqual(await panelHost(250), { closed: true, inTopLayer: true, tall: true });
  });

  test('a copy button: the background page copies RoleHop\'s value; the page listening for copy sees no event', async () => {
    // The workbench's values are saved by the test above. Firefox does not apply
    // Permissions-Policy to the Clipboard API; the page still listens and plants its own text.
    await firefox.navigate('https://ram.console.aliyun.com/roles/create?clipboard=denied&thief=1');
    await panelHost(250);
    assert.equal(await firefox.readClipboard(), '');
    // Tab from the page into the panel: its first stop is the host (the collapse toggle), the next
    // the first copy button (the role name); Enter presses it (a trusted click).
    for (let i = 0; i < 10; i += 1) {
      await firefox.pressKeys(['\uE004']);
      if ((await firefox.evaluate(`return document.activeElement?.getAttribute('data-rolehop') ?? null;`)) === 'ram-helper') break;
    }
    await firefox.pressKeys(['\uE004', '\uE007']);
    let copied = '';
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && copied !== 'admin-oss';) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      copied = await firefox.readClipboard();
    }
    assert.equal(copied, 'admin-oss');
    const events = JSON.parse(await firefox.evaluate(`return JSON.stringify(page.fixtureCopyEvents);`));
    assert.deepEqual(events.filter((/** @type {{type: string}} */ e) => ['beforecopy', 'copy', 'cut'].includes(e.type)), []);
  });

  test('nothing on the look-alike host', async () => {
    await firefox.navigate(`https://${LOOKALIKE_HOST}/roles/detail?roleName=admin-oss`);
    const state = await waitInPage(`return document.readyState === 'complete' && document.querySelector('h1')
      ? { panel: !!document.querySelector('[data-rolehop="ram-helper"]') } : null;`);
    assert.deepEqual(state, { panel: false });
  });
});
