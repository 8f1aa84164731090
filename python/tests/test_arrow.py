"""Arrow in, Arrow out: extract_arrow (nested) and extract_figures (flat)."""

from __future__ import annotations

import pyarrow as pa
import pytest

import casualty_lens as cl
from conftest import prune


def test_struct_rows_equal_the_dicts(fixtures):
    texts = pa.array([d["text"] for d in fixtures])
    ids = pa.array([d["id"] for d in fixtures])
    out = cl.extract_arrow(texts, ids)
    assert isinstance(out, pa.StructArray)
    assert out.type == pa.struct(list(cl.report_schema()))
    want = [prune(cl.extract(d["text"], name=d["id"])) for d in fixtures]
    assert [prune(r) for r in out.to_pylist()] == want


@pytest.mark.parametrize("kind", [pa.string(), pa.large_string(), pa.string_view()])
def test_every_string_layout(fixtures, kind):
    texts = pa.array([d["text"] for d in fixtures], type=kind)
    got = cl.extract_arrow(texts).to_pylist()
    assert [prune(r) for r in got] == [
        prune(cl.extract(d["text"], name=str(i))) for i, d in enumerate(fixtures)
    ]


def test_sliced_input_is_read_in_place(fixtures):
    texts = pa.array([d["text"] for d in fixtures])
    part = texts.slice(2, 3)
    got = cl.extract_arrow(part, pa.array([7, 8, 9]))
    assert [r["name"] for r in got.to_pylist()] == ["7", "8", "9"]
    assert [prune(r)["figures"] for r in got.to_pylist()] == [
        prune(cl.extract(d["text"]))["figures"] for d in fixtures[2:5]
    ]


def test_nulls_and_chunks():
    texts = pa.chunked_array([["Two men were killed in Homs.", None], ["Four died in Idlib."]])
    out = cl.extract_arrow(texts)
    assert isinstance(out, pa.ChunkedArray)
    rows = out.to_pylist()
    assert rows[1] is None
    # Default names are row numbers across chunks.
    assert [rows[0]["name"], rows[2]["name"]] == ["0", "2"]
    assert rows[2]["figures"][0]["value"] == 4


def test_flat_figures(fixtures):
    texts = pa.array([d["text"] for d in fixtures])
    ids = pa.array([d["id"] for d in fixtures])
    table = cl.extract_figures(texts, ids)
    assert table.schema == cl.figures_schema()
    want = []
    for d in fixtures:
        r = cl.extract(d["text"], name=d["id"])
        for k, f in enumerate(r["figures"]):
            p = r["places"][f["place"]] if f["place"] is not None else {}
            want.append(
                {
                    "id": d["id"], "figure": k, "start": f["start"], "end": f["end"],
                    "text": f["text"], "category": f["category"], "value": f["value"],
                    "qualifier": f["qualifier"], "min": f["min"], "max": f["max"],
                    "place": p.get("name"), "country": p.get("country"),
                    "lat": p.get("lat"), "lon": p.get("lon"),
                    "sentence": f["sentence"]["text"],
                }
            )
    assert table.to_pylist() == want
    assert len(want) > 10


def test_pandas_round_trip(fixtures):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(fixtures)
    figs = cl.extract_figures(pa.array(df["text"]), pa.array(df["id"])).to_pandas()
    assert set(figs["id"]) <= set(df["id"])
    assert (figs["category"] == "killed").sum() >= 4


def test_arrow_errors():
    with pytest.raises(TypeError):
        cl.extract_arrow(pa.array([1, 2]))
    with pytest.raises(ValueError):
        cl.extract_arrow(pa.array(["a", "b"]), pa.array(["x"]))
    with pytest.raises(TypeError):
        cl.extract_arrow(pa.array(["a"]), pa.array([1.5]))


def test_dask_map_partitions(fixtures):
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    df = dd.from_pandas(pd.DataFrame(fixtures * 5), npartitions=3)

    def count(part):
        table = cl.extract_figures(pa.array(part["text"], type=pa.string()), pa.array(part["id"]))
        return table.to_pandas()

    meta = cl.figures_schema().empty_table().to_pandas()
    got = df.map_partitions(count, meta=meta).compute()
    flat = cl.extract_figures(
        pa.array([d["text"] for d in fixtures]), pa.array([d["id"] for d in fixtures])
    )
    assert len(got) == 5 * flat.num_rows
