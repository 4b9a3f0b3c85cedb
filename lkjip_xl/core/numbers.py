"""Indonesian number formats for the report: 95,11%; 68.269.806.788; Rp68.269.806.788.

Babel (locale id_ID) does the grouping; it rounds half-even, so values are rounded half-up with
Decimal first, as staff round by hand (95,115% is printed 95,12%).

Printed arithmetic (docs/angka-tercetak.md): a difference or a sum the report prints is computed
from the operands AS PRINTED (each rounded half-up to the decimals shown), so a reader who
subtracts the printed numbers gets the printed result: 94,13% - 94,19% = -0,06%, never -0,07%.
`selisih_persen` and `selisih_tampil` are the helpers; `rules.efisiensi` applies the same rule.

Every target, realisasi or standard the report prints goes through `format_target` /
`format_nilai`: units keep the case staff typed ("per 100.000 KH"), a range target prints as a
range ("60–85%").
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Any

from babel.numbers import format_decimal

from lkjip_xl.core.rules import round_half_up, round_percent
from lkjip_xl.core.terbilang import terbilang
from lkjip_xl.core.values import (
    NA,
    InvalidValue,
    is_blank,
    is_not_available,
    parse_fraction,
    parse_number,
)

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
        if value == 0:
            value = value.copy_abs()  # -0.00004 prints "0,00", never "-0,00"
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


#: Units printed as a percent sign right after the number ("92,86%").
PERCENT_UNITS = frozenset({"%", "persen"})
#: Units that name a kind of number rather than a unit: the number is printed alone ("82,99").
NUMBERLESS_UNITS = frozenset({"nilai", "indeks", "predikat", "kategori", "skor", "angka"})
RANGE_DASH = "\u2013"  # en dash, no spaces: "60–85%"


def _unit_suffix(satuan: str | None, with_unit: bool) -> str:
    unit = " ".join(str(satuan or "").split())
    if unit.casefold() in PERCENT_UNITS:
        return "%"
    if not with_unit or not unit or unit.casefold() in NUMBERLESS_UNITS:
        return ""
    return " " + unit  # case kept as typed: "per 100.000 KH"


def format_nilai(value: Any, satuan: str | None = "", *, with_unit: bool = True) -> str:
    """A target, realisasi or standard as printed: "92,86%", "82,99", "90 per 100.000 KH",
    "Sangat Tinggi" (a label as typed), "-" for nothing.

    `with_unit=False` (tables with their own Satuan column) still keeps "%" on percentages.
    """
    if value is None or is_blank(value):
        return "-"
    if isinstance(value, str):
        return " ".join(value.split())
    return format_angka(value) + _unit_suffix(satuan, with_unit)


def format_target(
    target: Any, batas_atas: Any = None, satuan: str | None = "", *, with_unit: bool = True
) -> str:
    """A target as printed everywhere in the report; a range (lower bound in `target`, upper
    bound in `batas_atas`) prints as "60–85%" or "60–85 per 1.000 KH"."""
    if (
        batas_atas is not None
        and not is_blank(batas_atas)
        and not isinstance(target, str)
        and target is not None
        and not isinstance(batas_atas, str)
    ):
        return f"{format_angka(target)}{RANGE_DASH}{format_angka(batas_atas)}" + _unit_suffix(
            satuan, with_unit
        )
    return format_nilai(target, satuan, with_unit=with_unit)


def displayed(value: Any, decimals: int = 2) -> Decimal:
    """The number as printed with `decimals` decimals (half-up), as a Decimal."""
    return round_half_up(_number(value), decimals)


def selisih_tampil(a: Any, b: Any, decimals: int = 2) -> Decimal:
    """a - b computed from the values as printed (each rounded to `decimals` first)."""
    return displayed(a, decimals) - displayed(b, decimals)


def selisih_persen(a: Any, b: Any) -> Decimal:
    """Difference in percent points of two fractions as printed (0.9413 vs 0.9419 -> -0.06)."""
    return round_percent(_fraction(a)) - round_percent(_fraction(b))


def _fraction(x: Any) -> float | Decimal:
    if isinstance(x, (float, int, Decimal)) and not isinstance(x, bool):
        return x
    number = parse_fraction(x)
    assert number is not None
    return number


def jumlah_tampil(values: Any, decimals: int = 0) -> Decimal:
    """Sum of values as printed (Rupiah and counts: whole numbers), so a Jumlah row adds up."""
    return sum((displayed(v, decimals) for v in values if not is_blank(v)), Decimal(0))
