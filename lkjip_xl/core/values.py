"""Parsing what staff type and what an Excel cell hands over.

Workbooks mix real numbers, percent cells (Excel stores 92,86% as 0.9286), text typed the
Indonesian way ("92,86%", "Rp. 68.269.806.788,-") and placeholders ("N/A", "Belum ada
pengumuman ..."). Every rule in the core goes through these parsers so that all of them accept
the same inputs and reject the same garbage with the same Indonesian message.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

NA: str = "N/A"

_NOT_AVAILABLE = frozenset(
    {"n/a", "na", "#n/a", "-", "–", "—", "tidak ada data", "t/a", "tidak tersedia", "belum"}
)
# Staff write why a realisasi is missing: "Belum ada pengumuman ...", "Belum dirilis Kemenkes
# (SSGI 2023)", "Belum tersedia", "Data belum tersedia". No scale label starts with these words.
_NOT_YET = ("belum ", "data belum ")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_CURRENCY = re.compile(r"^(?:rp\.?|idr)", re.IGNORECASE)
_DIGITS_AND_SEPARATORS = re.compile(r"^[0-9.,]*[0-9][0-9.,]*$")
_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_MAX_SHOWN = 40


class InvalidValue(ValueError):
    """A value that cannot be used; `message` is short Indonesian text meant for a cell."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def shown(text: str) -> str:
    """Quote user text for a message, truncated so a pasted paragraph stays readable."""
    text = str(text)
    if len(text) > _MAX_SHOWN:
        text = text[: _MAX_SHOWN - 1] + "…"
    return f"'{text}'"


def is_blank(value: Any) -> bool:
    """True for an empty cell: None, "", whitespace only, or float NaN (pandas' empty cell)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and value != value


def is_not_available(value: Any) -> bool:
    """True when a value is absent on purpose ("N/A", "-", "Belum ada/dirilis/tersedia ...") or
    blank.

    Such values make capaian "N/A" and stay out of averages (reference Tabel 3.8).
    """
    if is_blank(value):
        return True
    if not isinstance(value, str):
        return False
    text = _SPACES.sub(" ", value.strip()).lower()
    return text in _NOT_AVAILABLE or text.startswith(_NOT_YET)


def _check_groups(body: str, separator: str) -> None:
    groups = body.split(separator)
    if not (1 <= len(groups[0]) <= 3) or any(len(g) != 3 for g in groups[1:]):
        raise ValueError(body)


def _parse_unsigned(body: str) -> float:
    """Read digits with Indonesian or English separators (see parse_number for the rule)."""
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal_sep = "." if body.rfind(".") > body.rfind(",") else ","
        thousands = "," if decimal_sep == "." else "."
        whole, _, frac = body.rpartition(decimal_sep)
        if decimal_sep in whole or not frac:
            raise ValueError(body)
        _check_groups(whole, thousands)
        return float(whole.replace(thousands, "") + "." + frac)
    if commas == 1:
        whole, _, frac = body.partition(",")
        return float((whole or "0") + "." + (frac or "0"))
    if commas > 1:
        _check_groups(body, ",")
        return float(body.replace(",", ""))
    if dots > 1:
        _check_groups(body, ".")
        return float(body.replace(".", ""))
    if dots == 1:
        whole, _, frac = body.partition(".")
        if len(frac) == 3 and whole and whole[0] != "0" and len(whole) <= 3:
            return float(whole + frac)  # "1.234": Indonesian thousands separator
        return float((whole or "0") + "." + (frac or "0"))
    return float(body)


def _parse_text_number(value: str) -> float:
    text = _SPACES.sub("", value).replace("\u2212", "-")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text and text[0] in "+-":
        negative, text = negative ^ (text[0] == "-"), text[1:]
    text = _CURRENCY.sub("", text)
    if text and text[0] in "+-":  # "Rp -1.000"
        negative, text = negative ^ (text[0] == "-"), text[1:]
    for suffix in (",-", ".-", "%"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    if _SCIENTIFIC.match(text):
        number = float(text.replace(",", "."))
    elif _DIGITS_AND_SEPARATORS.match(text):
        number = _parse_unsigned(text)
    else:
        raise ValueError(value)
    return -number if negative else number


def parse_number(value: Any) -> float | None:
    """Return the number a cell means, None when blank; raise InvalidValue otherwise.

    Accepts int/float/Decimal and text as staff type it: "92,86", "92.86 %", "1.234,5",
    "1,234.5", "Rp 1.000", "Rp. 68.269.806.788,-", "(1.000)" (negative), "−5".
    A trailing "%" is only stripped: "92,86%" gives 92.86 (see parse_fraction for Excel's
    percent semantics).

    Separator rule (Indonesian first, because that is how staff type):
    - both "." and ",": the last one is the decimal separator, the other groups thousands;
    - one "," only: decimal comma ("1,5" -> 1.5, "1,234" -> 1.234);
    - several "," or several ".": thousands groups ("1,234,567", "1.234.567" -> 1234567);
    - one "." followed by exactly 3 digits after 1-3 digits not starting with 0: thousands
      ("1.234" -> 1234); any other single "." is a decimal point ("92.86", "0.125").
    Thousands groups must have 3 digits, else the text is rejected rather than guessed.
    Float NaN counts as blank (pandas' empty cell); infinities, NaN text, dates and booleans are
    invalid.
    """
    kind = type(value)
    if kind is float:
        if value != value:
            return None
        if math.isinf(value):
            raise InvalidValue("bukan angka terhingga")
        return value
    if kind is int:
        try:
            return float(value)
        except OverflowError:  # beyond 1.8e308: no cell holds it
            raise InvalidValue("bukan angka terhingga") from None
    if value is None:
        return None
    if isinstance(value, bool):
        raise InvalidValue("nilai logika (TRUE/FALSE), bukan angka")
    if isinstance(value, (dt.date, dt.time, dt.datetime)):
        raise InvalidValue("tanggal, bukan angka")
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, float) and value != value:  # numpy.float64 NaN: an empty cell
            return None
        try:
            number = float(value)
        except (ValueError, OverflowError):  # Decimal("sNaN"), an int subclass beyond 1.8e308
            number = math.nan
        if not math.isfinite(number):
            raise InvalidValue("bukan angka terhingga")
        return number
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            number = _parse_text_number(value.strip())
        except (ValueError, OverflowError):
            raise InvalidValue(f"bukan angka: {shown(value.strip())}") from None
        if not math.isfinite(number):
            raise InvalidValue(f"bukan angka: {shown(value.strip())}")
        return number
    raise InvalidValue(f"bukan angka: {shown(type(value).__name__)}")


def is_percent_text(value: Any) -> bool:
    """True for text written as a percentage ("92,86%")."""
    return isinstance(value, str) and value.strip().endswith("%")


def parse_fraction(value: Any) -> float | None:
    """Like parse_number, but text with "%" is divided by 100, as Excel does for "97,35%".

    A percent-formatted cell hands over the fraction (0.9735); staff who type the percent as
    text must get the same value, so ratios and differences mixing both stay right.
    """
    number = parse_number(value)
    if number is not None and is_percent_text(value):
        return number / 100.0
    return number


def _render_number(value: float | int | Decimal) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal):
        if not value.is_finite():  # NaN/sNaN/Infinity: normalize() would raise
            return str(value)
        value = value.normalize()
        text = format(value, "f")
    else:
        text = repr(value) if isinstance(value, float) else str(value)
    # Indonesian decimal comma, so that parse_number reads the text back to the same number.
    return text.replace(".", ",")


def parse_text(value: Any) -> str | None:
    """Return stripped text, None when blank; numbers rendered as staff would write them.

    Int-like floats lose ".0" (Excel hands 2022 over as 2022.0), other numbers use the decimal
    comma, booleans read as Indonesian Excel shows them (BENAR/SALAH), dates as ISO dates.
    """
    if is_blank(value):
        return None
    if isinstance(value, str):
        return _SPACES.sub(" ", value.strip())
    if isinstance(value, bool):
        return "BENAR" if value else "SALAH"
    if isinstance(value, (int, float, Decimal)):
        return _render_number(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip() or None
