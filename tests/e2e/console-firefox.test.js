// Open console in the shipped dist/firefox (Firefox ESR) against the mock cloud, through a CONNECT
// proxy: two profiles (two roles of account A) open at once, each in its own container named and
// coloured after the profile, each container holding its own console session; opening a profile
// again reuses its container.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchFirefoxExtension } from './firefox-harness.js';
import { ROOT } from './harness.js';
import { startConnectProxy } from '../lib/connect-proxy.js';
import { startMockCloud } from '../mock-cloud/index.js';
import { CONSOLE_COOKIE } from '../mock-cloud/federation.js';

/** The English catalog (Firefox runs in English here). */
const messages = JSON.parse(readFileSync(join(ROOT, 'extension', '_locales', 'en', 'messages.json'), 'utf8'));

/** The happy path with a second role in A (auditor), which bob may assume too. */
function twoRoles() {
  const scenario = JSON.parse(readFileSync(join(ROOT, 'tests', 'mock-cloud', 'scenarios', 'happy-path.json'), 'utf8'));
  const [admin] = scenario.accounts.A.roles;
  scenario.accounts.A.roles.push({ ...admin, name: 'auditor', description: 'Company B audits' });
  return scenario;
}

describe('Open console in Firefox: one container per profile', () => {
  /** @type {import('./firefox-harness.js').FirefoxExtension} */
  let firefox;
  /** @type {import('../mock-cloud/index.js').MockCloud} */
  let cloud;
  /** @type {import('../lib/connect-proxy.js').ConnectProxy} */
  let proxy;

  before(async () => {
    cloud = await startMockCloud({ scenario: twoRoles() });
    proxy = await startConnectProxy({ hosts: ['*.aliyuncs.com', 'signin.aliyun.com', '*.console.aliyun.com'], targetPort: cloud.port });
    // Optional permissions are granted without a door-hanger (the request still needs the key press).
    firefox = await launchFirefoxExtension({ prefs: { ...proxy.firefoxPrefs, 'extensions.webextOptionalPermissionPrompts': false }, acceptInsecureCerts: true });
    await firefox.openPage('workbench/workbench.html');
    // The workbench's own start (its messages to the worker) ends before the tab moves on.
    await firefox.evaluate(`const until = Date.now() + 10000;
      while (document.body.dataset.ready !== 'true' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));`);
    const uid = cloud.credentials.A.uid;
    await firefox.evaluate(`const store = await import('/shared/profile-store.js'); await store.saveProfilesText(args[0]);`,
      `[profile admin]\naccount = ${uid}\nrole_name = admin-oss\ndisplay_name = A admin\ncolor = #2f9e44\n\n[profile audit]\naccount = ${uid}\nrole_name = auditor\ndisplay_name = A audit\ncolor = #e03131\n`);
    const bob = cloud.credentials.B.users.bob;
    await firefox.sendMessage({ type: 'credentials.set', side: 'b', credentials: { accessKeyId: bob.accessKeyId, accessKeySecret: bob.accessKeySecret } });
    // The workbench follows the change (its own credentials.status) before the tab moves on.
    await firefox.evaluate(`const until = Date.now() + 10000;
      while (!/\\*\\*\\*\\*/.test(document.getElementById('cred-b-current')?.textContent ?? '') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));`);
    await firefox.openPage('popup/popup.html');
  });
  after(async () => {
    try {
      await firefox?.close(); // throws when the add-on had errors
    } finally {
      await proxy?.close();
      await cloud?.close();
    }
  });

  /**
   * Opens the popup, makes `query`'s profile active and presses Enter on Open console (a real key
   * press: Firefox grants permissions only to user input); resolves to the popup's status.
   * @param {string} query
   */
  async function openConsoleFor(query) {
    // The console tab the last open made is in front; the popup's own tab comes back first (the
    // harness drives the popup's tab, and the key press must reach it).
    await firefox.evaluate(`const until = Date.now() + 10000;
      while (document.getElementById('console-ready').hidden || document.querySelectorAll('#results [role=option]').length === 0) {
        if (Date.now() > until) throw new Error('the console actions never showed');
        await new Promise((r) => setTimeout(r, 50));
      }
      const me = await browser.tabs.getCurrent();
      await browser.tabs.update(me.id, { active: true });
      const search = document.getElementById('search');
      search.value = args[0];
      search.dispatchEvent(new Event('input'));
      document.getElementById('console-status').dataset.result = '';
      if (document.getElementById('console').hidden) document.getElementById('console-toggle').click();
      document.getElementById('open-console').focus();`, query);
    await firefox.pressKeys(['\uE007']);
    return firefox.evaluate(`const until = Date.now() + 20000;
      const status = document.getElementById('console-status');
      while (!['pass', 'error'].includes(status.dataset.result ?? '')) {
        if (Date.now() > until) return { timeout: status.textContent };
        await new Promise((r) => setTimeout(r, 50));
      }
      return { result: status.dataset.result, text: status.textContent, for: document.getElementById('console-for').textContent };`);
  }

  test('two profiles open side by side, each in its own container with its own console session', async () => {
    // Containers are asked for at the first open (the `cookies` permission a container tab needs),
    // not held from install; the panel says each profile opens in its own container.
    const before = await firefox.evaluate(`return browser.permissions.contains({ permissions: ['cookies'] });`);
    assert.equal(before, false, 'cookies is not held before the first open');
    const admin = await openConsoleFor('A admin');
    assert.equal(admin.result, 'pass', JSON.stringify(admin));
    const audit = await openConsoleFor('A audit');
    assert.equal(audit.result, 'pass', JSON.stringify(audit));
    const granted = await firefox.evaluate(`return browser.permissions.contains({ permissions: ['cookies'] });`);
    assert.equal(granted, true, 'the first open asked for cookies');
    const note = await firefox.evaluate(`return document.getElementById('console-note').textContent;`);
    assert.equal(note, messages.popupConsoleContainers.message);

    const seen = await firefox.evaluate(`const containers = (await browser.contextualIdentities.query({})).filter((c) => c.name.startsWith('RoleHop: '));
      const out = [];
      for (const c of containers) {
        const cookies = await browser.cookies.getAll({ url: 'https://signin.aliyun.com/', storeId: c.cookieStoreId });
        out.push({ name: c.name, color: c.color, store: c.cookieStoreId, tickets: cookies.filter((k) => k.name === args[0]).map((k) => k.value) });
      }
      return out;`, CONSOLE_COOKIE);
    assert.deepEqual(seen.map((/** @type {any} */ c) => [c.name, c.color]).sort(), [['RoleHop: A admin', 'green'], ['RoleHop: A audit', 'red']]);
    assert.notEqual(seen[0].store, seen[1].store);
    const roles = seen.map((/** @type {any} */ c) => {
      assert.equal(c.tickets.length, 1, `${c.name} holds one console session`);
      return [c.name, cloud.world.consoleSessions.get(c.tickets[0])?.session.roleName];
    }).sort();
    assert.deepEqual(roles, [['RoleHop: A admin', 'admin-oss'], ['RoleHop: A audit', 'auditor']]);

    // The default container has no console session: the two stay apart from the person's own.
    const own = await firefox.evaluate(`return (await browser.cookies.getAll({ url: 'https://signin.aliyun.com/' })).filter((k) => k.name === args[0]).length;`, CONSOLE_COOKIE);
    assert.equal(own, 0);
  });

  test('opening a profile again reuses its container', async () => {
    const again = await openConsoleFor('A admin');
    assert.equal(again.result, 'pass', JSON.stringify(again));
    const names = await firefox.evaluate(`return (await browser.contextualIdentities.query({})).map((c) => c.name).filter((n) => n.startsWith('RoleHop: '));`);
    assert.deepEqual(names.sort(), ['RoleHop: A admin', 'RoleHop: A audit']);
  });
});
