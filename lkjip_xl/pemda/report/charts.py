"""The Pemda report's bar charts, drawn for their printed size: every text at least 8 pt when
the picture is set WIDTH_CM wide (the shared report.charts draws 7 pt text on a 6.3 in figure,
about 6.6 pt once scaled to the text width). The legend lists only the predikat that occur."""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter

from lkjip_xl.report import charts
from lkjip_xl.report.chartstyle import plain

#: Width the pictures are set at in the document, and the figure width drawn for it (1:1).
WIDTH_CM = 15.0
FIG_IN = WIDTH_CM / 2.54
#: Smallest text in the chart, in points at printed size.
FONT_PT = 8.5


def legend_of(
    bars: Sequence[charts.Bar], scale: Sequence[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The (label, colour) entries of `scale` whose colour a bar has, then N/A if a bar is
    N/A: a legend never lists a category the chart does not show."""
    colours = {b.colour for b in bars if b.value is not None}
    out = [(label, colour) for label, colour in scale if colour in colours]
    if any(b.value is None for b in bars):
        out.append(("N/A", charts.NA_COLOUR))
    return out


def capaian_bars(bars: Sequence[charts.Bar], scale: Sequence[tuple[str, str]]) -> io.BytesIO:
    """Horizontal capaian bars coloured by predikat, the 100% line, value labels."""
    bars = list(bars)[: charts.MAX_BARS]
    legend = legend_of(bars, scale)
    fig = charts._figure(FIG_IN, max(2.4, 0.5 * len(bars) + 1.2))
    labels = [charts._wrap(b.label, 34) for b in bars]
    left = charts._labels_in(labels, FONT_PT) + charts._TICKS_IN
    ax = charts._axes(fig, left, 0.15, 0.1, 0.55 + charts._LEGEND_IN)
    ys = list(range(len(bars)))[::-1]
    values = [b.value if b.value is not None else 0.0 for b in bars]
    colours = [b.colour if b.value is not None else charts.NA_COLOUR for b in bars]
    ax.barh(ys, values, color=colours, height=0.6)
    top = max([100.0, *values])
    for y, bar, v in zip(ys, bars, values, strict=True):
        ax.text(v + top * 0.01, y, plain(bar.text), va="center", fontsize=FONT_PT)
    ax.axvline(100, color="black", linewidth=0.8, linestyle="--")
    ax.set_yticks(ys)
    ax.set_yticklabels(labels, fontsize=FONT_PT)
    ax.tick_params(axis="x", labelsize=FONT_PT)
    ax.set_xlim(0, top * 1.18)
    ax.xaxis.set_major_formatter(FuncFormatter(charts._percent_axis))
    ax.set_xlabel("Capaian", fontsize=FONT_PT)
    handles = [Rectangle((0, 0), 1, 1, color=c) for _, c in legend]
    fig.legend(handles, [plain(label) for label, _ in legend], fontsize=FONT_PT,
               loc="lower center", ncol=max(1, len(legend)), frameon=False)  # fmt: skip
    return charts._png(fig)


def budget_bars(
    labels: Sequence[str],
    anggaran: Sequence[float],
    realisasi: Sequence[float],
    texts: Sequence[str],
    unit: float = 1e9,
    unit_label: str = "miliar Rp",
) -> io.BytesIO:
    """Anggaran and realisasi side by side per OPD, in miliar Rupiah."""
    n = len(labels)
    fig = charts._figure(FIG_IN, max(2.6, 0.65 * n + 1.2))
    ticks = [charts._wrap(label, 28) for label in labels]
    left = charts._labels_in(ticks, FONT_PT) + charts._TICKS_IN
    ax = charts._axes(fig, left, 0.15, 0.1, 0.55 + charts._LEGEND_IN)
    ys = list(range(n))[::-1]
    a = [x / unit for x in anggaran]
    r = [x / unit for x in realisasi]
    ax.barh([y + 0.18 for y in ys], a, height=0.36, color=charts.ANGGARAN_COLOUR,
            label="Anggaran")  # fmt: skip
    ax.barh([y - 0.18 for y in ys], r, height=0.36, color=charts.REALISASI_COLOUR,
            label="Realisasi")  # fmt: skip
    top = max([*a, *r, 1e-9])
    for y, v, t in zip(ys, r, texts, strict=True):
        ax.text(v + top * 0.01, y - 0.18, plain(t), va="center", fontsize=FONT_PT)
    ax.set_yticks(ys)
    ax.set_yticklabels(ticks, fontsize=FONT_PT)
    ax.tick_params(axis="x", labelsize=FONT_PT)
    ax.set_xlim(0, top * 1.22)
    ax.set_xlabel(plain(unit_label), fontsize=FONT_PT)
    fig.legend(fontsize=FONT_PT, loc="lower center", ncol=2, frameon=False)
    return charts._png(fig)
