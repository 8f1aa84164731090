"""Casualty Lens on Spark: ``cl.spark.extract(df, text_col="text", id_col="id")``.

The same Arrow function as :func:`casualty_lens.extract_arrow`, run by ``mapInArrow`` on each
executor: Spark hands each partition over as Arrow record batches, the core extracts them on
the executor's cores and returns Arrow. The code is the same on ``local[*]`` and on a cluster
(install the wheel on every executor, e.g. ``--py-files`` does not carry native code: use
``pip install`` in the image or ``spark.archives`` with a packed virtualenv).
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

import pyarrow as pa

from . import Extractor, report_schema

__all__ = ["extract", "spark_schema"]


def spark_schema(df: Any, id_col: str) -> Any:
    """The result's Spark schema: ``id_col`` as in ``df``, then the report's fields."""
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StructType

    report = from_arrow_schema(report_schema())
    return StructType([df.schema[id_col]] + list(report.fields))


def extract(
    df: Any,
    text_col: str = "text",
    id_col: str = "id",
    *,
    policy: str = "literal",
    threads: Optional[int] = None,
) -> Any:
    """A Spark DataFrame with one row per row of ``df``: ``id_col``, then the report's
    fields (``name`` is the id as text; figures, places and incidents are arrays of structs,
    totals a struct of categories). A null text gives null report fields.

    ``threads``: the core's threads per Python worker (default: all cores of the executor;
    set it to ``spark.task.cpus`` when several tasks share an executor).
    """
    schema = spark_schema(df, id_col)
    Extractor(policy=policy)  # a bad policy fails here, on the driver

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        extractor = Extractor(policy=policy)
        for batch in batches:
            ids = batch.column(id_col)
            texts = batch.column(text_col)
            names = ids if pa.types.is_string(ids.type) or pa.types.is_integer(ids.type) else ids.cast(pa.string())
            if pa.types.is_integer(names.type) and names.type != pa.int64():
                names = names.cast(pa.int64())
            report = extractor.extract_arrow(texts, names, threads=threads)
            columns = [ids] + report.flatten()
            yield pa.RecordBatch.from_arrays(columns, schema=pa.schema(
                [pa.field(id_col, ids.type)] + list(report_schema())
            ))

    return df.select(id_col, text_col).mapInArrow(run, schema)
