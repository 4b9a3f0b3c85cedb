"""PermenPAN-RB 53/2014 completeness and the numbers as printed: the APIP review statement, the
Daftar Lampiran, a Perjanjian Kinerja signed by both parties in its own year, the Lampiran
Pengukuran Kinerja, BAB IV per IKU with improvements, history as published, ranges and units as
typed, and printed arithmetic that adds up."""

from __future__ import annotations

import copy
import re
from decimal import Decimal

import pytest
from docx.oxml.ns import qn

from lkjip_xl.core.evaluation import evaluate
from lkjip_xl.core.numbers import format_target, selisih_persen
from lkjip_xl.core.rules import efisiensi, round_percent
from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables
from lkjip_xl.report import build_document


@pytest.fixture(scope="module")
def laporan():  # type: ignore[no-untyped-def]
    lap, findings = build_model(read_yaml_tables())
    assert lap is not None, findings
    return lap


@pytest.fixture(scope="module")
def doc(laporan):  # type: ignore[no-untyped-def]
    return build_document(laporan)


def _text(el) -> str:  # type: ignore[no-untyped-def]
    """Text of runs with tabs and line breaks, as a reader sees it."""
    out = []
    for run in el.iter(qn("w:r")):
        for child in run:
            if child.tag == qn("w:t"):
                out.append(child.text or "")
            elif child.tag == qn("w:tab"):
                out.append("\t")
            elif child.tag == qn("w:br"):
                out.append("\n")
    return "".join(out)


def _body(doc) -> list[str]:  # type: ignore[no-untyped-def]
    """Paragraph texts and table rows (cells joined by " | "), in document order."""
    out = []
    for el in doc.element.body:
        if el.tag == qn("w:p"):
            if el.find(qn("w:hyperlink")) is None:  # not an entry of the Daftar Isi/Tabel/Gambar
                out.append(_text(el))
        elif el.tag == qn("w:tbl"):
            for tr in el.iter(qn("w:tr")):
                out.append(" | ".join(_text(tc) for tc in tr.iter(qn("w:tc"))))
    return out


def _section(lines: list[str], start: str, end: str | None = None) -> list[str]:
    i = next(n for n, line in enumerate(lines) if line.strip() == start)
    j = next((n for n, line in enumerate(lines[i + 1 :], i + 1) if end and line == end), None)
    return lines[i:j]


def _tables_by_caption(doc) -> dict[str, list[list[str]]]:  # type: ignore[no-untyped-def]
    out, pending = {}, None
    for el in doc.element.body:
        if el.tag == qn("w:p"):
            match = re.match(r"(Tabel \d+\.\d+) ", _text(el))
            style = el.find(qn("w:pPr") + "/" + qn("w:pStyle"))
            if match and style is not None and style.get(qn("w:val")) == "Caption":
                pending = match.group(1)
        elif el.tag == qn("w:tbl") and pending:
            out[pending] = [[_text(tc) for tc in tr.iter(qn("w:tc"))] for tr in el.iter(qn("w:tr"))]
            pending = None
    return out


def test_pernyataan_telah_direviu_with_lines_to_fill(doc) -> None:  # type: ignore[no-untyped-def]
    lines = _section(_body(doc), "PERNYATAAN TELAH DIREVIU", "IKHTISAR EKSEKUTIF")
    text = "\n".join(lines)
    assert "PEMERINTAH KOTA JAMBI\nINSPEKTORAT KOTA JAMBI" in text  # pemerintah first
    assert "Kami telah mereviu Laporan Kinerja" in text and "keyakinan terbatas" in text
    assert "INSPEKTUR KOTA JAMBI" in text
    assert "Jambi, ……………… 2023" in text  # the reviewer dates it by hand
    assert "NIP. …………………………………" in text  # name and NIP empty in Identitas


def test_pernyataan_telah_direviu_filled(laporan) -> None:  # type: ignore[no-untyped-def]
    lap = copy.deepcopy(laporan)
    ident = lap.identitas
    ident.apip_nama, ident.apip_nip, ident.tanggal_reviu = "Drs. PEREVIU", "1970 01", "2023-02-20"
    text = "\n".join(_section(_body(build_document(lap)), "PERNYATAAN TELAH DIREVIU"))
    assert "Jambi, 20 Februari 2023" in text
    assert "Drs. PEREVIU" in text and "NIP. 1970 01" in text


def test_daftar_lampiran(doc) -> None:  # type: ignore[no-untyped-def]
    lines = _section(_body(doc), "DAFTAR LAMPIRAN", "BAB I\nPENDAHULUAN")
    assert "Lampiran 1\tPerjanjian Kinerja Tahun 2022" in lines
    assert "Lampiran 2\tPengukuran Kinerja Tahun 2022" in lines


def test_perjanjian_kinerja_both_parties_dated_in_its_year(doc) -> None:  # type: ignore[no-untyped-def]
    lines = _section(_body(doc), "Lampiran 1. Perjanjian Kinerja Tahun 2022")
    text = "\n".join(lines)
    assert lines[1] == "PEMERINTAH KOTA JAMBI\nSEKRETARIAT DAERAH KOTA JAMBI"  # header order
    assert "selanjutnya disebut pihak pertama" in text and "disebut pihak kedua" in text
    signatures = [line for line in lines if line.startswith("PIHAK KEDUA, | PIHAK PERTAMA,")]
    assert len(signatures) == 2  # the agreement and its table page
    assert text.count(" | Jambi, ……………… 2022") == 2  # the PK's year, not the report's 2023
    assert "WALI KOTA JAMBI | SEKRETARIS DAERAH KOTA JAMBI" in text
    pk = _section(lines, lines[0], "Lampiran 2. Pengukuran Kinerja Tahun 2022")
    assert "Jambi, 2023" not in "\n".join(pk)


def test_lampiran_pengukuran_kinerja(doc) -> None:  # type: ignore[no-untyped-def]
    lines = _section(_body(doc), "Lampiran 2. Pengukuran Kinerja Tahun 2022")
    assert any("Komponen standar UKPBJ | 80% | 57% | 71,25%" in line for line in lines)
    assert "Jumlah anggaran tahun 2022\t: Rp68.269.806.788" in lines


def test_bab_iv_conclusion_per_iku_and_improvements(doc, laporan) -> None:  # type: ignore[no-untyped-def]
    lines = _section(_body(doc), "BAB IV\nPENUTUP", "LAMPIRAN")
    text = "\n".join(lines)
    for ind in laporan.indikator:
        assert ind.uraian in text
    missed = text.split("IKU yang belum mencapai target:", 1)[1]
    assert missed.split("\n")[1].endswith("Komponen standar UKPBJ, capaian 71,25%.")
    assert "Indikator Komponen standar UKPBJ belum mencapai target" in text
    assert "Efisiensi penggunaan anggaran sasaran 2 bernilai negatif" in text
    assert "uji kompetensi" in text.split("Langkah Perbaikan", 1)[1]


def test_history_as_published(doc) -> None:  # type: ignore[no-untyped-def]
    rows = _tables_by_caption(doc)["Tabel 3.4"]
    by_year, year = {}, None
    for row in rows[2:]:
        year = row[0] or year
        by_year.setdefault(year, []).append(row)
    ikm = [r for y in ("2019", "2020", "2021") for r in by_year[y] if "IKM" in r[1]]
    assert [r[4] for r in ikm] == ["96,00%", "97,00%", "85,52%"]  # reference Tabel 3.4
    kerjasama = [r for y in ("2019", "2021") for r in by_year[y] if "kerjasama" in r[1]]
    assert [r[4] for r in kerjasama] == ["71,42%", "100,00%"]  # as published (71,43 / 109,09)
    assert next(r for r in by_year["2022"] if "IKM" in r[1])[4] == "102,46%"  # report year
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "dikutip sebagaimana dilaporkan dalam LKjIP tahun bersangkutan" in text


def _with_range(laporan, satuan: str):  # type: ignore[no-untyped-def]
    """The example with kerjasama (IKU2) as a range target 60–85 in `satuan` (contract 1:
    target = lower bound, batas_atas = upper bound)."""
    lap = copy.deepcopy(laporan)
    ind = next(i for i in lap.indikator if i.kode == "IKU2")
    ind.polaritas, ind.satuan = "rentang", satuan
    for kin in ind.kinerja.values():
        kin.target, kin.batas_atas, kin.capaian_dilaporkan = 60.0, 85.0, None
    evaluate(lap)
    return lap


def test_range_target_printed_as_range_everywhere(laporan) -> None:  # type: ignore[no-untyped-def]
    doc = build_document(_with_range(laporan, "%"))
    body = "\n".join(_body(doc))
    tables = _tables_by_caption(doc)
    for label in ("Tabel 2.2", "Tabel 3.3", "Tabel 3.4", "Tabel 3.5"):
        assert any("60–85%" in cell for row in tables[label] for cell in row), label
    assert "Persentase perjanjian kerjasama yang diimplementasikan: target 60–85%" in body
    assert "ditargetkan dalam rentang 60–85% dan terealisasi 100%" in body
    pk = "\n".join(_section(_body(doc), "Lampiran 1. Perjanjian Kinerja Tahun 2022"))
    assert pk.count("60–85%") >= 2  # PK table and Pengukuran Kinerja
    assert not re.search(r"\b60%", body)


def test_units_keep_their_case(laporan) -> None:  # type: ignore[no-untyped-def]
    lap = copy.deepcopy(laporan)
    ind = next(i for i in lap.indikator if i.kode == "IKU4")
    ind.satuan = "per 100.000 KH"
    body = "\n".join(_body(build_document(lap)))
    assert "82,99 per 100.000 KH" in body and "81 per 100.000 KH" in body
    assert not re.search(r"\bkh\b", body)
    range_doc = "\n".join(_body(build_document(_with_range(laporan, "per 1.000 KH"))))
    assert "60–85 per 1.000 KH" in range_doc


def test_format_target() -> None:
    assert format_target(60, 85, "%") == "60–85%"
    assert format_target(60.5, 85, "per 1.000 KH") == "60,5–85 per 1.000 KH"
    assert format_target(60, 85, "%", with_unit=False) == "60–85%"
    assert format_target(92.86, None, "%") == "92,86%"
    assert format_target(81, None, "Indeks") == "81"
    assert format_target("Sangat Tinggi", None, "Nilai") == "Sangat Tinggi"
    assert format_target(None, None, "%") == "-"


def _pct(cell: str) -> Decimal:
    return Decimal(cell.rstrip("%").replace(".", "").replace(",", "."))


def _rp(cell: str) -> int:
    return int(cell.replace("Rp", "").replace(".", ""))


def test_printed_arithmetic_adds_up(doc) -> None:  # type: ignore[no-untyped-def]
    tables = _tables_by_caption(doc)
    for row in tables["Tabel 3.11"][2:]:  # efisiensi (6) = (4) - (5), in percent points
        if row[3] != "N/A" and row[4] != "N/A":
            assert _pct(row[3]) - _pct(row[4]) == _pct(row[5]), row
    for label, (first, last) in (("Tabel 3.9", (2, 3)), ("Tabel 3.10", (2, 3))):
        rows = [r for r in tables[label] if r[first].startswith("Rp")]
        *lines, total = rows
        for col in range(first, last + 1):
            assert sum(_rp(r[col]) for r in lines) == _rp(total[col]), label


def test_efisiensi_subtracts_the_printed_values() -> None:
    # 94,134% - 94,186% unrounded is -0,052 (printed -0,05%); from the printed 94,13% and
    # 94,19% it is -0,06%, which a reader checking the table gets.
    e = efisiensi(0.94134, 0.94186)
    assert round_percent(e) == Decimal("-0.06")
    assert selisih_persen(0.94134, 0.94186) == Decimal("-0.06")
    assert round_percent(efisiensi(1.0769230769, 0.9735)) == Decimal("10.34")
