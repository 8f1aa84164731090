#!/usr/bin/env bash
# Builds the JavaScript module into js/pkg: the `casualty-lens-js` crate for wasm32 (release),
# wasm-bindgen --target web (ES module + .d.ts), the gazetteer asset, and the wrapper
# (index.mjs, index.d.ts, package.json). Needs the build tools of scripts/setup.sh.
#   scripts/build-js.sh [OUT_DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
OUT="${1:-$ROOT/js/pkg}"

step "casualty-lens-js for wasm32 (release)"
cargo build --locked --release --target wasm32-unknown-unknown -p casualty-lens-js

step "wasm-bindgen --target web -> $OUT"
rm -rf "$OUT"
wasm-bindgen --target web --out-dir "$OUT" \
  target/wasm32-unknown-unknown/release/casualty_lens_js.wasm
if command -v wasm-opt >/dev/null; then
  wasm-opt -O2 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals "$OUT/casualty_lens_js_bg.wasm" -o "$OUT/casualty_lens_js_bg.wasm"
fi

step "gazetteer.bin and the wrapper"
cargo run --locked --release --quiet -- gazetteer-asset "$OUT/gazetteer.bin"
cp js/index.mjs js/index.d.ts js/package.json "$OUT/"
ls -l "$OUT"
