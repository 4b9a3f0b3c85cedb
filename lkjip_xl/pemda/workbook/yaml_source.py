"""The Pemda tables from text sources (one <tableName>.yaml per table), as the OPD example does:
the input of the Pemda workbook builder, and of tests that need no Excel file."""

from __future__ import annotations

from pathlib import Path

from lkjip_xl.pemda import schema as ps
from lkjip_xl.workbook.data import Rows
from lkjip_xl.workbook.data import load_rows as _load_rows

EXAMPLE_DIR = Path(__file__).resolve().parents[3] / "examples" / "pemda"
EXAMPLE_DATA = EXAMPLE_DIR / "data"

__all__ = ["EXAMPLE_DATA", "EXAMPLE_DIR", "Rows", "load_rows"]


def load_rows(directory: Path = EXAMPLE_DATA) -> Rows:
    """Rows of every Pemda input table; an unknown column is a typo and raises."""
    return _load_rows(directory, ps.INPUT_TABLES)
