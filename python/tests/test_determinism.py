"""Identical text, identical report, whatever the path: the CLI, extract, extract_many,
extract_arrow, the Polars expression, Spark and the JS module (in Node), on our fixtures and
on the shared dev texts (skipped where ../shared/corpus is absent)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from typing import Optional

import polars as pl
import pyarrow as pa
import pytest

import casualty_lens as cl
import casualty_lens.polars as clp
import casualty_lens.spark as cls
from conftest import ROOT, prune, run_cli

PKG = os.environ.get("JS_PKG", str(ROOT / "js" / "pkg"))


def js_reports(docs: list, tmp_path) -> Optional[list]:
    """The JS module's reports, from Node; None (the path is left out) unless the module is
    built. scripts/test-python.sh builds it first and sets REQUIRE_JS=1, which makes its
    absence a failure."""
    if not os.path.isfile(os.path.join(PKG, "index.mjs")) or shutil.which("node") is None:
        if os.environ.get("REQUIRE_JS") == "1":
            pytest.fail(f"the JS module is not built in {PKG} (scripts/build-js.sh)")
        return None
    src = tmp_path / "js-in.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = subprocess.run(
        ["node", str(ROOT / "js" / "tests" / "report.mjs"), PKG, str(src)],
        check=True, capture_output=True,
    ).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def every_path(docs: list, cli: str, spark, tmp_path) -> dict:
    """Each path's reports of ``docs``, pruned of nulls (Arrow's form of a missing key)."""
    texts = [d["text"] for d in docs]
    names = [str(d["id"]) for d in docs]
    numbered = [{"id": i, "text": t} for i, t in enumerate(texts)]
    cli_named = run_cli(cli, [{"id": n, "text": t} for n, t in zip(names, texts)], tmp_path)
    cli_numbered = run_cli(cli, numbered, tmp_path)
    out = {
        "cli": [prune(r) for r in cli_named],
        "extract": [prune(cl.extract(t, name=n)) for t, n in zip(texts, names)],
        "extract_many": [prune(r) for r in cl.extract_many(texts, names=names)],
        "extract_arrow": [prune(r) for r in cl.extract_arrow(pa.array(texts), pa.array(names)).to_pylist()],
    }
    js = js_reports([{"id": n, "text": t} for n, t in zip(names, texts)], tmp_path)
    if js is not None:
        out["js"] = [prune(r) for r in js]
    # Paths whose names are row numbers compare against the CLI run with numeric ids.
    polars = pl.DataFrame({"text": texts}).with_columns(clp.extract(pl.col("text")))
    df = spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "id long, text string")
    rows = sorted((r.asDict(recursive=True) for r in cls.extract(df).collect()), key=lambda r: r.pop("id"))
    numbered_want = [prune(r) for r in cli_numbered]
    out["polars"] = ([prune(r) for r in polars["report"].to_list()], numbered_want)
    out["spark"] = ([prune(r) for r in rows], numbered_want)
    return out


def check(paths: dict) -> None:
    want = paths.pop("cli")
    assert want, "no documents"
    for name, got in paths.items():
        expected = want
        if isinstance(got, tuple):
            got, expected = got
        assert len(got) == len(expected), name
        for g, w in zip(got, expected):
            assert g == w, f"{name}: {w['name']}"


def test_fixtures_agree_on_every_path(fixtures, cli, spark, tmp_path):
    check(every_path(fixtures, cli, spark, tmp_path))


def test_dev_texts_agree_on_every_path(dev_docs, cli, spark, tmp_path):
    check(every_path(dev_docs, cli, spark, tmp_path))


def test_runs_are_repeatable(fixtures):
    texts = [d["text"] for d in fixtures] * 20
    first = cl.extract_many(texts, threads=2)
    assert cl.extract_many(texts, threads=1) == first
    assert cl.extract_many(texts) == first
