"""Parsing what staff type and what Excel cells hand over."""

import datetime as dt
import math
from decimal import Decimal

import pytest

from lkjip_xl.core.values import (
    NA,
    InvalidValue,
    is_blank,
    is_not_available,
    parse_fraction,
    parse_number,
    parse_text,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (92.86, 92.86),
        (7, 7.0),
        (Decimal("1.5"), 1.5),
        ("92.86", 92.86),
        ("92,86", 92.86),
        ("92,86%", 92.86),
        ("92.86 %", 92.86),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1.234", 1234.0),
        ("1,5", 1.5),
        ("1,234", 1.234),
        ("0.125", 0.125),
        ("1.234.567", 1234567.0),
        ("1,234,567", 1234567.0),
        ("Rp 1.000", 1000.0),
        ("Rp. 68.269.806.788,-", 68269806788.0),
        ("Rp68.269.806.788,00", 68269806788.0),
        ("IDR 5.000", 5000.0),
        ("(1.000)", -1000.0),
        ("\u22125", -5.0),
        ("-5", -5.0),
        ("  40,50 %  ", 40.5),
        ("\u00a01.000\u00a0", 1000.0),
        ("1,5E+03", 1500.0),
    ],
)
def test_parse_number_accepts_what_staff_type(text, expected):
    assert parse_number(text) == pytest.approx(expected, rel=1e-15)


@pytest.mark.parametrize("value", [None, "", "   ", "\u00a0", math.nan])
def test_blank_gives_none(value):
    assert is_blank(value)
    assert parse_number(value) is None
    assert parse_text(value) is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "bukan angka: 'abc'"),
        ("1.23.4", "bukan angka: '1.23.4'"),
        ("nan", "bukan angka: 'nan'"),
        ("inf", "bukan angka: 'inf'"),
        (True, "nilai logika (TRUE/FALSE), bukan angka"),
        (dt.date(2022, 12, 31), "tanggal, bukan angka"),
        (dt.datetime(2022, 12, 31, 8, 0), "tanggal, bukan angka"),
        (math.inf, "bukan angka terhingga"),
        (Decimal("NaN"), "bukan angka terhingga"),
    ],
)
def test_parse_number_rejects_with_indonesian_message(value, message):
    with pytest.raises(InvalidValue) as info:
        parse_number(value)
    assert info.value.message == message
    assert str(info.value) == message


def test_long_text_is_truncated_in_message():
    with pytest.raises(InvalidValue) as info:
        parse_number("x" * 100)
    assert len(info.value.message) < 60


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "N/A",
        "na",
        "-",
        "#N/A",
        "Belum ada pengumuman dari Kemendagri",
        "Belum dirilis Kemenkes (SSGI 2023)",
        "belum tersedia",
        "Data belum tersedia",
        "TIDAK ADA DATA",
        "Tidak tersedia",
    ],
)
def test_not_available(value):
    assert is_not_available(value)


@pytest.mark.parametrize("value", [0, 0.0, "0", "B", "Sangat Tinggi", "Belumnya"])
def test_available(value):
    assert not is_not_available(value)


def test_parse_fraction_reads_percent_text_like_excel():
    assert parse_fraction("97,35%") == pytest.approx(0.9735)
    assert parse_fraction(0.9735) == 0.9735
    assert parse_fraction("92,86") == 92.86


def test_parse_text():
    assert parse_text("  Sangat  tinggi ") == "Sangat tinggi"
    assert parse_text(2022.0) == "2022"
    assert parse_text(92.86) == "92,86"
    assert parse_text(True) == "BENAR"
    assert parse_text(dt.date(2022, 1, 2)) == "2022-01-02"
    assert parse_number(parse_text(1.234)) == 1.234


def test_na_constant():
    assert NA == "N/A"
