// Counted texts: the catalog keeps one message per plural category of a language
// (`<key>_one`, `<key>_other`; Chinese needs only `_other`), chosen by Intl.PluralRules for the
// language the page is shown in. Never "profile(s)".

import { t } from '../shared/i18n.js';

/**
 * The message `<key>_<category>` for `count` ($1 is the count, then `more`).
 * @param {string} key
 * @param {number} count
 * @param {string[]} [more]
 */
export function countText(key, count, more = []) {
  const language = document.documentElement.lang || 'en';
  const category = new Intl.PluralRules(language).select(count);
  const subs = [String(count), ...more];
  const text = t(`${key}_${category}`, subs);
  return text === `${key}_${category}` ? t(`${key}_other`, subs) : text;
}

/**
 * Sentences one after the other: a space between English sentences, none between Chinese ones
 * (a Chinese full stop needs no space after it).
 * @param {string[]} sentences
 */
export function joinSentences(sentences) {
  const chinese = document.documentElement.lang.toLowerCase().startsWith('zh');
  return sentences.filter(Boolean).join(chinese ? '' : ' ');
}
