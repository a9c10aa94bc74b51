// Page localisation from _locales/<locale>/messages.json through chrome.i18n, or, when the user
// chose a language in the settings (useLanguage), from that locale's messages.json read from the
// extension itself (chrome.i18n always follows the browser's language).

/** @typedef {{message: string, placeholders?: Record<string, {content: string}>}} CatalogEntry */

/** The chosen locale's catalog; null follows the browser (chrome.i18n). @type {Record<string, CatalogEntry> | null} */
let override = null;

/** Locales the extension ships (folder names under _locales). */
export const LANGUAGES = /** @type {const} */ (['en', 'zh_CN']);

/**
 * Formats one catalog entry the way chrome.i18n does: `$NAME$` placeholders (case-insensitive)
 * become their `content`, `$1`..`$9` the substitutions, `$$` a dollar sign.
 * @param {CatalogEntry} entry
 * @param {string | string[]} [substitutions]
 */
export function formatMessage(entry, substitutions) {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  /** @type {Record<string, string>} */
  const named = {};
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) named[name.toLowerCase()] = content;
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name) => named[name.toLowerCase()] ?? whole)
    .replace(/\$(\$|[1-9])/g, (_, what) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
}

/**
 * Makes `t` and `localizePage` use `language`'s messages ('auto': the browser's language through
 * chrome.i18n). Reads `_locales/<language>/messages.json` from the extension; an unknown
 * language or a failed read falls back to 'auto' and resolves to false.
 * @param {string} language 'auto' | 'en' | 'zh_CN'
 * @returns {Promise<boolean>} whether the language is now in use
 */
export async function useLanguage(language) {
  if (language === 'auto' || !(/** @type {readonly string[]} */ (LANGUAGES).includes(language))) {
    override = null;
    return language === 'auto';
  }
  try {
    const response = await fetch(chrome.runtime.getURL(`_locales/${language}/messages.json`));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    override = await response.json();
    return true;
  } catch {
    override = null;
    return false;
  }
}

/**
 * A message of the core (`{id, args}`, see crate/src/message/mod.rs) in the page's language, from
 * the same catalog as every other text. Arguments fill the entry's placeholders in their order
 * (an argument that is itself a message is rendered first); a `count` argument picks the plural
 * entry `<id>_<category>` by the language's plural rule when the catalog has one. A plain
 * string (a core text not yet in the catalogs) is shown as it is.
 * @param {import('./contract').CoreMessage | string | undefined} message
 * @returns {string}
 */
export function coreMessage(message) {
  if (message === undefined) return '';
  if (typeof message === 'string') return message;
  const args = message.args ?? {};
  const values = Object.values(args).map((value) => (typeof value === 'object' ? coreMessage(value) : String(value)));
  const count = args.count;
  if (typeof count === 'number') {
    for (const form of pluralForms(message.id, count)) {
      const text = lookup(form, values);
      if (text !== undefined) return text;
    }
  }
  return lookup(message.id, values) ?? message.id;
}

/**
 * The entry `<key>_<category>` for `count` by the language's plural rule (`_other` when the
 * catalog has no entry of that category), formatted with `substitutions` (default: the count).
 * @param {string} key
 * @param {number} count
 * @param {string[]} [substitutions]
 */
export function tCount(key, count, substitutions = [String(count)]) {
  for (const form of pluralForms(key, count)) {
    const text = lookup(form, substitutions);
    if (text !== undefined) return text;
  }
  return key;
}

/**
 * Sentences one after the other: a space between English sentences, none between Chinese ones
 * (a Chinese full stop needs no space after it).
 * @param {string[]} sentences
 */
export function joinSentences(sentences) {
  return sentences.filter(Boolean).join(languageTag().toLowerCase().startsWith('zh') ? '' : ' ');
}

/** The plural entries to try for `count`, best first. @param {string} key @param {number} count */
function pluralForms(key, count) {
  return [`${key}_${new Intl.PluralRules(languageTag()).select(count)}`, `${key}_other`];
}

/** The BCP 47 tag of the catalog in use (for Intl). */
function languageTag() {
  const tag = t('htmlLang');
  return tag === 'htmlLang' ? 'en' : tag;
}

/**
 * The entry `key` formatted, or undefined when the catalog in use has no such entry.
 * @param {string} key
 * @param {string[]} substitutions
 */
function lookup(key, substitutions) {
  const entry = override?.[key];
  if (entry) return formatMessage(entry, substitutions);
  if (override) return undefined;
  return chrome.i18n.getMessage(key, substitutions) || undefined;
}

/**
 * A message in the browser's UI language (falling back to English, the default locale).
 * @param {string} key
 * @param {string | string[]} [substitutions]
 */
export function t(key, substitutions) {
  const entry = override?.[key];
  if (entry) return formatMessage(entry, substitutions);
  const text = chrome.i18n.getMessage(key, substitutions);
  // An empty answer means a missing key: show the key so the gap is visible, not blank.
  return text || key;
}

/**
 * Fills every `[data-i18n]` element's text and sets the document's language and direction.
 * @param {Document} doc
 */
export function localizePage(doc) {
  // The language of the catalog in use (it can differ from getUILanguage(): Chromium picks the
  // catalog from its --lang/UI locale, and falls back to the default locale).
  doc.documentElement.lang = t('htmlLang') === 'htmlLang' ? 'en' : t('htmlLang');
  // Both shipped locales are left-to-right; chrome.i18n knows the browser's own direction.
  doc.documentElement.dir = override ? 'ltr' : chrome.i18n.getMessage('@@bidi_dir') || 'ltr';
  for (const el of doc.querySelectorAll('[data-i18n]')) {
    const key = el.getAttribute('data-i18n');
    if (key) el.textContent = t(key);
  }
  // Attributes: data-i18n-placeholder, data-i18n-title, data-i18n-aria-label.
  for (const attribute of ['placeholder', 'title', 'aria-label']) {
    for (const el of doc.querySelectorAll(`[data-i18n-${attribute}]`)) {
      const key = el.getAttribute(`data-i18n-${attribute}`);
      if (key) el.setAttribute(attribute, t(key));
    }
  }
}
