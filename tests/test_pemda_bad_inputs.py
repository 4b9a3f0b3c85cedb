"""Every bad input of the Pemda consolidation (issue 11 item 4): its message naming file and
cell, its exit code, and whether the Pemda report is written (and then says who was left out).

Exit codes: periksa 2 = the Pemda report cannot be written, 1 = findings that do not stop it
(an OPD left out of the rekap is one), 0 = clean; laporan 0 = written, 2 = nothing written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from test_pemda_support import (
    EXAMPLE_DIR,
    add_opd,
    build_opd,
    dinkes_bytes,
    make_pemda,
    opd_rows,
    run_cli,
)

from lkjip_xl.pemda import schema as ps
from lkjip_xl.readers.xlsx_file import ENCRYPTED_MARK, OLE_MAGIC

OPD_SOURCES = EXAMPLE_DIR / "opd"
DISDIK_YAML = Path(__file__).resolve().parents[1] / "examples" / "pemda" / "opd" / "disdik"
DISDIK_FILE = "opd/LKjIP_Disdik_Kota_Contoh_2022.xlsm"


@pytest.fixture(autouse=True)
def _serial(monkeypatch):
    monkeypatch.setenv("LKJIP_XL_PARALEL", "serial")


def periksa(path: Path) -> tuple[int, dict]:
    code, out = run_cli("periksa", str(path), "--json")
    return code, json.loads(out)


def kodes(report: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for t in report["temuan"]:
        out.setdefault(t["kode"], []).append(t)
    return out


def laporan_text(path: Path, tmp_path: Path) -> tuple[int, str, Path]:
    out = tmp_path / "lap.docx"
    code, printed = run_cli("laporan", str(path), "-o", str(out))
    text = ""
    if out.exists():
        text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    return code, printed + text, out


def _extra(kode: str, berkas: str):
    def edit(rows):
        add_opd(rows, kode, "Dinas Sosial", berkas)

    return edit


@pytest.mark.parametrize(
    ("case", "content", "message"),
    [
        ("hilang", None, "tidak ditemukan"),
        ("rusak", b"bukan buku kerja sama sekali", "bukan buku kerja Excel"),
        ("sandi", OLE_MAGIC + b"\0" * 504 + ENCRYPTED_MARK + b"\0" * 64, "kata sandi"),
    ],
)
def test_unusable_opd_workbook_not_needed_is_left_out(tmp_path, case, content, message):
    """A 4th OPD no IKU depends on: named with its tblOPD cell, left out, report written."""
    files = {} if content is None else {"opd/Dinsos.xlsm": content}
    path = make_pemda(tmp_path, _extra("DINSOS", r"opd\Dinsos.xlsm"), extra_files=files)
    code, report = periksa(path)
    assert code == 1
    (finding,) = kodes(report)["opd-tidak-terbaca"]
    assert message in finding["message"] and "Dinsos.xlsm" in finding["message"]
    assert finding["sheet"] == "OPD" and finding["cell"] == "D7"  # tblOPD Berkas, 4th row
    assert finding["menghambat"] is False
    assert [o["dipakai"] for o in report["opd"]] == [True, True, True, False]
    code, text, _ = laporan_text(path, tmp_path)
    assert code == 0
    assert "Dinas Sosial" in text and "tidak dimasukkan" in text and message in text


def test_missing_opd_workbook_that_an_iku_needs_stops_the_report(tmp_path):
    path = make_pemda(tmp_path)
    (tmp_path / "opd" / "LKjIP_Setda_Kota_Contoh_2022.xlsm").unlink()
    code, report = periksa(path)
    assert code == 2
    found = kodes(report)
    assert found["opd-tidak-terbaca"][0]["cell"] == "D4"
    (block,) = found["kaskade-opd-tidak-terpakai"]
    assert block["menghambat"] and block["sheet"] == "Kaskade" and block["cell"] == "B11"
    assert "IKU7" in block["message"] and "SETDA" in block["message"]
    code, text, out = laporan_text(path, tmp_path)
    assert code == 2 and not out.exists()
    assert "MENGHAMBAT" in text


def test_opd_workbook_of_another_year(tmp_path):
    """The synthetic Dinas Kesehatan (another shape: 26 indicators, codes with spaces) still
    reporting 2023: named with its own Identitas cell, left out."""
    files = {"opd/Dinkes.xlsm": dinkes_bytes(tahun=None)}
    edit = _extra("DINKES", r"opd\Dinkes.xlsm")
    path = make_pemda(tmp_path, edit, extra_files=files)
    code, report = periksa(path)
    assert code == 1
    (f,) = kodes(report)["opd-tahun-beda"]
    assert "2023" in f["message"] and "2022" in f["message"]
    assert f["berkas"] == r"opd\Dinkes.xlsm" and f["sheet"] == "Identitas" and f["cell"]


def test_same_opd_listed_twice_stops_the_report(tmp_path):
    def edit(rows):
        add_opd(rows, "DISDIK2", "Dinas Pendidikan", "opd/LKjIP_Disdik_Kota_Contoh_2022.xlsm")

    path = make_pemda(tmp_path, edit)
    code, report = periksa(path)
    assert code == 2
    (f,) = kodes(report)["opd-ganda"]
    assert f["menghambat"] and f["cell"] == "D7" and "DISDIK" in f["message"]


def test_duplicate_kode_opd_stops_the_report(tmp_path):
    def edit(rows):
        add_opd(rows, "DISDIK", "Dinas Sosial", "opd/Dinsos.xlsm")

    code, report = periksa(make_pemda(tmp_path, edit))
    assert code == 2
    assert kodes(report)["kode-ganda"][0]["cell"] == "A7"


def test_opd_sasaran_without_sasaran_rpjmd(tmp_path):
    """Dinkes (Tahun 2022) has no 'Kode Sasaran RPJMD': each of its 12 sasaran is a cascading
    gap, named with the OPD file and its tblSasaran cell; the report is still written."""
    files = {"opd/Dinkes.xlsm": dinkes_bytes(tahun=2022)}
    path = make_pemda(tmp_path, _extra("DINKES", r"opd\Dinkes.xlsm"), extra_files=files)
    code, report = periksa(path)
    assert code == 1
    gaps = kodes(report)["kaskade-sasaran-kosong"]
    assert len(gaps) == 12
    assert {g["berkas"] for g in gaps} == {r"opd\Dinkes.xlsm"}
    assert all(g["sheet"] == "Renstra" and g["cell"] for g in gaps)


def test_sasaran_rpjmd_that_no_opd_supports(tmp_path):
    def edit(rows):
        rows[ps.SASARAN.name].append(
            {"Kode Sasaran RPJMD": "SR5", "Kode Tujuan": "T2", "Sasaran": "Meningkatnya daya beli"}
        )

    code, report = periksa(make_pemda(tmp_path, edit))
    assert code == 1
    (f,) = kodes(report)["sasaran-tanpa-opd"]
    assert f["sheet"] == "RPJMD" and f["cell"] == "D8" and "SR5" in f["message"]


def test_cascading_source_indicator_missing(tmp_path):
    def edit(rows):
        rows[ps.KASKADE_IKU.name][0]["Kode Indikator OPD"] = "I9"

    path = make_pemda(tmp_path, edit)
    code, report = periksa(path)
    assert code == 2
    (f,) = kodes(report)["kaskade-indikator-tidak-ada"]
    assert f["menghambat"] and f["sheet"] == "Kaskade" and f["cell"] == "C4"
    assert "I9" in f["message"] and "LKjIP_Disdik_Kota_Contoh_2022.xlsm" in f["message"]


def _disdik_with(tmp_path: Path, edit) -> Path:
    rows = opd_rows(DISDIK_YAML)
    edit(rows)
    return make_pemda(tmp_path, extra_files={DISDIK_FILE: build_opd(rows)})


def test_opd_with_errors_not_touching_the_iku_is_left_out_of_the_rekap(tmp_path):
    """DISDIK's I2 target is typed as text: I2 feeds no IKU, so the IKU are computed and the
    report is written; DISDIK is left out of the rekap, and the report says so."""

    def edit(rows):
        next(r for r in rows["tblTarget"] if r["Kode Indikator"] == "I2" and r["Tahun"] == 2022)[
            "Tahun"
        ] = "dua ribu"

    path = _disdik_with(tmp_path, edit)
    code, report = periksa(path)
    assert code == 1
    found = kodes(report)
    (left,) = found["opd-berisi-kesalahan"]
    assert "indikator I2" in left["message"] and left["cell"] == "D5"
    own = [t for t in report["temuan"] if t["berkas"].endswith("Disdik_Kota_Contoh_2022.xlsm")]
    assert any(t["severity"] == "kesalahan" and t["sheet"] == "Perjanjian Kinerja" for t in own)
    assert not any(t["menghambat"] for t in report["temuan"])
    code, text, _ = laporan_text(path, tmp_path)
    assert code == 0
    assert "Dinas Pendidikan" in text and "kesalahan pada indikator I2" in text


def test_opd_with_errors_in_a_cascade_source_stops_the_report(tmp_path):
    def edit(rows):
        next(r for r in rows["tblRealisasi"] if r["Kode Indikator"] == "I1" and r["Tahun"] == 2022)[
            "Tahun"
        ] = "2O22"

    path = _disdik_with(tmp_path, edit)
    code, report = periksa(path)
    assert code == 2
    (f,) = kodes(report)["kaskade-sumber-salah"]
    assert f["menghambat"] and f["cell"] == "C4" and "IKU2" in f["message"]


def test_clean_example_exit_code(tmp_path):
    """The bundled example: warnings only (OPD units outside the OPD dropdown)."""
    code, report = periksa(EXAMPLE_DIR / "LKjIP_Pemda_Kota_Contoh_2022.xlsm")
    assert code in (0, 1) and report["menghambat"] == 0


def test_narrative_for_no_place_in_the_report_is_named(tmp_path):
    def edit(rows):
        rows[ps.NARASI.name].append(
            {"Bagian": "penyebab:SR9", "Urutan": 1, "Gaya": "Paragraf", "Teks": "Hilang."}
        )

    code, report = periksa(make_pemda(tmp_path, edit))
    assert code == 1
    (f,) = kodes(report)["narasi-bagian-tidak-dikenal"]
    assert f["sheet"] == "Narasi" and f["cell"] and "penyebab:SR9" in f["message"]


def test_opd_workbook_of_another_period(tmp_path):
    """A Renstra 2015-2020 workbook cannot stand for 2022: named at its Identitas cell."""
    rows = opd_rows(DISDIK_YAML)
    from test_pemda_support import set_identitas

    set_identitas(rows, "tblIdentitas", "Nama Instansi", "Dinas Sosial Kota Contoh")
    set_identitas(rows, "tblIdentitas", "Awal Periode Renstra", 2015)
    set_identitas(rows, "tblIdentitas", "Akhir Periode Renstra", 2020)
    files = {"opd/Dinsos.xlsm": build_opd(rows)}
    path = make_pemda(tmp_path, _extra("DINSOS", "opd/Dinsos.xlsm"), extra_files=files)
    code, report = periksa(path)
    assert code == 1
    (f,) = kodes(report)["opd-periode-beda"]
    assert "2015-2020" in f["message"] and f["sheet"] == "Identitas" and f["cell"]
    assert report["opd"][-1]["dipakai"] is False


def test_absurd_year_in_the_pemda_identity_is_a_finding(tmp_path):
    from test_pemda_support import set_identitas

    def edit(rows):
        set_identitas(rows, ps.IDENTITAS.name, "Tahun Laporan", "1E309")

    code, report = periksa(make_pemda(tmp_path, edit))
    assert code == 2
    assert kodes(report)["identitas-tahun"][0]["cell"] == "B6"


def test_opd_notes_are_listed_not_fatal(tmp_path):
    """An OPD's catatan (here: the range forms it read) is listed as 'catatan' in the text
    output and changes no exit code, as on the OPD path."""
    files = {"opd/Dinkes.xlsm": dinkes_bytes(tahun=2022)}
    path = make_pemda(tmp_path, _extra("DINKES", "opd/Dinkes.xlsm"), extra_files=files)
    code, text = run_cli("periksa", str(path))
    assert code in (0, 1, 2) and "catatan: " in text and "rentang-dibaca" in text


@pytest.mark.parametrize(
    ("key", "value"), [("Gaya Rupiah", "Rupiah"), ("Skala Predikat", "tabel_9")]
)
def test_unknown_choice_in_the_pemda_identity_is_a_finding(tmp_path, key, value):
    from test_pemda_support import set_identitas

    def edit(rows):
        set_identitas(rows, ps.IDENTITAS.name, key, value)

    path = make_pemda(tmp_path, edit)
    code, report = periksa(path)
    assert code == 2
    (f,) = kodes(report)["pilihan-tidak-dikenal"]
    assert f["sheet"] == ps.IDENTITAS.sheet and f["cell"] and value in f["message"]
    code, _, out = laporan_text(path, tmp_path)
    assert code == 2 and not out.exists()


def test_an_opd_workbook_that_fails_unexpectedly_is_left_out(tmp_path, monkeypatch):
    """A failure nobody foresaw in one OPD workbook leaves that OPD out with a finding; the
    other OPDs and the Pemda report go on."""
    from lkjip_xl.pemda import parallel

    real = parallel.load_opd

    def flaky(path, berkas):
        if "Disduk" in berkas:
            raise RuntimeError("boom")
        return real(path, berkas)

    monkeypatch.setattr(parallel, "load_opd", flaky)
    code, report = periksa(make_pemda(tmp_path))
    assert code == 2  # Disdukcapil feeds IKU of the example: the report waits for it
    (f,) = kodes(report)["opd-tidak-terbaca"]
    assert "kesalahan internal" in f["message"]


def test_detection_survives_a_corrupt_zip(tmp_path):
    import zipfile

    from lkjip_xl.pemda.detect import is_pemda_file

    path = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("docProps/custom.xml", "x" * 5000)
    data = bytearray(path.read_bytes())
    start = data.index(b"docProps/custom.xml") + len("docProps/custom.xml")
    data[start : start + 20] = b"\xff" * 20  # the deflate stream no longer decodes
    path.write_bytes(bytes(data))
    assert is_pemda_file(path) is False


def test_opd_workbook_of_another_pemerintah_daerah(tmp_path):
    """The synthetic Dinas Kesehatan names its own kabupaten in Identitas 'Pemerintah Daerah':
    a peringatan naming its file, sheet Identitas and the cell; the report is still written."""
    files = {"opd/Dinkes.xlsm": dinkes_bytes(tahun=2022)}
    path = make_pemda(tmp_path, _extra("DINKES", r"opd\Dinkes.xlsm"), extra_files=files)
    code, report = periksa(path)
    assert code == 1
    (f,) = kodes(report)["opd-pemda-beda"]
    assert f["severity"] == "peringatan" and not f["menghambat"]
    assert f["berkas"] == r"opd\Dinkes.xlsm" and f["sheet"] == "Identitas" and f["cell"]
    assert "Pemerintah Kota Contoh" in f["message"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Pemerintah Kota Contoh", "Kota Contoh", True),
        ("  pemerintah   KOTA contoh ", "Pemerintah Kota Contoh", True),
        ("Kabupaten Contoh", "Pemerintah Kota Contoh", False),
        ("Pemerintah Kota Lain", "Pemerintah Kota Contoh", False),
    ],
)
def test_same_pemda_ignores_case_spacing_and_pemerintah(a, b, same):
    from lkjip_xl.pemda.checks import same_pemda

    assert same_pemda(a, b) is same
