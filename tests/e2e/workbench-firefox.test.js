// The workbench in the shipped dist/firefox (Firefox ESR): the page renders the tutorial from the
// wasm core, judges a field when left (a real Tab), opens a task's tabs by click and by arrow keys,
// shows each audience its own fields, ticks steps by hand and by Verify, credentials live in Firefox's storage.session and come back masked, and the run port
// streams a checks run to the end, first with nothing reachable (every check "could not check",
// what a user without network sees), then against the mock cloud through a CONNECT proxy (Firefox
// has no host-resolver switch).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchFirefoxExtension } from './firefox-harness.js';
import { startConnectProxy } from '../lib/connect-proxy.js';
import { startMockCloud } from '../mock-cloud/index.js';
import { messageCatalog } from './harness.js';

const EN = messageCatalog('en');

describe('workbench in Firefox', () => {
  /** @type {import('./firefox-harness.js').FirefoxExtension} */
  let firefox;

  before(async () => {
    // Unreachable on purpose: requests fail fast instead of reaching the real cloud.
    firefox = await launchFirefoxExtension({ prefs: { 'network.proxy.type': 1, 'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': 9, 'network.proxy.allow_hijacking_localhost': true } });
    await firefox.openPage('workbench/workbench.html');
  });
  after(async () => {
    await firefox?.close();
  });

  test('renders company A\'s steps from the core with the values filled in', async () => {
    const steps = await firefox.evaluate(`const until = Date.now() + 10000;
      while (document.body.dataset.ready !== 'true' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      const set = (id, value) => { const el = document.getElementById(id); el.value = value; el.dispatchEvent(new Event('input')); };
      set('input-accountAUid', '1746205010153210');
      set('input-accountBUid', '1358024679135802');
      set('input-userName', 'alice');
      return [...document.querySelectorAll('#steps li.task')].map((li) => li.dataset.step);`);
    assert.ok(steps.includes('a-create-role'), JSON.stringify(steps));
  });

  test('a field is judged when left (a real Tab), not while typing', async () => {
    const typing = await firefox.evaluate(`const field = document.getElementById('input-accountAAlias');
      field.value = '';
      field.dispatchEvent(new Event('input'));
      field.focus();
      return document.activeElement?.id;`);
    assert.equal(typing, 'input-accountAAlias');
    await firefox.pressKeys(['a', 'c', '-', '-', 'x']);
    const before = await firefox.evaluate(`return { value: document.getElementById('input-accountAAlias').value,
      invalid: document.getElementById('input-accountAAlias').getAttribute('aria-invalid') };`);
    assert.deepEqual(before, { value: 'ac--x', invalid: 'false' }, 'not judged while typing');
    await firefox.pressKeys(['\uE004']);
    const after = await firefox.evaluate(`const until = Date.now() + 5000;
      const field = document.getElementById('input-accountAAlias');
      while (field.getAttribute('aria-invalid') !== 'true' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return { invalid: field.getAttribute('aria-invalid'), error: document.getElementById('input-accountAAlias-error').textContent,
        focused: document.activeElement?.id, steps: document.querySelectorAll('#steps li.task').length };`);
    assert.equal(after.invalid, 'true');
    assert.equal(after.error, EN.core_profile_alias_double_hyphen.replace('$value$', 'ac--x'), 'the catalog\'s words');
    assert.equal(after.focused, 'input-accountBUid', 'Tab moved on to the next field');
    assert.ok(after.steps > 0, 'the steps stay');
    await firefox.evaluate(`const field = document.getElementById('input-accountAAlias');
      field.value = '';
      field.dispatchEvent(new Event('input'));
      field.dispatchEvent(new Event('blur'));`);
  });

  test('tabs: a click opens a task\'s tab, arrow keys, Home and End move and open, a click on the open tab closes it', async () => {
    // Leaving a field for a tab keeps the steps as drawn: the tab is still there to take the focus.
    await firefox.evaluate(`document.getElementById('input-roleName').focus();`);
    const open = await firefox.evaluate(`const task = document.querySelector('li[data-step="a-create-role"]');
      task.querySelector('[role="tab"][data-tab="policy"]').click();
      const panel = task.querySelector('[role="tabpanel"]:not([hidden])');
      task.querySelector('[role="tab"][data-tab="policy"]').focus();
      return { panels: task.querySelectorAll('[role="tabpanel"]:not([hidden])').length, text: panel?.textContent ?? '',
        selected: task.querySelector('[role="tab"][aria-selected="true"]')?.dataset.tab, focused: document.activeElement?.outerHTML.slice(0, 80) };`);
    assert.match(open.focused ?? '', /id="tabs-a-create-role-policy"/, 'the open tab has the focus');
    assert.equal(open.panels, 1);
    assert.equal(open.selected, 'policy');
    assert.match(open.text, /"Statement"/);
    /** The tab with the focus and the open panel's text, after `keys`. @param {string[]} keys */
    const press = async (keys) => {
      await firefox.pressKeys(keys);
      return firefox.evaluate(`const task = document.querySelector('li[data-step="a-create-role"]');
        return { focused: document.activeElement?.dataset.tab, text: task.querySelector('[role="tabpanel"]:not([hidden])')?.textContent ?? '' };`);
    };
    const right = await press(['\uE014']);
    assert.equal(right.focused, 'cli');
    assert.match(right.text, /aliyun ram CreateRole/);
    const end = await press(['\uE010']);
    assert.equal(end.focused, 'terraform');
    assert.match(end.text, /resource "alicloud_ram_role"/);
    const home = await press(['\uE011']);
    assert.equal(home.focused, 'how');
    const closed = await firefox.evaluate(`const task = document.querySelector('li[data-step="a-create-role"]');
      task.querySelector('[role="tab"][data-tab="how"]').click();
      return task.querySelectorAll('[role="tabpanel"]:not([hidden])').length;`);
    assert.equal(closed, 0, 'the task is short again');
  });

  test('a step ticked by hand is counted and remembered in storage.local', async () => {
    const ticked = await firefox.evaluate(`const box = document.querySelector('li[data-step="a-create-role"] input[type="checkbox"]');
      box.click();
      const until = Date.now() + 5000;
      let saved;
      while (Date.now() < until) {
        saved = (await chrome.storage.local.get('rolehop.workbench'))['rolehop.workbench'];
        if (saved?.done?.['a-create-role']) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      return { progress: document.getElementById('steps-progress').textContent, done: saved?.done ?? {},
        marked: document.querySelector('li[data-step="a-create-role"]').dataset.done };`);
    assert.deepEqual(ticked.done, { 'a-create-role': true });
    assert.equal(ticked.marked, 'true');
    assert.match(ticked.progress, /^1 of \d+ done$/);
    const unticked = await firefox.evaluate(`document.querySelector('li[data-step="a-create-role"] input[type="checkbox"]').click();
      return document.getElementById('steps-progress').textContent;`);
    assert.match(unticked, /^0 of \d+ done$/);
  });

  test('each audience sees only its fields; what was typed stays', async () => {
    const seen = await firefox.evaluate(`const shown = () => [...document.querySelectorAll('#inputs .field:not([hidden])')].map((f) => f.dataset.field);
      const choose = (v) => { const r = document.querySelector('input[name="audience"][value="' + v + '"]'); r.click(); };
      const out = {};
      for (const audience of ['b', 'user', 'a']) { choose(audience); out[audience] = shown(); }
      out.userName = document.getElementById('input-userName').value;
      return out;`);
    assert.deepEqual(seen.a, ['accountAUid', 'accountAAlias', 'accountBUid', 'roleName', 'trustKind', 'permissionKind', 'site']);
    assert.deepEqual(seen.b, ['accountAUid', 'accountAAlias', 'accountBUid', 'roleName', 'userName', 'assumePolicy', 'site', 'checkBucket', 'region']);
    assert.deepEqual(seen.user, ['accountAUid', 'accountAAlias', 'accountBUid', 'roleName', 'userName', 'site', 'checkBucket', 'region']);
    assert.equal(seen.userName, 'alice');
  });

  test('credentials: kept in storage.session, answered masked, cleared', async () => {
    const set = await firefox.sendMessage({ type: 'credentials.set', side: 'b', credentials: { accessKeyId: 'LTAI5tBbAlice000000000B2', accessKeySecret: 'BbAliceSecret000000000000000B2' } });
    assert.equal(set.b.accessKeyId, 'LTAI****00B2');
    assert.ok(!JSON.stringify(set).includes('BbAliceSecret'));
    const where = await firefox.evaluate(`return {
      session: JSON.stringify(await chrome.storage.session.get(null)).includes('BbAliceSecret'),
      local: JSON.stringify(await chrome.storage.local.get(null)).includes('BbAliceSecret'),
    };`);
    assert.deepEqual(where, { session: true, local: false });
  });

  test('a checks run streams over the port to its end (here: could not check, nothing reachable)', async () => {
    const run = await firefox.evaluate(`return await new Promise((resolve) => {
      const events = [];
      const port = chrome.runtime.connect({ name: 'rolehop.run' });
      port.onMessage.addListener((e) => {
        events.push(e.event);
        if (e.event === 'checks.done' || e.event === 'error') { port.disconnect(); resolve({ events, last: e }); }
      });
      port.postMessage({ type: 'checks.run', inputs: { roleArn: 'acs:ram::1746205010153210:role/admin-oss' } });
    });`);
    assert.equal(run.last.event, 'checks.done', JSON.stringify(run.last));
    assert.equal(run.last.report.verdict.status, 'incomplete');
    assert.equal(run.last.report.checks.find((/** @type {any} */ c) => c.id === 'b.identity').cause, 'transport-error');
    assert.ok(run.events.filter((/** @type {string} */ e) => e === 'checks.progress').length >= 2);
    const cleared = await firefox.sendMessage({ type: 'credentials.clear', side: 'all' });
    assert.equal(cleared.b, null);
  });
});

describe('workbench in Firefox against the mock cloud (through a CONNECT proxy)', () => {
  /** @type {import('./firefox-harness.js').FirefoxExtension} */
  let firefox;
  /** @type {import('../mock-cloud/index.js').MockCloud} */
  let cloud;
  /** @type {import('../lib/connect-proxy.js').ConnectProxy} */
  let proxy;

  before(async () => {
    cloud = await startMockCloud({ scenario: 'happy-path' });
    proxy = await startConnectProxy({ hosts: ['*.aliyuncs.com'], targetPort: cloud.port });
    firefox = await launchFirefoxExtension({ prefs: proxy.firefoxPrefs, acceptInsecureCerts: true });
    await firefox.openPage('workbench/workbench.html');
  });
  after(async () => {
    try {
      await firefox?.close(); // throws when the add-on had errors
    } finally {
      await proxy?.close();
      await cloud?.close();
    }
  });

  test('the happy path passes: B\'s user assumes A\'s role and lists A\'s buckets and objects', async () => {
    const c = cloud.credentials;
    const alice = c.B.users.alice;
    await firefox.sendMessage({ type: 'credentials.set', side: 'b', credentials: { accessKeyId: alice.accessKeyId, accessKeySecret: alice.accessKeySecret } });
    const reply = await firefox.sendMessage({ type: 'checks.run', inputs: { roleArn: `acs:ram::${c.A.uid}:role/admin-oss`, bucket: 'company-a-reports' } });
    const statuses = Object.fromEntries(reply.report.checks.map((/** @type {any} */ x) => [x.id, x.status]));
    assert.equal(reply.report.verdict.status, 'pass', JSON.stringify(statuses));
    const logged = cloud.requests();
    assert.ok(logged.some((r) => r.action === 'AssumeRole'));
    assert.ok(!JSON.stringify(logged).includes(alice.accessKeySecret));
  });

  test('Verify on the page ticks the steps it proved, and the count follows', async () => {
    const c = cloud.credentials;
    const ready = await firefox.evaluate(`const until = Date.now() + 15000;
      while (document.body.dataset.ready !== 'true' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      document.querySelector('input[name="audience"][value="user"]').click();
      const set = (id, value) => { const el = document.getElementById(id); el.value = value; el.dispatchEvent(new Event('input')); el.dispatchEvent(new Event('blur')); };
      set('input-accountAUid', args[0]);
      set('input-accountBUid', args[1]);
      set('input-userName', 'alice');
      set('input-checkBucket', 'company-a-reports');
      const verify = document.getElementById('verify');
      while (verify.disabled && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      if (verify.disabled) return document.getElementById('verify-why').textContent;
      verify.click();
      return 'clicked';`, c.A.uid, c.B.uid);
    assert.equal(ready, 'clicked');
    // Polled in turns shorter than the harness's script timeout.
    let result = null;
    for (let turn = 0; turn < 6 && !result?.verdict; turn += 1) {
      result = await firefox.evaluate(`const until = Date.now() + 10000;
        const verdict = document.getElementById('verdict');
        while (!verdict.dataset.verdict && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
        return { verdict: verdict.dataset.verdict, checks: document.getElementById('checks').textContent,
          done: [...document.querySelectorAll('#steps li.task')].map((li) => [li.dataset.step, li.dataset.done]),
          progress: document.getElementById('steps-progress').textContent };`);
    }
    assert.equal(result?.verdict, 'pass', result?.checks);
    assert.deepEqual(result?.done, [['user-sign-in', 'true'], ['user-switch-role', 'true'], ['user-verify', 'true']]);
    assert.equal(result?.progress, '3 of 3 done');
  });
});
