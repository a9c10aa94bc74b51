// The popup's keys are told in two places, the popup's ? list (extension/popup/keys.js with the
// popupKey* messages) and the README's key table, and handled in one (popup.js): all three say
// the same, in English and in Chinese.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { KEYS, OPEN_SHORTCUT } from '../../extension/popup/keys.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (/** @type {string} */ path) => readFileSync(join(ROOT, path), 'utf8');
const catalog = (/** @type {string} */ locale) => JSON.parse(read(`extension/_locales/${locale}/messages.json`));

/** The README's key table: [keys, English, Chinese] per row. */
function readmeTable() {
  const text = read('README.md');
  const start = text.indexOf('<!-- popup keys:');
  assert.ok(start >= 0, 'the README marks its key table with <!-- popup keys: ... -->');
  const lines = text.slice(start).split('\n').slice(1);
  const rows = [];
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    rows.push([cells[0]?.replace(/^`|`$/g, ''), cells[1], cells[2]]);
  }
  return rows;
}

test('the README key table says what the popup\'s ? list says, in English and Chinese', () => {
  const en = catalog('en');
  const zh = catalog('zh_CN');
  const fromPopup = KEYS.map(({ keys, action }) => [keys, en[action]?.message, zh[action]?.message]);
  assert.deepEqual(readmeTable(), fromPopup);
});

test('the open shortcut is the manifest\'s', () => {
  const manifest = JSON.parse(read('extension/manifest.json'));
  assert.equal(manifest.commands._execute_action.suggested_key.default, OPEN_SHORTCUT);
  assert.match(read('README.md'), new RegExp(`\\*\\*${OPEN_SHORTCUT.replace(/\+/g, '\\+')}\\*\\*`));
});

test('the list names exactly the keys popup.js handles', () => {
  // The search box's keydown cases, and the key list's entry for each.
  const handled = /** @type {Record<string, string>} */ ({
    ArrowDown: '↑ ↓',
    ArrowUp: '↑ ↓',
    PageDown: 'Page Up / Page Down',
    PageUp: 'Page Up / Page Down',
    Enter: 'Enter',
    c: 'Ctrl/⌘+C',
    C: 'Ctrl/⌘+C',
    Escape: 'Esc',
  });
  const source = read('extension/popup/popup.js');
  const keydown = source.slice(source.indexOf("search.addEventListener('keydown'"));
  const cases = [...keydown.slice(0, keydown.indexOf('default:')).matchAll(/case '([^']+)':/g)].map((m) => m[1]);
  assert.deepEqual(cases.sort(), Object.keys(handled).sort());
  // Enter's modifiers (tabs.js destinationOf): Shift a new tab, Ctrl/⌘ a background tab.
  const named = new Set([...Object.values(handled), OPEN_SHORTCUT, 'Shift+Enter', 'Ctrl/⌘+Enter']);
  assert.deepEqual(new Set(KEYS.map((k) => k.keys)), named);
});

test('every key text exists in both catalogs, as a label (capital, no full stop)', () => {
  for (const locale of ['en', 'zh_CN']) {
    const messages = catalog(locale);
    for (const { action } of KEYS) {
      const text = messages[action]?.message;
      assert.ok(text, `${locale}: ${action}`);
      assert.doesNotMatch(text, /[.。]$/, `${locale}: ${action} is a label`);
      if (locale === 'en') assert.match(text, /^[A-Z]/, `${action} starts with a capital`);
      else assert.doesNotMatch(text, /[;:,]/, `${action} uses Chinese punctuation`);
    }
  }
});
