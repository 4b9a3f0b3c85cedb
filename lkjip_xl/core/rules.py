"""SAKIP calculation rules: capaian, predikat, kategori, realisasi anggaran, efisiensi, averages.

All functions are pure and take what a cell hands over (numbers, "92,86%", "N/A", labels).
Fractions follow Excel: 1.0 is 100%. Results that cannot be computed are "N/A", never an error,
and invalid input raises InvalidValue with an Indonesian message.

Sources and the decisions where regulation is silent: docs/aturan-perhitungan.md.
- Target 0: realisasi 0 gives capaian 1.0 (the target "0 kasus" is met exactly, in any polaritas);
  any other realisasi gives "N/A", because a ratio against 0 has no meaning. No division by 0.
- Negative target: rejected (InvalidValue). R/T flips its direction below 0 and (2T-R)/T makes no
  sense for "less is better" counts; restate such indicators (e.g. as a positive rate).
- Rentang: the rule for individual performance targets borrowed from PermenPAN-RB 6/2022
  (which replaced 8/2021; no LKjIP regulation defines range targets): inside [L, U] capaian is
  1.0; above U it is measured against U as negative polarity, (2U - R) / U; below L against L
  as positive polarity, R / L. A range is typed "60-85", "60 – 85", "60 s.d. 85", "60 s/d 85"
  in Target, or as Target 60 with Batas Atas 85 (parse_rentang).
- No cap: capaian above 100% stays as computed (the reference prints 675%); `maks` caps on
  request.
- Classification happens on the percent rounded half-up to 2 decimals, as displayed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from lkjip_xl.core.scales import (
    DEFAULT_KATEGORI,
    DEFAULT_PREDIKAT,
    Band,
    OrdinalScale,
    band_scale,
    get_scale,
    ordinal_scales,
)
from lkjip_xl.core.values import (
    NA,
    InvalidValue,
    is_blank,
    is_not_available,
    is_percent_text,
    parse_fraction,
    parse_number,
    shown,
)

__all__ = [
    "NA",
    "capaian",
    "efisiensi",
    "kategori",
    "klasifikasi_efisiensi",
    "nilai_komponen",
    "normalise_polaritas",
    "parse_rentang",
    "perubahan",
    "predikat",
    "rasio",
    "rata_rata",
    "realisasi_anggaran",
    "round_half_up",
    "round_percent",
    "tercapai",
]

NAIK, TURUN, RENTANG = "naik", "turun", "rentang"
_POLARITAS = {
    "naik": NAIK,
    "positif": NAIK,
    "+": NAIK,
    "maksimal": NAIK,
    "turun": TURUN,
    "negatif": TURUN,
    "-": TURUN,
    "minimal": TURUN,
    "rentang": RENTANG,
    "range": RENTANG,
    "stabil": RENTANG,
}
# Bounded pieces only (no nested unbounded repeats), so matching stays linear in the length of
# the cell: a number is digits with separators, an optional sign and "%".
_BOUND = r"[-−+]?\s*(?:rp\.?\s*)?\d[\d.,]*\s*%?"
_RANGE = re.compile(
    rf"^\s*({_BOUND})\s*(?:s\.?\s*d\.?|s/d|sampai(?:\s+dengan)?|hingga|[-–—~−])\s*({_BOUND})\s*$",
    re.IGNORECASE,
)
_HUNDRED = Decimal(100)


def normalise_polaritas(polaritas: Any) -> str:
    """ "naik", "turun" or "rentang" from what staff write; blank means "naik"."""
    if is_blank(polaritas):
        return NAIK
    key = str(polaritas).strip().casefold() if isinstance(polaritas, str) else None
    if key not in _POLARITAS:
        raise InvalidValue(f"polaritas tidak dikenal: {shown(polaritas)} (naik/turun/rentang)")
    return _POLARITAS[key]


def _ratio(target: float, realisasi: float, polaritas: str) -> float | str:
    if target < 0:
        raise InvalidValue("target negatif tidak dapat dihitung capaiannya")
    if target == 0:
        return 1.0 if realisasi == 0 else NA
    value = rasio(target, realisasi, polaritas)
    return _finite(value, "capaian tak terhingga: target terlalu kecil terhadap realisasi")


def _finite(value: float, message: str) -> float:
    """Results beyond float range (1e300 / 1e-300) would reach a cell, a percent or a predikat
    as inf; they are invalid input instead, with a message saying which number is off."""
    if not math.isfinite(value):
        raise InvalidValue(message)
    return value


def rasio(target: Any, realisasi: Any, polaritas: str) -> Any:
    """R/T, or (2T - R)/T for "turun", for a positive target: floats or NumPy arrays alike.

    The scalar rule and the array path over long ranges (core.capaian_array) share it, so both
    do the very same IEEE operations and give bit-identical results.
    """
    if polaritas == TURUN:
        return (2.0 * target - realisasi) / target
    return realisasi / target


def _rentang(lower: float, upper: float, realisasi: float) -> float | str:
    if lower > upper:
        raise InvalidValue("rentang target: batas bawah lebih besar dari batas atas")
    if lower <= realisasi <= upper:
        return 1.0
    if realisasi > upper:
        return _ratio(upper, realisasi, TURUN)
    return _ratio(lower, realisasi, NAIK)


def parse_rentang(target: Any, *, persen: bool = False) -> tuple[float, float] | None:
    """(lower, upper) of a range typed in one cell, or None when `target` is no range text.

    Forms: "60-85", "60 – 85", "60 s.d. 85", "60 s/d 85", "60 sampai dengan 85", "60 hingga 85".
    A "%" after a bound marks the indicator's unit ("60%-85%" is 60 to 85, as "92,86%" typed
    in Target reads 92,86); with persen=True such a bound is a fraction instead (0,6), which is
    what a realisasi typed as percent text ("72%") is compared with.
    """
    if not isinstance(target, str) or len(target) > 80:
        return None
    match = _RANGE.match(target)
    if not match:
        return None
    parse = parse_fraction if persen else parse_number
    try:
        lower, upper = parse(match.group(1)), parse(match.group(2))
    except InvalidValue:
        return None
    if lower is None or upper is None:
        return None
    return lower, upper


def _number_or_label(value: Any) -> float | str:
    """A number, or the stripped text when the cell holds a label ("Sangat Tinggi")."""
    try:
        number = parse_fraction(value)
    except InvalidValue:
        if isinstance(value, str):
            return value.strip()
        raise
    assert number is not None  # blanks were handled by the caller
    return number


def _ordinal_for(target: float | str, realisasi: float | str, skala: Any) -> OrdinalScale:
    labels = [v for v in (target, realisasi) if isinstance(v, str)]
    needs_bands = len(labels) == 1
    if not is_blank(skala) and skala is not None:
        scale = get_scale(skala)
        if not isinstance(scale, OrdinalScale):
            raise InvalidValue(f"skala {scale.name} bukan skala ordinal (label -> skor)")
        return scale
    for scale in ordinal_scales():
        if all(scale.knows(label) for label in labels) and (not needs_bands or scale.bands):
            return scale
    names = ", ".join(shown(x) for x in labels)
    raise InvalidValue(f"bukan angka atau label skala yang dikenal: {names}")


def _score(scale: OrdinalScale, value: float | str) -> float:
    if isinstance(value, str):
        return scale.score(value)
    return scale.score(scale.label_for(float(round_half_up(value))))


def capaian(
    target: Any,
    realisasi: Any,
    polaritas: Any = NAIK,
    skala: Any = None,
    *,
    batas_atas: Any = None,
    maks: float | None = None,
) -> float | str:
    """Capaian kinerja as an Excel fraction (1.0 == 100%), or "N/A" when not computable.

    naik: R/T; turun: (2T - R)/T (reference section 3.1); rentang: target "80-90" /
    "80 s.d. 90" or target=lower with batas_atas=upper (see the module docstring). Labels
    ("Sangat Tinggi", "B") are scored with `skala` (a name or [label, skor] rows); without it
    the first built-in ordinal scale knowing both labels is used (ekppd, mutu_ikm, opini_bpk,
    sakip). A number facing a label goes through the scale's bands first (82,99 -> "B").
    Numbers as text are read by parse_fraction, so "92,86%" against a 100% cell is consistent.
    `maks` optionally caps the result (e.g. 1.2); the default is no cap.
    """
    pol = normalise_polaritas(polaritas)
    if is_not_available(target) or is_not_available(realisasi):
        return NA
    if pol != RENTANG and not is_blank(batas_atas):
        raise InvalidValue("batas_atas hanya untuk polaritas 'rentang'")
    bounds = parse_rentang(target, persen=is_percent_text(realisasi))
    if bounds is not None and pol != RENTANG:
        raise InvalidValue(f"target berupa rentang {shown(target)}: isi polaritas 'rentang'")
    if pol == RENTANG:
        result = _capaian_rentang(target, realisasi, bounds, batas_atas)
    else:
        t, r = _number_or_label(target), _number_or_label(realisasi)
        if isinstance(t, str) or isinstance(r, str):
            scale = _ordinal_for(t, r, skala)
            t, r = _score(scale, t), _score(scale, r)
        result = _ratio(t, r, pol)
    if maks is not None and isinstance(result, float):
        result = min(result, maks)
    return result


def _capaian_rentang(
    target: Any, realisasi: Any, bounds: tuple[float, float] | None, batas_atas: Any
) -> float | str:
    r = parse_fraction(realisasi)
    assert r is not None
    upper = parse_fraction(batas_atas)
    if bounds is None:
        lower = parse_fraction(target)
        if upper is None:
            raise InvalidValue("polaritas rentang butuh target '80-90' atau batas_atas")
        assert lower is not None
        bounds = (lower, upper)
    elif upper is not None and (parse_rentang(target) or (0, None))[1] != parse_number(batas_atas):
        raise InvalidValue(
            f"target rentang {shown(target)} dan batas atas {shown(batas_atas)} berbeda; "
            "isi salah satu saja"
        )
    return _rentang(bounds[0], bounds[1], r)


def round_half_up(number: float | int | Decimal, decimals: int = 2) -> Decimal:
    """Round half-up as staff do by hand (Python and Babel round half-even).

    Goes through str() so float noise does not decide a rounding (2.675 -> 2.68).
    """
    if isinstance(number, bool) or not isinstance(number, (int, float, Decimal)):
        raise InvalidValue(f"bukan angka: {shown(number)}")
    if isinstance(number, float) and not math.isfinite(number):
        raise InvalidValue("bukan angka terhingga")
    value = number if isinstance(number, Decimal) else Decimal(str(number))
    if not value.is_finite():
        raise InvalidValue("bukan angka terhingga")
    # quantize needs every digit of the result within the context precision (28 by default).
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, value.adjusted() + decimals + 2)
        return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def round_percent(fraction: float | int | Decimal) -> Decimal:
    """Percent rounded half-up to 2 decimals, the value a report displays and classifies.

    0.99999999 -> Decimal("100.00") (so it is "Tercapai"); 0.714285 -> Decimal("71.43").
    """
    # 12 decimals first strip division noise: 57.14/80 is 0.7142499999999999 as a float, but
    # the report means 71,425% and prints 71,43%.
    value = round_half_up(fraction, 12) if not isinstance(fraction, Decimal) else fraction
    return round_half_up(value * _HUNDRED, 2)


def tercapai(capaian: Any) -> bool:
    """The target is reached: capaian of at least 100,00% as printed (0,99999 counts, as the
    reader sees "100,00%"); N/A or blank is not reached. The one rule every count, sentence and
    colour of both reports uses."""
    if capaian is None or is_not_available(capaian) or isinstance(capaian, str):
        return False
    return round_percent(capaian) >= 100


def _classify(capaian_value: Any, skala: Any) -> Band | None:
    if is_not_available(capaian_value):
        return None
    number = parse_fraction(capaian_value)
    assert number is not None
    return band_scale(skala).classify(float(round_percent(number)))


def predikat(capaian: Any, skala: Any = DEFAULT_PREDIKAT) -> Band | None:
    """Predikat band (label, colour) of a capaian fraction; None for "N/A" or blank."""
    return _classify(capaian, skala)


def kategori(capaian: Any, skala: Any = DEFAULT_KATEGORI) -> Band | None:
    """Kategori band of a capaian fraction on the 5-level scale; None for "N/A" or blank."""
    return _classify(capaian, skala)


def realisasi_anggaran(anggaran: Any, realisasi: Any) -> float | str:
    """Realisasi / anggaran as a fraction (Tabel 3.8); "N/A" when anggaran is 0 or missing."""
    if is_not_available(anggaran) or is_not_available(realisasi):
        return NA
    a, r = parse_number(anggaran), parse_number(realisasi)
    assert a is not None and r is not None
    if a < 0:
        raise InvalidValue("anggaran negatif")
    if a == 0:
        return NA
    return _finite(r / a, "persentase realisasi anggaran tak terhingga: anggaran terlalu kecil")


def efisiensi(capaian_kinerja: Any, capaian_anggaran: Any) -> float | str:
    """Capaian kinerja minus capaian anggaran, both fractions (reference Tabel 3.8).

    Printed arithmetic (docs/angka-tercetak.md): both operands are taken as displayed (percent,
    2 decimals, half-up) before subtracting, so the printed (3) - (4) equals the printed (5):
    94,13% - 94,19% gives -0,06%, where the unrounded difference would print -0,07%.
    """
    if is_not_available(capaian_kinerja) or is_not_available(capaian_anggaran):
        return NA
    kinerja, anggaran = parse_fraction(capaian_kinerja), parse_fraction(capaian_anggaran)
    assert kinerja is not None and anggaran is not None
    _finite(kinerja - anggaran, "efisiensi tak terhingga: angka terlalu besar")
    points = round_percent(kinerja) - round_percent(anggaran)
    return _finite(float(points) / 100.0, "efisiensi tak terhingga: angka terlalu besar")


def klasifikasi_efisiensi(e: Any, skala: Any = "efisiensi") -> str:
    """Label for an efisiensi fraction; the +/-5 point thresholds live in scales.EFISIENSI."""
    band = _classify(e, skala)
    return NA if band is None else band.label


def _flatten(values: Any, depth: int = 2) -> Iterable[Any]:
    """Cells of a range (rows of cells); a list nested deeper is a value, never a loop."""
    if depth and isinstance(values, (list, tuple)):
        for value in values:
            yield from _flatten(value, depth - 1)
    else:
        yield values


def rata_rata(values: Any) -> float | str:
    """Mean ignoring N/A and blanks (capaian sasaran, composite indicators); all N/A -> "N/A".

    Nested lists (Excel ranges) are flattened; text percentages count as fractions.
    """
    numbers = [parse_fraction(v) for v in _flatten(values) if not is_not_available(v)]
    if not numbers:
        return NA
    try:
        total = math.fsum(numbers)  # type: ignore[arg-type]
    except OverflowError:
        total = math.inf
    return _finite(total / len(numbers), "rata-rata tak terhingga: angka terlalu besar")


def nilai_komponen(realisasi: Any, basis: Any = None) -> float | str:
    """Component value in percent points: realisasi/basis*100 (10 of 40 -> 25.0), or realisasi.

    Used for composite indicators such as Komponen standar UKPBJ 2022 (25 and 89 -> 57).
    """
    if is_not_available(realisasi):
        return NA
    r = parse_number(realisasi)
    assert r is not None
    if is_blank(basis):
        return r
    b = parse_number(basis)
    assert b is not None
    if b == 0:
        return NA
    return _finite(r / b * 100.0, "nilai komponen tak terhingga: basis terlalu kecil")


def perubahan(sekarang: Any, sebelumnya: Any) -> float | str:
    """Change against last year in the same unit (fractions give percent points / 100)."""
    if is_not_available(sekarang) or is_not_available(sebelumnya):
        return NA
    now, before = parse_fraction(sekarang), parse_fraction(sebelumnya)
    assert now is not None and before is not None
    return _finite(now - before, "perubahan tak terhingga: angka terlalu besar")
