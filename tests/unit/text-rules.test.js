// The catalogs (extension/_locales/{en,zh_CN}/messages.json) against the text rules of
// docs/glossary.md. Every text RoleHop shows is in them: the pages' and the core's (`core_*`
// ids, rendered by shared/i18n.js and the CLI; crate/tests/catalog.rs checks those against
// the core's message type).
//
// Sentence or label: a core entry is a sentence unless its id is a field's name (`core_field_`),
// an area's label (`core_<area>_title_`, `_label_`, `_path_`, `_placeholder_`) or a count
// (`_count`); any other entry is a sentence when its English text ends with . ? or ! (or holds
// one sentence after another), a label otherwise.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** @typedef {{message: string, description?: string, placeholders?: Record<string, {content: string}>}} Entry */

/** @param {string} locale @returns {Record<string, Entry>} */
const load = (locale) => JSON.parse(readFileSync(new URL(`../../extension/_locales/${locale}/messages.json`, import.meta.url), 'utf8'));
const EN = load('en');
const ZH = load('zh_CN');

const HAN = /[\u4e00-\u9fff]/;
/** Placeholders (`$name$`) and the dollar escape: values, not words. */
const PLACEHOLDER = /\$[A-Za-z0-9_@]+\$|\$\$/g;

/** @param {string} key @param {string} english */
function isSentence(key, english) {
  if (key.startsWith('core_')) return !(key.startsWith('core_field_') || /^core_[a-z]+_(title|label|path|placeholder)_/.test(key) || /_count(_one|_other)?$/.test(key));
  const text = english.trim();
  return /[.?!]$/.test(text) || /[.?!] [A-Z]/.test(text);
}

/** The words of a text: placeholders out. @param {string} text */
const words = (text) => text.replace(PLACEHOLDER, '');

/**
 * A fragment sits inside another text (after the word RoleHop, as a reason in a sentence): its
 * description says so, and it may start in lower case without a full stop of its own.
 * @param {string} key
 */
const isFragment = (key) => (EN[key]?.description ?? '').startsWith('Fragment');

/** The profile format's keys (and the aliyun CLI's), which users type in the profile editor. */
const INI_KEYS = ['account', 'role_name', 'role_arn', 'display_name', 'color', 'group', 'site', 'note', 'ram_role_arn'];

/** Checks each entry with `rule`; one assertion listing every entry that breaks it. */
function everyEntry(/** @type {Record<string, Entry>} */ catalog, /** @type {(key: string, text: string) => string | null} */ rule) {
  const broken = [];
  for (const [key, entry] of Object.entries(catalog)) {
    if (key === 'htmlLang') continue;
    const problem = rule(key, entry.message);
    if (problem) broken.push(`${key}: ${problem}: ${JSON.stringify(entry.message)}`);
  }
  assert.deepEqual(broken, []);
}

test('both languages have the same entries with the same placeholders', () => {
  // Chinese has one plural form, written under both plural keys.
  assert.deepEqual(Object.keys(ZH).sort(), Object.keys(EN).sort());
  for (const [key, entry] of Object.entries(ZH)) {
    assert.deepEqual(entry.placeholders ?? {}, EN[key]?.placeholders ?? {}, `${key}: placeholders differ between en and zh_CN`);
  }
});

test('sentences start with a capital and end with a full stop; labels have no full stop', () => {
  everyEntry(EN, (key, message) => {
    if (isFragment(key)) return null;
    // A text may start with a value (a placeholder, a quoted name, a domain, sts:AssumeRole, the
    // aliyun CLI); one that starts with a word starts with a capital.
    if (/^[a-z]/.test(message.trim()) && !/^(aliyun\b|[a-z][\w-]*[.:]\w)/.test(message.trim())) return 'starts with a small letter';
    if (isSentence(key, message)) {
      // A sentence may end with a placeholder that is itself a sentence (a nested message).
      if (!/[.?!]["”)]?$/.test(message.trim()) && !/\$[A-Za-z0-9_]+\$$/.test(message.trim())) return 'a sentence without a full stop';
    } else if (/[^.]\.$/.test(message.trim())) return 'a label with a full stop';
    return null;
  });
  everyEntry(ZH, (key, message) => {
    const english = EN[key] ?? EN[`${key}_other`] ?? { message: '' };
    if (!HAN.test(message) || isFragment(key)) return null;
    if (isSentence(key, english.message) && !/[。？！]["”）)]?$/.test(message.trim()) && !/\$[A-Za-z0-9_]+\$$/.test(message.trim())) {
      return 'a sentence without 。';
    }
    return null;
  });
});

test('counts use plural entries, never "(s)"', () => {
  everyEntry(EN, (_, message) => (/\w\(s\)/.test(message) ? '"(s)"' : null));
});

test('no internal ids or snake_case names in a text', () => {
  const check = (/** @type {string} */ _, /** @type {string} */ message) => {
    const text = words(message);
    const snake = (text.match(/\b[a-z]+_[a-z_]+\b/g) ?? []).find((w) => !INI_KEYS.includes(w));
    if (snake) return `snake_case ${snake}`;
    const id = text.match(/\b[ab]\.[a-z]+-[a-z-]+\b/);
    return id ? `internal id ${id[0]}` : null;
  };
  everyEntry(EN, check);
  everyEntry(ZH, check);
});

test('Chinese: Chinese punctuation, the glossary\'s words, a space before and after Latin letters', () => {
  const FORBIDDEN = ['角色配置', '你', '子用户', '帐号', '账户', '切换角色', '角色切换', '端点', '终端节点', '接入点'];
  everyEntry(ZH, (_, message) => {
    const text = words(message);
    if (!HAN.test(text)) return null;
    const forbidden = FORBIDDEN.find((w) => text.includes(w));
    if (forbidden) return `"${forbidden}" (see docs/glossary.md)`;
    const ascii = text.match(/[\u4e00-\u9fff][,.:;?!()"]|[,.:;?!()"][\u4e00-\u9fff]/);
    if (ascii) return `ASCII punctuation next to Chinese: "${ascii[0]}"`;
    const joined = message.match(/[\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u4e00-\u9fff]/);
    if (joined) return `no space between Chinese and Latin: "${joined[0]}"`;
    return null;
  });
});

test('Chinese: no untranslated English', () => {
  // Names that stay in Latin letters (glossary), and words of code the user types or copies.
  // Also: single capitals (A 公司, Ctrl+C), the site values cn and intl, the aliyun CLI's key mode,
  // and the example alias acme.
  const KEPT = new Set([...INI_KEYS, 'cn', 'intl', 'mode', 'acme', 'Mac', 'RAM', 'OSS', 'STS', 'UID', 'ARN', 'AccessKey', 'ID', 'Secret', 'JSON', 'URL', 'CLI', 'RoleHop', 'aliyun', 'HTTPS', 'HTTP', 'API', 'SDK', 'ECS', 'OIDC', 'CloudSSO', 'Terraform', 'Chrome', 'Edge', 'Firefox', 'SecurityToken', 'Enter', 'Esc', 'Tab', 'Shift', 'Ctrl', 'Cmd', 'Alt', 'INI', 'Unicode', 'Windows', 'macOS', 'Linux']);
  everyEntry(ZH, (_, message) => {
    const text = words(message)
      // Lines of a profile text (an example): key = value and [section] lines are code.
      .replace(/^\s*(\[[^\]\n]*\]|[\w.-]+\s*=[^\n]*)$/gm, '')
      // Code and values: anything with : / . = < > [ ] # @ _ or a digit inside, or in quotes.
      .replace(/“[^”]*”|`[^`]*`/g, '')
      .replace(/\\./g, '')
      .replace(/[\w.:/=<>#@[\]*?-]*[:/.=<>#@[\]_\d*-][\w.:/=<>#@[\]*?-]*/g, '');
    if (!HAN.test(text)) return null;
    const english = (text.match(/[A-Za-z][A-Za-z'-]*(?: [A-Za-z][A-Za-z'-]*)*/g) ?? []).filter((w) => !w.split(' ').every((part) => KEPT.has(part) || /^[A-Z]$/.test(part) || /^[A-Z][A-Za-z]+$/.test(part) && /[A-Z].*[A-Z]/.test(part)));
    return english.length ? `English in Chinese: ${english.join(', ')}` : null;
  });
});
