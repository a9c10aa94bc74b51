#!/usr/bin/env bash
# Cross-checks the core's signing against the official Alibaba Cloud SDKs on seeded random
# requests: the native CLI against the Python SDKs, the wasm build against the Node SDKs, and the
# wasm's answers against the CLI's. Ends with one line `N passed, N failed` (one check = one case
# against one oracle); exits non-zero on any failure.
#
# Expects target/release/rolehop and extension/pkg from ./build.sh (builds the CLI with cargo when
# it is absent), the Python oracles (pip install -r tests/oracle/requirements.txt) and the npm
# oracles (npm ci). Environment: ORACLE_PER_ALGO (cases per algorithm, default 5000),
# ORACLE_SEED (default: the fixed seed in gen_cases.py).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tests/oracle"
WORK="$ROOT/tests/.tmp/oracle"
cd "$ROOT"
CLI="$(realpath -m "${CARGO_TARGET_DIR:-target}")/release/rolehop"

die() { echo "oracle: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

python3 -c 'import oss2, aliyunsdkcore, alibabacloud_openapi_util' 2>/dev/null \
  || die "the Python oracles are missing: pip install -r tests/oracle/requirements.txt"
[ -d node_modules/@alicloud/pop-core ] && [ -d node_modules/ali-oss ] \
  || die "the Node oracles are missing: npm ci"
[ -f extension/pkg/rolehop_api_bg.wasm ] && [ -f extension/pkg/rolehop_api.js ] \
  || die "extension/pkg is missing: build the wasm with ./build.sh first"
if [ ! -x "$CLI" ]; then
  echo "oracle: $CLI is missing; building it"
  cargo build --release -p rolehop --bin rolehop
fi

rm -rf "$WORK"
mkdir -p "$WORK"
gen_args=(--per-algo "${ORACLE_PER_ALGO:-5000}")
[ -n "${ORACLE_SEED:-}" ] && gen_args+=(--seed "$ORACLE_SEED")
(cd "$HERE" && python3 gen_cases.py "$WORK" "${gen_args[@]}")

status=0
(cd "$HERE" && python3 check_python.py "$WORK" "$CLI") || status=1
node "$HERE/check_node.mjs" "$WORK" || status=1

python3 - "$WORK" "$status" <<'EOF'
import json, os, sys
work, status = sys.argv[1], int(sys.argv[2])
passed = failed = 0
for side in ("python", "node"):
    path = os.path.join(work, f"summary-{side}.json")
    if not os.path.exists(path):
        print(f"oracle: the {side} side produced no summary (see its error above)")
        failed += 1
        continue
    with open(path) as f:
        s = json.load(f)
    passed += s["passed"]
    failed += s["failed"]
if status and not failed:
    failed = 1  # a side crashed after writing its summary
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
EOF
