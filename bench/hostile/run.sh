#!/usr/bin/env bash
# Hostile inputs (a figure, not a test): every case of tests/lib/hostile-cases.json through the
# JSON contract, natively (crate/examples/hostile.rs: wall time, peak heap from a counting
# allocator, max RSS from /usr/bin/time) and through the wasm core in Node (bench/hostile/case.mjs:
# wall time, WebAssembly.Memory size after the call), each case in its own process under a
# timeout. The peer is the previous implementation: the same example and recipes built from
# BEFORE (default: where this branch left main, `git merge-base HEAD main`) in a git worktree, in
# the same run. Ratios are before / after.
#
#   bench/hostile/run.sh                 # everything (about 15 minutes on 2 cores: two cold builds)
#   BEFORE=<rev> bench/hostile/run.sh    # another peer
#   PEER=0 bench/hostile/run.sh          # this build only
#   TIMEOUT=60                           # seconds per case and build (default 60)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT=bench/hostile/out
TIMEOUT=${TIMEOUT:-60}
PEER=${PEER:-1}
BEFORE=${BEFORE:-$(git merge-base HEAD main)}
mkdir -p "$OUT"

# build NAME SOURCE_DIR TARGET_DIR: the native example and the wasm module as shipped
# (wasm-release, wasm-bindgen --target web, npm binaryen's wasm-opt -Oz) into $OUT/NAME/.
build() {
  local name=$1 src=$2 target=$3
  echo "bench/hostile: building $name ($src)" >&2
  (cd "$src" && CARGO_TARGET_DIR="$target" cargo build --quiet --release -p rolehop --example hostile)
  (cd "$src" && CARGO_TARGET_DIR="$target" cargo build --quiet -p rolehop --lib --profile wasm-release --target wasm32-unknown-unknown)
  rm -rf "$OUT/$name" && mkdir -p "$OUT/$name"
  cp "$target/release/examples/hostile" "$OUT/$name/hostile"
  wasm-bindgen --target web --out-dir "$OUT/$name/pkg" "$target/wasm32-unknown-unknown/wasm-release/rolehop.wasm"
  "$ROOT/node_modules/.bin/wasm-opt" -Oz "$OUT/$name/pkg/rolehop_bg.wasm" -o "$OUT/$name/pkg/rolehop_bg.opt.wasm"
  mv "$OUT/$name/pkg/rolehop_bg.opt.wasm" "$OUT/$name/pkg/rolehop_bg.wasm"
}

build after "$ROOT" "${CARGO_TARGET_DIR:-$ROOT/target}"
if [[ $PEER == 1 ]]; then
  PEER_SRC="$OUT/before-src"
  git worktree remove --force "$PEER_SRC" 2>/dev/null || rm -rf "$PEER_SRC"
  git worktree add --detach "$PEER_SRC" "$BEFORE" >/dev/null
  trap 'git worktree remove --force "$PEER_SRC" 2>/dev/null || true' EXIT
  # The peer gets the same runner and recipes (they use only the contract's public functions).
  mkdir -p "$PEER_SRC/crate/tests/common" "$PEER_SRC/tests/lib"
  cp crate/examples/hostile.rs "$PEER_SRC/crate/examples/"
  cp crate/tests/common/hostile.rs "$PEER_SRC/crate/tests/common/"
  cp tests/lib/hostile-cases.json "$PEER_SRC/tests/lib/"
  build before "$PEER_SRC" "$ROOT/$OUT/target-before"
fi

"$OUT/after/hostile" emit "$OUT/inputs"
BUILDS=(after)
[[ $PEER == 1 ]] && BUILDS=(before after)

# One JSON line per case and build: {"name", "build", "native": {...}, "wasm": {...}}.
RESULTS="$OUT/results.jsonl"
: >"$RESULTS"
for name in $("$OUT/after/hostile" list); do
  call=$(node -p "JSON.parse(require('fs').readFileSync('$OUT/inputs/$name.meta.json','utf8')).call")
  for b in "${BUILDS[@]}"; do
    # Native runs get at most 4 GB of address space: a case that wants more fails instead of
    # pushing a shared machine into swap.
    native=$( { (ulimit -v 4194304; /usr/bin/time -f 'rss %M' timeout "$TIMEOUT" "$OUT/$b/hostile" run "$name") 2>"$OUT/time.txt" || true; } | tail -n 1)
    rss=$(grep -o 'rss [0-9]*' "$OUT/time.txt" | awk '{print $2}' || true)
    [[ -n $native ]] || native='{"outcome":"no answer (timeout, abort or out of memory)"}'
    wasm=$(timeout "$TIMEOUT" node bench/hostile/case.mjs "$OUT/$b/pkg" "$OUT/inputs/$name.json" "$call" 2>/dev/null | tail -n 1 || true)
    [[ -n $wasm ]] || wasm="{\"outcome\":\"no answer in ${TIMEOUT} s (or the process died)\"}"
    echo "{\"name\":\"$name\",\"build\":\"$b\",\"rssKB\":${rss:-null},\"native\":$native,\"wasm\":$wasm}" >>"$RESULTS"
    echo "bench/hostile: $name $b done" >&2
  done
done
node bench/hostile/report.mjs "$RESULTS" "$TIMEOUT"
