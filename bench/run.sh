#!/usr/bin/env bash
# RoleHop's signing benchmarks (figures, not tests): the size of the optimised wasm, signing
# throughput of the wasm core against the official Node SDKs in one Node process, and the native
# Rust figure as the ceiling. Prints a table; raw figures go to bench/out/results.json.
#
# Expects extension/pkg from ./build.sh and the npm packages (npm ci); builds the native example.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/out
TARGET_DIR=${CARGO_TARGET_DIR:-target}

[ -f extension/pkg/rolehop_api_bg.wasm ] && [ -f extension/pkg/rolehop_api.js ] || {
  echo "bench: extension/pkg is missing: build the wasm first with ./build.sh" >&2
  exit 1
}
[ -d node_modules/@alicloud/pop-core ] && [ -d node_modules/ali-oss ] || {
  echo "bench: the Node SDKs are missing: npm ci" >&2
  exit 1
}

mkdir -p "$OUT"
node bench/inputs.mjs "$OUT"
echo "bench: building the native example (release)"
cargo build --quiet --release -p rolehop --example sign_throughput
echo "bench: native signing (about 10 s)"
"$TARGET_DIR/release/examples/sign_throughput" "$OUT/rpc.jsonl" "$OUT/oss.jsonl" >"$OUT/native.json"
echo "bench: wasm and the official SDKs (about 15 s)"
node bench/throughput.mjs
