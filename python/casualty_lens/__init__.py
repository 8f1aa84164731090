"""Casualty Lens: casualty figures and places in news articles, offline.

The Rust core of the Casualty Lens CLI and web app, as a Python package. Every report is the
core's own JSON of a document (``SCHEMA.md``'s document object), byte for byte what
``casualty-lens extract --input jsonl --format jsonl`` writes for the same ``id`` and ``text``.

- :func:`extract` / :func:`extract_many`: dicts (the GIL is released; all cores are used).
- :func:`extract_arrow` / :func:`extract_figures`: Arrow in, Arrow out (pyarrow), for pandas,
  Dask, Ray and Spark (:mod:`casualty_lens.spark`).
- :mod:`casualty_lens.polars`: Polars expressions.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, List, Optional, Sequence

from ._native import SCHEMA, Extractor, figures_schema, report_schema

__all__ = [
    "SCHEMA",
    "Extractor",
    "extract",
    "extract_many",
    "extract_stream",
    "extract_arrow",
    "extract_figures",
    "report_schema",
    "figures_schema",
]


def _extractor(policy: str) -> Extractor:
    # Extractors share the gazetteer, loaded once per process: making one is cheap.
    return Extractor(policy=policy)


def extract(
    text: str,
    *,
    name: Optional[str] = None,
    date: Optional[str] = None,
    policy: str = "literal",
) -> dict:
    """One document's report, as a dict (``SCHEMA.md``'s document object).

    ``name`` becomes the report's ``name`` (and a ``.html`` name makes the text HTML);
    ``date`` (``YYYY-MM-DD``) is the report's ``date`` where the text gives none;
    ``policy`` is ``"literal"`` (the guidelines' bounds) or ``"acled"``.
    Raises ``ValueError`` for an unknown policy or a malformed date.
    """
    return _extractor(policy).extract(text, name=name, date=date)


def extract_many(
    texts: Sequence[str],
    *,
    names: Optional[Sequence[str]] = None,
    threads: Optional[int] = None,
    policy: str = "literal",
) -> List[dict]:
    """Reports of many documents, in input order, computed on ``threads`` cores (default:
    all) with the GIL released. Names default to the row numbers ``"0"``, ``"1"``, ...
    """
    return _extractor(policy).extract_many(
        list(texts), names=None if names is None else list(names), threads=threads
    )


def extract_stream(
    texts: Iterable[str],
    *,
    batch_size: int = 1024,
    threads: Optional[int] = None,
    policy: str = "literal",
) -> Iterator[dict]:
    """Reports of an iterable of texts, lazily, ``batch_size`` documents at a time: memory
    stays flat however many texts there are. Names are the running row numbers.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    ex = _extractor(policy)
    batch: List[str] = []
    done = 0
    for text in texts:
        batch.append(text)
        if len(batch) == batch_size:
            names = [str(done + i) for i in range(len(batch))]
            yield from ex.extract_many(batch, names=names, threads=threads)
            done += len(batch)
            batch = []
    if batch:
        names = [str(done + i) for i in range(len(batch))]
        yield from ex.extract_many(batch, names=names, threads=threads)


def _chunks(array: Any) -> List[Any]:
    """A pyarrow Array or ChunkedArray (or a pandas/Polars series via pyarrow) as chunks."""
    import pyarrow as pa

    if isinstance(array, pa.ChunkedArray):
        return list(array.chunks) or [pa.array([], type=array.type)]
    if isinstance(array, pa.Array):
        return [array]
    return [pa.array(array, type=pa.string())]


def extract_arrow(
    texts: Any,
    ids: Any = None,
    *,
    threads: Optional[int] = None,
    policy: str = "literal",
) -> Any:
    """Reports of an Arrow string array (``string``, ``large_string`` or ``string_view``;
    read in place, no copy) as a ``pyarrow.StructArray`` of :func:`report_schema`'s fields:
    figures, places, incidents as lists of structs, totals as a struct of categories.
    A null text gives a null row. ``ids`` (strings or integers, same length) become the
    reports' names; by default the row numbers. A ``ChunkedArray`` gives a ``ChunkedArray``.
    """
    import pyarrow as pa

    ex = _extractor(policy)
    chunks = _chunks(texts)
    if ids is None and len(chunks) > 1:
        id_chunks = _row_numbers(chunks)
    else:
        id_chunks = None if ids is None else _aligned(ids, chunks)
    out = [
        ex.extract_arrow(c, None if id_chunks is None else id_chunks[k], threads=threads)
        for k, c in enumerate(chunks)
    ]
    if isinstance(texts, pa.ChunkedArray):
        return pa.chunked_array(out, type=out[0].type)
    return out[0]


def extract_figures(
    texts: Any,
    ids: Any = None,
    *,
    threads: Optional[int] = None,
    policy: str = "literal",
) -> Any:
    """One row per figure (id, figure index, offsets, text, category, value, qualifier, min,
    max, place name, country, lat, lon, sentence) as a ``pyarrow.Table``
    (:func:`figures_schema`). ``ids`` default to the row numbers.
    """
    import pyarrow as pa

    ex = _extractor(policy)
    chunks = _chunks(texts)
    id_chunks = _row_numbers(chunks) if ids is None else _aligned(ids, chunks)
    batches = [ex.extract_figures(c, id_chunks[k], threads=threads) for k, c in enumerate(chunks)]
    return pa.Table.from_batches(batches, schema=figures_schema())


def _row_numbers(chunks: List[Any]) -> List[Any]:
    """The row numbers of ``chunks`` (as strings), cut as the chunks are."""
    import pyarrow as pa

    out, at = [], 0
    for c in chunks:
        out.append(pa.array([str(at + i) for i in range(len(c))], type=pa.string()))
        at += len(c)
    return out


def _aligned(ids: Any, chunks: List[Any]) -> List[Any]:
    """``ids`` cut into the lengths of ``chunks``."""
    import pyarrow as pa

    if not isinstance(ids, (pa.Array, pa.ChunkedArray)):
        ids = pa.array(ids)
    if isinstance(ids, pa.ChunkedArray):
        ids = ids.combine_chunks()
    total = sum(len(c) for c in chunks)
    if len(ids) != total:
        raise ValueError(f"{len(ids)} ids for {total} texts")
    out, at = [], 0
    for c in chunks:
        out.append(ids.slice(at, len(c)))
        at += len(c)
    return out
