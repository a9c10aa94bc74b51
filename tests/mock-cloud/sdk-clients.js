// The OFFICIAL Node SDK clients (@alicloud/pop-core's RPCClient, ali-oss), pointed at the mock
// cloud with their real endpoints: the mock's agent() sends every connection to the local server
// and checks its certificate for the real hostname. Used by the mock cloud's own tests.

import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
const RPCClient = load('@alicloud/pop-core').RPCClient;
const OSS = load('ali-oss');

/** @typedef {import('./index.js').MockCloud} MockCloud */
/** @typedef {{accessKeyId: string, accessKeySecret: string, securityToken?: string}} Credentials */

const VERSIONS = { sts: '2015-04-01', ram: '2015-05-01', resourcemanager: '2020-03-31' };

/**
 * pop-core's RPC client for `service` with `credentials`.
 * @param {MockCloud} cloud @param {'sts' | 'ram' | 'resourcemanager'} service @param {Credentials} credentials
 * @returns {any}
 */
export function rpcClient(cloud, service, credentials) {
  return new RPCClient({
    endpoint: `https://${service}.aliyuncs.com`,
    apiVersion: VERSIONS[service],
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    securityToken: credentials.securityToken,
    opts: { agent: cloud.agent() },
  });
}

/**
 * ali-oss's client for `region` (and `bucket`, for bucket operations) with `credentials`.
 * @param {MockCloud} cloud @param {Credentials} credentials @param {{region?: string, bucket?: string}} [where]
 * @returns {any}
 */
export function ossClient(cloud, credentials, { region = 'cn-hangzhou', bucket } = {}) {
  return new OSS({
    region: `oss-${region}`,
    secure: true,
    bucket,
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    stsToken: credentials.securityToken,
    refreshSTSTokenInterval: 3600e3, // no refresh callback: silences ali-oss's warning
    httpsAgent: cloud.agent(),
    timeout: 60_000,
  });
}

/**
 * The STS credentials of `credentials` assuming `roleArn`, as pop-core returns them.
 * @param {MockCloud} cloud @param {Credentials} credentials @param {string} roleArn
 * @param {Record<string, string | number>} [extra] more AssumeRole parameters
 * @returns {Promise<{accessKeyId: string, accessKeySecret: string, securityToken: string, expiration: string}>}
 */
export async function assumeRole(cloud, credentials, roleArn, extra = {}) {
  const answer = await rpcClient(cloud, 'sts', credentials).request(
    'AssumeRole',
    { RoleArn: roleArn, RoleSessionName: 'mock-test', ...extra },
    { method: 'POST' },
  );
  const c = answer.Credentials;
  return { accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, securityToken: c.SecurityToken, expiration: c.Expiration };
}
