"""Throughput and memory of the Python paths against the CLI, on the same text.

    python python/benches/bench.py CORPUS.jsonl [--cli target/release/casualty-lens]

CORPUS.jsonl holds {"id", "text"} lines (``cargo run --release --example bench_corpus --
CORPUS.jsonl 8``). Prints MB/s of text for the CLI (``extract --input jsonl --format jsonl``),
``extract_many``, ``extract_arrow`` and the Polars expression, on one core and on all cores, by the wall clock
and per CPU-second;
then the peak memory of a streamed run (``extract_arrow`` over record batches of 1,024 rows)
over the corpus once and four times: flat memory means the two peaks are close.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def mb_per_s(nbytes: int, seconds: float) -> float:
    return nbytes / 1e6 / seconds


def cpu_now() -> float:
    """CPU seconds of this process (all threads) and of its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def best_of(n: int, f) -> tuple:
    """The shortest wall time and the shortest CPU time of ``n`` runs of ``f`` (seconds).
    CPU time is the fairer measure on a shared machine: other processes do not inflate it."""
    walls, cpus = [], []
    for _ in range(n):
        c0, t0 = cpu_now(), time.perf_counter()
        f()
        walls.append(time.perf_counter() - t0)
        cpus.append(cpu_now() - c0)
    return min(walls), min(cpus)


def streamed_peak(corpus: str, repeat: int) -> None:
    """Child process: stream the corpus ``repeat`` times, print the peak RSS in MB."""
    import pyarrow as pa

    import casualty_lens as cl

    ex = cl.Extractor()
    figures = 0
    for _ in range(repeat):
        with open(corpus, encoding="utf-8") as f:
            batch = []
            for line in f:
                batch.append(json.loads(line)["text"])
                if len(batch) == 1024:
                    figures += ex.extract_arrow(pa.array(batch)).field("figures").value_lengths().to_numpy().sum()
                    batch = []
            if batch:
                figures += ex.extract_arrow(pa.array(batch)).field("figures").value_lengths().to_numpy().sum()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"peak_mb": peak, "figures": int(figures)}))


def polars_child(corpus: str, runs: int) -> None:
    """Child process: time the Polars expression over the corpus, print wall and CPU seconds.
    A child, because Polars and the core size their thread pools once per process, from
    POLARS_MAX_THREADS and RAYON_NUM_THREADS, which the parent sets."""
    import polars as pl

    import casualty_lens as cl
    import casualty_lens.polars as clp

    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8") if line.strip()]
    frame = pl.DataFrame({"text": texts})
    cl.Extractor().extract("warm up the gazetteer")
    wall, cpu = best_of(runs, lambda: frame.with_columns(clp.extract(pl.col("text"))))
    print(json.dumps({"wall": wall, "cpu": cpu}))


def polars_run(corpus: str, runs: int, threads: int) -> tuple:
    env = dict(os.environ, POLARS_MAX_THREADS=str(threads), RAYON_NUM_THREADS=str(threads))
    out = subprocess.run([sys.executable, __file__, corpus, "--runs", str(runs), "--polars"],
                         check=True, capture_output=True, text=True, env=env).stdout
    got = json.loads(out)
    return got["wall"], got["cpu"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--cli", default=str(ROOT / "target" / "release" / "casualty-lens"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--peak", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--polars", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.polars:
        polars_child(args.corpus, args.runs)
        return
    if args.peak:
        streamed_peak(args.corpus, args.peak)
        return

    import pyarrow as pa

    import casualty_lens as cl

    docs = [json.loads(line) for line in open(args.corpus, encoding="utf-8") if line.strip()]
    texts = [d["text"] for d in docs]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    cores = os.cpu_count() or 1
    print(f"corpus: {len(texts)} documents, {nbytes / 1e6:.1f} MB of text; {cores} cores; best of {args.runs}")
    arrow = pa.array(texts)
    ex = cl.Extractor()
    ex.extract("warm up the gazetteer")

    rows = []
    for threads in sorted({1, cores}):
        cli = best_of(args.runs, lambda: subprocess.run(
            [args.cli, "extract", "--input", "jsonl", "--format", "jsonl", "--threads", str(threads),
             "--out", os.devnull, args.corpus], check=True))
        many = best_of(args.runs, lambda: ex.extract_many(texts, threads=threads))
        arr = best_of(args.runs, lambda: ex.extract_arrow(arrow, threads=threads))
        pol = polars_run(args.corpus, args.runs, threads)
        rows.append((threads, cli, many, arr, pol))
    for k, unit in [(0, "MB/s (wall clock)"), (1, "MB per CPU-second")]:
        print(f"{'threads':>7} {'CLI':>9} {'extract_many':>13} {'extract_arrow':>14} {'Polars':>9}   {unit}")
        for threads, *runs in rows:
            cli, many, arr, pol = (r[k] for r in runs)
            print(f"{threads:>7} {mb_per_s(nbytes, cli):>9.1f} {mb_per_s(nbytes, many):>13.1f} "
                  f"{mb_per_s(nbytes, arr):>14.1f} {mb_per_s(nbytes, pol):>9.1f}   "
                  f"(vs CLI: {cli / many:.2f}x, {cli / arr:.2f}x, {cli / pol:.2f}x)")

    peaks = {}
    for repeat in (1, 4):
        out = subprocess.run([sys.executable, __file__, args.corpus, "--peak", str(repeat)],
                             check=True, capture_output=True, text=True).stdout
        peaks[repeat] = json.loads(out)
    print(f"streamed extract_arrow, batches of 1,024: peak RSS {peaks[1]['peak_mb']:.0f} MB over "
          f"{len(texts)} documents, {peaks[4]['peak_mb']:.0f} MB over {4 * len(texts)} "
          f"({peaks[1]['figures']} / {peaks[4]['figures']} figures)")


if __name__ == "__main__":
    main()
