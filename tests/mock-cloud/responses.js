// Response shapes of the real services (shared/reference/apis.md): RPC JSON bodies with
// RequestId/HostId/Code/Message/Recommend, OSS XML `<Error>` bodies, request-id headers and a
// Date header from the mock's clock.

import { randomBytes, randomUUID } from 'node:crypto';

/** @typedef {{status: number, headers: Record<string, string>, body: string | Buffer}} Reply */

/** An API error answer; `extra` adds fields (RPC JSON members, or OSS XML elements: text or children). */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {Record<string, any>} [extra]
   */
  constructor(status, code, message, extra = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

// RPC gateway and service errors, with their documented status and message.
/** @type {Record<string, [number, string]>} */
const RPC_ERRORS = {
  IncompleteSignature: [400, 'The request signature does not conform to Aliyun standards.'],
  'InvalidTimeStamp.Format': [400, 'Specified time stamp or date value is not well formatted.'],
  'InvalidTimeStamp.Expired': [400, 'Specified time stamp or date value is expired.'],
  'InvalidAccessKeyId.NotFound': [404, 'Specified access key is not found.'],
  'InvalidAccessKeyId.Inactive': [400, 'Specified access key is disabled.'],
  MissingSecurityToken: [400, 'SecurityToken is mandatory for this action.'],
  'InvalidSecurityToken.Malformed': [400, 'Specified SecurityToken is malformed.'],
  'InvalidSecurityToken.MismatchWithAccessKey': [400, 'Specified SecurityToken mismatch with the AccessKey.'],
  'InvalidSecurityToken.Expired': [400, 'Specified SecurityToken is expired.'],
  SignatureNonceUsed: [400, 'Specified signature nonce was used already.'],
  'InvalidAction.NotFound': [404, 'Specified api is not found, please check your url and method.'],
  InvalidVersion: [400, 'Specified parameter Version is not valid.'],
  NoPermission: [403, 'You are not authorized to do this action. You should be authorized by RAM.'],
  Throttling: [503, 'Request was denied due to request throttling.'],
  'Throttling.User': [400, 'Request was denied due to user flow control.'],
  'Throttling.Api': [400, 'Request was denied due to api flow control.'],
  ServiceUnavailable: [503, 'The request has failed due to a temporary failure of the server.'],
  InternalError: [500, 'The request processing has failed due to some unknown error, exception or failure.'],
};

/**
 * A documented RPC error; `message` replaces the standard one.
 * @param {string} code @param {string} [message] @param {number} [status]
 */
export function rpcError(code, message, status) {
  const known = RPC_ERRORS[code];
  return new ApiError(status ?? known?.[0] ?? 400, code, message ?? known?.[1] ?? code);
}

/** @param {string} name */
export const missingParameter = (name) =>
  new ApiError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);

// OSS errors, with their documented status and message.
/** @type {Record<string, [number, string]>} */
const OSS_ERRORS = {
  AccessDenied: [403, 'You have no right to access this object because of bucket acl.'],
  InvalidAccessKeyId: [403, 'The OSS Access Key Id you provided does not exist in our records.'],
  SignatureDoesNotMatch: [403, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'],
  RequestTimeTooSkewed: [403, 'The difference between the request time and the current time is too large.'],
  SecurityTokenExpired: [403, 'The security token you provided has expired.'],
  InvalidSecurityToken: [403, 'The security token you provided is invalid.'],
  NoSuchBucket: [404, 'The specified bucket does not exist.'],
  NoSuchKey: [404, 'The specified key does not exist.'],
  InvalidArgument: [400, 'Argument is invalid.'],
  MethodNotAllowed: [405, 'The specified method is not allowed against this resource.'],
  ServiceUnavailable: [503, 'Please reduce your request rate.'],
  InternalError: [500, 'We encountered an internal error. Please try again.'],
};

/**
 * A documented OSS error; `message` replaces the standard one.
 * @param {string} code @param {string} [message] @param {Record<string, any>} [extra] @param {number} [status]
 */
export function ossError(code, message, extra = {}, status) {
  const known = OSS_ERRORS[code];
  return new ApiError(status ?? known?.[0] ?? 400, code, message ?? known?.[1] ?? code, extra);
}

/** RPC request ids are upper-case UUIDs. */
export const rpcRequestId = () => randomUUID().toUpperCase();
/** OSS request ids are 24 upper-case hex digits. */
export const ossRequestId = () => randomBytes(12).toString('hex').toUpperCase();

/**
 * @param {number} status @param {object} body @param {string} requestId @param {Date} date
 * @returns {Reply}
 */
export function rpcReply(status, body, requestId, date) {
  return {
    status,
    headers: {
      'content-type': 'application/json;charset=utf-8',
      'x-acs-request-id': requestId,
      date: date.toUTCString(),
    },
    body: JSON.stringify(body),
  };
}

/**
 * @param {ApiError} error @param {{requestId: string, host: string, product: string, date: Date}} at
 * @returns {Reply}
 */
export function rpcErrorReply(error, { requestId, host, product, date }) {
  const recommend = `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${product}&requestId=${requestId}`;
  return rpcReply(
    error.status,
    { RequestId: requestId, HostId: host, Code: error.code, Message: error.message, Recommend: recommend, ...error.extra },
    requestId,
    date,
  );
}

/** @param {string} s */
export const escapeXml = (s) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/**
 * An XML element: text content, or child elements (an array of [name, content] pairs).
 * @typedef {[string, string | number | boolean | XmlNode[]]} XmlNode
 */

/** @param {XmlNode} node @returns {string} */
function renderNode([name, content]) {
  const inner = Array.isArray(content) ? content.map(renderNode).join('') : escapeXml(String(content));
  return `<${name}>${inner}</${name}>`;
}

/** A whole XML document with declaration. @param {XmlNode} root */
export const xmlDocument = (root) => `<?xml version="1.0" encoding="UTF-8"?>\n${renderNode(root)}`;

/**
 * @param {number} status @param {string} body @param {string} requestId @param {Date} date
 * @returns {Reply}
 */
export function ossReply(status, body, requestId, date) {
  return {
    status,
    headers: {
      'content-type': 'application/xml',
      'x-oss-request-id': requestId,
      server: 'AliyunOSS',
      date: date.toUTCString(),
    },
    body,
  };
}

/**
 * @param {ApiError} error @param {{requestId: string, host: string, date: Date}} at
 * @returns {Reply}
 */
export function ossErrorReply(error, { requestId, host, date }) {
  /** @type {XmlNode[]} */
  const children = [
    ['Code', error.code],
    ['Message', error.message],
    ['RequestId', requestId],
    ['HostId', host],
    ...Object.entries(error.extra),
  ];
  return ossReply(error.status, xmlDocument(['Error', children]), requestId, date);
}
