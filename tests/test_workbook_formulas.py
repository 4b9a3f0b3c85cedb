"""Excel equals the report: the workbook's own formulas, evaluated by the `formulas` package with
the real UDFs, give every indicator's capaian, predikat, kategori and realisasi, every sasaran's
capaian, the efisiensi, the averages and the totals that the report model computes (the report
prints the model's values). For the example, a made-up office of a different shape
(tests/synthetic_office.py) and every office under tests/offices/.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("formulas")

sys.path.insert(0, str(Path(__file__).resolve().parent))

import excel_formulas as xf
import synthetic_office
from xlsxwriter.utility import xl_col_to_name

from lkjip_xl.workbook import EXAMPLE_PATH, build_bytes, layout
from lkjip_xl.workbook.data import load_rows
from lkjip_xl.workbook.formulas import computed_cells

OFFICES_DIR = Path(__file__).resolve().parent / "offices"
OFFICES = {"contoh": load_rows, "sintetis": synthetic_office.rows} | {
    p.name: (lambda p=p: load_rows(p)) for p in sorted(OFFICES_DIR.glob("*")) if p.is_dir()
}


@pytest.fixture(scope="module", params=sorted(OFFICES), ids=str)
def office(request, tmp_path_factory):
    rows = OFFICES[request.param]()
    if request.param == "contoh":
        path = EXAMPLE_PATH  # the committed file itself
    else:
        path = tmp_path_factory.mktemp(request.param) / f"{request.param}.xlsm"
        path.write_bytes(build_bytes(rows))
    return rows, path, xf.evaluate(path)


def test_every_result_equals_the_report_model(office):
    rows, path, values = office
    laporan = xf.model(path)
    assert not xf.mismatches(path, values, laporan)
    targets = [r for r in rows["tblTarget"] if r.get("Kode Indikator")]
    assert len(targets) == len({(str(r["Kode Indikator"]).strip(), r["Tahun"]) for r in targets})


def test_every_cached_value_equals_the_evaluated_formula(office):
    """What LibreOffice / un-recalculated Excel shows is what the formulas compute."""
    rows, _path, values = office
    computed = computed_cells(rows)
    for cell in computed.cells + computed.hasil:
        got = values.get((cell.sheet.upper(), cell.address))
        assert xf.same(got, cell.value), (cell.sheet, cell.address, cell.formula[:80])
    for block in computed.blocks:  # the array calls on the hidden Hitung sheet, row by row
        for i, want in enumerate(block.values):
            got = values.get(
                ("HITUNG", f"{xl_col_to_name(block.col)}{layout.FIRST_DATA_ROW + 1 + i}")
            )
            assert xf.same(got, want), (block.name, i)


def test_one_full_recalculation_calls_each_udf_once_per_result_column(office):
    rows, _path, _values = office
    assert sum(computed_cells(rows).calls.counts.values()) == 15  # 8 arrays + 7 Ringkasan


def test_the_synthetic_office_has_the_shapes_it_is_for():
    rows = synthetic_office.rows()
    assert len(rows["tblTarget"]) > 40 and len(rows["tblSasaran"]) > 10  # the old fixed mirror
    targets = [str(r["Target"]) for r in rows["tblTarget"]]
    for separator in ("-", " – ", " s.d. ", " s/d "):
        assert any(separator in t for t in targets), separator
    assert any(r["Batas Atas"] is not None for r in rows["tblTarget"])
    assert {"naik", "turun", "rentang"} <= {r["Polaritas"] for r in rows["tblIndikator"]}
    assert any("Realisasi" not in r for r in rows["tblRealisasi"])  # composite, left empty


# -- the example's golden values (reference report, corrected where it is wrong) ---------------


@pytest.fixture(scope="module")
def example():
    return xf.evaluate(EXAMPLE_PATH)


def _target_value(values, column: str, kode: str, tahun: int):
    place = layout.PLACEMENTS["tblTarget"]
    for row in range(layout.FIRST_DATA_ROW + 1, layout.FIRST_DATA_ROW + 200):
        key = values.get(("PERJANJIAN KINERJA", f"{place.letter('Kode Indikator')}{row}"))
        year = values.get(("PERJANJIAN KINERJA", f"{place.letter('Tahun')}{row}"))
        if key == kode and year == tahun:
            return values[("PERJANJIAN KINERJA", f"{place.letter(column)}{row}")]
    raise AssertionError(f"{kode} {tahun} not in tblTarget")


def test_ukpbj_2022_capaian_is_71_25_percent(example):
    assert _target_value(example, "Realisasi", "IKU3", 2022) == 57
    assert _target_value(example, "Capaian", "IKU3", 2022) == pytest.approx(0.7125)
    assert _target_value(example, "Predikat", "IKU3", 2022) == "Tidak Tercapai"


def test_kerjasama_2022_is_107_69_percent_not_the_printed_100(example):
    assert round(_target_value(example, "Capaian", "IKU2", 2022), 4) == 1.0769
    assert _target_value(example, "Predikat", "IKU2", 2022) == "Melebihi Target"


def test_ukpbj_2020_is_675_percent_and_ekppd_without_announcement_is_na(example):
    assert _target_value(example, "Capaian", "IKU3", 2020) == pytest.approx(6.75)
    assert _target_value(example, "Capaian", "IKU1", 2022) == "N/A"
    assert _target_value(example, "Predikat", "IKU1", 2022) == "N/A"


def test_efisiensi_per_sasaran_and_in_total(example):
    place = layout.PLACEMENTS["tblAnggaranSasaran"]
    row = {
        example[("ANGGARAN", f"{place.letter('Kode Sasaran')}{r}")]: r
        for r in range(layout.FIRST_DATA_ROW + 1, layout.FIRST_DATA_ROW + 4)
    }
    ra = example[("ANGGARAN", f"{place.letter('Capaian Realisasi Anggaran')}{row['S1']}")]
    assert round(ra * 100, 2) == 97.35
    s2 = row["S2"]
    assert example[("ANGGARAN", f"{place.letter('Capaian Kinerja')}{s2}")] == pytest.approx(0.7125)
    # efisiensi from the values as printed (docs/angka-tercetak.md): 71,25% - 97,39%
    assert example[("ANGGARAN", f"{place.letter('Efisiensi')}{s2}")] == pytest.approx(
        0.7125 - 0.9739
    )
    first = layout.FIRST_DATA_ROW + 1 + 6  # Ringkasan: total, mean and efisiensi
    assert round(example[("HASIL", f"B{first + 2}")] * 100, 2) == 95.11
    assert round(example[("HASIL", f"B{first + 3}")] * 100, 2) == 93.80
    assert round(example[("HASIL", f"B{first + 4}")] * 100, 2) == -1.31
