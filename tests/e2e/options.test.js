// The options page of the shipped extension in real Chromium: the INI editor's errors (one per
// cause, each naming its profile, next to its line, with the core's fix when it is certain; the
// list jumps to line:column) and live preview, Save (also with errors: those profiles are skipped,
// the others work, nothing typed is lost), import (a file, or a config.json pasted into the editor:
// a bad one changes nothing and shows every error; a good one previews, then merges or replaces),
// export downloads that round-trip, settings that persist, the language override, English and
// Chinese, dark mode, the keyboard, and the screen audit (tests/e2e/screens.js).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fill, launchExtension, messageCatalog, screenshot } from './harness.js';
import { auditScreen } from './screens.js';
import { profilesIni } from '../lib/profiles.js';

/** @typedef {import('playwright-core').Page} Page */

/** Message key -> text, placeholders as $1.. (for `fill`). */
const EN = messageCatalog('en', { resolvePlaceholders: true });
const ZH = messageCatalog('zh_CN', { resolvePlaceholders: true });

const GOOD = `# team profiles
[profile acme-prod]
account = acme
role_name = admin-oss
display_name = Acme production
color = #e8590c
group = Acme

[profile globex-audit]
role_arn = acs:ram::1746000000000001:role/security-audit
display_name = Globex audit
group = Globex
site = intl
`;

/** Three errors at known places, in two profiles and outside any; `colour` has a certain fix. */
const BAD = `[profile fine]
account = fine
role_name = ops
colour = red
[profile bad-uid]
account = 12
role_name = ops
[default]
`;
const BAD_POSITIONS = ['4:1', '6:11', '8:1'];
const BAD_PROFILES = ['fine', 'bad-uid', null];

const CLI_CONFIG = JSON.stringify(
  {
    current: 'dev',
    profiles: [
      { name: 'dev', mode: 'AK', access_key_id: 'LTAI5tExampleKeyId', access_key_secret: 'not-a-real-secret', region_id: 'cn-hangzhou' },
      {
        name: 'acme-oss',
        mode: 'RamRoleArn',
        access_key_id: 'LTAI5tExampleKeyId',
        access_key_secret: 'not-a-real-secret',
        ram_role_arn: 'acs:ram::1746000000000002:role/admin-oss',
        ram_session_name: 'rolehop',
        region_id: 'cn-hangzhou',
      },
    ],
  },
  null,
  2,
);

/** A text with errors that have fixes, and one without: what the screens show. */
const WITH_FIXES = `${GOOD}
[profile typo]
account = Acme
rolename = admin-oss

[profile short-uid]
account = 17460000000001
role_name = ops
`;

/** A long UID, domain and role name, which must read whole at 380 px too. */
const LONG_VALUES = `${GOOD}
[profile uid-domain]
account = 1746000000000001.onaliyun.com
role_name = oss-reader.read-only-for-the-data-platform-team
display_name = Data platform (read-only), account 1746000000000001
group = Globex
`;

/**
 * The options page's screens in the page's language: the empty editor (with its example), a text
 * with profiles (long values included), a text with errors showing their fixes.
 * @param {Page} page
 * @param {string} lang `en` or `zh`
 * @param {(page: Page) => Promise<void>} open opens the page (storage cleared)
 */
async function auditOptions(page, lang, open) {
  /** Every text shown comes from the catalog: a message key on the screen is a missing text. */
  const noKeys = async () => assert.doesNotMatch(await page.locator('body').innerText(), /\b(options|trust)[A-Z]\w*/);
  await open(page);
  assert.equal(await page.locator('#ini').inputValue(), '');
  assert.equal(await page.locator('#insert-example').isVisible(), true, 'an empty editor offers the example');
  assert.match(await page.locator('#ini').getAttribute('placeholder') ?? '', /\[profile acme-prod\]\naccount = acme\nrole_name = admin-oss/);
  await noKeys();
  await auditScreen(page, `options-empty-${lang}`);
  // The example inserted is a valid profile.
  await page.locator('#insert-example').click();
  await page.locator('#preview tr[data-profile-id="acme-prod"]').waitFor();
  assert.equal(await page.locator('#editor-errors li').count(), 0);

  await page.locator('#ini').fill(LONG_VALUES);
  await page.locator('#preview tr[data-profile-id="uid-domain"]').waitFor();
  // No box inside the page scrolls: the editor is as tall as its text, the preview as its rows.
  const editor = await page.locator('#ini').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  assert.ok(editor.scroll <= editor.client + 1, `the editor grows with its text (${editor.scroll} in ${editor.client})`);
  await noKeys();
  await auditScreen(page, `options-profiles-${lang}`, {
    async settle(p) {
      // A UID or domain is never broken inside: each value is on one line at every width.
      const split = await p.locator('#preview .value').evaluateAll((els) =>
        els.filter((el) => /^[0-9]+$|onaliyun/.test(el.textContent ?? '') && el.getClientRects().length > 1).map((el) => el.textContent),
      );
      assert.deepEqual(split, [], 'values broken across lines');
      // The preview fits its box: nothing sticks out or needs scrolling sideways.
      const over = await p.locator('#preview').evaluate((el) => el.scrollWidth - el.clientWidth);
      assert.ok(over <= 1, `the preview is ${over}px wider than its box`);
    },
  });

  await page.locator('#ini').fill(WITH_FIXES);
  await page.locator('#editor-errors li').nth(2).waitFor();
  assert.equal(await page.locator('#editor-errors button.fix').count(), 2);
  assert.equal(await page.locator('#skipped-list li').count(), 2);
  await noKeys();
  await auditScreen(page, `options-errors-${lang}`);
}

describe('options page (en)', () => {
  /** @type {import('./harness.js').ExtensionBrowser} */
  let browser;
  /** @type {Page} */
  let page;

  before(async () => {
    browser = await launchExtension();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
  });
  after(async () => {
    await browser?.close();
  });

  async function openOptions() {
    await page.goto(browser.url('options/options.html'));
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
  }

  beforeEach(async () => {
    await page.goto(browser.url('options/options.html'));
    await page.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
    await openOptions();
  });

  /** Types `text` into the editor and waits for the debounced parse to show `summary`. */
  async function edit(/** @type {string} */ text, /** @type {string} */ summary) {
    await page.locator('#ini').fill(text);
    await page.locator('#editor-summary', { hasText: summary }).waitFor();
  }

  /** What the extension has stored: both areas, all keys. */
  /** @returns {Promise<{sync: Record<string, any>, local: Record<string, any>}>} */
  const snapshot = () =>
    page.evaluate(async () => ({ sync: await chrome.storage.sync.get(null), local: await chrome.storage.local.get(null) }));

  /** The saved INI text, read with the shipped store. */
  const savedText = () =>
    page.evaluate(async () => {
      const store = await import(chrome.runtime.getURL('shared/profile-store.js'));
      return (await store.loadProfilesText()).text;
    });

  /** The core's reading of `text` (the page's own wasm). @param {string} text */
  const coreParse = (text) =>
    page.evaluate(async (t) => {
      const { loadCore } = await import(chrome.runtime.getURL('shared/core.js'));
      return (await loadCore()).profileParse({ text: t });
    }, text);

  /** Chooses a file in the file input `selector`. @param {string} selector @param {string} name @param {string} text */
  const chooseFile = (selector, name, text) =>
    page.locator(selector).setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/plain', buffer: Buffer.from(text) });

  /** Pastes `text` into the editor, as Ctrl+V does (a paste event with the clipboard's text). @param {string} text */
  const paste = (text) =>
    page.locator('#ini').evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);

  async function saveGood() {
    await edit(GOOD, fill(EN.optionsEditorOk_other, 2));
    await page.getByRole('button', { name: EN.optionsSave, exact: true }).click();
    await page.locator('#save-status[data-area="sync"]').waitFor();
  }

  test('errors next to their line, each naming its profile; the list jumps to line:column', async () => {
    await edit(BAD, fill(EN.optionsEditorErrors_other, 3));
    const entries = page.locator('#editor-errors button.error-link');
    assert.equal(await entries.count(), 3);
    assert.deepEqual(await page.locator('#editor-errors .where').allInnerTexts(), BAD_POSITIONS);
    assert.deepEqual(
      await page.locator('#editor-errors .in-profile').allInnerTexts(),
      BAD_PROFILES.map((p) => (p ? fill(EN.optionsErrorInProfile, p) : EN.optionsErrorOutsideProfile)),
    );
    // The core's message ids and arguments, in the words of the English catalog.
    const expected = await coreParse(BAD);
    assert.deepEqual(expected.errors.map((/** @type {{message: {id: string}}} */ e) => e.message.id), [
      'core_profile_unknown_key_meant',
      'core_profile_uid_length',
      'core_profile_reserved_section',
    ]);
    assert.deepEqual(await page.locator('#editor-errors .what').allInnerTexts(), [
      'Unknown key "colour": did you mean color?',
      'Account UID "12" has 2 digits: an account UID has 16.',
      '[default] is reserved and is not a profile: write profiles as [profile <id>].',
    ]);
    assert.match(await entries.nth(0).innerText(), /Unknown key "colour".*color/);
    assert.equal(await page.locator('#gutter .marker').count(), 3);
    const bands = await page.locator('#bands .band').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
    const textTop = await page.locator('#ini').evaluate((el) => el.getBoundingClientRect().top + parseFloat(getComputedStyle(el).paddingTop));
    const lineHeight = await page.locator('#ini').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    assert.deepEqual(bands.map((top) => Math.round((top - textTop) / lineHeight) + 1), [4, 6, 8]);
    assert.equal(await page.locator('#ini').getAttribute('aria-invalid'), 'true');

    // Each entry moves the caret to its line:column.
    await entries.nth(1).click();
    const caret = await page.locator('#ini').evaluate((el) => {
      const t = /** @type {HTMLTextAreaElement} */ (el);
      const before = t.value.slice(0, t.selectionStart).split('\n');
      return { focused: document.activeElement === t, line: before.length, column: before[before.length - 1].length + 1 };
    });
    assert.deepEqual(caret, { focused: true, line: 6, column: 11 });
    await screenshot(page, 'options-errors-en.png');

    // Nothing reached storage by itself.
    assert.deepEqual(await snapshot(), { sync: {}, local: {} });
  });

  test('one error per cause, with a one-click fix when the fix is certain', async () => {
    // A misspelt key is one error (not also "names no role"), with its fix.
    await edit('[profile acme]\naccount = acme\nrolename = admin-oss\n', fill(EN.optionsEditorErrors_one, 1));
    const item = page.locator('#editor-errors li');
    assert.equal(await item.count(), 1);
    assert.match(await item.locator('.what').innerText(), /did you mean role_name\?/);
    assert.equal(await item.locator('.in-profile').innerText(), fill(EN.optionsErrorInProfile, 'acme'));
    const fix = item.getByRole('button', { name: fill(EN.optionsFixTo, 'role_name') });
    await fix.click();
    await page.locator('#editor-summary', { hasText: fill(EN.optionsEditorOk_one, 1) }).waitFor();
    assert.equal(await page.locator('#ini').inputValue(), '[profile acme]\naccount = acme\nrole_name = admin-oss\n');
    await page.locator('#preview tr[data-profile-id="acme"]').waitFor();
    // The fix is an edit like any other: undo takes it back.
    await page.keyboard.press('Control+z');
    await page.locator('#editor-summary', { hasText: fill(EN.optionsEditorErrors_one, 1) }).waitFor();
    assert.match(await page.locator('#ini').inputValue(), /rolename = admin-oss/);

    // A value in the wrong case: the fix writes the value that passes.
    await edit('[profile acme]\naccount = ACME\nrole_name = r\nsite = Intl\n', fill(EN.optionsEditorErrors_other, 2));
    for (const value of ['acme', 'intl']) {
      await page.locator('#editor-errors').getByRole('button', { name: fill(EN.optionsFixTo, value) }).click();
    }
    await page.locator('#editor-summary', { hasText: fill(EN.optionsEditorOk_one, 1) }).waitFor();
    assert.equal(await page.locator('#ini').inputValue(), '[profile acme]\naccount = acme\nrole_name = r\nsite = intl\n');

    // No fix where it is not certain (the key is set already).
    await edit('[profile acme]\naccount = acme\nrole_name = r\ncolour = red\ncolor = blue\n', fill(EN.optionsEditorErrors_one, 1));
    assert.equal(await page.locator('#editor-errors button.fix').count(), 0);
  });

  test('a text with errors saves: those profiles are skipped (and why), the others work, nothing typed is lost', async () => {
    const text = `${GOOD}\n[profile broken]\naccount = 12\nrole_name = ops\n`;
    await edit(text, fill(EN.optionsEditorErrors_one, 1));
    const skipped = page.locator('#skipped-list li');
    assert.equal(await skipped.count(), 1);
    assert.equal(await skipped.getAttribute('data-profile-id'), 'broken');
    assert.match(await skipped.innerText(), /^broken 1 error, on line 16: Account UID "12" has 2 digits: an account UID has 16\./);
    const save = page.getByRole('button', { name: EN.optionsSave, exact: true });
    assert.equal(await save.isDisabled(), false, 'Save works with errors');
    await save.click();
    const status = page.locator('#save-status[data-area="sync"]');
    await status.waitFor();
    assert.equal(await status.getAttribute('data-skipped'), '1');
    assert.ok(
      (await status.innerText()).startsWith(`${fill(EN.optionsSavedProfiles_other, 2)} ${fill(EN.optionsSavedSkipped_one, 1)}`),
      await status.innerText(),
    );
    assert.equal(await savedText(), text, 'the text is saved as typed');
    // The popup's parse: the two good profiles, the error counted.
    const cached = /** @type {any} */ (await page.evaluate(() => chrome.storage.session.get('rolehop.parsedProfiles')))['rolehop.parsedProfiles'];
    assert.deepEqual(JSON.parse(cached.profiles).map((/** @type {{id: string}} */ p) => p.id), ['acme-prod', 'globex-audit']);
    assert.equal(cached.errorCount, 1);

    // A reload shows the same text, and the same verdict.
    await openOptions();
    assert.equal(await page.locator('#ini').inputValue(), text);
    await page.locator('#skipped-list li[data-profile-id="broken"]').waitFor();
    assert.equal(await page.locator('#preview tr[data-profile-id]').count(), 2);

    // The popup lists the profiles that work and says some were skipped.
    const popup = await browser.context.newPage();
    await popup.goto(browser.url('popup/popup.html'));
    await popup.locator('#results [role="option"]').first().waitFor();
    assert.equal(await popup.locator('#results [role="option"]').count(), 2);
    assert.equal(await popup.locator('#notice').isVisible(), true);
    await popup.close();
  });

  test('live preview of the parsed profiles as the user types, grouped', async () => {
    await edit(GOOD, fill(EN.optionsEditorOk_other, 2));
    assert.equal(await page.locator('#preview-summary').innerText(), fill(EN.optionsPreviewCount_other, 2));
    const rows = page.locator('#preview tr[data-profile-id]');
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => /** @type {HTMLElement} */ (tr).dataset.profileId)), [
      'acme-prod',
      'globex-audit',
    ]);
    assert.deepEqual(await page.locator('#preview th.group').allInnerTexts(), ['Acme', 'Globex']);
    const acme = page.locator('#preview tr[data-profile-id="acme-prod"]');
    assert.match(await acme.innerText(), /Acme production\s+acme-prod[\s\S]*acme[\s\S]*admin-oss[\s\S]*China/);
    const globex = page.locator('#preview tr[data-profile-id="globex-audit"]');
    assert.match(await globex.innerText(), /1746000000000001[\s\S]*security-audit[\s\S]*International/);
    assert.equal(await acme.locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(232, 89, 12)');

    // Typing a third profile updates the preview (debounced) without a save.
    await page.locator('#ini').press('End');
    await page.locator('#ini').evaluate((el) => el.scrollTo(0, 1e6));
    await page.locator('#ini').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n[profile typed]\naccount = typed.onaliyun.com\nrole_name = ops\n');
    await page.locator('#preview tr[data-profile-id="typed"]').waitFor();
    assert.match(await page.locator('#preview tr[data-profile-id="typed"]').innerText(), new RegExp(EN.optionsKindDomain));
    await screenshot(page, 'options-preview-en.png');
  });

  test('Save (button or Ctrl+S) stores to sync, says so, and the page reloads it', async () => {
    await saveGood();
    const status = page.locator('#save-status');
    assert.equal(await status.getAttribute('data-result'), 'pass');
    assert.match(await status.innerText(), /^Saved 2 profiles\. Stored in browser sync storage \(sync items: 1; [\d.]+ KB compressed from [\d.]+ KB\)/);
    assert.equal(await savedText(), GOOD);
    const { sync, local } = await snapshot();
    assert.equal(sync['rolehop.profiles.meta'].area, 'sync');
    assert.deepEqual(Object.keys(local), [], 'nothing in storage.local');
    // The save leaves the parse for the popup's next open (extension/shared/parsed-profiles.js).
    const cached = /** @type {any} */ (await page.evaluate(() => chrome.storage.session.get('rolehop.parsedProfiles')))['rolehop.parsedProfiles'];
    assert.equal(cached.sha256, sync['rolehop.profiles.meta'].sha256);
    assert.equal(cached.defaultSite, 'cn');
    assert.deepEqual(JSON.parse(cached.profiles), (await coreParse(GOOD)).profiles);
    assert.equal(cached.errorCount, 0);

    // Keyboard: an edit, then Ctrl+S.
    await page.locator('#ini').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('[profile keyboard]\naccount = keyboard\nrole_name = ops\n');
    await page.locator('#editor-summary', { hasText: fill(EN.optionsEditorOk_other, 3) }).waitFor();
    await page.keyboard.press('Control+s');
    await page.locator('#save-status[data-area="sync"][data-result="pass"]', { hasText: 'Saved 3 profiles.' }).waitFor();
    assert.match(await savedText(), /\[profile keyboard\]/);

    await openOptions();
    assert.equal(await page.locator('#ini').inputValue(), await savedText());
    assert.match(await page.locator('#save-status').innerText(), /^Loaded from browser sync storage/);
  });

  test('when storage.sync is full the page saves to local and says why', async () => {
    await page.evaluate(async () => {
      for (let i = 0; (await chrome.storage.sync.getBytesInUse(null)) < 102_000; i++) {
        await chrome.storage.sync.set({ [`test.filler.${i}`]: 'f'.repeat(7_990) });
      }
    }).catch(() => {}); // the last filler may itself hit the quota: the area is full either way
    await edit(profilesIni(200), fill(EN.optionsEditorOk_other, 200));
    await page.getByRole('button', { name: EN.optionsSave, exact: true }).click();
    const status = page.locator('#save-status[data-area="local"]');
    await status.waitFor();
    assert.equal(await status.getAttribute('data-reason'), 'sync-full');
    assert.match(await status.innerText(), /^Saved 200 profiles\. Stored on this computer only \(storage\.local\), because browser sync storage is full \(.*quota.*\)/i);
    assert.equal(await savedText(), profilesIni(200));
  });

  test('a bad import changes nothing and shows every error with line:column', async () => {
    await saveGood();
    const before = await snapshot();

    await chooseFile('#import-file', 'bad.ini', BAD);
    const result = page.locator('#import-result[data-state="errors"][data-format="ini"]');
    await result.waitFor();
    assert.equal(await result.locator('[role="alert"]').innerText(), fill(EN.optionsImportErrors_other, 3));
    assert.deepEqual(await result.locator('.where').allInnerTexts(), BAD_POSITIONS);
    assert.deepEqual(await result.getByRole('button').allInnerTexts(), [EN.optionsClose], 'no way to apply it');

    // A config.json with a JSON syntax error pasted into the editor: imported, not typed in; also
    // every error, with line:column.
    await paste('{\n  "profiles": [\n    {"name": "x", "mode": "RamRoleArn",}\n  ]\n}\n');
    await page.locator('#import-result[data-state="errors"][data-format="aliyun-cli"]').waitFor();
    assert.match(await page.locator('#import-result .where').first().innerText(), /^3:\d+$/);

    assert.deepEqual(await snapshot(), before, 'storage unchanged');
    assert.equal(await page.locator('#ini').inputValue(), GOOD, 'editor unchanged');
    await page.getByRole('button', { name: EN.optionsClose }).click();
    assert.equal(await page.locator('#import-result').innerText(), '');
  });

  test('a valid import previews, then merges on confirmation (cancel changes nothing)', async () => {
    await saveGood();
    const incoming = `[profile ACME-PROD]
account = acme
role_name = readonly
display_name = Acme production (read-only)

[profile initech-dev]
account = initech
role_name = deployer
`;
    await chooseFile('#import-file', 'incoming.ini', incoming);
    await page.locator('#import-result[data-state="preview"]').waitFor();
    assert.equal(
      await page.locator('#import-result .status').innerText(),
      `${fill(EN.optionsImportReady_other, 2)} ${fill(EN.optionsImportReadyDetail, 1, 1)}`,
    );
    assert.equal(await page.locator('#import-result .import-ids li').count(), 2);

    const before = await snapshot();
    await page.locator('#import-cancel').click();
    await page.locator('#import-result[data-state="cancelled"]').waitFor();
    assert.deepEqual(await snapshot(), before);

    await chooseFile('#import-file', 'incoming.ini', incoming);
    await page.locator('#import-merge').click();
    await page.locator('#import-result[data-state="done"]').waitFor();
    const text = await savedText();
    assert.equal(await page.locator('#ini').inputValue(), text);
    assert.match(text, /^# team profiles\n/, 'the user’s comments stay');
    const parsed = await coreParse(text);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(
      parsed.profiles.map((/** @type {{id: string, roleName: string}} */ p) => `${p.id}:${p.roleName}`).sort(),
      ['ACME-PROD:readonly', 'globex-audit:security-audit', 'initech-dev:deployer'],
    );
  });

  test('aliyun CLI config.json import from a file: role profiles only, the rest listed as skipped; replace all', async () => {
    await saveGood();
    await chooseFile('#import-cli', 'config.json', CLI_CONFIG);
    await page.locator('#import-result[data-state="preview"][data-format="aliyun-cli"]').waitFor();
    assert.match(await page.locator('#import-result .skipped').innerText(), /dev.*AK/);
    assert.equal(await page.locator('#import-result .import-ids li').count(), 1);
    await page.locator('#import-replace').click();
    await page.locator('#import-result[data-state="done"]').waitFor();
    const text = await savedText();
    assert.doesNotMatch(text, /not-a-real-secret|LTAI5t/, 'no credential is imported');
    const parsed = await coreParse(text);
    assert.deepEqual(
      parsed.profiles.map((/** @type {{id: string, accountUid?: string, roleName: string}} */ p) => [p.id, p.accountUid, p.roleName]),
      [['acme-oss', '1746000000000002', 'admin-oss']],
    );
  });

  test('export downloads round-trip: INI and aliyun CLI config.json', async () => {
    const text = `${GOOD}
[profile hooli-data]
role_arn = acs:ram::1746000000000003:role/oss-reader
display_name = Hooli data
color = teal
note = ask data@hooli
`;
    await edit(text, fill(EN.optionsEditorOk_other, 3));
    await page.getByRole('button', { name: EN.optionsSave, exact: true }).click();
    await page.locator('#save-status[data-area="sync"]').waitFor();

    const [ini] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: EN.optionsExportIni }).click()]);
    assert.equal(ini.suggestedFilename(), 'rolehop-profiles.ini');
    assert.equal(readFileSync(await ini.path(), 'utf8'), text);

    const [cli] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: EN.optionsExportCli }).click()]);
    assert.equal(cli.suggestedFilename(), 'config.json');
    const config = readFileSync(await cli.path(), 'utf8');
    const exported = JSON.parse(config);
    assert.ok(Array.isArray(exported.profiles));
    // The alias-based profile has no UID for a role ARN: left out, and the page says so.
    await page.locator('#export-status', { hasText: 'acme-prod' }).waitFor();

    // Paste the downloaded config.json into the editor: the UID-based profiles come back as they were.
    await paste(config);
    await page.locator('#import-result[data-state="preview"]').waitFor();
    await page.locator('#import-replace').click();
    await page.locator('#import-result[data-state="done"]').waitFor();
    /** @param {{profiles: Array<Record<string, unknown>>}} r */
    const withoutLines = (r) => r.profiles.map(({ line: _line, ...p }) => p);
    const original = withoutLines(await coreParse(text)).filter((p) => p.accountUid);
    const back = withoutLines(await coreParse(await savedText()));
    assert.deepEqual(back, original);
  });

  test('settings persist, and the language setting switches the page to Chinese at once', async () => {
    await page.locator('#setting-default-site').selectOption('intl');
    await page.locator('#settings-status[data-area="sync"]').waitFor();
    assert.equal(await page.getByLabel(EN.optionsAutoSubmit).isChecked(), true, 'auto-submit is on by default');
    await page.getByLabel(EN.optionsAutoSubmit).uncheck();
    await page.locator('#setting-language').selectOption('zh_CN');
    await page.locator('h2#profiles-heading', { hasText: ZH.optionsProfilesHeading }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), ZH.htmlLang);
    assert.equal(await page.locator('#settings-status').innerText(), ZH.optionsSettingsSavedSync);

    const { sync } = await snapshot();
    // Trusted state: stored with its tag (shared/trusted-storage.js).
    const { rolehopTag, ...settings } = sync['rolehop.settings'];
    assert.deepEqual(settings, { defaultSite: 'intl', autoSubmit: false, language: 'zh_CN' });
    assert.match(rolehopTag.mac, /^[A-Za-z0-9_-]{43}$/);

    // The default site reaches the parse: a profile without a site line is international now.
    await edit('[profile p]\naccount = acme\nrole_name = ops\n', fill(ZH.optionsEditorOk_other, 1));
    assert.match(await page.locator('#preview tr[data-profile-id="p"]').innerText(), new RegExp(ZH.optionsSiteShortIntl));

    await openOptions();
    assert.equal(await page.locator('#setting-default-site').inputValue(), 'intl');
    assert.equal(await page.locator('#setting-auto-submit').isChecked(), false);
    assert.equal(await page.locator('#setting-language').inputValue(), 'zh_CN');
    assert.equal(await page.title(), ZH.optionsTitle);
    assert.equal(await page.getByRole('button', { name: ZH.optionsSave, exact: true }).count(), 1);
    await screenshot(page, 'options-settings-zh.png');

    await page.locator('#setting-language').selectOption('auto');
    await page.locator('h2#profiles-heading', { hasText: EN.optionsProfilesHeading }).waitFor();
    assert.equal(await page.title(), EN.optionsTitle);
  });

  test("the language override formats every message exactly as chrome.i18n does", async () => {
    const mismatches = await page.evaluate(async () => {
      const i18n = await import(chrome.runtime.getURL('shared/i18n.js'));
      const catalog = await (await fetch(chrome.runtime.getURL('_locales/en/messages.json'))).json();
      await i18n.useLanguage('en'); // the browser runs in English: both paths read the same catalog
      const subs = ['first $1', 'second', 'third', '4', '5', '6', '7', '8', '9'];
      const out = [];
      for (const key of Object.keys(catalog)) {
        const ours = i18n.t(key, subs);
        const browsers = chrome.i18n.getMessage(key, subs);
        if (ours !== browsers) out.push({ key, ours, browsers });
      }
      await i18n.useLanguage('auto');
      return out;
    });
    assert.deepEqual(mismatches, []);
  });

  test('dark mode follows the system colour scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(dark, 'rgb(22, 24, 28)');
    assert.equal(light, 'rgb(255, 255, 255)');
  });

  test('keyboard: every control is reachable with Tab and shows a visible focus ring', async () => {
    await edit(BAD, fill(EN.optionsEditorErrors_other, 3));
    /** @type {string[]} */
    const reached = [];
    await page.locator('body').focus();
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        // A file input is unseen: its label (the button) shows the ring.
        const shown = el.classList.contains('file-input') && el.nextElementSibling ? getComputedStyle(el.nextElementSibling) : style;
        const ring = shown.outlineStyle !== 'none' && shown.outlineWidth !== '0px';
        const wrapped = el.closest('.editor');
        const wrapRing = wrapped ? getComputedStyle(wrapped).outlineStyle !== 'none' : false;
        return { id: el.id || el.className, ring: ring || wrapRing };
      });
      if (!focused) continue;
      assert.ok(focused.ring, `${focused.id} has a visible focus ring`);
      reached.push(focused.id);
    }
    for (const id of ['save', 'import-file', 'import-cli', 'ini', 'error-link', 'fix', 'export-ini', 'export-cli', 'export-base', 'setting-default-site', 'setting-auto-submit', 'setting-language']) {
      assert.ok(reached.includes(id), `${id} is reachable with Tab (reached: ${reached.join(', ')})`);
    }
  });

  test('screens: empty editor, profiles, errors with fixes (EN, 380/800/1280 px, light and dark)', async () => {
    await auditOptions(page, 'en', async () => {
      await openOptions();
    });
  });

  test('no console errors or uncaught errors', () => {
    assert.deepEqual(browser.errors, []);
  });
});

describe('options page (zh_CN browser)', () => {
  /** @type {import('./harness.js').ExtensionBrowser} */
  let browser;
  before(async () => {
    browser = await launchExtension({ lang: 'zh-CN' });
  });
  after(async () => {
    await browser?.close();
  });

  test('texts come from _locales/zh_CN, errors and preview included', async () => {
    const page = await browser.openPage('options/options.html');
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
    assert.equal(await page.title(), ZH.optionsTitle);
    assert.equal(await page.locator('html').getAttribute('lang'), ZH.htmlLang);
    for (const key of ['optionsProfilesHeading', 'optionsImportFile', 'optionsExportHeading', 'optionsSettingsHeading', 'optionsSave']) {
      assert.equal(await page.locator(`[data-i18n="${key}"]`).first().innerText(), ZH[key], key);
    }
    await page.locator('#ini').fill(BAD);
    await page.locator('#editor-summary', { hasText: fill(ZH.optionsEditorErrors_other, 3) }).waitFor();
    // The core's own messages (ids and arguments) in Chinese, from the same catalog.
    const expected = await page.evaluate(async (t) => {
      const { loadCore } = await import(chrome.runtime.getURL('shared/core.js'));
      const { coreMessage } = await import(chrome.runtime.getURL('shared/i18n.js'));
      const result = (await loadCore()).profileParse({ text: t });
      return 'error' in result ? [] : result.errors.map((/** @type {{message: import('../../extension/shared/contract').CoreMessage}} */ e) => coreMessage(e.message));
    }, BAD);
    assert.equal(expected.length, 3);
    for (const text of expected) assert.match(text, /[\u4e00-\u9fff]/, text);
    assert.deepEqual(await page.locator('#editor-errors .what').allInnerTexts(), expected);
    await page.locator('#ini').fill(GOOD);
    await page.locator('#preview-summary', { hasText: fill(ZH.optionsPreviewCount_other, 2) }).waitFor();
    await screenshot(page, 'options-zh.png');
    assert.deepEqual(browser.errors, []);
  });

  test('screens: empty editor, profiles, errors with fixes (ZH, 380/800/1280 px, light and dark)', async () => {
    const page = await browser.openPage('options/options.html');
    await auditOptions(page, 'zh', async (p) => {
      await p.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
      await p.reload();
      await p.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
    });
    assert.deepEqual(browser.errors, []);
  });
});
