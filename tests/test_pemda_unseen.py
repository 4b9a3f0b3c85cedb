"""A Pemda workbook filled as its Petunjuk says, with OPD workbooks of other shapes: the
synthetic Dinas Kesehatan (tests/offices/dinkes: 12 sasaran, 26 indicators, codes with spaces,
negative polarity, units outside the dropdown) as a cascade source with its Tahun set to the
Pemda's, the same office still reporting its own year, and an OPD with an error. Expected
values come from the core rules applied to the OPD's own numbers, never from the example."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pemda_support import (
    add_opd,
    build_opd,
    dinkes_bytes,
    make_pemda,
    opd_rows,
    set_identitas,
)

from lkjip_xl.core import rules
from lkjip_xl.pemda import schema as ps
from lkjip_xl.pemda.pipeline import load_pemda_file, write_report
from lkjip_xl.pipeline import load_file

ROOT = Path(__file__).resolve().parents[1]


def _edit(rows):
    # Staff type codes as they see them, spaces and case differ ("iku 1.1 " for "IKU 1.1").
    add_opd(rows, "DINKES", "Dinas Kesehatan", r"opd\dinkes\LKjIP Dinkes 2022.xlsm")
    add_opd(rows, "DINKES23", "Dinas Kesehatan (berkas 2023)", "opd/Dinkes_2023.xlsm")
    add_opd(rows, "DISPORA", "Dinas Pemuda dan Olahraga", "opd/Dispora.xlsm")
    rows[ps.IKU.name].append(
        {"Kode IKU": "IKU8", "Kode Sasaran RPJMD": "SR1", "Indikator": "Angka Kematian Ibu",
         "Satuan": "per 100.000 KH", "Polaritas": "turun", "Target Akhir RPJMD": 100}
    )  # fmt: skip
    rows[ps.KINERJA.name].append({"Kode IKU": "IKU8", "Tahun": 2022, "Target": 110})
    rows[ps.KASKADE_IKU.name].append(
        {"Kode IKU": "IKU8", "Kode OPD": "DINKES", "Kode Indikator OPD": "iku 1.1 ",
         "Metode": "sama"}
    )  # fmt: skip
    rows[ps.KASKADE_SASARAN.name].append(
        {"Kode OPD": "DINKES", "Kode Sasaran OPD": "S1", "Kode Sasaran RPJMD": "SR1"}
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("unseen")
    dispora = opd_rows(ROOT / "examples" / "pemda" / "opd" / "disdukcapil")
    set_identitas(dispora, "tblIdentitas", "Nama Instansi", "Dinas Pemuda dan Olahraga")
    dispora["tblTarget"][0]["Target"] = "Sangat Tinggi"  # a label without Skala: an error
    files = {
        "opd/dinkes/LKjIP Dinkes 2022.xlsm": dinkes_bytes(tahun=2022),
        "opd/Dinkes_2023.xlsm": dinkes_bytes(tahun=None),
        "opd/Dispora.xlsm": build_opd(dispora),
    }
    return make_pemda(tmp, _edit, extra_files=files)


@pytest.fixture(scope="module")
def loaded(folder):
    return load_pemda_file(folder, mode="processes")  # the worker path, whatever the load


def test_report_is_written_and_names_who_is_left_out(loaded, tmp_path):
    assert loaded.can_write, [t.finding.message for t in loaded.menghambat]
    left = {r.entry.kode: r.excluded for r in loaded.kons.excluded}
    assert "tahun 2023" in left["DINKES23"]
    assert "kesalahan" in left["DISPORA"]
    out = write_report(loaded, tmp_path / "pemda.docx")[0]
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Dinas Kesehatan (berkas 2023)" in text and "Dinas Pemuda dan Olahraga" in text


def test_cascade_from_an_office_of_another_shape(loaded, folder):
    opd = load_file(folder.parent / "opd" / "dinkes" / "LKjIP Dinkes 2022.xlsm").laporan
    source = next(i for i in opd.indikator if i.kode == "IKU 1.1").pada(2022)
    iku = next(i for i in loaded.kons.laporan.indikator if i.kode == "IKU8").pada(2022)
    assert iku.realisasi == source.realisasi
    assert iku.capaian == rules.capaian(110, source.realisasi, "turun")
    trail = loaded.kons.jejak_of("iku:IKU8", "realisasi", 2022)
    assert any(s.berkas.endswith("LKjIP Dinkes 2022.xlsm") and s.sel for s in trail.sel)


def test_rekap_and_totals_follow_the_opd_workbooks(loaded, folder):
    used = [r for r in loaded.kons.rekap if not r.excluded]
    for row in used:
        result = next(o for o in loaded.kons.opd if o.entry.kode == row.opd.kode)
        own = result.laporan
        # the OPD's own figure: mean of its sasaran, each the mean of its indicators
        per_sasaran = [
            rules.rata_rata([i.pada(2022).capaian if i.pada(2022) else "N/A" for i in s.indikator])
            for s in own.sasaran
        ]
        assert row.capaian == rules.rata_rata(per_sasaran) == own.ringkasan.capaian
        assert row.anggaran == own.ringkasan.total_anggaran
    assert loaded.kons.total_anggaran == sum(r.anggaran for r in used if r.anggaran)


def test_parallel_and_serial_reading_agree(loaded, folder):
    serial = load_pemda_file(folder, mode="serial")
    assert [j.nilai for j in serial.kons.jejak] == [j.nilai for j in loaded.kons.jejak]
    assert [t.finding for t in serial.temuan] == [t.finding for t in loaded.temuan]


def test_reading_falls_back_to_serial_when_processes_cannot_start(folder, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    from lkjip_xl.pemda import parallel

    class Broken:
        def __init__(self, *a, **k):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def map(self, *a, **k):
            raise BrokenProcessPool("no workers here")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Broken)
    loaded = load_pemda_file(folder, mode="processes")
    assert loaded.kons is not None and len(loaded.kons.opd) == 6
