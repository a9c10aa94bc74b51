// The assembled extensions (no browser): one manifest source, per-browser differences only where
// a browser needs them, nothing build-only or test-only shipped, and zips equal to the folders.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from './harness.js';

const DIST = join(ROOT, 'dist');
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

/** @param {string} browser @returns {Record<string, any>} */
const manifest = (browser) => JSON.parse(readFileSync(join(DIST, browser, 'manifest.json'), 'utf8'));

/** @param {string} dir @returns {string[]} every file under dir, relative, sorted */
function files(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)))
    .sort();
}

/**
 * Names of the files in a zip, read from its central directory.
 * @param {string} path
 */
function zipEntries(path) {
  const zip = readFileSync(path);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, `${path}: no end of central directory`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, `${path}: bad central directory entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names.filter((n) => !n.endsWith('/')).sort();
}

describe('dist', () => {
  test('both builds ship the same files; only the manifest differs', () => {
    assert.deepEqual(files(join(DIST, 'chromium')), files(join(DIST, 'firefox')));
    const { background: cb, browser_specific_settings: _chromiumHasNone, permissions: cp, ...chromiumRest } = manifest('chromium');
    const { background: fb, browser_specific_settings: _geckoOnly, permissions: fp, optional_permissions: fo, ...firefoxRest } = manifest('firefox');
    assert.deepEqual(chromiumRest, firefoxRest);
    // Firefox copies in its background page: it has no (and knows no) `offscreen` permission; it
    // opens consoles in containers (contextualIdentities, and `cookies` asked for at first use).
    assert.deepEqual(fp, [...cp.filter((/** @type {string} */ p) => p !== 'offscreen'), 'contextualIdentities']);
    assert.deepEqual(fo, ['cookies']);
    assert.deepEqual(fb, { ...cb, scripts: [cb.service_worker] });
  });

  test('the Chromium manifest: a module service worker, no Firefox-only keys', () => {
    const m = manifest('chromium');
    assert.equal(m.manifest_version, 3);
    assert.deepEqual(m.background, { service_worker: 'background/service-worker.js', type: 'module' });
    assert.equal(m.browser_specific_settings, undefined);
    assert.equal(m.content_security_policy.extension_pages, CSP);
    assert.equal(m.default_locale, 'en');
    assert.match(m.name, /^__MSG_\w+__$/);
    assert.match(m.version, /^\d+\.\d+\.\d+$/);
  });

  test('the Firefox manifest: background scripts, gecko id, no data collection', () => {
    const { background, browser_specific_settings: bss } = manifest('firefox');
    assert.deepEqual(background.scripts, ['background/service-worker.js']);
    assert.equal(background.type, 'module');
    assert.match(bss.gecko.id, /@/);
    assert.match(bss.gecko.strict_min_version, /^\d+\.0$/);
    assert.deepEqual(bss.gecko.data_collection_permissions, { required: ['none'] });
  });

  test('only the permissions RoleHop needs: storage, activeTab, clipboardWrite (+ offscreen in Chromium; + contextualIdentities and optional cookies in Firefox), the API hosts *.aliyuncs.com and the federation hosts', () => {
    // clipboardWrite: the RAM panel's copy buttons copy from the extension, never from the page
    // (background/clipboard.js); Chromium does it in an offscreen document, Firefox in its
    // background page. Install-time warning: "Modify data you copy and paste" (Chromium).
    // Open console: Firefox opens each profile in a container (contextualIdentities cannot be
    // optional there; a tab's cookieStoreId needs `cookies`, asked for at the first open).
    const expected = { chromium: ['storage', 'activeTab', 'clipboardWrite', 'offscreen'], firefox: ['storage', 'activeTab', 'clipboardWrite', 'contextualIdentities'] };
    const optional = { chromium: undefined, firefox: ['cookies'] };
    for (const browser of /** @type {const} */ (['chromium', 'firefox'])) {
      const m = manifest(browser);
      assert.deepEqual(m.permissions, expected[browser], browser);
      assert.deepEqual(m.optional_permissions, optional[browser], browser);
      // Signed API requests (checks, "Do it for me") go only to *.aliyuncs.com; Open console's
      // GetSigninToken only to the federation endpoint of the two sign-in hosts (where the Switch
      // Role content script already runs: no new host in the install prompt).
      assert.deepEqual(m.host_permissions, ['https://*.aliyuncs.com/*', 'https://signin.aliyun.com/*', 'https://signin.alibabacloud.com/*'], browser);
      for (const script of m.content_scripts ?? []) {
        for (const match of script.matches) assert.match(match, /^https:\/\/(signin\.aliyun\.com|signin\.alibabacloud\.com|\*\.console\.aliyun\.com|\*\.console\.alibabacloud\.com|ram\.console\.aliyun\.com|ram\.console\.alibabacloud\.com)\//, browser);
      }
      assert.equal(m.web_accessible_resources, undefined, browser);
    }
  });

  test('nothing build-only or test-only is shipped', () => {
    for (const file of files(join(DIST, 'chromium'))) {
      assert.doesNotMatch(file, /\.d\.ts$|^build\/|^tests?\/|\.map$|(^|\/)\.|package\.json$/, file);
    }
    const pkg = files(join(DIST, 'chromium')).filter((f) => f.startsWith('pkg/'));
    const modules = ['api', 'checks', 'policy', 'profiles', 'transfer', 'tutorial'];
    assert.deepEqual(pkg, modules.flatMap((m) => [`pkg/rolehop_${m}.js`, `pkg/rolehop_${m}_bg.wasm`]));
  });

  test('every message a manifest or page names exists in both locales', () => {
    const en = JSON.parse(readFileSync(join(DIST, 'chromium', '_locales', 'en', 'messages.json'), 'utf8'));
    const zh = JSON.parse(readFileSync(join(DIST, 'chromium', '_locales', 'zh_CN', 'messages.json'), 'utf8'));
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'zh_CN and en have the same keys');
    const used = [
      ...JSON.stringify(manifest('chromium')).matchAll(/__MSG_(\w+)__/g),
      ...readFileSync(join(DIST, 'chromium', 'popup', 'popup.html'), 'utf8').matchAll(/data-i18n="(\w+)"/g),
    ].map((m) => m[1]);
    for (const key of used) assert.ok(key in en, `message ${key} is missing from _locales/en`);
  });

  test('the wasm carries no catalog text: the words live in _locales, the core returns ids', () => {
    // Every run of 40 or more characters between placeholders, of every entry in both languages:
    // none may be compiled into the wasm (a value the core sends, such as a policy's description,
    // may share a few words with an entry; a whole sentence may not).
    const wasm = files(join(DIST, 'chromium')).filter((f) => f.endsWith('.wasm'));
    assert.ok(wasm.length > 0, 'no wasm shipped');
    const bytes = wasm.map((f) => readFileSync(join(DIST, 'chromium', f)));
    const found = [];
    for (const locale of ['en', 'zh_CN']) {
      /** @type {Record<string, {message: string}>} */
      const catalog = JSON.parse(readFileSync(join(DIST, 'chromium', '_locales', locale, 'messages.json'), 'utf8'));
      for (const [key, { message }] of Object.entries(catalog)) {
        for (const part of message.split(/\$[A-Za-z0-9_@]+\$|\$[1-9]/)) {
          const text = Buffer.from(part.trim());
          if (text.length >= 40 && bytes.some((b) => b.includes(text))) found.push(`${locale} ${key}: ${part.trim()}`);
        }
      }
    }
    assert.deepEqual(found, []);
  });

  test('the wasm modules keep their size targets: the popup\'s at most 60 KB gzip -9, the largest at most 250 KB', () => {
    // GNU gzip -9, as bench/README.md (Size) measures them; 1 KB = 1,024 bytes (issue 12).
    /** @param {string} module @returns {number} */
    const gzipped = (module) =>
      execFileSync('gzip', ['-9c', join(DIST, 'chromium', 'pkg', `rolehop_${module}_bg.wasm`)], { maxBuffer: 1 << 24 }).length;
    const profiles = gzipped('profiles');
    assert.ok(profiles <= 60 * 1024, `the popup's wasm (profiles) is ${profiles} B gzip -9, over 61,440`);
    for (const module of ['transfer', 'api', 'checks', 'tutorial', 'policy']) {
      const size = gzipped(module);
      assert.ok(size <= 250 * 1024, `the ${module} wasm is ${size} B gzip -9, over 256,000`);
    }
  });

  test('the zips hold exactly the folders\' files', () => {
    for (const browser of ['chromium', 'firefox']) {
      assert.deepEqual(zipEntries(join(DIST, `rolehop-${browser}.zip`)), files(join(DIST, browser)), browser);
    }
  });
});
