"""The button path without Excel: a stand-in for the few xlwings objects the reader touches.

Real Excel is needed to prove the COM side; this proves our side: the open-book reader yields the
same model as the file reader, and the macro writes the report next to the workbook or shows the
findings in a message box, never a traceback, never touching the book.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from lkjip_xl import macro
from lkjip_xl.pipeline import load_xlwings
from lkjip_xl.readers.yaml_source import read_yaml_tables


@dataclass
class FakeRange:
    value: Any
    formula: Any = None
    row: int = 1
    column: int = 1
    address: str = "$A$1"

    def options(self, ndim: int | None = None) -> FakeRange:
        return self


@dataclass
class FakeTable:
    name: str
    header_row_range: FakeRange
    data_body_range: FakeRange | None
    range: FakeRange


@dataclass
class FakeSheet:
    name: str
    tables: list[FakeTable] = field(default_factory=list)
    visible: bool = True


@dataclass
class FakeApp:
    alerts: list[tuple[str, str]] = field(default_factory=list)

    def alert(self, prompt: str, title: str = "", mode: str = "info", **_: Any) -> None:
        self.alerts.append((prompt, mode))


@dataclass
class FakeBook:
    sheets: list[FakeSheet]
    fullname: str
    app: FakeApp = field(default_factory=FakeApp)


def example_book(folder: Path, drop: str | None = None) -> FakeBook:
    """The YAML example laid out as Excel Tables (one per sheet position, rows from row 4)."""
    source = read_yaml_tables()
    sheets: dict[str, FakeSheet] = {name: FakeSheet(name) for name in source.sheets}
    for table in source.tables.values():
        if table.name == drop:
            continue
        header = FakeRange(list(table.columns))
        rows = [[r.values.get(c) for c in table.columns] for r in table.rows]
        formulas = tuple(tuple("" for _ in row) for row in rows)
        body = FakeRange(rows, formulas, row=4, column=1) if rows else None
        rng = FakeRange(None, address=f"$A$3:$Z${3 + len(rows)}")
        sheets[table.sheet].tables.append(FakeTable(table.name, header, body, rng))
    return FakeBook(list(sheets.values()), str(folder / "LKjIP.xlsm"))


def test_open_book_reads_like_the_text_sources(tmp_path: Path) -> None:
    loaded = load_xlwings(example_book(tmp_path))
    assert loaded.errors == []
    assert loaded.laporan is not None
    kin = next(i for i in loaded.laporan.indikator if i.kode == "IKU3").kinerja[2022]
    assert kin.capaian == pytest.approx(0.7125)
    assert kin.refs["Realisasi"].startswith("'Realisasi'!C")  # cells located for messages


def test_button_writes_report_next_to_workbook(tmp_path: Path) -> None:
    book = example_book(tmp_path)
    written = macro.generate_report(book)
    assert written == tmp_path / "LKjIP_Setda_Kota_Jambi_2022.docx"
    assert written.exists()
    ((message, mode),) = book.app.alerts
    assert mode == "info" and str(written) in message


def test_button_shows_findings_not_traceback(tmp_path: Path) -> None:
    book = example_book(tmp_path, drop="tblRealisasi")
    assert macro.generate_report(book) is None
    ((message, mode),) = book.app.alerts
    assert mode == "critical"
    assert "tblRealisasi" in message and "Traceback" not in message
    assert list(tmp_path.iterdir()) == []
