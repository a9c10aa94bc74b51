#!/usr/bin/env bash
# Profile parsing speed with 2,000 profiles (a figure, not a test): the native core (the library
# and the contract path the wasm export takes), then the shipped wasm (extension/pkg) in Node.
# Run ./build.sh first. Other jobs on the machine skew the figures; they are medians and minima.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
[[ -f extension/pkg/rolehop_profiles_bg.wasm ]] || { echo "bench/profile: extension/pkg is missing: run ./build.sh first" >&2; exit 1; }
mkdir -p bench/out
echo "== native (cargo run --release --example profile_parse_speed)"
cargo run --quiet --release -p rolehop --example profile_parse_speed -- --emit bench/out/profiles-2000.ini
echo "== wasm (extension/pkg, Node $(node --version))"
node bench/profile/parse.mjs bench/out/profiles-2000.ini
