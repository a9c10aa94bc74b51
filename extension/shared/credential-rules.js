// What RoleHop accepts as credentials, and how an AccessKey ID is shown once stored. Pure (no
// chrome.*): the workbench validates its form live with it, and the service worker checks again
// before anything is stored (a page is never trusted to have validated).

/** @typedef {'a' | 'b'} Side */
/** @typedef {'access-key' | 'sts'} CredentialKind */

/**
 * Credentials as the service worker keeps them (chrome.storage.session only).
 * @typedef {object} StoredCredentials
 * @property {CredentialKind} kind
 * @property {string} accessKeyId
 * @property {string} accessKeySecret
 * @property {string} [securityToken] STS only
 * @property {string} [expiration] STS only, ISO 8601 UTC, when the user gave it
 * @property {number} savedAt milliseconds since the epoch
 */

/**
 * What a page may learn about stored credentials: never the secret or the token, and the key ID
 * only masked.
 * @typedef {object} CredentialSummary
 * @property {CredentialKind} kind
 * @property {string} accessKeyId masked, e.g. `LTAI****abcd`
 * @property {string} [expiration]
 * @property {number} savedAt
 */

/**
 * @typedef {object} CredentialProblem
 * @property {'accessKeyId' | 'accessKeySecret' | 'securityToken' | 'expiration' | 'side'} field
 * @property {string} code stable; pages show `workbenchCred_<code>` from the locale catalog
 * @property {string} message English, for logs of tests and the service worker's answer
 */

// AccessKey IDs are letters and digits (`LTAI…`; STS ones `STS.…`); secrets and tokens are
// visible ASCII (secrets: letters and digits; tokens: Base64 with `+/=`). Limits are generous
// upper bounds, not the cloud's exact lengths, so a valid key is never refused.
const KEY_ID = /^(?:STS\.)?[A-Za-z0-9]{8,128}$/;
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const MIN_SECRET = 8;
const MAX_SECRET = 256;
const MAX_TOKEN = 8192;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/**
 * Checks one side's credentials as typed into the form. Surrounding whitespace (a copy-paste
 * habit) is trimmed; nothing else is changed.
 * @param {unknown} input `{accessKeyId, accessKeySecret, securityToken?, expiration?}`
 * @param {number} now milliseconds since the epoch (stamped as savedAt)
 * @returns {{ok: true, value: StoredCredentials} | {ok: false, problems: CredentialProblem[]}}
 */
export function checkCredentials(input, now) {
  /** @type {CredentialProblem[]} */
  const problems = [];
  const fields = typeof input === 'object' && input !== null ? /** @type {Record<string, unknown>} */ (input) : {};
  for (const name of Object.keys(fields)) {
    if (!['accessKeyId', 'accessKeySecret', 'securityToken', 'expiration'].includes(name)) {
      problems.push(problem('side', 'unknown-field', `unexpected field "${name}": credentials take accessKeyId, accessKeySecret, securityToken and expiration`));
    }
  }
  const accessKeyId = text(fields.accessKeyId);
  const accessKeySecret = text(fields.accessKeySecret);
  const securityToken = text(fields.securityToken);
  const expiration = text(fields.expiration);
  const isSts = securityToken !== '' || accessKeyId.startsWith('STS.');

  if (accessKeyId === '') problems.push(problem('accessKeyId', 'id-missing', 'the AccessKey ID is empty'));
  else if (!KEY_ID.test(accessKeyId)) {
    problems.push(problem('accessKeyId', 'id-shape', 'an AccessKey ID is 8-128 letters and digits (STS ones start with "STS.")'));
  }
  if (accessKeySecret === '') problems.push(problem('accessKeySecret', 'secret-missing', 'the AccessKey secret is empty'));
  else if (!VISIBLE_ASCII.test(accessKeySecret) || accessKeySecret.length < MIN_SECRET || accessKeySecret.length > MAX_SECRET) {
    problems.push(problem('accessKeySecret', 'secret-shape', `an AccessKey secret is ${MIN_SECRET}-${MAX_SECRET} visible ASCII characters without spaces`));
  }
  if (isSts) {
    if (!accessKeyId.startsWith('STS.') && accessKeyId !== '') {
      problems.push(problem('accessKeyId', 'sts-id-prefix', 'a security token goes with an STS AccessKey ID, which starts with "STS."'));
    }
    if (securityToken === '') {
      problems.push(problem('securityToken', 'token-missing', 'an STS AccessKey ID ("STS.…") needs its security token'));
    } else if (!VISIBLE_ASCII.test(securityToken) || securityToken.length > MAX_TOKEN) {
      problems.push(problem('securityToken', 'token-shape', `a security token is 1-${MAX_TOKEN} visible ASCII characters without spaces`));
    }
    if (expiration !== '' && (!ISO_UTC.test(expiration) || Number.isNaN(Date.parse(expiration)))) {
      problems.push(problem('expiration', 'expiration-shape', 'the expiration is ISO 8601 UTC, e.g. 2026-01-01T12:00:00Z (or leave it empty)'));
    }
  } else if (expiration !== '') {
    problems.push(problem('expiration', 'expiration-without-token', 'only STS credentials expire; leave the expiration empty for an AccessKey'));
  }
  if (problems.length > 0) return { ok: false, problems };

  /** @type {StoredCredentials} */
  const value = { kind: isSts ? 'sts' : 'access-key', accessKeyId, accessKeySecret, savedAt: now };
  if (isSts) value.securityToken = securityToken;
  if (isSts && expiration !== '') value.expiration = expiration;
  return { ok: true, value };
}

/**
 * `LTAI5tAbCdEf1234abcd` -> `LTAI****abcd`: enough to recognise a key, too little to use it. Short
 * IDs show only their last two characters, so a mask never reveals half of an ID.
 * @param {string} accessKeyId
 */
export function maskAccessKeyId(accessKeyId) {
  if (accessKeyId.length >= 12) return `${accessKeyId.slice(0, 4)}****${accessKeyId.slice(-4)}`;
  if (accessKeyId.length >= 6) return `****${accessKeyId.slice(-2)}`;
  return '****';
}

/**
 * What a page may see of stored credentials.
 * @param {StoredCredentials} stored
 * @returns {CredentialSummary}
 */
export function summarize(stored) {
  /** @type {CredentialSummary} */
  const summary = { kind: stored.kind, accessKeyId: maskAccessKeyId(stored.accessKeyId), savedAt: stored.savedAt };
  if (stored.expiration) summary.expiration = stored.expiration;
  return summary;
}

/** @param {unknown} value @returns {value is Side} */
export function isSide(value) {
  return value === 'a' || value === 'b';
}

/** @param {unknown} value */
function text(value) {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * @param {CredentialProblem['field']} field
 * @param {string} code
 * @param {string} message
 * @returns {CredentialProblem}
 */
function problem(field, code, message) {
  return { field, code, message };
}
