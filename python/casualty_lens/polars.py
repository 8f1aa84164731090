"""Casualty Lens in Polars.

``df.with_columns(cl.polars.extract(pl.col("text")))`` adds a struct column ``report``
(:func:`casualty_lens.report_schema`'s fields); ``cl.polars.figures(df, "text")`` gives one row
per figure with the frame's other columns.

The expression hands each batch of the column to the Rust core as Arrow (no copy of the
texts); the core extracts it on its own threads (rayon), with the GIL released, so a frame of
any size uses every core. It is elementwise, so Polars' streaming engine can feed it batch by
batch (memory flat in the number of rows).
"""

from __future__ import annotations

from typing import Optional

import polars as pl
import pyarrow as pa

from . import Extractor, extract_figures, report_schema

__all__ = ["extract", "figures", "report_dtype"]


def report_dtype() -> pl.DataType:
    """The Polars type of a report: a struct of :func:`casualty_lens.report_schema`'s fields."""
    return pl.from_arrow(pa.array([], type=pa.struct(list(report_schema())))).dtype


def _reports(series: pl.Series, extractor: Extractor, threads: Optional[int]) -> pl.Series:
    texts = series.cast(pl.String).to_arrow()
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks()
    # Polars hands over string views; the core reads those in place.
    out = extractor.extract_arrow(texts, threads=threads)
    return pl.Series(series.name, out)


def extract(
    expr: pl.Expr,
    *,
    policy: str = "literal",
    threads: Optional[int] = None,
    alias: str = "report",
) -> pl.Expr:
    """An expression: each text's report as a struct (named ``alias``, default ``report``).

    Report names are row numbers within each batch Polars hands over; keep an id column
    beside it to identify documents.
    """
    extractor = Extractor(policy=policy)
    return expr.map_batches(
        lambda s: _reports(s, extractor, threads),
        return_dtype=report_dtype(),
        is_elementwise=True,
    ).alias(alias)


def figures(
    df: pl.DataFrame,
    text: str = "text",
    *,
    policy: str = "literal",
    threads: Optional[int] = None,
) -> pl.DataFrame:
    """One row per figure: the frame's other columns, then the figure's index in its document,
    offsets, text, category, value, qualifier, min, max, place, country, lat, lon, sentence.
    Documents without figures have no row.
    """
    n = df.height
    rows = pa.array([str(i) for i in range(n)], type=pa.string())
    table = extract_figures(
        df.get_column(text).cast(pl.String).to_arrow(), rows, threads=threads, policy=policy
    )
    flat = pl.from_arrow(table)
    assert isinstance(flat, pl.DataFrame)
    flat = flat.with_columns(pl.col("id").cast(pl.UInt32).alias("__row")).drop("id")
    left = df.drop(text).with_row_index("__row")
    return (
        left.join(flat, on="__row", how="inner")
        .sort(["__row", "figure"])
        .drop("__row")
    )
