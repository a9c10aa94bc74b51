// shared/i18n.js renders the core's messages ({id, args}) from the catalogs: placeholders in the
// arguments' order, nested messages, plural entries by Intl.PluralRules, the user's language.
// `chrome.i18n` is stood in for by the catalogs themselves, formatted as Chrome formats them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** @param {string} locale */
const load = (locale) => JSON.parse(readFileSync(new URL(`../../extension/_locales/${locale}/messages.json`, import.meta.url), 'utf8'));
const catalogs = { en: load('en'), zh_CN: load('zh_CN') };
/** @type {'en' | 'zh_CN'} */
let browserLanguage = 'en';

const { formatMessage, coreMessage, tCount, useLanguage } = await import('../../extension/shared/i18n.js');
Object.assign(globalThis, {
  chrome: {
    i18n: {
      /** @param {string} key @param {string[]} [subs] */
      getMessage: (key, subs) => {
        const entry = catalogs[browserLanguage][key];
        return entry ? formatMessage(entry, subs) : '';
      },
    },
    runtime: { getURL: (/** @type {string} */ path) => new URL(`../../extension/${path}`, import.meta.url).href },
  },
  fetch: async (/** @type {string} */ url) => ({ ok: true, json: async () => JSON.parse(readFileSync(new URL(url), 'utf8')) }),
});

const field = { id: 'core_field_display_name', args: {} };

test('placeholders take the arguments in order, and a nested message is rendered first', () => {
  browserLanguage = 'en';
  assert.equal(
    coreMessage({ id: 'core_profile_role_disagree', args: { arn_role: 'reader', role: 'admin' } }),
    'The role ARN names role "reader" but the role name is "admin": remove one or make them agree.',
  );
  assert.equal(coreMessage({ id: 'core_profile_text_length', args: { field, count: 200, max: 128 } }), 'Display name has 200 characters: use 1 to 128.');
});

test('a count picks the plural entry of the language', () => {
  browserLanguage = 'en';
  const more = (/** @type {number} */ count) => coreMessage({ id: 'core_profile_more_errors', args: { count } });
  assert.match(more(1), /^1 more error from here on is not listed/);
  assert.match(more(2), /^2 more errors from here on are not listed/);
  browserLanguage = 'zh_CN';
  assert.match(more(1), /^从这里起还有 1 个错误未列出/);
});

test('the language chosen in the settings wins over the browser\'s', async () => {
  browserLanguage = 'en';
  assert.equal(await useLanguage('zh_CN'), true);
  assert.equal(coreMessage({ id: 'core_profile_text_length', args: { field, count: 2, max: 1 } }), '显示名称有 2 个字符：应为 1 到 1 个。');
  await useLanguage('auto');
  assert.match(coreMessage({ id: 'core_profile_expected_key', args: {} }), /^Expected a key before =\.$/);
});

test('an id missing from the catalog shows as itself; a plain string as it is', () => {
  assert.equal(coreMessage({ id: 'core_no_such_message', args: {} }), 'core_no_such_message');
  assert.equal(coreMessage('English prose'), 'English prose');
});

test('the pages\' own plural entries go by the same rule', () => {
  browserLanguage = 'en';
  assert.equal(tCount('workbenchVerdictOthers', 1), '1 more check failed: see the list below.');
  assert.equal(tCount('workbenchVerdictOthers', 3), '3 more checks failed: see the list below.');
});
