#!/usr/bin/env bash
# Builds the JavaScript module (scripts/build-js.sh) and runs its tests in Node and in headless
# Chromium (Playwright core from e2e/node_modules, Debian's chromium): the reports must equal
# the release CLI's JSONL. Called by scripts/test.sh.
#   scripts/test-js.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# Idempotent (seconds when done): wasm32 target, wasm-bindgen-cli, the e2e npm packages
# (playwright-core, wasm-opt). Chromium comes from setup_test_tools (scripts/setup.sh --tests).
setup_build_tools
command -v chromium >/dev/null || { echo "chromium is missing: run scripts/setup.sh --tests" >&2; exit 1; }
cd "$ROOT"
step "cargo clippy (js crate, wasm32)"
cargo clippy --locked -p casualty-lens-js --target wasm32-unknown-unknown -- -D warnings

scripts/build-js.sh

step "release CLI (the reference)"
cargo build --locked --release --quiet

step "JS module tests (node --test: Node and Chromium)"
PKG="$ROOT/js/pkg" CASUALTY_LENS_BIN="$ROOT/target/release/casualty-lens" \
  node --test js/tests/node.test.mjs js/tests/browser.test.mjs
