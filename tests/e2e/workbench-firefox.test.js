// The workbench in the shipped dist/firefox (Firefox ESR): the page renders the tutorial from the
// wasm core, credentials live in Firefox's storage.session and come back masked, and the run port
// streams a checks run to the end, first with nothing reachable (every check "could not check",
// what a user without network sees), then against the mock cloud through a CONNECT proxy (Firefox
// has no host-resolver switch).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchFirefoxExtension } from './firefox-harness.js';
import { startConnectProxy } from '../lib/connect-proxy.js';
import { startMockCloud } from '../mock-cloud/index.js';

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
});
