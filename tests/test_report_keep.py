"""Page-flow rules the reviewer checks: a sentence introducing a table or figure by its number
stays with it, and a signer's name with degrees is never broken over two lines."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables
from lkjip_xl.report import build_document, styles
from lkjip_xl.report.textmetrics import width_cm

ROOT = Path(__file__).resolve().parents[1]
OFFICES = {"contoh": ROOT / "examples" / "data", "dinkes": ROOT / "tests" / "offices" / "dinkes"}
LONG_NAME = "dr. RADEN AJENG KUSUMAWARDHANI, M.Kes., Sp.KKLP"  # 6.5 < width < 14 cm


def _document(name: str, **identitas: str):  # type: ignore[no-untyped-def]
    laporan, findings = build_model(read_yaml_tables(OFFICES[name]))
    assert laporan is not None, findings
    if identitas:
        laporan.identitas = dataclasses.replace(laporan.identitas, **identitas)
    return build_document(laporan)


@pytest.mark.parametrize("name", sorted(OFFICES))
def test_lead_in_kept_with_its_table_or_figure(name: str) -> None:
    doc = _document(name)
    paragraphs = list(doc.element.body.iter(qn("w:p")))
    checked = 0
    for i, p in enumerate(paragraphs[1:], 1):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is None or style.get(qn("w:val")) != "Caption":
            continue
        label = re.match(
            r"(Tabel|Gambar) [0-9.]+", "".join(t.text or "" for t in p.iter(qn("w:t")))
        )
        before = paragraphs[i - 1]
        text = "".join(t.text or "" for t in before.iter(qn("w:t")))
        if label and re.search(re.escape(label.group(0)) + r"(?!\d)", text):
            checked += 1
            assert Paragraph(before, doc._body).paragraph_format.keep_with_next, text
    assert checked >= 3


def test_long_signer_name_on_one_line() -> None:
    doc = _document("dinkes", nama_penandatangan=LONG_NAME)
    names = [p for p in doc.paragraphs if p.text == LONG_NAME]
    assert names
    for p in names:
        indent = p.paragraph_format.left_indent
        indent_cm = indent.cm if indent is not None else styles.SIGN_INDENT_CM
        assert width_cm(LONG_NAME, styles.BODY_PT, bold=True) <= 14.0 - indent_cm


def test_cover_keeps_the_region_name_together() -> None:
    from lkjip_xl.report.sections.front import keep_region

    assert keep_region("DINAS KESEHATAN KABUPATEN SUNGAI LESTARI") == (
        "DINAS KESEHATAN KABUPATEN\u00a0SUNGAI\u00a0LESTARI"
    )
    assert keep_region("PEMERINTAH PROVINSI NUSA TENGGARA BARAT").endswith(
        "PROVINSI\u00a0NUSA\u00a0TENGGARA\u00a0BARAT"
    )
    assert keep_region("BADAN PENDAPATAN DAERAH") == "BADAN PENDAPATAN DAERAH"


@pytest.mark.parametrize("name", sorted(OFFICES))
def test_charts_printed_at_their_drawn_width(name: str) -> None:
    """Charts are drawn at WIDTH_CM with FONT_PT text: set at least that wide, their smallest
    text is at least 8 pt on paper (the org chart of BAB I has its own sizing)."""
    from docx.shared import Cm
    from PIL import Image

    from lkjip_xl.report import charts

    assert charts.FONT_PT >= 8 and charts.SMALL_PT >= 7.5
    doc = _document(name)
    shapes = list(doc.inline_shapes)[1:]  # [0] is Gambar 1.1, the org chart
    assert len(shapes) >= 3
    for shape in shapes:
        rid = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        with Image.open(io.BytesIO(doc.part.related_parts[rid].blob)) as png:
            drawn_cm = png.width / charts.DPI * 2.54
        assert drawn_cm >= charts.WIDTH_CM - 0.01
        assert shape.width >= Cm(drawn_cm) - Cm(0.02), (shape.width.cm, drawn_cm)


def test_foreign_terms_marked_by_staff_are_italic() -> None:
    """Narasi text marks a foreign term as _good governance_: printed in italics, no marks."""
    from lkjip_xl.report.markup import miring

    assert miring("tata kelola (_good governance_) dan LKjIP_2022") == [
        ("tata kelola (", ""),
        ("good governance", "i"),
        (") dan LKjIP_2022", ""),
    ]
    doc = _document("contoh")
    runs = [r for p in doc.paragraphs for r in p.runs if "good governance" in r.text]
    assert runs and all(r.italic for r in runs)
    assert not any("_good governance_" in p.text for p in doc.paragraphs)


def test_long_signer_name_on_one_line_in_the_perjanjian_kinerja() -> None:
    """The two-party PK block gives the party with the long name the room it needs."""
    name = "dr. NURAINI KUSUMAWARDANI, M.Kes."  # wider than half of the block
    doc = _document("dinkes", nama_penandatangan=name)
    cells = [c for t in doc.tables for row in t.rows for c in row.cells if c.text.strip() == name]
    assert cells
    need = width_cm(name, styles.BODY_PT, bold=True)
    assert need > 7.0
    assert all(c.width is not None and c.width.cm >= need for c in cells)
