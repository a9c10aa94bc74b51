// The INI editor: a plain textarea (native editing, undo, IME and screen-reader support) that
// grows with its text (the page scrolls, not a box inside it), with a line-number gutter and a
// band under each line with an error, an error list whose entries name their profile, jump to
// line:column and offer the core's fix when it is certain, and a debounced re-parse that feeds
// the preview while the user types.

import { coreMessage, t, tCount, joinSentences } from '../shared/i18n.js';
import { lineCount, offsetOf } from './ini-text.js';

/** @typedef {import('../shared/contract').ShownProfileError} ProfileError */
/** @typedef {import('../shared/contract').ProfileFix} ProfileFix */

/** Milliseconds of quiet typing before the text is parsed again. */
const PARSE_DELAY_MS = 150;

/**
 * @param {{
 *   textarea: HTMLTextAreaElement,
 *   gutter: HTMLElement,
 *   bands: HTMLElement,
 *   summary: HTMLElement,
 *   errorList: HTMLOListElement,
 *   onText: (text: string) => void,
 * }} parts `onText` runs (debounced) with the text after it changes
 */
export function createEditor({ textarea, gutter, bands, summary, errorList, onText }) {
  /** @type {ProfileError[]} */
  let errors = [];
  let profileCount = 0;
  let lines = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  const lineHeight = () => parseFloat(getComputedStyle(textarea).lineHeight) || 20;

  /** The textarea as tall as its lines (plus a sideways scrollbar when long lines need one). */
  function fitHeight() {
    const style = getComputedStyle(textarea);
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    const scrollbar = textarea.offsetHeight - textarea.clientHeight;
    textarea.style.height = `${lines * lineHeight() + padding + scrollbar}px`;
  }

  function renderGutter() {
    const count = lineCount(textarea.value);
    if (count !== lines) {
      lines = count;
      // One text node for the numbers: cheap even for tens of thousands of lines.
      gutter.textContent = Array.from({ length: count }, (_, i) => i + 1).join('\n');
      gutter.style.setProperty('--digits', String(String(count).length));
    }
    fitHeight();
    for (const old of gutter.querySelectorAll('.marker')) old.remove();
    /** @type {Map<number, string[]>} */
    const byLine = new Map();
    for (const error of errors) {
      const messages = byLine.get(error.line) ?? [];
      messages.push(`${error.line}:${error.column} ${coreMessage(error.message)}`);
      byLine.set(error.line, messages);
    }
    const markers = [];
    const lineBands = [];
    for (const [line, messages] of byLine) {
      const marker = document.createElement('span');
      marker.className = 'marker';
      marker.style.setProperty('--row', String(line - 1));
      marker.title = messages.join('\n');
      markers.push(marker);
      const band = document.createElement('div');
      band.className = 'band';
      band.style.setProperty('--row', String(line - 1));
      lineBands.push(band);
    }
    gutter.append(...markers);
    bands.replaceChildren(...lineBands);
  }

  /** Where an error is: its profile (or its line when it is in none) and line:column. @param {ProfileError} error */
  function place(error) {
    return error.profile ? t('optionsErrorInProfile', [error.profile]) : t('optionsErrorOutsideProfile');
  }

  function renderErrors() {
    const skipped = new Set(errors.map((e) => e.profile ?? `line ${e.line}`)).size;
    // An empty editor has no verdict: the example and the preview's hint speak for it.
    const empty = !errors.length && !textarea.value.trim();
    summary.textContent = errors.length
      ? joinSentences([tCount('optionsEditorErrors', errors.length), tCount('optionsEditorReady', profileCount)])
      : empty
        ? ''
        : tCount('optionsEditorOk', profileCount);
    summary.dataset.result = errors.length ? 'fail' : 'pass';
    summary.dataset.skipped = String(errors.length ? skipped : 0);
    textarea.setAttribute('aria-invalid', String(errors.length > 0));
    const items = errors.map((error) => {
      const message = coreMessage(error.message);
      const li = document.createElement('li');
      li.dataset.line = String(error.line);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'error-link';
      button.dataset.line = String(error.line);
      button.dataset.column = String(error.column);
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = `${error.line}:${error.column}`;
      const profile = document.createElement('span');
      profile.className = 'in-profile';
      profile.textContent = place(error);
      const what = document.createElement('span');
      what.className = 'what';
      what.textContent = message;
      button.append(where, profile, what);
      button.setAttribute('aria-label', t('optionsJumpTo', [String(error.line), String(error.column), `${place(error)} ${message}`]));
      button.addEventListener('click', () => jumpTo(error.line, error.column));
      li.append(button);
      if (error.fix) li.append(fixButton(error.fix));
      return li;
    });
    errorList.replaceChildren(...items);
  }

  /** The button that applies a certain fix: "Change to role_name". @param {ProfileFix} fix */
  function fixButton(fix) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'fix';
    const [before, after] = t('optionsFixTo', ['\u0000']).split('\u0000');
    const value = document.createElement('code');
    value.textContent = fix.replacement;
    button.append(before, value, after ?? '');
    button.addEventListener('click', () => applyFix(fix));
    return button;
  }

  /**
   * Replaces the fix's span with its replacement as an edit the user could undo (execCommand keeps
   * the textarea's undo stack), then parses at once and puts the caret after it.
   * @param {ProfileFix} fix
   */
  function applyFix(fix) {
    const start = offsetOf(textarea.value, fix.line, fix.column);
    const end = offsetOf(textarea.value, fix.line, fix.endColumn);
    textarea.focus();
    textarea.setSelectionRange(start, end);
    const edited = document.execCommand?.('insertText', false, fix.replacement);
    if (!edited || textarea.value.slice(start, start + fix.replacement.length) !== fix.replacement) {
      textarea.setRangeText(fix.replacement, start, end, 'end');
    }
    clearTimeout(timer);
    renderGutter();
    onText(textarea.value);
  }

  /**
   * Puts the caret at line:column and scrolls the page so the line is in view (a third of the
   * way down), and the text area sideways to the column.
   * @param {number} line @param {number} column
   */
  function jumpTo(line, column) {
    const at = offsetOf(textarea.value, line, column);
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(at, at);
    const top = textarea.getBoundingClientRect().top + window.scrollY + (line - 1) * lineHeight();
    window.scrollTo({ top: Math.max(0, top - window.innerHeight / 3) });
    const charWidth = parseFloat(getComputedStyle(textarea).fontSize) * 0.6;
    textarea.scrollLeft = Math.max(0, (column - 1) * charWidth - textarea.clientWidth / 2);
  }

  textarea.addEventListener('input', () => {
    renderGutter();
    clearTimeout(timer);
    timer = setTimeout(() => onText(textarea.value), PARSE_DELAY_MS);
  });
  // The sideways scrollbar comes and goes with long lines and with the width.
  window.addEventListener('resize', fitHeight);

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
