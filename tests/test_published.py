"""The reference's inconsistencies, caught: the published-numbers workbook names every one of
them with its cell; the corrected example raises no false alarm."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl.checks import exit_code
from lkjip_xl.pipeline import load_file

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = ROOT / "tests" / "published" / "LKjIP_published_numbers.xlsx"
EXAMPLE = ROOT / "examples" / "LKjIP_Setda_Kota_Jambi_2022.xlsm"
sys.path.insert(0, str(ROOT / "tests" / "published"))

import make_published  # noqa: E402

pytestmark = pytest.mark.skipif(not EXAMPLE.exists(), reason="example workbook not built yet")


def _values(path: Path) -> dict[tuple[str, str], object]:
    wb = openpyxl.load_workbook(path)
    try:
        return {
            (ws.title, c.coordinate): c.value if not hasattr(c.value, "text") else c.value.text
            for ws in wb.worksheets
            for row in ws.iter_rows()
            for c in row
            if c.value is not None
        }
    finally:
        wb.close()


def test_generator_reproduces_the_committed_file(tmp_path: Path) -> None:
    out = make_published.make(tmp_path / "again.xlsx")
    assert _values(out) == _values(PUBLISHED)


@pytest.fixture(scope="module")
def found() -> dict[tuple[str, str | None, str | None], str]:
    loaded = load_file(PUBLISHED)
    assert loaded.laporan is not None
    return {(f.kode, f.sheet, f.cell): f.message for f in loaded.findings}


def _cells() -> tuple[dict[tuple[str, int], int], dict[str, int], int]:
    by_key, by_sasaran, unused = make_published._hasil_rows(EXAMPLE)
    return by_key, by_sasaran, unused[0]


@pytest.mark.parametrize(
    ("kode", "tahun", "typed", "true"),
    [
        ("IKU3", 2022, "57,00%", "71,25%"),  # Tabel 3.3 prints the realisasi as capaian
        ("IKU2", 2022, "100,00%", "107,69%"),
        ("IKU2", 2021, "100,00%", "109,09%"),
        ("IKU2", 2019, "71,42%", "71,43%"),
        ("IKU4", 2022, "'B'", "102,46%"),
    ],
)
def test_capaian_as_published_is_named(found, kode, tahun, typed, true) -> None:
    row = _cells()[0][(kode, tahun)]
    message = found[("hasil-beda", "Hasil", f"E{row}")]
    assert typed in message and true in message and kode in message
    assert ("rumus-ditimpa", "Hasil", f"E{row}") in found


def test_efisiensi_jumlah_row_is_named(found) -> None:
    row = _cells()[2]
    for col, typed, true in (
        ("J", "87,93%", "93,80%"),
        ("M", "95,45%", "95,11%"),
        ("N", "-7,53%", "-1,31%"),
    ):
        message = found[("hasil-beda", "Hasil", f"{col}{row}")]
        assert typed in message and true in message


def test_efisiensi_rows_are_named(found) -> None:
    by_sasaran = _cells()[1]
    for kode, typed in (("S1", "100,00%"), ("S2", "57,00%"), ("S3", "82,99%")):
        assert typed in found[("hasil-beda", "Hasil", f"J{by_sasaran[kode]}")]


def test_sdm_text_and_table_are_named(found) -> None:
    [(key, message)] = [(k, m) for k, m in found.items() if k[0] == "sdm-teks-beda"]
    assert key[1] == "Narasi" and key[2] and key[2].startswith("D")
    assert "119" in message and "121" in message and "'SDM'!C4" in message


def test_program_total_is_named(found) -> None:
    message = found[("total-program-beda", "Perjanjian Kinerja", "H7")]
    assert "65.417.689.586" in message and "68.269.806.788" in message


def test_periksa_cli_on_published_workbook(tmp_path: Path) -> None:
    copy = tmp_path / PUBLISHED.name
    copy.write_bytes(PUBLISHED.read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "lkjip_xl", "periksa", str(copy), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env=env,
    )
    assert run.returncode == 2, run.stderr
    data = json.loads(run.stdout)
    places = {t["place"] for t in data["temuan"]}
    assert "'Hasil'!E15 (tabel tblHasil, kolom Capaian)" in places
    assert "'Perjanjian Kinerja'!H7 (tabel tblProgram, kolom Anggaran)" in places


#: The example's past years as published (reference Tabel 3.4) that the recomputation does not
#: reproduce: true history, reported as warnings (checks.riwayat), printed as published.
HISTORY_AS_PUBLISHED = {
    ("IKU2", 2019): ("71,42%", "71,43%"),
    ("IKU2", 2021): ("100,00%", "109,09%"),
    ("IKU4", 2019): ("96,00%", "100,00%"),
    ("IKU4", 2020): ("97,00%", "66,67%"),
    ("IKU4", 2021): ("85,52%", "66,67%"),
}


def test_example_workbook_has_no_false_alarm() -> None:
    findings = load_file(EXAMPLE).findings
    history = [f for f in findings if f.kode == "capaian-dilaporkan-beda"]
    assert [f for f in findings if f not in history] == []
    assert len(history) == len(HISTORY_AS_PUBLISHED)
    for (kode, tahun), (published, recomputed) in HISTORY_AS_PUBLISHED.items():
        [f] = [f for f in history if f"{kode} tahun {tahun}" in f.message]
        assert published in f.message and recomputed in f.message
        assert f.sheet == "Realisasi" and f.cell and f.cell.startswith("E")
        assert f.column == "Capaian Dilaporkan"
    assert exit_code(findings) == 1  # warnings only: the report is still written
