// Import (a file, or the aliyun CLI's config.json pasted into the editor or read from a file) and
// export (INI, config.json).
// An import is checked completely first: with any error nothing changes and every error is
// listed with line:column; a clean import is previewed, then merged or replaces on confirmation.

import { coreMessage, t, tCount, joinSentences } from '../shared/i18n.js';
import { downloadText } from './download.js';
import { compareIds, detectFormat, mergeIni } from './ini-text.js';
import { setStatus } from './status.js';
import { byId, el } from './dom.js';

/** @typedef {import('../shared/core.js').Core} Core */
/** @typedef {import('../shared/contract').Profile} Profile */
/** @typedef {import('../shared/contract').ShownProfileError} ProfileError */
/** @typedef {import('../shared/contract').SkippedProfile} Skipped */
/** @typedef {import('../shared/contract').CoreError} CoreError */
/** @typedef {{text: string, profiles: Profile[], errors: ProfileError[], saved: string, dirty: boolean}} Current */

/**
 * The import as the core reads it: profiles and INI text, or every error.
 * @param {Core} core @param {string} text @param {'ini' | 'aliyun-cli'} format @param {'cn' | 'intl'} defaultSite
 * @returns {{profiles: Profile[], text: string, skipped: Skipped[], errors: ProfileError[]}}
 */
function readImport(core, text, format, defaultSite) {
  if (format === 'aliyun-cli') {
    const result = core.profileImport({ format: 'aliyun-cli', text, defaultSite });
    if ('error' in result) return failed(result.error);
    return { profiles: result.profiles, text: result.text, skipped: result.skipped, errors: result.errors };
  }
  const result = core.profileParse({ text, defaultSite });
  if ('error' in result) return failed(result.error);
  return { profiles: result.profiles, text, skipped: [], errors: result.errors };
}

/** A contract-level error as the one error of an import. @param {CoreError} error */
function failed({ kind, message, text, line = 1, column = 1 }) {
  return { profiles: [], text: '', skipped: [], errors: [{ kind, message: text ?? message, line, column }] };
}

/** @param {Skipped[]} skipped */
function skippedList(skipped) {
  const list = el('ul', 'skipped');
  for (const s of skipped) list.append(el('li', undefined, t('optionsSkippedItem', [s.name, s.mode, coreMessage(s.reason)])));
  return list;
}

/**
 * @param {{
 *   core: Core,
 *   getDefaultSite: () => 'cn' | 'intl',
 *   getCurrent: () => Current,
 *   apply: (text: string) => Promise<boolean>,
 *   editor: HTMLTextAreaElement,
 * }} deps `apply` puts new text in the editor and saves it; `editor` is where text is pasted
 */
export function setUpTransfer({ core, getDefaultSite, getCurrent, apply, editor }) {
  const file = /** @type {HTMLInputElement} */ (byId('import-file'));
  const cliFile = /** @type {HTMLInputElement} */ (byId('import-cli'));
  const result = byId('import-result');

  /** @param {HTMLInputElement} input @param {'auto' | 'aliyun-cli'} format */
  function readFile(input, format) {
    input.addEventListener('change', async () => {
      const chosen = input.files?.[0];
      if (!chosen) return;
      const text = await chosen.text();
      input.value = ''; // the same file again is a new choice
      check(text, format === 'auto' ? detectFormat(text) : format);
    });
  }
  readFile(file, 'auto');
  readFile(cliFile, 'aliyun-cli');

  // The editor is the one place to paste. The aliyun CLI's config.json pasted into it is not INI:
  // it is imported (checked, previewed, merged on confirmation) instead of landing in the text.
  editor.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (detectFormat(text) !== 'aliyun-cli') return;
    event.preventDefault();
    check(text, 'aliyun-cli');
  });

  /** @param {string} text @param {'ini' | 'aliyun-cli'} chosenFormat */
  function check(text, chosenFormat) {
    result.dataset.format = chosenFormat;
    if (!text.trim()) {
      show('empty', [el('p', 'status', t('optionsImportEmpty'))]);
      return;
    }
    const imported = readImport(core, text, chosenFormat, getDefaultSite());
    if (imported.errors.length) {
      showErrors(imported.errors, imported.skipped);
    } else if (!imported.profiles.length) {
      show('nothing', [el('p', 'status', t('optionsImportNone')), ...(imported.skipped.length ? [skippedList(imported.skipped)] : [])]);
    } else {
      showPreview(imported);
    }
    result.scrollIntoView({ block: 'nearest' });
  }

  /** @param {string} state @param {Node[]} children */
  function show(state, children) {
    result.dataset.state = state;
    result.replaceChildren(...children);
  }

  /** A button that closes the import panel. */
  function closeButton() {
    const close = /** @type {HTMLButtonElement} */ (el('button', undefined, t('optionsClose')));
    close.type = 'button';
    close.id = 'import-close';
    close.addEventListener('click', () => show('closed', []));
    return close;
  }

  /** @param {ProfileError[]} errors @param {Skipped[]} skipped */
  function showErrors(errors, skipped) {
    const heading = el('p', 'status', tCount('optionsImportErrors', errors.length));
    heading.dataset.result = 'fail';
    heading.setAttribute('role', 'alert');
    const list = el('ol', 'errors');
    for (const error of errors) {
      const li = el('li');
      li.append(el('span', 'where', `${error.line}:${error.column}`), ' ', el('span', 'what', coreMessage(error.message)));
      list.append(li);
    }
    const buttons = el('div', 'toolbar');
    buttons.append(closeButton());
    show('errors', [heading, list, ...(skipped.length ? [skippedList(skipped)] : []), buttons]);
  }

  /** @param {{profiles: Profile[], text: string, skipped: Skipped[]}} imported */
  function showPreview(imported) {
    const current = getCurrent();
    const { added, replaced } = compareIds(current.profiles, imported.profiles);
    const summary = el('p', 'status', joinSentences([tCount('optionsImportReady', imported.profiles.length), t('optionsImportReadyDetail', [String(added.length), String(replaced.length)])]));
    summary.dataset.result = 'pass';
    const ids = el('ul', 'import-ids');
    for (const profile of imported.profiles.slice(0, 50)) {
      const li = el('li');
      li.append(el('code', undefined, profile.id), ` ${profile.displayName} → ${profile.account} / ${profile.roleName}`);
      if (replaced.includes(profile.id)) li.append(' ', el('span', 'tag', t('optionsImportReplaces')));
      ids.append(li);
    }
    if (imported.profiles.length > 50) ids.append(el('li', 'hint', t('optionsAndMore', [String(imported.profiles.length - 50)])));

    const merge = /** @type {HTMLButtonElement} */ (el('button', 'primary', t('optionsImportMerge', [String(added.length), String(replaced.length)])));
    merge.type = 'button';
    merge.id = 'import-merge';
    const replaceAll = /** @type {HTMLButtonElement} */ (el('button', 'danger', t('optionsImportReplaceAll', [String(current.profiles.length), String(imported.profiles.length)])));
    replaceAll.type = 'button';
    replaceAll.id = 'import-replace';
    const cancel = /** @type {HTMLButtonElement} */ (el('button', undefined, t('optionsCancel')));
    cancel.type = 'button';
    cancel.id = 'import-cancel';
    const note = el('p', 'hint');
    // Merging keeps the editor's text, so it must be readable; replacing does not need it.
    if (current.errors.length) {
      merge.disabled = true;
      note.textContent = tCount('optionsImportMergeBlocked', current.errors.length);
    }
    const buttons = el('div', 'toolbar');
    buttons.append(merge, replaceAll, cancel);

    merge.addEventListener('click', () => {
      const now = getCurrent();
      void finish(mergeIni(now.text, now.profiles, imported.text, compareIds(now.profiles, imported.profiles).replaced));
    });
    replaceAll.addEventListener('click', () => void finish(imported.text.endsWith('\n') ? imported.text : `${imported.text}\n`));
    cancel.addEventListener('click', () => show('cancelled', [el('p', 'status', t('optionsImportCancelled'))]));

    show('preview', [summary, ids, ...(imported.skipped.length ? [skippedList(imported.skipped)] : []), buttons, ...(note.textContent ? [note] : [])]);
    merge.disabled ? replaceAll.focus() : merge.focus();
  }

  /** @param {string} text */
  async function finish(text) {
    const saved = await apply(text);
    const status = el('p', 'status', t(saved ? 'optionsImportDone' : 'optionsImportNotSaved'));
    status.dataset.result = saved ? 'pass' : 'fail';
    show(saved ? 'done' : 'failed', [status]);
  }

  // ---- export ----
  const exportStatus = byId('export-status');
  const base = /** @type {HTMLInputElement} */ (byId('export-base'));

  const baseName = byId('export-base-name');
  base.addEventListener('change', () => {
    const chosen = base.files?.[0];
    baseName.textContent = chosen ? t('optionsExportBaseChosen', [chosen.name]) : t('optionsExportBaseNone');
  });

  /** The editor's text and the profiles that work (a profile with errors is left out and counted). */
  function exportable() {
    const { text, profiles, errors } = getCurrent();
    return { text, profiles, withErrors: new Set(errors.map((e) => e.profile ?? `line ${e.line}`)).size };
  }

  byId('export-ini').addEventListener('click', () => {
    const { text, profiles, withErrors } = exportable();
    downloadText('rolehop-profiles.ini', text, 'text/plain');
    setStatus(
      exportStatus,
      () => joinSentences([tCount('optionsExportedIni', profiles.length), withErrors ? tCount('optionsExportedIniErrors', withErrors) : '']),
      { result: withErrors ? 'warn' : 'pass' },
    );
  });

  byId('export-cli').addEventListener('click', async () => {
    const { profiles, withErrors } = exportable();
    const baseFile = base.files?.[0];
    /** @type {import('../shared/contract').ProfileExportInput} */
    const input = { format: 'aliyun-cli', profiles, ...(baseFile ? { base: await baseFile.text() } : {}) };
    const out = core.profileExport(input);
    if ('error' in out) {
      const { message, line, column } = out.error;
      const where = line ? `${line}:${column ?? 1} ` : '';
      setStatus(exportStatus, () => t('optionsExportFailed', [`${where}${message}`]), { result: 'fail' });
      return;
    }
    downloadText('config.json', out.text, 'application/json');
    const { skipped, exported } = out;
    const todos = exported.filter((e) => e.todo);
    setStatus(
      exportStatus,
      () =>
        joinSentences([
          tCount('optionsExportedCli', exported.length),
          ...(withErrors ? [tCount('optionsExportLeftOutErrors', withErrors)] : []),
          ...(skipped.length
            ? [tCount('optionsExportSkipped', skipped.length, [String(skipped.length), skipped.map((s) => t('optionsExportSkippedItem', [s.name, coreMessage(s.reason)])).join(t('optionsListSeparator'))])]
            : []),
          ...(todos.length
            ? [t('optionsExportTodo', [todos.map((e) => t('optionsExportTodoItem', [e.name, coreMessage(e.todo)])).join(t('optionsListSeparator'))])]
            : []),
        ]),
      { result: skipped.length || todos.length || withErrors ? 'warn' : 'pass' },
    );
  });
}
