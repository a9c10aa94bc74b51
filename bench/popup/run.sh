#!/usr/bin/env bash
# Popup speed with 2,000 profiles, against a naive peer in the same browser run (a figure, not a
# test). Measures the shipped dist/chromium: run ./build.sh first. Arguments go to run.mjs
# (--runs N, --repeat N, --profiles N, --json FILE). Other browser jobs on the machine skew the
# figures: it takes the same lock as the builds and browser tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
[[ -f dist/chromium/manifest.json ]] || { echo "bench/popup: dist/chromium is missing: run ./build.sh first" >&2; exit 1; }
[[ -d node_modules/playwright-core ]] || { echo "bench/popup: npm ci first (needs playwright-core)" >&2; exit 1; }
exec flock /tmp/rolehop-dist.lock node bench/popup/run.mjs "$@"
