#!/usr/bin/env bash
# Bounded fuzzing of every target: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`, 0.13.2 here) and a nightly toolchain (libFuzzer
# needs -Zsanitizer). What works on this machine: `cargo +nightly fuzz run TARGET` with the
# rustup nightly toolchain. Without nightly the script falls back to RUSTC_BOOTSTRAP=1 on
# stable (untested here). The first build of the fuzz targets is slow (sanitizer coverage on
# every crate): budget several minutes before the timed runs start; `fuzz build -O` does not
# share its build with `fuzz run` (different flags), so let `run` build.
# Corpora persist in fuzz/corpus/TARGET (git-ignored); crashes land in fuzz/artifacts/TARGET
# and make the script exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-30}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(extract numbers decode html pdf)
fi
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "cargo-fuzz is not installed: cargo install cargo-fuzz" >&2
  exit 2
fi
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
else
  toolchain=()
  export RUSTC_BOOTSTRAP=1
fi
# Seed corpora with a few hand-written inputs so runs start from realistic text.
seed() {
  local dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  printf 'At least 12 people were killed and 40 injured in the city on May 3, 2014.' > "$dir/seed-news"
  printf 'Between 10 and 15 were wounded; dozens of others, about 2,500, were displaced.\r\n\r\nAnother 3 are missing.' > "$dir/seed-crlf"
  printf '<!doctype html><p onclick="x()">7 dead &amp; 2&nbsp;hurt</p><script>var a="<p>";</script>' > "$dir/seed-html"
  printf '\xff\xfe1\x002\x00 \x00k\x00i\x00l\x00l\x00e\x00d\x00' > "$dir/seed-utf16"
  if [ "$1" = pdf ]; then cp e2e/fixtures/report.pdf e2e/fixtures/scan.pdf "$dir/"; fi
}
status=0
for t in "${targets[@]}"; do
  seed "$t"
  echo "== fuzz $t for ${secs}s"
  set +e
  cargo "${toolchain[@]}" fuzz run "$t" "fuzz/corpus/$t" -- \
      -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 > "/tmp/fuzz-$t.log" 2>&1
  rc=$?
  set -e
  grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY)|panicked' "/tmp/fuzz-$t.log" || true
  if [ "$rc" -ne 0 ]; then
    echo "!! $t failed (exit $rc): see fuzz/artifacts/$t and /tmp/fuzz-$t.log" >&2
    status=1
  fi
done
exit $status
