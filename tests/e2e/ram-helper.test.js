// The RAM console helper panel in the shipped dist/chromium, on a stand-in of the RAM console's
// single-page app served at the real hostnames (tests/fixtures/ram-console): the tutorial step and
// the values to paste for each page (from the workbench's remembered progress, through the
// service worker and the tutorial core), copy buttons, the permission checks on role and user
// detail pages (attached / not attached / could not read the page, with lists that render late,
// never, empty or paged), the trust policy check, following the app's own navigation, English and
// Chinese, no panel on look-alike hosts or other consoles, and forged messages refused. Every page
// test runs in both render orders (tests/lib/fixture-site.js): the app's page in the document when
// the script is injected, and rendered after it started.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useFixtureServer } from './harness.js';
import { startRamConsoleFixtures } from '../fixtures/ram-console/server.js';
import { inRenderOrder, RENDER_ORDERS } from '../lib/fixture-site.js';
import { controlPage, evaluateInContentWorld, readRoleHopUi, trustedClick, waitForRender, waitForValue } from './content-helpers.js';
import { panelOf, RAM_TUTORIAL } from './ram-panel-helpers.js';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./ram-panel-helpers.js').PanelSeen} PanelSeen */

const { A, B, RAM, BASE_INPUTS } = RAM_TUTORIAL;
const ASSUME_SCOPED = `AssumeRole-admin-oss-${A}`;

describe('the RAM console helper panel', () => {
  /** @type {import('./harness.js').ExtensionBrowser} */
  let browser;
  /** @type {Page} */
  let control;
  /** @type {(url: string) => Promise<Page>} */
  let open;

  useFixtureServer(startRamConsoleFixtures, async (env) => {
    ({ browser, open } = env);
    control = await controlPage(browser);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: RAM });
  });

  /**
   * Saves the workbench's progress as the workbench does (storage.local `rolehop.workbench`).
   * @param {{audience?: 'a' | 'b' | 'user', inputs?: Record<string, string>, done?: Record<string, boolean>} | null} progress
   */
  async function saveProgress(progress) {
    await control.evaluate(async (p) => {
      if (p === null) await chrome.storage.local.remove('rolehop.workbench');
      else await chrome.storage.local.set({ 'rolehop.workbench': p });
    }, progress === null ? null : { audience: progress.audience ?? 'a', inputs: { ...BASE_INPUTS, ...progress.inputs }, done: progress.done ?? {} });
  }

  /**
   * Waits for the panel to satisfy `accept`; every state it passed through is returned too.
   * @param {Page} page @param {(p: PanelSeen) => boolean} accept @param {string} what @param {number} [timeout]
   */
  async function panelWhen(page, accept, what, timeout = 15_000) {
    /** @type {PanelSeen[]} */
    const seen = [];
    const found = await waitForValue(
      async () => {
        const uis = await readRoleHopUi(page, 'ram-helper');
        const panel = uis.length === 1 ? panelOf(uis[0]) : null;
        if (panel) seen.push(panel);
        return panel;
      },
      (p) => p !== null && accept(p),
      { what, timeout },
    );
    return { panel: /** @type {PanelSeen} */ (found), seen };
  }

  /** @param {PanelSeen} p @param {string} id */
  const check = (p, id) => p.checks.find((c) => c.id === id);
  /** @param {string} id @param {string[]} states */
  const checkIn = (id, states) => (/** @type {PanelSeen} */ p) => states.includes(check(p, id)?.state ?? '');

  for (const { render, label } of RENDER_ORDERS) {
    describe(label, () => {
      /** @param {string} url */
      const openIn = (url) => open(inRenderOrder(url, render));

      test('without workbench values: the panel says where to enter them', async () => {
        await saveProgress(null);
        const page = await openIn(`${RAM}/roles`);
        const { panel } = await panelWhen(page, (p) => p.section['data-state'] === 'no-progress', 'the no-progress panel');
        assert.equal(panel.ui.rootType, 'closed');
        assert.match(panel.text, /No tutorial values yet.*workbench/);
        assert.equal(await page.evaluate(() => document.querySelector('[data-rolehop="ram-helper"]')?.shadowRoot ?? null), null);
        await page.close();
      });

      test('Create Role page: step 1 with the role name, B\'s UID and the trust policy; copy buttons copy them', async () => {
        await saveProgress({ done: {} });
        const page = await openIn(`${RAM}/roles/create`);
        const { panel } = await panelWhen(page, (p) => p.section['data-step'] === 'a-create-role', 'the create-role step');
        assert.equal(panel.section['data-page'], 'role-create');
        assert.match(panel.text, /Step 1 · Create the RAM role admin-oss/);
        assert.match(panel.text, /0 of \d+ done/);
        const values = Object.fromEntries(panel.values.map((v) => [v.text, v]));
        assert.ok(values['admin-oss'], 'the role name is offered');
        assert.ok(values[B], 'B\'s account UID is offered');
        // A trust policy is named after its role; the panel shows its title in the page's language.
        assert.deepEqual(panel.policies.map((p) => p.name), ['admin-oss']);
        assert.match(panel.text, /Trust policy of role admin-oss/);

        await page.bringToFront();
        await trustedClick(page, values[B].copy);
        await waitForValue(() => page.evaluate(() => navigator.clipboard.readText()), (text) => text === B, { what: 'B\'s UID on the clipboard' });
        await trustedClick(page, panel.policies[0].copy);
        const copied = await waitForValue(() => page.evaluate(() => navigator.clipboard.readText()), (text) => text.includes('"Statement"'), { what: 'the trust policy on the clipboard' });
        assert.deepEqual(JSON.parse(copied).Statement[0].Principal, { RAM: [`acs:ram::${B}:root`] });
        const after = await panelWhen(page, (p) => p.ui.elements.some((e) => e.attributes['data-copied'] === 'true'), 'the copied mark');
        assert.match(after.panel.text, /Copied/);
        await page.close();
      });

      test('the panel collapses to its title line and opens again (mouse and keyboard)', async () => {
        await saveProgress({});
        const page = await openIn(`${RAM}/roles/create`);
        const { panel } = await panelWhen(page, (p) => p.section['data-step'] === 'a-create-role', 'the create-role step');
        const toggle = panel.ui.elements.find((e) => e.attributes.class === 'toggle');
        assert.equal(toggle?.attributes['aria-expanded'], 'true');
        await page.bringToFront();
        await trustedClick(page, /** @type {number} */ (toggle?.backendNodeId));
        const closed = await panelWhen(page, (p) => p.ui.elements.some((e) => e.attributes.class === 'toggle' && e.attributes['aria-expanded'] === 'false'), 'collapsed');
        assert.ok(closed.panel.ui.elements.some((e) => e.attributes.class === 'body' && 'hidden' in e.attributes));
        assert.equal(closed.panel.ui.elements.find((e) => e.attributes.class === 'toggle')?.attributes['aria-label'], 'Expand the RoleHop panel');
        // Remembered: the next RAM console page opens with the panel collapsed.
        const next = await openIn(`${RAM}/roles`);
        await panelWhen(next, (p) => p.section['data-state'] === 'ready' && p.ui.elements.some((e) => e.attributes.class === 'toggle' && e.attributes['aria-expanded'] === 'false'), 'collapsed on the next page');
        await next.close();
        // The focused toggle (after the click) opens it again with the keyboard.
        await page.bringToFront();
        await page.keyboard.press('Enter');
        await panelWhen(page, (p) => p.ui.elements.some((e) => e.attributes.class === 'toggle' && e.attributes['aria-expanded'] === 'true'), 'expanded again');
        await waitForValue(() => control.evaluate(() => chrome.storage.local.get('rolehop.ramHelperPanel')), (v) => /** @type {any} */ (v)['rolehop.ramHelperPanel']?.collapsed === false, { what: 'expanded remembered' });
        await page.close();
      });

      test('a page script cannot press the copy button (synthetic clicks are ignored)', async () => {
        await saveProgress({});
        const page = await openIn(`${RAM}/roles/create`);
        await panelWhen(page, (p) => p.section['data-step'] === 'a-create-role', 'the create-role step');
        await page.bringToFront();
        await page.evaluate(() => navigator.clipboard.writeText('untouched'));
        await page.evaluate(() => document.querySelector('[data-rolehop="ram-helper"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true })));
        const { panel } = await panelWhen(page, () => true, 'the panel');
        assert.ok(!panel.ui.elements.some((e) => e.attributes['data-copied']));
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'untouched');
        await page.close();
      });

      test('role detail, list rendered late WITH the policy: attached (never "not attached" on the way)', async () => {
        await saveProgress({ done: { 'a-create-role': true } });
        const page = await openIn(`${RAM}/roles/detail?roleName=admin-oss&policies=AliyunOSSReadOnlyAccess&delay=1500`);
        const { panel, seen } = await panelWhen(page, checkIn('role-policy', ['attached', 'not-attached', 'unreadable']), 'a role-policy verdict');
        assert.equal(check(panel, 'role-policy')?.state, 'attached');
        assert.equal(check(panel, 'role-policy')?.text, 'Attached: AliyunOSSReadOnlyAccess is attached to role admin-oss.');
        assert.ok(seen.some((p) => check(p, 'role-policy')?.state === 'checking'), 'it waited for the list');
        assert.equal(panel.section['data-step'], 'a-attach-policy');
        assert.match(panel.text, /1 of \d+ done/);
        assert.match(panel.text, /On this page: Step 1 · Grant AliyunOSSReadOnlyAccess to role admin-oss/);
        await page.close();
      });

      test('role detail, list rendered late WITHOUT the policy: not attached', async () => {
        await saveProgress({});
        const page = await openIn(`${RAM}/roles/detail?roleName=admin-oss&policies=AliyunECSReadOnlyAccess,other-policy&delay=1200`);
        const { panel, seen } = await panelWhen(page, checkIn('role-policy', ['attached', 'not-attached', 'unreadable']), 'a role-policy verdict');
        assert.equal(check(panel, 'role-policy')?.state, 'not-attached');
        assert.equal(check(panel, 'role-policy')?.text, 'Not attached: AliyunOSSReadOnlyAccess is not in the permissions list of role admin-oss.');
        assert.ok(seen.every((p) => check(p, 'role-policy')?.state !== 'attached'));
        await page.close();
      });

      test('an empty list ("No Data") is read as not attached', async () => {
        await saveProgress({});
        const page = await openIn(`${RAM}/roles/admin-oss`);
        const { panel } = await panelWhen(page, checkIn('role-policy', ['attached', 'not-attached', 'unreadable']), 'a role-policy verdict');
        assert.equal(panel.section['data-page'], 'role-detail');
        assert.equal(check(panel, 'role-policy')?.state, 'not-attached');
        await page.close();
      });

      test('the list never appears: "could not read the page", never "not attached"', async () => {
        await saveProgress({});
        const page = await openIn(`${RAM}/roles/detail?roleName=admin-oss&table=none`);
        const { panel, seen } = await panelWhen(page, checkIn('role-policy', ['attached', 'not-attached', 'unreadable']), 'a role-policy verdict', 25_000);
        assert.equal(check(panel, 'role-policy')?.state, 'unreadable');
        assert.match(check(panel, 'role-policy')?.text ?? '', /^Could not read the page: no permissions list was found/);
        assert.ok(seen.every((p) => check(p, 'role-policy')?.state !== 'not-attached'));
        await page.close();
      });

      test('a list that shows a loading row first, then the rows: attached', async () => {
        await saveProgress({});
        const page = await openIn(`${RAM}/roles/detail?roleName=admin-oss&policies=AliyunOSSReadOnlyAccess&shell=1&delay=1500`);
        const { panel, seen } = await panelWhen(page, checkIn('role-policy', ['attached', 'not-attached', 'unreadable']), 'a role-policy verdict');
        assert.equal(check(panel, 'role-policy')?.state, 'attached');
        assert.ok(seen.every((p) => check(p, 'role-policy')?.state !== 'not-attached'));
        await page.close();
      });

      test('a page that never stops changing is still read: attached, and not attached after settling', async () => {
        await saveProgress({});
        const page = await openIn(`${RAM}/roles/detail?roleName=admin-oss&policies=AliyunOSSReadOnlyAccess&delay=500&tick=1`);
        // Well before the 10 s bound: the reads are throttled, not starved by the page's changes.
        const { panel } = await panelWhen(page, checkIn('role-policy', ['attached', 'not-attached', 'unreadable']), 'a verdict', 6000);
        assert.equal(check(panel, 'role-policy')?.state, 'attached');
        const without = await openIn(`${RAM}/roles/detail?roleName=admin-oss&policies=other&delay=500&tick=1`);
        const { panel: none } = await panelWhen(without, checkIn('role-policy', ['attached', 'not-attached', 'unreadable']), 'a verdict', 6000);
        assert.equal(check(none, 'role-policy')?.state, 'not-attached');
        await page.close();
        await without.close();
      });

      test('a paged list without the policy on its first page: could not read the page', async () => {
        await saveProgress({});
        const page = await openIn(`${RAM}/roles/detail?roleName=admin-oss&policies=AliyunECSReadOnlyAccess&paged=1`);
        const { panel } = await panelWhen(page, checkIn('role-policy', ['attached', 'not-attached', 'unreadable']), 'a role-policy verdict');
        assert.equal(check(panel, 'role-policy')?.state, 'unreadable');
        assert.match(check(panel, 'role-policy')?.text ?? '', /more pages/);
        await page.close();
      });

      test('another role than the tutorial\'s: said, and nothing checked', async () => {
        await saveProgress({});
        const page = await openIn(`${RAM}/roles/detail?roleName=ops-reader&policies=AliyunOSSReadOnlyAccess`);
        const { panel } = await panelWhen(page, (p) => p.section['data-state'] === 'ready', 'the panel');
        assert.match(panel.text, /This is role ops-reader; your tutorial’s role is admin-oss/);
        assert.deepEqual(panel.checks, []);
        await page.close();
      });

      test('custom permission policy: the role detail offers its document and accepts either policy', async () => {
        await saveProgress({ inputs: { permissionKind: 'custom', buckets: 'reports' }, done: { 'a-create-role': true, 'a-create-policy': true } });
        const page = await openIn(`${RAM}/roles/detail?roleName=admin-oss&policies=admin-oss-oss-read`);
        const { panel } = await panelWhen(page, checkIn('role-policy', ['attached', 'not-attached', 'unreadable']), 'a role-policy verdict');
        assert.equal(check(panel, 'role-policy')?.text, 'Attached: admin-oss-oss-read is attached to role admin-oss.');
        assert.ok(panel.policies.some((p) => p.name === 'admin-oss-oss-read'));
        const missing = await openIn(`${RAM}/roles/detail?roleName=admin-oss&policies=other`);
        const { panel: none } = await panelWhen(missing, checkIn('role-policy', ['not-attached']), 'not attached');
        assert.match(check(none, 'role-policy')?.text ?? '', /admin-oss-oss-read \(or AliyunOSSReadOnlyAccess\) is not in the permissions list/);
        await page.close();
        await missing.close();
      });

      test('policies page: the custom policy\'s name and document', async () => {
        await saveProgress({ inputs: { permissionKind: 'custom', buckets: 'reports' } });
        const page = await openIn(`${RAM}/policies`);
        const { panel } = await panelWhen(page, (p) => p.section['data-step'] === 'a-create-policy', 'the create-policy step');
        assert.ok(panel.values.some((v) => v.text === 'admin-oss-oss-read'));
        assert.deepEqual(panel.policies.map((p) => p.name), ['admin-oss-oss-read']);
        await page.close();
      });

      test('user detail (userId, activeTab=PermissionList): the scoped AssumeRole policy, or the system one, is attached', async () => {
        await saveProgress({ audience: 'b' });
        const page = await openIn(`${RAM}/users/detail?userId=203456789012345678&activeTab=PermissionList&policies=${ASSUME_SCOPED}&delay=800`);
        const { panel } = await panelWhen(page, checkIn('user-policy', ['attached', 'not-attached', 'unreadable']), 'a user-policy verdict');
        assert.equal(check(panel, 'user-policy')?.text, `Attached: ${ASSUME_SCOPED} is attached to the user on this page.`);
        assert.equal(panel.section['data-step'], 'b-attach-policy');
        assert.ok(panel.values.some((v) => v.text === ASSUME_SCOPED));
        const system = await openIn(`${RAM}/users/alice?policies=AliyunSTSAssumeRoleAccess`);
        const { panel: other } = await panelWhen(system, checkIn('user-policy', ['attached', 'not-attached', 'unreadable']), 'a user-policy verdict');
        assert.equal(check(other, 'user-policy')?.text, 'Attached: AliyunSTSAssumeRoleAccess is attached to user alice.');
        const none = await openIn(`${RAM}/users/detail?userId=alice&activeTab=PermissionList&policies=AliyunOSSReadOnlyAccess`);
        const { panel: missing } = await panelWhen(none, checkIn('user-policy', ['attached', 'not-attached', 'unreadable']), 'a user-policy verdict');
        assert.equal(check(missing, 'user-policy')?.state, 'not-attached');
        assert.match(check(missing, 'user-policy')?.text ?? '', /user alice\.$/);
        for (const p of [page, system, none]) await p.close();
      });

      test('trust policy tab: the core decides whether it trusts B', async () => {
        await saveProgress({ done: { 'a-create-role': true } });
        const cases = [
          // The linter's finding and the simulator's explanation, rendered from the catalog.
          ['account', 'trusts', new RegExp(`^The trust policy trusts account ${B} \\(acs:ram::${B}:user/alice\\)\\. Note: "acs:ram::${B}:root" trusts every RAM user and role of account ${B} \\(each still needs its own sts:AssumeRole permission\\); trust the specific users or roles that need this role\\.$`)],
          ['other', 'does-not-trust', new RegExp(`^The trust policy does not trust account ${B}\\. Denied implicitly: sts:AssumeRole on acs:ram::\\d+:role/admin-oss\\. The role's trust policy does not trust acs:ram::${B}:user/alice\\.$`)],
          ['users', 'trusts', /trusts account 1999000000000002/],
          ['invalid', 'invalid', /^The trust policy on the page is not valid: /],
          ['partial', 'unreadable', /^Could not read the trust policy on the page/],
        ];
        for (const [trust, state, text] of cases) {
          const page = await openIn(`${RAM}/roles/detail?roleName=admin-oss&tab=trust&trust=${trust}`);
          const { panel } = await panelWhen(page, checkIn('trust', [/** @type {string} */ (state)]), `trust ${trust} -> ${state}`);
          assert.match(check(panel, 'trust')?.text ?? '', /** @type {RegExp} */ (text), `trust=${trust}`);
          await page.close();
        }
        const editor = await openIn(`${RAM}/roles/detail?roleName=admin-oss&tab=trust&trust=account&editor=1`);
        await panelWhen(editor, checkIn('trust', ['trusts']), 'a trust policy drawn as editor lines');
        await editor.close();
      });

      test('trusting only named users: B\'s user is checked, a policy trusting another user is partly trusted', async () => {
        await saveProgress({ inputs: { trustKind: 'principals', trustUsers: 'alice, bob' } });
        const page = await openIn(`${RAM}/roles/detail?roleName=admin-oss&tab=trust&trust=users`);
        const { panel } = await panelWhen(page, checkIn('trust', ['partly']), 'partly trusted');
        assert.equal(check(panel, 'trust')?.text, `The trust policy trusts only part of account ${B}: not acs:ram::${B}:user/bob.`);
        await page.close();
      });

      test('the app\'s own navigation: the panel follows the route', async () => {
        await saveProgress({ done: {} });
        const page = await openIn(`${RAM}/roles`);
        await panelWhen(page, (p) => p.section['data-page'] === 'roles' && p.section['data-state'] === 'ready', 'the roles page');
        await waitForRender(page); // the app (and its router) is there
        await page.evaluate(() => /** @type {any} */ (window).fixtureNavigate('/roles/detail?roleName=admin-oss&policies=AliyunOSSReadOnlyAccess&delay=300'));
        const { panel } = await panelWhen(page, checkIn('role-policy', ['attached']), 'attached after navigating');
        assert.equal(panel.section['data-page'], 'role-detail');
        await page.goBack();
        await panelWhen(page, (p) => p.section['data-page'] === 'roles' && p.checks.length === 0, 'the roles page again');
        await page.close();
      });

      test('steps marked done in the workbench show in an open panel', async () => {
        await saveProgress({ done: { 'a-create-role': true } });
        const page = await openIn(`${RAM}/roles/detail?roleName=admin-oss&policies=AliyunOSSReadOnlyAccess`);
        await panelWhen(page, (p) => p.section['data-step'] === 'a-attach-policy' && /1 of \d+ done/.test(p.text), 'step 1 of the list');
        await saveProgress({ done: { 'a-create-role': true, 'a-attach-policy': true } });
        const { panel } = await panelWhen(page, (p) => /2 of \d+ done/.test(p.text), 'two steps done');
        // The page's next step not yet done: verifying the role.
        assert.equal(panel.section['data-step'], 'a-verify');
        assert.match(panel.text, /On this page: Step 4 · Verify role admin-oss/);
        await panelWhen(page, checkIn('role-policy', ['attached']), 'the check again');
        await page.close();
      });

      test('international console: same panel; the site difference is pointed out', async () => {
        await saveProgress({});
        const page = await openIn('https://ram.console.alibabacloud.com/roles/detail?roleName=admin-oss&policies=AliyunOSSReadOnlyAccess');
        const { panel } = await panelWhen(page, checkIn('role-policy', ['attached']), 'attached on the international console');
        assert.match(panel.text, /Your workbench values are for aliyun\.com \(China\); this console is alibabacloud\.com \(international\)\./);
        await page.close();
      });

      test('frames are left alone: one panel, for the top page, none in the RAM page framed in it', async () => {
        await saveProgress({});
        const page = await openIn(`${RAM}/roles?frame=1`);
        await panelWhen(page, (p) => p.section['data-page'] === 'roles' && p.section['data-state'] === 'ready', 'the roles page');
        const frame = await waitForValue(async () => page.frames().find((f) => f.url().endsWith('/roles/create')) ?? null, (f) => f !== null, { what: 'the framed page' });
        await /** @type {import('playwright-core').Frame} */ (frame).waitForSelector('h1');
        assert.equal(await frame?.evaluate(() => document.querySelectorAll('[data-rolehop]').length), 0);
        // readRoleHopUi walks frame documents too: the top page's panel is the only one.
        assert.equal((await readRoleHopUi(page, 'ram-helper')).length, 1);
        await page.close();
      });

      test('no panel on a look-alike host or on another console', async () => {
        const lookalike = await openIn('https://ram.console.aliyun.com.example.test/roles/detail?roleName=admin-oss');
        await lookalike.waitForLoadState('load');
        assert.equal(await evaluateInContentWorld(lookalike, browser.extensionId, '1'), null);
        assert.deepEqual(await readRoleHopUi(lookalike, 'ram-helper'), []);
        const oss = await openIn('https://oss.console.aliyun.com/roles/detail?roleName=admin-oss');
        await oss.waitForLoadState('load');
        // RoleHop's console script runs there (the identity badge), the RAM helper does not.
        assert.deepEqual(await evaluateInContentWorld(oss, browser.extensionId, 'typeof RoleHopUI'), { value: 'object' });
        assert.deepEqual(await evaluateInContentWorld(oss, browser.extensionId, 'typeof RoleHopRamPanel'), { value: 'undefined' });
        assert.deepEqual(await readRoleHopUi(oss, 'ram-helper'), []);
        await lookalike.close();
        await oss.close();
      });

      test('forged messages are refused: other consoles, extension pages, bad fields', async () => {
        await saveProgress({});
        const send = (/** @type {Page} */ page, /** @type {unknown} */ message) =>
          evaluateInContentWorld(page, browser.extensionId, `chrome.runtime.sendMessage(${JSON.stringify(message)})`);
        const oss = await openIn('https://oss.console.aliyun.com/overview');
        await oss.waitForLoadState('load');
        const fromOss = await send(oss, { type: 'ramHelper.context', path: '/roles' });
        assert.equal(fromOss?.value?.error?.kind, 'not-allowed');
        assert.match(fromOss?.value?.error?.message, /only from the RAM console/);
        const trustFromOss = await send(oss, { type: 'ramHelper.checkTrust', policy: '{}' });
        assert.equal(trustFromOss?.value?.error?.kind, 'not-allowed');
        const fromExtension = await browser.sendMessage(control, { type: 'ramHelper.context', path: '/roles' });
        assert.equal(fromExtension.error.kind, 'not-allowed');

        const ram = await openIn(`${RAM}/roles`);
        await panelWhen(ram, (p) => p.section['data-state'] === 'ready', 'the panel');
        const bad = [
          { type: 'ramHelper.context', path: '/roles', extra: 1 },
          { type: 'ramHelper.context' },
          { type: 'ramHelper.context', path: 42 },
          { type: 'ramHelper.context', path: '//evil.example/roles' },
          { type: 'ramHelper.context', path: 'https://evil.example/roles' },
          { type: 'ramHelper.context', path: `/${'a'.repeat(3000)}` },
          { type: 'ramHelper.checkTrust', policy: '' },
          { type: 'ramHelper.checkTrust', policy: 'x'.repeat(6_145) },
          { type: 'ramHelper.checkTrust', policy: {} },
        ];
        for (const message of bad) {
          const answer = await send(ram, message);
          assert.equal(answer?.value?.error?.kind, 'invalid-message', JSON.stringify(message).slice(0, 80));
        }
        // Content scripts still may not use the worker's trusted messages from the RAM console.
        const trusted = await send(ram, { type: 'credentials.status' });
        assert.equal(trusted?.value?.error?.kind, 'not-allowed');
        const good = await send(ram, { type: 'ramHelper.context', path: '/roles' });
        assert.equal(good?.value?.state, 'ready');
        await oss.close();
        await ram.close();
      });
    });
  }
});

describe('the RAM console helper panel in Chinese', () => {
  /** @type {(url: string) => Promise<Page>} */
  let open;

  useFixtureServer(startRamConsoleFixtures, async (env) => {
    open = env.open;
    const control = await controlPage(env.browser);
    await control.evaluate(async (inputs) => {
      await chrome.storage.local.set({ 'rolehop.workbench': { audience: 'a', inputs, done: { 'a-create-role': true } } });
    }, BASE_INPUTS);
  }, { lang: 'zh-CN' });

  /** @param {Page} page @param {(p: PanelSeen) => boolean} accept @param {string} what */
  async function panelWhen(page, accept, what) {
    return /** @type {PanelSeen} */ (await waitForValue(
      async () => {
        const uis = await readRoleHopUi(page, 'ram-helper');
        return uis.length === 1 ? panelOf(uis[0]) : null;
      },
      (p) => p !== null && accept(p),
      { what },
    ));
  }

  for (const { render, label } of RENDER_ORDERS) {
    describe(label, () => {
      /** @param {string} url */
      const openIn = (url) => open(inRenderOrder(url, render));

      test('Chinese console page, late list with the policy: 已授权, step texts in Chinese', async () => {
        const page = await openIn(`${RAM}/roles/detail?roleName=admin-oss&lang=zh&policies=AliyunOSSReadOnlyAccess&delay=1000`);
        const panel = await panelWhen(page, (p) => p.checks.some((c) => c.id === 'role-policy' && c.state === 'attached'), 'attached');
        assert.equal(panel.checks.find((c) => c.id === 'role-policy')?.text, '已授权：AliyunOSSReadOnlyAccess 已授予角色 admin-oss。');
        assert.match(panel.text, /本页：第 1 步 · /);
        assert.match(panel.text, /已完成 1\/\d+。/);
        // The step's title, value labels and documents' titles from the Chinese catalog.
        assert.ok(panel.values.some((v) => v.label === '角色名称'), JSON.stringify(panel.values));
        assert.ok(panel.values.every((v) => /[\u4e00-\u9fff]/.test(v.label)), JSON.stringify(panel.values));
        assert.match(panel.text, /系统权限策略 AliyunOSSReadOnlyAccess/);
        assert.doesNotMatch(panel.text, /Role name|Policy name|trust policy|Grant /);
        await page.close();
      });

      test('Chinese: an empty list (暂无数据) is not attached; a missing list cannot be read', async () => {
        const page = await openIn(`${RAM}/users/detail?userId=alice&activeTab=PermissionList&lang=zh`);
        const panel = await panelWhen(page, (p) => p.checks.some((c) => c.id === 'user-policy' && c.state === 'not-attached'), 'not attached');
        assert.match(panel.checks.find((c) => c.id === 'user-policy')?.text ?? '', /^未授权：用户 alice 的权限列表中没有 /);
        await page.close();
      });

      test('Chinese: the trust policy verdict, with the simulator\'s explanation and the linter\'s finding in Chinese', async () => {
        const page = await openIn(`${RAM}/roles/detail?roleName=admin-oss&lang=zh&tab=trust&trust=other`);
        const panel = await panelWhen(page, (p) => p.checks.some((c) => c.id === 'trust' && c.state === 'does-not-trust'), 'does not trust');
        assert.match(panel.checks.find((c) => c.id === 'trust')?.text ?? '', new RegExp(`^信任策略未信任账号 ${B}。隐式拒绝：对 acs:ram::\\d+:role/admin-oss 执行 sts:AssumeRole。角色的信任策略不信任 acs:ram::${B}:user/alice。$`));
        await page.close();
        const root = await openIn(`${RAM}/roles/detail?roleName=admin-oss&lang=zh&tab=trust&trust=account`);
        const trusted = await panelWhen(root, (p) => p.checks.some((c) => c.id === 'trust' && c.state === 'trusts'), 'trusts');
        assert.equal(
          trusted.checks.find((c) => c.id === 'trust')?.text,
          `信任策略信任账号 ${B}（acs:ram::${B}:user/alice）。注意：“acs:ram::${B}:root”信任账号 ${B} 下的所有 RAM 用户和角色（它们仍需各自的 sts:AssumeRole 权限）；建议只信任需要该角色的具体用户或角色。`,
        );
        await root.close();
      });
    });
  }
});
