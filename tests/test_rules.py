"""SAKIP rules against the golden values of the reference report (LKjIP Setda Kota Jambi 2022)."""

from decimal import Decimal

import pytest

from lkjip_xl.core.rules import (
    NA,
    capaian,
    efisiensi,
    kategori,
    klasifikasi_efisiensi,
    nilai_komponen,
    parse_rentang,
    perubahan,
    predikat,
    rata_rata,
    realisasi_anggaran,
    round_percent,
)
from lkjip_xl.core.scales import get_scale, register_scale
from lkjip_xl.core.values import InvalidValue


def test_capaian_golden_values():
    # Tabel 3.4, 2022 UKPBJ: 57/80 = 71,25% (Tabel 3.3 wrongly prints 57%, the realisasi).
    assert capaian(80, 57) == 0.7125
    # Tabel 3.4, 2020 UKPBJ: 40,5/6 = 675%, no cap.
    assert capaian(6, 40.5) == 6.75
    assert capaian("6,00%", "40,50 %") == pytest.approx(6.75)
    # Perjanjian kerjasama 2022/2021: the report prints 100%, the formula gives more.
    assert capaian(92.86, 100) == pytest.approx(1.0768899418479432)
    assert round_percent(capaian(92.86, 100)) == Decimal("107.69")
    assert round_percent(capaian("91,67%", "100%")) == Decimal("109.09")
    # 2019: 62,50/87,50 = 71,43% (Tabel 3.4 prints 71,42%, a truncation).
    assert round_percent(capaian(87.5, 62.5)) == Decimal("71.43")
    # IKM 2022: 82,99/81 = 102,46% (Tabel 3.4 prints "B").
    assert round_percent(capaian(81, 82.99)) == Decimal("102.46")


def test_capaian_qualitative():
    # Tabel 3.4: EKPPD realisasi "Belum ada pengumuman dari Kemendagri" -> N/A.
    assert capaian("Sangat Tinggi", "Belum ada pengumuman dari Kemendagri") == NA
    assert capaian("Sangat Tinggi", "Sangat tinggi") == 1.0  # Tabel 3.4 2019: 100 %
    assert capaian("Sangat Tinggi", "Tinggi") == 0.75
    assert capaian("B", "C", skala="mutu_ikm") == pytest.approx(2 / 3)
    assert capaian("B", "C") == pytest.approx(2 / 3)  # mutu_ikm comes before sakip
    assert capaian("B", "C", skala="sakip") == pytest.approx(2 / 4)
    assert capaian("WTP", "Wajar Dengan Pengecualian") == 0.75
    assert capaian("B", 82.99) == 1.0  # the number goes through the mutu IKM bands
    assert capaian("Baik", "Sangat Baik", skala=[["Sangat Baik", 2], ["Baik", 1]]) == 2.0


def test_capaian_polaritas():
    assert capaian(10, 8, "turun") == pytest.approx(1.2)
    assert capaian(10, 8, "negatif") == pytest.approx(1.2)
    assert capaian(10, 12, "-") == pytest.approx(0.8)
    assert capaian(10, 8, "Positif") == pytest.approx(0.8)
    assert capaian(10, 8, None) == pytest.approx(0.8)
    with pytest.raises(InvalidValue, match="polaritas tidak dikenal"):
        capaian(10, 8, "miring")


def test_capaian_rentang():
    assert capaian("80-90", 85, "rentang") == 1.0
    assert capaian("80 s.d. 90", 80, "rentang") == 1.0
    assert capaian("80 – 90", 90, "range") == 1.0
    assert capaian("80-90", 99, "rentang") == pytest.approx((180 - 99) / 90)
    assert capaian("80%-90%", "72%", "rentang") == pytest.approx(0.9)
    assert capaian(80, 70, "rentang", batas_atas=90) == pytest.approx(70 / 80)
    with pytest.raises(InvalidValue, match="rentang"):
        capaian("80-90", 85)
    with pytest.raises(InvalidValue, match="batas bawah"):
        capaian("90-80", 85, "rentang")
    with pytest.raises(InvalidValue, match="batas_atas"):
        capaian(80, 85, "rentang")


def test_capaian_target_zero_and_negative():
    assert capaian(0, 0, "turun") == 1.0
    assert capaian(0, 0) == 1.0
    assert capaian(0, 3, "turun") == NA
    assert capaian(0, 3) == NA
    with pytest.raises(InvalidValue, match="target negatif"):
        capaian(-5, 3)


@pytest.mark.parametrize("missing", [None, "", "N/A", "-", "tidak ada data"])
def test_capaian_missing(missing):
    assert capaian(80, missing) == NA
    assert capaian(missing, 57) == NA


def test_capaian_invalid():
    with pytest.raises(InvalidValue, match="'abc'"):
        capaian(80, "abc")
    with pytest.raises(InvalidValue, match="tanggal"):
        import datetime as dt

        capaian(80, dt.date(2022, 1, 1))
    with pytest.raises(InvalidValue, match="bukan skala ordinal"):
        capaian("B", "C", skala="tabel_3_1")
    # a ratio beyond float range would reach predikat and format_persen as inf
    for pol in ("naik", "turun"):
        with pytest.raises(InvalidValue, match="tak terhingga"):
            capaian(1e-300, 1e300, pol)


def test_capaian_cap_is_optional():
    assert capaian(6, 40.5, maks=1.2) == 1.2


def test_round_percent():
    assert round_percent(0.99999999) == Decimal("100.00")
    assert round_percent(0.714285) == Decimal("71.43")
    assert round_percent(57.14 / 80) == Decimal("71.43")  # 71,425 exactly, not the float noise
    assert round_percent(Decimal("0.95105")) == Decimal("95.11")


def test_predikat_tabel_3_1():
    assert predikat(0.99999999).label == "Tercapai"  # displayed 100,00%
    assert predikat(0.9999).label == "Tidak Tercapai"
    assert predikat(1.0).colour == "#00B050"
    assert predikat(1.0).warna == "Hijau"
    band = predikat(1.0769)
    assert (band.label, band.colour, band.warna) == ("Melebihi Target", "#0070C0", "Biru")
    assert predikat(0.7125).warna == "Merah"
    assert predikat(-0.5).label == "Tidak Tercapai"
    assert predikat(NA) is None
    assert predikat(None) is None
    assert predikat("100%").label == "Tercapai"


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (0.90, "Sangat Baik"),  # decision: 90,00 is Sangat Baik (the table's gap)
        (0.89999, "Sangat Baik"),  # displayed 90,00%
        (0.8999, "Baik"),
        (0.75, "Baik"),
        (0.7499, "Cukup"),
        (0.65, "Cukup"),
        (0.6499, "Kurang"),
        (0.50, "Kurang"),
        (0.4999, "Sangat Kurang"),
        (0.0, "Sangat Kurang"),
        (1.5, "Sangat Baik"),
    ],
)
def test_kategori_tabel_3_2(value, label):
    assert kategori(value).label == label


@pytest.mark.parametrize(
    ("value", "label"),
    [(0.91, "Sangat Tinggi"), (0.905, "Sangat Tinggi"), (0.90, "Tinggi"), (0.76, "Tinggi"),
     (0.75, "Sedang"), (0.66, "Sedang"), (0.65, "Rendah"), (0.51, "Rendah"),
     (0.50, "Sangat Rendah"), (1.2, "Sangat Tinggi")],
)  # fmt: skip
def test_kategori_permendagri(value, label):
    assert kategori(value, "permendagri_54_2010").label == label


@pytest.mark.parametrize(
    ("value", "label", "description"),
    [(0.9001, "AA", "Sangat Memuaskan"), (0.90, "A", "Memuaskan"), (0.75, "BB", "Sangat Baik"),
     (0.65, "B", "Baik"), (0.55, "CC", "Cukup"), (0.40, "C", "Kurang"),
     (0.30, "D", "Sangat Kurang")],
)  # fmt: skip
def test_permenpan_88(value, label, description):
    band = predikat(value, "PermenPAN_88_2021")
    assert (band.label, band.description) == (label, description)


def test_user_defined_scales():
    rows = [["Batas bawah", "Predikat", "Warna"], [0, "Jelek", "#FF0000"], [80, "Bagus", None]]
    assert predikat(0.8, rows).label == "Bagus"
    assert predikat(0.79, rows).colour == "#FF0000"
    ordinal = get_scale([["Ya", 1], ["Tidak", 0]])
    assert ordinal.score(" ya ") == 1.0
    with pytest.raises(InvalidValue, match="skala tidak dikenal"):
        get_scale("tabel_9_9")
    scale = register_scale(get_scale([[0, "Merah"], [100, "Hijau"]]))
    assert get_scale("KUSTOM") is scale


def test_realisasi_anggaran_golden():
    # Tabel 3.8 and section 3.4.1.
    cases = [
        (26511730716, 25809319312, "97.35"),
        (68269806788, 64933043167, "95.11"),
        (56659560105, 53406443414, "94.26"),
        (11610246683, 11526599753, "99.28"),
        (1941259344, 1890588335, "97.39"),
        (39816816728, 37233135520, "93.51"),
    ]
    for anggaran, realisasi, percent in cases:
        assert round_percent(realisasi_anggaran(anggaran, realisasi)) == Decimal(percent)
    assert realisasi_anggaran("Rp. 68.269.806.788,-", "Rp64.933.043.167") == pytest.approx(
        64933043167 / 68269806788
    )
    assert realisasi_anggaran(0, 5) == NA
    assert realisasi_anggaran(None, 5) == NA


def test_efisiensi_golden():
    # Tabel 3.8 (efisiensi): 100% - 97,35% = 2,65%.
    assert efisiensi(1, 0.9735) == pytest.approx(0.0265, abs=1e-12)
    # 57% - 97,39% = -40,39% (the report prints -40%).
    assert round_percent(efisiensi(0.57, 0.9739)) == Decimal("-40.39")
    assert efisiensi("100%", "97,35%") == pytest.approx(0.0265, abs=1e-12)
    assert efisiensi(NA, 0.9) == NA


def test_klasifikasi_efisiensi():
    assert klasifikasi_efisiensi(0.0265) == "Cukup Efisien"
    assert klasifikasi_efisiensi(0.05) == "Cukup Efisien"
    assert klasifikasi_efisiensi(0.0501) == "Efisien"
    assert klasifikasi_efisiensi(-0.05) == "Cukup Efisien"
    assert klasifikasi_efisiensi(-0.4039) == "Tidak Efisien"
    assert klasifikasi_efisiensi(NA) == NA


def test_rata_rata():
    # Tabel 3.8 row 1: EKPPD N/A stays out of the mean.
    assert rata_rata([NA, 1.0]) == 1.0
    assert rata_rata([[1.0], [None], ["Belum ada pengumuman"]]) == 1.0
    # UKPBJ 2022: uji kompetensi 10/40 = 25, kelembagaan 89 -> 57.
    assert rata_rata([nilai_komponen(10, 40), nilai_komponen(89)]) == 57
    assert rata_rata([25, 89]) == 57
    # Efisiensi "Jumlah": the mean of 100 / 57 / 82,99 is 80,00% (the report prints 87,93%).
    assert round_percent(rata_rata([1.0, 0.57, 0.8299])) == Decimal("80.00")
    assert rata_rata([NA, None]) == NA
    with pytest.raises(InvalidValue):
        rata_rata([1, "abc"])


def test_nilai_komponen_and_perubahan():
    assert nilai_komponen(10, 40) == 25.0
    assert nilai_komponen(89) == 89.0
    assert nilai_komponen(5, 0) == NA
    assert perubahan(82.99, 74.4) == pytest.approx(8.59)  # IKM 2022 vs 2021
    assert perubahan(NA, 1) == NA


def test_results_beyond_float_range_are_invalid_not_inf():
    # each would otherwise reach a percent, a predikat or a cell as inf
    cases = [
        (realisasi_anggaran, (1e-300, 1e300), "anggaran terlalu kecil"),
        (efisiensi, (1e308, -1e308), "efisiensi tak terhingga"),
        (rata_rata, ([1e308, 1e308],), "rata-rata tak terhingga"),
        (nilai_komponen, (1e300, 1e-300), "basis terlalu kecil"),
        (perubahan, (1e308, -1e308), "perubahan tak terhingga"),
    ]
    for rule, args, message in cases:
        with pytest.raises(InvalidValue, match=message):
            rule(*args)
    assert rata_rata([1e308, -1e308, 1.0]) == pytest.approx(1 / 3)  # fsum stays exact


SPELLINGS = ["60-85", "60 – 85", "60 s.d. 85", "60 s/d 85", "60 — 85", "60 sampai dengan 85",
             "60,0 S.D. 85,0", " 60 - 85 "]  # fmt: skip


@pytest.mark.parametrize("text", SPELLINGS)
def test_every_range_spelling(text):
    assert parse_rentang(text) == (60.0, 85.0)
    assert capaian(text, 70, "rentang") == 1.0
    assert capaian(text, 50, "rentang") == pytest.approx(50 / 60)
    assert capaian(text, 90, "rentang") == pytest.approx((170 - 90) / 85)
    assert capaian(60, 90, "rentang", batas_atas=85) == capaian(text, 90, "rentang")


def test_range_bounds_are_in_the_indicators_unit():
    assert parse_rentang("60%-85%") == (60.0, 85.0)  # as "92,86%" typed in Target reads 92,86
    assert parse_rentang("60%-85%", persen=True) == (0.6, 0.85)
    assert capaian("60%-85%", 70, "rentang") == 1.0  # realisasi typed as a plain number
    assert capaian("60%-85%", "70%", "rentang") == 1.0  # both as percent text
    assert parse_rentang("-5 - 5") == (-5.0, 5.0)
    assert parse_rentang("1.000-2.000") == (1000.0, 2000.0)
    for not_a_range in ("85", "-5", "B", "Sangat Tinggi", "2022", "5e-3", "", None, 80.0):
        assert parse_rentang(not_a_range) is None, not_a_range
    assert parse_rentang("60-" + "8" * 200) is None  # bounded work on long text


def test_range_text_and_batas_atas_that_disagree():
    assert capaian("60-85", 70, "rentang", batas_atas=85) == 1.0  # both forms, same bounds
    with pytest.raises(InvalidValue, match="berbeda"):
        capaian("60-85", 70, "rentang", batas_atas=90)
    with pytest.raises(InvalidValue, match="polaritas 'rentang'"):
        capaian(60, 70, "naik", batas_atas=85)


def test_rata_rata_does_not_follow_a_list_into_itself():
    loop: list = []
    loop.append(loop)
    with pytest.raises(InvalidValue):
        rata_rata([[0.5], loop])


def test_tercapai_is_the_printed_hundred_percent() -> None:
    from lkjip_xl.core import rules

    assert rules.tercapai(1.0) and rules.tercapai(0.999951) and rules.tercapai(1.2)
    assert not rules.tercapai(0.99994) and not rules.tercapai("N/A") and not rules.tercapai(None)
