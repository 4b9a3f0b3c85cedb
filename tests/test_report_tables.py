"""Tables that read well: columns from content (no word broken inside a word), padding, header
rows repeated, rows kept together, merged group labels repeated where a group is cut, and no
row alone at the end; for the bundled example and a second office."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn

from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables
from lkjip_xl.report import build_document, tablelayout, textmetrics
from lkjip_xl.report.styles import base_document, prepare
from lkjip_xl.report.tablecell import Cell
from lkjip_xl.report.writer import LANDSCAPE_TEXT_CM, PORTRAIT_TEXT_CM, Writer

DINKES = Path(__file__).parent / "offices" / "dinkes"
TWIPS_PER_CM = 567


def _laporan(folder: Path | None = None):
    lap, findings = build_model(read_yaml_tables(folder) if folder else read_yaml_tables())
    assert lap is not None, findings
    return lap


@pytest.fixture(scope="module", params=["contoh", "dinkes"])
def doc(request):
    return build_document(_laporan(DINKES if request.param == "dinkes" else None))


def _cells(tbl):
    """(grid width in cm, text, bold, font pt) of every cell with text."""
    grid = [int(g.get(qn("w:w"))) / TWIPS_PER_CM for g in tbl.iter(qn("w:gridCol"))]
    for tr in tbl.iter(qn("w:tr")):
        col = 0
        for tc in tr.iter(qn("w:tc")):
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            n = int(span.get(qn("w:val"))) if span is not None else 1
            width = sum(grid[col : col + n])
            col += n
            text = "".join(
                "\n" if el.tag == qn("w:br") else el.text or ""
                for el in tc.iter(qn("w:t"), qn("w:br"))
            )
            bold = tc.find(f".//{qn('w:rPr')}/{qn('w:b')}") is not None
            size = tc.find(f".//{qn('w:rPr')}/{qn('w:sz')}")
            pt = int(size.get(qn("w:val"))) / 2 if size is not None else 10
            if text.strip():
                yield width, text, bold, pt


def test_no_word_is_wider_than_its_column(doc):
    checked = 0
    for table in _data_tables(doc):
        for width, text, bold, pt in _cells(table._tbl):
            inner = width - 2 * tablelayout.PAD_X_CM
            for word in text.split():
                assert textmetrics.width_cm(word, pt, bold=bold) <= inner, (word, width, text)
                checked += 1
    assert checked > 500


def _data_tables(doc):
    """Every table with borders (the signature blocks are borderless layout tables)."""
    for table in doc.tables:
        top = table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}/{qn('w:top')}")
        if top is None or top.get(qn("w:val")) != "nil":
            yield table


def test_tables_fit_the_text_width_and_have_padding(doc):
    for table in _data_tables(doc):
        tbl = table._tbl
        total = sum(int(g.get(qn("w:w"))) for g in tbl.iter(qn("w:gridCol"))) / TWIPS_PER_CM
        assert total <= LANDSCAPE_TEXT_CM + 0.05
        margins = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
        assert int(margins.find(qn("w:top")).get(qn("w:w"))) > 0
        assert int(margins.find(qn("w:left")).get(qn("w:w"))) >= 80


def _keeps(tbl):
    rows = []
    for tr in tbl.findall(qn("w:tr")):
        header = tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        keep = tr.find(f".//{qn('w:pPr')}/{qn('w:keepNext')}") is not None
        rows.append((header, keep))
    return rows


def test_header_repeats_and_no_row_stands_alone_at_either_end(doc):
    for table in _data_tables(doc):
        tbl = table._tbl
        rows = _keeps(tbl)
        body = [keep for header, keep in rows if not header]
        assert rows[0][0] and all(keep for header, keep in rows if header)
        for tr in tbl.findall(qn("w:tr")):
            assert tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
        if len(body) >= 3:
            assert body[0] and body[-2], table.rows[1].cells[0].text  # two rows at each end


def test_merged_groups_stay_together(doc):
    for table in doc.tables:
        for tr, (_, keep) in zip(table._tbl.findall(qn("w:tr")), _keeps(table._tbl), strict=True):
            nxt = tr.getnext()
            if nxt is None:
                continue
            continues = nxt.find(f".//{qn('w:vMerge')}")
            if continues is not None and continues.get(qn("w:val")) is None:
                assert keep  # the row before a continued merge keeps with it


def _group_rows(n, label="2021"):
    rows = []
    for i in range(n):
        merge = "restart" if i == 0 else "continue"
        rows.append(
            [Cell(label, bold=True, vmerge=merge), Cell(f"Indikator {i} " * 3), Cell("90%")]
        )
    return rows


def test_a_group_taller_than_a_page_is_cut_and_every_chunk_shows_its_label():
    header = [[Cell("Tahun"), Cell("Indikator"), Cell("Capaian")]]
    rows = _group_rows(60) + _group_rows(3, "2022")
    widths = [2.0, 9.0, 3.0]
    plan = tablelayout.plan(header, rows, widths, 10, 14.0, True, first_cm=12.0)
    starts = [i for i, r in enumerate(plan.rows) if r[0].vmerge == "restart"]
    labels = [plan.rows[i][0].text for i in starts]
    assert labels.count("2021") >= 3 and labels[-1] == "2022"
    heights = [tablelayout.row_height_cm(r, widths, 10) for r in plan.rows]
    for a, b in zip(starts, [*starts[1:], len(rows)], strict=True):
        assert sum(heights[a:b]) <= 14.0  # each chunk fits a page
        assert all(plan.keep[a : b - 1])  # and is kept together
        assert b - a >= 2  # never a label with one row
    for cut in starts[1:]:
        assert not plan.keep[cut - 1] or plan.rows[cut][0].text == "2022"
    assert plan.keep[-1]  # keeps with the Sumber line below


def test_a_small_table_stays_whole():
    header = [["No", "Uraian"]]
    rows = [[Cell(f"{i}."), Cell("isi pendek")] for i in range(1, 6)]
    plan = tablelayout.plan([[Cell(c) for c in header[0]]], rows, [1.0, 13.0], 10, 22.7, False)
    assert plan.keep == [True, True, True, True, False]


def test_widths_follow_content_and_codes_never_break():
    header = [[Cell("Kode"), Cell("Uraian"), Cell("Target")]]
    rows = [[Cell("1.02.02.2.02.0001"), Cell("Pengelolaan pelayanan kesehatan " * 4), Cell("95%")]]
    widths = tablelayout.fit_widths(header, rows, [1.0, 10.0, 3.0], 14.0, 10)
    assert widths is not None and abs(sum(widths) - 14.0) < 1e-6
    assert widths[0] >= textmetrics.width_cm("1.02.02.2.02.0001", 10) + 2 * tablelayout.PAD_X_CM
    assert widths[2] < widths[1]
    long = [[Cell("pertanggungjawaban " * 2)] * 8]
    assert tablelayout.fit_widths([[Cell("x")] * 8], long, [1] * 8, 14.0, 10) is None


def test_a_table_too_wide_for_portrait_turns_landscape():
    lap = _laporan()
    doc, house = base_document()
    prepare(doc, house)
    w = Writer(doc, lap)
    word = "Penyelenggaraan"
    rows = [[Cell(f"{word}{i}") for i in range(7)]]
    need = sum(textmetrics.width_cm(f"{word}{i}", 9) for i in range(7))
    assert need > PORTRAIT_TEXT_CM  # even the smaller size does not fit portrait
    w.table("Uji lebar", [["A"] * 7], rows, [1] * 7)
    orient = [s.orientation for s in doc.sections]
    assert len(orient) == 3 and orient[1] != orient[0] == orient[2]  # portrait, wide, back


def test_the_lead_in_of_a_landscape_table_moves_onto_its_page():
    lap = _laporan()
    doc, house = base_document()
    prepare(doc, house)
    w = Writer(doc, lap)
    w.captions.start_chapter(2)
    w.p("Teks sebelumnya yang tetap di halaman tegak.")
    w.p("Program dan kegiatan disajikan pada Tabel 2.1 berikut.")
    w.new_section(landscape=True)
    w.table("Program", [["Kode", "Nama"]], [["1.02.01", "Program satu"]], [1, 3])
    body = list(doc.element.body)
    texts = ["".join(t.text or "" for t in el.iter(qn("w:t"))) for el in body]
    breaks = [i for i, el in enumerate(body) if el.find(f".//{qn('w:sectPr')}") is not None]
    lead = texts.index("Program dan kegiatan disajikan pada Tabel 2.1 berikut.")
    assert texts.index("Teks sebelumnya yang tetap di halaman tegak.") < breaks[0] < lead
    assert texts[lead + 1].startswith("Tabel 2.1")  # right before its caption
    # a paragraph naming another table (2.10, or one already printed) stays where it is
    w.new_section(landscape=False)
    w.p("Lihat Tabel 2.10 nanti.")
    w.new_section(landscape=True)
    body = list(doc.element.body)
    texts = ["".join(t.text or "" for t in el.iter(qn("w:t"))) for el in body]
    assert body[texts.index("Lihat Tabel 2.10 nanti.") + 1].find(f".//{qn('w:sectPr')}") is not None
