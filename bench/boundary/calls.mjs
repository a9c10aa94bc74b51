// The three real calls of issue 12 timed through both wasm boundaries in one process (Node or a
// browser page): JSON text (what extension/shared/core.js does today: JSON.stringify, an export
// taking and returning a string, JSON.parse) and JS values through serde-wasm-bindgen (the bench
// build's `*Value` exports, feature `wasm-swb`). Shared by run.mjs, in Node and in a Chromium page.

/**
 * @typedef {object} Glue the exports the calls need
 * @property {(text: string) => string} sign shipped api module
 * @property {(value: unknown) => any} signValue bench api module
 * @property {(text: string) => string} profileParse shipped profiles module
 * @property {(value: unknown) => any} profileParseValue bench transfer module
 * @property {(text: string) => string} policySimulate shipped policy module
 * @property {(value: unknown) => any} policySimulateValue bench policy module
 *
 * @typedef {object} Inputs
 * @property {object[]} rpc bench/inputs.mjs's RPC requests
 * @property {object[]} oss bench/inputs.mjs's OSS requests
 * @property {string} profilesIni 2,000 profiles as bench/popup generates them
 * @property {{identityPolicies: object[], requests: object[]}} policy bench/policy's workload (RAM dialect)
 *
 * @typedef {{name: string, perOp: number, ways: Record<string, () => unknown>}} Call one call, each
 *   way of making it (`json`, `value`, and in the browser's signing comparison `aliOss`); one
 *   operation of a way makes `perOp` calls
 */

/** @param {Glue} g @param {Inputs} inputs @returns {Call[]} */
export function calls(g, inputs) {
  const batch = { identityPolicies: inputs.policy.identityPolicies, requests: inputs.policy.requests, detail: 'decision' };
  const profiles = { text: inputs.profilesIni };
  const each = (/** @type {object[]} */ list, /** @type {(r: object) => unknown} */ f) => () => list.map(f);
  return [
    {
      name: 'sign, RPC (64 AssumeRole)',
      perOp: inputs.rpc.length,
      ways: {
        json: each(inputs.rpc, (r) => JSON.parse(g.sign(JSON.stringify(r)))),
        value: each(inputs.rpc, (r) => g.signValue(r)),
      },
    },
    {
      name: 'sign, OSS (64 GetObject/ListObjects)',
      perOp: inputs.oss.length,
      ways: {
        json: each(inputs.oss, (r) => JSON.parse(g.sign(JSON.stringify(r)))),
        value: each(inputs.oss, (r) => g.signValue(r)),
      },
    },
    {
      name: 'profileParse, 2,000 profiles',
      perOp: 1,
      ways: {
        json: () => JSON.parse(g.profileParse(JSON.stringify(profiles))),
        value: () => g.profileParseValue(profiles),
      },
    },
    {
      name: `policySimulate, batch of ${inputs.policy.requests.length.toLocaleString('en')}`,
      perOp: 1,
      ways: {
        json: () => JSON.parse(g.policySimulate(JSON.stringify(batch))),
        value: () => g.policySimulateValue(batch),
      },
    },
  ];
}

/**
 * Where `a` and `b` differ as JSON data (`JSON.parse` cannot give `undefined`, a Map or a class),
 * as a path; `null` when they are equal.
 * @param {unknown} a @param {unknown} b @param {string} [path]
 * @returns {string | null}
 */
export function difference(a, b, path = '$') {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: ${Object.prototype.toString.call(a)} vs ${Object.prototype.toString.call(b)}`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys ${ka.join(',')} vs ${kb.join(',')}`;
  for (const k of ka) {
    const d = difference(/** @type {any} */ (a)[k], /** @type {any} */ (b)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

/** Fails unless JSON text and JS values answer the same. @param {Call[]} list */
export function checkAgreement(list) {
  for (const call of list) {
    const d = difference(call.ways.json(), call.ways.value());
    if (d) throw new Error(`${call.name}: the two boundaries answer differently at ${d}`);
  }
}

/**
 * Times every way of every call, interleaved (the order rotates each round) so that noise hits all
 * alike; each round sized to about `roundMs` by a warm-up. Returns per call and way the median
 * time of one call (one signature, one parse, one batch) in microseconds.
 * @param {{name: string, perOp: number, ways: Record<string, unknown>}[]} list the calls (their
 *   ways by name; `timeRound` runs them)
 * @param {(index: number, way: string, reps: number) => number | Promise<number>} timeRound runs
 *   way `way` of call `index` `reps` times and answers the time it took in ms
 * @param {{rounds?: number, roundMs?: number}} [options]
 * @returns {Promise<{name: string, reps: number, us: Record<string, number>, rounds: Record<string, number[]>}[]>}
 */
export async function measure(list, timeRound, { rounds = 9, roundMs = 250 } = {}) {
  const results = [];
  for (const [index, call] of list.entries()) {
    const ways = Object.keys(call.ways);
    // Warm-up: JIT and wasm tiering, and the repetitions that make a round about roundMs.
    let reps = 1;
    for (;;) {
      let t = 0;
      for (const way of ways) t = Math.max(t, await timeRound(index, way, reps));
      if (t >= roundMs / 4 || reps > 1e6) {
        reps = Math.max(1, Math.round((reps * roundMs) / Math.max(t, 1)));
        break;
      }
      reps *= 4;
    }
    /** @type {Record<string, number[]>} */
    const times = Object.fromEntries(ways.map((k) => [k, []]));
    for (let r = 0; r < rounds; r++) {
      for (let w = 0; w < ways.length; w++) {
        const way = ways[(w + r) % ways.length];
        times[way].push(((await timeRound(index, way, reps)) * 1000) / (reps * call.perOp));
      }
    }
    const us = Object.fromEntries(Object.entries(times).map(([k, t]) => [k, median(t)]));
    results.push({ name: call.name, reps, us, rounds: times });
  }
  return results;
}

/**
 * `measure`'s round in this process, timed by `now` (ms).
 * @param {Call[]} list @param {() => number} now
 * @returns {(index: number, way: string, reps: number) => number}
 */
export function localRound(list, now) {
  let sink = 0;
  return (index, way, reps) => {
    const f = list[index].ways[way];
    const start = now();
    for (let i = 0; i < reps; i++) sink += f() ? 1 : 0;
    const ms = now() - start;
    return sink < 0 ? -ms : ms; // sink keeps the answers alive
  };
}

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Signing OSS requests in a page: the wasm both ways against ali-oss's browser bundle
 * (`OSS.prototype.authorization`: buildCanonicalString + computeSignature, as its client signs).
 * As in bench/throughput.mjs, ali-oss gets the resource already built and only the sub-resource
 * parameters, prepared outside the timed call (this favours ali-oss); the answers are checked equal.
 * @param {any} OSS the bundle's global @param {Glue} g @param {Inputs} inputs @returns {Call}
 */
export function aliOssCall(OSS, g, inputs) {
  const SUBRESOURCES_IN_INPUTS = new Set(['versionId']); // the inputs' prefix/max-keys are not signed
  const prepared = inputs.oss.map((/** @type {any} */ r) => ({
    method: r.method,
    resource: OSS.prototype._getResource.call({ options: { headerEncoding: 'utf-8' } }, { bucket: r.bucket, object: r.key ?? undefined }),
    headers: { ...r.headers, ...(r.securityToken ? { 'x-oss-security-token': r.securityToken } : {}) },
    parameters: Object.fromEntries(Object.entries(r.query).filter(([k]) => SUBRESOURCES_IN_INPUTS.has(k))),
    client: { options: { accessKeyId: r.accessKeyId, accessKeySecret: r.accessKeySecret, headerEncoding: 'utf-8' } },
  }));
  const aliOss = () => prepared.map((p) => OSS.prototype.authorization.call(p.client, p.method, p.resource, p.parameters, p.headers));
  const json = () => inputs.oss.map((r) => JSON.parse(g.sign(JSON.stringify(r))).authorization);
  const value = () => inputs.oss.map((r) => g.signValue(r).authorization);
  const d = difference(aliOss(), json()) ?? difference(value(), json());
  if (d) throw new Error(`OSS authorizations differ: ${d}`);
  return { name: 'sign, OSS: wasm against ali-oss', perOp: inputs.oss.length, ways: { json, value, aliOss } };
}
