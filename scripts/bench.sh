#!/usr/bin/env bash
# Pipeline throughput (prints figures, asserts nothing): scripts/bench.sh [JSONL_MB]
# JSONL_MB sizes the CLI's multi-core run (default 100; 1024 for the 1 GB run).
set -euo pipefail
cd "$(dirname "$0")/.."
CASUALTY_LENS_BENCH_JSONL_MB="${1:-100}" cargo bench --bench pipeline
