"""Real values in the generated report (example model: LKjIP Setda Kota Jambi 2022)."""

from __future__ import annotations

import copy
import re

import pytest
from docx.oxml.ns import qn

from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables
from lkjip_xl.report import build_document

TERBILANG_TOTAL = (
    "enam puluh delapan miliar dua ratus enam puluh sembilan juta delapan ratus "
    "enam ribu tujuh ratus delapan puluh delapan rupiah"
)


@pytest.fixture(scope="module")
def laporan():
    lap, findings = build_model(read_yaml_tables())
    assert lap is not None, findings
    return lap


@pytest.fixture(scope="module")
def doc(laporan):
    return build_document(laporan)


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def _tables_by_caption(doc) -> dict[str, list[list[str]]]:
    """ "Tabel 3.4" -> rows of cell texts (the table right after its caption)."""
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


@pytest.fixture(scope="module")
def tabel(doc):
    return _tables_by_caption(doc)


@pytest.fixture(scope="module")
def full_text(doc):
    return "\n".join(p.text for p in doc.paragraphs)


def _row(rows, *needles):
    for row in rows:
        if all(any(n in cell for cell in row) for n in needles):
            return row
    raise AssertionError(f"no row with {needles}: {rows}")


def test_counts_in_prose(full_text):
    assert (
        "3 (tiga) sasaran strategis yang diukur dengan 4 (empat) indikator kinerja utama (IKU)"
    ) in full_text
    assert (
        "Dari 4 (empat) indikator tersebut, 2 (dua) indikator mencapai atau "
        "melebihi target, 1 (satu) indikator belum mencapai target, dan 1 (satu) "
        "indikator belum dapat diukur (N/A)"
    ) in full_text


def test_capaian_iku_report_year(tabel):
    rows = tabel["Tabel 3.3"]
    assert _row(rows, "Prestasi EKPPD")[-2:] == ["N/A", "N/A"]
    assert _row(rows, "kerjasama")[-4:] == ["92,86%", "100%", "107,69%", "Melebihi Target"]
    assert _row(rows, "UKPBJ")[-4:] == ["80%", "57%", "71,25%", "Tidak Tercapai"]
    assert _row(rows, "IKM")[-4:] == ["81", "82,99", "102,46%", "Melebihi Target"]


def test_multi_year_comparison(tabel):
    rows = tabel["Tabel 3.4"]
    assert rows[0] == ["Tahun", "Indikator Sasaran", "Target", "Realisasi", "Capaian", "Predikat"]
    # year cells are merged vertically: the year text sits on the first row of each year
    by_year, year = {}, None
    for row in rows[2:]:
        if row[0]:
            year = row[0]
        by_year.setdefault(year, []).append(row)
    assert set(by_year) == {"2019", "2020", "2021", "2022"}  # no unsourced Renstra end target
    # Past years as published in the LKjIP of those years (tblRealisasi "Capaian Dilaporkan"):
    assert _row(by_year["2020"], "UKPBJ")[4] == "675,00%"
    assert _row(by_year["2019"], "kerjasama")[4] == "71,42%"  # recomputed 71,43%
    assert _row(by_year["2021"], "kerjasama")[4] == "100,00%"  # recomputed 109,09%
    assert _row(by_year["2021"], "IKM")[4] == "85,52%"  # recomputed 66,67% (C against B)
    # The report year is recomputed (corrections of Tabel 3.3/3.4 2022):
    assert _row(by_year["2022"], "UKPBJ")[4] == "71,25%"
    assert _row(by_year["2022"], "kerjasama")[4] == "107,69%"
    assert _row(by_year["2022"], "IKM")[4] == "102,46%"
    ekppd = _row(by_year["2022"], "EKPPD")
    assert ekppd[3].startswith("Belum ada pengumuman") and ekppd[4:] == ["N/A", "N/A"]


def test_budget_per_sasaran_and_total(tabel, full_text):
    # BAB III numbers: Tabel 3.8 is the IKM per unsur table under the IKM indicator (3.3.3),
    # so the budget tables follow from 3.9.
    rows = tabel["Tabel 3.10"]
    # the sasaran row (bold) above its indicators, amounts merged over both
    sasaran_1 = rows[rows.index(_row(rows, "Prestasi EKPPD")) - 1]
    assert sasaran_1[2:] == ["Rp26.511.730.716", "Rp25.809.319.312", "97,35%"]
    assert _row(rows, "Jumlah")[2:] == ["Rp68.269.806.788", "Rp64.933.043.167", "95,11%"]
    belanja = tabel["Tabel 3.9"]
    assert _row(belanja, "BELANJA OPERASI")[-1] == "94,26%"
    assert _row(belanja, "BELANJA MODAL")[-1] == "99,28%"
    assert _row(belanja, "TOTAL ANGGARAN")[-1] == "95,11%"
    assert f"Rp68.269.806.788 ({TERBILANG_TOTAL})" in full_text
    assert "atau 212,80%" in full_text  # pendapatan (PAD) 53.200.000 / 25.000.000


def test_terbilang_runs_are_italic(doc):
    runs = [r for p in doc.paragraphs for r in p.runs if r.text == TERBILANG_TOTAL]
    assert runs and all(r.italic for r in runs)


def test_efisiensi_uses_corrected_capaian(tabel):
    # Reference Tabel 3.8 (second) prints sasaran 1 as 100% - 97,35% = 2,65%: it shows the
    # kerjasama capaian capped at 100% (100/92,86 = 107,69%). The rules keep 107,69%, so the
    # efisiensi is 107,69% - 97,35% = 10,34%. Its Jumlah row (87,93/95,45/-7,53) follows from
    # nothing; ours is mean capaian of the sasaran, total budget %, and their difference.
    rows = tabel["Tabel 3.11"]
    # efisiensi is a difference of two percentages: printed in percent points (header), no "%"
    assert _row(rows, "Prestasi EKPPD")[3:] == ["107,69%", "97,35%", "10,34"]
    assert _row(rows, "UKPBJ")[3:] == ["71,25%", "97,39%", "-26,14"]
    assert _row(rows, "IKM")[3:] == ["102,46%", "93,51%", "8,95"]
    # mean of 107,69 / 71,25 / 102,46 = 93,80%; 95,11% of the total budget
    assert _row(rows, "Jumlah")[3:] == ["93,80%", "95,11%", "-1,31"]


def test_analysis_paragraphs_are_data_driven(full_text):
    assert (
        "Pada tahun 2022 indikator ini ditargetkan 92,86% dan terealisasi 100%, sehingga "
        "capaiannya 107,69% dengan predikat Melebihi Target"
    ) in full_text
    # against last year's capaian as published (100,00%), from the printed values
    assert (
        "Dibandingkan tahun 2021 yang capaiannya 100,00%, capaian tahun ini naik 7,69 poin persen"
    ) in full_text
    assert "merupakan rata-rata 2 (dua) komponen" in full_text
    assert "10 dari 40 orang, atau 25,00% (target 40 orang)" in full_text
    assert "realisasinya belum tersedia sehingga capaiannya belum dapat diukur (N/A)" in full_text
    assert "Hasil EKPPD tahun 2022 belum diumumkan" in full_text  # the reason, as a sentence
    assert "meningkat dari nilai IKM tahun 2021 sebesar 74,4" in full_text
    assert "efisiensinya -26,14 poin persen" in full_text


def test_rupiah_house_style_rujukan(laporan):
    lap = copy.deepcopy(laporan)
    lap.identitas.gaya_rupiah = "rujukan"
    doc = build_document(lap)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"Rp. 68.269.806.788,- ({TERBILANG_TOTAL})" in text
    assert "Rp68.269.806.788" not in text


def test_cover_and_signature(doc, full_text):
    first = [p.text for p in doc.paragraphs[:25] if p.text.strip()]
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH\n(LKjIP)" in first
    assert "TAHUN 2022" in first and "2023" in first
    assert "Jambi, 2023" in full_text
    assert "NIP. 19661107 198512 1 001" in full_text
    name = [r for p in doc.paragraphs for r in p.runs if r.text == "Drs. H. A. RIDWAN, M.Si"]
    assert len(name) == 3  # kata pengantar, BAB IV, lampiran
    assert all(r.bold and r.underline for r in name)
