// The mock cloud's state: accounts with their AccessKeys, RAM users, roles, custom policies and
// OSS buckets, plus the STS sessions it has issued and the nonces it has seen. Built from a
// scenario file (tests/mock-cloud/scenarios/<name>.json; format in tests/mock-cloud/README.md)
// and changed by the RAM write actions.

import { createHash, randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { grammarError } from './authorize.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SCENARIOS = join(HERE, 'scenarios');
/** @type {Record<string, {description: string, document: object}>} */
const SYSTEM = JSON.parse(readFileSync(join(HERE, 'system-policies.json'), 'utf8'));
/** When the entities a scenario declares were created (new ones take the mock clock). */
const SEEDED = '2024-01-02T03:04:05Z';

/** @typedef {{id: string, secret: string, status: string}} AccessKey */
/**
 * A policy attached to a user or role: for the whole account (`resourceGroupId` null, as RAM's
 * AttachPolicyToUser/Role do, and Resource Management's AttachPolicy with the account's UID), or
 * only for the resources of one resource group (AttachPolicy with the group's id).
 * @typedef {{type: string, name: string, attachDate: string, resourceGroupId: string | null}} Attachment
 */
/** @typedef {{id: string, name: string, displayName: string}} ResourceGroup */
/**
 * @typedef {object} User
 * @property {string} name
 * @property {string} userId
 * @property {string} displayName
 * @property {string} comments
 * @property {string} createDate
 * @property {string} updateDate
 * @property {AccessKey[]} accessKeys
 * @property {Attachment[]} policies
 */
/**
 * @typedef {object} Role
 * @property {string} name
 * @property {string} roleId
 * @property {string} description
 * @property {number} maxSessionDuration
 * @property {string} trustPolicy the AssumeRolePolicyDocument text
 * @property {string} createDate
 * @property {string} updateDate
 * @property {Attachment[]} policies
 */
/** @typedef {{id: string, document: string, createDate: string}} PolicyVersion */
/**
 * @typedef {object} CustomPolicy
 * @property {string} name
 * @property {string} description
 * @property {string} createDate
 * @property {string} updateDate
 * @property {string} defaultVersion
 * @property {PolicyVersion[]} versions
 */
/** @typedef {{key: string, size: number, lastModified: string, etag: string, storageClass: string}} OssObject */
/**
 * @typedef {object} Bucket
 * @property {string} name
 * @property {string} region e.g. cn-hangzhou
 * @property {string} creationDate
 * @property {string} storageClass
 * @property {string} acl
 * @property {OssObject[]} objects sorted by key
 * @property {string | null} policy the bucket policy text
 * @property {string | null} resourceGroupId its resource group; null: the account's default group
 */
/**
 * @typedef {object} Account
 * @property {string} label the scenario's name for it (`A`, `B`)
 * @property {string} uid
 * @property {string | null} alias
 * @property {AccessKey[]} rootKeys
 * @property {Map<string, User>} users by lower-case name (RAM names are case-insensitive)
 * @property {Map<string, Role>} roles by lower-case name
 * @property {Map<string, CustomPolicy>} policies by lower-case name
 * @property {Map<string, Bucket>} buckets by name
 * @property {string[]} controlPolicies texts of the control policies of its resource directory
 * @property {boolean} fullAliyunAccess whether the resource directory's system control policy
 *   FullAliyunAccess (allow everything) is attached, as it is by default; without it, what no
 *   control policy allows is refused
 * @property {Map<string, ResourceGroup>} resourceGroups by id (the default group is not listed)
 */
/**
 * @typedef {object} Session an STS session issued by AssumeRole
 * @property {string} accessKeyId
 * @property {string} secret
 * @property {string} token
 * @property {number} expiresMs
 * @property {Account} account the role's account
 * @property {string} roleName
 * @property {string} roleId
 * @property {string} sessionName
 * @property {string | null} policy the session policy text
 */
/**
 * Who signed a request.
 * @typedef {{kind: 'root', account: Account}
 *   | {kind: 'user', account: Account, user: User}
 *   | {kind: 'session', account: Account, session: Session}} Caller
 */
/** @typedef {{key: AccessKey, account: Account, user: User | null}} KeyOwner */

/** Seconds-precision UTC time as the APIs write it: `2015-04-09T11:52:19Z`. */
export const isoSeconds = (/** @type {number} */ ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A numeric id of `digits` digits (RoleId, UserId): random, or derived from `seed` so that the
 * entities a scenario declares keep their ids from run to run.
 * @param {number} digits @param {string} [seed]
 */
export function numericId(digits, seed) {
  if (seed === undefined) return String(randomInt(1, 10)) + Array.from({ length: digits - 1 }, () => randomInt(0, 10)).join('');
  const hex = createHash('sha256').update(seed).digest('hex');
  return String(1n + (BigInt(`0x${hex}`) % 9n)) + (BigInt(`0x${hex}`) % 10n ** BigInt(digits - 1)).toString().padStart(digits - 1, '0');
}

/** Letters and digits, for AccessKey ids and secrets the mock issues. */
export const randomToken = (/** @type {number} */ length) =>
  randomBytes(length * 2).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, length).padEnd(length, 'x');

/** The policy text of a scenario value: a JSON object, or a string kept verbatim. */
const policyText = (/** @type {unknown} */ v) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Reads scenario `name` (or takes an object), substituting `${A.uid}`, `${B.alias}`, ... in every
 * string with the values the scenario declares.
 * @param {string | object} scenario
 * @returns {any}
 */
export function loadScenario(scenario) {
  const text = typeof scenario === 'string'
    ? readFileSync(join(SCENARIOS, `${scenario.replace(/\.json$/, '')}.json`), 'utf8')
    : JSON.stringify(scenario);
  const raw = JSON.parse(text);
  /** @type {Record<string, any>} */
  const accounts = raw.accounts ?? {};
  const substituted = text.replace(/\$\{(\w+)\.(uid|alias)\}/g, (whole, label, field) => {
    const value = accounts[label]?.[field];
    if (typeof value !== 'string') throw new Error(`scenario: ${whole} names no ${field} of an account "${label}"`);
    return value;
  });
  return JSON.parse(substituted);
}

/**
 * A scenario's attachments; `resourceGroupId` may be a group's id, or the account's UID (the
 * whole account, as AttachPolicy takes it).
 * @param {any} list @param {string} uid @returns {Attachment[]}
 */
const attachments = (list, uid) =>
  (list ?? []).map((/** @type {any} */ p) => ({
    type: p.type ?? 'System',
    name: p.name,
    attachDate: SEEDED,
    resourceGroupId: p.resourceGroupId === undefined || p.resourceGroupId === uid ? null : String(p.resourceGroupId),
  }));

/** @param {any} list @returns {AccessKey[]} */
const accessKeys = (list) => (list ?? []).map((/** @type {any} */ k) => ({ id: k.id, secret: k.secret, status: k.status ?? 'Active' }));

export class World {
  /** @param {any} scenario a loaded scenario (loadScenario) */
  constructor(scenario) {
    this.description = String(scenario.description ?? '');
    /** @type {Map<string, Account>} by uid */
    this.accounts = new Map();
    /** @type {Record<string, Account>} by label */
    this.byLabel = {};
    /** @type {Map<string, Session>} by AccessKeyId */
    this.sessions = new Map();
    /** @type {Map<string, number>} SignatureNonce -> when it was seen (ms) */
    this.nonces = new Map();
    /** @type {Map<string, {session: Session, expiresMs: number, used: boolean}>} federation sign-in tokens */
    this.signinTokens = new Map();
    /** @type {Map<string, {session: Session, loginUrl: string, createdMs: number}>} console sessions by cookie ticket */
    this.consoleSessions = new Map();
    /** @type {Map<string, import('./denials.js').Diagnostic>} refusals by their encoded diagnostic message */
    this.diagnostics = new Map();
    for (const [label, a] of Object.entries(scenario.accounts ?? {})) this.addAccount(label, a);
    const problems = this.problems();
    if (problems.length > 0) throw new Error(`scenario: ${problems.join('; ')}`);
  }

  /**
   * What is inconsistent in the state: attachments of policies that do not exist, documents that
   * are not policies, AccessKey ids or bucket names used twice.
   * @returns {string[]}
   */
  problems() {
    const out = [];
    const keyIds = new Set();
    const bucketNames = new Set();
    for (const a of this.accounts.values()) {
      const keys = [...a.rootKeys, ...[...a.users.values()].flatMap((u) => u.accessKeys)];
      for (const k of keys) {
        if (keyIds.has(k.id)) out.push(`AccessKey ${k.id} is declared twice`);
        keyIds.add(k.id);
        if (!k.id || !k.secret) out.push(`account ${a.label}: an AccessKey lacks "id" or "secret"`);
      }
      for (const b of a.buckets.keys()) {
        if (bucketNames.has(b)) out.push(`bucket ${b} is declared twice`);
        bucketNames.add(b);
      }
      const entities = [...[...a.users.values()].map((u) => ['user', u]), ...[...a.roles.values()].map((r) => ['role', r])];
      for (const [kind, entity] of /** @type {[string, User | Role][]} */ (entities)) {
        for (const p of entity.policies) {
          if (this.policyDocument(a, p.type, p.name) === null) out.push(`account ${a.label} ${kind} ${entity.name}: no ${p.type} policy ${p.name}`);
          if (p.resourceGroupId !== null && !a.resourceGroups.has(p.resourceGroupId)) {
            out.push(`account ${a.label} ${kind} ${entity.name}: policy ${p.name} is attached for resource group ${p.resourceGroupId}, which the account does not have`);
          }
        }
      }
      for (const b of a.buckets.values()) {
        if (b.resourceGroupId !== null && !a.resourceGroups.has(b.resourceGroupId)) out.push(`account ${a.label} bucket ${b.name}: no resource group ${b.resourceGroupId}`);
      }
      for (const r of a.roles.values()) {
        const problem = grammarError(r.trustPolicy, { trust: true });
        if (problem) out.push(`account ${a.label} role ${r.name}: trust policy: ${problem}`);
      }
      for (const p of a.policies.values()) {
        for (const v of p.versions) {
          const problem = grammarError(v.document);
          if (problem) out.push(`account ${a.label} policy ${p.name} ${v.id}: ${problem}`);
        }
      }
    }
    return out;
  }

  /** @param {string} label @param {any} a */
  addAccount(label, a) {
    if (!/^\d{16}$/.test(a.uid ?? '')) throw new Error(`scenario: account ${label} needs a 16-digit "uid"`);
    /** @type {Account} */
    const account = {
      label,
      uid: a.uid,
      alias: a.alias ?? null,
      rootKeys: accessKeys(a.accessKeys),
      users: new Map(),
      roles: new Map(),
      policies: new Map(),
      buckets: new Map(),
      controlPolicies: (a.controlPolicies ?? []).map(policyText),
      fullAliyunAccess: a.fullAliyunAccess ?? true,
      resourceGroups: new Map((a.resourceGroups ?? []).map((/** @type {any} */ g) => [g.id, {
        id: g.id,
        name: g.name ?? g.id,
        displayName: g.displayName ?? g.name ?? g.id,
      }])),
    };
    for (const u of a.users ?? []) {
      account.users.set(u.name.toLowerCase(), {
        name: u.name,
        userId: u.userId ?? numericId(16, `${a.uid}:user:${u.name}`),
        displayName: u.displayName ?? u.name,
        comments: u.comments ?? '',
        createDate: SEEDED,
        updateDate: SEEDED,
        accessKeys: accessKeys(u.accessKeys),
        policies: attachments(u.policies, a.uid),
      });
    }
    for (const r of a.roles ?? []) {
      account.roles.set(r.name.toLowerCase(), {
        name: r.name,
        roleId: r.roleId ?? numericId(19, `${a.uid}:role:${r.name}`),
        description: r.description ?? '',
        maxSessionDuration: r.maxSessionDuration ?? 3600,
        trustPolicy: policyText(r.trustPolicy),
        createDate: SEEDED,
        updateDate: SEEDED,
        policies: attachments(r.policies, a.uid),
      });
    }
    for (const p of a.policies ?? []) {
      const versions = (p.versions ?? [{ id: 'v1', document: p.document, default: true }]).map((/** @type {any} */ v) => ({
        id: v.id,
        document: policyText(v.document),
        createDate: SEEDED,
      }));
      const def = (p.versions ?? []).find((/** @type {any} */ v) => v.default)?.id ?? versions[0]?.id ?? 'v1';
      account.policies.set(p.name.toLowerCase(), {
        name: p.name,
        description: p.description ?? '',
        createDate: SEEDED,
        updateDate: SEEDED,
        defaultVersion: def,
        versions,
      });
    }
    for (const b of a.buckets ?? []) {
      const objects = (b.objects ?? []).map((/** @type {any} */ o) => ({
        key: o.key,
        size: o.size ?? 0,
        lastModified: o.lastModified ?? '2024-01-02T03:04:05.000Z',
        etag: o.etag ?? `"${createHash('md5').update(`${b.name}/${o.key}`).digest('hex').toUpperCase()}"`,
        storageClass: o.storageClass ?? 'Standard',
      }));
      objects.sort((/** @type {OssObject} */ x, /** @type {OssObject} */ y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      account.buckets.set(b.name, {
        name: b.name,
        region: b.region ?? 'cn-hangzhou',
        creationDate: b.creationDate ?? '2024-01-02T03:04:05.000Z',
        storageClass: b.storageClass ?? 'Standard',
        acl: b.acl ?? 'private',
        objects,
        policy: b.policy === undefined ? null : policyText(b.policy),
        resourceGroupId: b.resourceGroupId ?? null,
      });
    }
    this.accounts.set(account.uid, account);
    this.byLabel[label] = account;
  }

  /**
   * The long-term AccessKey `id` and whose it is, or null.
   * @param {string} id
   * @returns {KeyOwner | null}
   */
  keyOwner(id) {
    for (const account of this.accounts.values()) {
      const root = account.rootKeys.find((k) => k.id === id);
      if (root) return { key: root, account, user: null };
      for (const user of account.users.values()) {
        const key = user.accessKeys.find((k) => k.id === id);
        if (key) return { key, account, user };
      }
    }
    return null;
  }

  /** @param {string} name @returns {{bucket: Bucket, account: Account} | null} */
  bucket(name) {
    for (const account of this.accounts.values()) {
      const bucket = account.buckets.get(name);
      if (bucket) return { bucket, account };
    }
    return null;
  }

  /** All regions the scenario's buckets live in. */
  regions() {
    return [...new Set([...this.accounts.values()].flatMap((a) => [...a.buckets.values()].map((b) => b.region)))];
  }

  /**
   * The document of policy `name` of `type` (`System` / `Custom`) in `account`, or null.
   * @param {Account} account @param {string} type @param {string} name
   * @returns {string | null}
   */
  policyDocument(account, type, name) {
    if (type === 'System') {
      const sys = SYSTEM[name];
      return sys && name !== '_note' ? JSON.stringify(sys.document) : null;
    }
    const custom = account.policies.get(name.toLowerCase());
    return custom?.versions.find((v) => v.id === custom.defaultVersion)?.document ?? null;
  }

  /** @param {string} name @returns {{description: string, document: string} | null} */
  systemPolicy(name) {
    const sys = name === '_note' ? undefined : SYSTEM[name];
    return sys ? { description: sys.description, document: JSON.stringify(sys.document) } : null;
  }

  /** A plain JSON view of the whole state (for tests and the control API). */
  snapshot() {
    const accounts = Object.fromEntries(
      [...this.accounts.values()].map((a) => [
        a.label,
        {
          uid: a.uid,
          alias: a.alias,
          users: [...a.users.values()].map(({ accessKeys: keys, ...u }) => ({ ...u, accessKeyIds: keys.map((k) => k.id) })),
          roles: [...a.roles.values()],
          policies: [...a.policies.values()],
          buckets: [...a.buckets.values()].map(({ objects, ...b }) => ({ ...b, objectCount: objects.length })),
          resourceGroups: [...a.resourceGroups.values()],
        },
      ]),
    );
    const sessions = [...this.sessions.values()].map((s) => ({
      accessKeyId: s.accessKeyId,
      account: s.account.uid,
      roleName: s.roleName,
      sessionName: s.sessionName,
      expiration: isoSeconds(s.expiresMs),
      policy: s.policy,
    }));
    return { accounts, sessions };
  }

  /** Every AccessKey the scenario declares, for tests: `{A: {uid, alias, root, users: {name: key}}}`. */
  credentials() {
    /** @type {Record<string, any>} */
    const out = {};
    for (const a of this.accounts.values()) {
      const pair = (/** @type {AccessKey | undefined} */ k) => (k ? { accessKeyId: k.id, accessKeySecret: k.secret } : null);
      out[a.label] = {
        uid: a.uid,
        alias: a.alias,
        root: pair(a.rootKeys[0]),
        users: Object.fromEntries([...a.users.values()].map((u) => [u.name, pair(u.accessKeys[0])])),
      };
    }
    return out;
  }
}
