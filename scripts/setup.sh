#!/usr/bin/env bash
# Installs everything Casualty Lens needs on a fresh Debian machine with rustup, where only
# package registries are reachable. Idempotent: a second run checks versions and skips.
# Sourced by serve.sh and test.sh; run it alone to install only.
#
#   scripts/setup.sh            # build tools (wasm target, trunk, wasm-bindgen-cli, wasm-opt)
#   scripts/setup.sh --tests    # plus Chromium/ChromeDriver, the e2e packages, cargo-fuzz,
#                               # the Python tests' virtualenv and Java (for Spark)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/e2e/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

# Trunk 0.22 needs rustc 1.96; 0.21.14 is the newest that builds here (TOOLCHAIN.md).
TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the crate's wasm-bindgen exactly: read it from Cargo.lock.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$ROOT/Cargo.lock")

t0=$SECONDS
step() { echo "== [${SECONDS}s] $*"; }

setup_build_tools() {
  step "rust target wasm32-unknown-unknown"
  rustup target list --installed | grep -qx wasm32-unknown-unknown ||
    rustup target add wasm32-unknown-unknown

  step "trunk $TRUNK_VERSION"
  if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    # --debug: ~3 min instead of ~9.5 min (trunk's release profile is fat LTO).
    CARGO_PROFILE_DEV_DEBUG=0 cargo install trunk --locked --version "$TRUNK_VERSION" --debug
  fi

  step "wasm-bindgen-cli $WBG_VERSION"
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WBG_VERSION"; then
    # Not --locked: its lock file pins a webpki-roots this registry does not serve.
    cargo install wasm-bindgen-cli --version "$WBG_VERSION"
  fi

  step "npm packages (wasm-opt from binaryen@132, playwright-core)"
  if [ ! -x "$ROOT/e2e/node_modules/.bin/wasm-opt" ] ||
     [ "$ROOT/e2e/package-lock.json" -nt "$ROOT/e2e/node_modules/.package-lock.json" ]; then
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

setup_test_tools() {
  step "chromium + chromedriver (Debian)"
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  fi

  step "cargo-fuzz"
  if ! command -v cargo-fuzz >/dev/null; then
    cargo install cargo-fuzz --locked
  fi
}

# The Python tests' virtualenv ($PYENV, from python/requirements-test.txt) and a Java
# runtime for Spark (Debian's OpenJDK 17 when none is installed). Puts the venv first on PATH.
PYENV="$ROOT/target/pyenv"
setup_python_env() {
  step "python virtualenv ($PYENV) from python/requirements-test.txt"
  local req="$ROOT/python/requirements-test.txt"
  if [ ! -x "$PYENV/bin/python" ]; then
    python3 -m venv "$PYENV"
  fi
  if [ ! -f "$PYENV/.requirements" ] || ! cmp -s "$req" "$PYENV/.requirements"; then
    "$PYENV/bin/pip" install --quiet --disable-pip-version-check -r "$req"
    cp "$req" "$PYENV/.requirements"
  fi
  export VIRTUAL_ENV="$PYENV" PATH="$PYENV/bin:$PATH"

  step "java (Spark)"
  if ! command -v java >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  setup_build_tools
  [ "${1:-}" = "--tests" ] && setup_test_tools
  [ "${1:-}" = "--tests" ] && setup_python_env
  step "set-up done in $((SECONDS - t0))s"
fi
