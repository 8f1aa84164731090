"""The Polars expression and the one-row-per-figure frame."""

from __future__ import annotations

import polars as pl

import casualty_lens as cl
import casualty_lens.polars as clp
from conftest import prune


def test_expression_adds_a_struct_column(fixtures):
    df = pl.DataFrame(fixtures)
    out = df.with_columns(clp.extract(pl.col("text")))
    assert out.columns == ["id", "text", "report"]
    assert out.schema["report"] == clp.report_dtype()
    got = [prune(r) for r in out.get_column("report").to_list()]
    want = [prune(cl.extract(d["text"], name=str(i))) for i, d in enumerate(fixtures)]
    assert got == want


def test_expression_in_lazy_and_streaming_plans(fixtures):
    lf = pl.LazyFrame(fixtures * 50)
    q = lf.select(
        "id",
        clp.extract(pl.col("text")).struct.field("totals").struct.field("killed")
        .struct.field("value").alias("killed"),
    )
    eager = q.collect()
    streamed = q.collect(engine="streaming")
    assert eager.equals(streamed)
    want = {d["id"]: (cl.extract(d["text"])["totals"].get("killed") or {}).get("value") for d in fixtures}
    assert dict(zip(eager["id"][: len(fixtures)], eager["killed"][: len(fixtures)])) == want


def test_figures_one_row_each(fixtures):
    df = pl.DataFrame(fixtures).with_columns(pl.lit("src").alias("source"))
    flat = clp.figures(df, "text")
    assert flat.columns[:2] == ["id", "source"]
    n = sum(len(cl.extract(d["text"])["figures"]) for d in fixtures)
    assert flat.height == n
    first = flat.row(0, named=True)
    r = cl.extract(fixtures[0]["text"])
    assert (first["id"], first["text"], first["value"]) == (
        fixtures[0]["id"], r["figures"][0]["text"], r["figures"][0]["value"]
    )
    kabul = flat.filter(pl.col("place") == "Kabul")
    assert kabul.height >= 1 and kabul["country"][0] == "AF"


def test_policy_and_nulls():
    df = pl.DataFrame({"text": ["Dozens were injured in Kabul.", None]})
    lit = df.with_columns(clp.extract(pl.col("text")))["report"].to_list()
    acled = df.with_columns(clp.extract(pl.col("text"), policy="acled"))["report"].to_list()
    assert lit[1] is None and acled[1] is None
    assert lit[0]["figures"][0]["min"] == 24
    assert acled[0]["figures"][0]["min"] == 12


def test_expression_is_the_compiled_plugin(fixtures):
    # Polars calls the core through the plugin ABI, from its own threads: the plan names the
    # library's function, not a Python callback.
    plan = pl.LazyFrame(fixtures).select(clp.extract(pl.col("text"))).explain()
    assert "_native.abi3.so:extract_literal()" in plan
    assert "python_udf" not in plan


def test_chunked_empty_and_non_string_columns(fixtures):
    one = pl.DataFrame(fixtures[:2])
    two = pl.DataFrame(fixtures[2:4])
    chunked = pl.concat([one, two], rechunk=False)
    assert chunked.n_chunks() == 2
    got = chunked.with_columns(clp.extract(pl.col("text")))["report"].to_list()
    want = [cl.extract(d["text"]) for d in fixtures[:4]]
    # Names are row numbers within each batch Polars hands over (here, per chunk).
    assert [prune({**r, "name": ""}) for r in got] == [prune(r) for r in want]

    empty = pl.DataFrame({"text": []}, schema={"text": pl.String})
    out = empty.with_columns(clp.extract(pl.col("text")))
    assert out.height == 0 and out.schema["report"] == clp.report_dtype()

    numbers = pl.DataFrame({"text": [12, None]}).with_columns(clp.extract(pl.col("text")))
    assert numbers["report"][0]["figures"] == [] and numbers["report"][1] is None


def test_unknown_policy_is_a_value_error():
    import pytest

    with pytest.raises(ValueError, match="unknown policy"):
        clp.extract(pl.col("text"), policy="gtd")
