"""The committed Pemda binaries: drift-free, deterministic, shaped as the Pemda layout says."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from lkjip_xl.pemda import schema as ps
from lkjip_xl.pemda.detect import is_pemda_file
from lkjip_xl.pemda.workbook import EXAMPLE_PATH, TEMPLATE_PATH, layout, outputs
from lkjip_xl.pemda.workbook.yaml_source import EXAMPLE_DATA, load_rows


@pytest.fixture(scope="module")
def built():
    return outputs()


def test_committed_files_equal_a_fresh_build(built):
    """THE drift test: rebuild with `python scripts/build_pemda.py` when this fails."""
    for path, data in built.items():
        assert path.exists(), f"{path} missing: run scripts/build_pemda.py"
        assert path.read_bytes() == data, f"{path.name} drifted: run scripts/build_pemda.py"


def test_build_is_deterministic(built):
    assert outputs() == built


def test_setda_is_a_sekretariat_of_the_example_pemda():
    """The example's Setda: the repository example's rows under a Kota Contoh Identitas, so
    the Pemda example consolidates one pemerintah daerah only (no other city in any text)."""
    from lkjip_xl.pemda.workbook import setda_rows
    from lkjip_xl.workbook import load_rows as load_opd_rows

    rows, original = setda_rows(), load_opd_rows()
    ident = {r["Kunci"]: r["Nilai"] for r in rows["tblIdentitas"]}
    pemda = {r["Kunci"]: r["Nilai"] for r in load_rows(EXAMPLE_DATA)["tblIdentitasPemda"]}
    assert ident["Pemerintah Daerah"] == pemda["Nama Pemerintah Daerah"]
    assert ident["Tahun Laporan"] == pemda["Tahun Laporan"]
    texts = [str(v) for t in rows.values() for r in t for v in r.values() if v is not None]
    assert not [t for t in texts if "jambi" in t.casefold() or "kerjasama" in t.casefold()]
    assert [len(t) for t in rows.values()] == [len(t) for t in original.values()]


@pytest.mark.parametrize("path", [TEMPLATE_PATH, EXAMPLE_PATH], ids=lambda p: p.name)
def test_tables_and_headers(path):
    book = openpyxl.load_workbook(path, keep_vba=True)
    try:
        assert book.sheetnames == ["Petunjuk", *(s.name for s in layout.SHEETS), "Daftar",
                                   "xlwings.conf"]  # fmt: skip
        assert book["Daftar"].sheet_state == "hidden"
        for sheet in layout.SHEETS:
            for table in sheet.tables:
                tbl = book[sheet.name].tables[table.name]
                extra = [c.name for c in layout.CALCULATED.get(table.name, ())]
                assert [c.name for c in tbl.tableColumns] == [*table.column_names, *extra]
    finally:
        book.close()
    with zipfile.ZipFile(path) as zf:
        vml = zf.read("xl/drawings/vmlDrawing1.vml")
    assert b"Buat LKjIP Pemda" in vml and b"<x:FmlaMacro>[0]!GenerateReport<" in vml
    assert is_pemda_file(path)


def test_same_vba_as_the_opd_workbook():
    """The button runs the OPD workbook's macro (lkjip_xl.macro dispatches to the Pemda path);
    the xlwings module and the UDF wrappers are the OPD workbook's too."""
    olevba = pytest.importorskip("oletools.olevba")
    parser = olevba.VBA_Parser(str(TEMPLATE_PATH))
    try:
        code = {name: text for _, _, name, text in parser.extract_macros()}
    finally:
        parser.close()
    assert "lkjip_xl.macro.generate_report()" in code["LKjIP.bas"]
    assert "Function CAPAIAN(" in code["xlwings_udfs.bas"]
    assert "Function PREDIKAT(" in code["xlwings_udfs.bas"]


def test_opd_workbooks_are_not_pemda_workbooks():
    assert not is_pemda_file(EXAMPLE_PATH.parent / "opd" / "LKjIP_Setda_Kota_Contoh_2022.xlsm")
    assert not is_pemda_file(EXAMPLE_PATH.parent / "opd" / "LKjIP_Disdik_Kota_Contoh_2022.xlsm")


def test_calculated_columns_use_the_udfs_and_cache_the_results():
    book = openpyxl.load_workbook(EXAMPLE_PATH)
    values = openpyxl.load_workbook(EXAMPLE_PATH, data_only=True)
    try:
        place = layout.PLACEMENTS[ps.KINERJA.name]
        col = place.col("Capaian") + 1
        formula = book["Kinerja IKU"].cell(4, col).value
        assert formula.startswith("=CAPAIAN(") and "[#This Row]" in formula
        # row 4 is IKU1 2019: 72,10 / 72 = 100,14%
        assert values["Kinerja IKU"].cell(4, col).value == pytest.approx(72.1 / 72)
        assert values["Kinerja IKU"].cell(4, col + 1).value == "Melebihi Target"
    finally:
        book.close()
        values.close()


def test_rekap_sheet_of_the_example_holds_the_consolidation():
    book = openpyxl.load_workbook(EXAMPLE_PATH, data_only=True)
    try:
        ws = book["Rekap"]
        rows = list(ws.iter_rows(min_row=4, max_col=10, values_only=True))
        iku5 = next(r for r in rows if r[0] == "IKU5" and r[1] == 2022)
        assert iku5[4] == pytest.approx(96.69) and iku5[9] == "IKU5|2022"
    finally:
        book.close()


def test_template_reports_what_to_fill(capsys):
    from lkjip_xl.cli import main

    assert main(["periksa", str(TEMPLATE_PATH)]) == 2
    out = capsys.readouterr().out
    assert "Nama Pemerintah Daerah" in out and "wajib diisi" in out


def test_opd_workbooks_of_the_pemda_offer_its_sasaran_codes(tmp_path):
    """The generic OPD template cannot know a Pemda's codes; the example's OPD workbooks, and the
    OPD template built for a Pemda (scripts/build_pemda.py --templat-opd), offer them."""
    from lkjip_xl.pemda.workbook import opd_template_for
    from lkjip_xl.pipeline import load_file

    out = tmp_path / "templat.xlsm"
    out.write_bytes(opd_template_for(EXAMPLE_PATH))
    for path in (out, EXAMPLE_PATH.parent / "opd" / "LKjIP_Disdik_Kota_Contoh_2022.xlsm"):
        book = openpyxl.load_workbook(path, keep_vba=True)
        try:
            lists = [dv for dv in book["Renstra"].data_validations.dataValidation
                     if dv.formula1 == '"SR1,SR2,SR3,SR4"']  # fmt: skip
            assert len(lists) == 1 and lists[0].errorStyle == "information"
        finally:
            book.close()
    assert not is_pemda_file(out) and load_file(out).book is not None  # still an OPD template
