"""Casualty Lens in Polars.

``df.with_columns(cl.polars.extract(pl.col("text")))`` adds a struct column ``report``
(:func:`casualty_lens.report_schema`'s fields); ``cl.polars.figures(df, "text")`` gives one row
per figure with the frame's other columns.

The expression is a compiled Polars plugin: Polars' engine calls the Rust core itself, from its
own threads, with the column's Arrow buffers (no copy of the texts) and no Python or GIL in the
loop. Where Polars runs the calls in parallel the core extracts each batch on the calling
thread; otherwise it spreads the batch over its own threads, one per core. The expression is
elementwise, so the streaming engine feeds it batch by batch (memory flat in the number of
rows).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import polars as pl
import pyarrow as pa
from polars.plugins import register_plugin_function

from . import _native, extract_figures, report_schema

__all__ = ["extract", "figures", "report_dtype"]

# The compiled module is also the plugin library: Polars loads it by path.
_LIBRARY = Path(_native.__file__)
_POLICIES = ("literal", "acled")


def report_dtype() -> pl.DataType:
    """The Polars type of a report: a struct of :func:`casualty_lens.report_schema`'s fields."""
    return pl.from_arrow(pa.array([], type=pa.struct(list(report_schema())))).dtype


def extract(
    expr: pl.Expr,
    *,
    policy: str = "literal",
    alias: str = "report",
) -> pl.Expr:
    """An expression: each text's report as a struct (named ``alias``, default ``report``).

    ``policy`` is ``"literal"`` or ``"acled"``. Report names are row numbers within each batch
    Polars hands over; keep an id column beside it to identify documents.
    """
    if policy not in _POLICIES:
        raise ValueError(f'unknown policy {policy!r}: expected "literal" or "acled"')
    return register_plugin_function(
        plugin_path=_LIBRARY,
        function_name=f"extract_{policy}",
        args=expr.cast(pl.String),
        is_elementwise=True,
        use_abs_path=True,
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
