"""Structure of the generated LKjIP .docx: headings, captions, sections, fields, settings."""

from __future__ import annotations

import re

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from lkjip_xl.core.findings import peringatan
from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables
from lkjip_xl.report import build_document, save_document
from lkjip_xl.report.ooxml import field_instructions, page_numbering
from lkjip_xl.report.styles import PARAGRAPH_STYLES


@pytest.fixture(scope="module")
def laporan():
    lap, findings = build_model(read_yaml_tables())
    assert lap is not None, findings
    return lap


@pytest.fixture(scope="module")
def doc(laporan, tmp_path_factory):
    """Built once, saved and read back, as a user would open it."""
    path = tmp_path_factory.mktemp("struktur") / "LKjIP.docx"
    save_document(build_document(laporan), path)
    return Document(str(path))


def _headings(doc, level):
    name = f"Heading {level}"
    return [" ".join(p.text.split()) for p in doc.paragraphs if p.style.name == name]


def test_heading_order(doc):
    assert _headings(doc, 1) == [
        "KATA PENGANTAR",
        "PERNYATAAN TELAH DIREVIU",
        "IKHTISAR EKSEKUTIF",
        "DAFTAR ISI",
        "DAFTAR TABEL",
        "DAFTAR GAMBAR",
        "DAFTAR LAMPIRAN",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ]
    level2 = _headings(doc, 2)
    numbered = [h.split()[0] for h in level2 if re.match(r"\d\.\d ", h)]
    assert numbered == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "2.6",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
    ]
    level3 = _headings(doc, 3)
    assert [h for h in level3 if h.startswith("3.3.")][:3] == [
        h for h in level3 if re.match(r"3\.3\.[123] Sasaran [123]: ", h)
    ]


def test_bab_title_has_line_break(doc):
    bab1 = next(p for p in doc.paragraphs if p.text.startswith("BAB I\n"))
    assert bab1.text == "BAB I\nPENDAHULUAN"
    assert bab1._p.findall(".//" + qn("w:br"))


def test_captions_numbered_per_chapter_with_seq_fields(doc):
    captions = [p for p in doc.paragraphs if p.style.name == "Caption"]
    labels = [re.match(r"(Tabel|Gambar) (\d+)\.(\d+) ", p.text) for p in captions]
    assert all(labels), [p.text for p in captions]
    seen: dict[tuple[str, str], int] = {}
    for p, m in zip(captions, labels, strict=False):
        kind, chapter, number = m.group(1), m.group(2), int(m.group(3))
        expected = seen.get((kind, chapter), 0) + 1
        assert number == expected, p.text
        seen[(kind, chapter)] = number
        # Word recomputes both numbers: the chapter from the heading's SEQ Bab, the count
        # restarting at each Heading 1 (\s 1); no \r on any caption, so deleting or moving a
        # table renumbers the rest. The computed numbers are the cached results.
        assert field_instructions(p._p) == [
            "SEQ Bab \\c \\* ARABIC",
            f"SEQ {kind} \\* ARABIC \\s 1",
        ]
        results = [r.text for r in p.runs if r.text in (chapter, str(number))]
        assert results[:2] == [chapter, str(number)], p.text
    tabel = [m.group(0).strip() for m in labels if m.group(1) == "Tabel"]
    # Tugas/fungsi and isu strategis are two tables, not one side-by-side table (the
    # reference's Tabel I.1 paired rows that have no relation), so BAB I has five tables.
    assert tabel[:9] == [
        "Tabel 1.1",
        "Tabel 1.2",
        "Tabel 1.3",
        "Tabel 1.4",
        "Tabel 1.5",
        "Tabel 2.1",
        "Tabel 2.2",
        "Tabel 2.3",
        "Tabel 3.1",
    ]
    gambar = [m.group(0).strip() for m in labels if m.group(1) == "Gambar"]
    assert gambar == ["Gambar 1.1", "Gambar 3.1", "Gambar 3.2", "Gambar 3.3"]


def test_chapter_headings_carry_the_hidden_chapter_counter(doc):
    bab = [p for p in doc.paragraphs if p.style.name == "Heading 1" and p.text.startswith("BAB ")]
    assert [field_instructions(p._p) for p in bab] == [
        [f"SEQ Bab \\r {n} \\h"] for n in range(1, 5)
    ]
    others = [
        p for p in doc.paragraphs if p.style.name == "Heading 1" and not p.text.startswith("BAB ")
    ]
    assert all(not field_instructions(p._p) for p in others)


def test_org_chart_is_gambar_1_1_in_tugas_dan_fungsi(doc):
    body = [p for p in doc.paragraphs if not p.style.name.startswith(("toc", "table of"))]
    paragraphs = [" ".join(p.text.split()) for p in body]
    caption = paragraphs.index("Gambar 1.1 Bagan Struktur Organisasi Sekretariat Daerah Kota Jambi")
    assert paragraphs.index("1.3 Tugas dan Fungsi") < caption
    assert caption < paragraphs.index("1.3.1 Sumber Daya Manusia")
    assert caption < next(i for i, t in enumerate(paragraphs) if t.startswith("Gambar 3.1 "))
    picture = body[caption - 1]
    assert picture._p.findall(".//" + qn("w:drawing"))


def test_org_chart_skipped_without_struktur(laporan):
    import copy

    lap = copy.copy(laporan)
    lap.struktur = []
    texts = [p.text for p in build_document(lap).paragraphs]
    assert not any(t.startswith("Gambar 1.") for t in texts)
    assert any(t.startswith("Gambar 3.1 ") for t in texts)


def test_captions_above_tables_and_below_figures(doc):
    body = list(doc.element.body)
    for i, el in enumerate(body):
        if el.tag != qn("w:p"):
            continue
        style = el.find(qn("w:pPr") + "/" + qn("w:pStyle"))
        if style is None or style.get(qn("w:val")) != "Caption":
            continue
        text = "".join(t.text or "" for t in el.iter(qn("w:t")))
        if text.startswith("Tabel"):
            assert body[i + 1].tag == qn("w:tbl"), text
        else:
            assert body[i - 1].findall(".//" + qn("w:drawing")), text


def test_sections_and_page_numbers(doc):
    sections = doc.sections
    assert page_numbering(sections[0]) == ("lowerRoman", 1)  # cover
    assert page_numbering(sections[1]) == ("lowerRoman", 1)  # front matter from i
    assert page_numbering(sections[2]) == ("decimal", 1)  # BAB I from 1
    for section in sections[3:]:
        assert page_numbering(section) == ("decimal", None)  # continue, never restart
    landscape = [s for s in sections if s.orientation == WD_ORIENT.LANDSCAPE]
    assert len(landscape) == 2
    for s in landscape:
        assert s.page_width > s.page_height
    # footers: the cover shows no number, the front matter defines the PAGE field
    assert not field_instructions(sections[0].footer._element)
    assert field_instructions(sections[1].footer._element) == ["PAGE"]
    assert all(s.footer.is_linked_to_previous for s in sections[2:])


def test_wide_tables_sit_in_landscape_sections(doc):
    body = doc.element.body
    landscape_text = []
    current: list[str] = []
    for el in body:
        current.append("".join(t.text or "" for t in el.iter(qn("w:t"))))
        sect = el.find(qn("w:pPr") + "/" + qn("w:sectPr")) if el.tag == qn("w:p") else None
        if sect is not None:
            pg = sect.find(qn("w:pgSz"))
            if pg is not None and pg.get(qn("w:orient")) == "landscape":
                landscape_text.append(" ".join(current))
            current = []
    assert any("Tabel 2.1 Program, Kegiatan dan Sub Kegiatan" in t for t in landscape_text)
    assert any("Tabel 3.4 Perbandingan Capaian" in t for t in landscape_text)


def test_toc_fields_dirty_and_settings(doc):
    instr = field_instructions(doc.element.body)
    assert 'TOC \\o "1-3" \\h \\z \\u' in instr
    assert 'TOC \\h \\z \\c "Tabel"' in instr
    assert 'TOC \\h \\z \\c "Gambar"' in instr
    dirty = [fc for fc in doc.element.body.iter(qn("w:fldChar")) if fc.get(qn("w:dirty"))]
    assert len(dirty) == 3  # only the three TOC fields
    settings = doc.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    assert settings.find(qn("w:themeFontLang")).get(qn("w:val")) == "id-ID"
    lang = doc.styles.element.find(
        qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr") + "/" + qn("w:lang")
    )
    assert lang.get(qn("w:val")) == "id-ID"


def test_styles_and_properties(doc):
    names = {s.name for s in doc.styles}
    assert set(PARAGRAPH_STYLES) <= names
    heading = doc.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:asciiTheme")) is None and heading.get(qn("w:ascii")) == "Arial"
    props = doc.core_properties
    assert "LKjIP" in props.title and "2022" in props.title
    assert props.author == "Sekretariat Daerah Kota Jambi"
    section = doc.sections[2]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.left_margin.cm) == 4


def test_tables_repeat_header_and_do_not_split_rows(doc):
    assert len(doc.tables) >= 15
    for table in doc.tables:
        first = table.rows[0]._tr
        assert first.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None
        for row in table.rows:
            assert row._tr.find(qn("w:trPr") + "/" + qn("w:cantSplit")) is not None


def test_predikat_cells_are_shaded_with_band_colours(doc):
    fills = {}
    for table in doc.tables:
        for tc in table._tbl.iter(qn("w:tc")):
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            shd = tc.find(qn("w:tcPr") + "/" + qn("w:shd"))
            if shd is not None:
                fills.setdefault(text, shd.get(qn("w:fill")))
    assert fills["Melebihi Target"] == "0070C0"
    assert fills["Tidak Tercapai"] == "C00000"
    assert fills["Tercapai"] == "00B050"
    # shd precedes vAlign in tcPr (schema order Word checks)
    tc = next(tc for tc in doc.tables[0]._tbl.iter(qn("w:tc")))
    tags = [child.tag for child in tc.find(qn("w:tcPr"))]
    assert tags.index(qn("w:shd")) < tags.index(qn("w:vAlign"))


def test_user_style_base_is_used(laporan, tmp_path):
    base = Document()
    base.styles["Normal"].font.name = "Bookman Old Style"
    base.add_paragraph("isi lama yang harus hilang")
    base_path = tmp_path / "gaya.docx"
    base.save(str(base_path))
    doc = build_document(laporan, gaya=base_path)
    assert doc.styles["Normal"].font.name == "Bookman Old Style"
    assert "isi lama yang harus hilang" not in "\n".join(p.text for p in doc.paragraphs)
    assert {"toc 1", "table of figures", "Isi Tabel"} <= {s.name for s in doc.styles}


def test_catatan_annex(laporan):
    finding = peringatan("Capaian berbeda dengan sel Excel.", sheet="Hasil", cell="E5")
    doc = build_document(laporan, catatan=[finding])
    assert _headings(doc, 1)[-1] == "CATATAN PEMERIKSAAN"
    last = doc.tables[-1]
    assert "'Hasil'!E5" in last.rows[1].cells[2].text
    assert "Capaian berbeda" in last.rows[1].cells[3].text


def test_signature_blocks_keep_the_paragraph_before_them(doc):
    # Kata Pengantar, Pernyataan Telah Direviu, BAB IV and Lampiran (Pengukuran Kinerja) each
    # end with a signature; none may be orphaned on a page of its own (BAB IV's once was), so
    # the paragraph before it keeps with next
    paragraphs = doc.paragraphs
    starts = [
        i for i, p in enumerate(paragraphs) if p.style.name == "Tanda Tangan" and i > 0
        and paragraphs[i - 1].style.name != "Tanda Tangan"
    ]  # fmt: skip
    assert len(starts) == 4
    for i in starts:
        assert paragraphs[i - 1].paragraph_format.keep_with_next, paragraphs[i - 1].text
