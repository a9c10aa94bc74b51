// The options page: the profile editor (INI text, inline errors, live preview, Save), import,
// export and settings. The wasm core is loaded here directly (no round trip through the worker).

import { loadModules } from '../shared/core.js';
import { localizePage, t, useLanguage, tCount, joinSentences } from '../shared/i18n.js';
import { loadProfilesText, onProfilesChanged, saveProfilesText } from '../shared/profile-store.js';
import { loadSettings, onSettingsChanged } from '../shared/settings.js';
import { cacheArea, keyFor, rememberParse } from '../shared/parsed-profiles.js';
import { createEditor } from './editor.js';
import { renderPreview, renderSkipped } from './preview.js';
import { formatKB, relocalizeStatuses, setStatus } from './status.js';
import { setUpTransfer } from './transfer.js';
import { setUpSettings } from './settings-panel.js';
import { setUpTrustNotices } from './trust-notices.js';
import { WORKBENCH_PROGRESS_KEY } from '../shared/workbench-progress.js';
import { byId } from './dom.js';

/** @typedef {{profiles: import('../shared/contract').Profile[], errors: import('../shared/contract').ShownProfileError[]}} Parsed */

async function main() {
  const [core, settings] = await Promise.all([loadModules('profiles', 'transfer'), loadSettings()]);
  await useLanguage(settings.language);
  localizePage(document);

  const saveButton = /** @type {HTMLButtonElement} */ (byId('save'));
  const saveStatus = byId('save-status');
  const textarea = /** @type {HTMLTextAreaElement} */ (byId('ini'));
  const preview = byId('preview');
  const previewSummary = byId('preview-summary');
  const insertExample = /** @type {HTMLButtonElement} */ (byId('insert-example'));

  let defaultSite = settings.defaultSite;
  let savedText = '';
  let saving = false;
  /** @type {{text: string} & Parsed} */
  let current = { text: '', profiles: [], errors: [] };

  /**
   * The core's reading of `text`. A contract-level error (never expected for text) is shown
   * as one error at 1:1 so it is not silently dropped.
   * @param {string} text
   * @returns {Parsed}
   */
  function parse(text) {
    const result = core.profileParse({ text, defaultSite });
    if ('error' in result) {
      const { kind, message, text } = result.error;
      return { profiles: [], errors: [{ kind, message: text ?? message, line: 1, column: 1 }] };
    }
    return result;
  }

  const editor = createEditor({
    textarea,
    gutter: byId('gutter'),
    bands: byId('bands'),
    summary: byId('editor-summary'),
    errorList: /** @type {HTMLOListElement} */ (byId('editor-errors')),
    onText(text) {
      current = { text, ...parse(text) };
      showParse();
      refreshSaveState();
    },
  });

  /** The editor's verdict, the preview and the skipped profiles for the current parse. */
  function showParse() {
    editor.showResult(current.errors, current.profiles.length);
    renderPreview(preview, previewSummary, current.profiles);
    renderSkipped(byId('skipped'), byId('skipped-list'), current.errors);
    insertExample.hidden = current.text.trim() !== '';
  }

  // An empty editor shows an example profile (the placeholder) and offers to insert it.
  const example = () => t('optionsEditorExample');
  textarea.placeholder = example();
  insertExample.addEventListener('click', () => {
    editor.setText(`${example()}\n`);
    textarea.focus();
  });

  const dirty = () => editor.text !== savedText;

  /** Save is possible for changed text that has been parsed as it stands, errors or not: the
   * text is the source of truth; profiles with errors are skipped until they are fixed. */
  function refreshSaveState() {
    const ready = current.text === editor.text;
    saveButton.disabled = saving || !ready || !dirty();
    // While a parse is pending the last verdict stands (no flicker between keystrokes).
    if (saving || !ready) return;
    if (dirty() && saveStatus.dataset.kind !== 'unsaved') {
      setStatus(saveStatus, () => t('optionsUnsaved'), { result: 'warn', data: { kind: 'unsaved' } });
    }
  }
  textarea.addEventListener('input', refreshSaveState);

  /** @returns {Promise<boolean>} whether the text is saved */
  async function save() {
    // Parse what is in the editor now: a keystroke inside the debounce must not slip through.
    if (current.text !== editor.text) editor.setText(editor.text);
    if (saving) return false;
    const text = editor.text;
    const { profiles, errors } = current; // the parse of `text` (current moves on if the user types meanwhile)
    saving = true;
    saveButton.disabled = true;
    setStatus(saveStatus, () => t('optionsSaving'));
    try {
      const result = await saveProfilesText(text);
      savedText = text;
      // The popup's next open takes this parse instead of parsing the text again.
      const area = cacheArea();
      if (area) {
        await rememberParse(area, keyFor(result.sha256, defaultSite), { profiles, errorCount: errors.length });
      }
      const skipped = new Set(errors.map((e) => e.profile ?? `line ${e.line}`)).size;
      /** What was saved: the working profiles, and those skipped until their errors are fixed. */
      const what = () => joinSentences([tCount('optionsSavedProfiles', profiles.length), skipped ? tCount('optionsSavedSkipped', skipped) : '']);
      const data = { skipped: String(skipped) };
      if (result.area === 'sync') {
        setStatus(saveStatus, () => joinSentences([what(), t('optionsSavedSync', [String(result.chunks), formatKB(result.bytes), formatKB(result.textBytes)])]), {
          result: skipped ? 'warn' : 'pass',
          data: { area: 'sync', ...data },
        });
      } else {
        const reason = result.reason;
        const why = () =>
          reason?.code === 'sync-unavailable'
            ? t('optionsReasonSyncUnavailable')
            : reason?.code === 'sync-full'
              ? t('optionsReasonSyncFull', [reason.detail])
              : t('optionsReasonSyncError', [reason?.detail ?? '']);
        setStatus(saveStatus, () => joinSentences([what(), t('optionsSavedLocal', [why()])]), {
          result: 'warn',
          data: { area: 'local', reason: reason?.code ?? '', ...data },
        });
      }
      return true;
    } catch (error) {
      setStatus(saveStatus, () => t('optionsSaveFailed', [error instanceof Error ? error.message : String(error)]), {
        result: 'fail',
      });
      return false;
    } finally {
      saving = false;
      refreshSaveState();
    }
  }

  saveButton.addEventListener('click', () => void save());
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  });
  window.addEventListener('beforeunload', (event) => {
    if (dirty()) event.preventDefault();
  });

  /** Loads the saved text into the editor; a storage error is shown and the editor starts empty. */
  async function loadSaved() {
    try {
      const loaded = await loadProfilesText();
      savedText = loaded.text;
      editor.setText(loaded.text);
      byId('load-error').hidden = true;
      if (loaded.area) {
        const when = new Date(loaded.savedAt ?? 0).toLocaleString();
        setStatus(saveStatus, () => t(loaded.area === 'sync' ? 'optionsLoadedSync' : 'optionsLoadedLocal', [when]), {
          result: 'info',
          data: { area: loaded.area },
        });
      } else {
        setStatus(saveStatus, () => t('optionsNothingSaved'));
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const banner = byId('load-error');
      banner.hidden = false;
      setStatus(banner, () => t('optionsLoadFailed', [message]), { result: 'fail' });
      editor.setText('');
    }
    textarea.setAttribute('aria-busy', 'false');
  }

  await loadSaved();

  /** The stored text in the editor again, unless it holds unsaved edits (then say so). */
  async function showStored() {
    const loaded = await loadProfilesText().catch(() => null);
    if (!loaded || loaded.text === savedText) return;
    if (!dirty()) {
      await loadSaved();
    } else {
      setStatus(saveStatus, () => t('optionsChangedElsewhere'), { result: 'warn' });
    }
  }

  const notices = setUpTrustNotices({
    core,
    getDefaultSite: () => defaultSite,
    async onResolved(name) {
      if (name === 'profiles') await showStored();
      else settingsPanel.show(await loadSettings());
    },
  });

  // A save from another page or device: take it when there is nothing unsaved here. A change
  // RoleHop did not make is not taken: the notices say so (trust-notices.js).
  onProfilesChanged(async () => {
    if (saving) return;
    await showStored();
    await notices.refresh();
  });
  onSettingsChanged(() => void notices.refresh());
  chrome.storage.local.onChanged.addListener((changes) => {
    if (WORKBENCH_PROGRESS_KEY in changes) void notices.refresh();
  });

  setUpTransfer({
    core,
    getDefaultSite: () => defaultSite,
    getCurrent: () => ({ ...current, saved: savedText, dirty: dirty() }),
    async apply(text) {
      editor.setText(text);
      return save();
    },
    editor: textarea,
  });

  const settingsPanel = setUpSettings({
    initial: settings,
    async onLanguage(language) {
      await useLanguage(language);
      localizePage(document);
      textarea.placeholder = example();
      showParse();
      relocalizeStatuses();
    },
    onDefaultSite(site) {
      defaultSite = site;
      editor.setText(editor.text);
    },
  });

  await notices.refresh();

  document.body.dataset.ready = 'true';
}

main().catch((error) => {
  const banner = document.getElementById('load-error');
  if (banner) {
    banner.hidden = false;
    banner.textContent = t('optionsStartFailed', [error instanceof Error ? error.message : String(error)]);
  }
  console.error('RoleHop options failed to start', error);
});
