// Open console / Open read-only in the shipped popup (Chromium), against the mock cloud: the
// worker assumes the profile's role with company B's credentials of the session, gets a sign-in
// token from the federation endpoint and opens the Login URL; the tab lands on the mock console
// signed in as the role. A read-only session cannot write; every failure is named in the popup.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, messageCatalog, ROOT } from './harness.js';
import { startMockCloud } from '../mock-cloud/index.js';
import { saveProfiles } from './content-helpers.js';
import { readPersistentStorage } from './cloud-browser.js';
import { auditScreen } from './screens.js';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./harness.js').ExtensionBrowser} ExtensionBrowser */
/** @typedef {import('../mock-cloud/index.js').MockCloud} MockCloud */

const POPUP = { width: 380, height: 600 };

/** @param {MockCloud} cloud */
function profiles(cloud) {
  const uid = cloud.credentials.A.uid;
  return `[profile company-a]
account = ${uid}
role_name = admin-oss
display_name = Company A reports
color = #1971c2

[profile missing-role]
account = ${uid}
role_name = no-such-role
display_name = Missing role
`;
}

/** The happy path, with A's role admin-oss allowed to write too (so read-only is what stops a write). */
function writableRole() {
  const scenario = JSON.parse(readFileSync(join(ROOT, 'tests', 'mock-cloud', 'scenarios', 'happy-path.json'), 'utf8'));
  scenario.accounts.A.roles[0].policies.push({ type: 'System', name: 'AliyunOSSFullAccess' });
  return scenario;
}

/**
 * The `en` text of a catalog entry with its placeholders filled in order.
 * @param {Record<string, string>} text @param {string} key @param {...string} values
 */
function fill(text, key, ...values) {
  let i = 0;
  return /** @type {string} */ (text[key]).replace(/\$[A-Za-z_]+\$/g, () => values[i++] ?? '');
}

for (const { lang, locale } of [
  { lang: undefined, locale: 'en' },
  { lang: 'zh-CN', locale: 'zh_CN' },
]) {
  describe(`Open console (${locale})`, () => {
    const text = messageCatalog(locale);
    /** @type {MockCloud} */
    let cloud;
    /** @type {ExtensionBrowser} */
    let browser;
    /** @type {Page} */
    let control;

    before(async () => {
      cloud = await startMockCloud({ scenario: writableRole() });
      const hostResolverRules = `${cloud.hostResolverRules}, ${cloud.signinResolverRules}, ${cloud.consoleResolverRules}`;
      browser = await launchExtension({ hostResolverRules, ...(lang ? { lang } : {}) });
      control = await browser.openPage('workbench/workbench.html');
      await saveProfiles(control, profiles(cloud));
    });
    after(async () => {
      await browser?.close();
      await cloud?.close();
    });

    /** The popup in a tab of the popup's size, with the list in. */
    async function openPopup() {
      const page = await browser.context.newPage();
      await page.setViewportSize(POPUP);
      await page.goto(browser.url('popup/popup.html'));
      await page.locator('#results [role="option"]').first().waitFor();
      return page;
    }

    /** Opens the console panel from its header button. @param {Page} page */
    async function showPanel(page) {
      await page.locator('#console-toggle').click();
      await page.locator('#console:not([hidden])').waitFor();
    }

    /**
     * Clicks `selector` in `popup` and resolves to the console tab that opens.
     * @param {Page} popup @param {() => Promise<void>} act
     */
    async function consoleTabFrom(popup, act) {
      const opened = browser.context.waitForEvent('page', { predicate: (p) => p !== popup });
      await act();
      const tab = await opened;
      await tab.waitForURL(/^https:\/\/oss\.console\.aliyun\.com\//, { timeout: 15_000 });
      await tab.locator('#identity').waitFor();
      return tab;
    }

    test('without credentials: says where to enter them, with a link to the workbench', async () => {
      const popup = await openPopup();
      assert.equal(await popup.locator('#console').isVisible(), false, 'the panel waits for its button');
      await showPanel(popup);
      const note = popup.locator('#console-no-credentials');
      assert.equal(await note.isVisible(), true);
      assert.equal(await popup.locator('#open-console').isVisible(), false);
      assert.equal(await note.locator('span').innerText(), text.popupConsoleNoCredentials);
      const link = popup.getByRole('link', { name: text.popupConsoleWorkbench });
      assert.equal(await link.getAttribute('href'), browser.url('workbench/workbench.html#credentials-heading'));
      await auditScreen(popup, `popup-console-no-credentials-${locale}`, { height: POPUP.height });
      await popup.close();
    });

    test('Open console (keyboard): lands on the console as the role; nothing secret kept or shown', async () => {
      const alice = cloud.credentials.B.users.alice;
      const set = await browser.sendMessage(control, { type: 'credentials.set', side: 'b', credentials: alice });
      assert.ok(set.b, JSON.stringify(set));
      const popup = await openPopup();
      // From the search box, Shift+Tab reaches the header's console button; Enter shows the panel
      // with the focus on Open console; Enter opens it.
      await popup.locator('#search').focus();
      for (let i = 0; i < 6 && !(await popup.evaluate(() => document.activeElement?.id === 'console-toggle')); i++) {
        await popup.keyboard.press('Shift+Tab');
      }
      assert.equal(await popup.evaluate(() => document.activeElement?.id), 'console-toggle');
      await popup.keyboard.press('Enter');
      await popup.locator('#console:not([hidden])').waitFor();
      assert.equal(await popup.evaluate(() => document.activeElement?.id), 'open-console');
      assert.equal(await popup.locator('#console-for').innerText(), fill(text, 'popupConsoleFor', 'Company A reports'));
      assert.equal(await popup.locator('#console-note').innerText(), text.popupConsoleReplaces);
      await auditScreen(popup, `popup-console-${locale}`, { height: POPUP.height });
      await popup.locator('#open-console').focus();
      cloud.clearRequests();
      const tab = await consoleTabFrom(popup, () => popup.keyboard.press('Enter'));
      const arn = `acs:ram::${cloud.credentials.A.uid}:role/admin-oss/alice`;
      assert.equal(await tab.locator('#identity').innerText(), arn, 'signed in as the role, with the caller as session name');
      assert.equal(await tab.locator('#read-only').innerText(), 'no session policy');
      await popup.locator('#console-status[data-result="pass"]').waitFor();
      assert.match(await popup.locator('#console-status').innerText(), new RegExp(arn.replace(/[/.]/g, '\\$&')));
      // The ARN stays whole on a line, or wraps like code at the line's end: never after admin-oss's hyphen (popup.css).
      assert.deepEqual(await popup.locator('#console-status .identifier').allInnerTexts(), [arn]);
      assert.equal(await popup.locator('#console-status .identifier').evaluate((el) => getComputedStyle(el).lineBreak), 'anywhere');

      // What went where: AssumeRole to STS signed with alice's key; GetSigninToken with the role
      // session only; the Login once. Her secret never left; no secret is in persistent storage.
      const all = cloud.requests();
      const sent = all.filter((r) => r.service !== 'console');
      assert.deepEqual(sent.map((r) => `${r.service}:${r.action}`), ['sts:GetCallerIdentity', 'sts:AssumeRole', 'signin:GetSigninToken', 'signin:Login']);
      assert.ok(all.some((r) => r.service === 'console' && r.host === 'oss.console.aliyun.com'));
      const token = new URLSearchParams(sent[2]?.body ?? '');
      assert.match(token.get('AccessKeyId') ?? '', /^STS\./);
      for (const r of sent) assert.ok(!JSON.stringify(r).includes(alice.accessKeySecret), `${r.action} carried alice's secret`);
      const stored = await readPersistentStorage(control);
      const signin = new URL(`https://x/?${sent[3]?.rawQuery}`).searchParams.get('SigninToken') ?? '';
      assert.ok(signin.length > 20);
      assert.ok(!stored.includes(signin) && !stored.includes(token.get('AccessKeySecret') ?? '') && !stored.includes(alice.accessKeySecret));
      const session = await control.evaluate(() => chrome.storage.session.get(null).then((s) => JSON.stringify(s)));
      assert.ok(!session.includes(signin), 'the sign-in token is not kept');
      // Nor written to the console, at any level, in any of the extension's worlds.
      const secrets = { 'her secret': alice.accessKeySecret, 'the role\'s secret': token.get('AccessKeySecret') ?? '', 'the STS token': token.get('SecurityToken') ?? '', 'the sign-in token': signin };
      const logs = (await browser.extensionLogs()).join('\n');
      for (const [what, secret] of Object.entries(secrets)) assert.ok(secret.length > 10 && !logs.includes(secret), `${what} was logged`);

      // The role may write (this scenario gives it AliyunOSSFullAccess): so may its full session.
      const write = await tab.evaluate(() => fetch('/mock-api/PutObject?bucket=company-a-reports&key=new.csv', { method: 'POST' }).then((r) => r.status));
      assert.equal(write, 200, 'the full session writes');
      await tab.close();
      await popup.close();
    });

    test('Open read-only: a session policy that cannot write', async () => {
      const popup = await openPopup();
      await showPanel(popup);
      const tab = await consoleTabFrom(popup, () => popup.locator('#open-read-only').click());
      assert.equal(await tab.locator('#read-only').innerText(), 'session policy');
      const session = [...cloud.world.sessions.values()].at(-1);
      assert.ok(session?.policy, 'AssumeRole carried the read-only session policy');
      const write = await tab.evaluate(() => fetch('/mock-api/PutObject?bucket=company-a-reports&key=new.csv', { method: 'POST' }).then((r) => r.status));
      assert.equal(write, 403, 'a read-only session cannot write');
      await tab.close();
      await popup.close();
    });

    test('failures are named: AssumeRole refused, token refused, clock skew', async () => {
      const popup = await openPopup();
      await showPanel(popup);
      const status = popup.locator('#console-status');
      const errorText = async () => {
        await popup.locator('#console-status[data-result="error"]').waitFor();
        return status.innerText();
      };
      const prefix = fill(text, 'popupConsoleError', '');

      // The second profile names a role alice may not assume (her policy names admin-oss only).
      await popup.locator('#search').fill('missing');
      await popup.locator('#console-for').filter({ hasText: 'Missing role' }).waitFor();
      await popup.locator('#open-console').click();
      const denied = await errorText();
      assert.ok(denied.startsWith(prefix), denied);
      const missingRole = `acs:ram::${cloud.credentials.A.uid}:role/no-such-role`;
      const deniedHead = fill(text, 'core_signin_assume_role_diagnosed', missingRole, 'NoPermission', '');
      assert.ok(denied.includes(deniedHead.trim()), `${denied}\n${deniedHead}`);
      // The checks' diagnosis: the cloud named alice's own policies (step 2), and what to grant.
      assert.ok(denied.includes(fill(text, 'core_check_user_lacks', 'alice', missingRole)), denied);
      // The fix names a policy ("the snippet"): shown on demand and copied in one click.
      const fix = popup.locator('#console-fix');
      await fix.waitFor();
      assert.equal(await popup.locator('#console-fix-copy').innerText(), text.popupConsoleCopyPolicy);
      await popup.locator('#console-fix summary').click();
      const policy = JSON.parse(await popup.locator('#console-fix-policy').innerText());
      const allows = policy.Statement.find((/** @type {any} */ s) => s.Effect === 'Allow' && [s.Action].flat().includes('sts:AssumeRole'));
      assert.ok(allows && [allows.Resource].flat().includes(missingRole), JSON.stringify(policy));
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await popup.locator('#console-fix-copy').click();
      await popup.locator('#console-fix-copy', { hasText: text.popupConsolePolicyCopied }).waitFor();
      assert.deepEqual(JSON.parse(await popup.evaluate(() => navigator.clipboard.readText())), policy);
      await popup.locator('#console-fix summary').click();
      // A long diagnosis keeps to its box: the search box, the list and About stay apart below it.
      const box = async (/** @type {string} */ selector) => /** @type {{x: number, y: number, width: number, height: number}} */ (await popup.locator(selector).boundingBox());
      const [statusBox, searchBox, aboutBox] = [await box('#console-status'), await box('#search'), await box('#about')];
      assert.ok(statusBox.y + statusBox.height <= searchBox.y, 'the status ends above the search box');
      assert.ok(searchBox.y + searchBox.height + 20 <= aboutBox.y, `About (y ${aboutBox.y}) stays below the search box and a row of the list (search ends at ${searchBox.y + searchBox.height})`);
      await auditScreen(popup, `popup-console-error-${locale}`, { height: POPUP.height, allowed: ['#console-status'] });

      await popup.locator('#search').fill('');
      cloud.injectFault({ service: 'signin', action: 'GetSigninToken', kind: 'error', status: 401, code: 'InvalidCredential.AuthenticateFail', message: 'The credential you provided is invalid.' });
      await popup.locator('#console-status').evaluate((el) => { el.dataset.result = ''; });
      await popup.locator('#open-console').click();
      const refused = await errorText();
      assert.equal(await popup.locator('#console-fix').isHidden(), true, 'a refusal without a policy shows none');
      assert.ok(refused.includes(fill(text, 'core_signin_token_refused_again', 'InvalidCredential.AuthenticateFail', 'The credential you provided is invalid.')), refused);

      cloud.setClock({ offsetMs: 20 * 60_000 });
      await popup.locator('#console-status').evaluate((el) => { el.dataset.result = ''; });
      await popup.locator('#open-console').click();
      const skew = await errorText();
      const skewHead = /** @type {string} */ (text.core_signin_clock_skew).split('$server_date$')[0] ?? '';
      assert.ok(skew.startsWith(prefix) && skewHead.length > 5 && skew.includes(skewHead), skew);
      cloud.setClock({ offsetMs: 0 });
      await popup.close();
    });

    test('no errors in the extension', async () => {
      assert.deepEqual(await browser.extensionErrors(), []);
    });
  });
}
