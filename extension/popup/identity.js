// The identity the console shows in the current tab, as RoleHop's console content script reads it.
// No content script there (not a console page, or not loaded yet) means no answer: that is normal,
// never an error.

/**
 * @typedef {object} ConsoleIdentity
 * @property {string} [accountUid]
 * @property {string} [accountType] `main` | `sub` | `sts` as the console says
 * @property {string} [roleName]
 * @property {string} [sessionName]
 * @property {string} source where the content script read it
 */

/** The console renders its top bar late: an STS identity without its role is asked again. */
const ASK_AGAIN_MS = [300, 1000];

/**
 * @param {number | undefined} tabId
 * @returns {Promise<ConsoleIdentity | null>}
 */
export async function askIdentity(tabId) {
  let identity = await askOnce(tabId);
  for (const ms of ASK_AGAIN_MS) {
    if (!identity || identity.accountType !== 'sts' || identity.roleName) break;
    await new Promise((resolve) => setTimeout(resolve, ms));
    identity = (await askOnce(tabId)) ?? identity;
  }
  return identity;
}

/** @param {number | undefined} tabId @returns {Promise<ConsoleIdentity | null>} */
async function askOnce(tabId) {
  if (tabId === undefined) return null;
  try {
    const answer = await chrome.tabs.sendMessage(tabId, { type: 'identity.get' }, { frameId: 0 });
    return validIdentity(answer);
  } catch {
    return null; // no receiver in that tab
  }
}

const FIELDS = ['accountUid', 'accountType', 'roleName', 'sessionName', 'source'];

/**
 * The answer's known string fields (short, trimmed), or null when it names no identity. What a
 * page hands over is data to show as text, never markup.
 * @param {unknown} answer
 * @returns {ConsoleIdentity | null}
 */
export function validIdentity(answer) {
  if (typeof answer !== 'object' || answer === null) return null;
  /** @type {Record<string, string>} */
  const out = {};
  for (const field of FIELDS) {
    const value = /** @type {Record<string, unknown>} */ (answer)[field];
    if (typeof value === 'string' && value.trim() && value.length <= 128) out[field] = value.trim();
  }
  if (!out.accountUid && !out.roleName) return null;
  return /** @type {ConsoleIdentity} */ ({ source: 'unknown', ...out });
}

/**
 * Whether the console says the tab is in a switched identity (an STS session: a role switched to),
 * where "Back to my identity" has somewhere to go back from.
 * @param {ConsoleIdentity} identity
 */
export function isSwitched(identity) {
  return identity.accountType === 'sts';
}

/**
 * The profile the identity belongs to, if any: same role in the same account.
 * @param {ConsoleIdentity} identity
 * @param {import('./search.js').Profile[]} profiles
 */
export function profileOfIdentity(identity, profiles) {
  if (!identity.roleName || !identity.accountUid) return null;
  const role = identity.roleName.toLowerCase();
  return (
    profiles.find(
      (p) =>
        p.roleName.toLowerCase() === role && (p.accountUid === identity.accountUid || p.account === identity.accountUid),
    ) ?? null
  );
}
