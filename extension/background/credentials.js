// The credentials the user enters on the workbench for this browser session (DESIGN decision 4).
// Kept ONLY in chrome.storage.session, which lives in memory and is gone when the browser closes,
// at the TRUSTED_CONTEXTS access level (extension pages and this worker; never content scripts).
// Pages can set, clear and see a masked summary; the secret and the token are read back only by
// the service worker's own modules (checks and setup), which sign with them. Nothing here logs.

import { checkCredentials, isSide, summarize } from '../shared/credential-rules.js';
import { CREDENTIALS_CHANGED } from '../shared/messages.js';

/** @typedef {import('../shared/credential-rules.js').Side} Side */
/** @typedef {import('../shared/credential-rules.js').StoredCredentials} StoredCredentials */
/** @typedef {import('../shared/credential-rules.js').CredentialSummary} CredentialSummary */
/** @typedef {import('../shared/credential-rules.js').CredentialProblem} CredentialProblem */

/** One storage.session item per side. */
export const CREDENTIALS_KEYS = Object.freeze({ a: 'rolehop.credentials.a', b: 'rolehop.credentials.b' });

/**
 * @typedef {{a: CredentialSummary | null, b: CredentialSummary | null, storage: 'session'}} CredentialsStatus
 */

/**
 * Pins storage.session to trusted contexts. TRUSTED_CONTEXTS is already the default; setting it at
 * every worker start keeps it so even if something ever widened it. Firefox has no setAccessLevel
 * (its storage.session is never exposed to content scripts), so the call is skipped there.
 * @returns {Promise<void>}
 */
export async function restrictSessionStorage() {
  const session = chrome.storage.session;
  if (typeof session.setAccessLevel !== 'function') return;
  await session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}

/**
 * Tells the open extension pages whenever a side's credentials change, whoever changed them (the
 * workbench in another tab, the popup, a test): they ask for the masked status again, so a page
 * never offers Verify on credentials that are gone or hides it for ones just entered elsewhere.
 * The message names no side and carries no value.
 */
export function announceCredentialChanges() {
  const keys = Object.values(CREDENTIALS_KEYS);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'session' || !keys.some((key) => key in changes)) return;
    // Rejects when no page is open to hear it: nobody to tell.
    chrome.runtime.sendMessage({ type: CREDENTIALS_CHANGED }).catch(() => {});
  });
}

/**
 * Stores one side's credentials after checking them.
 * @param {unknown} side
 * @param {unknown} input
 * @returns {Promise<CredentialsStatus | {error: {kind: 'invalid-credentials', message: string, problems: CredentialProblem[]}}>}
 */
export async function setCredentials(side, input) {
  if (!isSide(side)) {
    const message = `side must be "a" (company A) or "b" (company B), got ${JSON.stringify(side)}`;
    return { error: { kind: 'invalid-credentials', message, problems: [{ field: 'side', code: 'side', message }] } };
  }
  const checked = checkCredentials(input, Date.now());
  if (!checked.ok) {
    const message = checked.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    return { error: { kind: 'invalid-credentials', message, problems: checked.problems } };
  }
  await chrome.storage.session.set({ [CREDENTIALS_KEYS[side]]: checked.value });
  return credentialsStatus();
}

/**
 * Forgets one side's credentials, or both.
 * @param {unknown} side `a`, `b` or `all`
 * @returns {Promise<CredentialsStatus | {error: {kind: 'invalid-credentials', message: string, problems: CredentialProblem[]}}>}
 */
export async function clearCredentials(side) {
  if (side !== 'all' && !isSide(side)) {
    const message = `side must be "a", "b" or "all", got ${JSON.stringify(side)}`;
    return { error: { kind: 'invalid-credentials', message, problems: [{ field: 'side', code: 'side', message }] } };
  }
  const keys = side === 'all' ? Object.values(CREDENTIALS_KEYS) : [CREDENTIALS_KEYS[side]];
  await chrome.storage.session.remove(keys);
  return credentialsStatus();
}

/** What pages may know: kind, masked key ID, expiration. @returns {Promise<CredentialsStatus>} */
export async function credentialsStatus() {
  const [a, b] = await Promise.all([readCredentials('a'), readCredentials('b')]);
  return { a: a && summarize(a), b: b && summarize(b), storage: 'session' };
}

/**
 * The full credentials of one side, for signing inside the service worker ONLY. Never put the
 * result in a message to a page, a log line or another storage area.
 * @param {Side} side
 * @returns {Promise<StoredCredentials | null>}
 */
export async function readCredentials(side) {
  const key = CREDENTIALS_KEYS[side];
  const items = await chrome.storage.session.get(key);
  const stored = items[key];
  return isStored(stored) ? stored : null;
}

/** @param {unknown} value @returns {value is StoredCredentials} */
function isStored(value) {
  if (typeof value !== 'object' || value === null) return false;
  const v = /** @type {Record<string, unknown>} */ (value);
  return (v.kind === 'access-key' || v.kind === 'sts') && typeof v.accessKeyId === 'string' && typeof v.accessKeySecret === 'string';
}
