#!/usr/bin/env bash
# RoleHop's build entry point.
#
#   ./build.sh        install what is missing, then build the wasm core, the extensions
#                     (dist/chromium, dist/firefox and their zips) and the native CLI
#   ./build.sh test   the same, then every test suite; the last line is "N passed, N failed"
#   ./build.sh types  regenerate what is generated from the Rust sources: the contract's TypeScript
#                     declarations (extension/shared/generated/core.d.ts) and the text rules
#                     (extension/shared/rules.js, content/rules.js); and the service worker's message
#                     types (extension/shared/generated/messages.d.ts) from its message schema;
#                     `./build.sh test` fails when any is stale
#
# Made for Debian 12 as root (CI) and for developer machines that already have the tools: every
# install step runs only when its tool is missing or has the wrong version.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

WASM_TARGET=wasm32-unknown-unknown
TARGET_DIR=${CARGO_TARGET_DIR:-target}
# The core's wasm modules, split by who loads them (crate/src/wasm/, extension/shared/core.js), as
# name:cargo-profile; each is the crate built with the feature wasm-<name>. Signing (api) and the
# policy simulator keep their hot paths optimised for speed (wasm-release); the rest is built for
# size throughout (wasm-small; Cargo.toml).
WASM_MODULES=(profiles:wasm-small transfer:wasm-small api:wasm-release checks:wasm-small tutorial:wasm-small policy:wasm-release)
PKG=extension/pkg
DIST=dist
WASM_OPT=node_modules/.bin/wasm-opt
LOGS=tests/.tmp/logs
NODE_MIN_MAJOR=20

# ---------------------------------------------------------------------------------------------
# Output helpers
# ---------------------------------------------------------------------------------------------

step() { printf '\n==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() {
  printf '\nbuild.sh: error: %s\n' "$*" >&2
  exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

# Seconds since the epoch with milliseconds, for step timings.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

# ---------------------------------------------------------------------------------------------
# Installing what is missing
# ---------------------------------------------------------------------------------------------

APT_UPDATED=0
apt_install() {
  have apt-get || die "need $*, and this machine has no apt-get: install them by hand"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    have sudo || die "need $* (apt-get), but not running as root and sudo is missing"
    sudo=(sudo)
  fi
  if [[ $APT_UPDATED -eq 0 ]]; then
    info "apt-get update"
    "${sudo[@]}" apt-get update -qq
    APT_UPDATED=1
  fi
  info "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_rust() {
  # Where rustup puts cargo and where `cargo install` puts wasm-bindgen.
  local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  [[ :$PATH: == *":$cargo_bin:"* ]] || PATH="$cargo_bin:$PATH"
  have cargo || die "Rust is not installed: install rustup (https://rustup.rs), then rerun"
  have cc || apt_install gcc libc6-dev # the linker of native builds and build scripts
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    info "rustup target add $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
locked_wasm_bindgen_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local want have_version=""
  want=$(locked_wasm_bindgen_version)
  [[ -n $want ]] || die "Cargo.lock has no wasm-bindgen package: run cargo build once to create it"
  if have wasm-bindgen; then have_version=$(wasm-bindgen --version | awk '{ print $2 }'); fi
  if [[ $have_version != "$want" ]]; then
    info "installing wasm-bindgen-cli $want (found: ${have_version:-none}); takes about 2 minutes"
    # Not --locked: a crate version locked by wasm-bindgen-cli is missing from the registry.
    cargo install wasm-bindgen-cli --version "$want"
  fi
  info "wasm-bindgen $want"
}

ensure_node() {
  if ! have node || ! have npm; then apt_install nodejs npm; fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= NODE_MIN_MAJOR)) || die "Node.js $NODE_MIN_MAJOR or newer is needed, found $(node --version)"
}

# npm ci when node_modules is missing or older than package-lock.json.
ensure_npm_packages() {
  local stamp=node_modules/.package-lock.json # written by npm on every install
  if [[ ! -f $stamp || package-lock.json -nt $stamp ]]; then
    info "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  # wasm-opt must be npm's binaryen: Debian's (version 108) silently breaks wasm-bindgen modules.
  local want got
  want=$(node -p 'require("./node_modules/binaryen/package.json").version.split(".")[0]')
  got=$("$WASM_OPT" --version 2>/dev/null | awk '{ print $3 }') ||
    die "$WASM_OPT does not run: delete node_modules and rerun"
  [[ $got == "$want" ]] || die "$WASM_OPT reports version '$got', expected $want from npm binaryen"
  info "node $(node --version), wasm-opt $got (npm binaryen)"
}

ensure_test_tools() {
  local missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium chromium-driver)
  [[ -x /usr/bin/firefox-esr ]] || missing+=(firefox-esr) # runs dist/firefox (tests/e2e/firefox.test.js)
  have openssl || missing+=(openssl) # certificates of the local HTTPS test servers
  # A Chinese font, so screenshots of the zh_CN popup are legible (tests do not depend on it).
  [[ -n $(fc-list :lang=zh 2>/dev/null) ]] || missing+=(fonts-wqy-microhei)
  have python3 || missing+=(python3)
  if have python3 && ! python3 -m pip --version >/dev/null 2>&1; then missing+=(python3-pip); fi
  if ((${#missing[@]})); then apt_install "${missing[@]}"; fi
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    info "rustup component add rustfmt clippy"
    rustup component add rustfmt clippy
  fi
  local requirements=tests/oracle/requirements.txt
  if [[ -f $requirements ]]; then
    # Debian's Python refuses system-wide pip installs (PEP 668) unless told otherwise.
    PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check \
      --root-user-action=ignore -r "$requirements"
    info "python packages of $requirements"
  fi
  info "$(/usr/bin/chromium --version 2>/dev/null | tail -n 1)"
  info "$(/usr/bin/firefox-esr --version 2>/dev/null | tail -n 1)"
}

# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------

# The core as wasm modules: for each, cargo, then wasm-bindgen and wasm-opt, skipped when their
# inputs are unchanged.
build_wasm() {
  mkdir -p "$PKG"
  # The single module of earlier builds, if this checkout has one.
  rm -f "$PKG/rolehop.js" "$PKG/rolehop_bg.wasm" "$PKG/rolehop.d.ts" "$PKG/rolehop_bg.wasm.d.ts" "$PKG/.inputs"
  local entry
  for entry in "${WASM_MODULES[@]}"; do build_wasm_module "${entry%%:*}" "${entry#*:}"; done
}

# build_wasm_module NAME PROFILE: $PKG/rolehop_NAME.js and $PKG/rolehop_NAME_bg.wasm.
build_wasm_module() {
  local name=$1 profile=$2
  local built="$TARGET_DIR/$WASM_TARGET/$profile/rolehop.wasm" input="$TARGET_DIR/$WASM_TARGET/$profile/rolehop_$name.wasm"
  # --lib: the bin target has the same output file name (rolehop.wasm) and would overwrite it.
  cargo build --quiet -p rolehop --lib --profile "$profile" --target "$WASM_TARGET" --features "wasm-$name"
  # wasm-bindgen names its output after its input; every feature's build lands on the same file.
  cp "$built" "$input"
  local stamp="$PKG/.inputs-$name" inputs js="$PKG/rolehop_$name.js" wasm="$PKG/rolehop_${name}_bg.wasm"
  inputs="$(sha256sum "$input" | cut -d' ' -f1) $(wasm-bindgen --version) $("$WASM_OPT" --version) -Oz --converge"
  if [[ -f $stamp && $(<"$stamp") == "$inputs" && -f $js && -f $wasm ]]; then
    info "$wasm is up to date"
    return
  fi
  rm -f "$stamp" "$PKG/rolehop_$name".* "$PKG/rolehop_${name}_bg".*
  wasm-bindgen --target web --out-dir "$PKG" "$input"
  # --converge repeats -Oz until nothing shrinks: 0.8 KB gzip for about 18 s more (bench/README.md, Size).
  "$WASM_OPT" -Oz --converge "$wasm" -o "$PKG/rolehop_${name}_bg.opt.wasm"
  mv "$PKG/rolehop_${name}_bg.opt.wasm" "$wasm"
  smoke_test_wasm "$name"
  printf '%s' "$inputs" >"$stamp"
  info "$wasm: $(size_of "$wasm"), gzip $(gzip -9c "$wasm" | wc -c | human)"
}

# Runs an optimised module in Node: a broken wasm-opt result fails here, not in the browser. The
# api module also signs the public vector.
smoke_test_wasm() {
  node --input-type=module -e "
    import { readFileSync } from 'node:fs';
    const glue = await import('./$PKG/rolehop_$1.js');
    glue.initSync({ module: readFileSync('./$PKG/rolehop_$1_bg.wasm') });
    const check = glue.selfCheck ? JSON.parse(glue.selfCheck()) : { ok: true };
    if (!check.ok) { console.error('wasm self-check failed:', check); process.exit(1); }
  " || die "the optimised wasm module $1 fails its self-check in Node"
}

# dist/chromium and dist/firefox from extension/ (one manifest source), plus their zips.
build_extensions() {
  node extension/build/assemble.js "$DIST"
  local browser
  for browser in chromium firefox; do
    node_modules/.bin/web-ext build --source-dir "$DIST/$browser" --artifacts-dir "$DIST" \
      --filename "rolehop-$browser.zip" --overwrite-dest --no-config-discovery >/dev/null
    info "$DIST/rolehop-$browser.zip ($(size_of "$DIST/rolehop-$browser.zip"))"
  done
}

build_cli() {
  cargo build --quiet --release -p rolehop
  info "$TARGET_DIR/release/rolehop"
}

# The contract's TypeScript declarations, written from the Rust types by the test that otherwise
# checks them (crate/src/contract/typescript.rs; ts-rs is a dev-dependency, so the wasm never links it).
build_types() {
  ensure_rust
  ROLEHOP_WRITE_DECLARATIONS=1 cargo test --quiet -p rolehop --lib contract::typescript::declarations_are_current
  info "extension/shared/generated/core.d.ts ($(grep -c '^export type' extension/shared/generated/core.d.ts) types)"
  # The core's text rules for the extension (crate/src/rules/text.rs).
  ROLEHOP_WRITE_GENERATED=1 cargo test --quiet -p rolehop --test rules_js generated_rules_are_current
  info "extension/shared/rules.js, extension/content/rules.js ($(grep -c '^export const' extension/shared/rules.js) rules)"
  # The service worker's message types, from its one message schema (extension/background/messages.js).
  ensure_node
  ensure_npm_packages # the generator reads the types with the TypeScript parser
  node extension/build/message-types.js
  info "extension/shared/generated/messages.d.ts ($(grep -c '^  | { type:' extension/shared/generated/messages.d.ts) messages)"
}

size_of() { wc -c <"$1" | human; }
human() { awk '{ printf "%.1f KB", $1 / 1024 }'; }

build_all() {
  local t
  step "Checking the toolchain"
  t=$(now)
  ensure_rust
  ensure_wasm_bindgen
  ensure_node
  ensure_npm_packages
  info "done in $(elapsed "$t")"

  step "Building the wasm core into $PKG"
  t=$(now)
  build_wasm
  info "done in $(elapsed "$t")"

  step "Assembling the extensions in $DIST/"
  t=$(now)
  build_extensions
  info "done in $(elapsed "$t")"

  step "Building the native CLI"
  t=$(now)
  build_cli
  info "done in $(elapsed "$t")"
}

print_where() {
  cat <<EOF

==> Built
    $DIST/chromium/            unpacked extension for Chrome and Edge
    $DIST/firefox/             unpacked extension for Firefox
    $DIST/rolehop-chromium.zip $DIST/rolehop-firefox.zip
    $TARGET_DIR/release/rolehop     the CLI (try: $TARGET_DIR/release/rolehop version)

    Chrome / Edge: open chrome://extensions (edge://extensions), turn on Developer mode,
                   click "Load unpacked" and choose $ROOT/$DIST/chromium
    Firefox:       open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on..."
                   and choose $ROOT/$DIST/firefox/manifest.json
EOF
}

# ---------------------------------------------------------------------------------------------
# Testing: each suite adds to the totals and shows its output (in full when it fails)
# ---------------------------------------------------------------------------------------------

PASSED=0
FAILED=0
SUITE_LINES=()

# run_suite NAME COUNTER COMMAND...: runs COMMAND with its output in $LOGS/NAME.log, then asks
# COUNTER (a function reading the log and the exit code) for "passed failed".
run_suite() {
  local name=$1 counter=$2
  shift 2
  local log="$LOGS/$name.log" t status=0 counts passed failed
  step "Test suite: $name ($*)"
  t=$(now)
  "$@" >"$log" 2>&1 || status=$?
  counts=$("$counter" "$log" "$status")
  read -r passed failed <<<"$counts"
  if ((failed > 0 || status != 0)); then
    ((failed > 0)) || failed=1 # a non-zero exit is a failure even if no test said so
    tail -n 300 "$log"
  elif [[ -s $log ]]; then
    tail -n 12 "$log"
  else
    info "ok (no output)"
  fi
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
  SUITE_LINES+=("$(printf '%-16s %4d passed, %d failed  (%s)' "$name" "$passed" "$failed" "$(elapsed "$t")")")
}

# A check that is one test: it passes when the command exits 0.
count_exit() { if [[ $2 -eq 0 ]]; then echo "1 0"; else echo "0 1"; fi; }

# cargo test: sum of its "test result: ok. N passed; M failed" lines.
count_cargo_test() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed/) p += $(i - 1); if ($(i) ~ /^failed/) f += $(i - 1) } }
       END { print p + 0, f + 0 }' "$1"
}

# A runner whose last "N passed, N failed" line is its summary (tests/oracle/run.sh).
count_summary_line() {
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1) || true
  if [[ -z $line ]]; then echo "0 1"; else awk '{ print $1, $3 }' <<<"$line"; fi
}

# node --test: the "# pass N" / "# fail N" / "# cancelled N" totals of its TAP report.
# node --test suites: readable output (spec) in the log, TAP in $LOGS/<suite>.tap, counted from
# its "# pass N" / "# fail N" / "# cancelled N" totals. A skipped or todo test counts as failed: a suite
# is green only when every test really ran.
NODE_TAP=
count_node_test() {
  [[ -f $NODE_TAP ]] || { echo "0 1"; return; }
  awk '/^# pass / { p = $3 } /^# fail / { f += $3 } /^# (cancelled|skipped|todo) / { f += $3 } END { print p + 0, f + 0 }' "$NODE_TAP"
}
run_node_suite() {
  local name=$1 dir=$2
  NODE_TAP=$LOGS/$name.tap
  rm -f "$NODE_TAP"
  run_suite "$name" count_node_test node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$NODE_TAP" "$dir"
}

run_tests() {
  local started
  started=$(now)
  step "Checking the test tools"
  ensure_test_tools
  mkdir -p "$LOGS"

  run_suite cargo-fmt count_exit cargo fmt --all --check
  run_suite cargo-clippy count_exit cargo clippy --workspace --all-targets --quiet -- -D warnings
  run_suite cargo-test count_cargo_test cargo test --workspace
  if [[ -f tests/oracle/run.sh ]]; then
    run_suite oracle count_summary_line bash tests/oracle/run.sh
  else
    info "tests/oracle/run.sh does not exist yet: no oracle suite"
  fi
  run_suite tsc count_exit node_modules/.bin/tsc -p tsconfig.json
  run_suite lint-chromium count_exit node tests/lib/web-ext-lint.js chromium "$DIST"
  run_suite lint-firefox count_exit node tests/lib/web-ext-lint.js firefox "$DIST"
  run_node_suite unit tests/unit/             # pure modules of the extension, in Node
  run_node_suite mock-cloud tests/mock-cloud/ # the mock cloud, driven by the official SDK clients
  run_node_suite e2e tests/e2e/               # the shipped extension in Chromium and Firefox

  step "Summary (logs in $LOGS/, total $(elapsed "$started"))"
  printf '    %s\n' "${SUITE_LINES[@]}"
  echo "$PASSED passed, $FAILED failed"
  ((FAILED == 0))
}

main() {
  case "${1:-build}" in
    build)
      build_all
      print_where
      ;;
    test)
      build_all
      run_tests
      ;;
    types)
      step "Writing the contract's and the service worker's TypeScript declarations"
      build_types
      ;;
    -h | --help | help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown command '$1': use ./build.sh, ./build.sh test or ./build.sh types" ;;
  esac
}

main "$@"
