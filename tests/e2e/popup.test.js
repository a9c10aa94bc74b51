// The popup page of the shipped extension in real Chromium, in English and in Chinese: the core's
// version and live self-check, kept in the popup's "About RoleHop" section (the profile list is
// tested in popup-profiles.test.js).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchExtension, messageCatalog, screenshot } from './harness.js';
import { RPC_VECTOR } from '../lib/vectors.js';

/** The popup is 360 px wide; the viewport matches so the screenshot shows what users see. */
const POPUP_VIEWPORT = { width: 360, height: 480 };

for (const { lang, locale } of [
  { lang: undefined, locale: 'en' },
  { lang: 'zh-CN', locale: 'zh_CN' },
]) {
  describe(`popup (${locale})`, () => {
    const text = messageCatalog(locale);
    /** @type {import('./harness.js').ExtensionBrowser} */
    let browser;
    /** @type {import('playwright-core').Page} */
    let page;

    before(async () => {
      browser = await launchExtension(lang ? { lang } : {});
      page = await browser.context.newPage();
      await page.setViewportSize(POPUP_VIEWPORT);
      await page.goto(browser.url('popup/popup.html'));
      await page.getByText(text.popupAbout).click(); // opens the <details> holding the core's facts
    });
    after(async () => {
      await browser?.close();
    });

    test('shows the core version and a passing self-check', async () => {
      const status = page.getByRole('status').and(page.locator('#check-status'));
      await status.and(page.locator('[data-result="pass"]')).waitFor({ timeout: 10_000 });
      assert.equal(await status.textContent(), text.statusPass);
      assert.match(await page.locator('#core-version').innerText(), /^rolehop \d+\.\d+\.\d+/);
      assert.equal(await page.locator('#check-expected').innerText(), RPC_VECTOR.signature);
      assert.equal(await page.locator('#check-actual').innerText(), RPC_VECTOR.signature);
      await screenshot(page, `popup-${locale}.png`);
    });

    test(`texts come from _locales/${locale}`, async () => {
      assert.equal(await page.locator('html').getAttribute('lang'), text.htmlLang);
      assert.equal(await page.title(), text.popupTitle);
      const coreRegion = page.getByRole('region', { name: text.coreHeading });
      assert.equal(await coreRegion.getByRole('heading', { level: 2 }).innerText(), text.coreHeading.toUpperCase());
      for (const key of ['selfCheckIntro', 'versionLabel', 'expectedLabel', 'actualLabel']) {
        assert.equal(await page.locator(`[data-i18n="${key}"]`).innerText(), text[key], key);
      }
    });

    test('is accessible: labelled regions, a live status, a named button', async () => {
      await page.getByRole('region', { name: text.coreHeading }).waitFor();
      await page.getByRole('region', { name: text.selfCheckHeading }).waitFor();
      assert.equal(await page.locator('#check-status').getAttribute('role'), 'status');
      assert.equal(await page.locator('#check-status').getAttribute('aria-live'), 'polite');
      assert.equal(await page.locator('img').getAttribute('alt'), '', 'the logo is decorative');
      await page.getByRole('button', { name: text.rerunButton }).waitFor();
    });

    test('"run again" repeats the check', async () => {
      const button = page.getByRole('button', { name: text.rerunButton });
      await button.click();
      await page.locator('#check-status[data-result="pass"]').waitFor({ timeout: 10_000 });
      assert.equal(await button.isEnabled(), true);
    });

    test('no console errors or uncaught errors', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
