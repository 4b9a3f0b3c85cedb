"""Indeks Kepuasan Masyarakat (IKM) per PermenPAN-RB 14/2017.

Nine unsur, each answered 1-4; NRR per unsur is the mean answer; IKM = sum(NRR x 1/9) x 25.
Rounding happens only at the end (for the mutu), as the regulation's worked example does.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from lkjip_xl.core.rules import round_half_up
from lkjip_xl.core.scales import MUTU_IKM_BANDS
from lkjip_xl.core.values import InvalidValue, is_blank, parse_number

UNSUR_IKM: tuple[tuple[str, str], ...] = (
    ("U1", "Persyaratan"),
    ("U2", "Sistem, Mekanisme, dan Prosedur"),
    ("U3", "Waktu Penyelesaian"),
    ("U4", "Biaya/Tarif"),
    ("U5", "Produk Spesifikasi Jenis Pelayanan"),
    ("U6", "Kompetensi Pelaksana"),
    ("U7", "Perilaku Pelaksana"),
    ("U8", "Penanganan Pengaduan, Saran dan Masukan"),
    ("U9", "Sarana dan Prasarana"),
)
JUMLAH_UNSUR = len(UNSUR_IKM)
_BOBOT = 25.0 / JUMLAH_UNSUR  # 1/9 weight times the conversion factor 25


def _score(value: Any, where: str) -> float:
    number = parse_number(value)
    if number is None:
        raise InvalidValue(f"{where}: nilai kosong")
    if not 1.0 <= number <= 4.0:
        raise InvalidValue(f"{where}: nilai {number:g} di luar 1-4")
    return number


def ikm_dari_nrr(nrr: Sequence[Any]) -> float:
    """IKM (unrounded) from the 9 NRR values in unsur order U1..U9."""
    values = list(nrr)
    if len(values) != JUMLAH_UNSUR:
        raise InvalidValue(f"IKM butuh {JUMLAH_UNSUR} nilai unsur, bukan {len(values)}")
    scores = [_score(v, UNSUR_IKM[i][0]) for i, v in enumerate(values)]
    return math.fsum(scores) * _BOBOT


def ikm_dari_jawaban(rows: Sequence[Sequence[Any]]) -> float:
    """IKM from raw answers: one row per respondent with 9 answers 1-4; empty rows skipped."""
    answers: list[list[float]] = []
    for number, row in enumerate(rows, start=1):
        cells = list(row)
        if all(is_blank(c) for c in cells):
            continue
        if len(cells) != JUMLAH_UNSUR:
            raise InvalidValue(f"baris {number}: butuh {JUMLAH_UNSUR} jawaban, bukan {len(cells)}")
        scores = [_score(c, f"baris {number} {UNSUR_IKM[i][0]}") for i, c in enumerate(cells)]
        if any(not s.is_integer() for s in scores):
            raise InvalidValue(f"baris {number}: jawaban harus bilangan bulat 1-4")
        answers.append(scores)
    if not answers:
        raise InvalidValue("tidak ada jawaban responden")
    nrr = [math.fsum(col) / len(answers) for col in zip(*answers, strict=True)]
    return ikm_dari_nrr(nrr)


def mutu_ikm(nilai: Any) -> tuple[str, str]:
    """Mutu (label, keterangan) of an IKM value: 82,99 -> ("B", "Baik").

    Classified on the value rounded half-up to 2 decimals, as published; outside 25-100 is
    invalid (the lowest possible IKM is 25).
    """
    number = parse_number(nilai)
    if number is None:
        raise InvalidValue("nilai IKM kosong")
    shown_value = float(round_half_up(number))
    band = MUTU_IKM_BANDS.classify(shown_value)
    return band.label, band.description
