// No dead exports in the extension: every name a module of extension/ exports is imported by some
// other module (of the extension, its build scripts, the tests or the benchmarks). An export nobody
// imports is either dead code or a helper that should not be exported; both mislead the reader
// about what a module offers. Modules imported whole (`import * as ns`, or `import(path)` with a
// literal path, as the e2e tests do inside pages) count as using every export.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Generated or vendored: not ours to judge. */
const SKIP = new Set(['node_modules', 'pkg', '.tmp', 'dist', 'target']);

/** @param {string} dir @returns {string[]} */
function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return /\.(m?js)$/.test(entry.name) ? [path] : [];
  });
}

/** @param {string} file */
function parse(file) {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
}

/** Names a module exports by declaration (`export function f`, `export const a, b`, `export class C`). @param {ts.SourceFile} source */
function exportedNames(source) {
  /** @type {string[]} */
  const names = [];
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    }
  }
  return names;
}

/**
 * What `source` imports: module path -> names (or '*' for the whole module).
 * @param {ts.SourceFile} source
 * @param {Map<string, Set<string>>} used
 */
function collectImports(source, used) {
  const from = dirname(source.fileName);
  /** @param {string} specifier */
  const target = (specifier) => {
    if (specifier.startsWith('.')) return resolve(from, specifier);
    // Absolute extension paths, as pages and the e2e tests write them ('/shared/profile-store.js').
    if (specifier.startsWith('/')) return join(ROOT, 'extension', specifier);
    return null;
  };
  /** @param {string | null} module @param {string} name */
  const use = (module, name) => {
    if (!module) return;
    if (!used.has(module)) used.set(module, new Set());
    used.get(module)?.add(name);
  };
  /** @param {ts.Node} node */
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const module = target(node.moduleSpecifier.text);
      if (ts.isImportDeclaration(node)) {
        const bindings = node.importClause?.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) use(module, '*');
        if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) use(module, (e.propertyName ?? e.name).text);
        if (node.importClause?.name) use(module, 'default');
      } else if (!node.exportClause) {
        use(module, '*');
      } else if (ts.isNamedExports(node.exportClause)) {
        for (const e of node.exportClause.elements) use(module, (e.propertyName ?? e.name).text);
      }
    }
    // import('...') with a literal path, also inside strings the e2e tests evaluate in pages.
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      use(target(node.arguments[0].text), '*');
    }
    if (ts.isStringLiteralLike(node)) {
      for (const m of node.text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) use(target(m[1]), '*');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

test('every export of an extension module is imported somewhere else', () => {
  const importers = ['extension', 'tests', 'bench'].flatMap((dir) => jsFiles(join(ROOT, dir)));
  /** @type {Map<string, Set<string>>} */
  const used = new Map();
  for (const file of importers) collectImports(parse(file), used);
  // Paths the e2e tests pass to pages to import (e.g. `path: '/shared/profile-store.js'`).
  for (const file of importers.filter((f) => f.includes(`${join('tests', 'e2e')}`))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/['"](\/(?:shared|background|options|popup|workbench)\/[\w/-]+\.js)['"]/g)) {
      const module = join(ROOT, 'extension', m[1]);
      if (!used.has(module)) used.set(module, new Set());
      used.get(module)?.add('*');
    }
  }
  const dead = [];
  for (const file of jsFiles(join(ROOT, 'extension'))) {
    const names = used.get(file) ?? new Set();
    if (names.has('*')) continue;
    for (const name of exportedNames(parse(file))) {
      if (!names.has(name)) dead.push(`${relative(ROOT, file)}: ${name}`);
    }
  }
  assert.deepEqual(dead, [], `exported but never imported (remove the export, or the code if nothing uses it):\n${dead.join('\n')}`);
});
