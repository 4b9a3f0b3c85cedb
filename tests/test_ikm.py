"""IKM per PermenPAN-RB 14/2017."""

import pytest

from lkjip_xl.core.ikm import UNSUR_IKM, ikm_dari_jawaban, ikm_dari_nrr, mutu_ikm
from lkjip_xl.core.values import InvalidValue


def test_unsur():
    assert len(UNSUR_IKM) == 9
    assert UNSUR_IKM[0] == ("U1", "Persyaratan")
    assert UNSUR_IKM[8] == ("U9", "Sarana dan Prasarana")


def test_ikm_from_nrr_has_no_intermediate_rounding():
    nrr = [3.49, 3.40, 3.34, 3.28, 3.30, 3.30, 3.51, 3.30, 3.30]
    assert ikm_dari_nrr(nrr) == pytest.approx(sum(nrr) / 9 * 25, abs=1e-12)
    assert ikm_dari_nrr([4] * 9) == 100.0
    assert ikm_dari_nrr([1] * 9) == 25.0


def test_ikm_from_answers_uses_column_means():
    rows = [[4] * 9, [3] * 9, [3, 3, 3, 3, 3, 3, 4, 4, 4]]
    nrr = [10 / 3] * 6 + [11 / 3] * 3
    assert ikm_dari_jawaban(rows) == pytest.approx(ikm_dari_nrr(nrr), abs=1e-12)
    assert ikm_dari_jawaban([[4] * 9, [None] * 9]) == 100.0


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [([3] * 8, "9 nilai unsur"), ([3] * 8 + [5], "U9"), ([3] * 8 + [None], "kosong")],
)
def test_ikm_from_nrr_rejects(bad, fragment):
    with pytest.raises(InvalidValue, match=fragment):
        ikm_dari_nrr(bad)


def test_ikm_answers_must_be_whole():
    with pytest.raises(InvalidValue, match="bulat"):
        ikm_dari_jawaban([[3.5] * 9])
    with pytest.raises(InvalidValue, match="tidak ada jawaban"):
        ikm_dari_jawaban([])


@pytest.mark.parametrize(
    ("nilai", "expected"),
    [
        (82.99, ("B", "Baik")),  # reference 3.2 d: IKM 2022 82,99 "kategori baik"
        (88.31, ("A", "Sangat Baik")),
        (88.30, ("B", "Baik")),
        (88.305, ("A", "Sangat Baik")),  # rounded half-up to 88,31 as published
        (76.61, ("B", "Baik")),
        (76.60, ("C", "Kurang Baik")),
        (65.00, ("C", "Kurang Baik")),
        (64.99, ("D", "Tidak Baik")),
        (25, ("D", "Tidak Baik")),
        (100, ("A", "Sangat Baik")),
    ],
)
def test_mutu(nilai, expected):
    assert mutu_ikm(nilai) == expected


@pytest.mark.parametrize("nilai", [24.99, 100.01, None, "abc"])
def test_mutu_rejects(nilai):
    with pytest.raises(InvalidValue):
        mutu_ikm(nilai)
