// What every signed request of the service worker needs besides the core: the credentials in the
// shape the core signs with, the secrets transport.js must keep out of requests, the request time,
// and a bounded wait between attempts. Shared by the checks runner and the setup runner.

/** @typedef {import('../shared/contract').ApiCredentials} ApiCredentials */
/** @typedef {import('../shared/credential-rules.js').StoredCredentials} StoredCredentials */

/** The longest wait honoured between attempts, whatever a plan says. */
const MAX_DELAY_MS = 10_000;

/** @param {StoredCredentials} stored @returns {ApiCredentials} */
export function signingCredentials(stored) {
  return stored.securityToken
    ? { accessKeyId: stored.accessKeyId, accessKeySecret: stored.accessKeySecret, securityToken: stored.securityToken }
    : { accessKeyId: stored.accessKeyId, accessKeySecret: stored.accessKeySecret };
}

/**
 * Every secret and token in play, for transport.js's decision-4 check.
 * @param {...(StoredCredentials | ApiCredentials | null)} all
 * @returns {import('./transport.js').Secrets}
 */
export function allSecrets(...all) {
  const present = all.filter((c) => c !== null);
  return {
    accessKeySecrets: present.map((c) => c.accessKeySecret).filter(Boolean),
    securityTokens: present.map((c) => c.securityToken ?? '').filter(Boolean),
  };
}

/** The request time for the core: ISO 8601 UTC to the second (`2026-01-01T00:00:00Z`). */
export function nowIso() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Waits as a retry plan says, never longer than MAX_DELAY_MS (a bad value waits not at all).
 * @param {unknown} requested milliseconds
 * @param {AbortSignal} [signal]
 * @returns {Promise<void>}
 */
export function boundedDelay(requested, signal) {
  const ms = Math.min(Math.max(0, Number(requested) || 0), MAX_DELAY_MS);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
