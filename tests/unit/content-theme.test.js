// The content scripts' palette and type scale come from shared/theme.css, the one source
// (extension/build/content-theme.js writes content/theme.js from it at assembly): every custom
// property of the theme, light and dark, reaches the shadow roots' `.rolehop-theme` element, and
// the shipped dist carries the script the manifest loads before rolehop-ui.js.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { contentThemeScript } from '../../extension/build/content-theme.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const THEME = readFileSync(join(ROOT, 'extension', 'shared', 'theme.css'), 'utf8');

/** The global the generated script defines. @param {string} script @returns {{css: string}} */
function run(script) {
  return vm.runInNewContext(`${script}\nRoleHopTheme`);
}

test('every custom property of shared/theme.css, light and dark, is set on .rolehop-theme', () => {
  const { css } = run(contentThemeScript(THEME));
  const declarations = (/** @type {string} */ text) => [...text.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => `${m[1]}: ${m[2].trim()}`);
  assert.ok(declarations(THEME).length > 10);
  assert.deepEqual(declarations(css), declarations(THEME.replace(/\/\*[\s\S]*?\*\//g, '')));
  assert.doesNotMatch(css, /:root/);
  assert.match(css, /@media \(prefers-color-scheme: dark\) \{\s*\.rolehop-theme \{/);
});

test('a theme without a :root rule is refused at build time', () => {
  assert.throws(() => contentThemeScript('body { color: red; }'), /no :root rule/);
});
