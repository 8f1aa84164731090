"""Shared fixtures: the fixture texts, the CLI, the dev corpus and a local Spark session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEV = Path(os.environ.get("SHARED_CORPUS", ROOT.parent / "shared" / "corpus")) / "dev"


def read_jsonl(path: Path) -> list:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def fixtures() -> list:
    """Our own example articles: ``{"id", "text"}`` each."""
    return read_jsonl(HERE / "fixtures.jsonl")


@pytest.fixture(scope="session")
def dev_docs() -> list:
    """The shared dev texts (``../shared/corpus/dev/*.txt``) as ``{"id", "text"}``; the tests
    that use them are skipped where the corpus is not beside the checkout."""
    if not DEV.is_dir():
        pytest.skip(f"{DEV} is absent")
    docs = [
        {"id": p.name, "text": p.read_text(encoding="utf-8")}
        for p in sorted(DEV.glob("*.txt"))
    ]
    if not docs:
        pytest.skip(f"{DEV} has no .txt files")
    return docs


@pytest.fixture(scope="session")
def cli() -> str:
    """The release CLI (``CASUALTY_LENS_BIN`` or ``target/release/casualty-lens``)."""
    path = os.environ.get("CASUALTY_LENS_BIN", str(ROOT / "target" / "release" / "casualty-lens"))
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(f"{path} is missing: build it with `cargo build --release`")
    return path


def run_cli(cli: str, docs: list, tmp_path: Path, *extra: str) -> list:
    """The CLI's JSONL reports of ``docs`` (``extract --input jsonl --format jsonl``)."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = subprocess.run(
        [cli, "extract", "--input", "jsonl", "--format", "jsonl", *extra, str(src)],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def prune(value):
    """A report with every null dropped, recursively: the Arrow and Spark forms have a null
    where JSON leaves a key out (``implicit``, ``history``, absent categories of ``totals``)."""
    if isinstance(value, dict):
        return {k: prune(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


@pytest.fixture(scope="session")
def spark():
    """A local Spark session (``local[2]``) with Arrow on."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.fail("java is missing: install Debian's openjdk-17-jre-headless")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("casualty-lens-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
