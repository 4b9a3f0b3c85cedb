"""periksa on what the workbook's layout brings: range targets typed either way, units typed
freely, results typed over calculated columns, error values a LibreOffice save leaves there."""

from __future__ import annotations

import copy

import pytest

from lkjip_xl.checks import exit_code, format_findings, run_checks
from lkjip_xl.core.findings import Severity
from lkjip_xl.readers.tables import Row, Workbook
from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables

BASE = read_yaml_tables()


def _book() -> Workbook:
    return copy.deepcopy(BASE)


def _findings(book: Workbook) -> list:
    laporan, findings = build_model(book)
    return findings + run_checks(book, laporan)


def _row(book: Workbook, table: str, **match: object) -> Row:
    return next(
        r for r in book.tables[table].rows if all(r.values.get(k) == v for k, v in match.items())
    )


def _rentang(book: Workbook, target: object, batas: object = None) -> None:
    _row(book, "tblIndikator", **{"Kode Indikator": "IKU2"}).values["Polaritas"] = "rentang"
    for row in book.tables["tblTarget"].rows:
        if row.values["Kode Indikator"] == "IKU2":
            row.values["Target"], row.values["Batas Atas"] = target, batas


@pytest.mark.parametrize("target", ["90-100", "90 – 100", "90 s.d. 100", "90 s/d 100", 90])
def test_range_target_either_way_gives_a_report_and_says_which_form(target):
    book = _book()
    _rentang(book, target, 100 if target == 90 else None)
    laporan, findings = build_model(book)
    assert laporan is not None
    kin = next(i for i in laporan.indikator if i.kode == "IKU2").kinerja[2022]
    assert (kin.target, kin.batas_atas) == (90.0, 100.0)  # contract 1, whichever way typed
    assert kin.capaian == 1.0  # realisasi 100 is inside 90-100
    found = findings + run_checks(book, laporan)
    errors = [f for f in found if f.severity is Severity.KESALAHAN]
    assert not errors, format_findings(errors)
    [note] = [f for f in found if f.kode == "rentang-dibaca"]
    assert note.severity is Severity.CATATAN and note.sheet == "Perjanjian Kinerja"
    form = "di Target" if isinstance(target, str) else "Batas Atas 100"
    assert form in note.message and "2022" in note.message
    assert "CATATAN" in format_findings(found)


def test_range_text_on_another_polaritas_is_named_not_called_a_label():
    book = _book()
    for row in book.tables["tblTarget"].rows:
        if row.values["Kode Indikator"] == "IKU2":
            row.values["Target"] = "90-100"
    kodes = {f.kode: f.message for f in _findings(book)}
    assert "kualitatif-tanpa-skala" not in kodes
    assert "isi polaritas 'rentang'" in kodes["capaian-tidak-terhitung"]


def test_conflicting_range_forms_are_an_error():
    book = _book()
    _rentang(book, "90-100", 99)
    kodes = {f.kode: f.message for f in _findings(book)}
    assert "berbeda" in kodes["capaian-tidak-terhitung"]


def test_units_are_free_text_with_their_case():
    book = _book()
    _row(book, "tblIndikator", **{"Kode Indikator": "IKU2"}).values["Satuan"] = "per 100.000 KH"
    laporan, findings = build_model(book)
    findings += run_checks(book, laporan)
    assert not [f for f in findings if "atuan" in f.kode]
    assert next(i for i in laporan.indikator if i.kode == "IKU2").satuan == "per 100.000 KH"


def _typed_over(book: Workbook, column: str, value: object, **match: object) -> None:
    row = _row(book, "tblTarget", **match)
    row.values[column] = value
    row.formulas.pop(column, None)


def test_results_typed_over_calculated_columns():
    book = _book()
    laporan, _ = build_model(_book())
    right = next(i for i in laporan.indikator if i.kode == "IKU3").kinerja[2021].capaian
    _typed_over(book, "Capaian", 0.57, **{"Kode Indikator": "IKU3", "Tahun": 2022})
    _typed_over(book, "Capaian", right, **{"Kode Indikator": "IKU3", "Tahun": 2021})
    found = _findings(book)
    typed = [f for f in found if f.kode == "rumus-ditimpa"]
    assert len(typed) == 2 and all(f.column == "Capaian" for f in typed)
    [wrong] = [f for f in found if f.kode == "hasil-beda"]
    assert "57,00%" in wrong.message and "71,25%" in wrong.message and "IKU3 2022" in wrong.message


def test_error_values_from_a_libreoffice_save_are_one_note():
    book = _book()
    for row in book.tables["tblTarget"].rows:
        for column in ("Capaian", "Predikat"):
            row.formulas[column] = "=INDEX(Hitung!...)"
            row.cached[column] = "#NAME?" if column == "Capaian" else "#VALUE!"
    found = _findings(book)
    [note] = [f for f in found if f.kode == "hasil-galat"]
    assert note.severity is Severity.CATATAN
    assert "#NAME?, #VALUE!" in note.message and "LibreOffice" in note.message
    assert str(2 * len(book.tables["tblTarget"].rows)) in note.message
    assert exit_code(found) == exit_code(_findings(_book()))  # not the user's error
    assert not [f for f in found if f.kode == "galat-excel"]


def test_a_table_longer_than_the_formulas_read_is_named(monkeypatch):
    from lkjip_xl import schema

    monkeypatch.setattr(schema, "FORMULA_ROWS", 10)
    book = _book()
    long = [f for f in _findings(book) if f.kode == "hasil-terpotong"]
    assert {"tblTarget", "tblRealisasi"} <= {f.table for f in long}
    assert {f.severity for f in long} == {Severity.PERINGATAN}
