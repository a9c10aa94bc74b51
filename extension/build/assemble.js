// Assembles the loadable extensions dist/chromium and dist/firefox from extension/: copies the
// runtime files (never build scripts, type declarations or wasm-bindgen's extras) and writes each
// browser's manifest.json from the one source, extension/manifest.json.
//   node extension/build/assemble.js <dist dir>
// build.sh runs it after the wasm package is in extension/pkg.

import { buildSync } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_THEME, contentThemeScript } from './content-theme.js';

const EXTENSION = dirname(dirname(fileURLToPath(import.meta.url)));
const ROOT = dirname(EXTENSION);

/** What ships: whole folders (minus the filter below) and the core's wasm modules with their glue (build.sh, shared/core.js). */
const SHIPPED_DIRS = ['_locales', 'icons', 'background', 'content', 'popup', 'options', 'workbench', 'shared', 'offscreen'];
const WASM_MODULES = ['profiles', 'transfer', 'api', 'checks', 'tutorial', 'policy'];
const SHIPPED_FILES = WASM_MODULES.flatMap((m) => [`pkg/rolehop_${m}.js`, `pkg/rolehop_${m}_bg.wasm`]);

const FIREFOX_ID = 'rolehop@rolehop';
/** The first versions that know `data_collection_permissions`: desktop 140 (an ESR), Android 142. */
const FIREFOX_MIN_VERSION = '140.0';
const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** @typedef {Record<string, any>} Manifest */

/** @type {Record<string, (m: Manifest) => Manifest>} */
const BROWSERS = {
  // Chromium: the source as is (background.service_worker, type module).
  chromium: (m) => m,
  // Firefox runs MV3 background code as an event page: it needs `scripts` beside `service_worker`,
  // and an id plus the data-collection declaration to install and to pass `web-ext lint`. Its
  // background page copies to the clipboard itself (background/clipboard.js): no `offscreen`.
  firefox: (m) => ({
    ...m,
    // Open console opens each profile in its own container: contextualIdentities cannot be optional
    // in Firefox (bug 1386673), `cookies` (a tab's cookieStoreId) can, and is asked for at first use.
    permissions: [...m.permissions.filter((/** @type {string} */ p) => p !== 'offscreen'), 'contextualIdentities'],
    optional_permissions: ['cookies'],
    background: { ...m.background, scripts: [m.background.service_worker] },
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  }),
};

/** @param {string} src */
function isShipped(src) {
  const name = basename(src);
  return !name.startsWith('.') && !name.endsWith('.d.ts');
}

/** The product version: `[workspace.package] version` in Cargo.toml. */
function productVersion() {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const section = cargo.split(/^\[workspace\.package\]\s*$/m)[1] ?? '';
  const match = section.match(/^version\s*=\s*"([^"]+)"/m);
  if (!match) throw new Error('Cargo.toml: no version in [workspace.package]');
  return match[1];
}

/**
 * Files the manifest points at; each must exist in the assembled folder.
 * @param {Manifest} m
 */
function referencedFiles(m) {
  return [
    ...Object.values(m.icons ?? {}),
    ...Object.values(m.action?.default_icon ?? {}),
    m.action?.default_popup,
    m.options_ui?.page,
    ...(m.content_scripts ?? []).flatMap((/** @type {{js?: string[], css?: string[]}} */ c) => [...(c.js ?? []), ...(c.css ?? [])]),
    m.background?.service_worker,
    ...(m.background?.scripts ?? []),
  ].filter((f) => typeof f === 'string');
}

/** @param {string} outDir @param {Manifest} manifest */
function assemble(outDir, manifest) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const dir of SHIPPED_DIRS) {
    if (!existsSync(join(EXTENSION, dir))) continue; // a context the extension does not have yet
    cpSync(join(EXTENSION, dir), join(outDir, dir), { recursive: true, filter: isShipped });
  }
  for (const file of SHIPPED_FILES) {
    const src = join(EXTENSION, file);
    if (!existsSync(src)) throw new Error(`${src} is missing: build the wasm package first (./build.sh)`);
    cpSync(src, join(outDir, file));
  }
  for (const entry of BUNDLED_ENTRIES) bundle(outDir, entry);
  writeFileSync(join(outDir, CONTENT_THEME), contentThemeScript(readFileSync(join(EXTENSION, 'shared', 'theme.css'), 'utf8')));
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const missing = referencedFiles(manifest).filter((f) => !existsSync(join(outDir, f)));
  if (missing.length) throw new Error(`${outDir}/manifest.json points at missing files: ${missing.join(', ')}`);
}

/**
 * Scripts shipped as one file each, bundled with esbuild (no minification: the shipped code stays
 * readable). Loading an ES module graph costs one request per module:
 * - the popup's open time (bench/popup: median 120 ms unbundled, 94 ms bundled);
 * - the service worker's cold start, which every first message after 30 s idle pays (bench/worker).
 * `dropAbsorbed`: remove the modules of the entry's own folder that the bundle absorbed (the
 * popup's; background/ stays, pages and the offscreen document import some of its modules).
 * @type {{entry: string, dropAbsorbed: boolean}[]}
 */
const BUNDLED_ENTRIES = [
  { entry: 'popup/popup.js', dropAbsorbed: true },
  { entry: 'background/service-worker.js', dropAbsorbed: false },
];

/**
 * Replaces `outDir/<entry>` with the bundle of `extension/<entry>` and its imports.
 * @param {string} outDir @param {{entry: string, dropAbsorbed: boolean}} bundled
 */
function bundle(outDir, { entry, dropAbsorbed }) {
  const result = buildSync({
    entryPoints: [join(EXTENSION, entry)],
    outfile: join(outDir, entry),
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    absWorkingDir: ROOT, // metafile paths are relative to it
  });
  if (!dropAbsorbed) return;
  const folder = dirname(entry);
  for (const input of Object.keys(result.metafile?.inputs ?? {})) {
    const shipped = relative(EXTENSION, join(ROOT, input));
    if (dirname(shipped) === folder && shipped !== entry) rmSync(join(outDir, shipped), { force: true });
  }
}

function main() {
  const dist = process.argv[2];
  if (!dist) throw new Error('usage: node extension/build/assemble.js <dist dir>');
  const { manifest_version, name, ...rest } = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8'));
  const source = { manifest_version, name, version: productVersion(), ...rest };
  for (const [browser, transform] of Object.entries(BROWSERS)) {
    const outDir = join(dist, browser);
    assemble(outDir, transform(structuredClone(source)));
    console.log(`    ${outDir}/`);
  }
}

main();
