"""The xlwings UDFs as plain Python: golden values, broadcasting, and no exception in a cell."""

import datetime as dt
import random

import pytest

from lkjip_xl.core.rules import capaian
from lkjip_xl.udf import cells as udf_cells
from lkjip_xl.udf import functions as udfs
from lkjip_xl.udf.functions import (
    CAPAIAN,
    EFISIENSI,
    IKM,
    KATEGORI,
    MUTU_IKM,
    NILAI_KOMPONEN,
    PREDIKAT,
    RATA_CAPAIAN,
    REALISASI_ANGGARAN,
    RUPIAH,
    TERBILANG,
)


def test_capaian_golden():
    assert CAPAIAN(80, 57) == 0.7125  # Tabel 3.4 2022 UKPBJ (Tabel 3.3 wrongly prints 57%)
    assert CAPAIAN(6, 40.5) == 6.75  # Tabel 3.4 2020
    assert CAPAIAN([[80]], [[57]]) == 0.7125  # a single cell as xlwings ndim=2 hands it over
    assert CAPAIAN("Sangat Tinggi", "Belum ada pengumuman dari Kemendagri") == "N/A"
    assert CAPAIAN("B", "C", "naik", [["mutu_ikm"]]) == pytest.approx(2 / 3)
    assert CAPAIAN(10, 8, "turun") == pytest.approx(1.2)
    assert CAPAIAN("80-90", 85, "rentang") == 1.0


def test_capaian_column_broadcast():
    # "92,86%" typed as text against a 100% percent cell (which hands over 1.0)
    target = [[80], [6], [None], ["92,86%"], ["Sangat Tinggi"]]
    realisasi = [[57], [40.5], [None], [1.0], ["N/A"]]
    assert CAPAIAN(target, realisasi) == [
        [0.7125],
        [6.75],
        [""],
        [pytest.approx(100 / 92.86)],
        ["N/A"],
    ]
    # scalar target against a column: empty rows stay empty
    assert CAPAIAN(80, [[57], [None], ["N/A"]]) == [[0.7125], [""], ["N/A"]]
    # a column of polaritas, row by row
    assert CAPAIAN([[10], [10]], [[8], [8]], [["naik"], ["turun"]]) == [
        [0.8],
        [pytest.approx(1.2)],
    ]
    # a row against a column broadcasts to a table
    assert CAPAIAN([[10, 20]], [[10], [20]]) == [[1.0, 0.5], [2.0, 1.0]]
    assert CAPAIAN([10, 20], [5, 5]) == [[0.5], [0.25]]  # 1-D lists are columns


def test_invalid_input_becomes_message():
    assert CAPAIAN(80, "abc").startswith("#NILAI: ")
    assert "'abc'" in CAPAIAN(80, "abc")
    assert CAPAIAN(80, True) == "#NILAI: nilai logika (TRUE/FALSE), bukan angka"
    assert CAPAIAN(80, dt.datetime(2022, 1, 1)) == "#NILAI: tanggal, bukan angka"
    assert CAPAIAN(80, 57, "miring").startswith("#NILAI: polaritas tidak dikenal")
    assert CAPAIAN(80, 57, "naik", "tidak_ada").startswith("#NILAI: skala tidak dikenal")
    assert CAPAIAN([[1, 2]], [[1, 2, 3]]) == "#NILAI: ukuran rentang tidak cocok"
    assert CAPAIAN([[1], [2, 3]], 1) == "#NILAI: rentang tidak persegi"
    assert CAPAIAN(80, "#DIV/0!").startswith("#NILAI: ")
    assert CAPAIAN(80, "#N/A") == "N/A"
    assert CAPAIAN(None, None) == ""


@pytest.fixture(params=["columnar", "per_element"])
def array_path(request, monkeypatch):
    """Array calls through the NumPy column path, or through the per-element path only."""
    low = 2 if request.param == "columnar" else 10**9
    monkeypatch.setattr(udf_cells, "COLUMNAR_MIN", low)
    monkeypatch.setattr(udf_cells, "COLUMNAR_MIN_WITH_FAST", low)


def test_fast_path_agrees_with_core(array_path):
    rng = random.Random(7)
    values = [None, "N/A", 0, 0.0, -1.5, 80, 57.0, 1e-300, float("nan"), float("inf"), "92,86%"]
    values += [rng.uniform(-100, 200) for _ in range(30)]
    for pol in ("naik", "turun"):
        targets = [[t] for t in values for _ in values]
        reals = [[r] for _ in values for r in values]
        array = CAPAIAN(targets, reals, pol)
        for (t,), (r,), (got,) in zip(targets, reals, array, strict=True):
            single = CAPAIAN([[t]], [[r]], [[pol]])
            assert got == single or (got != got and single != single)
            if isinstance(got, float):
                assert got == capaian(t, r, pol)


def test_predikat_kategori():
    assert PREDIKAT(0.99999999) == "Tercapai"
    assert PREDIKAT([[0.7125], [1.0769], ["N/A"], [None]]) == [
        ["Tidak Tercapai"],
        ["Melebihi Target"],
        ["N/A"],
        [""],
    ]
    assert KATEGORI(0.90) == "Sangat Baik"
    assert KATEGORI(0.7125) == "Cukup"
    assert KATEGORI(0.7125, "permendagri_54_2010") == "Sedang"
    assert KATEGORI(0.7125, None) == "Cukup"
    assert PREDIKAT(0.8, [[0, "Jelek"], [80, "Bagus"]]) == "Bagus"


def test_anggaran_efisiensi():
    assert REALISASI_ANGGARAN(26511730716, 25809319312) == pytest.approx(0.9735056375, abs=1e-10)
    assert REALISASI_ANGGARAN(0, 1) == "N/A"
    assert EFISIENSI(1, 0.9735) == pytest.approx(0.0265, abs=1e-12)
    assert EFISIENSI([[1], [0.57]], [[0.9735], [0.9739]]) == [
        [pytest.approx(0.0265)],
        [pytest.approx(-0.4039)],
    ]


def test_words_and_rupiah():
    assert TERBILANG(68269806788) == (
        "enam puluh delapan miliar dua ratus enam puluh sembilan juta delapan ratus enam ribu "
        "tujuh ratus delapan puluh delapan"
    )
    assert TERBILANG(53200000, True, True) == "Lima puluh tiga juta dua ratus ribu rupiah"
    assert TERBILANG(10**15).startswith("#NILAI: ")
    assert TERBILANG(1, "mungkin").startswith("#NILAI: ")
    assert RUPIAH(68269806788) == "Rp68.269.806.788"
    assert RUPIAH([[68269806788], [None]], "rujukan") == [["Rp. 68.269.806.788,-"], [""]]
    assert RUPIAH(5000000, "puebi", True) == "Rp5.000.000,00"


def test_ikm_shapes():
    nrr = [3.49, 3.40, 3.34, 3.28, 3.30, 3.30, 3.51, 3.30, 3.30]
    expected = sum(nrr) / 9 * 25
    assert IKM([nrr]) == pytest.approx(expected)
    assert IKM([[v] for v in nrr]) == pytest.approx(expected)
    answers = [[4] * 9, [3] * 9, [None] * 9]
    assert IKM(answers) == 87.5
    assert IKM([list(col) for col in zip(*answers[:2], strict=True)]) == 87.5  # 9 x N
    assert IKM([[1, 2]]).startswith("#NILAI: IKM butuh 9 unsur")
    assert IKM(3).startswith("#NILAI: ")
    assert MUTU_IKM(82.99) == "B"
    assert MUTU_IKM(82.99, True) == "Baik"
    assert MUTU_IKM(20).startswith("#NILAI: ")


def test_rata_capaian():
    assert RATA_CAPAIAN([["N/A"], [1.0]]) == 1.0
    assert RATA_CAPAIAN([[0.25], [0.89], [None]]) == pytest.approx(0.57)
    assert RATA_CAPAIAN([["N/A"]]) == "N/A"
    assert RATA_CAPAIAN([["x"]]).startswith("#NILAI: ")


def test_range_call_edges_match_cell_by_cell(array_path):
    # awkward cells in a long range must give what each cell gives alone (10**400 used to raise
    # OverflowError in the fast path, and int / int divided exactly unlike the core)
    odd = [None, "", " ", "N/A", "#N/A", "abc", "92,86%", True, False, 0, 0.0, -0.0, -5, 80]
    odd += [
        float("nan"),
        float("inf"),
        1e308,
        1e-308,
        10**400,
        dt.date(2022, 1, 1),
        "Sangat Tinggi",
    ]
    values = (odd * 4)[:80]
    for pol in ("naik", "turun", "rentang", "", None):
        for target in ([[t] for t in values], 80, None, 0, [[v] for v in reversed(values)]):
            reals = [[r] for r in values]
            got = CAPAIAN(target, reals, pol)
            for k, (r,) in enumerate(reals):
                t = target[k][0] if isinstance(target, list) else target
                want = CAPAIAN([[t]] if isinstance(target, list) else t, [[r]], pol)
                assert type(got[k][0]) is type(want) and repr(got[k][0]) == repr(want)


def test_range_call_plain_numbers(array_path):
    targets = [[float(t)] for t in range(100)]
    reals = [[t * 0.37] for t in range(100)]
    got = CAPAIAN(targets, reals)
    assert got[0] == [1.0]  # target 0, realisasi 0
    assert got[5] == [capaian(5.0, 5 * 0.37)]
    assert CAPAIAN(targets, [[1.0]] * 100)[0] == ["N/A"]  # target 0, realisasi not 0
    assert CAPAIAN([[10**400]] * 70, [[1.0]] * 70)[0][0] == CAPAIAN(10**400, 1.0)
    assert CAPAIAN(80, 10**400).startswith("#NILAI: ")
    assert CAPAIAN(3, 2**60 + 1) == capaian(3, 2**60 + 1)  # float division, as the core does
    # an overflowing ratio is an error text in every path (the per-element shortcut once
    # returned inf, found when the column path was compared with it)
    overflow = "#NILAI: capaian tak terhingga: target terlalu kecil terhadap realisasi"
    assert CAPAIAN(1e-300, 1e300) == overflow
    assert CAPAIAN([[1e-300]] * 600, [[1e300]] * 600)[599] == [overflow]


def test_polaritas_column(array_path):
    # =CAPAIAN(C2:C41, D2:D41, E2:E41): one polaritas per row, blank meaning naik
    polaritas = ["naik", "turun", None, "Turun", "rentang", "miring", "", "negatif"] * 5
    got = CAPAIAN([[10.0]] * 40, [[8.0]] * 40, [[p] for p in polaritas])
    want = [[CAPAIAN(10.0, 8.0, p)] for p in polaritas]
    assert got == want
    assert got[:4] == [[0.8], [1.2], [0.8], [1.2]]
    assert got[5][0].startswith("#NILAI: polaritas tidak dikenal")


def test_long_calls_take_the_column_path(monkeypatch):
    calls = []
    real = udfs.capaian_columnar
    monkeypatch.setattr(udfs, "capaian_columnar", lambda *a: calls.append(1) or real(*a))
    CAPAIAN([[10.0]] * 600, [[8.0]] * 600)
    CAPAIAN([[10.0]] * 20, [[8.0]] * 20, [["turun"]] * 20)  # no per-element shortcut here
    assert len(calls) == 2
    CAPAIAN([[10.0]] * 20, [[8.0]] * 20)  # short, with the shortcut: per element
    assert len(calls) == 2


def test_capaian_receives_the_upper_bound():
    assert CAPAIAN(60, 70, "rentang", None, 85) == 1.0
    assert CAPAIAN([[60], [60]], [[70], [90]], "rentang", None, [[85], [85]]) == [
        [1.0],
        [pytest.approx((170 - 90) / 85)],
    ]
    assert CAPAIAN("60 s/d 85", 90, "rentang") == CAPAIAN(60, 90, "rentang", None, 85)
    assert CAPAIAN(60, 70, "rentang").startswith("#NILAI: polaritas rentang butuh")
    assert CAPAIAN(60, 70, "naik", None, 85).startswith("#NILAI: batas_atas hanya")


def test_long_range_calls_with_batas_atas_match_single_calls(array_path):
    targets = [[60.0], ["60-85"], [10.0], [None]] * 40
    reals = [[70.0], [90.0], [8.0], [None]] * 40
    pol = [["rentang"], ["rentang"], ["turun"], ["naik"]] * 40
    upper = [[85.0], [None], [None], [None]] * 40
    got = CAPAIAN(targets, reals, pol, None, upper)
    for k in range(4):
        assert got[k][0] == CAPAIAN(targets[k][0], reals[k][0], pol[k][0], None, upper[k][0])


def test_rata_capaian_with_criteria_like_averageifs():
    capaian = [[1.0], [0.5], ["N/A"], [0.9], [None]]
    sasaran = [["S1"], ["S1 "], ["S1"], ["S2"], [None]]
    tahun = [[2022.0], ["2022"], [2022.0], [2022.0], [None]]
    assert RATA_CAPAIAN(capaian, sasaran, "S1", tahun, 2022) == 0.75  # N/A left out
    assert RATA_CAPAIAN(capaian, sasaran, [["S2"]], tahun, [[2022.0]]) == 0.9
    assert RATA_CAPAIAN(capaian, sasaran, "s1") == "N/A"  # codes match exactly, as the report
    assert RATA_CAPAIAN(capaian, sasaran, "S3") == "N/A"
    assert RATA_CAPAIAN(capaian, [["S1"]], "S1").startswith("#NILAI: ukuran rentang")
    assert RATA_CAPAIAN(capaian) == pytest.approx(2.4 / 3)


def test_nilai_komponen():
    assert NILAI_KOMPONEN(10, 40) == 25.0
    assert NILAI_KOMPONEN(89) == 89.0
    assert NILAI_KOMPONEN(5, 0) == "N/A"
    assert NILAI_KOMPONEN([[10], [89]], [[40], [None]]) == [[25.0], [89.0]]


def test_any_array_like_is_read_like_a_list():
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    targets, reals = [80.0, 6.0, 10.0], [57.0, 40.5, None]
    want = CAPAIAN([[t] for t in targets], [[r] for r in reals])
    assert CAPAIAN(np.array(targets), np.array(reals, dtype=object)) == want
    assert CAPAIAN(np.array([targets]).T, pd.Series(reals)) == want
    frame = pd.DataFrame({"t": targets, "r": pd.array([57.0, 40.5, pd.NA], dtype="Float64")})
    assert CAPAIAN(frame[["t"]], frame[["r"]]) == want
    assert CAPAIAN(np.float64(80), np.int64(57)) == 0.7125
    assert CAPAIAN(80, pd.NA) == "N/A"  # an empty cell: the target alone is N/A
    assert CAPAIAN([[80], [80]], [[pd.NA], [57]]) == [["N/A"], [0.7125]]
    assert CAPAIAN(pd.NA, pd.NA) == ""
    assert PREDIKAT(np.array([[0.7125], [1.0]])) == [["Tidak Tercapai"], ["Tercapai"]]
    assert RATA_CAPAIAN(pd.Series([1.0, pd.NA, 0.5])) == 0.75
    assert IKM(np.full((1, 9), 3.0)) == 75.0
    assert RUPIAH(np.int64(5000)) == "Rp5.000"
    assert TERBILANG(np.int64(11)) == "sebelas"
    assert CAPAIAN(80, np.bool_(True)).startswith("#NILAI: nilai logika")


def test_huge_decimals_are_rejected_quickly():
    import time
    from decimal import Decimal

    start = time.perf_counter()
    for value in (Decimal("1e999999"), Decimal("-1e999999"), Decimal("1e-999999")):
        assert TERBILANG(value).startswith("#NILAI: ")
        assert RUPIAH(value).startswith("#NILAI: ")
        assert CAPAIAN(value, 1).startswith("#NILAI: ")
        assert CAPAIAN(80, value).startswith("#NILAI: ")
    assert CAPAIAN(Decimal("1e-999999"), 1) != "N/A"  # a tiny target is no target 0
    assert RUPIAH(10**15).startswith("#NILAI: angka terlalu besar")
    assert RUPIAH(Decimal("68269806788")) == "Rp68.269.806.788"
    assert time.perf_counter() - start < 1.0


def test_self_referencing_lists_never_loop():
    loop: list = []
    loop.append(loop)
    for result in (
        TERBILANG(5, loop),
        RUPIAH(5, loop),
        CAPAIAN(80, 57, "naik", loop),
        CAPAIAN(loop, 57),
        PREDIKAT(0.5, loop),
        RATA_CAPAIAN(loop),
        RATA_CAPAIAN([[1.0]], loop, loop),
        IKM(loop),
        MUTU_IKM(80, loop),
    ):
        assert isinstance(result, (str, float, list))


def test_a_column_of_scales_one_per_row():
    got = CAPAIAN([["B"], ["WTP"], [80.0], [90.0]], [["A"], ["WDP"], [57.0], [45.0]],
                  "naik", [["mutu_ikm"], ["opini_bpk"], [None], ["tidak_ada"]])  # fmt: skip
    assert got[0] == [pytest.approx(4 / 3)] and got[1] == [0.75] and got[2] == [0.7125]
    assert got[3][0].startswith("#NILAI: skala tidak dikenal")  # as a single call says
    loop: list = []
    loop.append(loop)
    assert CAPAIAN([[1.0], [2.0]], [[1.0], [1.0]], "naik", [[loop], [None]])[1] == [0.5]
