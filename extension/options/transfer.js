// Import (paste or file; RoleHop INI or the aliyun CLI's config.json) and export (INI, config.json).
// An import is checked completely first: with any error nothing changes and every error is
// listed with line:column; a clean import is previewed, then merged or replaces on confirmation.

import { coreMessage, t } from '../shared/i18n.js';
import { downloadText } from './download.js';
import { compareIds, detectFormat, mergeIni } from './ini-text.js';
import { setStatus } from './status.js';
import { byId, el } from './dom.js';

/** @typedef {import('../background/core.js').Core} Core */
/** @typedef {import('../shared/contract').Profile} Profile */
/** @typedef {import('../shared/contract').ProfileError} ProfileError */
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
 * }} deps `apply` puts new text in the editor and saves it
 */
export function setUpTransfer({ core, getDefaultSite, getCurrent, apply }) {
  const format = /** @type {HTMLSelectElement} */ (byId('import-format'));
  const file = /** @type {HTMLInputElement} */ (byId('import-file'));
  const pasted = /** @type {HTMLTextAreaElement} */ (byId('import-text'));
  const result = byId('import-result');

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    pasted.value = await chosen.text();
    check();
  });
  byId('import-check').addEventListener('click', check);

  function check() {
    const text = pasted.value;
    const chosenFormat = format.value === 'auto' ? detectFormat(text) : /** @type {'ini' | 'aliyun-cli'} */ (format.value);
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
  }

  /** @param {string} state @param {Node[]} children */
  function show(state, children) {
    result.dataset.state = state;
    result.replaceChildren(...children);
  }

  /** @param {ProfileError[]} errors @param {Skipped[]} skipped */
  function showErrors(errors, skipped) {
    const heading = el('p', 'status', t('optionsImportErrors', [String(errors.length)]));
    heading.dataset.result = 'fail';
    heading.setAttribute('role', 'alert');
    const list = el('ol', 'errors');
    for (const error of errors) {
      const li = el('li');
      li.append(el('span', 'where', `${error.line}:${error.column}`), ' ', el('span', 'what', coreMessage(error.message)));
      list.append(li);
    }
    show('errors', [heading, list, ...(skipped.length ? [skippedList(skipped)] : [])]);
  }

  /** @param {{profiles: Profile[], text: string, skipped: Skipped[]}} imported */
  function showPreview(imported) {
    const current = getCurrent();
    const { added, replaced } = compareIds(current.profiles, imported.profiles);
    const summary = el('p', 'status', t('optionsImportReady', [String(imported.profiles.length), String(added.length), String(replaced.length)]));
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
      note.textContent = t('optionsImportMergeBlocked', [String(current.errors.length)]);
    }
    const buttons = el('div', 'toolbar');
    buttons.append(merge, replaceAll, cancel);

    merge.addEventListener('click', () => {
      const now = getCurrent();
      void finish(mergeIni(now.text, now.profiles, imported.text, compareIds(now.profiles, imported.profiles).replaced));
    });
    replaceAll.addEventListener('click', () => void finish(imported.text.endsWith('\n') ? imported.text : `${imported.text}\n`));
    cancel.addEventListener('click', () => show('cancelled', [el('p', 'status', t('optionsImportCancelled'))]));

    show('preview', [summary, ids, ...(imported.skipped.length ? [skippedList(imported.skipped)] : []), buttons, note]);
    merge.disabled ? replaceAll.focus() : merge.focus();
  }

  /** @param {string} text */
  async function finish(text) {
    const saved = await apply(text);
    const status = el('p', 'status', t(saved ? 'optionsImportDone' : 'optionsImportNotSaved'));
    status.dataset.result = saved ? 'pass' : 'fail';
    show(saved ? 'done' : 'failed', [status]);
    if (saved) pasted.value = '';
  }

  // ---- export ----
  const exportStatus = byId('export-status');
  const base = /** @type {HTMLInputElement} */ (byId('export-base'));

  /**
   * The editor's profiles when it reads cleanly, else the saved ones (and the status says so).
   * @returns {{text: string, profiles: Profile[], fromSaved: boolean}}
   */
  function exportable() {
    const current = getCurrent();
    if (!current.errors.length) return { text: current.text, profiles: current.profiles, fromSaved: false };
    const parsed = core.profileParse({ text: current.saved, defaultSite: getDefaultSite() });
    return { text: current.saved, profiles: 'error' in parsed ? [] : parsed.profiles, fromSaved: true };
  }

  byId('export-ini').addEventListener('click', () => {
    const { text, profiles, fromSaved } = exportable();
    downloadText('rolehop-profiles.ini', text, 'text/plain');
    setStatus(exportStatus, () => t(fromSaved ? 'optionsExportedSaved' : 'optionsExportedIni', [String(profiles.length)]), { result: 'pass' });
  });

  byId('export-cli').addEventListener('click', async () => {
    const { profiles, fromSaved } = exportable();
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
        [
          t(fromSaved ? 'optionsExportedSaved' : 'optionsExportedCli', [String(exported.length)]),
          ...(skipped.length
            ? [t('optionsExportSkipped', [String(skipped.length), skipped.map((s) => `${s.name} (${coreMessage(s.reason)})`).join('; ')])]
            : []),
          ...(todos.length
            ? [t('optionsExportTodo', [todos.map((e) => `${e.name}: ${coreMessage(e.todo)}`).join('; ')])]
            : []),
        ].join(' '),
      { result: skipped.length || todos.length ? 'warn' : 'pass' },
    );
  });
}
