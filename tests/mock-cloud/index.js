// The mock cloud: one local HTTPS server answering for sts.aliyuncs.com, ram.aliyuncs.com and the
// OSS endpoints (dispatching on the Host header), plus a control API on https://mock-control.test/.
// Chromium reaches it with `hostResolverRules` (+ --ignore-certificate-errors); Node SDK clients
// with `agent()`. Usage and the scenario format: tests/mock-cloud/README.md.

import { Agent, createServer } from 'node:https';
import { connect } from 'node:tls';
import { makeCertificate } from '../lib/https-server.js';
import { Faults, faultErrorReply, truncate } from './faults.js';
import { SIGNIN_HOSTS, handleFederation } from './federation.js';
import { handleConsole, isConsoleHost } from './console-pages.js';
import { handleOss, ossEndpointOf, ossOperationOf } from './oss.js';
import { handleRpc, rpcParams, rpcServiceOf } from './rpc.js';
import { World, loadScenario } from './world.js';

/** @typedef {import('./faults.js').FaultSpec} FaultSpec */
/** @typedef {import('./responses.js').Reply} Reply */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/** The control API's host (a reserved, non-Alibaba name). */
export const CONTROL_HOST = 'mock-control.test';
/** OSS regions the certificate names besides the scenario's own. */
const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'cn-qingdao', 'cn-zhangjiakou', 'cn-hongkong', 'ap-southeast-1', 'us-west-1', 'eu-central-1'];
const MAX_BODY = 1 << 20;

/**
 * One request as the mock received it.
 * @typedef {object} LoggedRequest
 * @property {number} seq
 * @property {string} time the mock clock, ISO
 * @property {string} method
 * @property {string} host without port
 * @property {string} path
 * @property {Record<string, string>} query decoded (last value wins)
 * @property {string} rawQuery as sent, without `?`
 * @property {Record<string, string | string[] | undefined>} headers lower-case names
 * @property {string} body
 * @property {string} service sts / ram / oss / unknown
 * @property {string | null} action RPC Action or OSS operation
 * @property {number} [status] the answer's status
 * @property {string} [fault] the injected fault's kind, if one applied
 */

/**
 * @typedef {object} MockCloud
 * @property {number} port
 * @property {string} hostResolverRules for Chromium's --host-resolver-rules
 * @property {string} signinResolverRules the federation hosts (signin.aliyun.com,
 *   signin.alibabacloud.com), to join to hostResolverRules when the mock, not a fixture page,
 *   serves them
 * @property {string} consoleResolverRules the console hosts (*.console.aliyun.com and
 *   .alibabacloud.com) the federation Login lands on (console-pages.js)
 * @property {string} ca the server certificate (PEM), for Node clients
 * @property {string} scenario the scenario's name (or "inline")
 * @property {Record<string, any>} credentials per account label: `{uid, alias, root: {accessKeyId,
 *   accessKeySecret}, users: {<name>: {accessKeyId, accessKeySecret}}}`
 * @property {(clock: number | {offsetMs?: number, at?: number | string}) => number} setClock
 *   a number (or `at`) sets the mock's current time (it keeps running); `offsetMs` shifts it from
 *   real time; returns the new mock time (ms)
 * @property {() => number} now the mock's current time (ms)
 * @property {(spec: FaultSpec) => number} injectFault returns the fault's id
 * @property {() => void} clearFaults
 * @property {() => object[]} faults the pending faults
 * @property {() => LoggedRequest[]} requests every cloud request received so far (not the control API's)
 * @property {() => void} clearRequests
 * @property {() => any} state a JSON snapshot of accounts, roles, users, policies, buckets, sessions
 * @property {World} world the live state (for assertions the snapshot does not cover)
 * @property {() => Agent} agent an https.Agent for Node clients: every connection goes to the mock,
 *   the certificate checked against `ca` for the real hostname
 * @property {() => Promise<void>} close
 */

/** @param {IncomingMessage} req @returns {Promise<string>} */
async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request body over 1 MiB');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** @param {ServerResponse} res @param {Reply} reply */
function send(res, reply) {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  res.sendDate = false; // the Date header is the mock clock's
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
  res.end(body);
}

/** @param {number} status @param {unknown} value @returns {Reply} */
const jsonReply = (status, value) => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(value, null, 1),
});

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the mock cloud on 127.0.0.1.
 * @param {{scenario: string | object, port?: number}} options a scenario name (file in
 *   tests/mock-cloud/scenarios/) or a scenario object
 * @returns {Promise<MockCloud>}
 */
export async function startMockCloud({ scenario, port = 0 }) {
  const loaded = loadScenario(scenario);
  const world = new World(loaded);
  const faults = new Faults();
  for (const spec of loaded.faults ?? []) faults.add(spec);
  let offsetMs = Number(loaded.clock?.offsetMs ?? 0);
  const now = () => Date.now() + offsetMs;
  /** @param {number | {offsetMs?: number, at?: number | string}} clock */
  const setClock = (clock) => {
    if (typeof clock === 'number') offsetMs = clock - Date.now();
    else if (clock.at !== undefined) offsetMs = new Date(clock.at).getTime() - Date.now();
    else if (typeof clock.offsetMs === 'number') offsetMs = clock.offsetMs;
    else throw new Error('setClock: give a time (ms), {at} or {offsetMs}');
    if (Number.isNaN(offsetMs)) throw new Error('setClock: not a time');
    return now();
  };
  /** @type {LoggedRequest[]} */
  let log = [];
  let seq = 0;

  const regions = [...new Set([...REGIONS, ...world.regions()])];
  const hosts = [
    'sts.aliyuncs.com', 'ram.aliyuncs.com', '*.aliyuncs.com', CONTROL_HOST, ...SIGNIN_HOSTS,
    '*.console.aliyun.com', '*.console.alibabacloud.com',
    ...regions.flatMap((r) => [`*.oss-${r}.aliyuncs.com`, `sts.${r}.aliyuncs.com`]),
  ];
  const certificate = makeCertificate(hosts);

  /** @param {string} method @param {string} path @param {string} body @returns {Reply} */
  function control(method, path, body) {
    const input = () => (body.trim() === '' ? {} : JSON.parse(body));
    switch (`${method} ${path}`) {
      case 'GET /requests': return jsonReply(200, log);
      case 'DELETE /requests': log = []; return jsonReply(200, { cleared: true });
      case 'GET /faults': return jsonReply(200, faults.pending());
      case 'POST /faults': {
        const specs = [input()].flat();
        return jsonReply(200, { ids: specs.map((s) => faults.add(s)) });
      }
      case 'DELETE /faults': faults.clear(); return jsonReply(200, { cleared: true });
      case 'GET /clock': return jsonReply(200, { now: new Date(now()).toISOString(), offsetMs });
      case 'POST /clock': return jsonReply(200, { now: new Date(setClock(input())).toISOString(), offsetMs });
      case 'GET /state': return jsonReply(200, world.snapshot());
      case 'GET /credentials': return jsonReply(200, world.credentials());
      default: return jsonReply(404, { error: `no control route ${method} ${path}: see tests/mock-cloud/README.md` });
    }
  }

  /** @param {IncomingMessage} req @param {ServerResponse} res */
  async function handle(req, res) {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'https://mock.invalid');
    const body = await readBody(req);
    if (host === CONTROL_HOST) {
      try {
        send(res, control(method, url.pathname, body));
      } catch (e) {
        send(res, jsonReply(400, { error: /** @type {Error} */ (e).message }));
      }
      return;
    }
    const rpcService = rpcServiceOf(host);
    const oss = ossEndpointOf(host);
    const signin = SIGNIN_HOSTS.includes(host);
    const consolePage = isConsoleHost(host);
    const service = rpcService ?? (oss ? 'oss' : signin ? 'signin' : consolePage ? 'console' : 'unknown');
    const params = rpcService ? rpcParams(url, String(req.headers['content-type'] ?? ''), body) : {};
    const action = rpcService
      ? params.Action ?? null
      : signin ? new URLSearchParams(body).get('Action') ?? url.searchParams.get('Action')
      : oss ? ossOperationOf(oss.bucket, method, decodeURIComponent(url.pathname.slice(1)), url.searchParams) : null;
    /** @type {LoggedRequest} */
    const entry = {
      seq: ++seq,
      time: new Date(now()).toISOString(),
      method,
      host,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      rawQuery: url.search.replace(/^\?/, ''),
      headers: { ...req.headers },
      body,
      service,
      action,
    };
    log.push(entry);

    const key = { service, action, host };
    const fault = service === 'unknown' ? null : faults.take(key);
    if (fault) entry.fault = fault.kind;
    const delay = fault?.delayMs ?? (fault?.kind === 'slow' ? 3000 : 0);
    if (delay > 0) await sleep(delay);

    /** @type {Reply} */
    let reply;
    if (fault && (fault.kind === 'throttling' || fault.kind === 'internal-error' || fault.kind === 'error')) {
      reply = faultErrorReply(fault, key, new Date(now()));
    } else if (rpcService) {
      reply = await handleRpc({ world, service: rpcService, host, method, params, now: now() });
    } else if (signin) {
      reply = handleFederation({ world, host, method, url, contentType: String(req.headers['content-type'] ?? ''), body, now: now() });
    } else if (consolePage) {
      reply = handleConsole({ world, method, url, cookie: String(req.headers.cookie ?? '') });
    } else if (oss) {
      reply = handleOss({ world, host, method, url, headers: /** @type {Record<string, string>} */ (req.headers), now: now() });
    } else {
      reply = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `the mock cloud does not answer for ${host}` };
    }
    if (fault?.kind === 'malformed') reply = truncate(fault, reply);
    entry.status = reply.status;
    send(res, reply);
  }

  const server = createServer(certificate, (req, res) => {
    handle(req, res).catch((e) => {
      // A bug in the mock: say so loudly rather than answer like the cloud.
      console.error('mock cloud: internal failure', e);
      if (!res.headersSent) send(res, { status: 599, headers: { 'content-type': 'text/plain' }, body: `mock cloud bug: ${e?.stack ?? e}` });
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the mock cloud has no TCP port');
  const ca = certificate.cert.toString('utf8');
  /** @type {Agent[]} */
  const agents = [];

  return {
    port: address.port,
    hostResolverRules: `MAP *.aliyuncs.com 127.0.0.1:${address.port}, MAP ${CONTROL_HOST} 127.0.0.1:${address.port}`,
    signinResolverRules: SIGNIN_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${address.port}`).join(', '),
    consoleResolverRules: ['*.console.aliyun.com', '*.console.alibabacloud.com'].map((h) => `MAP ${h} 127.0.0.1:${address.port}`).join(', '),
    ca,
    scenario: typeof scenario === 'string' ? scenario : 'inline',
    credentials: world.credentials(),
    setClock,
    now,
    injectFault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    faults: () => faults.pending(),
    requests: () => log.slice(),
    clearRequests: () => {
      log = [];
    },
    state: () => world.snapshot(),
    world,
    agent() {
      const agent = new Agent({ keepAlive: false, ca });
      // Connect to the mock whatever the URL's host and port; TLS still names the real host.
      agent.createConnection = (/** @type {any} */ options) =>
        connect({ ...options, host: '127.0.0.1', port: address.port, servername: options.servername ?? options.host, ca });
      agents.push(agent);
      return agent;
    },
    close: () =>
      new Promise((resolve) => {
        for (const agent of agents) agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
