"""Cascade methods (pemda.cascade.gabung): examples and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.core.values import NA, InvalidValue
from lkjip_xl.pemda.cascade import Sumber, gabung

values = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
weights = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)


def s(*xs, bobot=None):
    return [Sumber(f"OPD{i}", x, None if bobot is None else bobot[i]) for i, x in enumerate(xs)]


def test_examples():
    assert gabung("sama", s(10.93)).nilai == 10.93
    assert gabung("sama", s("Sangat Tinggi")).nilai == "Sangat Tinggi"
    assert gabung("rata-rata", s(84.1, 81.6)).nilai == pytest.approx(82.85)
    assert gabung("jumlah", s(3, 4)).nilai == 7
    weighted = gabung("tertimbang", s(98.1, 93.4, bobot=[420000, 180000])).nilai
    assert weighted == pytest.approx(96.69)


def test_missing_source_makes_na_with_the_reason():
    result = gabung("rata-rata", s(80.0, None))
    assert result.nilai == NA and "OPD1" in result.alasan
    assert gabung("jumlah", s(1, "Belum ada data")).nilai == NA
    passed = gabung("sama", s("Belum ada pengumuman dari Kemendagri"))
    assert passed.nilai == "Belum ada pengumuman dari Kemendagri" and passed.alasan


def test_labels_need_sama():
    with pytest.raises(InvalidValue, match="membutuhkan angka"):
        gabung("rata-rata", s(80.0, "B"))


def test_weights_are_required():
    with pytest.raises(InvalidValue, match="bobot"):
        gabung("tertimbang", s(1.0, 2.0, bobot=[1.0, None]))


@given(st.lists(values, min_size=1, max_size=20))
def test_mean_lies_between_min_and_max(xs):
    mean = gabung("rata-rata", s(*xs)).nilai
    assert min(xs) - 1e-6 <= mean <= max(xs) + 1e-6


@given(st.lists(values, min_size=1, max_size=20))
def test_sum_is_exact(xs):
    assert gabung("jumlah", s(*xs)).nilai == math.fsum(xs)


@given(st.lists(values, min_size=1, max_size=20), weights)
def test_equal_weights_give_the_mean(xs, w):
    weighted = gabung("tertimbang", s(*xs, bobot=[w] * len(xs))).nilai
    assert weighted == pytest.approx(gabung("rata-rata", s(*xs)).nilai, rel=1e-9, abs=1e-9)


@given(st.lists(st.tuples(values, weights), min_size=1, max_size=10), weights)
def test_weights_scale_free(pairs, k):
    xs, ws = zip(*pairs, strict=True)
    a = gabung("tertimbang", s(*xs, bobot=list(ws))).nilai
    b = gabung("tertimbang", s(*xs, bobot=[w * k for w in ws])).nilai
    assert a == pytest.approx(b, rel=1e-9, abs=1e-6)
