"""The checks of issue 12 / issue 9 item 4 on in-memory workbooks (the corpus covers them
through files): what is exempt, what is reported, and that a clean example stays clean."""

from __future__ import annotations

import copy

from lkjip_xl import schema
from lkjip_xl.checks import keys, outside, rows, workbook
from lkjip_xl.core.findings import Severity, kesalahan
from lkjip_xl.pipeline import MAX_PER_KODE, bounded
from lkjip_xl.readers.tables import NOT_CACHED, Row, TableData, Workbook
from lkjip_xl.readers.yaml_source import read_yaml_tables

EXAMPLE = read_yaml_tables()


def _book() -> Workbook:
    return copy.deepcopy(EXAMPLE)


def _codes(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.kode for f in findings]


def test_the_example_is_clean_for_every_new_check() -> None:
    book = _book()
    assert workbook.run(book) + outside.run(book) + rows.run(book) + keys.run(book) == []


def test_outside_cells_exempt_template_titles_and_report_the_rest() -> None:
    book = _book()
    sdm = book.tables["tblSDM"]
    sdm.ref = "A3:C29"
    sdm.outside = {"A31": schema.ASET.title, "A32": "Jenis Kelamin", "B32": 5}
    sdm.outside_count = 3
    (finding,) = outside.run(book)
    assert finding.kode == "di-luar-tabel" and finding.severity is Severity.KESALAHAN
    assert finding.cell == "A32" and finding.table == "tblSDM" and finding.sheet == "SDM"
    assert "A32, B32" in finding.message and "A31" not in finding.message
    assert "Resize Table" in finding.saran and "LibreOffice" in finding.saran


def test_outside_cells_of_a_formula_table_are_not_data() -> None:
    book = _book()
    book.tables["tblHasil"] = TableData("tblHasil", "Hasil", ["Capaian"], ref="A3:G43")
    book.tables["tblHasil"].outside = {"I4": "parameter"}
    assert outside.run(book) == []


def test_table_on_a_hidden_extra_sheet_is_an_error() -> None:
    book = _book()
    book.sheets.append("Data Lama")
    book.hidden_sheets.append("Data Lama")
    book.extra_tables.append(TableData("tblRealisasi", "Data Lama", [], ref="A3:D19"))
    (finding,) = workbook.check_placement(book)
    assert finding.kode == "tabel-salah-sheet" and "(tersembunyi)" in finding.message
    assert "Laporan memakai tabel di sheet 'Realisasi'" in finding.message


def test_duplicate_headers_and_unnamed_columns() -> None:
    book = _book()
    real = book.tables["tblRealisasi"]
    real.columns = [*real.columns, "Realisasi"]
    real.header_cells = [f"{chr(65 + i)}3" for i in range(len(real.columns))]
    again = real.header_cells[-1]
    real.unnamed = ["Z7"]
    found = workbook.check_headers(book)
    assert _codes(found) == ["judul-ganda", "kolom-tanpa-judul"]
    assert f"sel C3 dan {again}" in found[0].message and found[0].cell == again


def test_hidden_rows_hidden_columns_and_formulas_without_result() -> None:
    book = _book()
    real = book.tables["tblRealisasi"]
    real.rows[0].hidden = True
    real.rows[0].cells = {c: f"{chr(65 + i)}4" for i, c in enumerate(real.columns)}
    real.hidden_columns = ["Keterangan"]
    real.rows[1].formulas["Realisasi"] = "=80+0"
    real.rows[1].cached["Realisasi"] = NOT_CACHED
    real.rows[2].formulas["Realisasi"] = "=90+0"
    real.rows[2].cached["Realisasi"] = 90  # a stored result: fine
    assert sorted(_codes(rows.run(book))) == [
        "baris-tersembunyi",
        "kolom-tersembunyi",
        "rumus-tanpa-nilai",
    ]


def test_identitas_keys_and_narasi_sections() -> None:
    book = _book()
    ident = book.tables["tblIdentitas"]
    ident.rows.append(Row({"Kunci": " tahun  LAPORAN ", "Nilai": 2021, "Keterangan": None}))
    for row in ident.rows:
        if row.values["Kunci"] == "Gaya Rupiah":
            row.values["Nilai"] = "Rupiah"
    narasi = book.tables["tblNarasi"]
    narasi.rows.append(Row({"Bagian": "penutp", "Urutan": 9, "Gaya": "Paragraf", "Teks": "x"}))
    narasi.rows.append(
        Row({"Bagian": "indikator:IKU1", "Urutan": 9, "Gaya": "Paragraf", "Teks": "x"})
    )
    narasi.rows.append(Row({"Bagian": "sasaran:S99", "Urutan": 9, "Gaya": "Paragraf", "Teks": "x"}))
    found = keys.run(book)
    assert sorted(_codes(found)) == [
        "gaya-rupiah-tidak-dikenal",
        "identitas-ganda",
        "narasi-bagian-tidak-dikenal",
        "narasi-bagian-tidak-dikenal",
    ]
    assert any("mungkin maksudnya 'penutup'" in f.message for f in found)


def test_findings_are_bounded_per_kode_and_shortened() -> None:
    many = [kesalahan(f"Kode 'X{i}' " + "S" * 5000, kode="kode-tidak-dikenal") for i in range(300)]
    out = bounded([*many, kesalahan("lain", kode="lain")])
    assert len(out) == MAX_PER_KODE + 2
    assert all(len(f.message) < 700 for f in out)
    assert "250 temuan lain dengan kode [kode-tidak-dikenal]" in out[-1].message
    assert out[-1].severity is Severity.KESALAHAN
