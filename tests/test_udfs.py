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
