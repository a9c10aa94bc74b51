#!/usr/bin/env bash
# The wasm boundary measured on the real calls (a figure, not a test): JSON text, as shipped,
# against JS values through serde-wasm-bindgen, for sign, profileParse of 2,000 profiles and the
# policySimulate batch, in Node and in headless Chromium; and signing in Chromium against ali-oss's
# browser bundle. Builds the bench's own modules (the shipped ones plus the `*Value` exports,
# feature `wasm-swb`) into bench/boundary/out/pkg; the shipped modules come from extension/pkg.
#
#   ./build.sh && bench/boundary/run.sh [--node-only]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT=bench/boundary/out
PKG=$OUT/pkg
TARGET_DIR=${CARGO_TARGET_DIR:-target}
WASM_TARGET=wasm32-unknown-unknown

for name in api profiles policy transfer; do
  [ -f "extension/pkg/rolehop_${name}_bg.wasm" ] || { echo "bench/boundary: extension/pkg is missing: ./build.sh first" >&2; exit 1; }
done
[ -d node_modules/ali-oss ] && [ -d node_modules/playwright-core ] || { echo "bench/boundary: npm ci first" >&2; exit 1; }
mkdir -p "$PKG"

# The bench modules: each shipped module's feature plus wasm-swb, in the shipped module's profile
# (build.sh's WASM_MODULES), through wasm-bindgen and wasm-opt as build.sh does.
for entry in api:wasm-release policy:wasm-release transfer:wasm-small; do
  name=${entry%%:*} profile=${entry#*:}
  echo "bench/boundary: the $name module with serde-wasm-bindgen ($profile)"
  cargo build --quiet -p rolehop --lib --profile "$profile" --target "$WASM_TARGET" --features "wasm-$name,wasm-swb"
  cp "$TARGET_DIR/$WASM_TARGET/$profile/rolehop.wasm" "$TARGET_DIR/$WASM_TARGET/$profile/rolehop_${name}_swb.wasm"
  wasm-bindgen --target web --out-dir "$PKG" "$TARGET_DIR/$WASM_TARGET/$profile/rolehop_${name}_swb.wasm"
  node_modules/.bin/wasm-opt -Oz --converge "$PKG/rolehop_${name}_swb_bg.wasm" -o "$PKG/rolehop_${name}_swb_bg.opt.wasm"
  mv "$PKG/rolehop_${name}_swb_bg.opt.wasm" "$PKG/rolehop_${name}_swb_bg.wasm"
done

# Inputs: the signing benchmark's requests, and bench/policy's workload (RAM dialect).
node bench/inputs.mjs "$OUT"
if [ ! -f "$OUT/workload.json" ]; then
  echo "bench/boundary: the policy workload (release build of crate/examples/policy_throughput.rs)"
  cargo build --quiet --release -p rolehop --example policy_throughput
  "$TARGET_DIR/release/examples/policy_throughput" --emit "$OUT/workload.json" >/dev/null
fi

echo "bench/boundary: load $(cut -d' ' -f1-3 /proc/loadavg)"
# The Chromium part takes the lock the browser tests and other browser benches take.
exec flock /tmp/rolehop-dist.lock node bench/boundary/run.mjs "$@"
