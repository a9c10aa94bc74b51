// The service worker's side of the content scripts, in Node with the shipped wasm core
// (dist/chromium/pkg): which senders count as the Switch Role page or a console page (look-alikes
// never do), pending switches (one use, tab + site + values must match, 120 s), and the four
// content-script messages through the real router with the real profile index.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, beforeEach, describe, test } from 'node:test';
import { DIST } from './harness.js';
import { createFakeArea, LOCAL_QUOTAS } from '../lib/fake-storage.js';
import { consolePage, switchRolePage } from '../../extension/background/content-pages.js';
import { createRouter } from '../../extension/background/router.js';
import { createProfileIndex } from '../../extension/background/profile-index.js';
import { createContentServices } from '../../extension/background/switch.js';
import { createIdentityLookups, SAVE_LIMITS, SWITCH_PAGE_LIMITS } from '../../extension/background/identity-lookups.js';
import { PENDING_SWITCHES_KEY, newMarker, recordPendingSwitch, takePendingSwitch } from '../../extension/shared/pending-switch.js';
import { loadWasmCore } from '../lib/wasm-core.js';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const SWITCH_URL = 'https://signin.aliyun.com/switchRole.htm?parentAlias=acme&roleName=admin-oss';
/** A content script's sender as Chromium reports it. @param {string} url @param {object} [extra] */
const contentSender = (url, extra = {}) => ({ id: ID, url, origin: new URL(url).origin, frameId: 0, tab: { id: 7, url }, ...extra });

// pending-switch.js uses chrome.storage.session; a fake area stands in for it here.
const session = createFakeArea(LOCAL_QUOTAS);
/** @type {any} */ (globalThis).chrome = { storage: { session } };

describe('content pages: the exact pages content-script messages are accepted from', () => {
  const switchPages = [
    ['https://signin.aliyun.com/switchRole.htm', 'cn'],
    ['https://signin.aliyun.com/switchRole.htm?parentAlias=a&roleName=b#rolehop=x', 'cn'],
    ['https://signin.alibabacloud.com/switchRole.htm', 'intl'],
  ];
  for (const [url, site] of switchPages) {
    test(`${url} is the Switch Role page (${site})`, () => {
      assert.deepEqual(
        { ...switchRolePage(contentSender(url)), url: undefined },
        { kind: 'switch-role', site, tabId: 7, url: undefined },
      );
    });
  }
  const notSwitchPages = [
    'https://signin.aliyun.com.example.test/switchRole.htm',
    'https://evil.signin.aliyun.com/switchRole.htm',
    'https://signin-aliyun.com/switchRole.htm',
    'http://signin.aliyun.com/switchRole.htm',
    'https://signin.aliyun.com:8443/switchRole.htm',
    'https://user:pw@signin.aliyun.com/switchRole.htm',
    'https://signin.aliyun.com/switchRole.htmx',
    'https://signin.aliyun.com/SwitchRole.htm',
    'https://signin.aliyun.com/x/switchRole.htm',
    'https://signin.aliyun.com/login.htm',
    'https://oss.console.aliyun.com/switchRole.htm',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup/popup.html',
    'not a url',
  ];
  for (const url of notSwitchPages) {
    test(`${url} is not the Switch Role page`, () => {
      const sender = url.includes('://') ? contentSender(url) : { id: ID, url, tab: { id: 7 } };
      assert.equal(switchRolePage(sender), null);
    });
  }
  test('a frame inside the page, a forged origin, or no tab is not the page', () => {
    assert.equal(switchRolePage(contentSender(SWITCH_URL, { frameId: 3 })), null);
    assert.equal(switchRolePage(contentSender(SWITCH_URL, { origin: 'https://evil.example' })), null);
    assert.equal(switchRolePage(contentSender(SWITCH_URL, { tab: undefined })), null);
    assert.equal(switchRolePage(/** @type {any} */ ({ id: ID })), null);
  });
  test('console pages: any host directly under the two console domains', () => {
    assert.equal(consolePage(contentSender('https://oss.console.aliyun.com/overview'))?.site, 'cn');
    assert.equal(consolePage(contentSender('https://ram.console.alibabacloud.com/roles'))?.site, 'intl');
    assert.equal(consolePage(contentSender('https://a.b.console.aliyun.com/'))?.site, 'cn');
    for (const url of [
      'https://console.aliyun.com/',
      'https://evilconsole.aliyun.com/',
      'https://oss.console.aliyun.com.example.test/',
      'https://oss.console.aliyun.com:444/',
      'http://oss.console.aliyun.com/',
      'https://signin.aliyun.com/switchRole.htm',
    ]) {
      assert.equal(consolePage(contentSender(url)), null, url);
    }
  });
});

describe('pending switches', () => {
  beforeEach(() => session.remove(PENDING_SWITCHES_KEY));
  const base = { tabId: 7, parentAlias: 'acme', roleName: 'admin-oss', site: /** @type {const} */ ('cn'), profileId: 'acme', displayName: 'Acme' };

  test('taken once, only when marker, tab, site and values all match', async () => {
    const marker = newMarker();
    assert.match(marker, /^[0-9a-f]{32}$/);
    await recordPendingSwitch({ ...base, marker, createdAt: 1_000 });
    const query = { marker, tabId: 7, parentAlias: 'acme', roleName: 'admin-oss', site: /** @type {const} */ ('cn'), now: 2_000 };
    for (const wrong of [{ tabId: 8 }, { site: 'intl' }, { parentAlias: 'acme2' }, { roleName: 'reader' }, { marker: newMarker() }]) {
      assert.equal(await takePendingSwitch({ ...query, .../** @type {any} */ (wrong) }), null, JSON.stringify(wrong));
    }
    assert.equal((await takePendingSwitch(query))?.profileId, 'acme');
    assert.equal(await takePendingSwitch(query), null, 'one use');
  });

  test('older than 120 s: dropped', async () => {
    const marker = newMarker();
    await recordPendingSwitch({ ...base, marker, createdAt: 1_000 });
    assert.equal(await takePendingSwitch({ marker, tabId: 7, parentAlias: 'acme', roleName: 'admin-oss', now: 122_001 }), null);
    assert.deepEqual((await session.get(PENDING_SWITCHES_KEY))[PENDING_SWITCHES_KEY], []);
  });

  test('malformed records are refused with the field named', async () => {
    await assert.rejects(recordPendingSwitch({ ...base, marker: 'short' }), /pendingSwitch\.marker/);
    await assert.rejects(recordPendingSwitch({ ...base, marker: newMarker(), tabId: -1 }), /pendingSwitch\.tabId/);
    await assert.rejects(recordPendingSwitch({ ...base, marker: newMarker(), site: /** @type {any} */ ('eu') }), /pendingSwitch\.site/);
  });
});

describe('content-script messages through the router', () => {
  /** @type {any} */
  let core;
  let profilesText = '';
  let settings = { defaultSite: /** @type {'cn' | 'intl'} */ ('cn'), autoSubmit: false };
  /** @type {(message: unknown, sender: object) => Promise<any>} */
  let route;
  /** @type {() => (message: unknown, sender: object) => Promise<any>} */
  let routerWithFreshLimits;
  /** @type {() => void} */
  let profilesChanged = () => {};
  /** Stores profile text as the options page would (the store then notifies). @param {string} text */
  const storeProfiles = (text) => {
    profilesText = text;
    profilesChanged();
  };

  before(async () => {
    const pkg = join(DIST, 'pkg');
    const { wasm } = await loadWasmCore(pkg);
    /** @param {string} name */
    const call = (name) => (/** @type {unknown} */ input) => JSON.parse(wasm[name](JSON.stringify(input)));
    core = { profileParse: call('profileParse'), profileSerialize: call('profileSerialize') };
    const loadSettings = async () => settings;
    const profiles = createProfileIndex({
      loadProfilesText: async () => ({ text: profilesText }),
      saveProfilesText: async (text) => {
        profilesText = text;
      },
      onProfilesChanged: (callback) => {
        profilesChanged = callback;
      },
      loadSettings,
      now: () => new Date('2026-11-28T00:00:00Z'),
    });
    /** A router with budgets of its own (tests that use up a budget get a fresh one). */
    routerWithFreshLimits = () =>
      createRouter({
        core: Promise.resolve(core),
        extensionId: ID,
        extensionBase: BASE,
        services: {
          content: createContentServices({
            profiles,
            loadSettings,
            lookups: createIdentityLookups({ area: createFakeArea(LOCAL_QUOTAS) }),
            switchPageLookups: createIdentityLookups({ area: null, limits: SWITCH_PAGE_LIMITS }),
            saves: createIdentityLookups({ area: null, limits: SAVE_LIMITS }),
          }),
        },
      });
    route = routerWithFreshLimits();
  });

  const page = contentSender(SWITCH_URL);

  test('switch.context: a recorded switch is from RoleHop; auto-submit follows the setting', async () => {
    for (const autoSubmit of [false, true]) {
      settings = { ...settings, autoSubmit };
      const marker = newMarker();
      await recordPendingSwitch({ marker, tabId: 7, parentAlias: 'acme', roleName: 'admin-oss', site: 'cn', profileId: 'acme', displayName: 'Acme', color: '#e8590c' });
      const reply = await route({ type: 'switch.context', marker, parentAlias: 'acme', roleName: 'admin-oss' }, page);
      assert.deepEqual(reply, { fromRoleHop: true, autoSubmit, profile: { id: 'acme', displayName: 'Acme', color: '#e8590c' } });
    }
    settings = { ...settings, autoSubmit: false };
    assert.deepEqual(await route({ type: 'switch.context', parentAlias: 'acme', roleName: 'admin-oss' }, page), { fromRoleHop: false, autoSubmit: false });
  });

  test('switch.context: the same marker from another tab or the other site is not from RoleHop', async () => {
    settings = { ...settings, autoSubmit: true };
    const marker = newMarker();
    await recordPendingSwitch({ marker, tabId: 7, parentAlias: 'acme', roleName: 'admin-oss', site: 'cn', profileId: 'acme', displayName: 'Acme' });
    const message = { type: 'switch.context', marker, parentAlias: 'acme', roleName: 'admin-oss' };
    assert.equal((await route(message, contentSender(SWITCH_URL, { tab: { id: 8 } }))).fromRoleHop, false);
    assert.equal((await route(message, contentSender('https://signin.alibabacloud.com/switchRole.htm'))).fromRoleHop, false);
    assert.equal((await route(message, page)).fromRoleHop, true, 'still there for the right tab and site');
    settings = { ...settings, autoSubmit: false };
  });

  test('switch.validate: the core decides, problems by field', async () => {
    assert.deepEqual(await route({ type: 'switch.validate', parentAlias: 'acme', roleName: 'admin-oss' }, page), { ok: true, problems: [] });
    assert.equal((await route({ type: 'switch.validate', parentAlias: '1746000000000001', roleName: 'admin-oss' }, page)).ok, true);
    assert.equal((await route({ type: 'switch.validate', parentAlias: 'acme.onaliyun.com', roleName: 'admin-oss' }, page)).ok, true);
    const both = await route({ type: 'switch.validate', parentAlias: 'acme prod', roleName: 'admin oss' }, page);
    assert.equal(both.ok, false);
    assert.deepEqual(both.problems.map((/** @type {{field: string}} */ p) => p.field).sort(), ['parentAlias', 'roleName']);
    // Text that would be INI structure never reaches the parser.
    const injected = await route({ type: 'switch.validate', parentAlias: 'acme\n[profile evil]', roleName: 'a;b' }, page);
    assert.deepEqual(injected.problems.map((/** @type {{field: string}} */ p) => p.field), ['parentAlias', 'roleName']);
    // Every problem is a catalog message (the banner renders it in the page's language).
    const catalogs = ['en', 'zh_CN'].map((locale) => JSON.parse(readFileSync(join(DIST, '_locales', locale, 'messages.json'), 'utf8')));
    for (const p of [...both.problems, ...injected.problems]) {
      assert.equal(typeof p.message?.id, 'string', JSON.stringify(p));
      for (const catalog of catalogs) assert.ok(catalog[p.message.id], `${p.message.id} is in the catalog`);
    }
    assert.deepEqual(injected.problems.map((/** @type {any} */ p) => p.message.id), ['switchAccountUnusable', 'switchRoleUnusable']);
  });

  test('switch.saveProfile appends a checked profile, keeps the text, and does not duplicate', async () => {
    storeProfiles('# my team\n[profile acme-ro]\naccount = acme\nrole_name = reader\ncolor = #228be6\n');
    const saved = await route({ type: 'switch.saveProfile', parentAlias: 'acme', roleName: 'admin-oss' }, page);
    assert.deepEqual(saved, { saved: true, profile: { id: 'acme.admin-oss', displayName: 'admin-oss @ acme', account: 'acme' } });
    assert.ok(profilesText.startsWith('# my team\n[profile acme-ro]\n'), profilesText);
    assert.match(profilesText, /# saved by RoleHop from a switch made by hand \(2026-11-28\)\n\[profile acme\.admin-oss\]/);
    const parsed = core.profileParse({ text: profilesText });
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.profiles.map((/** @type {{id: string}} */ p) => p.id), ['acme-ro', 'acme.admin-oss']);
    const again = await route({ type: 'switch.saveProfile', parentAlias: 'acme', roleName: 'admin-oss' }, page);
    assert.deepEqual(again, { saved: false, profile: { id: 'acme.admin-oss', displayName: 'admin-oss @ acme', account: 'acme' } });
    const known = await route({ type: 'switch.validate', parentAlias: 'acme', roleName: 'reader' }, page);
    assert.deepEqual(known.profile, { id: 'acme-ro', displayName: 'acme-ro', color: '#228be6', account: 'acme' });
    const invalid = await route({ type: 'switch.saveProfile', parentAlias: 'acme', roleName: 'bad role' }, page);
    assert.equal(invalid.error.kind, 'invalid-value');
  });

  test('switch.saveProfile appends to a saved text with errors (those profiles are skipped, not lost), under an id none of them has', async () => {
    const broken = '[profile acme.admin-oss]\naccount = acme\nrolename = admin-oss\n';
    storeProfiles(broken);
    const saved = await route({ type: 'switch.saveProfile', parentAlias: 'acme', roleName: 'admin-oss' }, page);
    assert.deepEqual(saved, { saved: true, profile: { id: 'acme.admin-oss-2', displayName: 'admin-oss @ acme', account: 'acme' } });
    assert.ok(profilesText.startsWith(broken), profilesText);
    const parsed = core.profileParse({ text: profilesText });
    assert.equal(parsed.errors.length, 1, 'the one error the text had');
    assert.deepEqual(parsed.profiles.map((/** @type {{id: string}} */ p) => p.id), ['acme.admin-oss-2']);
  });

  test('switch.validate tells which profile the values are only for a few profiles per tab and browser; switch.saveProfile saves a few', async () => {
    const limited = routerWithFreshLimits();
    const aliases = Array.from({ length: SWITCH_PAGE_LIMITS.perTab + 2 }, (_, i) => `team${i}`);
    storeProfiles(aliases.map((a) => `[profile ${a}]\naccount = ${a}\nrole_name = reader\n`).join(''));
    /** @param {string} alias @param {object} [from] */
    const validate = (alias, from = page) => limited({ type: 'switch.validate', parentAlias: alias, roleName: 'reader' }, from);
    for (const alias of aliases.slice(0, SWITCH_PAGE_LIMITS.perTab)) assert.equal((await validate(alias)).profile?.id, alias);
    // Past the tab's limit: valid, and answered as values no profile has.
    assert.deepEqual(await validate(aliases[SWITCH_PAGE_LIMITS.perTab]), { ok: true, problems: [] });
    assert.equal((await validate(aliases[0])).profile?.id, aliases[0], 'a profile already told is told again');
    const otherTab = contentSender(SWITCH_URL, { tab: { id: 8 } });
    assert.equal((await validate(aliases[SWITCH_PAGE_LIMITS.perTab], otherTab)).profile?.id, aliases[SWITCH_PAGE_LIMITS.perTab]);

    /** @param {string} alias */
    const save = (alias) => limited({ type: 'switch.saveProfile', parentAlias: alias, roleName: 'writer' }, page);
    for (let i = 0; i < SAVE_LIMITS.perTab; i++) assert.equal((await save(`new${i}`)).saved, true);
    const refused = await save('one-too-many');
    assert.equal(refused.error.kind, 'not-allowed');
    assert.match(refused.error.message, /switch\.saveProfile refused: this tab asked about 3 identities .* \(add the profile on the options page\)/);
    // The banner shows the catalog's words, in the page's language, not the log's English.
    assert.deepEqual(refused.error.text, { id: 'switchSaveLimit', args: {} });
    assert.doesNotMatch(profilesText, /one-too-many/);
    assert.equal((await save('new0')).saved, false, 'the same values again are not a new profile');
    const invalid = await limited({ type: 'switch.saveProfile', parentAlias: 'bad alias', roleName: 'writer' }, page);
    assert.equal(invalid.error.kind, 'invalid-value');
    assert.deepEqual(invalid.error.text, { id: 'switchNotValid', args: {} });
  });

  test('identity.lookup matches account UID + role name, from console pages only', async () => {
    storeProfiles('[profile prod]\nrole_arn = acs:ram::1746000000000001:role/admin-oss\ncolor = #e8590c\ndisplay_name = Prod admin\n');
    const consoleSender = contentSender('https://oss.console.aliyun.com/overview', { documentId: 'A1' });
    assert.deepEqual(await route({ type: 'identity.lookup', accountUid: '1746000000000001', roleName: 'Admin-OSS' }, consoleSender), {
      profile: { id: 'prod', displayName: 'Prod admin', color: '#e8590c' },
    });
    // Another document (tab 8): its own identity, which is no profile.
    const otherDocument = contentSender('https://oss.console.aliyun.com/overview', { documentId: 'B2', tab: { id: 8 } });
    assert.deepEqual(await route({ type: 'identity.lookup', accountUid: '1746000000000002', roleName: 'admin-oss' }, otherDocument), {});
    // The first document asking about a second identity: refused; its own still answered.
    const second = await route({ type: 'identity.lookup', accountUid: '1746000000000002', roleName: 'admin-oss' }, consoleSender);
    assert.equal(second.error.kind, 'not-allowed');
    assert.match(second.error.message, /identity\.lookup refused: this page already asked about another identity/);
    assert.equal((await route({ type: 'identity.lookup', accountUid: '1746000000000001', roleName: 'admin-oss' }, consoleSender)).profile.id, 'prod');
    assert.equal((await route({ type: 'identity.lookup', accountUid: '17460', roleName: 'admin-oss' }, consoleSender)).error.kind, 'invalid-message');
    const fromSwitchPage = await route({ type: 'identity.lookup', accountUid: '1746000000000001', roleName: 'admin-oss' }, page);
    assert.equal(fromSwitchPage.error.kind, 'not-allowed');
  });

  test('switch messages from anywhere but the Switch Role page are refused', async () => {
    for (const sender of [
      contentSender('https://signin.aliyun.com.example.test/switchRole.htm'),
      contentSender('https://oss.console.aliyun.com/'),
      { id: ID, url: `${BASE}popup/popup.html` },
    ]) {
      const reply = await route({ type: 'switch.validate', parentAlias: 'acme', roleName: 'admin-oss' }, sender);
      assert.equal(reply.error.kind, 'not-allowed');
      assert.match(reply.error.message, /accepted only from the Switch Role page/);
    }
  });
});
