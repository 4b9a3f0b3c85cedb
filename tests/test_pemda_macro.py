"""The "Buat LKjIP Pemda" button without Excel: a stand-in for the xlwings objects the Pemda
path touches. Real Excel is needed to prove the COM side (Table.resize, alerts, the button);
this proves ours: the open-book path gives the file path's figures, the Rekap sheet gets the
consolidated rows, the report is written next to the workbook, findings go to a message box."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from lkjip_xl import macro
from lkjip_xl.pemda.rekap_sheet import JEJAK, REKAP_IKU, REKAP_OPD
from lkjip_xl.pemda.workbook import EXAMPLE_PATH
from lkjip_xl.readers.xlsx_file import read_workbook


@dataclass
class FakeRange:
    value: Any = None
    formula: Any = None
    row: int = 1
    column: int = 1
    address: str = "$A$1"
    sink: dict | None = None

    def options(self, ndim: int | None = None) -> FakeRange:
        return self

    def clear_contents(self) -> None:
        if self.sink is not None:
            self.sink["cleared"] = True

    def __getitem__(self, key: object) -> FakeRange:
        return self

    def offset(self, rows: int, cols: int) -> FakeRange:
        return self

    def resize(self, rows: int, cols: int) -> FakeRange:
        return FakeRange(address=f"{rows}x{cols}")

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "value" and getattr(self, "sink", None) is not None:
            self.sink["written"] = value
        object.__setattr__(self, name, value)


@dataclass
class FakeTable:
    name: str
    header_row_range: FakeRange
    data_body_range: FakeRange | None
    range: FakeRange
    sink: dict = field(default_factory=dict)

    def resize(self, rng: FakeRange) -> None:
        self.sink["resized"] = rng.address


class Tables(list):
    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return next(t for t in self if t.name == key)
        return super().__getitem__(key)


@dataclass
class FakeSheet:
    name: str
    tables: Tables = field(default_factory=Tables)
    visible: bool = True


class Sheets(list):
    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return next(s for s in self if s.name == key)
        return super().__getitem__(key)


@dataclass
class FakeApp:
    alerts: list[tuple[str, str]] = field(default_factory=list)
    calculation: str = "automatic"

    def alert(self, prompt: str, title: str = "", mode: str = "info", **_: Any) -> None:
        self.alerts.append((prompt, mode))


@dataclass
class FakeBook:
    sheets: Sheets
    fullname: str
    app: FakeApp = field(default_factory=FakeApp)


def open_book(path: Path) -> FakeBook:
    """The workbook as xlwings would show it: every Excel Table with values and formulas."""
    source = read_workbook(path)
    sheets = Sheets(FakeSheet(name) for name in source.sheets)
    for table in source.tables.values():
        rows = [[r.values.get(c) for c in table.columns] for r in table.rows]
        forms = [[r.formulas.get(c, "") for c in table.columns] for r in table.rows]
        first = table.rows[0].cells[table.columns[0]] if table.rows else "A4"
        col = sum(
            (ord(ch) - 64) * 26**i for i, ch in enumerate(reversed(first.rstrip("0123456789")))
        )
        sink: dict = {}
        body = FakeRange(rows, forms, row=4, column=col, sink=sink) if rows else None
        tbl = FakeTable(table.name, FakeRange(list(table.columns), sink=sink), body,
                        FakeRange(address=table.ref), sink)  # fmt: skip
        sheets[table.sheet].tables.append(tbl)
    return FakeBook(sheets, str(path))


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(EXAMPLE_PATH.parent, tmp_path / "pemda")
    return tmp_path / "pemda"


def test_button_refreshes_rekap_and_writes_the_report(folder):
    book = open_book(folder / EXAMPLE_PATH.name)
    written = macro.generate_report(book)  # the OPD button's entry point dispatches
    assert written is not None and written.parent == folder and written.exists()
    assert written.name == "LKjIP_Pemda_Pemkot_Contoh_2022.docx"
    prompt, mode = book.app.alerts[-1]
    assert mode == "info" and "Sheet Rekap telah diperbarui" in prompt
    rekap = book.sheets["Rekap"].tables
    iku = rekap[REKAP_IKU.name].sink
    rows = iku["written"]
    assert len(rows) == 28 and rows[-1][:2] == ["IKU7", 2022]  # 7 IKU x 2019-2022
    assert rows[-1][-1] == "IKU7|2022" and iku["resized"] == f"29x{len(REKAP_IKU.columns)}"
    opd = rekap[REKAP_OPD.name].sink["written"]
    assert [r[0] for r in opd] == ["SETDA", "DISDIK", "DISDUKCAPIL"]
    assert len(rekap[JEJAK.name].sink["written"]) > 150
    assert book.app.calculation == "automatic"  # restored


def test_blocking_findings_go_to_a_message_box(folder):
    (folder / "opd" / "LKjIP_Setda_Kota_Contoh_2022.xlsm").unlink()
    book = open_book(folder / EXAMPLE_PATH.name)
    assert macro.generate_report(book) is None
    prompt, mode = book.app.alerts[-1]
    assert mode == "critical" and "belum dapat dibuat" in prompt and "IKU7" in prompt
    assert not list(folder.glob("*.docx"))


def test_internal_error_is_a_message_not_a_traceback(folder, monkeypatch):
    from lkjip_xl.pemda import pipeline

    def boom(*_a, **_k):
        raise RuntimeError("uji")

    monkeypatch.setattr(pipeline, "analyse", boom)
    book = open_book(folder / EXAMPLE_PATH.name)
    assert macro.generate_report(book) is None
    assert book.app.alerts[-1][1] == "critical" and "uji" in book.app.alerts[-1][0]


def test_open_book_gives_the_file_paths_figures_and_cells(folder):
    from lkjip_xl.pemda.pipeline import load_pemda_file, load_pemda_xlwings

    path = folder / EXAMPLE_PATH.name
    by_file = load_pemda_file(path, mode="serial").kons
    by_book = load_pemda_xlwings(open_book(path)).kons
    assert [(j.nilai, j.sel) for j in by_book.jejak] == [(j.nilai, j.sel) for j in by_file.jejak]
