"""The bundled Pemda example consolidated against hand-computed golden numbers.

Sources of every operand: examples/pemda/data/*.yaml (Pemda targets, typed realisasi, cascade
rows), examples/pemda/opd/disdik|disdukcapil/*.yaml and examples/data/*.yaml (Setda). Each
expected figure is written out as arithmetic; the assertions compare the displayed percent
(rules.round_percent: two decimals, half-up), as the report prints it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip_xl.core import rules
from lkjip_xl.pemda.pipeline import load_pemda_file
from lkjip_xl.pemda.workbook import EXAMPLE_PATH


@pytest.fixture(scope="module")
def kons():
    loaded = load_pemda_file(EXAMPLE_PATH, mode="serial")
    assert loaded.can_write, [t.finding.message for t in loaded.menghambat]
    return loaded.kons


def pct(value) -> Decimal:
    return rules.round_percent(value)


# (kode, target, realisasi, capaian %, predikat) for 2022
IKU_2022 = [
    # IKU1 IPM, typed (BPS): 73,12 / 73 = 1,0016438 -> 100,16%
    ("IKU1", 73.0, 73.12, "100.16", "Melebihi Target"),
    # IKU2 RLS, sama <- DISDIK I1 2022 realisasi 10,93: 10,93 / 10,9 = 1,0027523 -> 100,28%
    ("IKU2", 10.9, 10.93, "100.28", "Melebihi Target"),
    # IKU3 kemiskinan, turun, typed: (2 x 8,3 - 8,67) / 8,3 = 7,93 / 8,3 = 0,9554217 -> 95,54%
    ("IKU3", 8.3, 8.67, "95.54", "Tidak Tercapai"),
    # IKU4 IKM, rata-rata <- DISDIK I5 84,1 and DISDUKCAPIL K3 81,6: (84,1 + 81,6) / 2 = 82,85;
    # 82,85 / 82,5 = 1,0042424 -> 100,42%
    ("IKU4", 82.5, 82.85, "100.42", "Melebihi Target"),
    # IKU5 dokumen, tertimbang <- K1 98,1 (bobot 420.000) and K2 93,4 (bobot 180.000):
    # (98,1 x 420.000 + 93,4 x 180.000) / 600.000 = 58.014.000 / 600.000 = 96,69;
    # 96,69 / 96 = 1,0071875 -> 100,72%
    ("IKU5", 96.0, 96.69, "100.72", "Melebihi Target"),
    # IKU6 inovasi, jumlah <- I6 3 + K4 4 = 7; 7 / 6 = 1,1666667 -> 116,67%
    ("IKU6", 6.0, 7.0, "116.67", "Melebihi Target"),
    # IKU7 kerja sama, sama <- SETDA IKU2 2022 realisasi 100: 100 / 92,86 = 1,0768899 -> 107,69%
    ("IKU7", 92.86, 100.0, "107.69", "Melebihi Target"),
]


@pytest.mark.parametrize(("kode", "target", "realisasi", "capaian", "predikat"), IKU_2022)
def test_iku_2022(kons, kode, target, realisasi, capaian, predikat):
    ind = next(i for i in kons.laporan.indikator if i.kode == kode)
    kin = ind.pada(2022)
    assert kin.target == target
    assert kin.realisasi == pytest.approx(realisasi, abs=1e-9)
    assert pct(kin.capaian) == Decimal(capaian)
    assert kin.predikat.label == predikat


def test_cascade_history(kons):
    """Earlier years cascade too: IKU4 2019 = (79,8 + 77,5) / 2 = 78,65; 78,65 / 79 = 99,56%.
    IKU5 2019 = 94,2 x 0,7 + 84,0 x 0,3 = 65,94 + 25,2 = 91,14; 91,14 / 90 = 101,27%.
    IKU6 2020 = 2 + 2 = 4; 4 / 3 = 133,33%. IKU7 2019 = 62,5 (Setda); 62,5 / 87,5 = 71,43%."""
    by = {i.kode: i for i in kons.laporan.indikator}
    assert by["IKU4"].pada(2019).realisasi == pytest.approx(78.65)
    assert pct(by["IKU4"].pada(2019).capaian) == Decimal("99.56")
    assert by["IKU5"].pada(2019).realisasi == pytest.approx(91.14)
    assert pct(by["IKU5"].pada(2019).capaian) == Decimal("101.27")
    assert by["IKU6"].pada(2020).realisasi == 4
    assert pct(by["IKU6"].pada(2020).capaian) == Decimal("133.33")
    assert pct(by["IKU7"].pada(2019).capaian) == Decimal("71.43")


def test_sasaran(kons):
    s = {x.kode: x for x in kons.laporan.sasaran}
    # SR1 = mean(1,0016438; 1,0027523) = 1,0021981 -> 100,22%
    assert pct(s["SR1"].capaian) == Decimal("100.22")
    # SR3 = (1,0042424 + 1,0071875 + 1,1666667) / 3 = 1,0593655 -> 105,94%
    assert pct(s["SR3"].capaian) == Decimal("105.94")
    # SR1 budget <- DISDIK S1: 271.345.678.900 / 285.400.000.000 = 95,08%;
    # efisiensi from the displayed operands: 100,22% - 95,08% = 5,14%
    assert s["SR1"].anggaran == 285_400_000_000
    assert pct(s["SR1"].persen_anggaran) == Decimal("95.08")
    assert pct(s["SR1"].efisiensi) == Decimal("5.14")
    # SR3 budget <- SETDA S3 + DISDIK S3 + DISDUKCAPIL S1, S2:
    # 39.816.816.728 + 4.215.000.000 + 8.450.000.000 + 3.120.500.000 = 55.602.316.728
    # 37.233.135.520 + 3.998.765.400 + 8.012.345.600 + 2.987.654.300 = 52.231.900.820 -> 93,94%
    assert s["SR3"].anggaran == 55_602_316_728
    assert s["SR3"].realisasi_anggaran == 52_231_900_820
    assert pct(s["SR3"].persen_anggaran) == Decimal("93.94")
    # SR4 <- SETDA S1 + S2: 26.511.730.716 + 1.941.259.344 = 28.452.990.060;
    # 25.809.319.312 + 1.890.588.335 = 27.699.907.647 -> 97,35%; 107,69% - 97,35% -> 10,34%
    assert s["SR4"].anggaran == 28_452_990_060
    assert pct(s["SR4"].efisiensi) == Decimal("10.34")


def test_rekap_opd(kons):
    r = {x.opd.kode: x for x in kons.rekap}
    # SETDA: IKU1 N/A (not counted); IKU2 100/92,86 = 1,0768899; IKU3 57/80 = 0,7125;
    # IKU4 82,99/81 = 1,0245679; mean = 2,8139578 / 3 = 0,9379859 -> 93,80% (README: 93,80%)
    assert (r["SETDA"].terukur, r["SETDA"].jumlah_indikator) == (3, 4)
    assert pct(r["SETDA"].capaian) == Decimal("93.80")
    # 64.933.043.167 / 68.269.806.788 = 95,11%; 0,9379859 - 0,9511239 = -1,31%
    assert pct(r["SETDA"].persen_anggaran) == Decimal("95.11")
    assert pct(r["SETDA"].efisiensi) == Decimal("-1.31")
    # DISDIK: 10,93/10,9 + 87,2/88 + 96,3/95 + (0,44-0,25)/0,22 + 84,1/83 + 3/2
    # = 1,0027523 + 0,9909091 + 1,0136842 + 0,8636364 + 1,0132530 + 1,5 = 6,3842350 / 6
    # = 1,0640392 -> 106,40%; 310.456.844.300 / 326.365.000.000 = 95,13%; efisiensi from the
    # displayed operands (core.rules.efisiensi, docs/angka-tercetak.md): 106,40 - 95,13 = 11,27%
    assert pct(r["DISDIK"].capaian) == Decimal("106.40")
    assert pct(r["DISDIK"].persen_anggaran) == Decimal("95.13")
    assert pct(r["DISDIK"].efisiensi) == Decimal("11.27")
    # DISDUKCAPIL: 98,1/98 + 93,4/92 + 81,6/82 + 4/3 = 1,0010204 + 1,0152174 + 0,9951220
    # + 1,3333333 = 4,3446931 / 4 = 1,0861733 -> 108,62%; 10.999.999.900 / 11.570.500.000
    # = 95,07%; efisiensi 13,55%
    assert pct(r["DISDUKCAPIL"].capaian) == Decimal("108.62")
    assert pct(r["DISDUKCAPIL"].persen_anggaran) == Decimal("95.07")
    assert pct(r["DISDUKCAPIL"].efisiensi) == Decimal("13.55")
    assert [r[k].peringkat for k in ("DISDUKCAPIL", "DISDIK", "SETDA")] == [1, 2, 3]


def test_pemda_totals(kons):
    # 68.269.806.788 + 326.365.000.000 + 11.570.500.000 = 406.205.306.788
    # 64.933.043.167 + 310.456.844.300 + 10.999.999.900 = 386.389.887.367 -> 95,12%
    assert kons.total_anggaran == 406_205_306_788
    assert kons.total_realisasi == 386_389_887_367
    assert pct(kons.persen_anggaran) == Decimal("95.12")


def test_example_has_only_the_opds_own_notes(kons):
    """Nothing stops the report and no OPD is left out. What remains are the OPD workbooks' own
    warnings: the Setda example's history as published (capaian-dilaporkan-beda, on purpose) and
    the analyses an OPD has not written yet for a missed target (its own LKjIP's business)."""
    assert not kons.excluded and not kons.menghambat
    allowed = {"capaian-dilaporkan-beda", "analisis-belum-diisi", "analisis-sasaran-belum-diisi"}
    assert {t.finding.kode for t in kons.temuan} <= allowed
    assert all(t.opd for t in kons.temuan)  # nothing in the Pemda workbook itself


def test_capaian_akhir(kons):
    # IKU2: 10,93 / 11,2 = 0,9758929 -> 97,59%; IKU7: 100 / 95 = 105,26%
    assert pct(kons.capaian_akhir["IKU2"][0]) == Decimal("97.59")
    assert pct(kons.capaian_akhir["IKU7"][0]) == Decimal("105.26")
