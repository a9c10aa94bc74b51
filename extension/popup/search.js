// Fuzzy search over the profiles: every query token must match one field as a subsequence; the
// score prefers contiguous runs, word starts and the display name. Pure (no DOM), so it is cheap
// per keystroke: the lowercase keys are computed once, and a query that extends the previous one
// only re-checks the previous matches.

/** @typedef {import('../shared/contract').Profile} Profile */

/** The searchable fields, in the order highlights are reported; weights favour the display name. */
const FIELDS = /** @type {const} */ (['displayName', 'id', 'account', 'accountUid', 'roleName', 'group']);
/** @typedef {typeof FIELDS[number]} Field */
const WEIGHTS = [1.2, 0.9, 1, 1, 1, 0.8];

/**
 * @typedef {object} Entry one profile with its search keys
 * @property {Profile} profile
 * @property {number} order position in the INI text
 * @property {number} lastUsed ms since the epoch, 0 when never used
 * @property {string[]} keys lowercase field values, in FIELDS order ('' when absent)
 */

/**
 * @typedef {object} Match
 * @property {Entry} entry
 * @property {number} score
 */

/**
 * @param {Profile[]} profiles
 * @param {Record<string, number>} recent profile id -> last use (ms)
 * @returns {Entry[]}
 */
export function buildIndex(profiles, recent) {
  return profiles.map((profile, order) => ({
    profile,
    order,
    lastUsed: Number(recent[profile.id]) || 0,
    keys: FIELDS.map((f) => String(profile[f] ?? '').toLowerCase()),
  }));
}

/** @param {string} query @returns {string[]} lowercase tokens */
export function tokenize(query) {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

const SEPARATORS = ' -_./@:()[]';

/**
 * Scores `token` against `key` (both lowercase) as a subsequence, or -1 when it does not match.
 * A substring at a word start wins outright; otherwise the tightest subsequence ending at the first
 * possible place is scored. Fills `positions` (when given) with the matched indexes.
 * @param {string} token
 * @param {string} key
 * @param {number[]} [positions]
 */
export function scoreToken(token, key, positions) {
  const n = token.length;
  if (n === 0 || n > key.length) return -1;
  const at = bestSubstring(token, key);
  if (at >= 0) {
    if (positions) for (let i = 0; i < n; i++) positions.push(at + i);
    // The flat bonus puts a typed word above initials spread over several words ('oss' vs 'aos').
    let score = n * 16 + (n - 1) * 12 + boundaryBonus(key, at) + 16;
    if (at === 0) score += n === key.length ? 40 : 20;
    return score;
  }
  // Forward: the earliest end of a subsequence match.
  let ti = 0;
  let end = -1;
  for (let ki = 0; ki < key.length; ki++) {
    if (key.charCodeAt(ki) === token.charCodeAt(ti) && ++ti === n) {
      end = ki;
      break;
    }
  }
  if (end < 0) return -1;
  // Backward from there: the latest start, i.e. the tightest match with that end.
  /** @type {number[]} */
  const found = [];
  ti = n - 1;
  for (let ki = end; ki >= 0 && ti >= 0; ki--) {
    if (key.charCodeAt(ki) === token.charCodeAt(ti)) {
      found.push(ki);
      ti--;
    }
  }
  found.reverse();
  let score = 0;
  for (let i = 0; i < n; i++) {
    const p = /** @type {number} */ (found[i]);
    score += 16 + boundaryBonus(key, p);
    if (i > 0) {
      const gap = p - /** @type {number} */ (found[i - 1]) - 1;
      score += gap === 0 ? 12 : -Math.min(gap, 8);
    }
  }
  if (found[0] === 0) score += 10;
  if (positions) positions.push(...found);
  return score;
}

/** The first occurrence of `token` at a word start, else the first occurrence, else -1. */
function bestSubstring(/** @type {string} */ token, /** @type {string} */ key) {
  let at = key.indexOf(token);
  const first = at;
  while (at > 0 && !isBoundary(key, at)) at = key.indexOf(token, at + 1);
  return at >= 0 ? at : first;
}

/** @param {string} key @param {number} i */
function isBoundary(key, i) {
  return i === 0 || SEPARATORS.includes(key.charAt(i - 1));
}

/** @param {string} key @param {number} i */
function boundaryBonus(key, i) {
  return isBoundary(key, i) ? 10 : 0;
}

/**
 * The best weighted score of `token` over an entry's fields, or -1.
 * @param {string} token @param {Entry} entry
 */
function scoreEntryToken(token, entry) {
  let best = -1;
  for (let f = 0; f < entry.keys.length; f++) {
    const s = scoreToken(token, /** @type {string} */ (entry.keys[f]));
    if (s >= 0) {
      const weighted = s * /** @type {number} */ (WEIGHTS[f]);
      if (weighted > best) best = weighted;
    }
  }
  return best;
}

/**
 * Matches sorted best first (then most recently used, then file order).
 * @param {Entry[]} entries the candidates: all entries, or the previous query's matches when this
 *   query extends it (see `Searcher`)
 * @param {string[]} tokens
 * @returns {Match[]}
 */
export function search(entries, tokens) {
  /** @type {Match[]} */
  const matches = [];
  outer: for (const entry of entries) {
    let score = 0;
    for (const token of tokens) {
      const s = scoreEntryToken(token, entry);
      if (s < 0) continue outer;
      score += s;
    }
    matches.push({ entry, score });
  }
  matches.sort((a, b) => b.score - a.score || b.entry.lastUsed - a.entry.lastUsed || a.entry.order - b.entry.order);
  return matches;
}

/**
 * Remembers the last query so that typing one more character searches only the last matches.
 */
export class Searcher {
  /** @param {Entry[]} entries */
  constructor(entries) {
    this.entries = entries;
    /** @type {string[]} */
    this.lastTokens = [];
    /** @type {Entry[]} */
    this.lastEntries = entries;
  }

  /** Forgets the last query (the next search checks every entry). */
  reset() {
    this.lastTokens = [];
    this.lastEntries = this.entries;
  }

  /** @param {string} query @returns {Match[]} */
  search(query) {
    const tokens = tokenize(query);
    const narrows = tokens.length >= this.lastTokens.length && this.lastTokens.every((t, i) => tokens[i]?.startsWith(t));
    const candidates = narrows ? this.lastEntries : this.entries;
    const matches = search(candidates, tokens);
    this.lastTokens = tokens;
    // Kept in file order so a later, narrower search sees the same candidates in the same order.
    this.lastEntries = matches.map((m) => m.entry).sort((a, b) => a.order - b.order);
    return matches;
  }
}

/**
 * Where each query token matched in an entry's fields, for highlighting: field -> sorted indexes.
 * Each token highlights the field that scored best for it.
 * @param {Entry} entry @param {string[]} tokens
 * @returns {Partial<Record<Field, number[]>>}
 */
export function highlights(entry, tokens) {
  /** @type {Partial<Record<Field, number[]>>} */
  const result = {};
  for (const token of tokens) {
    let bestField = -1;
    let best = -1;
    for (let f = 0; f < entry.keys.length; f++) {
      const s = scoreToken(token, /** @type {string} */ (entry.keys[f]));
      const weighted = s * /** @type {number} */ (WEIGHTS[f]);
      if (s >= 0 && weighted > best) {
        best = weighted;
        bestField = f;
      }
    }
    if (bestField < 0) continue;
    const field = /** @type {Field} */ (FIELDS[bestField]);
    /** @type {number[]} */
    const positions = [];
    scoreToken(token, /** @type {string} */ (entry.keys[bestField]), positions);
    result[field] = [...new Set([...(result[field] ?? []), ...positions])].sort((a, b) => a - b);
  }
  return result;
}
