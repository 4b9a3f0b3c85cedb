"""Cascading: the realisasi of an IKU Pemda from the realisasi of OPD indicators (pure).

Methods (tblKaskadeIKU "Metode"):
- ``sama``: the one source's realisasi, number or label, as it is;
- ``rata-rata``: the mean of the sources' realisasi;
- ``jumlah``: their sum (e.g. a count every kecamatan reports);
- ``tertimbang``: sum(bobot x realisasi) / sum(bobot) (e.g. weighted by population).

A source without realisasi for the year makes the result N/A, with the reason: a mean or sum
over the sources that did report would silently change what the IKU measures. Labels
("Sangat Tinggi") only pass through ``sama``; the other methods need numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_xl.core.values import NA, InvalidValue, is_not_available, parse_number

CARA = {
    "sama": "sama dengan realisasi indikator OPD",
    "rata-rata": "rata-rata realisasi indikator OPD",
    "jumlah": "jumlah realisasi indikator OPD",
    "tertimbang": "rata-rata tertimbang realisasi indikator OPD (Σ bobot × realisasi ÷ Σ bobot)",
}


@dataclass
class Sumber:
    """One source value: a label for messages ("DINKES IKU3"), its realisasi and weight."""

    label: str
    realisasi: object
    bobot: float | None = None


@dataclass
class Hasil:
    nilai: float | str  # the IKU realisasi, or "N/A"
    alasan: str = ""  # why N/A


def gabung(metode: str, sumber: Sequence[Sumber]) -> Hasil:
    """Combine the sources' realisasi with the method; raises InvalidValue for a label under
    a numeric method or an unknown method."""
    if not sumber:
        return Hasil(NA, "tidak ada indikator sumber")
    missing = [s.label for s in sumber if is_not_available(s.realisasi)]
    if metode == "sama":
        value = sumber[0].realisasi
        if missing:
            text = value.strip() if isinstance(value, str) and value.strip() else NA
            return Hasil(text, f"realisasi {sumber[0].label} belum tersedia")
        return Hasil(value if isinstance(value, str) else float(value))  # type: ignore[arg-type]
    if metode not in CARA:
        raise InvalidValue(f"metode kaskade tidak dikenal: {metode!r}")
    if missing:
        return Hasil(NA, "realisasi belum tersedia: " + ", ".join(missing))
    numbers = []
    for s in sumber:
        try:
            number = parse_number(s.realisasi)
        except InvalidValue:
            raise InvalidValue(
                f"metode {metode} membutuhkan angka, tetapi realisasi {s.label} berupa "
                f"{str(s.realisasi)!r}"
            ) from None
        assert number is not None
        numbers.append(number)
    if metode == "rata-rata":
        return Hasil(math.fsum(numbers) / len(numbers))
    if metode == "jumlah":
        return Hasil(math.fsum(numbers))
    weights = [s.bobot for s in sumber]
    if any(w is None or w <= 0 for w in weights):
        raise InvalidValue("metode tertimbang membutuhkan bobot lebih dari 0 untuk setiap sumber")
    total = math.fsum(weights)  # type: ignore[arg-type]
    return Hasil(math.fsum(w * n for w, n in zip(weights, numbers, strict=True)) / total)  # type: ignore[operator]
