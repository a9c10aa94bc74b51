#!/usr/bin/env bash
# Service worker cold start, against a trivial extension's in the same run (a figure, not a test).
# Measures the shipped dist/chromium: run ./build.sh first. Arguments go to run.mjs (--runs N,
# --json FILE). It takes the same lock as the builds and browser tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
[[ -f dist/chromium/manifest.json ]] || { echo "bench/worker: dist/chromium is missing: run ./build.sh first" >&2; exit 1; }
[[ -d node_modules/playwright-core ]] || { echo "bench/worker: npm ci first (needs playwright-core)" >&2; exit 1; }
exec flock /tmp/rolehop-dist.lock node bench/worker/run.mjs "$@"
