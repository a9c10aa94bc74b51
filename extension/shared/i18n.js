// Page localisation from _locales/<locale>/messages.json through chrome.i18n.

/**
 * A message in the browser's UI language (falling back to English, the default locale).
 * @param {string} key
 * @param {string | string[]} [substitutions]
 */
export function t(key, substitutions) {
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
  doc.documentElement.lang = chrome.i18n.getMessage('htmlLang') || 'en';
  doc.documentElement.dir = chrome.i18n.getMessage('@@bidi_dir') || 'ltr';
  for (const el of doc.querySelectorAll('[data-i18n]')) {
    const key = el.getAttribute('data-i18n');
    if (key) el.textContent = t(key);
  }
}
