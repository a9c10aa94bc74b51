// The project's layering, read from the code: no import cycles between files (Rust and JS), no
// lower layer of the core reaching into `contract/` or `wasm/`, and no service-worker file
// importing a page's module. Each rule lists what still breaks it today (issue 12), so that the
// test fails on anything new, and also when a listed exception is gone (then the list shrinks).

import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { blankRust, cycles, jsGraph, rustGraph, useTreePaths } from '../lib/import-graph.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'crate', 'src');
const EXTENSION = join(ROOT, 'extension');

/**
 * Rust file groups that still reach each other, each as its sorted files (relative to crate/src).
 * Each is a known debt of issue 12; remove a line when its cycle is broken.
 * @type {string[]}
 */
const KNOWN_RUST_CYCLES = [];

/**
 * Files below the contract that still import it (`from -> to`, relative to crate/src).
 * @type {string[]}
 */
const KNOWN_LAYER_BREAKS = [];

/** The extension's folders a service-worker file may import from (the wasm glue only through shared/core.js). */
const WORKER_MAY_IMPORT = new Set(['background', 'shared']);
/** Worker files that still import a page's module (relative to extension/). */
/** @type {string[]} */
const KNOWN_WORKER_BREAKS = [];

/**
 * A scratch crate from `{ path: text }`.
 * @param {Record<string, string>} files
 */
function scratchCrate(files) {
  const dir = mkdtempSync(join(tmpdir(), 'rolehop-graph-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** @param {string} dir @param {Map<string, Set<string>>} graph */
function named(dir, graph) {
  return cycles(graph).map((group) => group.map((f) => relative(dir, f)).join(' '));
}

/** @param {string} dir @param {Map<string, Set<string>>} graph @param {string} file */
function edgesOf(dir, graph, file) {
  return [...(graph.get(join(dir, file)) ?? [])].map((t) => relative(dir, t)).sort();
}

test('use trees expand to every path they name', () => {
  assert.deepEqual(useTreePaths('a::{b, c::{d as e, *}, self}'), [
    ['a', 'b'],
    ['a', 'c', 'd'],
    ['a', 'c', '*'],
    ['a'],
  ]);
});

test('comments, strings and char literals are not read as code, lifetimes are kept', () => {
  const code = `use crate::a; // crate::b\n/* crate::c /* nested */ */ let s = "crate::d"; let r = r#"crate::e"#; let q = '"'; fn f<'a>(x: &'a str) {}`;
  const blanked = blankRust(code);
  assert.equal(blanked.length, code.length);
  assert.match(blanked, /crate::a/);
  assert.doesNotMatch(blanked, /crate::[bcde]/);
  assert.match(blanked, /<'a>/);
});

test('a path through a re-export leads to the file that defines the item', () => {
  const dir = scratchCrate({
    'lib.rs': 'pub mod top;\n',
    'top/mod.rs': 'mod shared;\nmod user;\npub use shared::Thing;\npub use user::run;\n',
    'top/shared.rs': 'pub struct Thing;\n',
    'top/user.rs': 'use super::Thing;\npub fn run(_: Thing) {}\n',
  });
  const graph = rustGraph(dir);
  assert.deepEqual(edgesOf(dir, graph, 'top/user.rs'), ['top/shared.rs']);
  assert.deepEqual(named(dir, graph), [], 'mod.rs re-exporting its children is no cycle');
});

test('a path through a child module in code is an edge: mod.rs calling its child, which uses mod.rs, is a cycle', () => {
  const dir = scratchCrate({
    'lib.rs': 'pub mod top;\n',
    'top/mod.rs': 'mod user;\npub struct Cx;\npub fn run() { user::go(&Cx) }\n',
    'top/user.rs': 'use super::Cx;\npub fn go(_: &Cx) {}\n',
  });
  assert.deepEqual(named(dir, rustGraph(dir)), ['top/mod.rs top/user.rs']);
});

test('a child using what its mod.rs defines, while mod.rs uses the child, is a cycle', () => {
  const dir = scratchCrate({
    'lib.rs': 'pub mod top;\n',
    'top/mod.rs': 'mod user;\npub use user::run;\npub fn helper() {}\n',
    'top/user.rs': 'pub fn run() { super::helper() }\n',
  });
  assert.deepEqual(named(dir, rustGraph(dir)), ['top/mod.rs top/user.rs']);
});

test('test modules are left out, and `super` inside an inline module is its own file', () => {
  const dir = scratchCrate({
    'lib.rs': 'pub mod a;\npub mod b;\n',
    'a.rs': 'pub fn f() {}\n#[cfg(test)]\nmod tests {\n    use super::*;\n    use crate::b::g;\n}\n',
    'b.rs': 'use crate::a::f;\npub fn g() { f() }\npub mod inner {\n    use super::g;\n}\n',
  });
  const graph = rustGraph(dir);
  assert.deepEqual(edgesOf(dir, graph, 'a.rs'), []);
  assert.deepEqual(edgesOf(dir, graph, 'b.rs'), ['a.rs']);
  assert.deepEqual(named(dir, graph), []);
});

test('JS imports, re-exports and dynamic imports with a literal path are edges', () => {
  const dir = scratchCrate({
    'a.js': "import { b } from './b.js';\nexport { c } from './c.js';\nconst d = await import('./d.js');\n",
    'b.js': 'export const b = 1;\n',
    'c.js': "import './a.js';\nexport const c = 1;\n",
    'd.js': 'export const d = 1;\n',
  });
  const graph = jsGraph(dir);
  assert.deepEqual(edgesOf(dir, graph, 'a.js'), ['b.js', 'c.js', 'd.js']);
  assert.deepEqual(named(dir, graph), ['a.js c.js']);
});

/**
 * Compares what the code has with what is listed, both ways.
 * @param {string} rule @param {string[]} found @param {string[]} known
 */
function sameAsKnown(rule, found, known) {
  const added = found.filter((f) => !known.includes(f));
  const gone = known.filter((k) => !found.includes(k));
  assert.deepEqual(added, [], `${rule}: new, break them (see the edges above): ${added.join(' | ')}`);
  assert.deepEqual(gone, [], `${rule}: gone, remove them from the list in this test: ${gone.join(' | ')}`);
}

test('the core has no import cycles but the listed ones', () => {
  const graph = rustGraph(SRC);
  const found = cycles(graph).map((group) => group.map((f) => relative(SRC, f)).join(' '));
  for (const group of cycles(graph).filter((g) => !KNOWN_RUST_CYCLES.includes(g.map((f) => relative(SRC, f)).join(' ')))) {
    for (const from of group) {
      for (const to of graph.get(from) ?? []) if (group.includes(to)) console.log(`  ${relative(SRC, from)} -> ${relative(SRC, to)}`);
    }
  }
  sameAsKnown('Rust import cycles', found, KNOWN_RUST_CYCLES);
});

test('no layer below the contract imports contract/ or wasm/ but the listed files', () => {
  const graph = rustGraph(SRC);
  const upper = /^(contract|wasm)\//;
  /** @type {string[]} */
  const found = [];
  for (const [from, targets] of graph) {
    const file = relative(SRC, from);
    if (upper.test(file) || file === 'lib.rs') continue;
    for (const to of targets) if (upper.test(relative(SRC, to))) found.push(`${file} -> ${relative(SRC, to)}`);
  }
  sameAsKnown('Imports of the contract from below', found.sort(), KNOWN_LAYER_BREAKS);
});

test('the extension has no import cycles', () => {
  assert.deepEqual(named(EXTENSION, jsGraph(EXTENSION)), []);
});

test("no service-worker file imports a page's module but the listed ones", () => {
  /** @type {string[]} */
  const found = [];
  for (const [from, targets] of jsGraph(EXTENSION)) {
    const file = relative(EXTENSION, from);
    if (!file.startsWith('background/')) continue;
    for (const to of targets) {
      const target = relative(EXTENSION, to);
      if (!WORKER_MAY_IMPORT.has(target.split('/')[0])) found.push(`${file} -> ${target}`);
    }
  }
  sameAsKnown("Worker imports of pages' modules", found.sort(), KNOWN_WORKER_BREAKS);
});
