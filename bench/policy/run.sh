#!/usr/bin/env bash
# Policy simulator throughput (a figure, not a test): 10,000 requests against a 50-statement
# policy set with wildcards and conditions, natively, through the wasm core in Node, and with
# @cloud-copilot/iam-simulate on the equivalent AWS-shaped policies in the same Node process.
# Builds the native example and its own copy of the wasm module (the shipped build: wasm-release,
# wasm-bindgen --target web, npm binaryen's wasm-opt -Oz) into bench/policy/out/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT=bench/policy/out
TARGET_DIR=${CARGO_TARGET_DIR:-target}

[ -d node_modules/@cloud-copilot/iam-simulate ] || { echo "bench/policy: npm ci first (needs @cloud-copilot/iam-simulate)" >&2; exit 1; }
mkdir -p "$OUT"

echo "bench/policy: native (release build of crate/examples/policy_throughput.rs)"
cargo build --quiet --release -p rolehop --example policy_throughput
"$TARGET_DIR/release/examples/policy_throughput" --emit "$OUT/workload.json" | tee "$OUT/native.txt"

echo "bench/policy: wasm module (as shipped)"
cargo build --quiet -p rolehop --lib --profile wasm-release --target wasm32-unknown-unknown
rm -rf "$OUT/pkg"
wasm-bindgen --target web --out-dir "$OUT/pkg" "$TARGET_DIR/wasm32-unknown-unknown/wasm-release/rolehop.wasm"
node_modules/.bin/wasm-opt -Oz "$OUT/pkg/rolehop_bg.wasm" -o "$OUT/pkg/rolehop_bg.opt.wasm"
mv "$OUT/pkg/rolehop_bg.opt.wasm" "$OUT/pkg/rolehop_bg.wasm"

echo "bench/policy: wasm and iam-simulate in one Node process"
node bench/policy/run.mjs "$OUT"
