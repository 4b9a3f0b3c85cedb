"""Tables from the text sources in examples/data (YAML): the example without Excel in the loop."""

from __future__ import annotations

from pathlib import Path

import yaml

from lkjip_xl import schema
from lkjip_xl.readers.tables import Row, TableData, Workbook

EXAMPLE_DATA = Path(__file__).resolve().parents[2] / "examples" / "data"


def load_yaml_rows(directory: Path, table: schema.Table) -> list[dict[str, object]]:
    path = directory / f"{table.name}.yaml"
    if not path.exists():
        return []
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [dict(r) for r in rows]


def read_yaml_tables(directory: Path = EXAMPLE_DATA) -> Workbook:
    """Every input table of the layout, rows keyed by column name (no cell references)."""
    tables = {}
    for table in schema.INPUT_TABLES:
        rows = [
            Row({c: r.get(c) for c in table.column_names}) for r in load_yaml_rows(directory, table)
        ]
        tables[table.name] = TableData(table.name, table.sheet, list(table.column_names), rows)
    return Workbook(tables, [s.name for s in schema.SHEETS], source=str(directory))
