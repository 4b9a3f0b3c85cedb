"""Each check on a small change of the YAML example, plus exit codes and output formats."""

from __future__ import annotations

import copy
import json

import pytest

from lkjip_xl.checks import exit_code, findings_json, format_findings, run_checks
from lkjip_xl.checks.base import same_number, same_percent
from lkjip_xl.core.findings import kesalahan, peringatan
from lkjip_xl.readers.tables import Row, Workbook
from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables

BASE = read_yaml_tables()


def _book() -> Workbook:
    return copy.deepcopy(BASE)


def _kodes(book: Workbook) -> dict[str, list[str]]:
    laporan, findings = build_model(book)
    out: dict[str, list[str]] = {}
    for f in findings + run_checks(book, laporan):
        out.setdefault(f.kode, []).append(f.message)
    return out


def _rows(book: Workbook, table: str, **match: object) -> list[Row]:
    return [
        r for r in book.tables[table].rows if all(r.values.get(k) == v for k, v in match.items())
    ]


def test_example_yaml_is_clean() -> None:
    # Only the history as published (reference Tabel 3.4 vs. the recomputation) is reported.
    kodes = _kodes(_book())
    assert set(kodes) <= {"capaian-dilaporkan-beda"}
    assert len(kodes.get("capaian-dilaporkan-beda", [])) == 5


def test_displayed_precision() -> None:
    assert not same_percent(0.7142, 62.5 / 87.5)  # 71,42% vs 71,43%
    assert same_percent(0.7125, 0.712500001)
    assert not same_percent(1.0, 100 / 92.86)
    assert same_percent("71,43%", 62.5 / 87.5)
    assert not same_percent("B", 82.99 / 81)
    assert same_percent("N/A", "N/A") and not same_percent(1.0, "N/A")
    assert same_number(68269806788, 68269806788.0, 0)
    assert same_number("Sangat tinggi", "Sangat Tinggi")


def test_duplicate_indicator_code() -> None:
    book = _book()
    table = book.tables["tblIndikator"]
    table.rows.append(copy.deepcopy(table.rows[1]))
    assert "Kode Indikator IKU2" in _kodes(book)["kode-ganda"][0]


def test_target_zero_and_unscaled_label() -> None:
    book = _book()
    _rows(book, "tblTarget", **{"Kode Indikator": "IKU3", "Tahun": 2021})[0].values["Target"] = 0
    _rows(book, "tblIndikator", **{"Kode Indikator": "IKU1"})[0].values["Skala"] = None
    kodes = _kodes(book)
    assert "target-nol" in kodes and "kualitatif-tanpa-skala" in kodes


def test_missing_years() -> None:
    book = _book()
    book.tables["tblRealisasi"].rows = [
        r
        for r in book.tables["tblRealisasi"].rows
        if not (r.values["Kode Indikator"] == "IKU3" and r.values["Tahun"] == 2020)
    ]
    book.tables["tblTarget"].rows = [
        r
        for r in book.tables["tblTarget"].rows
        if not (r.values["Kode Indikator"] == "IKU2" and r.values["Tahun"] == 2022)
    ]
    kodes = _kodes(book)
    assert any("IKU3" in m and "2020" in m for m in kodes["tahun-tidak-lengkap"])
    assert any("IKU2" in m for m in kodes["target-tahun-laporan"])


def test_composite_realisasi_against_components() -> None:
    book = _book()
    _rows(book, "tblRealisasi", **{"Kode Indikator": "IKU3", "Tahun": 2022})[0].values[
        "Realisasi"
    ] = 58
    assert "57" in _kodes(book)["komposit-beda"][0]


def test_ikm_recomputed_from_nine_nrr() -> None:
    book = _book()
    for row in book.tables["tblIKMUnsur"].rows:
        row.values["NRR"] = 3.3196  # 9 x 3,3196 / 9 x 25 = 82,99
    assert "ikm-beda" not in _kodes(book)
    book.tables["tblIKMUnsur"].rows[0].values["NRR"] = 3.5
    assert "ikm-beda" in _kodes(book)


def test_budget_checks() -> None:
    book = _book()
    belanja = book.tables["tblBelanja"].rows[0].values
    belanja["Realisasi"] = belanja["Anggaran"] + 1
    kodes = _kodes(book)
    assert "realisasi-melebihi-pagu" in kodes
    assert "total-anggaran-beda" in kodes


def test_program_total_rule() -> None:
    book = _book()  # PK total 65.417.689.586 below the DPA total: legitimate, no finding
    assert "total-program-beda" not in _kodes(book)
    book.tables["tblProgram"].rows[0].values["Anggaran"] = 40_000_000_000
    assert "melebihi total anggaran" in _kodes(book)["total-program-beda"][0]
    book = _book()
    book.tables["tblProgram"].rows.append(
        Row(
            {
                "Kode Program": "TOTAL",
                "Program": "TOTAL",
                "Anggaran": 65417689586,
                "Sumber Dana": None,
            }
        )
    )
    kodes = _kodes(book)
    assert "baris-jumlah-diketik" in kodes and "total-program-beda" in kodes


def test_sdm_groups() -> None:
    book = _book()
    _rows(book, "tblSDM", Uraian="Perempuan")[0].values["Jumlah"] = 131
    _rows(book, "tblSDM", Uraian="II.a")[0].values["Jumlah"] = 2
    messages = _kodes(book)["sdm-jumlah-beda"]
    assert len(messages) == 2
    assert any("Jenis Kelamin" in m and "284" in m for m in messages)


def test_sdm_text() -> None:
    book = _book()
    row = _rows(book, "tblNarasi", Bagian="sumber_daya_manusia")[0]
    row.values["Teks"] = "berjumlah 119 (Seratus Sembilan Belas) orang Pegawai Negeri Sipil (PNS)"
    assert "119" in _kodes(book)["sdm-teks-beda"][0]


def test_polaritas_rentang_without_bounds() -> None:
    book = _book()
    _rows(book, "tblIndikator", **{"Kode Indikator": "IKU2"})[0].values["Polaritas"] = "rentang"
    assert "rentang-tanpa-batas" in _kodes(book)


@pytest.mark.parametrize(
    ("findings", "code"),
    [
        ([], 0),
        ([peringatan("p")], 1),
        ([peringatan("p"), kesalahan("k")], 2),
    ],
)
def test_exit_code(findings, code) -> None:
    assert exit_code(findings) == code
    assert json.loads(findings_json(findings))["exit_code"] == code


def test_format_groups_by_severity() -> None:
    text = format_findings(
        [
            peringatan(
                "Awas.", sheet="SDM", cell="C4", table="tblSDM", column="Jumlah", saran="Cek."
            ),
            kesalahan(
                "Salah.",
                sheet="Realisasi",
                cell="C7",
                table="tblRealisasi",
                column="Realisasi",
                saran="Perbaiki.",
                kode="x",
            ),
        ]
    )
    assert text.index("KESALAHAN") < text.index("PERINGATAN")
    assert (
        "'Realisasi'!C7 (tabel tblRealisasi, kolom Realisasi): Salah. Saran: Perbaiki. [x]" in text
    )
    assert format_findings([]).startswith("Tidak ada temuan")
