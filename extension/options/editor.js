// The INI editor: a plain textarea (native editing, undo, IME and screen-reader support) with a
// line-number gutter that marks error lines, an error list whose entries jump to line:column,
// and a debounced re-parse that feeds the preview while the user types.

import { coreMessage, t } from '../shared/i18n.js';
import { lineCount, offsetOf } from './ini-text.js';

/** @typedef {import('../shared/contract').ProfileError} ProfileError */

/** Milliseconds of quiet typing before the text is parsed again. */
const PARSE_DELAY_MS = 150;

/**
 * @param {{
 *   textarea: HTMLTextAreaElement,
 *   gutter: HTMLElement,
 *   summary: HTMLElement,
 *   errorList: HTMLOListElement,
 *   onText: (text: string) => void,
 * }} parts `onText` runs (debounced) with the text after it changes
 */
export function createEditor({ textarea, gutter, summary, errorList, onText }) {
  /** @type {ProfileError[]} */
  let errors = [];
  let profileCount = 0;
  let lines = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  function renderGutter() {
    const count = lineCount(textarea.value);
    if (count !== lines) {
      lines = count;
      // One text node for the numbers: cheap even for tens of thousands of lines.
      gutter.textContent = Array.from({ length: count }, (_, i) => i + 1).join('\n');
      gutter.style.setProperty('--digits', String(String(count).length));
    }
    for (const old of gutter.querySelectorAll('.marker')) old.remove();
    const marked = new Set();
    for (const error of errors) {
      if (marked.has(error.line)) continue;
      marked.add(error.line);
      const marker = document.createElement('span');
      marker.className = 'marker';
      marker.style.setProperty('--row', String(error.line - 1));
      marker.title = `${error.line}:${error.column} ${coreMessage(error.message)}`;
      gutter.append(marker);
    }
    syncScroll();
  }

  function syncScroll() {
    gutter.style.transform = `translateY(${-textarea.scrollTop}px)`;
  }

  function renderErrors() {
    summary.textContent = errors.length
      ? t('optionsEditorErrors', [String(errors.length), String(profileCount)])
      : t('optionsEditorOk', [String(profileCount)]);
    summary.dataset.result = errors.length ? 'fail' : 'pass';
    textarea.setAttribute('aria-invalid', String(errors.length > 0));
    const items = errors.map((error) => {
      const message = coreMessage(error.message);
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'error-link';
      button.dataset.line = String(error.line);
      button.dataset.column = String(error.column);
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = `${error.line}:${error.column}`;
      const what = document.createElement('span');
      what.className = 'what';
      what.textContent = message;
      button.append(where, ' ', what);
      button.setAttribute('aria-label', t('optionsJumpTo', [String(error.line), String(error.column), message]));
      button.addEventListener('click', () => jumpTo(error.line, error.column));
      li.append(button);
      return li;
    });
    errorList.replaceChildren(...items);
  }

  /**
   * Puts the caret at line:column and scrolls it into view (a third of the way down).
   * @param {number} line @param {number} column
   */
  function jumpTo(line, column) {
    const at = offsetOf(textarea.value, line, column);
    textarea.focus();
    textarea.setSelectionRange(at, at);
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, (line - 1) * lineHeight - textarea.clientHeight / 3);
    syncScroll();
  }

  textarea.addEventListener('scroll', syncScroll);
  textarea.addEventListener('input', () => {
    renderGutter();
    clearTimeout(timer);
    timer = setTimeout(() => onText(textarea.value), PARSE_DELAY_MS);
  });

  return {
    get text() {
      return textarea.value;
    },
    /** Replaces the whole text (a load or an import) and parses it at once. @param {string} text */
    setText(text) {
      clearTimeout(timer);
      textarea.value = text;
      renderGutter();
      onText(text);
    },
    /** Shows a parse result. @param {ProfileError[]} nextErrors @param {number} profiles */
    showResult(nextErrors, profiles) {
      errors = nextErrors;
      profileCount = profiles;
      renderGutter();
      renderErrors();
    },
    /** Re-renders texts after a language change. */
    relocalize: renderErrors,
    jumpTo,
  };
}
