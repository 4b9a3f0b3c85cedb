"""Indonesian number formats for the report: 95,11%; 68.269.806.788; Rp68.269.806.788.

Babel (locale id_ID) does the grouping; it rounds half-even, so values are rounded half-up with
Decimal first, as staff round by hand (95,115% is printed 95,12%).
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Any

from babel.numbers import format_decimal

from lkjip_xl.core.rules import round_half_up
from lkjip_xl.core.terbilang import terbilang
from lkjip_xl.core.values import NA, InvalidValue, is_blank, is_not_available, parse_number

LOCALE = "id_ID"
GAYA_RUPIAH = ("puebi", "rujukan")


def _number(x: Any) -> Decimal:
    if isinstance(x, Decimal):
        return x
    number = parse_number(x)
    assert number is not None
    return Decimal(str(number))


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def format_angka(x: Any, decimals: int | None = None) -> str:
    """68269806788 -> "68.269.806.788"; decimals=None keeps only significant decimals.

    Blank -> ""; "N/A" stays "N/A".
    """
    if is_blank(x):
        return ""
    if is_not_available(x):
        return NA
    value = _number(x)
    with localcontext() as ctx:  # Babel and normalize() round to the context precision (28
        ctx.prec = max(ctx.prec, value.adjusted() + 14)  # digits): room for every digit
        if decimals is None:
            value = round_half_up(value, 10).normalize()
            decimals = max(0, -value.as_tuple().exponent)  # type: ignore[operator]
        else:
            value = round_half_up(value, decimals)
        text = format_decimal(value, _pattern(decimals), locale=LOCALE, decimal_quantization=False)
    return text.replace("\u2212", "-")


def format_persen(fraction: Any, decimals: int = 2) -> str:
    """Fraction as an Indonesian percentage: 0.9511 -> "95,11%", -0.4039 -> "-40,39%"."""
    if is_blank(fraction):
        return ""
    if is_not_available(fraction):
        return NA
    percent = _number(fraction) * 100
    return format_angka(percent, decimals) + "%"


def format_rupiah(amount: Any, gaya: str = "puebi", *, sen: bool = False) -> str:
    """Rupiah amount: puebi "Rp68.269.806.788" (sen=True: "Rp5.000.000,00"); rujukan
    "Rp. 68.269.806.788,-" (the reference report's house style). Negative: "-Rp1.000".
    """
    if is_blank(amount):
        return ""
    if is_not_available(amount):
        return NA
    style = str(gaya).strip().casefold() if not is_blank(gaya) else "puebi"
    if style not in GAYA_RUPIAH:
        raise InvalidValue(f"gaya rupiah tidak dikenal: '{gaya}' (puebi/rujukan)")
    value = _number(amount)
    sign = "-" if value < 0 and round_half_up(value, 2 if sen else 0) != 0 else ""
    digits = format_angka(abs(value), 2 if sen else 0)
    if style == "puebi":
        return f"{sign}Rp{digits}"
    return f"{sign}Rp. {digits}" + ("" if sen else ",-")


def bilangan_dengan_kata(n: Any, kapital: bool = False) -> str:
    """Count with words as the report writes it: 2 -> "2 (dua)", kapital -> "4 (Empat)"."""
    return f"{format_angka(n)} ({terbilang(n, kapital=kapital)})"
