"""Property tests: every value an Excel cell can hand over, and invariants of the rules."""

import datetime as dt
import math
import re
from contextlib import contextmanager

from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_xl.core.numbers import format_angka
from lkjip_xl.core.rules import NA, capaian
from lkjip_xl.core.terbilang import terbilang
from lkjip_xl.core.values import parse_number
from lkjip_xl.udf import cells as udf_cells
from lkjip_xl.udf import functions as udfs

settings.register_profile("lkjip", max_examples=150, derandomize=True, deadline=None)
settings.load_profile("lkjip")

CELL = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.sampled_from(["N/A", "92,86%", "Rp. 1.000,-", "Sangat Tinggi", "B", "80-90", "#N/A"]),
    st.booleans(),
    st.integers(min_value=-(10**16), max_value=10**16),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
)


@st.composite
def grids(draw):
    rows = draw(st.integers(1, 4))
    cols = draw(st.integers(1, 3))
    return [[draw(CELL) for _ in range(cols)] for _ in range(rows)]


ARG = st.one_of(CELL, grids())
UDFS_1 = [udfs.PREDIKAT, udfs.KATEGORI, udfs.TERBILANG, udfs.RUPIAH, udfs.MUTU_IKM]
UDFS_2 = [udfs.CAPAIAN, udfs.EFISIENSI, udfs.REALISASI_ANGGARAN]
SCALAR_TYPES = (str, float, int)


def _shape(value):
    return (len(value), len(value[0])) if isinstance(value, list) else None


def _check(result, *args):
    shapes = [_shape(a) for a in args if isinstance(a, list)]
    if isinstance(result, list):
        assert shapes, "a list result needs a range argument"
        rows = max(s[0] for s in shapes)
        cols = max(s[1] for s in shapes)
        assert _shape(result) == (rows, cols)
        for row in result:
            assert len(row) == cols
            assert all(isinstance(v, SCALAR_TYPES) and not isinstance(v, bool) for v in row)
    else:
        assert isinstance(result, SCALAR_TYPES) and not isinstance(result, bool)
        if isinstance(result, float):
            assert math.isfinite(result)


@given(ARG)
def test_one_argument_udfs_never_raise(value):
    for udf in UDFS_1:
        _check(udf(value), value)
    assert isinstance(udfs.IKM(value), SCALAR_TYPES)
    assert isinstance(udfs.RATA_CAPAIAN(value), SCALAR_TYPES)


@given(grids(), grids(), st.one_of(CELL, st.sampled_from(["naik", "turun", "rentang"])))
def test_two_argument_udfs_never_raise_same_shape(a, b, polaritas):
    b = [[b[i % len(b)][j % len(b[0])] for j in range(len(a[0]))] for i in range(len(a))]
    for udf in UDFS_2:
        _check(udf(a, b), a, b)
    _check(udfs.CAPAIAN(a, b, polaritas), a, b)


@given(ARG, ARG, CELL, CELL)
def test_udfs_never_raise_any_mix(a, b, c, d):
    for udf in UDFS_2:
        result = udf(a, b)
        assert isinstance(result, (list, *SCALAR_TYPES))
    assert isinstance(udfs.CAPAIAN(a, b, c, d), (list, *SCALAR_TYPES))
    assert isinstance(udfs.TERBILANG(a, c, d), (list, *SCALAR_TYPES))
    assert isinstance(udfs.RUPIAH(a, c, d), (list, *SCALAR_TYPES))
    assert isinstance(udfs.PREDIKAT(a, c), (list, *SCALAR_TYPES))


POSITIVE = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False)
REAL = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


@given(POSITIVE, REAL, REAL)
def test_capaian_naik_monotone(target, r1, r2):
    low, high = sorted((r1, r2))
    assert capaian(target, low) <= capaian(target, high)


@given(POSITIVE)
def test_capaian_turun_on_target_is_one(target):
    assert capaian(target, target, "turun") == 1.0


@given(POSITIVE, REAL)
def test_capaian_naik_times_target_is_realisasi(target, realisasi):
    assert math.isclose(capaian(target, realisasi, "naik") * target, realisasi, rel_tol=1e-12,
                        abs_tol=1e-9)  # fmt: skip


@given(st.sampled_from([None, "", "N/A", "Belum ada pengumuman"]), REAL)
def test_capaian_missing_is_na(missing, other):
    assert capaian(other if other > 0 else 1, missing) == NA


# A small independent parser: words -> int. If terbilang and this agree for random n, the words
# are both well-formed and right.
UNITS = {"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
         "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100,
         "seribu": 1000}  # fmt: skip
SCALES = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}
KNOWN = set(UNITS) | set(SCALES) | {"belas", "puluh", "ratus", "minus"}


def words_to_int(text):
    words = text.split()
    sign = -1 if words and words[0] == "minus" else 1
    words = words[1:] if sign < 0 else words
    total, group, last = 0, 0, 0
    for word in words:
        if word in UNITS:
            value = UNITS[word]
            if value == 1000:  # "seribu" is a whole thousands group on its own
                total += 1000
            else:
                group += value
            last = value
        elif word == "belas":
            group += 10
        elif word == "puluh":
            group += last * 9
        elif word == "ratus":
            group += last * 99
        else:
            total += group * SCALES[word]
            group = 0
    return sign * (total + group)


@given(st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1))
def test_terbilang_round_trips(n):
    text = terbilang(n)
    assert set(text.split()) <= KNOWN
    assert not re.search(r"(^|minus |juta |miliar |triliun )satu ribu", text)  # must be "seribu"
    assert "milyar" not in text
    assert words_to_int(text) == n


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_format_angka_round_trips(x):
    text = format_angka(x, 2)
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d{2}", text)
    assert format_angka(parse_number(text), 2) == text
    whole = format_angka(round(x))
    assert parse_number(whole) == round(x)


@given(st.dates())
def test_dates_are_invalid_numbers(value):
    result = udfs.CAPAIAN(80, value)
    assert result == "#NILAI: tanggal, bukan angka"
    assert udfs.CAPAIAN(80, dt.datetime.combine(value, dt.time())) == result


# A range call of CAPAIAN (its fast path for plain numbers included) must give, cell for cell
# and bit for bit, what each cell gives called alone, ranges kept as 1x1 ranges so the blank
# rule sees the same arguments.
RANGE_CELL = st.one_of(
    CELL,
    st.floats(min_value=-1e3, max_value=1e3),
    st.sampled_from([0, 0.0, -0.0, 1e308, 1e-308, 5e-324, 10**400, -(10**400)]),
)


def _same(got, want):
    return type(got) is type(want) and repr(got) == repr(want)


def _one_by_one(target, realisasi, polaritas):
    def cell(value, i, j):
        if not isinstance(value, list):
            return value
        return [[value[i if len(value) > 1 else 0][j if len(value[0]) > 1 else 0]]]

    ranges = [a for a in (target, realisasi, polaritas) if isinstance(a, list)]
    rows, cols = max(len(a) for a in ranges), max(len(a[0]) for a in ranges)
    return [
        [
            udfs.CAPAIAN(cell(target, i, j), cell(realisasi, i, j), cell(polaritas, i, j))
            for j in range(cols)
        ]
        for i in range(rows)
    ]


@st.composite
def big_grids(draw, rows, cols):
    return [[draw(RANGE_CELL) for _ in range(cols)] for _ in range(rows)]


POLARITAS = st.sampled_from(["naik", "turun", None, "Turun", "rentang", "miring", 1.0])


@contextmanager
def forced_path(columnar: bool):
    """Run array calls through the NumPy column path, or through the per-element path only."""
    saved = udf_cells.COLUMNAR_MIN, udf_cells.COLUMNAR_MIN_WITH_FAST
    udf_cells.COLUMNAR_MIN = udf_cells.COLUMNAR_MIN_WITH_FAST = 2 if columnar else 10**9
    try:
        yield
    finally:
        udf_cells.COLUMNAR_MIN, udf_cells.COLUMNAR_MIN_WITH_FAST = saved


@settings(max_examples=60)
@given(
    st.sampled_from([(70, 1), (20, 4), (1, 70)]),
    st.data(),
    st.one_of(POLARITAS, st.lists(st.lists(POLARITAS, min_size=1, max_size=1), min_size=70,
              max_size=70), st.just([["turun"]])),
    st.booleans(),
)  # fmt: skip
def test_capaian_range_call_equals_cell_by_cell(shape, data, polaritas, columnar):
    rows, cols = shape
    if isinstance(polaritas, list) and len(polaritas) > 1:
        polaritas = polaritas[:rows]  # a polaritas column beside the data
    numbers = st.one_of(
        st.floats(min_value=0, max_value=1e3), st.integers(min_value=0, max_value=10**6)
    )
    target = data.draw(st.one_of(big_grids(rows, cols), st.lists(st.lists(numbers, min_size=cols,
                       max_size=cols), min_size=rows, max_size=rows), RANGE_CELL))  # fmt: skip
    realisasi = data.draw(st.one_of(big_grids(rows, cols), big_grids(rows, 1), big_grids(1, cols)))
    with forced_path(columnar):
        got = udfs.CAPAIAN(target, realisasi, polaritas)
    got = got if isinstance(got, list) else [[got]]  # a 1x1 result comes back as a scalar
    want = _one_by_one(target, realisasi, polaritas)
    assert len(got) == len(want)
    for got_row, want_row in zip(got, want, strict=True):
        assert all(map(_same, got_row, want_row)), (got_row, want_row)


SKALA = st.sampled_from([None, "", "mutu_ikm", "ekppd", "opini_bpk", "tidak_ada"])
LABELS = st.sampled_from(["A", "B", "C", "Sangat Tinggi", "WTP", "N/A", None, "60-85", 50.0, 90.0])


@settings(max_examples=60)
@given(st.data(), st.booleans())
def test_capaian_columns_of_batas_atas_and_skala_equal_cell_by_cell(data, columnar):
    """The workbook's CAPAIAN array passes Batas Atas and Skala as columns beside the data."""
    rows = 40
    column = st.lists(st.lists(st.one_of(LABELS, RANGE_CELL), min_size=1, max_size=1),
                      min_size=rows, max_size=rows)  # fmt: skip
    target, realisasi = data.draw(column), data.draw(column)
    polaritas = [[p] for p in data.draw(st.lists(POLARITAS, min_size=rows, max_size=rows))]
    upper = [[b] for b in data.draw(st.lists(st.one_of(st.none(), LABELS), min_size=rows,
                                             max_size=rows))]  # fmt: skip
    skala = [[s] for s in data.draw(st.lists(SKALA, min_size=rows, max_size=rows))]
    with forced_path(columnar):
        got = udfs.CAPAIAN(target, realisasi, polaritas, skala, upper)
    for i in range(rows):
        want = udfs.CAPAIAN([target[i]], [realisasi[i]], [polaritas[i]], skala[i][0], [upper[i]])
        assert _same(got[i][0], want), (
            i,
            target[i],
            realisasi[i],
            polaritas[i],
            skala[i],
            upper[i],
        )
