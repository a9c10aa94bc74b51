// The hostile inputs of tests/lib/hostile-cases.json, expanded for JavaScript (the Rust tests and
// the native benchmark expand the same recipes with crate/tests/common/hostile.rs).

import { readFileSync } from 'node:fs';

const RECIPES = JSON.parse(readFileSync(new URL('./hostile-cases.json', import.meta.url), 'utf8'));

/**
 * @typedef {object} HostileCase
 * @property {string} name
 * @property {string} what
 * @property {'policyLint' | 'policySimulate'} call
 * @property {number} documentBytes UTF-8 bytes of the expanded document
 * @property {string} input the contract request, as JSON text
 */

/**
 * @param {unknown} parts
 * @param {Array<[string, number]>} indices the enclosing repeats' names and indices, innermost last
 * @param {string[]} out
 */
function expand(parts, indices, out) {
  if (typeof parts === 'string') {
    let text = parts;
    for (const [name, i] of indices) text = text.replaceAll(`{${name}}`, String(i));
    out.push(text);
  } else if (Array.isArray(parts)) {
    for (const p of parts) expand(p, indices, out);
  } else {
    const repeat = /** @type {{repeat: unknown, times: number, sep?: string, as?: string}} */ (parts);
    for (let i = 0; i < repeat.times; i++) {
      if (i > 0 && repeat.sep) out.push(repeat.sep);
      expand(repeat.repeat, [...indices, [repeat.as ?? 'i', i]], out);
    }
  }
}

/** `"$name"` becomes the text `name`; `"$json:name"` the JSON value that text spells. @param {unknown} value @param {Record<string, string>} texts @returns {unknown} */
function substitute(value, texts) {
  if (typeof value === 'string' && value.startsWith('$')) {
    return value.startsWith('$json:') ? JSON.parse(texts[value.slice(6)]) : texts[value.slice(1)];
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, texts));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, texts)]));
  }
  return value;
}

/** @returns {HostileCase[]} */
export function hostileCases() {
  return RECIPES.cases.map((/** @type {any} */ recipe) => {
    /** @type {Record<string, string>} */
    const texts = {};
    for (const [name, parts] of Object.entries(recipe.texts)) {
      /** @type {string[]} */
      const out = [];
      expand(parts, [], out);
      texts[name] = out.join('');
    }
    return {
      name: recipe.name,
      what: recipe.what,
      call: recipe.call,
      documentBytes: Buffer.byteLength(texts.document ?? ''),
      input: JSON.stringify(substitute(recipe.input, texts)),
    };
  });
}
