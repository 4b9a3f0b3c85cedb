"""Every number of the example Pemda report's BAB III appears in Jejak Data, and every source
cell Jejak Data names really holds the value it says (the workbooks are opened and compared).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import openpyxl
import pytest
from docx.oxml.ns import qn

from lkjip_xl.pemda.opd import resolve
from lkjip_xl.pemda.pipeline import load_pemda_file
from lkjip_xl.pemda.report import build_document
from lkjip_xl.pemda.workbook import EXAMPLE_PATH

#: Percentages, Rupiah amounts, decimals ("72,61") and grouped thousands ("1.250"); plain
#: integers (years, counts, row numbers) are not data a reader could misplace.
NUMBER = re.compile(
    r"-?Rp\d{1,3}(?:\.\d{3})*(?:,\d+)?"
    r"|-?\d{1,3}(?:\.\d{3})*(?:,\d+)?%"
    r"|-?\d+(?:\.\d{3})*,\d+"
    r"|\d{1,3}(?:\.\d{3})+"
)


@pytest.fixture(scope="module")
def kons():
    loaded = load_pemda_file(EXAMPLE_PATH, mode="serial")
    assert loaded.can_write
    return loaded.kons


def _bab3_texts(kons) -> list[str]:
    """Texts of BAB III from 3.2 on (3.1 is the framework: formulas and the predikat scale),
    paragraphs and table cells, in document order."""
    doc = build_document(kons)
    texts, inside = [], False
    for element in doc.element.body:
        if element.tag == qn("w:p"):
            text = "".join(t.text or "" for t in element.iter(qn("w:t")))
            style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if style is not None and style.get(qn("w:val"), "").startswith("TOC"):
                continue  # the filled Daftar Isi lists "3.2 ..." and "BAB IV" too
            if text.startswith("3.2 "):
                inside = True
            elif inside and text.startswith("BAB IV"):
                break
            if inside:
                texts.append(text)
        elif element.tag == qn("w:tbl") and inside:
            for cell in element.iter(qn("w:tc")):
                texts.append(" ".join(t.text or "" for t in cell.iter(qn("w:t"))))
    assert texts, "BAB III not found"
    return texts


def test_every_bab3_number_is_in_jejak_data(kons):
    traced = {m for j in kons.jejak for m in NUMBER.findall(j.nilai)}
    found = [m for text in _bab3_texts(kons) for m in NUMBER.findall(text)]
    assert len(found) > 100  # the report prints many numbers; all must be traced
    missing = sorted({m for m in found if m not in traced})
    assert not missing, f"numbers in BAB III without Jejak Data: {missing}"


def _same(cell_value, recorded) -> bool:
    if isinstance(recorded, (int, float)) and not isinstance(recorded, bool):
        return isinstance(cell_value, (int, float)) and math.isclose(
            cell_value, recorded, rel_tol=1e-12, abs_tol=1e-9
        )
    return str(cell_value).strip() == str(recorded).strip()


def test_every_source_cell_holds_its_value(kons):
    folder = EXAMPLE_PATH.parent
    books: dict[str, openpyxl.Workbook] = {}
    checked = 0
    try:
        for j in kons.jejak:
            assert j.sel or j.dari, f"{j.kode} has neither a cell nor a source number"
            for sel in j.sel:
                assert sel.sel, f"{j.kode} names no cell"
                if sel.berkas not in books:
                    path, _ = resolve(sel.berkas, folder)
                    books[sel.berkas] = openpyxl.load_workbook(path, data_only=True)
                value = books[sel.berkas][sel.sheet][sel.sel].value
                assert _same(value, sel.nilai), (j.kode, sel, value)
                checked += 1
    finally:
        for book in books.values():
            book.close()
    assert checked > 100


def test_derived_numbers_point_to_existing_entries(kons):
    codes = {j.kode for j in kons.jejak}
    for j in kons.jejak:
        assert set(j.dari) <= codes, j.kode


def test_cascaded_realisasi_names_the_opd_cell(kons):
    """IKU5 2022 (tertimbang) is traced to DISDUKCAPIL's two Realisasi cells; the rule names
    the Pemda's cascade rows."""
    j = kons.jejak_of("iku:IKU5", "realisasi", 2022)
    files = {Path(s.berkas.replace("\\", "/")).name for s in j.sel}
    assert files == {"LKjIP_Disdukcapil_Kota_Contoh_2022.xlsm"}
    assert "aturan: 'Kaskade'!C7:C8" in j.cara  # the two rows of tblKaskadeIKU
    values = sorted(s.nilai for s in j.sel if s.tabel == "tblRealisasi")
    assert values == [93.4, 98.1]
    assert j.nilai == "96,69%"
