#!/usr/bin/env bash
# Installs what the tests need and runs every test:
# format and lint (native + wasm32), native unit/integration/property tests, the web build,
# wasm-bindgen tests in headless Chromium, end-to-end Playwright tests against the built site
# served from a sub-path, the JavaScript module (Node, Chromium), the Python wheel (pytest with
# pyarrow, Polars, Spark and Dask in a virtualenv), a short fuzz run, and the scores against
# ../shared/corpus (when present).
#   scripts/test.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build_tools
setup_test_tools
cd "$ROOT"

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native)"
cargo clippy --locked --all-targets -- -D warnings

step "cargo clippy (wasm32)"
# The app, the library and the browser tests (the native unit tests use proptest and the
# embedded gazetteer, which are native-only).
WASM_TESTS=(--test wasm_core --test wasm_ui --test wasm_map)
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins "${WASM_TESTS[@]}" -- -D warnings

step "import graph: no upward edge, no cycle"
# Every `crate::`/`super::` path of src/ (tests and comments aside): stages import only the
# stages before them (ARCHITECTURE.md, "Invariants"), and no two files import each other.
python3 scripts/deps.py

step "native tests (unit, integration, examples tables, properties, hostile input)"
cargo test --locked

step "web build (trunk build --release)"
trunk build --release
ls -l dist

step "wasm-bindgen tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown "${WASM_TESTS[@]}"

step "end-to-end tests in headless Chromium (Playwright)"
# The bulk speed test drops 1,000 articles of the benchmark's generated corpus.
mkdir -p e2e/artifacts
cargo run --locked --release --quiet --example bench_corpus -- e2e/artifacts/bench-corpus.jsonl 4
(cd e2e && DIST="$ROOT/dist" BENCH_JSONL="$ROOT/e2e/artifacts/bench-corpus.jsonl" node --test)

step "JavaScript module: build, tests in Node and headless Chromium"
scripts/test-js.sh

step "Python wheel: build, pytest (API, Arrow, Polars, Spark local[2] vs the CLI, determinism)"
REQUIRE_JS=1 scripts/test-python.sh

step "short fuzz run"
scripts/fuzz.sh "${FUZZ_SECONDS:-20}"

step "scores against ../shared/corpus"
SHARED="$ROOT/../shared/corpus"
if [ -d "$SHARED/dev" ]; then
  cargo build --locked --release --quiet
  BIN="$ROOT/target/release/casualty-lens"
  echo "-- figures and places, ../shared/corpus/dev (casualty-lens eval):"
  "$BIN" eval "$SHARED/dev"
  echo "-- the shared scorer (score.py), old dev (52) / new news and agency texts (23) / all:"
  BIN="$BIN" scripts/score.sh
  echo "-- document totals, ../shared/corpus/wiki-incidents.jsonl.gz (casualty-lens eval-totals):"
  "$BIN" eval-totals "$SHARED/wiki-incidents.jsonl.gz"
else
  echo "skipped: ../shared/corpus is not beside this checkout, so there is nothing to score against"
fi

step "all tests passed in $((SECONDS - t0))s"
