"""`periksa`'s LKE self-check (Pelaporan Kinerja, Kualitas, PermenPAN-RB 88/2021), the warning
for missing improvement plans and the check of history as published."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from lkjip_xl import cli
from lkjip_xl.checks import lke, riwayat
from lkjip_xl.core.model import Narasi
from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "LKjIP_Setda_Kota_Jambi_2022.xlsm"
DINKES = ROOT / "tests" / "offices" / "dinkes"


@pytest.fixture(scope="module")
def laporan():  # type: ignore[no-untyped-def]
    lap, findings = build_model(read_yaml_tables())
    assert lap is not None, findings
    return lap


def _status(hasil: list[lke.HasilKriteria]) -> dict[str, str]:
    return {h.kriteria.kode: h.status for h in hasil}


def test_nine_criteria_as_data() -> None:
    assert len(lke.KRITERIA_LKE) == 9
    assert set(lke.CHECKS) == {k.kode for k in lke.KRITERIA_LKE}


def test_example_criteria(laporan) -> None:  # type: ignore[no-untyped-def]
    hasil = lke.nilai_kriteria(laporan)
    assert _status(hasil) == {
        "format-standar": lke.TERPENUHI,
        "pengungkapan-lengkap": lke.TERPENUHI,
        "target-tahunan": lke.SEBAGIAN,  # EKPPD 2022 not announced
        "target-jangka-menengah": lke.BELUM,  # the reference states no Renstra end target
        "tahun-sebelumnya": lke.TERPENUHI,
        "standar-nasional": lke.BELUM,
        "penjelasan-keberhasilan": lke.TERPENUHI,
        "efisiensi": lke.TERPENUHI,
        "rekomendasi": lke.TERPENUHI,
    }
    [jangka] = [h for h in hasil if h.kriteria.kode == "target-jangka-menengah"]
    assert "IKU1, IKU2, IKU3, IKU4" in jangka.kekurangan[0]
    assert "Target Akhir Renstra" in jangka.kekurangan[0] and "Renstra" in jangka.kekurangan[0]


def test_missing_improvement_is_a_warning_and_a_gap(laporan) -> None:  # type: ignore[no-untyped-def]
    lap = copy.deepcopy(laporan)
    del lap.narasi["perbaikan:IKU3"]
    lap.narasi["perbaikan:S2"] = [Narasi("Paragraf", "   ")]
    findings = lke.run(lap)
    assert {f.kode for f in findings} == {"perbaikan-belum-diisi"}
    assert any("IKU3" in f.message for f in findings) and any("S2" in f.message for f in findings)
    assert all(f.sheet == "Narasi" and "perbaikan:" in f.saran for f in findings)
    [rekomendasi] = [h for h in lke.nilai_kriteria(lap) if h.kriteria.kode == "rekomendasi"]
    assert rekomendasi.status == lke.SEBAGIAN
    assert "perbaikan:IKU3, perbaikan:S2" in rekomendasi.kekurangan[0]


def _kode_of(message: str) -> str:
    return message.split("Indikator ", 1)[1].split(" belum", 1)[0]


def test_missing_analysis_of_a_missed_target_is_a_warning(laporan) -> None:  # type: ignore[no-untyped-def]
    """PermenPAN-RB 53/2014: every indicator below target needs its causes and efforts."""
    assert [f for f in lke.run(laporan) if f.kode == "analisis-belum-diisi"] == []
    lap = copy.deepcopy(laporan)
    missed = [i.kode for i in lap.indikator if lke.missed(lap, i)]
    reached = next(i.kode for i in lap.indikator if not lke.missed(lap, i))
    assert missed
    for kode in [*missed, reached]:
        del lap.narasi[f"indikator:{kode}"]
    found = [f for f in lke.run(lap) if f.kode == "analisis-belum-diisi"]
    assert [_kode_of(f.message) for f in found] == missed  # not the one that reached it
    assert all(f.severity == "peringatan" for f in found)
    assert all(f.sheet == "Narasi" and f.table == "tblNarasi" for f in found)
    assert all(f"'indikator:{k}'" in f.saran for k, f in zip(missed, found, strict=True))


def test_second_office_missing_analyses() -> None:
    """The second office explains only some of its missed targets: one warning for each other."""
    if not DINKES.is_dir():
        pytest.skip("second office not in this checkout")
    lap, _ = build_model(read_yaml_tables(DINKES))
    assert lap is not None
    expected = [
        i.kode
        for i in lap.indikator
        if lke.missed(lap, i) and f"indikator:{i.kode}" not in lap.narasi
    ]
    assert expected and len(expected) < sum(1 for i in lap.indikator if lke.missed(lap, i))
    found = [f for f in lke.run(lap) if f.kode == "analisis-belum-diisi"]
    assert [_kode_of(f.message) for f in found] == expected


def _sasaran_of(message: str) -> str:
    return message.split("Sasaran ", 1)[1].split(" belum", 1)[0]


def test_missing_sasaran_analysis_of_a_missed_target_is_a_warning(laporan) -> None:  # type: ignore[no-untyped-def]
    """A sasaran below target without its "sasaran:<kode>" narrative (programs supporting or
    holding it back): one warning naming tblNarasi; a sasaran that reached it is not named."""
    assert [f for f in lke.run(laporan) if f.kode == "analisis-sasaran-belum-diisi"] == []
    lap = copy.deepcopy(laporan)
    first, second = lap.sasaran[0], lap.sasaran[1]
    first.capaian, second.capaian = 0.9512, 1.0
    for sas in (first, second):
        lap.narasi.pop(f"sasaran:{sas.kode}", None)
    found = [f for f in lke.run(lap) if f.kode == "analisis-sasaran-belum-diisi"]
    assert [_sasaran_of(f.message) for f in found] == [first.kode]
    [f] = found
    assert f.severity == "peringatan" and f.sheet == "Narasi" and f.table == "tblNarasi"
    assert f"'sasaran:{first.kode}'" in f.saran
    first.capaian = "N/A"  # not measured: nothing to explain
    assert not [f for f in lke.run(lap) if f.kode == "analisis-sasaran-belum-diisi"]


def test_second_office_missing_sasaran_analyses() -> None:
    """The second office explains only some sasaran: one warning for each missed one."""
    if not DINKES.is_dir():
        pytest.skip("second office not in this checkout")
    lap, _ = build_model(read_yaml_tables(DINKES))
    assert lap is not None
    expected = [
        s.kode
        for s in lap.sasaran
        if lke.sasaran_missed(s) and f"sasaran:{s.kode}" not in lap.narasi
    ]
    assert expected
    found = [f for f in lke.run(lap) if f.kode == "analisis-sasaran-belum-diisi"]
    assert [_sasaran_of(f.message) for f in found] == expected


def test_second_office_criteria() -> None:
    if not DINKES.is_dir():
        pytest.skip("second office not in this checkout")
    lap, _ = build_model(read_yaml_tables(DINKES))
    assert lap is not None
    hasil = _status(lke.nilai_kriteria(lap))
    assert hasil["tahun-sebelumnya"] in (lke.TERPENUHI, lke.SEBAGIAN)
    assert hasil["target-jangka-menengah"] == lke.SEBAGIAN  # three indicators without one


def test_without_a_model_every_criterion_is_open() -> None:
    hasil = lke.nilai_kriteria(None)
    assert {h.status for h in hasil} == {lke.BELUM}


def test_periksa_prints_the_section_and_the_json_key(capsys) -> None:  # type: ignore[no-untyped-def]
    code = cli.main(["periksa", str(EXAMPLE), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1  # the history warnings only
    assert [k["kode"] for k in data["kriteria_lke"]] == [k.kode for k in lke.KRITERIA_LKE]
    assert data["kriteria_lke"][3]["status"] == "belum"
    assert all(set(k) == {"nomor", "kode", "kriteria", "status", "kekurangan"}
               for k in data["kriteria_lke"])  # fmt: skip
    cli.main(["periksa", str(EXAMPLE)])
    out = capsys.readouterr().out
    assert "Kriteria LKE Pelaporan Kinerja" in out and "6 dari 9" in out
    assert "4. [belum] Membandingkan realisasi dengan target jangka menengah." in out


def test_history_check(laporan) -> None:  # type: ignore[no-untyped-def]
    lap = copy.deepcopy(laporan)
    ind = next(i for i in lap.indikator if i.kode == "IKU3")
    ind.kinerja[2020].capaian_dilaporkan = ind.kinerja[2020].capaian  # 675%: as computed
    ind.kinerja[2019].capaian_dilaporkan = 0.9999  # 99,99% vs 100,00%: 0,01 point
    ind.kinerja[2022].capaian_dilaporkan = 0.57  # the report year: not history
    found = [(f.kode, f.message) for f in riwayat.run(lap) if "IKU3" in f.message]
    kodes = [k for k, _ in found]
    assert kodes.count("capaian-dilaporkan-beda") == 1
    assert "tahun 2019" in found[kodes.index("capaian-dilaporkan-beda")][1]
    assert "capaian-dilaporkan-tahun-laporan" in kodes


def test_empty_heading_only_sections_are_warned() -> None:
    """A section printed under its own heading with nothing generated beneath (visi, misi, ...)
    left empty is a warning naming the Bagian key; the example fills them all."""
    from lkjip_xl import schema
    from lkjip_xl.checks import narasi

    lap, _ = build_model(read_yaml_tables())
    assert narasi.run(lap) == []
    lap.narasi = {k: v for k, v in lap.narasi.items() if k not in ("visi", "misi")}
    found = narasi.run(lap)
    assert {f.kode for f in found} == {"narasi-kosong"}
    assert sorted(f.message.split("'")[1] for f in found) == ["misi", "visi"]
    assert all(f.sheet == schema.NARASI.sheet for f in found)
