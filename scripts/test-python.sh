#!/usr/bin/env bash
# Builds the Python wheel (maturin, release, abi3) and runs pytest with it installed in a
# virtualenv this script creates (target/pyenv, packages from PyPI): the API, the Arrow forms,
# the Polars expression, Spark on local[2] against the CLI's JSONL over ~2,500 generated
# articles, Dask, and the determinism test across the CLI, Python, Polars, Spark and the JS
# module (with REQUIRE_JS=1, as scripts/test.sh sets after scripts/test-js.sh; otherwise the
# JS path is left out when js/pkg is not built). Called by scripts/test.sh.
#   scripts/test-python.sh [PYTEST_ARGS...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_python_env
cd "$ROOT"

step "cargo clippy (python crate)"
cargo clippy --locked -p casualty-lens-python --all-targets -- -D warnings

step "release CLI and the generated corpus (bench_corpus, 8 MB)"
cargo build --locked --release --quiet
mkdir -p target/python-tests
CORPUS="$ROOT/target/python-tests/corpus.jsonl"
[ -s "$CORPUS" ] || cargo run --locked --release --quiet --example bench_corpus -- "$CORPUS" 8

step "wheel (maturin build --release)"
rm -rf target/wheels
(cd python && maturin build --release --locked --out "$ROOT/target/wheels")
pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/casualty_lens-*.whl

step "pytest"
# Run from target/ so that `import casualty_lens` is the installed wheel, not python/'s source.
REQUIRE_JS="${REQUIRE_JS:-0}" JS_PKG="$ROOT/js/pkg" \
  CASUALTY_LENS_BIN="$ROOT/target/release/casualty-lens" BENCH_JSONL="$CORPUS" \
  bash -c 'cd "$0/target" && python -m pytest -q -p no:cacheprovider "$0/python/tests" "${@}"' "$ROOT" "$@"
