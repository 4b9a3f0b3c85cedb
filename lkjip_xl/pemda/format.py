"""How the Pemda report prints a value, in one place: the report and Jejak Data call the same
functions, so the text in a table and the text in Jejak Data are the same string."""

from __future__ import annotations

from lkjip_xl.core.numbers import format_angka, format_persen, format_rupiah, format_target
from lkjip_xl.core.rules import round_percent
from lkjip_xl.core.values import NA, is_not_available


def nilai(
    value: object, satuan: str = "", batas_atas: object = None, *, with_unit: bool = True
) -> str:
    """A target or realisasi: "92,86%", "72,40", "Sangat Tinggi", "12 kasus", "60–85%", "-";
    the OPD report's one formatter, so both reports print a value alike. `with_unit=False`
    for tables with their own Satuan column ("12", but still "92,86%")."""
    return format_target(value, batas_atas, satuan, with_unit=with_unit)


def persen(fraction: object) -> str:
    """A capaian or a percentage: "107,69%", "N/A"."""
    if fraction is None or is_not_available(fraction):
        return NA
    return format_persen(fraction)


def poin(fraction: object) -> str:
    """An efisiensi, the difference of two printed percentages, in percent points: "5,14",
    "-2,10" (no "%"; docs/angka-tercetak.md), as the OPD report prints it."""
    if fraction is None or is_not_available(fraction):
        return NA
    return format_angka(round_percent(fraction), 2)  # type: ignore[arg-type]


def rupiah(amount: object, gaya: str = "puebi") -> str:
    if amount is None or is_not_available(amount):
        return "-"
    return format_rupiah(amount, gaya or "puebi")


def mentah(value: object) -> str:
    """A raw cell value for Jejak Data: numbers in Indonesian notation, text as typed."""
    if value is None:
        return "(kosong)"
    if isinstance(value, bool):
        return "BENAR" if value else "SALAH"
    if isinstance(value, (int, float)):
        return format_angka(value)
    return str(value)
