"""Capaian over whole columns, for array UDF calls over long ranges.

Rows of plain numbers with a positive target get rules.rasio on NumPy arrays: the same
operations as the scalar rule, so the same bits. Rows where either side is blank or "N/A" are
N/A, as rules.capaian decides before it parses anything. Every other row (labels, text numbers,
rentang, target 0 or negative, overflow) is left for rules.capaian itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lkjip_xl.core.columns import Column
from lkjip_xl.core.rules import NAIK, TURUN, rasio


@dataclass(frozen=True)
class CapaianColumn:
    values: np.ndarray  # float64 capaian where `done`
    done: np.ndarray
    not_available: np.ndarray  # capaian is "N/A"

    @property
    def rest(self) -> np.ndarray:
        """Rows that need rules.capaian value by value."""
        return ~(self.done | self.not_available)


def capaian_columns(target: Column, realisasi: Column, turun: np.ndarray | bool) -> CapaianColumn:
    """Capaian per row; `turun` marks rows of polaritas "turun", the others are "naik".

    Only for rows whose polaritas is naik or turun: rentang and invalid polaritas are the
    caller's to send to rules.capaian.
    """
    t, r = target.numbers, realisasi.numbers
    with np.errstate(all="ignore"):  # NaN rows and overflow are masked out below
        if isinstance(turun, bool):
            values = rasio(t, r, TURUN if turun else NAIK)
        else:
            values = np.where(turun, rasio(t, r, TURUN), rasio(t, r, NAIK))
        done = target.plain & realisasi.plain & (t > 0) & np.isfinite(values)
    missing = target.blank | target.not_available | realisasi.blank | realisasi.not_available
    return CapaianColumn(values, done, missing)
