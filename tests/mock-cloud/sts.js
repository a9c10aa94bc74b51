// STS actions: GetCallerIdentity and AssumeRole (shared/reference/apis.md).

import { grammarError, trustDecision } from './authorize.js';
import { rpcRefusal } from './denials.js';
import { ApiError, missingParameter, rpcError } from './responses.js';
import { isoSeconds, randomToken } from './world.js';

/** @typedef {import('./rpc.js').RpcContext} RpcContext */

/** @param {RpcContext} ctx */
function GetCallerIdentity({ caller }) {
  const uid = caller.account.uid;
  if (caller.kind === 'root') {
    return { AccountId: uid, Arn: `acs:ram::${uid}:root`, IdentityType: 'Account', PrincipalId: uid, UserId: uid };
  }
  if (caller.kind === 'user') {
    const { user } = caller;
    return {
      AccountId: uid,
      Arn: `acs:ram::${uid}:user/${user.name}`,
      IdentityType: 'RAMUser',
      PrincipalId: user.userId,
      UserId: user.userId,
    };
  }
  const { session } = caller;
  return {
    AccountId: uid,
    Arn: `acs:sts::${uid}:assumed-role/${session.roleName}/${session.sessionName}`,
    IdentityType: 'AssumedRoleUser',
    PrincipalId: `${session.roleId}:${session.sessionName}`,
    RoleId: session.roleId,
  };
}

/** @param {RpcContext} ctx */
function AssumeRole({ world, caller, params, now, require }) {
  const arn = params.RoleArn;
  if (!arn) throw missingParameter('RoleArn');
  const sessionName = params.RoleSessionName;
  if (!sessionName) throw missingParameter('RoleSessionName');
  const parsed = /^acs:ram::(\d+):role\/([A-Za-z0-9.-]{1,64})$/i.exec(arn);
  if (!parsed) throw new ApiError(400, 'InvalidParameter.RoleArn', 'The parameter RoleArn is wrongly formed.');
  if (!/^[A-Za-z0-9.@_-]{2,64}$/.test(sessionName)) {
    throw new ApiError(400, 'InvalidParameter.RoleSessionName', 'The parameter RoleSessionName is wrongly formed.');
  }
  const policy = params.Policy ?? null;
  if (policy !== null && (policy.length < 1 || policy.length > 2048 || grammarError(policy) !== null)) {
    throw new ApiError(400, 'InvalidParameter.PolicyGrammar', `The parameter Policy has not a valid grammar: ${grammarError(policy) ?? 'length must be 1-2048'}.`);
  }
  const externalId = params.ExternalId;
  if (externalId !== undefined && !/^[\w+=,.@:/-]{2,1224}$/.test(externalId)) {
    throw new ApiError(400, 'InvalidParameter.ExternalId', 'The parameter ExternalId is wrongly formed.');
  }
  if (caller.kind === 'root') throw rpcError('NoPermission', 'Roles may not be assumed by root accounts.');
  // The caller's own policies first, then the role and its trust policy.
  require('sts:AssumeRole', arn);
  const [, uid, roleName] = parsed;
  const account = world.accounts.get(uid);
  const role = account?.roles.get(roleName.toLowerCase());
  if (!account || !role) throw new ApiError(404, 'EntityNotExist.Role', `The specified Role not exists: ${arn}.`);
  /** @type {Record<string, string>} */
  const context = externalId === undefined ? {} : { 'sts:externalid': externalId };
  const trust = trustDecision(role, caller, context);
  if (trust !== 'Allow') {
    throw rpcRefusal(world, caller, { action: 'sts:AssumeRole', resource: arn, policyType: 'AssumeRolePolicy', explicitDeny: trust === 'ExplicitDeny' });
  }
  const duration = params.DurationSeconds === undefined ? 3600 : Number(params.DurationSeconds);
  if (!Number.isInteger(duration) || duration < 900 || duration > role.maxSessionDuration) {
    throw new ApiError(400, 'InvalidParameter.DurationSeconds', `The DurationSeconds must be between 900 and ${role.maxSessionDuration} (the role's MaxSessionDuration).`);
  }
  const session = {
    accessKeyId: `STS.NT${randomToken(26)}`,
    secret: randomToken(44),
    token: `CAIS${randomToken(320)}`,
    expiresMs: Math.floor(now / 1000) * 1000 + duration * 1000,
    account,
    roleName: role.name,
    roleId: role.roleId,
    sessionName,
    policy,
  };
  world.sessions.set(session.accessKeyId, session);
  return {
    AssumedRoleUser: {
      AssumedRoleId: `${role.roleId}:${sessionName}`,
      Arn: `acs:ram::${uid}:role/${role.name}/${sessionName}`,
    },
    Credentials: {
      SecurityToken: session.token,
      AccessKeyId: session.accessKeyId,
      AccessKeySecret: session.secret,
      Expiration: isoSeconds(session.expiresMs),
    },
  };
}

/** @type {Record<string, import('./rpc.js').RpcAction>} */
export const STS_ACTIONS = { GetCallerIdentity, AssumeRole };
