#!/usr/bin/env bash
# Scores the release CLI against ../shared/corpus/dev with the shared scorer (score.py), split
# three ways: the old 52 documents, the 23 news and agency texts (`ha-*`, `hb-*`) and all 75.
#
#   scripts/score.sh            # the three tables side by side
#   scripts/score.sh --verbose  # plus score.py's per-mention misses for all 75 documents
#
# Needs `cargo build --release` first (scripts/test.sh builds it). Prints a message and exits 0
# when ../shared/corpus is not beside this checkout.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$ROOT/../shared/corpus"
BIN="${BIN:-$ROOT/target/release/casualty-lens}"
if [ ! -d "$SHARED/dev" ]; then
  echo "skipped: ../shared/corpus is not beside this checkout"
  exit 0
fi
OUT="$ROOT/target/score"
rm -rf "$OUT"
mkdir -p "$OUT/old" "$OUT/new" "$OUT/all"
for f in "$SHARED"/dev/*.txt; do
  name=$(basename "$f" .txt)
  case "$name" in ha-* | hb-*) set=new ;; *) set=old ;; esac
  for d in "$set" all; do
    ln -s "$f" "$OUT/$d/$name.txt"
    ln -s "$SHARED/dev/$name.gold.json" "$OUT/$d/$name.gold.json"
  done
done
"$BIN" extract "$OUT"/all/*.txt --out "$OUT/report.json"
for d in old new all; do
  python3 "$SHARED/score.py" "$OUT/$d" "$OUT/report.json" --json >"$OUT/$d.json"
done
python3 - "$OUT" <<'EOF'
import json, sys
out = sys.argv[1]
sets = {d: json.load(open(f"{out}/{d}.json")) for d in ("old", "new", "all")}
keys = [k for k in sets["all"] if k not in ("missing_docs",)]
print(f"{'metric':24}{'old dev':>10}{'new dev':>10}{'all':>10}")
for k in keys:
    row = [sets[d].get(k, "") for d in ("old", "new", "all")]
    print(f"{k:24}" + "".join(f"{str(v):>10}" for v in row))
EOF
if [ "${1:-}" = "--verbose" ]; then
  python3 "$SHARED/score.py" "$OUT/all" "$OUT/report.json" --verbose | grep '^  '
fi
