// Runs the native CLI (built by ./build.sh) on one JSON input: the reference the wasm core in the
// browser must agree with, byte for byte.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CLI = join(resolve(process.env.CARGO_TARGET_DIR ?? 'target'), 'release', 'rolehop');

/**
 * @param {'sign' | 'request' | 'parse'} command
 * @param {unknown} input JSON-serialisable
 * @returns {any} the CLI's JSON answer (a result or `{error}`)
 */
export function runCli(command, input) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run ./build.sh first`);
  const run = spawnSync(CLI, [command], { input: JSON.stringify(input), encoding: 'utf8' });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`rolehop ${command} exited with ${run.status}: ${run.stderr}`);
  }
  return JSON.parse(run.stdout);
}
