// The console the federation Login lands on (`*.console.aliyun.com`, `*.console.alibabacloud.com`):
// a page that says who is signed in, from the console session Login set as a cookie, and defines
// ALIYUN_CONSOLE_CONFIG as the real console does (so RoleHop's identity badge reads it), plus one
// write the page can try (`POST /mock-api/PutObject?bucket=&key=`), authorized like the OSS API:
// the role's policies AND the session policy, so a read-only session cannot write.

import { CONSOLE_COOKIE } from './federation.js';
import { authorize } from './authorize.js';

/** @typedef {import('./responses.js').Reply} Reply */
/** @typedef {import('./world.js').World} World */

/** @param {string} host */
export function isConsoleHost(host) {
  return /^[a-z0-9-]+\.console\.(aliyun|alibabacloud)\.com$/.test(host);
}

/**
 * Answers one console request.
 * @param {{world: World, method: string, url: URL, cookie: string}} request
 * @returns {Reply}
 */
export function handleConsole({ world, method, url, cookie }) {
  const ticket = new RegExp(`(?:^|;\\s*)${CONSOLE_COOKIE}=(\\w+)`).exec(cookie)?.[1];
  const signedIn = ticket ? world.consoleSessions.get(ticket) : undefined;
  const session = signedIn?.session;
  if (method === 'POST' && url.pathname === '/mock-api/PutObject') {
    if (!session) return json(401, { Code: 'NotLoggedIn' });
    const resource = `acs:oss:*:${session.account.uid}:${url.searchParams.get('bucket')}/${url.searchParams.get('key')}`;
    const decision = authorize(world, /** @type {any} */ ({ kind: 'session', account: session.account, session }), { action: 'oss:PutObject', resource, context: {} });
    return decision === 'Allow' ? json(200, { ok: true }) : json(403, { Code: 'AccessDenied', Decision: decision });
  }
  if (!session) return html(200, '<h1 id="identity">Not signed in</h1>');
  const arn = `acs:ram::${session.account.uid}:role/${session.roleName}/${session.sessionName}`;
  const config = { ACCOUNT_TYPE: 'sts', CURRENT_PK: session.account.uid, MAIN_ACCOUNT_PK: session.account.uid };
  return html(200, `<script>window.ALIYUN_CONSOLE_CONFIG = ${JSON.stringify(config)};</script>
<h1 id="identity">${arn}</h1><p id="read-only">${session.policy ? 'session policy' : 'no session policy'}</p>`);
}

/** @param {number} status @param {string} body @returns {Reply} */
function html(status, body) {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html><html><head><title>Mock console</title></head><body>${body}</body></html>` };
}

/** @param {number} status @param {object} body @returns {Reply} */
function json(status, body) {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
