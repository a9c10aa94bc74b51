// Recently used profiles: storage.local `rolehop.recent` = {[profileId]: lastUsedMs}. Local, not
// sync: what one browser used last says nothing about another.

export const RECENT_KEY = 'rolehop.recent';
/** Older uses than the most recent this many are forgotten, so the item stays small. */
const KEEP = 50;

/** @returns {Promise<Record<string, number>>} */
export async function loadRecent() {
  const value = (await chrome.storage.local.get(RECENT_KEY))[RECENT_KEY];
  return validRecent(value);
}

/**
 * Notes that `profileId` was used now.
 * @param {string} profileId
 * @param {number} [now]
 */
export async function markUsed(profileId, now = Date.now()) {
  const recent = { ...(await loadRecent()), [profileId]: now };
  const kept = Object.entries(recent)
    .sort((a, b) => b[1] - a[1])
    .slice(0, KEEP);
  await chrome.storage.local.set({ [RECENT_KEY]: Object.fromEntries(kept) });
}

/**
 * Only finite numbers survive: the item may have been written by another version.
 * @param {unknown} value
 * @returns {Record<string, number>}
 */
export function validRecent(value) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  /** @type {Record<string, number>} */
  const out = {};
  for (const [id, at] of Object.entries(value)) {
    if (typeof at === 'number' && Number.isFinite(at)) out[id] = at;
  }
  return out;
}
