// A local HTTPS server that answers for real hostnames (signin.aliyun.com, *.aliyuncs.com, ...),
// with a self-signed certificate made at test time. Chromium reaches it through
// `--host-resolver-rules` (see `hostResolverRules`) plus `--ignore-certificate-errors`.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {(req: IncomingMessage, res: ServerResponse) => void} Handler */

/**
 * A fresh self-signed certificate for `hosts` (wildcards such as `*.aliyuncs.com` allowed).
 * @param {string[]} hosts
 * @returns {{key: Buffer, cert: Buffer}}
 */
export function makeCertificate(hosts) {
  const dir = mkdtempSync(join(tmpdir(), 'rolehop-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const san = hosts.map((h) => `DNS:${h}`).join(',');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=RoleHop test server',
      '-addext', `subjectAltName=${san}`,
      // A server certificate, not a CA: rustls (the CLI's TLS) refuses a CA certificate as a server's.
      '-addext', 'basicConstraints=critical,CA:FALSE',
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Routes keyed by `host + path`, e.g. `signin.aliyun.com/switchRole.htm` (the query is ignored).
 * Unknown routes answer 404 naming the route, so a test failure says what was asked for.
 * @param {Record<string, {status?: number, type?: string, headers?: Record<string, string>, body: string}>} routes
 * @returns {Handler}
 */
export function routesHandler(routes) {
  return (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    const route = routes[`${host}${path}`];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`no fixture for ${host}${path}`);
      return;
    }
    res.writeHead(route.status ?? 200, {
      'content-type': route.type ?? 'text/html; charset=utf-8',
      ...route.headers,
    });
    res.end(route.body);
  };
}

/**
 * @typedef {object} HttpsServer
 * @property {number} port
 * @property {string} hostResolverRules the value for Chromium's `--host-resolver-rules`
 * @property {() => Promise<void>} close
 */

/**
 * Starts a server on 127.0.0.1 (a free port) answering for `hosts`.
 * @param {{hosts: string[], handler: Handler}} options
 * @returns {Promise<HttpsServer>}
 */
export async function startHttpsServer({ hosts, handler }) {
  const server = createServer(makeCertificate(hosts), handler);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the HTTPS server has no TCP port');
  const { port } = address;
  return {
    port,
    hostResolverRules: hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', '),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
