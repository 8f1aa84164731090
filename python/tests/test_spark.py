"""Spark: cl.spark.extract on local[2] over a few thousand generated articles equals the CLI's
JSONL output for the same documents, row by row."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import casualty_lens as cl
import casualty_lens.spark as cls
from conftest import ROOT, prune, read_jsonl, run_cli


@pytest.fixture(scope="session")
def corpus() -> list:
    """The benchmark's generated corpus (``BENCH_JSONL``, written by
    ``cargo run --release --example bench_corpus -- OUT.jsonl 4``)."""
    path = Path(os.environ.get("BENCH_JSONL", ROOT / "e2e" / "artifacts" / "bench-corpus.jsonl"))
    if not path.is_file():
        pytest.fail(f"{path} is missing: scripts/test-python.sh writes it")
    docs = read_jsonl(path)
    assert len(docs) >= 2000
    return docs


def spark_rows(spark, docs: list, **kw) -> list:
    """cl.spark.extract's rows, as dicts, in id order (ids are row numbers)."""
    rows = [(i, d["text"]) for i, d in enumerate(docs)]
    df = spark.createDataFrame(rows, "id long, text string").repartition(4)
    out = cls.extract(df, "text", "id", **kw)
    assert out.schema.fieldNames() == ["id"] + list(cl.report_schema().names)
    got = sorted((r.asDict(recursive=True) for r in out.collect()), key=lambda r: r["id"])
    assert [r.pop("id") for r in got] == list(range(len(docs)))
    return got


def test_spark_equals_the_cli_row_by_row(spark, corpus, cli, tmp_path):
    numbered = [{"id": i, "text": d["text"]} for i, d in enumerate(corpus)]
    want = run_cli(cli, numbered, tmp_path)
    got = spark_rows(spark, corpus)
    assert len(got) == len(want)
    figures = 0
    for g, w in zip(got, want):
        assert prune(g) == prune(w), w["name"]
        figures += len(w["figures"])
    assert figures > len(corpus)


def test_spark_fixtures_and_policy(spark, fixtures, cli, tmp_path):
    numbered = [{"id": i, "text": d["text"]} for i, d in enumerate(fixtures)]
    for policy in ["literal", "acled"]:
        want = run_cli(cli, numbered, tmp_path, "--policy", policy)
        assert [prune(r) for r in spark_rows(spark, fixtures, policy=policy)] == [
            prune(w) for w in want
        ]


def test_spark_rejects_a_bad_policy(spark):
    df = spark.createDataFrame([(1, "x")], "id long, text string")
    with pytest.raises(ValueError):
        cls.extract(df, policy="nope")
