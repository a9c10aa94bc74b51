// Keeps the popup's cached parse (shared/parsed-profiles.js) made ahead of time, so an open of the
// popup rarely has to decompress and parse the profiles itself: when the browser starts (the
// cache lives in storage.session, which starts empty), after the extension is installed, updated
// or reloaded, and whenever the stored profiles or the default site change, from any page or from
// another device through sync.
// A warm-up that finds the entry already current writes nothing.

import { META_KEY } from '../shared/profile-store.js';
import { SETTINGS_KEY } from '../shared/settings.js';
import { cachedParse, forgetParse, keyFor, PARSED_PROFILES_KEY, rememberParse } from '../shared/parsed-profiles.js';

/** @typedef {import('../shared/profile-store.js').Located} Located */

/**
 * @param {object} deps
 * @param {() => Promise<{profileParse: import('../shared/core.js').Core['profileParse']}>} deps.core loads the
 *   core's profiles module (at the first warm-up that parses: a worker woken for anything else never compiles it)
 * @param {() => Promise<Located>} deps.locateProfiles
 * @param {(located: Located) => Promise<{text: string}>} deps.readProfilesText
 * @param {() => Promise<{defaultSite: 'cn' | 'intl'}>} deps.loadSettings
 * @param {chrome.storage.StorageArea} deps.area where the cached parse lives (parsed-profiles.js: cacheArea)
 */
export function createParseWarmer({ core, locateProfiles, readProfilesText, loadSettings, area }) {
  /** @type {Promise<unknown>} */
  let queue = Promise.resolve();

  async function warm() {
    const [located, { defaultSite }] = await Promise.all([locateProfiles(), loadSettings()]);
    if (!located.meta) return;
    const key = keyFor(located.meta.sha256, defaultSite);
    if (cachedParse(await area.get(PARSED_PROFILES_KEY), key)) return;
    const { text } = await readProfilesText(located);
    const parsed = (await core()).profileParse({ text, defaultSite });
    if ('error' in parsed) throw new Error(parsed.error.message);
    await rememberParse(area, key, { profiles: parsed.profiles, errorCount: parsed.errors.length });
  }

  /** One warm-up after the ones already asked for (each finds what the previous one wrote). */
  function warmSoon() {
    queue = queue.then(warm).catch((e) => console.warn(`RoleHop: the popup's profiles were not prepared: ${e instanceof Error ? e.message : e}`));
    return queue;
  }

  return {
    warmSoon,
    /** For runtime.onInstalled: drop the previous build's entry (if the browser kept it), then make this build's. */
    reinstalled() {
      queue = queue.then(() => forgetParse(area)).catch(() => {});
      return warmSoon();
    },
    /** For storage.onChanged: the stored profiles or the settings changed. @param {Record<string, unknown>} changes */
    storageChanged(changes) {
      if (META_KEY in changes || SETTINGS_KEY in changes) void warmSoon();
    },
  };
}
