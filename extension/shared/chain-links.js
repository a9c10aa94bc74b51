// The chain of the workbench's last checks run (report.chain, crate/src/checks/chain.rs), as
// the workbench keeps it in its progress for the RAM console panel to draw. Storage is not trusted
// to hold what was written: readChain keeps a chain only in the shape the core gives.

/** @typedef {import('./contract').ChainLink} ChainLink */

const LINKS = ['b-user', 'assume-grant', 'role-trust', 'oss-permission', 'bucket'];
const STATUSES = ['pass', 'fail', 'not-checked'];

/** @typedef {{id: string, args?: Record<string, unknown>}} Message */

/**
 * A core message `{id, args}` (a `core_` id; arguments that are texts, numbers or messages), with
 * its arguments in the core's order, or undefined. The arguments come as an object (from the core)
 * or as `[name, value]` pairs (as stored: storage sorts an object's keys, and a catalog's
 * placeholders are by position, so an object read back would put the values in the wrong places).
 * @param {unknown} value
 * @returns {Message | undefined}
 */
function readMessage(value, depth = 0) {
  if (typeof value !== 'object' || value === null || depth > 8) return undefined;
  const { id, args } = /** @type {{id?: unknown, args?: unknown}} */ (value);
  if (typeof id !== 'string' || !/^core_[a-z0-9_]+$/.test(id)) return undefined;
  if (args === undefined) return { id };
  if (typeof args !== 'object' || args === null) return undefined;
  const entries = Array.isArray(args) ? args : Object.entries(args);
  /** @type {Record<string, unknown>} */
  const read = {};
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return undefined;
    const [name, arg] = entry;
    if (typeof arg === 'string' || typeof arg === 'number') read[name] = arg;
    else {
      const nested = readMessage(arg, depth + 1);
      if (!nested) return undefined;
      read[name] = nested;
    }
  }
  return { id, args: read };
}

/** A message as stored: its arguments as `[name, value]` pairs, in order. @param {Message} message @returns {unknown} */
function storedMessage(message) {
  if (!message.args) return { id: message.id };
  return {
    id: message.id,
    args: Object.entries(message.args).map(([name, arg]) => [name, typeof arg === 'object' && arg !== null ? storedMessage(/** @type {Message} */ (arg)) : arg]),
  };
}

/**
 * The chain as the workbench stores it in its progress: every message's arguments as ordered
 * pairs, which readChain turns back into the core's form.
 * @param {ChainLink[]} chain
 */
export function storedChain(chain) {
  return chain.map((link) => ({
    ...link,
    title: storedMessage(/** @type {Message} */ (link.title)),
    ...(link.cause ? { cause: storedMessage(/** @type {Message} */ (link.cause)) } : {}),
    ...(link.fix ? { fix: storedMessage(/** @type {Message} */ (link.fix)) } : {}),
  }));
}

/**
 * The chain as the core gives it (five links in order), or undefined for anything else.
 * @param {unknown} value
 * @returns {ChainLink[] | undefined}
 */
export function readChain(value) {
  if (!Array.isArray(value) || value.length !== LINKS.length) return undefined;
  /** @type {unknown[]} */
  const links = [];
  for (const [i, link] of value.entries()) {
    if (typeof link !== 'object' || link === null) return undefined;
    const title = readMessage(link.title);
    const cause = link.cause === undefined ? undefined : readMessage(link.cause);
    const fix = link.fix === undefined ? undefined : readMessage(link.fix);
    const ok = link.link === LINKS[i]
      && STATUSES.includes(link.status)
      && [1, 2, 3, 4].includes(link.step)
      && title !== undefined
      && (link.check === undefined || typeof link.check === 'string')
      && (link.cause === undefined || cause !== undefined)
      && (link.fix === undefined || fix !== undefined);
    if (!ok) return undefined;
    links.push({ ...link, title, ...(cause ? { cause } : {}), ...(fix ? { fix } : {}) });
  }
  return /** @type {ChainLink[]} */ (links);
}
