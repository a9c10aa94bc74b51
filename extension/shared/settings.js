// User settings: one storage.sync item `rolehop.settings`, so they follow the user's browser
// profile. When sync refuses the write (full, rate-limited, unavailable) they go to storage.local
// and the sync copy is removed, so a load never prefers a stale value; the next successful sync
// write removes the local copy again. Auto-submit is here, so the item is trusted: written tagged
// and read through trusted-storage.js (where content scripts could have changed it, the last good
// copy is used, never the changed one).

import { trustedStorage } from './trusted-storage.js';

export const SETTINGS_KEY = 'rolehop.settings';

/**
 * @typedef {object} Settings
 * @property {'cn' | 'intl'} defaultSite the site of profiles that do not name one
 * @property {boolean} autoSubmit submit the Switch Role form by itself (only for RoleHop's own switches:
 *   the one-use pending switch, never a link). On by default, so Enter in the popup ends in the
 *   switched console; a stored `false` (the user's choice) stays false, a missing one is the default
 * @property {'auto' | 'en' | 'zh_CN'} language 'auto' follows the browser
 */

/** @type {Readonly<Settings>} */
export const DEFAULT_SETTINGS = Object.freeze({ defaultSite: 'cn', autoSubmit: true, language: 'auto' });

/** @type {{[K in keyof Settings]: (value: unknown) => boolean}} */
const VALID = {
  defaultSite: (v) => v === 'cn' || v === 'intl',
  autoSubmit: (v) => typeof v === 'boolean',
  language: (v) => v === 'auto' || v === 'en' || v === 'zh_CN',
};

/**
 * The valid fields of `value` (anything else is dropped: a value written by a newer or broken
 * version never reaches the UI).
 * @param {unknown} value
 * @returns {Partial<Settings>}
 */
export function validSettings(value) {
  if (typeof value !== 'object' || value === null) return {};
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, isValid] of Object.entries(VALID)) {
    const field = /** @type {Record<string, unknown>} */ (value)[key];
    if (isValid(field)) out[key] = field;
  }
  return /** @type {Partial<Settings>} */ (out);
}

/**
 * The settings from a stored value (defaults for what is missing or invalid).
 * @param {unknown} stored
 * @returns {Settings}
 */
function settingsFrom(stored) {
  return { ...DEFAULT_SETTINGS, ...validSettings(stored) };
}

/**
 * @typedef {import('./profile-store.js').StorageAreaLike} StorageAreaLike
 * @typedef {Pick<ReturnType<typeof import('./trusted-storage.js').createTrustedStorage>, 'open' | 'seal' | 'commit'>} Trust
 */

/**
 * @param {{sync?: StorageAreaLike | null, local: StorageAreaLike, trust?: Trust, now?: () => number}} areas
 *   `trust` checks what is read and tags what is written (absent: taken as stored, in tests of
 *   the layout alone)
 */
export function createSettingsStore({ sync, local, trust, now = Date.now }) {
  /** @param {StorageAreaLike | null | undefined} area */
  async function read(area) {
    if (!area) return undefined;
    try {
      return (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
    } catch {
      return undefined;
    }
  }

  /**
   * The settings: what sync holds, else local (local holds them only while sync refused a write),
   * as the trust allows.
   * @param {{prefetched?: {sync?: Record<string, unknown> | null, local?: Record<string, unknown>}}} [options]
   *   both areas' items, already read (the popup's early read)
   * @returns {Promise<Settings>}
   */
  async function loadSettings({ prefetched } = {}) {
    const [inSync, inLocal] = prefetched
      ? [prefetched.sync?.[SETTINGS_KEY], prefetched.local?.[SETTINGS_KEY]]
      : await Promise.all([read(sync), read(local)]);
    const stored = inSync ?? inLocal;
    return settingsFrom(trust ? (await trust.open('settings', stored)).value : stored);
  }

  /**
   * Merges `partial` (its valid fields) into the stored settings.
   * @param {Partial<Settings>} partial
   * @returns {Promise<{settings: Settings, area: 'sync' | 'local'}>}
   */
  async function saveSettings(partial) {
    const settings = { ...(await loadSettings()), ...validSettings(partial) };
    const at = now();
    const stored = trust ? await trust.seal('settings', settings, at) : settings;
    /** @type {'sync' | 'local'} */
    let area = 'local';
    if (sync) {
      try {
        await sync.set({ [SETTINGS_KEY]: stored });
        await local.remove(SETTINGS_KEY).catch(() => {});
        area = 'sync';
      } catch {
        // fall through to local
      }
    }
    if (area === 'local') {
      await local.set({ [SETTINGS_KEY]: stored });
      if (sync) await sync.remove(SETTINGS_KEY).catch(() => {});
    }
    await trust?.commit('settings', settings, { at });
    return { settings, area };
  }

  /**
   * @param {(settings: Settings) => void} callback called with the new settings after any change
   * @returns {() => void} stops listening
   */
  function onSettingsChanged(callback) {
    /** @param {Record<string, unknown>} changes */
    const listener = (changes) => {
      if (SETTINGS_KEY in changes) loadSettings().then(callback, () => {});
    };
    const events = [sync?.onChanged, local.onChanged].filter((e) => e !== undefined);
    for (const event of events) event.addListener(listener);
    return () => {
      for (const event of events) event.removeListener(listener);
    };
  }

  return { loadSettings, saveSettings, onSettingsChanged };
}

/** @type {ReturnType<typeof createSettingsStore> | undefined} */
let defaultStore;
const store = () =>
  (defaultStore ??= createSettingsStore({
    sync: /** @type {StorageAreaLike | undefined} */ (/** @type {unknown} */ (chrome.storage.sync)),
    local: /** @type {StorageAreaLike} */ (/** @type {unknown} */ (chrome.storage.local)),
    trust: trustedStorage(),
  }));

/**
 * The settings, defaults filled in, as the trust allows.
 * @param {{prefetched?: {sync?: Record<string, unknown> | null, local?: Record<string, unknown>}}} [options]
 */
export const loadSettings = (options) => store().loadSettings(options);
/** @param {Partial<Settings>} partial */
export const saveSettings = (partial) => store().saveSettings(partial);
/** @param {(settings: Settings) => void} callback */
export const onSettingsChanged = (callback) => store().onSettingsChanged(callback);
