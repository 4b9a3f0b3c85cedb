"""Charts for BAB III (matplotlib, Agg backend, PNG at 200 dpi in memory); the organisation
chart of BAB I is report.orgchart (its names are re-exported here).

Inputs are already-evaluated values: bar lengths are the displayed percent
(``rules.round_percent``), labels come from ``numbers.format_persen``/``format_rupiah``, colours
from the predikat Band. Nothing is computed here. Every text passes through
``chartstyle.plain`` (no mathtext). Axes are placed from measured label widths and each figure
is drawn once, when it is saved.

Size limits for Pemda-scale models (documented in the report builder too): a chart draws at most
``MAX_BARS`` bars; beyond that the caller aggregates (capaian per sasaran instead of per
indicator; trend as counts per year instead of one line per indicator).
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter

from lkjip_xl.report import textmetrics
from lkjip_xl.report.chartstyle import DPI, plain
from lkjip_xl.report.orgchart import (
    MAX_ORG_UNITS,
    ORG_LARGE_LEVELS,
    OrgChart,
    OrgUnit,
    org_chart,
    org_tree,
)
from lkjip_xl.report.tablelayout import PORTRAIT_TEXT_CM

__all__ = [
    "DPI",
    "MAX_BARS",
    "MAX_ORG_UNITS",
    "ORG_LARGE_LEVELS",
    "Bar",
    "OrgChart",
    "OrgUnit",
    "budget_bars",
    "capaian_bars",
    "legend_of",
    "org_chart",
    "org_tree",
    "plain",
    "trend_counts",
    "trend_lines",
]

MAX_BARS = 40
#: Charts are drawn at the width they are printed (the portrait text width; wider pages only
#: enlarge them), so the sizes below are sizes on paper: a reviewer reads 8 pt and more.
WIDTH_CM = PORTRAIT_TEXT_CM
FIG_IN = WIDTH_CM / 2.54
FONT_PT = 8.5  # labels, ticks, legends
SMALL_PT = 7.5  # point labels and titles of the small-multiple trend charts
NA_COLOUR = "#A6A6A6"
ANGGARAN_COLOUR = "#7F7F7F"
REALISASI_COLOUR = "#0070C0"


@dataclass
class Bar:
    label: str
    value: float | None  # percent as displayed (107.69); None for N/A
    text: str  # "107,69%" or "N/A"
    colour: str


def legend_of(bars: Sequence[Bar], scale: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (label, colour) entries of `scale` that some bar shows, then N/A if a bar is N/A:
    a legend never lists a category the chart does not show."""
    colours = {b.colour for b in bars if b.value is not None}
    out = [(label, colour) for label, colour in scale if colour in colours and label != "N/A"]
    if any(b.value is None for b in bars):
        out.append(("N/A", NA_COLOUR))
    return out


def _figure(width_in: float, height_in: float) -> Figure:
    """A figure outside pyplot (no global state to close). Axes are placed by hand from
    measured label widths (_axes): matplotlib's layout engines measure by drawing, which
    cost as much as the drawing itself."""
    fig = Figure(figsize=(width_in, height_in))
    FigureCanvasAgg(fig)
    return fig


def _axes(fig: Figure, left: float, right: float, top: float, bottom: float, x0: float = 0.0,
          y0: float = 0.0, width: float | None = None, height: float | None = None):  # type: ignore[no-untyped-def]  # fmt: skip
    """Axes inside the box (x0, y0 from the top left, width, height; inches; default the
    figure) less the margins."""
    fw, fh = fig.get_size_inches()
    width = fw - x0 if width is None else width
    height = fh - y0 if height is None else height
    return fig.add_axes(
        (
            (x0 + left) / fw,
            (fh - y0 - height + bottom) / fh,
            max(0.1, width - left - right) / fw,
            max(0.1, height - top - bottom) / fh,
        )
    )


def _labels_in(labels: Sequence[str], size_pt: float) -> float:
    """Width in inches of the widest line of tick labels (Arial metrics)."""
    lines = [line for label in labels for line in label.split("\n")]
    return max((textmetrics.width_em(line) * size_pt / 72 for line in lines), default=0.0)


_TICKS_IN = 0.15  # tick marks and their padding
_LEGEND_IN = 0.3  # one row of legend under the axes


def _png(fig: Figure) -> io.BytesIO:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    buf.seek(0)
    return buf


def _wrap(label: str, width: int = 38) -> str:
    return plain("\n".join(textwrap.wrap(label, width)[:3]) or label)


def _percent_axis(value: float, _pos: object) -> str:
    return f"{value:.0f}%"


def capaian_bars(bars: Sequence[Bar], title: str, legend: Sequence[tuple[str, str]]) -> io.BytesIO:
    """Horizontal bars of capaian, coloured by predikat, with the 100% line and value labels."""
    bars = list(bars)[:MAX_BARS]
    legend = legend_of(bars, legend)
    height = max(2.4, 0.45 * len(bars) + 1.2)
    fig = _figure(FIG_IN, height)
    labels = [_wrap(b.label, 34) for b in bars]
    ax = _axes(fig, _labels_in(labels, FONT_PT) + _TICKS_IN, 0.15, 0.1, 0.55 + _LEGEND_IN)
    ys = list(range(len(bars)))[::-1]
    values = [b.value if b.value is not None else 0.0 for b in bars]
    ax.barh(
        ys, values, color=[b.colour if b.value is not None else NA_COLOUR for b in bars], height=0.6
    )
    top = max([100.0, *values])
    for y, bar, v in zip(ys, bars, values, strict=False):
        ax.text(v + top * 0.01, y, plain(bar.text), va="center", fontsize=FONT_PT)
    ax.axvline(100, color="black", linewidth=0.8, linestyle="--")
    ax.set_yticks(ys)
    ax.set_yticklabels(labels, fontsize=FONT_PT)
    ax.tick_params(axis="x", labelsize=FONT_PT)
    ax.set_xlim(0, top * 1.18)
    ax.xaxis.set_major_formatter(FuncFormatter(_percent_axis))
    ax.set_xlabel("Capaian", fontsize=FONT_PT)
    handles = [Rectangle((0, 0), 1, 1, color=c) for _, c in legend]
    fig.legend(
        handles,
        [plain(lbl) for lbl, _ in legend],
        fontsize=FONT_PT,
        loc="lower center",
        ncol=max(1, len(legend)),
        frameon=False,
    )
    return _png(fig)


def texts_of(points: Sequence[tuple]) -> list[str]:  # type: ignore[type-arg]
    """Point labels: the third item of a point when given (formatted by the caller)."""
    return [p[2] if len(p) > 2 else "" for p in points]


def trend_lines(
    series: Sequence[tuple[str, Sequence[tuple]]],  # type: ignore[type-arg]
    title: str,
    width_cm: float = WIDTH_CM,
) -> io.BytesIO:
    """Small multiples: capaian per year for each indicator (N/A years left as gaps).

    Points are (year, percent or None, label text such as "107,69%" or "N/A"). Drawn
    `width_cm` wide (a landscape page: three charts per row, so the picture stays low enough
    to be printed at that width)."""
    n = len(series)
    width_in = width_cm / 2.54
    cols = max(1, min(n, int(width_cm // 7)))
    rows = (n + cols - 1) // cols
    cell_w, cell_h = width_in / cols, 1.85
    fig = _figure(width_in, cell_h * rows + 0.3)
    titles = [_wrap(label, 40) for label, _ in series]
    lines = [
        max(t.count("\n") + 1 for t in titles[r * cols : r * cols + cols]) for r in range(rows)
    ]
    for i, (_, points) in enumerate(series):
        title = titles[i]
        title_in = lines[i // cols] * SMALL_PT * 1.2 / 72 + 0.1  # one height per row
        ax = _axes(
            fig, 0.5, 0.15, title_in, 0.3, (i % cols) * cell_w, 0.2 + (i // cols) * cell_h,
            cell_w, cell_h,
        )  # fmt: skip
        years = [p[0] for p in points]
        vals = [p[1] for p in points]
        ax.plot(
            years,
            [v if v is not None else float("nan") for v in vals],
            marker="o",
            color=REALISASI_COLOUR,
        )
        for y, v, t in zip(years, vals, texts_of(points), strict=False):
            if v is None:
                ax.annotate(
                    plain(t),
                    (y, 0.06),
                    xycoords=("data", "axes fraction"),
                    ha="center",
                    fontsize=SMALL_PT,
                    color="#7F7F7F",
                )
            else:
                ax.annotate(
                    plain(t),
                    (y, v),
                    textcoords="offset points",
                    xytext=(0, 5),
                    ha="center",
                    fontsize=SMALL_PT,
                )
        known = [v for v in vals if v is not None]
        low, high = min([100.0, *known]), max([100.0, *known])
        pad = max(5.0, (high - low) * 0.2)
        ax.set_ylim(low - pad, high + pad)
        ax.set_xlim(min(years) - 0.5, max(years) + 0.5)
        ax.axhline(100, color="black", linewidth=0.6, linestyle="--")
        ax.set_xticks(years)
        ax.set_title(title, fontsize=SMALL_PT)
        ax.yaxis.set_major_formatter(FuncFormatter(_percent_axis))
        ax.tick_params(labelsize=SMALL_PT)
        ax.margins(y=0.25)
    return _png(fig)


def trend_counts(
    years: Sequence[int], groups: Sequence[tuple[str, str, Sequence[int]]], title: str
) -> io.BytesIO:
    """Stacked bars per year: how many indicators reached, missed or were not measurable."""
    fig = _figure(FIG_IN, 3.0)
    ax = _axes(fig, 0.6, 0.15, 0.2, 0.35 + _LEGEND_IN)
    bottom = [0] * len(years)
    for label, colour, counts in groups:
        ax.bar([str(y) for y in years], counts, bottom=bottom, color=colour, label=plain(label))
        bottom = [b + c for b, c in zip(bottom, counts, strict=False)]
    ax.set_ylabel("Jumlah indikator", fontsize=FONT_PT)
    ax.tick_params(labelsize=FONT_PT)
    fig.legend(fontsize=FONT_PT, loc="lower center", ncol=3, frameon=False)
    return _png(fig)


def budget_bars(
    labels: Sequence[str],
    anggaran: Sequence[float],
    realisasi: Sequence[float],
    texts: Sequence[str],
    title: str,
    unit: float = 1e9,
    unit_label: str = "miliar Rp",
) -> io.BytesIO:
    """Grouped horizontal bars: anggaran vs realisasi per sasaran (and total), in miliar Rp."""
    labels, anggaran, realisasi = list(labels), list(anggaran), list(realisasi)
    n = len(labels)
    fig = _figure(FIG_IN, max(2.6, 0.4 * n + 1.2))  # 12 sasaran stay under a page's 18,5 cm
    ticks = [_wrap(lbl, 28) for lbl in labels]
    ax = _axes(fig, _labels_in(ticks, FONT_PT) + _TICKS_IN, 0.15, 0.1, 0.55 + _LEGEND_IN)
    ys = list(range(n))[::-1]
    a = [x / unit for x in anggaran]
    r = [x / unit for x in realisasi]
    ax.barh([y + 0.18 for y in ys], a, height=0.36, color=ANGGARAN_COLOUR, label="Anggaran")
    ax.barh([y - 0.18 for y in ys], r, height=0.36, color=REALISASI_COLOUR, label="Realisasi")
    top = max([*a, *r, 1e-9])
    for y, v, t in zip(ys, r, texts, strict=False):
        ax.text(v + top * 0.01, y - 0.18, plain(t), va="center", fontsize=FONT_PT)
    ax.set_yticks(ys)
    ax.set_yticklabels(ticks, fontsize=FONT_PT)
    ax.tick_params(axis="x", labelsize=FONT_PT)
    ax.set_xlim(0, top * 1.22)
    ax.set_xlabel(plain(unit_label), fontsize=FONT_PT)
    fig.legend(fontsize=FONT_PT, loc="lower center", ncol=2, frameon=False)
    return _png(fig)
