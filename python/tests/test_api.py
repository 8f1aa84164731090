"""The dict API: extract, extract_many, extract_stream, Extractor, errors."""

from __future__ import annotations

import json
import threading

import pytest

import casualty_lens as cl
from conftest import run_cli

BOMB = (
    "KABUL, 12 March 2024 (Reuters) - At least 17 people were killed and more than 40 wounded "
    "when a suicide bomber struck a crowded market in Kabul on Tuesday, officials said."
)


def test_extract_reads_figures_places_and_totals():
    r = cl.extract(BOMB, name="bomb")
    assert r["name"] == "bomb"
    killed = [f for f in r["figures"] if f["category"] == "killed"]
    assert killed[0]["text"] == "At least 17"
    assert (killed[0]["value"], killed[0]["min"], killed[0]["max"]) == (17, 17, None)
    # Offsets are code points into the text.
    assert BOMB[killed[0]["start"] : killed[0]["end"]] == "At least 17"
    assert any(p["name"] == "Kabul" and p["country"] == "AF" for p in r["places"])
    assert r["totals"]["killed"]["min"] == 17
    assert r["totals"]["injured"]["min"] == 41


def test_extract_equals_the_cli_line(fixtures, cli, tmp_path):
    want = run_cli(cli, fixtures, tmp_path)
    got = [cl.extract(d["text"], name=d["id"]) for d in fixtures]
    assert got == want
    ex = cl.Extractor()
    assert [json.loads(ex.extract_json(d["text"], name=d["id"])) for d in fixtures] == want


def test_acled_policy_matches_the_cli(fixtures, cli, tmp_path):
    want = run_cli(cli, fixtures, tmp_path, "--policy", "acled")
    assert [cl.extract(d["text"], name=d["id"], policy="acled") for d in fixtures] == want
    assert cl.Extractor(policy="acled").policy == "acled"
    # The policies really differ on vague words ("dozens").
    assert want != run_cli(cli, fixtures, tmp_path)


def test_extract_many_keeps_order_and_names(fixtures):
    texts = [d["text"] for d in fixtures]
    names = [d["id"] for d in fixtures]
    one_by_one = [cl.extract(t, name=n) for t, n in zip(texts, names)]
    assert cl.extract_many(texts, names=names) == one_by_one
    assert cl.extract_many(texts, names=names, threads=1) == one_by_one
    default = cl.extract_many(texts)
    assert [r["name"] for r in default] == [str(i) for i in range(len(texts))]


def test_extract_stream_is_lazy_and_equal(fixtures):
    texts = [d["text"] for d in fixtures] * 3
    got = list(cl.extract_stream(iter(texts), batch_size=4))
    assert [r["name"] for r in got] == [str(i) for i in range(len(texts))]
    assert [r["figures"] for r in got] == [r["figures"] for r in cl.extract_many(texts)]
    stream = cl.extract_stream(iter(texts), batch_size=2)
    assert next(stream)["name"] == "0"


def test_date_fills_a_missing_date_only():
    r = cl.extract("Two people were killed in Homs.", date="2024-05-01")
    assert r["date"] == "2024-05-01"
    with_byline = "Blast in the market\n\n14 June, 2019\n\nA bomb killed four people in Kabul."
    assert cl.extract(with_byline)["date"] == "2019-06-14"
    assert cl.extract(with_byline, date="1999-01-01")["date"] == "2019-06-14"


def test_html_is_read_as_text():
    r = cl.extract("<html><body><p>Three soldiers died in Aleppo.</p></body></html>")
    assert [f["value"] for f in r["figures"]] == [3]


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda: cl.extract("x", policy="generous"), ValueError),
        (lambda: cl.Extractor(policy=""), ValueError),
        (lambda: cl.extract("x", date="2024-13-01"), ValueError),
        (lambda: cl.extract("x", date="yesterday"), ValueError),
        (lambda: cl.extract(b"bytes"), TypeError),
        (lambda: cl.extract(None), TypeError),
        (lambda: cl.extract_many(["a", 3]), TypeError),
        (lambda: cl.extract_many(["a"], names=["a", "b"]), ValueError),
        (lambda: cl.extract_many(["a"], threads=0), ValueError),
        (lambda: list(cl.extract_stream(["a"], batch_size=0)), ValueError),
    ],
)
def test_errors_are_exceptions(call, error):
    with pytest.raises(error):
        call()


def test_hostile_text_gives_a_report():
    for text in ["\x00" * 100, "\ud7ff" * 50, "9" * 5000, "killed " * 2000, "<html>" * 300]:
        r = cl.extract(text)
        assert r["name"] == "" and isinstance(r["figures"], list)


def test_extract_many_releases_the_gil():
    """Another Python thread runs while extract_many works."""
    texts = [BOMB * 20] * 200
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.001)

    t = threading.Thread(target=tick)
    t.start()
    before = len(ticks)
    cl.extract_many(texts, threads=1)
    during = len(ticks) - before
    done.set()
    t.join()
    assert during > 5
