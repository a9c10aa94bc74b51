// Which file of the project uses which: the Rust core's modules (from `use` declarations and
// `crate::`/`super::`/`self::` paths, following re-exports to the file that defines the item) and
// the extension's ES modules (from `import`), and the strongly connected groups of that graph
// (files that reach each other: import cycles). Rust is read as text, as a reviewer reads it:
// comments, strings and char literals are blanked first; macro expansions are not followed.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** @param {string} dir @param {RegExp} name @param {Set<string>} skip @returns {string[]} */
function filesUnder(dir, name, skip) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skip.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, name, skip);
    return name.test(entry.name) ? [path] : [];
  });
}

/**
 * Rust source with comments, string and char literals replaced by spaces (lines kept), so that
 * paths in doc comments or messages are not taken for uses.
 * @param {string} text
 */
export function blankRust(text) {
  let out = '';
  let i = 0;
  const blank = (/** @type {string} */ s) => s.replace(/[^\n]/g, ' ');
  while (i < text.length) {
    const rest = text.slice(i, i + 3);
    if (rest.startsWith('//')) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (rest.startsWith('/*')) {
      let depth = 0;
      let j = i;
      do {
        if (text.startsWith('/*', j)) {
          depth += 1;
          j += 2;
        } else if (text.startsWith('*/', j)) {
          depth -= 1;
          j += 2;
        } else j += 1;
      } while (depth > 0 && j < text.length);
      out += blank(text.slice(i, j));
      i = j;
    } else if (/^(b?r#*")/.test(text.slice(i, i + 8)) && !/\w/.test(text[i - 1] ?? '')) {
      const m = /** @type {RegExpMatchArray} */ (text.slice(i, i + 8).match(/^(b?r(#*)")/));
      const close = `"${m[2]}`;
      const end = text.indexOf(close, i + m[1].length);
      const stop = end === -1 ? text.length : end + close.length;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += blank(text.slice(i, j + 1));
      i = j + 1;
    } else if (text[i] === "'") {
      // A char literal ('a', '\n', '\u{1F600}', '"') or a lifetime ('a, 'static): only the former ends with a quote soon.
      const m = text.slice(i).match(/^'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'/);
      if (m) {
        out += blank(m[0]);
        i += m[0].length;
      } else {
        out += text[i];
        i += 1;
      }
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/**
 * The paths of a use tree: `a::{b, c::{d as e, *}, self}` -> a::b, a::c::d, a::c::*, a.
 * @param {string} tree
 * @returns {string[][]}
 */
export function useTreePaths(tree) {
  const text = tree.replace(/\s+/g, '');
  /** @param {string} t @param {string[]} prefix @returns {string[][]} */
  const expand = (t, prefix) => {
    const brace = t.indexOf('{');
    if (brace === -1) {
      const segments = t.replace(/\bas\w+$/, '').split('::').filter(Boolean).map((s) => s.replace(/as\w+$/, ''));
      const path = [...prefix, ...segments];
      return [path[path.length - 1] === 'self' ? path.slice(0, -1) : path];
    }
    const head = t.slice(0, brace).split('::').filter(Boolean);
    const inner = t.slice(brace + 1, t.lastIndexOf('}'));
    /** @type {string[]} */
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let k = 0; k < inner.length; k += 1) {
      if (inner[k] === '{') depth += 1;
      else if (inner[k] === '}') depth -= 1;
      else if (inner[k] === ',' && depth === 0) {
        parts.push(inner.slice(start, k));
        start = k + 1;
      }
    }
    parts.push(inner.slice(start));
    return parts.filter(Boolean).flatMap((p) => expand(p, [...prefix, ...head]));
  };
  return expand(text.replace(/\bas\b/g, 'as'), []);
}

/**
 * The Rust crate's module files (crate/src, without src/bin) and the module path of each.
 * @param {string} src the crate's src directory
 */
function rustModules(src) {
  /** @type {Map<string, string>} module path "a::b" -> file */
  const byPath = new Map();
  for (const file of filesUnder(src, /\.rs$/, new Set(['bin']))) {
    const rel = relative(src, file).replace(/\\/g, '/').replace(/\.rs$/, '');
    const parts = rel.split('/');
    if (parts[parts.length - 1] === 'mod' || rel === 'lib') parts.pop();
    byPath.set(parts.join('::'), file);
  }
  return byPath;
}

/**
 * A file's code split by inline module (`mod tests { ... }`): each piece with the module path it
 * is written in, so that `super::` inside an inline module means the file itself.
 * @param {string} code blanked code
 * @param {string[]} self the file's module path
 * @returns {{ path: string[], code: string }[]}
 */
function inlineModules(code, self) {
  /** @type {{ path: string[], code: string }[]} */
  const pieces = [];
  let rest = '';
  let i = 0;
  const opening = /\bmod\s+(\w+)\s*\{/g;
  while (i < code.length) {
    opening.lastIndex = i;
    const m = opening.exec(code);
    if (!m) {
      rest += code.slice(i);
      break;
    }
    rest += code.slice(i, m.index);
    let depth = 1;
    let j = m.index + m[0].length;
    while (j < code.length && depth > 0) {
      if (code[j] === '{') depth += 1;
      else if (code[j] === '}') depth -= 1;
      j += 1;
    }
    // Test modules are left out: what only the tests use forms no cycle in the product.
    const isTest = /#\[cfg\(test\)\]\s*$/.test(code.slice(Math.max(0, m.index - 40), m.index));
    if (!isTest) pieces.push(...inlineModules(code.slice(m.index + m[0].length, j - 1), [...self, m[1]]));
    rest += ` mod ${m[1]};`;
    i = j;
  }
  pieces.push({ path: self, code: rest });
  return pieces;
}

/**
 * What a module file declares: the names it defines, and the names it brings in with `use`
 * (with the absolute path each stands for), so that a path through a re-export leads to the file
 * that defines the item rather than to the module that re-exports it.
 * @typedef {{ defines: Set<string>, aliases: Map<string, string[]>, globs: string[][], uses: string[][] }} ModuleFacts
 */

/**
 * @param {string[]} path a path as written
 * @param {string[]} self the module it is written in
 * @param {Map<string, string>} modules
 * @returns {string[] | null} the absolute path, or null for another crate's
 */
function absolutePath(path, self, modules) {
  if (path[0] === 'crate') return path.slice(1);
  if (path[0] === 'super' || path[0] === 'self') {
    let base = [...self];
    let k = 0;
    while (path[k] === 'super' || path[k] === 'self') {
      if (path[k] === 'super') base = base.slice(0, -1);
      k += 1;
    }
    return [...base, ...path.slice(k)];
  }
  // A path starting with a child module's name (edition 2018 relative path).
  for (let n = self.length; n >= 0; n -= 1) {
    const candidate = [...self.slice(0, n), path[0]].join('::');
    if (modules.has(candidate) && n === self.length) return [...self, ...path];
  }
  return null;
}

/**
 * Edges between the crate's files: file -> files that define the items it names.
 * @param {string} src
 * @returns {Map<string, Set<string>>}
 */
export function rustGraph(src) {
  const modules = rustModules(src);
  /** @type {Map<string, ModuleFacts>} keyed by module path (files and inline modules) */
  const facts = new Map();
  /** @type {{ file: string, path: string[], uses: string[][] }[]} */
  const users = [];
  for (const [modulePath, file] of modules) {
    const self = modulePath === '' ? [] : modulePath.split('::');
    for (const piece of inlineModules(blankRust(readFileSync(file, 'utf8')), self)) {
      /** @type {ModuleFacts} */
      const fact = { defines: new Set(), aliases: new Map(), globs: [], uses: [] };
      const withoutUses = piece.code.replace(/\buse\s+[^;]+;/g, (u) => u.replace(/[^\n]/g, ' '));
      for (const m of withoutUses.matchAll(/\b(?:fn|struct|enum|trait|type|const|static|union|mod)\s+(\w+)/g)) fact.defines.add(m[1]);
      for (const m of withoutUses.matchAll(/\bmacro_rules!\s*(\w+)/g)) fact.defines.add(m[1]);
      for (const m of piece.code.matchAll(/\buse\s+([^;]+);/g)) {
        const aliasOf = new Map(
          [...m[1].replace(/\s+/g, ' ').matchAll(/(\w+)\s+as\s+(\w+)/g)].map((a) => [a[1], a[2]]),
        );
        for (const written of useTreePaths(m[1])) {
          const absolute = absolutePath(written, piece.path, modules);
          if (!absolute) continue;
          fact.uses.push(absolute);
          const last = absolute[absolute.length - 1];
          if (last === '*') fact.globs.push(absolute.slice(0, -1));
          else fact.aliases.set(aliasOf.get(last) ?? last, absolute);
        }
      }
      for (const m of withoutUses.matchAll(/\b(?:crate|super|self)(?:::\w+)+/g)) {
        const absolute = absolutePath(m[0].split('::'), piece.path, modules);
        if (absolute) fact.uses.push(absolute);
      }
      // A path through a child module declared here (`mod a_side;` ... `a_side::role_exists`).
      for (const m of withoutUses.matchAll(/(?<![\w:])([a-z_][a-z0-9_]*)((?:::\w+)+)/g)) {
        if (['crate', 'super', 'self'].includes(m[1])) continue;
        const child = [...piece.path, m[1]];
        if (modules.has(child.join('::')) || facts.has(child.join('::'))) fact.uses.push([...child, ...m[2].split('::').filter(Boolean)]);
      }
      facts.set(piece.path.join('::'), fact);
      users.push({ file, path: piece.path, uses: fact.uses });
    }
  }

  /**
   * The file that defines what an absolute path names, following `use` re-exports.
   * @param {string[]} path
   * @param {number} depth
   * @returns {string | undefined}
   */
  const defining = (path, depth) => {
    for (let n = path.length; n >= 0; n -= 1) {
      const modulePath = path.slice(0, n).join('::');
      const fact = facts.get(modulePath);
      if (!fact) continue;
      // The file that holds this (possibly inline) module.
      let fileModule = path.slice(0, n);
      while (!modules.has(fileModule.join('::'))) fileModule = fileModule.slice(0, -1);
      const file = modules.get(fileModule.join('::'));
      const item = path[n];
      if (item === undefined || item === '*' || fact.defines.has(item) || depth > 8) return file;
      const alias = fact.aliases.get(item);
      if (alias) return defining([...alias, ...path.slice(n + 1)], depth + 1) ?? file;
      for (const glob of fact.globs) {
        const through = defining([...glob, ...path.slice(n)], depth + 1);
        if (through && through !== modules.get(glob.join('::'))) return through;
      }
      return file;
    }
    return undefined;
  };

  /** @type {Map<string, Set<string>>} */
  const graph = new Map([...modules.values()].map((f) => [f, new Set()]));
  for (const { file, uses } of users) {
    for (const path of uses) {
      const target = defining(path, 0);
      if (target && target !== file) graph.get(file)?.add(target);
    }
  }
  return graph;
}

/**
 * The relative module paths a JS file loads: static imports, re-exports, and dynamic `import()`
 * with a literal path (JSDoc `import('...')` types are not loads).
 * @param {string} file
 * @returns {string[]}
 */
function jsLoads(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  /** @type {string[]} */
  const loads = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      loads.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) loads.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return loads.filter((path) => path.startsWith('./') || path.startsWith('../'));
}

/**
 * Edges between the extension's ES modules.
 * @param {string} dir the extension directory
 * @returns {Map<string, Set<string>>}
 */
export function jsGraph(dir) {
  const files = filesUnder(dir, /\.js$/, new Set(['pkg', 'node_modules']));
  /** @type {Map<string, Set<string>>} */
  const graph = new Map(files.map((f) => [f, new Set()]));
  for (const file of files) {
    for (const path of jsLoads(file)) {
      const target = resolve(dirname(file), path);
      if (existsSync(target) && target !== file) graph.get(file)?.add(target);
    }
  }
  return graph;
}

/**
 * Groups of two or more files that reach each other (Tarjan's strongly connected components).
 * @param {Map<string, Set<string>>} graph
 * @returns {string[][]}
 */
export function cycles(graph) {
  let index = 0;
  /** @type {Map<string, number>} */
  const order = new Map();
  /** @type {Map<string, number>} */
  const low = new Map();
  /** @type {string[]} */
  const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */
  const groups = [];
  /** @param {string} v */
  const connect = (v) => {
    order.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        connect(w);
        low.set(v, Math.min(/** @type {number} */ (low.get(v)), /** @type {number} */ (low.get(w))));
      } else if (onStack.has(w)) low.set(v, Math.min(/** @type {number} */ (low.get(v)), /** @type {number} */ (order.get(w))));
    }
    if (low.get(v) === order.get(v)) {
      /** @type {string[]} */
      const group = [];
      let w;
      do {
        w = /** @type {string} */ (stack.pop());
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) connect(v);
  return groups;
}
