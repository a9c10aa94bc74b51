// Decision 4 as code, in Node (no browser needed): transport.js refuses any request that would carry
// an AccessKey secret, put an STS token anywhere but SecurityToken / x-oss-security-token, or go
// anywhere but https://*.aliyuncs.com; credential-rules.js accepts and masks credentials; the setup
// preview masks what it shows. The browser tests (checks.test.js) prove the same on the wire.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertSafeRequest, assertSigninTokenRequest, send, UnsafeRequestError } from '../../extension/background/transport.js';
import { checkCredentials, maskAccessKeyId } from '../../extension/shared/credential-rules.js';
import { maskRequest } from '../../extension/background/setup.js';

const SECRET = 'BbAliceSecret000000000000000B2';
const TOKEN = 'CAIS8gF1q6Ft5B2ySjIr5bSEtbQ+LpP0qaZd0vfs2UX/TtZ5nY7h0zz2IHxMeXhpAOEdtvQ2nG1T5v0Ylq==';
const SECRETS = { accessKeySecrets: [SECRET], securityTokens: [TOKEN] };

/** @param {Partial<import('../../extension/shared/contract').BuiltRequest>} over */
function built(over = {}) {
  return {
    method: 'POST',
    url: 'https://sts.aliyuncs.com/',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `AccessKeyId=STS.abc&Action=GetCallerIdentity&SecurityToken=${encodeURIComponent(TOKEN)}&Signature=abc%3D`,
    signing: { stringToSign: 's', signature: 'abc=' },
    ...over,
  };
}

describe('transport: decision 4 before anything is sent', () => {
  test('a signed RPC request with the token as SecurityToken passes', () => {
    assert.doesNotThrow(() => assertSafeRequest(built(), SECRETS));
  });

  test('an OSS request with the token as x-oss-security-token passes', () => {
    const oss = built({ method: 'GET', url: 'https://company-a-reports.oss-cn-hangzhou.aliyuncs.com/?prefix=2024%2F', body: null,
      headers: { 'x-oss-date': 'Thu, 01 Jan 2026 00:00:00 GMT', 'x-oss-security-token': TOKEN, Authorization: 'OSS STS.abc:sig=' } });
    assert.doesNotThrow(() => assertSafeRequest(oss, SECRETS));
  });

  /** @type {Array<[string, Partial<import('../../extension/shared/contract').BuiltRequest>, RegExp]>} */
  const refused = [
    ['another host', { url: 'https://sts.example.com/' }, /only to \*\.aliyuncs\.com, not sts\.example\.com/],
    ['a look-alike host', { url: 'https://sts.aliyuncs.com.evil.example/' }, /not sts\.aliyuncs\.com\.evil\.example/],
    ['the bare domain', { url: 'https://aliyuncs.com/' }, /not aliyuncs\.com/],
    ['plain http', { url: 'http://sts.aliyuncs.com/' }, /https:\/\/\*\.aliyuncs\.com/],
    ['another port', { url: 'https://sts.aliyuncs.com:8443/' }, /default port/],
    ['user info', { url: 'https://u:p@sts.aliyuncs.com/' }, /default port/],
    ['the secret in the body', { body: `AccessKeySecret=${SECRET}` }, /AccessKey secret/],
    ['the secret percent-encoded in the URL', { url: `https://sts.aliyuncs.com/?x=${encodeURIComponent(SECRET)}` }, /AccessKey secret/],
    ['the secret in a header', { headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'x-debug': SECRET } }, /AccessKey secret/],
    ['the token in another parameter', { body: `Token=${encodeURIComponent(TOKEN)}` }, /not in the body parameter Token/],
    ['the token in another header', { headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: TOKEN }, body: null }, /not in the header Authorization/],
    ['the token in the path', { url: `https://sts.aliyuncs.com/${encodeURIComponent(TOKEN)}`, body: null }, /not in the URL path/],
    ['the token in a non-form body', { headers: { 'Content-Type': 'application/json' } }, /not in the body/],
  ];
  for (const [what, over, reason] of refused) {
    test(`refuses ${what}`, () => {
      assert.throws(() => assertSafeRequest(built(over), SECRETS), (e) => e instanceof UnsafeRequestError && reason.test(e.message));
    });
  }

  test('a refused request never reaches fetch', async () => {
    let called = false;
    const fakeFetch = /** @type {typeof fetch} */ (async () => { called = true; return new Response(''); });
    await assert.rejects(send(built({ url: 'https://example.com/' }), SECRETS, { fetch: fakeFetch }), UnsafeRequestError);
    assert.equal(called, false);
  });

  test('fetch is asked for no cookies, no redirects, no cache, no referrer; Date and request id are kept', async () => {
    /** @type {RequestInit | undefined} */
    let init;
    const fakeFetch = /** @type {typeof fetch} */ (async (_url, i) => {
      init = i;
      return new Response('{"RequestId":"ABC-1"}', { status: 200, headers: { Date: 'Thu, 01 Jan 2026 00:20:03 GMT' } });
    });
    const answer = await send(built(), SECRETS, { fetch: fakeFetch });
    assert.equal(init?.credentials, 'omit');
    assert.equal(init?.redirect, 'error');
    assert.equal(init?.cache, 'no-store');
    assert.equal(init?.referrerPolicy, 'no-referrer');
    assert.deepEqual('status' in answer && [answer.status, answer.serverDate, answer.requestId], [200, 'Thu, 01 Jan 2026 00:20:03 GMT', 'ABC-1']);
  });

  test('a network failure is an answer, not an exception', async () => {
    const failing = /** @type {typeof fetch} */ (async () => { throw new TypeError('Failed to fetch'); });
    assert.deepEqual(await send(built(), SECRETS, { fetch: failing }), { networkError: 'TypeError: Failed to fetch' });
  });
});

describe('credential rules', () => {
  test('an AccessKey pair, trimmed', () => {
    const checked = checkCredentials({ accessKeyId: ' LTAI5tBbAlice000000000B2 ', accessKeySecret: `${SECRET}\n` }, 7);
    assert.deepEqual(checked, { ok: true, value: { kind: 'access-key', accessKeyId: 'LTAI5tBbAlice000000000B2', accessKeySecret: SECRET, savedAt: 7 } });
  });

  test('STS credentials with token and expiration', () => {
    const checked = checkCredentials({ accessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez2', accessKeySecret: SECRET, securityToken: TOKEN, expiration: '2026-01-01T00:00:00Z' }, 0);
    assert.ok(checked.ok);
    assert.equal(checked.value.kind, 'sts');
    assert.equal(checked.value.expiration, '2026-01-01T00:00:00Z');
  });

  test('every problem at once, by field and stable code', () => {
    const checked = checkCredentials({ accessKeyId: 'LTAI5tBbAlice000000000B2', accessKeySecret: 'short', securityToken: 'has space', expiration: 'soon', extra: 1 }, 0);
    assert.ok(!checked.ok);
    assert.deepEqual(checked.problems.map((p) => `${p.field}:${p.code}`), [
      'side:unknown-field', 'accessKeySecret:secret-shape', 'accessKeyId:sts-id-prefix', 'securityToken:token-shape', 'expiration:expiration-shape',
    ]);
  });

  test('masks show four and four, and less of short IDs', () => {
    assert.equal(maskAccessKeyId('LTAI5tAbCdEf1234abcd'), 'LTAI****abcd');
    assert.equal(maskAccessKeyId('STS.NUgYrLnoC37mZZCNnAbez2'), 'STS.****bez2');
    assert.equal(maskAccessKeyId('ABCDEFGH'), '****GH');
    assert.equal(maskAccessKeyId('ABC'), '****');
  });
});

describe('setup preview masking', () => {
  test('key ID masked, token and signature hidden, everything else exact', () => {
    const masked = maskRequest(built({ body: `AccessKeyId=STS.NUgYrLnoC37mZZCNnAbez2&Action=CreateRole&RoleName=admin-oss&SecurityToken=${encodeURIComponent(TOKEN)}&Signature=abc%3D` }), 'STS.NUgYrLnoC37mZZCNnAbez2');
    assert.deepEqual(masked.params, { AccessKeyId: 'STS.****bez2', Action: 'CreateRole', RoleName: 'admin-oss', SecurityToken: '****', Signature: '****' });
    const oss = maskRequest(built({ method: 'GET', body: null, url: 'https://b.oss-cn-hangzhou.aliyuncs.com/',
      headers: { 'x-oss-security-token': TOKEN, Authorization: 'OSS STS.NUgYrLnoC37mZZCNnAbez2:c2ln' } }), 'STS.NUgYrLnoC37mZZCNnAbez2');
    assert.deepEqual(oss.headers, { 'x-oss-security-token': '****', Authorization: 'OSS STS.****bez2:****' });
    assert.ok(!JSON.stringify([masked, oss]).includes(TOKEN));
  });
});

describe('transport: Open console\'s GetSigninToken carries the role session only', () => {
  const session = { accessKeySecret: 'RoleSessionSecret0000000000000000000000000', securityToken: TOKEN };
  /** @param {Partial<import('../../extension/shared/contract').BuiltRequest>} over */
  const token = (over = {}) => built({
    url: 'https://signin.aliyun.com/federation',
    body: `Action=GetSigninToken&AccessKeyId=STS.abc&AccessKeySecret=${session.accessKeySecret}&SecurityToken=${encodeURIComponent(TOKEN)}&TicketType=mini`,
    ...over,
  });
  const own = { accessKeySecrets: [SECRET], securityTokens: [] };

  test('the documented form POST to a federation endpoint passes', () => {
    assert.doesNotThrow(() => assertSigninTokenRequest(token(), session, own));
    assert.doesNotThrow(() => assertSigninTokenRequest(token({ url: 'https://signin.alibabacloud.com/federation' }), session, own));
  });

  for (const [why, over, sessionOver] of /** @type {Array<[string, any, any]>} */ ([
    ['another host', { url: 'https://evil.example/federation' }, {}],
    ['another path', { url: 'https://signin.aliyun.com/federation/x' }, {}],
    ['a query', { url: 'https://signin.aliyun.com/federation?SigninToken=x' }, {}],
    ['GET', { method: 'GET' }, {}],
    ['an extra field', { body: `${token().body}&Extra=1` }, {}],
    ['your own secret', { body: token().body?.replace(session.accessKeySecret, SECRET) }, { accessKeySecret: SECRET }],
    ['another session\'s secret', {}, { accessKeySecret: 'other' }],
  ])) {
    test(`refused: ${why}`, () => {
      assert.throws(() => assertSigninTokenRequest(token(over), { ...session, ...sessionOver }, own), UnsafeRequestError);
    });
  }
});
