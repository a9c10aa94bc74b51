// The content scripts run their top-level code once, at injection, whatever the page holds then.
// A top-level statement that (through the functions it calls, or any callback it creates) reads a
// `const`/`let`/`class` declared further down throws "Cannot access 'X' before initialization" on
// the pages where that path is taken at once, e.g. console-identity.js's badge when the console's
// top bar was already rendered (issue 10, item 1). Every content script is checked here with the
// TypeScript parser and checker: for each statement of the script's top scope that runs code, the
// top-scope bindings it may reach (its own references, those of the functions it reaches, and of
// every function or callback written inside it, conservatively) must all be declared above it. The
// structure this asks for: constants, state and functions first, then one entry point at the end.

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const CONTENT = join(ROOT, 'extension', 'content');

/**
 * Top-level-reach problems of one script, as "line N: ... reads X (declared at line M) ..." texts.
 * @param {string} file
 * @returns {string[]}
 */
function readsBeforeDeclaration(file) {
  const program = ts.createProgram([file], { allowJs: true, checkJs: false, noLib: true, noResolve: true, types: [] });
  const checker = program.getTypeChecker();
  const source = /** @type {ts.SourceFile} */ (program.getSourceFile(file));
  const line = (/** @type {ts.Node} */ node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

  /** @type {string[]} */
  const problems = [];
  for (const body of topScopes(source)) {
    /** @type {Map<ts.Symbol, {index: number, node: ts.Node}>} let/const/class of this scope, by statement index */
    const lexical = new Map();
    /** @type {Map<ts.Symbol, ts.FunctionDeclaration>} */
    const functions = new Map();
    body.statements.forEach((statement, index) => {
      if (ts.isFunctionDeclaration(statement) && statement.name) {
        const symbol = checker.getSymbolAtLocation(statement.name);
        if (symbol) functions.set(symbol, statement);
      } else if (ts.isClassDeclaration(statement) && statement.name) {
        const symbol = checker.getSymbolAtLocation(statement.name);
        if (symbol) lexical.set(symbol, { index, node: statement.name });
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          for (const name of bindingNames(declaration.name)) {
            const symbol = checker.getSymbolAtLocation(name);
            if (symbol) lexical.set(symbol, { index, node: name });
          }
        }
      }
    });

    body.statements.forEach((statement, index) => {
      if (ts.isFunctionDeclaration(statement)) return; // hoisted; runs only when reached
      // What this statement runs: itself (minus the names it declares), then every function it reaches.
      /** @type {ts.Node[]} */
      const roots = ts.isVariableStatement(statement)
        ? statement.declarationList.declarations.flatMap((d) => (d.initializer ? [d.initializer] : []))
        : [statement];
      /** @type {Set<ts.FunctionDeclaration>} */
      const visited = new Set();
      /** @type {Array<{node: ts.Node, via: string[]}>} */
      const work = roots.map((node) => ({ node, via: [] }));
      while (work.length > 0) {
        const { node, via } = /** @type {{node: ts.Node, via: string[]}} */ (work.pop());
        forEachIdentifier(node, (identifier) => {
          const symbol = checker.getSymbolAtLocation(identifier);
          if (!symbol) return;
          const fn = functions.get(symbol);
          if (fn && !visited.has(fn) && fn.body) {
            visited.add(fn);
            work.push({ node: fn.body, via: [...via, identifier.text] });
          }
          const declared = lexical.get(symbol);
          if (declared && declared.index >= index) {
            const path = via.length > 0 ? ` via ${via.join(' -> ')}` : '';
            problems.push(`line ${line(statement)}: runs at injection and reads ${identifier.text} (declared at line ${line(declared.node)})${path}`);
          }
        });
      }
    });
  }
  return [...new Set(problems)];
}

/**
 * The scopes whose top-level code runs at injection: the file's own statements, and the body of
 * each immediately-invoked arrow or function written at the file's top level.
 * @param {ts.SourceFile} source
 * @returns {ts.Block[] | ts.SourceFile[]}
 */
function topScopes(source) {
  /** @type {any[]} */
  const scopes = [source];
  for (const statement of source.statements) {
    ts.forEachChild(statement, function find(/** @type {ts.Node} */ node) {
      if (ts.isCallExpression(node)) {
        const callee = ts.isParenthesizedExpression(node.expression) ? node.expression.expression : node.expression;
        if ((ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) && ts.isBlock(callee.body)) scopes.push(callee.body);
      }
      if (!ts.isFunctionLike(node)) ts.forEachChild(node, find);
    });
  }
  return scopes;
}

/** @param {ts.BindingName} name @returns {ts.Identifier[]} */
function bindingNames(name) {
  if (ts.isIdentifier(name)) return [name];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** Every identifier under `node` that is a reference (not a property name after a dot). @param {ts.Node} node @param {(id: ts.Identifier) => void} visit */
function forEachIdentifier(node, visit) {
  if (ts.isIdentifier(node)) {
    const parent = node.parent;
    if (!(parent && ts.isPropertyAccessExpression(parent) && parent.name === node)) visit(node);
    return;
  }
  ts.forEachChild(node, (child) => forEachIdentifier(child, visit));
}

describe('content scripts: nothing runs at injection before what it reads is declared', () => {
  const files = readdirSync(CONTENT).filter((f) => f.endsWith('.js'));
  test('every content script is checked', () => {
    assert.ok(files.length >= 9, `found ${files.join(', ')}`);
  });
  for (const file of files) {
    test(file, () => {
      assert.deepEqual(readsBeforeDeclaration(join(CONTENT, file)), []);
    });
  }

  test('the check finds the console badge bug of issue 10 (the old structure)', () => {
    const dir = join(ROOT, 'tests', '.tmp');
    const old = join(dir, 'console-identity-old.js');
    // The shape of the old script: a top-level update() whose path reaches a constant declared below it.
    const text = [
      '(() => {',
      '  let badge = null;',
      '  function update() { badge ??= createBadge(); }',
      '  update();',
      '  const CSS = "";',
      '  function createBadge() { return CSS; }',
      '  window.addEventListener("message", () => update());',
      '})();',
    ].join('\n');
    mkdirSync(dir, { recursive: true });
    writeFileSync(old, text);
    assert.deepEqual(readsBeforeDeclaration(old), [
      'line 4: runs at injection and reads CSS (declared at line 5) via update -> createBadge',
    ]);
  });
});
