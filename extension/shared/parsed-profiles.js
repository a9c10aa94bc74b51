// The core's parse of the stored profiles, kept in storage.session so the popup can show 2,000
// profiles without decompressing and re-parsing them at every open (most of its open time
// otherwise). storage.session, not local: it is held in memory (a read costs no disk and no
// decoding in the browser), it is closed to content scripts (TRUSTED_CONTEXTS, see
// background/credentials.js), and it starts empty with the browser, so a stale entry never
// outlives a session; the service worker makes it again at start (background/parse-warmer.js). It is derived data, never the source: an entry is used only when it names exactly the
// stored copy (the payload's SHA-256 from the store's pointer), the default site the parse used
// and the build whose core parsed it; anything else, or anything malformed, is a miss and the caller
// parses the text as before. The browser empties storage.session when the extension is updated or
// reloaded, and `build` is in the key besides, so a changed core never reads an old core's output.

// Not under the store's 'rolehop.profiles.' prefix, which is the store's alone.
export const PARSED_PROFILES_KEY = 'rolehop.parsedProfiles';

/** @typedef {import('./contract').Profile} Profile */
/** @typedef {'cn' | 'intl'} Site */

/**
 * What an entry is valid for.
 * @typedef {object} ParsedKey
 * @property {string} sha256 ProfilesMeta.sha256 of the copy that was parsed
 * @property {Site} defaultSite the default site given to profileParse
 * @property {string} build the extension's version (runtime.getManifest().version): the build whose
 *   core parsed it (a reload of an unpacked build keeps the version; the service worker's drop on
 *   install and update covers that)
 */

/**
 * @typedef {object} ParsedEntry
 * @property {Profile[]} profiles
 * @property {number} errorCount how many errors the parse reported (the popup says so)
 */

/**
 * The stored entry, as written: the profiles as JSON text, which the browser hands over and
 * JSON.parse reads faster than the same data as a structured object.
 * @typedef {ParsedKey & {profiles: string, errorCount: number}} StoredEntry
 */

/** A colour as the core writes it (`#rgb`, `#rrggbb` or a CSS colour name, lower-cased): the popup
 * puts it in a CSS custom property, so nothing else (`url(...)`) may come through the cache. */
const COLOR = /^(?:#[0-9a-f]{3}|#[0-9a-f]{6}|[a-z]{3,20})$/;

/** @param {unknown} value @returns {value is Profile} */
function looksLikeProfile(value) {
  if (typeof value !== 'object' || value === null) return false;
  const p = /** @type {Record<string, unknown>} */ (value);
  return (
    typeof p.id === 'string' &&
    typeof p.displayName === 'string' &&
    typeof p.account === 'string' &&
    typeof p.accountKind === 'string' &&
    typeof p.roleName === 'string' &&
    (p.site === 'cn' || p.site === 'intl') &&
    (p.color === undefined || (typeof p.color === 'string' && COLOR.test(p.color)))
  );
}

/**
 * The key of the parse of the stored copy whose pointer says `sha256`, made with `defaultSite`
 * by this build.
 * @param {string} sha256 @param {Site} defaultSite
 * @returns {ParsedKey}
 */
export function keyFor(sha256, defaultSite) {
  return { sha256, defaultSite, build: chrome.runtime.getManifest().version };
}

/** Where the entry lives: storage.session (null in a browser without it: then nothing is cached). */
export function cacheArea() {
  return chrome.storage.session ?? null;
}

/**
 * The cached parse for `key` from the area's items, or null (absent, for another copy, default
 * site or build, or malformed).
 * @param {Record<string, unknown>} items
 * @param {ParsedKey} key
 * @returns {ParsedEntry | null}
 */
export function cachedParse(items, key) {
  const entry = /** @type {Partial<StoredEntry> | undefined} */ (items[PARSED_PROFILES_KEY]);
  if (typeof entry !== 'object' || entry === null) return null;
  if (entry.sha256 !== key.sha256 || entry.defaultSite !== key.defaultSite || entry.build !== key.build) return null;
  if (typeof entry.profiles !== 'string' || !Number.isInteger(entry.errorCount)) return null;
  let profiles;
  try {
    profiles = JSON.parse(entry.profiles);
  } catch {
    return null;
  }
  if (!Array.isArray(profiles) || !profiles.every(looksLikeProfile)) return null;
  return { profiles, errorCount: /** @type {number} */ (entry.errorCount) };
}

/**
 * Keeps `parsed` as the parse for `key`, replacing any other entry. A failure (quota) only means
 * the next open parses again, so it is reported and not thrown.
 * @param {{set: (items: Record<string, unknown>) => Promise<void>}} area cacheArea()
 * @param {ParsedKey} key
 * @param {ParsedEntry} parsed
 * @returns {Promise<boolean>} whether it was written
 */
export async function rememberParse(area, key, parsed) {
  /** @type {StoredEntry} */
  const entry = { ...key, profiles: JSON.stringify(parsed.profiles), errorCount: parsed.errorCount };
  try {
    await area.set({ [PARSED_PROFILES_KEY]: entry });
    return true;
  } catch (error) {
    console.warn(`RoleHop: the parsed profiles were not cached (${error instanceof Error ? error.message : String(error)})`);
    return false;
  }
}

/**
 * Drops the entry (the service worker does on install and update).
 * @param {{remove: (keys: string) => Promise<void>}} area cacheArea()
 */
export async function forgetParse(area) {
  await area.remove(PARSED_PROFILES_KEY);
}
