"""Type stubs of the native module (``casualty_lens._native``, Rust + PyO3)."""

from typing import Any, List, Optional

SCHEMA: str
"""The report schema's tag, ``"casualty-lens/1"``."""

class Extractor:
    """The embedded gazetteer (loaded once per process) and a coding policy.

    ``policy``: ``"literal"`` (the guidelines' bounds) or ``"acled"`` (ACLED-style
    conservative bounds). Raises ``ValueError`` for any other value.
    """

    def __init__(self, policy: str = "literal") -> None: ...
    @property
    def policy(self) -> str:
        """``"literal"`` or ``"acled"``."""
    def extract(
        self, text: str, *, name: Optional[str] = None, date: Optional[str] = None
    ) -> dict:
        """One document's report as a dict (``SCHEMA.md``'s document object)."""
    def extract_many(
        self,
        texts: List[str],
        *,
        names: Optional[List[str]] = None,
        threads: Optional[int] = None,
    ) -> List[dict]:
        """Reports in input order, on all cores (or ``threads``), GIL released."""
    def extract_json(self, text: str, *, name: Optional[str] = None) -> str:
        """One document's report as compact JSON: the CLI's ``--format jsonl`` line."""
    def extract_arrow(
        self, texts: Any, ids: Optional[Any] = None, *, threads: Optional[int] = None
    ) -> Any:
        """An Arrow string array's reports as a ``pyarrow.StructArray`` (one array, not chunked)."""
    def extract_figures(
        self, texts: Any, ids: Optional[Any] = None, *, threads: Optional[int] = None
    ) -> Any:
        """One row per figure, as a ``pyarrow.RecordBatch`` (``figures_schema()``)."""

def report_schema() -> Any:
    """The report struct's fields, as a ``pyarrow.Schema``."""

def figures_schema() -> Any:
    """The flat figures table's schema, as a ``pyarrow.Schema``."""
