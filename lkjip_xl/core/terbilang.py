"""Number words (terbilang) per KBBI, for Rupiah amounts and counts in the report's prose.

Hand-written on purpose: num2words (lang "id") says "satu juta satu ribu" for 1.001.000 and "min"
for negatives and reads float noise; PyPI "terbilang" says "seratus seribu" for 101.000. KBBI
and PUEBI want "satu juta seribu", "seratus satu ribu", "minus", "miliar" (not "milyar").
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from lkjip_xl.core.values import InvalidValue, parse_number, shown

_SATUAN = (
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
)  # fmt: skip
_SKALA = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))
BATAS = 10**15  # 1.000 triliun: KBBI's next word (kuadriliun) is not used in budgets


def _di_bawah_seribu(n: int) -> list[str]:
    words: list[str] = []
    ratus, sisa = divmod(n, 100)
    if ratus:
        words.append("seratus" if ratus == 1 else f"{_SATUAN[ratus]} ratus")
    if sisa >= 20:
        puluh, satuan = divmod(sisa, 10)
        words.append(f"{_SATUAN[puluh]} puluh")
        if satuan:
            words.append(_SATUAN[satuan])
    elif sisa >= 12:
        words.append(f"{_SATUAN[sisa - 10]} belas")
    elif sisa == 11:
        words.append("sebelas")
    elif sisa == 10:
        words.append("sepuluh")
    elif sisa:
        words.append(_SATUAN[sisa])
    return words


def _bulat(n: int) -> list[str]:
    if n == 0:
        return ["nol"]
    words: list[str] = []
    for nilai, nama in _SKALA:
        kelompok, n = divmod(n, nilai)
        if kelompok == 1 and nama == "ribu":
            words.append("seribu")  # only the thousands group contracts: "satu juta seribu"
        elif kelompok:
            words.extend([*_di_bawah_seribu(kelompok), nama])
    words.extend(_di_bawah_seribu(n))
    return words


def _as_decimal(n: Any) -> Decimal:
    if isinstance(n, bool):
        raise InvalidValue("nilai logika (TRUE/FALSE), bukan angka")
    if isinstance(n, int):
        return Decimal(n)
    if isinstance(n, Decimal):
        if not n.is_finite():
            raise InvalidValue("bukan angka terhingga")
        parse_number(n)  # Excel's range first: int(Decimal("1e999999")) takes half a minute
        return n
    number = parse_number(n)
    if number is None:
        raise InvalidValue("angka kosong")
    if isinstance(n, str) and number.is_integer() and abs(number) < 2**53:
        return Decimal(int(number))
    return Decimal(str(number))  # str(), not the binary float, so 12.05 stays 12.05


def terbilang(n: Any, *, rupiah: bool = False, kapital: bool = False) -> str:
    """Words for a number per KBBI: 1.001.000 -> "satu juta seribu", -5 -> "minus lima".

    Fractions are read digit by digit after "koma" ("12,05" -> "dua belas koma nol lima";
    trailing zeros dropped). With rupiah=True the fraction is sen instead: rounded half-up to
    2 digits and read as a number ("rupiah lima puluh sen"); 0 sen is omitted. kapital=True
    capitalises the first letter only. |n| >= 10**15 is rejected.
    """
    value = _as_decimal(n)
    negative = value < 0
    value = abs(value)
    if rupiah:
        value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole = int(value)
    if whole >= BATAS:
        raise InvalidValue(f"terlalu besar untuk terbilang: {shown(n)}")
    words = ["minus"] if negative and value != 0 else []
    words += _bulat(whole)
    fraction = value - whole
    if rupiah:
        words.append("rupiah")
        sen = int(fraction * 100)
        if sen:
            words += [*_bulat(sen), "sen"]
    elif fraction:
        digits = format(fraction.normalize(), "f").split(".")[1]
        words += ["koma", *(_SATUAN[int(d)] for d in digits)]
    text = " ".join(words)
    return text[:1].upper() + text[1:] if kapital else text
