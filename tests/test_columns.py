"""The columnar path: cell kinds sorted in C-level passes, and capaian over whole columns.

Golden rule: whatever the columns decide must be what core.values and rules.capaian decide for
each value alone, bit for bit.
"""

import datetime as dt
import math
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.core.capaian_array import capaian_columns
from lkjip_xl.core.columns import read_column
from lkjip_xl.core.rules import NA, TURUN, capaian
from lkjip_xl.core.values import InvalidValue, is_blank, is_not_available, parse_number

ODD = [
    None,
    float("nan"),
    "N/A",
    80.0,
    57,
    -0.0,
    float("inf"),
    -float("inf"),
    "",
    "  ",
    "92,86%",
    "#N/A",
    "n/a",
    True,
    False,
    10**400,
    2**60 + 1,
    dt.date(2022, 1, 1),
    Decimal("1.5"),
    np.float64(2.5),
]


def _kind(column, i):
    kinds = [
        name for name in ("plain", "blank", "not_available", "other") if getattr(column, name)[i]
    ]
    assert len(kinds) == 1, (i, kinds)
    return kinds[0]


def _expected_kind(value):
    if type(value) in (float, int):
        try:
            return "plain" if math.isfinite(value) else ("blank" if value != value else "other")
        except OverflowError:
            return "other"
    if value is None:
        return "blank"
    return "not_available" if value == NA and type(value) is str else "other"


@pytest.mark.parametrize("values", [ODD, [80.0, None, 57], [80.0, "N/A", None], [1, 2, 3]])
def test_each_value_gets_one_kind(values):
    column = read_column(list(values))
    for i, value in enumerate(values):
        kind = _kind(column, i)
        assert kind == _expected_kind(value), (value, kind)
        if kind == "plain":
            assert column.numbers[i] == parse_number(value)
        else:
            assert math.isnan(column.numbers[i])
        if kind in ("blank", "not_available"):
            assert is_not_available(value)
        if kind == "blank":
            assert is_blank(value)


def test_only_exact_na_text_is_na():
    # "n/a" and "#N/A" are not available too, but the columns leave them to the parser
    column = read_column(["N/A", "n/a", "#N/A", 1.0])
    assert column.not_available.tolist() == [True, False, False, False]
    assert column.other.tolist() == [False, True, True, False]


def test_int_beyond_float_range_is_left_to_the_parser():
    column = read_column([10**400, 1.0])
    assert column.other.tolist() == [True, False]
    with pytest.raises(InvalidValue):
        parse_number(10**400)


CELLS = st.one_of(
    st.none(),
    st.just("N/A"),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from([0, 0.0, -0.0, 5e-324, 1e308, 10**400, "", "x", True]),
)


@given(st.lists(st.tuples(CELLS, CELLS, st.booleans()), min_size=1, max_size=40))
def test_capaian_columns_equal_capaian_row_by_row(rows):
    targets = [t for t, _, _ in rows]
    reals = [r for _, r, _ in rows]
    turun = np.array([down for _, _, down in rows])
    result = capaian_columns(read_column(targets), read_column(reals), turun)
    for i, (t, r, down) in enumerate(rows):
        if result.rest[i]:
            continue
        want = capaian(t, r, TURUN if down else "naik")
        if result.not_available[i]:
            assert want == NA
        else:
            assert result.done[i]
            assert type(want) is float and want.hex() == float(result.values[i]).hex()


def test_capaian_columns_polaritas_for_all_rows():
    target, real = read_column([10.0, 10.0]), read_column([8.0, 12.0])
    assert capaian_columns(target, real, True).values.tolist() == [1.2, 0.8]
    assert capaian_columns(target, real, False).values.tolist() == [0.8, 1.2]
