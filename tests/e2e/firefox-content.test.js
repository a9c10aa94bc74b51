// The content scripts in the shipped dist/firefox, in real Firefox ESR: the fixture pages at their
// real hostnames through a CONNECT proxy (tests/lib/connect-proxy.js; Firefox has no
// --host-resolver-rules). What a page can observe is checked: the Switch Role fields filled on
// the Chinese variant, a switch recorded by RoleHop submitted by itself, nothing on the look-alike
// host, and the identity badge (needs the MAIN-world script) attached with a closed shadow root.
// The fill and the badge in both render orders (tests/lib/fixture-site.js). Any error the browser
// console gets from the add-on's files fails the file (firefox-harness.js close()).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchFirefoxExtension } from './firefox-harness.js';
import { waitInPage } from './firefox-page.js';
import { startConnectProxy } from '../lib/connect-proxy.js';
import { CONSOLE_HOSTS, LOOKALIKE_HOST, SIGNIN_HOSTS, startConsoleFixtures } from '../fixtures/console/server.js';
import { switchRoleUrl } from './content-helpers.js';
import { inRenderOrder, RENDER_ORDERS } from '../lib/fixture-site.js';

const ACCOUNT = 'acme-prod';
const ROLE = 'admin-oss';

describe('content scripts in Firefox', () => {
  /** @type {import('../lib/https-server.js').HttpsServer} */
  let server;
  /** @type {import('../lib/connect-proxy.js').ConnectProxy} */
  let proxy;
  /** @type {import('./firefox-harness.js').FirefoxExtension} */
  let firefox;

  before(async () => {
    server = await startConsoleFixtures();
    proxy = await startConnectProxy({ hosts: [...SIGNIN_HOSTS, LOOKALIKE_HOST, ...CONSOLE_HOSTS], targetPort: server.port });
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

  for (const { render, label } of RENDER_ORDERS) {
    test(`the Switch Role page (no ids, Chinese labels, no prefill) gets both fields filled (${label})`, async () => {
      await firefox.navigate(inRenderOrder(switchRoleUrl({ fixture: 'zh', parentAlias: ACCOUNT, roleName: ROLE }), render));
      const values = await waitInPage(firefox, `const v = [...document.querySelectorAll('.panel input')].map((i) => i.value);
        return v.length === 2 && v.every(Boolean) ? v : null;`);
      assert.deepEqual(values, [ACCOUNT, ROLE]);
      const host = await waitInPage(firefox, `const h = document.querySelector('[data-rolehop="switch-banner"]');
        return h ? {closed: h.shadowRoot === null} : null;`);
      assert.deepEqual(host, { closed: true });
    });
  }

  for (const frame of ['srcdoc', 'src']) {
    test(`the form in a same-origin frame (${frame}) gets both fields filled, and the page one banner`, async () => {
      await firefox.navigate(switchRoleUrl({ fixture: 'zh', parentAlias: ACCOUNT, roleName: ROLE, extra: { frame } }));
      const values = await waitInPage(firefox, `const doc = document.querySelector('iframe')?.contentDocument;
        const v = doc ? [...doc.querySelectorAll('.panel input')].map((i) => i.value) : [];
        return v.length === 2 && v.every(Boolean) ? v : null;`);
      assert.deepEqual(values, [ACCOUNT, ROLE]);
      const hosts = await waitInPage(firefox, `const n = document.querySelectorAll('[data-rolehop="switch-banner"]').length;
        return n > 0 ? [n, document.querySelector('iframe').contentDocument.querySelectorAll('[data-rolehop]').length] : null;`);
      assert.deepEqual(hosts, [1, 0]);
    });
  }

  test('a switch RoleHop recorded is submitted by itself (auto-submit, on by default)', async () => {
    // Auto-submit is on by default (no settings saved): the options page shows it on, and the
    // worker answers a recorded switch with it. (Turning it off is tested in firefox-tamper.)
    await firefox.openPage('options/options.html');
    const saved = await firefox.evaluate(`const doc = page.document;
      const until = Date.now() + 15000;
      while (doc.body.dataset.ready !== 'true' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return doc.getElementById('setting-auto-submit').checked ? 'on' : 'off';`);
    assert.equal(saved, 'on', 'auto-submit is on by default: nothing to save');
    await firefox.openPage('popup/popup.html');
    const target = switchRoleUrl({ fixture: 'en', parentAlias: ACCOUNT, roleName: ROLE });
    // The pending switch as the contract stores it (what shared/pending-switch.js writes), built
    // in the page's compartment so Firefox's storage can read it.
    await firefox.evaluate(
      `const chrome = page.chrome;
       const tab = await chrome.tabs.getCurrent();
       const record = page.JSON.parse(args[2]);
       record.tabId = tab.id;
       record.createdAt = Date.now();
       await chrome.storage.session.set({ 'rolehop.pendingSwitches': new page.Array(record) });
       chrome.tabs.update(tab.id, { url: args[0] + '#rolehop=' + record.marker });`,
      target,
      '',
      JSON.stringify({ marker: 'a'.repeat(32), parentAlias: ACCOUNT, roleName: ROLE, site: 'cn', profileId: 'acme-prod', displayName: 'Acme production' }),
    );
    const sent = await waitInPage(firefox, `const s = document.documentElement.dataset.submitted; return s ? JSON.parse(s) : null;`);
    assert.equal(sent.parentAlias, ACCOUNT);
    assert.equal(sent.roleName, ROLE);
  });

  test('nothing on the look-alike host', async () => {
    // Control first: the real host gets the banner host element.
    await firefox.navigate(switchRoleUrl({ fixture: 'zh', parentAlias: ACCOUNT, roleName: ROLE }));
    await waitInPage(firefox, `return document.querySelector('[data-rolehop="switch-banner"]') ? true : null;`);
    await firefox.navigate(switchRoleUrl({ host: LOOKALIKE_HOST, fixture: 'zh', parentAlias: ACCOUNT, roleName: ROLE }));
    const state = await waitInPage(firefox, `return document.readyState === 'complete'
      ? { banner: !!document.querySelector('[data-rolehop]'), values: [...document.querySelectorAll('.panel input')].map((i) => i.value) }
      : null;`);
    assert.deepEqual(state, { banner: false, values: ['', ''] });
  });

  for (const { render, label } of RENDER_ORDERS) {
    test(`the identity badge from ALIYUN_CONSOLE_CONFIG (the MAIN-world hand-over) (${label})`, async () => {
      // No top navigation text: the badge can only come from the page-world script's hand-over.
      await firefox.navigate(inRenderOrder('https://oss.console.aliyun.com/?config=main&nav=', render));
      const host = await waitInPage(firefox, `const h = document.querySelector('[data-rolehop="identity-badge"]');
        return h ? { closed: h.shadowRoot === null, inTopLayer: h.matches(':popover-open') } : null;`);
      assert.deepEqual(host, { closed: true, inTopLayer: true });
    });

    test(`the identity badge with the top bar and the config on the page: one badge host (${label})`, async () => {
      await firefox.navigate(inRenderOrder('https://oss.console.aliyun.com/overview', render));
      const hosts = await waitInPage(firefox, `const hosts = document.querySelectorAll('[data-rolehop]');
        return hosts.length > 0 && document.querySelector('#navAccount')?.textContent ? hosts.length : null;`);
      // Later hand-overs (RoleHop asks again at 0.5, 2 and 5 s) never add a host.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      assert.equal(hosts, 1);
      assert.equal(await firefox.evaluate(`return document.querySelectorAll('[data-rolehop]').length;`), 1);
      assert.deepEqual(await firefox.extensionErrors(), []);
    });
  }
});
