// Sends one request built by the core (`{method, url, headers, body}`) and hands back what the
// server said, with the facts the diagnosis needs (status, Date header, request id).
//
// DESIGN decision 6 is enforced here, on every request, whatever built it: the URL must be
// https://<something>.aliyuncs.com; an AccessKey secret must not appear anywhere in the request
// (only signatures made with it); an STS token may appear only as the RPC `SecurityToken`
// parameter or the OSS `x-oss-security-token` header. A request that breaks a rule is refused
// before it leaves, and redirects are refused too (a token never follows one). The core's own
// endpoint rule (crate/src/endpoint.rs) is narrower for OSS; this check is the last line whatever
// built the request. Presigned URLs (`sign` kind `oss-presign`) are handed to the person, never
// fetched here: their `security-token` query parameter would be refused like any misplaced token.
// The one other request: Open console's GetSigninToken, which the federation endpoint documents
// as a form POST of the assumed role session's own AccessKeyId, secret and token; it has its own
// check (assertSigninTokenRequest): that endpoint only, those five fields, never your own keys.

/** @typedef {import('../shared/contract').BuiltRequest} BuiltRequest */
/** @typedef {import('../shared/contract').FormRequest} FormRequest */

/**
 * @typedef {object} Secrets
 * @property {string[]} accessKeySecrets every secret the request may have been signed with
 * @property {string[]} securityTokens every STS token in play
 */

/**
 * @typedef {object} Received
 * @property {number} status
 * @property {Record<string, string>} headers lower-case names
 * @property {string} body
 * @property {string | null} serverDate the `Date` header, as sent
 * @property {string | null} requestId `x-oss-request-id`, or the RPC body's RequestId
 */

/** @typedef {{networkError: string}} NetworkFailure */

/** Why a request was refused before it was sent. */
export class UnsafeRequestError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'UnsafeRequestError';
  }
}

const ALLOWED_HOST_SUFFIX = '.aliyuncs.com';
const TOKEN_PARAMETER = 'SecurityToken';
const TOKEN_HEADER = 'x-oss-security-token';
/** A request that hangs is reported, not waited for forever. */
const TIMEOUT_MS = 30_000;

/**
 * Throws UnsafeRequestError when `built` would break decision 6.
 * @param {BuiltRequest} built
 * @param {Secrets} secrets
 */
export function assertSafeRequest(built, secrets) {
  let url;
  try {
    url = new URL(built.url);
  } catch {
    throw new UnsafeRequestError('the request URL is not a URL');
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') {
    throw new UnsafeRequestError(`credentials go only to https://*${ALLOWED_HOST_SUFFIX} on the default port, not ${url.origin}`);
  }
  const host = url.hostname.toLowerCase();
  if (!host.endsWith(ALLOWED_HOST_SUFFIX) || host.length <= ALLOWED_HOST_SUFFIX.length) {
    throw new UnsafeRequestError(`credentials go only to *${ALLOWED_HOST_SUFFIX}, not ${host}`);
  }

  const headerEntries = Object.entries(built.headers ?? {});
  const bodyParams = formParameters(built);
  /** Every place a value can travel, with whether an STS token is allowed there. */
  const places = [
    { where: 'the URL path', value: url.pathname, tokenAllowed: false },
    ...[...url.searchParams].map(([name, value]) => ({ where: `the query parameter ${name}`, value: `${name}=${value}`, tokenAllowed: name === TOKEN_PARAMETER && value !== '' })),
    ...headerEntries.map(([name, value]) => ({ where: `the header ${name}`, value: `${name}: ${value}`, tokenAllowed: name.toLowerCase() === TOKEN_HEADER })),
    ...(bodyParams
      ? bodyParams.map(([name, value]) => ({ where: `the body parameter ${name}`, value: `${name}=${value}`, tokenAllowed: name === TOKEN_PARAMETER }))
      : [{ where: 'the body', value: built.body ?? '', tokenAllowed: false }]),
  ];
  // Raw text as well as decoded values: a secret must not hide behind percent-encoding either.
  const rawText = `${built.url}\n${headerEntries.map(([n, v]) => `${n}: ${v}`).join('\n')}\n${built.body ?? ''}`;
  for (const secret of secrets.accessKeySecrets.filter(Boolean)) {
    if (contains(rawText, secret) || places.some((p) => p.value.includes(secret))) {
      throw new UnsafeRequestError('the request would carry an AccessKey secret; only signatures may leave the service worker');
    }
  }
  for (const token of secrets.securityTokens.filter(Boolean)) {
    const misplaced = places.find((p) => !p.tokenAllowed && contains(p.value, token));
    if (misplaced) {
      throw new UnsafeRequestError(`an STS token may travel only as ${TOKEN_PARAMETER} or ${TOKEN_HEADER}, not in ${misplaced.where}`);
    }
  }
}

/** The federation endpoints (console sign-in), exactly. */
const FEDERATION_URLS = ['https://signin.aliyun.com/federation', 'https://signin.alibabacloud.com/federation'];
const SIGNIN_TOKEN_FIELDS = ['Action', 'AccessKeyId', 'AccessKeySecret', 'SecurityToken', 'TicketType'];

/**
 * Throws UnsafeRequestError unless `built` is exactly a GetSigninToken form POST to a federation
 * endpoint carrying the assumed role session `session` (its secret and token, as the documented
 * API takes them) and nothing of `own` (the person's own credentials, which never leave).
 * @param {BuiltRequest | FormRequest} built
 * @param {{accessKeySecret: string, securityToken: string}} session
 * @param {Secrets} own
 */
export function assertSigninTokenRequest(built, session, own) {
  if (built.method !== 'POST' || !FEDERATION_URLS.includes(built.url)) {
    throw new UnsafeRequestError(`a role session goes only by POST to ${FEDERATION_URLS.join(' or ')}`);
  }
  const params = formParameters(built);
  const names = params?.map(([name]) => name) ?? [];
  if (!params || names.length !== SIGNIN_TOKEN_FIELDS.length || !SIGNIN_TOKEN_FIELDS.every((n) => names.includes(n))) {
    throw new UnsafeRequestError(`a GetSigninToken request is a form of exactly ${SIGNIN_TOKEN_FIELDS.join(', ')}`);
  }
  const value = (/** @type {string} */ name) => params.find(([n]) => n === name)?.[1];
  if (value('Action') !== 'GetSigninToken' || value('AccessKeySecret') !== session.accessKeySecret || value('SecurityToken') !== session.securityToken) {
    throw new UnsafeRequestError('a GetSigninToken request carries only the assumed role session');
  }
  const rawText = `${built.url}\n${Object.entries(built.headers ?? {}).map(([n, v]) => `${n}: ${v}`).join('\n')}\n${built.body ?? ''}`;
  for (const secret of [...own.accessKeySecrets, ...own.securityTokens].filter(Boolean)) {
    if (contains(rawText, secret)) throw new UnsafeRequestError('a GetSigninToken request would carry your own credentials');
  }
}

/**
 * Checks and sends one GetSigninToken request (assertSigninTokenRequest); like send otherwise.
 * @param {BuiltRequest | FormRequest} built
 * @param {{accessKeySecret: string, securityToken: string}} session
 * @param {Secrets} own
 * @param {{fetch?: typeof fetch}} [options]
 * @returns {Promise<Received | NetworkFailure>}
 */
export async function sendSigninTokenRequest(built, session, own, options = {}) {
  assertSigninTokenRequest(built, session, own);
  return fetchChecked(built, options);
}

/**
 * Checks and sends one built request. Resolves to what the server answered, or to a network
 * failure (nothing came back); throws only UnsafeRequestError.
 * @param {BuiltRequest} built
 * @param {Secrets} secrets
 * @param {{fetch?: typeof fetch}} [options]
 * @returns {Promise<Received | NetworkFailure>}
 */
export async function send(built, secrets, options = {}) {
  assertSafeRequest(built, secrets);
  return fetchChecked(built, options);
}

/**
 * Sends a request already checked: no cookies, no cache, no redirect followed, bounded in time.
 * @param {BuiltRequest | FormRequest} built
 * @param {{fetch?: typeof fetch}} options
 * @returns {Promise<Received | NetworkFailure>}
 */
async function fetchChecked(built, options) {
  const doFetch = options.fetch ?? fetch;
  let response;
  try {
    response = await doFetch(built.url, {
      method: built.method,
      headers: built.headers,
      body: built.body ?? undefined,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    return { networkError: errorText(e) };
  }
  /** @type {Record<string, string>} */
  const headers = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  let body;
  try {
    body = await response.text();
  } catch (e) {
    return { networkError: errorText(e) };
  }
  return {
    status: response.status,
    headers,
    body,
    serverDate: headers.date ?? null,
    requestId: headers['x-oss-request-id'] ?? headers['x-acs-request-id'] ?? rpcRequestId(body),
  };
}

/** @param {BuiltRequest | FormRequest} built @returns {Array<[string, string]> | null} */
function formParameters(built) {
  const type = Object.entries(built.headers ?? {}).find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  if (built.body === null || built.body === undefined || !type.startsWith('application/x-www-form-urlencoded')) return null;
  return [...new URLSearchParams(built.body)];
}

/** @param {string} text @param {string} secret */
function contains(text, secret) {
  return text.includes(secret) || text.includes(encodeURIComponent(secret));
}

/** @param {string} body */
function rpcRequestId(body) {
  const match = /"RequestId"\s*:\s*"([^"]{1,128})"/.exec(body) ?? /<RequestId>([^<]{1,128})<\/RequestId>/.exec(body);
  return match ? match[1] : null;
}

/**
 * @param {Received | NetworkFailure} answer
 * @returns {answer is NetworkFailure}
 */
export function isNetworkFailure(answer) {
  return 'networkError' in answer;
}

/**
 * A thrown error in its own words (`TypeError: Failed to fetch`): the reason inside a catalog
 * message that says, in the reader's language, what happened.
 * @param {unknown} e
 */
export function errorText(e) {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
