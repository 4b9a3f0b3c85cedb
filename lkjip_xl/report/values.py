"""How the report prints values: rupiah with terbilang, target/realisasi, capaian and predikat
cells, dates. A mixin of the Writer, so section modules call ``w.rupiah(...)`` and friends
(targets and realisasi: ``report.sections.teks``, over ``core.numbers.format_target``).

Every number goes through ``lkjip_xl.core.numbers`` (formatting) and ``lkjip_xl.core.rules``
(computing); nothing is computed here.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date

from lkjip_xl.core import rules
from lkjip_xl.core.model import Identitas, Indikator, KinerjaTahun, Laporan
from lkjip_xl.core.numbers import format_persen, format_rupiah
from lkjip_xl.core.terbilang import terbilang
from lkjip_xl.core.values import NA, is_not_available
from lkjip_xl.report.tablecell import Cell

Part = tuple[str, str]  # (text, flags): flags of "b" bold, "i" italic, "u" underline


class Values:
    lap: Laporan
    ident: Identitas

    def rupiah(self, amount: object) -> str:
        return format_rupiah(amount, self.ident.gaya_rupiah or "puebi")

    def rupiah_parts(self, amount: object) -> list[Part]:
        """ "Rp68.269.806.788 (enam puluh delapan miliar ... rupiah)" with the words in italics."""
        if amount is None or is_not_available(amount):
            return [(NA, "")]
        return [(self.rupiah(amount) + " (", ""), (terbilang(amount, rupiah=True), "i"), (")", "")]

    @staticmethod
    def persen(fraction: object) -> str:
        return format_persen(fraction)

    def predikat_cell(self, kin: KinerjaTahun | None) -> Cell:
        if kin is None or kin.predikat is None:
            return Cell(NA, align="center")
        band = kin.predikat
        return Cell(band.label, align="center", fill=band.colour, bold=True)

    def capaian_cell(self, kin: KinerjaTahun | None) -> Cell:
        if kin is None:
            return Cell(NA, align="center")
        fill = kin.predikat.colour if kin.predikat else None
        return Cell(format_persen(kin.capaian), align="center", fill=fill)

    def tanggal(self) -> str:
        """Signature date: an ISO date becomes "28 Februari 2023"; other text stays as typed."""
        raw = (self.ident.tanggal or "").strip()
        try:
            day = dt.date.fromisoformat(raw[:10])
        except ValueError:
            return raw or str(self.ident.tahun + 1)
        return format_date(day, "d MMMM y", locale="id")

    def tahun_terbit(self) -> int:
        """Year of publication: the year in Identitas 'Tanggal', else report year + 1."""
        match = re.search(r"\b(19|20)\d{2}\b", self.ident.tanggal or "")
        return int(match.group(0)) if match else self.ident.tahun + 1

    # -- indicator helpers ------------------------------------------------------------------

    def kinerja(self, ind: Indikator, tahun: int | None = None) -> KinerjaTahun | None:
        return ind.pada(self.lap.tahun if tahun is None else tahun)

    def measured(self, kin: KinerjaTahun | None) -> bool:
        return kin is not None and kin.capaian != NA

    @staticmethod
    def percent_value(fraction: object) -> float | None:
        """Displayed percent as a float for chart geometry (rules.round_percent), or None."""
        if fraction is None or is_not_available(fraction):
            return None
        return float(rules.round_percent(fraction))  # type: ignore[arg-type]
