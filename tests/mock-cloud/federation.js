// Console sign-in from STS credentials: `https://signin.aliyun.com/federation` (and
// signin.alibabacloud.com), as Alibaba's API reference documents GetSigninToken
// (help.aliyun.com/document_detail/91913) and Login (…/91914): no signature; GetSigninToken's
// parameters only as a form-encoded body; the token lives 30 s and works once; Login answers 302
// to the Destination with a console session. Errors: 400 InvalidAction, 400
// MissingParameter.<name>, 401 InvalidCredential.AuthenticateFail.

import { ApiError, rpcReply, rpcRequestId } from './responses.js';
import { randomToken } from './world.js';

/** @typedef {import('./responses.js').Reply} Reply */
/** @typedef {import('./world.js').World} World */

export const SIGNIN_HOSTS = ['signin.aliyun.com', 'signin.alibabacloud.com'];
/** The documented lifetime of a sign-in token. */
export const SIGNIN_TOKEN_MS = 30_000;
/** The console session's cookie (the mock's own name: the real one is not documented). */
export const CONSOLE_COOKIE = 'mock_console_ticket';

const refused = () => new ApiError(401, 'InvalidCredential.AuthenticateFail', 'The credential you provided is invalid.');
/** @param {string} name */
const missing = (name) => new ApiError(400, `MissingParameter.${name}`, `The parameter ${name} is missing.`);

/** Destination and LoginUrl: official Alibaba Cloud https addresses only. @param {string} text */
function official(text) {
  try {
    const url = new URL(text);
    const host = url.hostname;
    return url.protocol === 'https:' && url.port === '' && url.username === '' &&
      ['aliyun.com', 'alibabacloud.com'].some((d) => host === d || host.endsWith(`.${d}`));
  } catch {
    return false;
  }
}

/**
 * Answers one federation request.
 * @param {{world: World, host: string, method: string, url: URL, contentType: string, body: string, now: number}} request
 * @returns {Reply}
 */
export function handleFederation({ world, host, method, url, contentType, body, now }) {
  const requestId = rpcRequestId();
  const date = new Date(now);
  try {
    if (url.pathname !== '/federation') throw new ApiError(404, 'InvalidAction', `The mock answers ${host}/federation only.`);
    const form = method === 'POST' && contentType.split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded'
      ? new URLSearchParams(body)
      : new URLSearchParams();
    const action = form.get('Action') ?? url.searchParams.get('Action');
    if (action === 'GetSigninToken') {
      // Parameters count only in a form body: in the query (or another body) they are missing.
      return rpcReply(200, { RequestId: requestId, SigninToken: getSigninToken(world, form, now) }, requestId, date);
    }
    if (action === 'Login' && method === 'GET') return login(world, host, url.searchParams, now, date);
    throw new ApiError(400, 'InvalidAction', `The action ${action ?? ''} is invalid.`);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return rpcReply(e.status, { RequestId: requestId, Code: e.code, Message: e.message }, requestId, date);
  }
}

/** @param {World} world @param {URLSearchParams} form @param {number} now */
function getSigninToken(world, form, now) {
  for (const name of ['AccessKeyId', 'AccessKeySecret', 'SecurityToken', 'TicketType']) {
    if (!form.get(name)) throw missing(name);
  }
  if (form.get('TicketType') !== 'mini') throw new ApiError(400, 'InvalidParameter.TicketType', 'The parameter TicketType must be mini.');
  const session = world.sessions.get(form.get('AccessKeyId') ?? '');
  if (!session || session.secret !== form.get('AccessKeySecret') || session.token !== form.get('SecurityToken')) throw refused();
  if (now >= session.expiresMs) throw refused();
  const token = randomToken(64);
  world.signinTokens.set(token, { session, expiresMs: now + SIGNIN_TOKEN_MS, used: false });
  return token;
}

/** @param {World} world @param {string} host @param {URLSearchParams} query @param {number} now @param {Date} date @returns {Reply} */
function login(world, host, query, now, date) {
  const loginUrl = query.get('LoginUrl');
  if (!loginUrl) throw missing('LoginUrl');
  const token = query.get('SigninToken');
  if (!token) throw missing('SigninToken');
  const destination = query.get('Destination');
  if (!destination) throw missing('Destination');
  if (!official(destination)) throw new ApiError(400, 'InvalidParameter.Destination', 'The Destination must be an official Alibaba Cloud address.');
  const issued = world.signinTokens.get(token);
  if (!issued || issued.used || now >= issued.expiresMs || now >= issued.session.expiresMs) throw refused();
  issued.used = true;
  const ticket = randomToken(40);
  world.consoleSessions.set(ticket, { session: issued.session, loginUrl, createdMs: now });
  const domain = host.endsWith('alibabacloud.com') ? '.alibabacloud.com' : '.aliyun.com';
  return {
    status: 302,
    headers: {
      location: destination,
      'set-cookie': `${CONSOLE_COOKIE}=${ticket}; Domain=${domain}; Path=/; Secure; HttpOnly; SameSite=Lax`,
      date: date.toUTCString(),
    },
    body: '',
  };
}
