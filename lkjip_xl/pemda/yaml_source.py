"""The Pemda tables from text sources (one <tableName>.yaml per table), as the OPD example does:
the input of the Pemda workbook builder, and of tests that need no Excel file."""

from __future__ import annotations

from pathlib import Path

from lkjip_xl.pemda import schema as ps
from lkjip_xl.readers.tables import Row, TableData, Workbook
from lkjip_xl.readers.yaml_source import load_yaml_rows

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "examples" / "pemda"
EXAMPLE_DATA = EXAMPLE_DIR / "data"

Rows = dict[str, list[dict[str, object]]]


def load_rows(directory: Path = EXAMPLE_DATA) -> Rows:
    """Rows of every Pemda input table; an unknown column is a typo and raises."""
    rows: Rows = {}
    for table in ps.INPUT_TABLES:
        data = load_yaml_rows(directory, table)
        for row in data:
            unknown = set(row) - set(table.column_names)
            if unknown:
                raise ValueError(f"{table.name}.yaml: unknown column(s) {sorted(unknown)}")
        rows[table.name] = data
    return rows


def as_workbook(rows: Rows, source: str = "") -> Workbook:
    """The rows as reader output (no cell addresses): the model without an .xlsm."""
    tables = {
        t.name: TableData(
            t.name,
            t.sheet,
            list(t.column_names),
            [Row({c: r.get(c) for c in t.column_names}) for r in rows.get(t.name, [])],
        )
        for t in ps.INPUT_TABLES
    }
    return Workbook(tables, [s.name for s in ps.INPUT_SHEETS], source=source)
