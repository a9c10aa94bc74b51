// The mock's federation endpoints as documented (GetSigninToken, Login): parameters only from a
// form-encoded POST body, the documented errors, and Login's redirect only to an official
// Destination. The CLI's tests (console-cli.test.js) cover the token's single use and lifetime.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { startMockCloud } from './index.js';
import { assumeRole } from './sdk-clients.js';

/**
 * @param {import('./index.js').MockCloud} cloud @param {string} method @param {string} url
 * @param {{type?: string, body?: string}} [send]
 * @returns {Promise<{status: number, headers: import('node:http').IncomingHttpHeaders, body: string}>}
 */
function call(cloud, method, url, { type, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: cloud.agent(), headers: type ? { 'content-type': type } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const FORM = 'application/x-www-form-urlencoded';
const FEDERATION = 'https://signin.aliyun.com/federation';

test('GetSigninToken: a form POST only; the documented errors', async (t) => {
  const cloud = await startMockCloud({ scenario: 'happy-path' });
  t.after(() => cloud.close());
  const sts = await assumeRole(cloud, cloud.credentials.B.users.alice, 'acs:ram::1746205010153210:role/admin-oss');
  const params = new URLSearchParams({ Action: 'GetSigninToken', AccessKeyId: sts.accessKeyId, AccessKeySecret: sts.accessKeySecret, SecurityToken: sts.securityToken, TicketType: 'mini' });

  const ok = await call(cloud, 'POST', FEDERATION, { type: FORM, body: params.toString() });
  assert.equal(ok.status, 200);
  const answer = JSON.parse(ok.body);
  assert.deepEqual(Object.keys(answer).sort(), ['RequestId', 'SigninToken']);

  const inQuery = await call(cloud, 'POST', `${FEDERATION}?${params}`, { type: 'application/json', body: '{}' });
  assert.equal(inQuery.status, 400);
  assert.equal(JSON.parse(inQuery.body).Code, 'MissingParameter.AccessKeyId', 'parameters outside a form body do not count');

  const wrong = new URLSearchParams(params);
  wrong.set('AccessKeySecret', 'not-the-secret');
  const refused = await call(cloud, 'POST', FEDERATION, { type: FORM, body: wrong.toString() });
  assert.equal(refused.status, 401);
  assert.deepEqual(JSON.parse(refused.body).Code, 'InvalidCredential.AuthenticateFail');

  const unknown = await call(cloud, 'POST', FEDERATION, { type: FORM, body: 'Action=Nope' });
  assert.equal(unknown.status, 400);
  assert.equal(JSON.parse(unknown.body).Code, 'InvalidAction');

  // Login: missing parameters by name, and only an official Destination.
  const token = answer.SigninToken;
  const login = (/** @type {Record<string, string>} */ q) => call(cloud, 'GET', `${FEDERATION}?${new URLSearchParams({ Action: 'Login', ...q })}`);
  assert.equal(JSON.parse((await login({ SigninToken: token, Destination: 'https://oss.console.aliyun.com/' })).body).Code, 'MissingParameter.LoginUrl');
  assert.equal(JSON.parse((await login({ LoginUrl: 'https://home.console.aliyun.com/', Destination: 'https://oss.console.aliyun.com/' })).body).Code, 'MissingParameter.SigninToken');
  const evil = await login({ LoginUrl: 'https://home.console.aliyun.com/', Destination: 'https://evil.example/', SigninToken: token });
  assert.equal(evil.status, 400);
  const good = await login({ LoginUrl: 'https://home.console.aliyun.com/', Destination: 'https://oss.console.aliyun.com/', SigninToken: token });
  assert.equal(good.status, 302, 'a refused Destination does not use up the token');
  assert.equal(good.headers.location, 'https://oss.console.aliyun.com/');
});
