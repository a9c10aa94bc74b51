// Runs `web-ext lint` (Mozilla's addons-linter) on one assembled extension and decides pass/fail:
// every error fails, except the Firefox-only manifest requirements listed for the Chromium build;
// every warning fails unless it is explained below.
//   node tests/lib/web-ext-lint.js chromium|firefox [dist dir]

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** chrome.offscreen in background/clipboard.js (and the bundled service-worker.js that includes it): used only where it exists (Chromium); Firefox copies in its background page. */
const OFFSCREEN_API = {
  reason: 'chrome.offscreen is used only where it exists (Chromium); Firefox copies in its background page',
  only: /^background\/(clipboard|service-worker)\.js: offscreen\.(createDocument|closeDocument|Reason) is not supported$/,
};

/**
 * Findings that are expected, with the reason (or, for a code that must stay narrow, the reason
 * and the one `file: message` it may be about). Anything else found is a failure.
 * @typedef {string | {reason: string, only: RegExp}} Expected
 * @type {Record<string, {errors: Record<string, Expected>, warnings: Record<string, Expected>}>}
 */
const EXPECTED = {
  chromium: {
    errors: {
      // The Chromium build deliberately carries no Firefox-only keys (Chromium flags
      // `background.scripts` in MV3 and does not know `browser_specific_settings`); dist/firefox has them.
      ADDON_ID_REQUIRED: 'Firefox needs browser_specific_settings.gecko.id; dist/firefox has it',
      BACKGROUND_SERVICE_WORKER_NOFALLBACK: 'Firefox needs background.scripts; dist/firefox has it',
    },
    warnings: {
      MISSING_DATA_COLLECTION_PERMISSIONS: 'a Firefox-only key; dist/firefox declares {required: ["none"]}',
      // Firefox keys storage.sync by the add-on id, which a temporary add-on without one lacks.
      STORAGE_SYNC: 'about Firefox without an add-on id; dist/firefox has a fixed gecko.id',
      MANIFEST_PERMISSIONS: {
        reason: 'a Chromium-only permission (copies in an offscreen document); dist/firefox has none',
        only: /^manifest\.json: \/permissions: Invalid permissions "offscreen"/,
      },
      UNSUPPORTED_API: OFFSCREEN_API,
    },
  },
  firefox: {
    errors: {},
    warnings: {
      // Kept on purpose: Firefox ignores it and uses background.scripts, and keeping it makes
      // dist/firefox loadable in Chromium too.
      BACKGROUND_SERVICE_WORKER_IGNORED: 'Firefox uses background.scripts; service_worker is for Chromium',
      UNSUPPORTED_API: OFFSCREEN_API,
    },
  },
};

/** @typedef {{code: string, message: string, file?: string, line?: number, column?: number}} Finding */

/**
 * @param {string} browser
 * @param {string} dir
 * @returns {{errors: Finding[], warnings: Finding[], notices: Finding[]}}
 */
function lint(browser, dir) {
  const bin = join('node_modules', '.bin', 'web-ext');
  const args = ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'];
  let out;
  try {
    out = execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (e) {
    // web-ext exits non-zero when it finds errors; its JSON report is still on stdout.
    out = /** @type {{stdout?: string}} */ (e).stdout ?? '';
    if (!out.trim()) throw new Error(`web-ext lint on ${dir} (${browser}) produced no report`);
  }
  return JSON.parse(out);
}

/** @param {Finding} f */
function where(f) {
  return [f.file, f.line, f.column].filter((x) => x !== undefined && x !== null).join(':') || '-';
}

function main() {
  const browser = process.argv[2] ?? '';
  const expected = EXPECTED[browser];
  if (!expected) throw new Error('usage: node tests/lib/web-ext-lint.js chromium|firefox [dist dir]');
  const dir = join(process.argv[3] ?? 'dist', browser);
  const report = lint(browser, dir);
  let failures = 0;
  for (const [level, allowed] of /** @type {const} */ ([['errors', expected.errors], ['warnings', expected.warnings]])) {
    for (const f of report[level]) {
      const rule = allowed[f.code];
      const reason = typeof rule === 'string' ? rule : rule?.only.test(`${f.file}: ${f.message}`) ? rule.reason : undefined;
      if (!reason) failures++;
      const verdict = reason ? `expected: ${reason}` : 'FAILS';
      console.log(`${level.slice(0, -1)} ${f.code} at ${where(f)}: ${f.message} [${verdict}]`);
    }
  }
  for (const f of report.notices) console.log(`notice ${f.code} at ${where(f)}: ${f.message}`);
  const counts = `${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`;
  console.log(`web-ext lint ${dir}: ${counts}; ${failures} unexpected`);
  process.exitCode = failures ? 1 : 0;
}

main();
