// The workbench as people see it (issue 11): company A, company B and B's user, each with only the
// fields it needs, empty and filled with a verdict, in English and Chinese, at 380, 800 and 1280 px
// in light and dark (tests/e2e/screens.js:
// screenshots in tests/.tmp/screens, body text >= 13 px, nothing under 12 px, no clipped text);
// and one company's page, filled, fits in three screens at 1280x900.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fillWorkbenchValues, startCloudBrowser } from './cloud-browser.js';
import { auditScreen } from './screens.js';

/** @typedef {import('./cloud-browser.js').CloudBrowser} CloudBrowser */
/** @typedef {import('playwright-core').Page} Page */

/** Text fields scroll what does not fit; that is not clipped text. */
const ALLOWED = ['input', 'textarea', 'select', 'pre'];

for (const lang of /** @type {const} */ (['en', 'zh-CN'])) {
  describe(`workbench screens (${lang})`, () => {
    /** @type {CloudBrowser} */
    let env;
    /** @type {Page} */
    let page;
    before(async () => {
      env = await startCloudBrowser('role-lacks-oss-policy', { lang });
      page = env.page;
      await page.waitForSelector('body[data-ready="true"]');
    });
    after(async () => {
      await env?.close();
    });

    /** @param {'a' | 'b' | 'user'} audience */
    async function fill(audience) {
      await page.locator(`input[name="audience"][value="${audience}"]`).check();
      await fillWorkbenchValues(page, env.cloud());
      await page.waitForFunction(() => !document.getElementById('steps')?.textContent?.includes('<'));
    }

    /** Enters `side`'s credentials and runs Verify to its verdict. @param {'a' | 'b'} side */
    async function verdict(side) {
      const c = env.cloud().credentials;
      const keys = side === 'a' ? c.A.root : c.B.users.alice;
      await page.fill(`#cred-${side}-accessKeyId`, keys.accessKeyId);
      await page.fill(`#cred-${side}-accessKeySecret`, keys.accessKeySecret);
      await page.click(`#cred-${side}-save`);
      await page.waitForSelector('#verify:not([disabled])');
      await page.click('#verify');
      await page.waitForSelector('#verdict[data-verdict]');
    }

    /**
     * At the narrowest width every value to paste (placeholders such as <A's account UID>, ARNs,
     * links) stays on one line, whole: too long a value scrolls instead of breaking in the middle.
     * @param {string} what
     */
    async function valuesStayWhole(what) {
      await page.setViewportSize({ width: 380, height: 900 });
      const broken = await page.evaluate(() => [...document.querySelectorAll('#steps .values dd code')]
        .filter((code) => {
          const range = document.createRange();
          range.selectNodeContents(code);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        })
        .map((code) => code.textContent));
      assert.deepEqual(broken, [], `${what}: values broken over lines at 380 px`);
    }

    for (const [audience, who] of /** @type {const} */ ([['a', 'company A'], ['b', 'company B'], ['user', 'B\'s user']])) {
      test(`${who}: empty, then filled with a verdict`, async () => {
        await page.evaluate(() => chrome.storage.local.remove('rolehop.workbench'));
        await page.evaluate(() => chrome.runtime.sendMessage({ type: 'credentials.clear', side: 'all' }));
        await page.reload();
        await page.waitForSelector('body[data-ready="true"]');
        await page.locator(`input[name="audience"][value="${audience}"]`).check();
        await auditScreen(page, `workbench-${audience}-empty-${lang}`, { allowed: ALLOWED });
        await valuesStayWhole(`${who}, empty`);
        await fill(audience);
        await page.setViewportSize({ width: 1280, height: 900 });
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(height <= 3 * 900, `${who}'s filled page is ${height} px at 1280x900: more than three screens`);
        await verdict(audience === 'a' ? 'a' : 'b');
        await auditScreen(page, `workbench-${audience}-verdict-${lang}`, { allowed: ALLOWED });
      });
    }

    test('"Do it for me": a request\'s preview and the end, in the catalog\'s words; an input error under its field', async () => {
      const c = env.cloud().credentials;
      await page.setViewportSize({ width: 1280, height: 900 });
      await fill('a');
      await page.fill('#cred-a-accessKeyId', c.A.root.accessKeyId);
      await page.fill('#cred-a-accessKeySecret', c.A.root.accessKeySecret);
      await page.click('#cred-a-save');
      await page.waitForSelector('#setup:not([disabled])');
      await page.click('#setup');
      await page.waitForSelector('#setup-preview:not([hidden])');
      const what = await page.locator('#setup-preview-what').innerText();
      assert.doesNotMatch(what, /core_|\$[a-z]+\$/, what);
      assert.match(what, lang === 'en' ? /^[A-Z].*\.$/ : /[\u4e00-\u9fff].*。$/, what);
      await page.locator('#setup-section').screenshot({ path: `tests/.tmp/screens/workbench-setup-preview-${lang}-section.png` });
      await auditScreen(page, `workbench-setup-preview-${lang}`, { allowed: ALLOWED, widths: [380, 1280] });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.click('#setup-send-all');
      await page.waitForSelector('#setup-status[data-outcome]');
      const status = await page.locator('#setup-status').innerText();
      assert.doesNotMatch(status, /core_|\$[a-z]+\$|undefined|\[object/, status);
      // The log of requests says how each went in the page's language; the API's names stay.
      const log = await page.locator('#setup-log').innerText();
      assert.match(log, lang === 'en' ? /→ GetCallerIdentity: done \(HTTP 200\) · RequestId / : /→ GetCallerIdentity：成功（HTTP 200） · RequestId /, log);
      assert.doesNotMatch(log, /: ok\b/, log);
      await page.locator('#setup-section').screenshot({ path: `tests/.tmp/screens/workbench-setup-done-${lang}-section.png` });
      await auditScreen(page, `workbench-setup-done-${lang}`, { allowed: ALLOWED, widths: [380, 1280] });
      // B's account UID typed as A's: the error shows under the field, in one line of the catalog's words.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.fill('#input-accountBUid', c.A.uid);
      await page.locator('#input-accountBUid').blur();
      const error = page.locator('#input-accountBUid-error');
      await page.waitForFunction(() => document.getElementById('input-accountBUid-error')?.textContent !== '');
      assert.equal(await error.innerText(), lang === 'en'
        ? `Company B's account UID is company A's (${c.A.uid}): give the UID of company B's own account.`
        : `B 公司的账号 UID 与 A 公司的相同（${c.A.uid}）：请填写 B 公司自己的账号 UID。`);
      await page.locator('#inputs').screenshot({ path: `tests/.tmp/screens/workbench-input-error-${lang}-form.png` });
      await page.fill('#input-accountBUid', c.B.uid);
      await page.locator('#input-accountBUid').blur();
    });

    test('"Do it for me" when the credentials are cleared elsewhere as it starts: why, in the page\'s language', async () => {
      const c = env.cloud().credentials;
      await page.setViewportSize({ width: 1280, height: 900 });
      await fill('a');
      await page.fill('#cred-a-accessKeyId', c.A.root.accessKeyId);
      await page.fill('#cred-a-accessKeySecret', c.A.root.accessKeySecret);
      await page.click('#cred-a-save');
      await page.waitForSelector('#setup:not([disabled])');
      // As another workbench tab would, at the moment this page's button is pressed (the page
      // follows changed credentials, so only a run already started meets them gone).
      await page.evaluate(() => {
        document.getElementById('setup')?.click();
        void chrome.runtime.sendMessage({ type: 'credentials.clear', side: 'a' });
      });
      await page.waitForSelector('#setup-status[data-result="error"]');
      assert.equal(await page.locator('#setup-status').innerText(), lang === 'en'
        ? 'Something went wrong: Do it for me needs company A\'s credentials: enter them under Credentials for the checks first.'
        : '出现问题：帮我完成需要 A 公司的凭证：请先在“用于检查的凭证”中填写。');
      await page.locator('#setup-section').screenshot({ path: `tests/.tmp/screens/workbench-setup-no-credentials-${lang}-section.png` });
    });
  });
}
