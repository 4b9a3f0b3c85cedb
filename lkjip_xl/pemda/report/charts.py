"""The Pemda report's bar charts: the shared report.charts, drawn for their printed size (text
of at least 8 pt at WIDTH_CM) with a legend of the predikat that occur."""

from __future__ import annotations

import io
from collections.abc import Sequence

from lkjip_xl.report import charts
from lkjip_xl.report.charts import FIG_IN, FONT_PT, WIDTH_CM, legend_of

__all__ = ["FIG_IN", "FONT_PT", "WIDTH_CM", "budget_bars", "capaian_bars", "legend_of"]


def capaian_bars(bars: Sequence[charts.Bar], scale: Sequence[tuple[str, str]]) -> io.BytesIO:
    """Horizontal capaian bars coloured by predikat, the 100% line, value labels."""
    return charts.capaian_bars(bars, "", scale)


def budget_bars(
    labels: Sequence[str],
    anggaran: Sequence[float],
    realisasi: Sequence[float],
    texts: Sequence[str],
    unit: float = 1e9,
    unit_label: str = "miliar Rp",
) -> io.BytesIO:
    """Anggaran and realisasi side by side per OPD, in miliar Rupiah."""
    return charts.budget_bars(labels, anggaran, realisasi, texts, "", unit, unit_label)
