// Firefox containers for Open console: each profile gets its own container (its own cookies, so
// its own console session), named and coloured after the profile and reused on the next open.
// Chromium has no containers: there the console opens in a normal tab and replaces the session.

/** The name of a profile's container: the display name, marked as RoleHop's. */
const CONTAINER_PREFIX = 'RoleHop: ';

/** Firefox's container colours with their RGB, to pick the nearest to a profile's colour. */
/** @type {Array<[string, number[]]>} */
const COLOURS = [
  ['blue', [55, 173, 255]],
  ['turquoise', [0, 199, 154]],
  ['green', [81, 205, 0]],
  ['yellow', [255, 203, 0]],
  ['orange', [255, 159, 0]],
  ['red', [255, 97, 58]],
  ['pink', [255, 75, 218]],
  ['purple', [175, 81, 245]],
];

/**
 * The container of `profile` (created at its first open), or null without containers (Chromium).
 * Throws when Firefox has containers turned off.
 * @param {{displayName: string, color?: string}} profile
 * @returns {Promise<{cookieStoreId: string, name: string} | null>}
 */
export async function containerFor(profile) {
  const api = /** @type {any} */ (chrome).contextualIdentities;
  if (!api) return null;
  const name = `${CONTAINER_PREFIX}${profile.displayName}`;
  const found = (await api.query({ name })).find((/** @type {{name: string}} */ c) => c.name === name);
  const container = found ?? (await api.create({ name, color: nearestColour(profile.color), icon: 'briefcase' }));
  return { cookieStoreId: container.cookieStoreId, name };
}

/**
 * Firefox's container colour nearest to `#rrggbb` (blue when none is given).
 * @param {string | undefined} hex
 */
function nearestColour(hex) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return 'blue';
  const rgb = [m[1], m[2], m[3]].map((h) => parseInt(/** @type {string} */ (h), 16));
  let best = /** @type {[string, number[]]} */ (COLOURS[0]);
  let bestDistance = Infinity;
  for (const entry of COLOURS) {
    const d = entry[1].reduce((sum, c, i) => sum + (c - /** @type {number} */ (rgb[i])) ** 2, 0);
    if (d < bestDistance) {
      best = entry;
      bestDistance = d;
    }
  }
  return best[0];
}
