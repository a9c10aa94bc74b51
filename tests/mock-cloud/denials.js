// What the mock says about its own refusals, as the real services document it: an
// AccessDeniedDetail (PolicyType, NoPermissionType, AuthAction, the principal) with an encoded
// diagnostic message, in JSON for RPC and in XML (with an EC code) for OSS; and RAM
// DecodeDiagnosticMessage, which turns an encoded message back into its facts. The encoded message
// is opaque here too: a random token the world remembers, never the facts themselves.

import { randomBytes } from 'node:crypto';
import { ApiError, rpcError } from './responses.js';

/** @typedef {import('./world.js').World} World */
/** @typedef {import('./world.js').Caller} Caller */
/** @typedef {import('./authorize.js').PolicyType} PolicyType */
/** @typedef {import('./responses.js').XmlNode} XmlNode */

/**
 * The facts of one refusal.
 * @typedef {object} Diagnostic
 * @property {PolicyType} policyType
 * @property {boolean} explicitDeny
 * @property {string} action
 * @property {string} resource
 * @property {'SubUser' | 'AssumedRoleUser'} principalType
 * @property {string} ownerId the principal's account
 * @property {string} displayName
 */

/** OSS's EC code of an explicit Deny in a RAM policy, and of a bucket policy's Deny. */
export const EC_RAM_EXPLICIT_DENY = '0003-00000201';
export const EC_BUCKET_POLICY = '0003-00000101';
/** The policy types of RAM identity policies (the EC code of their explicit Deny is the same). @type {PolicyType[]} */
const RAM_POLICY_TYPES = ['AccountLevelIdentityBasedPolicy', 'ResourceGroupLevelIdentityBasedPolicy'];

/**
 * Records a refusal and returns its facts with the encoded message that names them.
 * @param {World} world @param {Caller} caller
 * @param {{action: string, resource: string, policyType: PolicyType, explicitDeny: boolean}} refusal
 * @returns {{facts: Diagnostic, encoded: string}}
 */
export function recordRefusal(world, caller, { action, resource, policyType, explicitDeny }) {
  /** @type {Diagnostic} */
  const facts = {
    policyType,
    explicitDeny,
    action,
    resource,
    principalType: caller.kind === 'session' ? 'AssumedRoleUser' : 'SubUser',
    ownerId: caller.account.uid,
    displayName: caller.kind === 'session'
      ? `${caller.session.roleName}:${caller.session.sessionName}`
      : caller.kind === 'user' ? caller.user.name : caller.account.uid,
  };
  const encoded = `AQIB${randomBytes(48).toString('base64')}`;
  world.diagnostics.set(encoded, facts);
  return { facts, encoded };
}

/**
 * An RPC NoPermission with the detail in its JSON body (camelCase, as newer OpenAPI answers).
 * @param {World} world @param {Caller} caller
 * @param {{action: string, resource: string, policyType: PolicyType, explicitDeny: boolean}} refusal
 */
export function rpcRefusal(world, caller, refusal) {
  const { facts, encoded } = recordRefusal(world, caller, refusal);
  const error = rpcError('NoPermission');
  error.extra = {
    AccessDeniedDetail: {
      policyType: facts.policyType,
      noPermissionType: facts.explicitDeny ? 'ExplicitDeny' : 'ImplicitDeny',
      authAction: facts.action,
      authPrincipalType: facts.principalType,
      authPrincipalOwnerId: facts.ownerId,
      authPrincipalDisplayName: facts.displayName,
      encodedDiagnosticInfo: encoded,
    },
  };
  return error;
}

/**
 * The `<AccessDeniedDetail>` children and `<EC>` of an OSS refusal.
 * @param {World} world @param {Caller} caller
 * @param {{action: string, resource: string, policyType: PolicyType, explicitDeny: boolean}} refusal
 * @returns {Record<string, XmlNode[] | string>}
 */
export function ossRefusalExtra(world, caller, refusal) {
  const { facts, encoded } = recordRefusal(world, caller, refusal);
  /** @type {Record<string, XmlNode[] | string>} */
  const extra = {
    AccessDeniedDetail: [
      ['PolicyType', facts.policyType],
      ['AuthPrincipalOwnerId', facts.ownerId],
      ['AuthPrincipalType', facts.principalType],
      ['AuthPrincipalDisplayName', facts.displayName],
      ['NoPermissionType', facts.explicitDeny ? 'ExplicitDeny' : 'ImplicitDeny'],
      ['AuthAction', facts.action],
      ['EncodedDiagnosticMessage', encoded],
    ],
  };
  // 0003-00000201 is an explicit Deny in a RAM policy: attached for the account or for a resource group.
  if (facts.explicitDeny && RAM_POLICY_TYPES.includes(facts.policyType)) extra.EC = EC_RAM_EXPLICIT_DENY;
  return extra;
}

/**
 * RAM DecodeDiagnosticMessage: the caller needs ram:DecodeDiagnosticMessage (checked by the
 * caller of this function) and decodes only refusals of principals of its own account.
 * @param {World} world @param {Caller} caller @param {string} encoded
 */
export function decode(world, caller, encoded) {
  const facts = world.diagnostics.get(encoded);
  if (!facts || facts.ownerId !== caller.account.uid) {
    throw new ApiError(400, 'InvalidParameter.EncodedDiagnosticMessage', 'The parameter EncodedDiagnosticMessage is invalid.');
  }
  return {
    DecodedDiagnosticMessage: {
      ExplicitDeny: facts.explicitDeny,
      NoPermissionPolicyType: facts.policyType,
      AuthAction: facts.action,
      AuthResource: facts.resource,
      AuthPrincipal: {
        AuthPrincipalType: facts.principalType,
        AuthPrincipalOwnerId: facts.ownerId,
        AuthPrincipalDisplayName: facts.displayName,
      },
    },
  };
}
