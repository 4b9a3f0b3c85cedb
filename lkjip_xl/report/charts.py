"""Charts for BAB III and the organisation chart of BAB I (matplotlib, Agg backend, PNG at
200 dpi in memory).

Inputs are already-evaluated values: bar lengths are the displayed percent
(``rules.round_percent``), labels come from ``numbers.format_persen``/``format_rupiah``, colours
from the predikat Band. Nothing is computed here.

Size limits for Pemda-scale models (documented in the report builder too): a chart draws at most
``MAX_BARS`` bars; beyond that the caller aggregates (capaian per sasaran instead of per
indicator; trend as counts per year instead of one line per indicator).
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

DPI = 200
MAX_BARS = 40
NA_COLOUR = "#A6A6A6"
ANGGARAN_COLOUR = "#7F7F7F"
REALISASI_COLOUR = "#0070C0"

plt.rcParams.update(
    {
        "font.family": "sans-serif",
        "font.sans-serif": ["Arial", "Liberation Sans", "DejaVu Sans"],
        "font.size": 8,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


@dataclass
class Bar:
    label: str
    value: float | None  # percent as displayed (107.69); None for N/A
    text: str  # "107,69%" or "N/A"
    colour: str


def _png(fig, *, tight: bool = True) -> io.BytesIO:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight" if tight else None)
    plt.close(fig)
    buf.seek(0)
    return buf


def _wrap(label: str, width: int = 38) -> str:
    return "\n".join(textwrap.wrap(label, width)[:3]) or label


def _percent_axis(value: float, _pos: object) -> str:
    return f"{value:.0f}%"


def capaian_bars(bars: Sequence[Bar], title: str, legend: Sequence[tuple[str, str]]) -> io.BytesIO:
    """Horizontal bars of capaian, coloured by predikat, with the 100% line and value labels."""
    bars = list(bars)[:MAX_BARS]
    height = max(2.2, 0.42 * len(bars) + 1.0)
    fig, ax = plt.subplots(figsize=(6.3, height))
    ys = list(range(len(bars)))[::-1]
    values = [b.value if b.value is not None else 0.0 for b in bars]
    ax.barh(
        ys, values, color=[b.colour if b.value is not None else NA_COLOUR for b in bars], height=0.6
    )
    top = max([100.0, *values])
    for y, bar, v in zip(ys, bars, values, strict=False):
        ax.text(v + top * 0.01, y, bar.text, va="center", fontsize=7)
    ax.axvline(100, color="black", linewidth=0.8, linestyle="--")
    ax.set_yticks(ys)
    ax.set_yticklabels([_wrap(b.label) for b in bars], fontsize=7)
    ax.set_xlim(0, top * 1.15)
    ax.xaxis.set_major_formatter(FuncFormatter(_percent_axis))
    ax.set_xlabel("Capaian")
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for _, c in legend]
    ax.legend(
        handles,
        [lbl for lbl, _ in legend],
        fontsize=7,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 - 0.6 / height),
        ncol=len(legend),
        frameon=False,
    )
    return _png(fig)


def texts_of(points: Sequence[tuple]) -> list[str]:  # type: ignore[type-arg]
    """Point labels: the third item of a point when given (formatted by the caller)."""
    return [p[2] if len(p) > 2 else "" for p in points]


def trend_lines(
    series: Sequence[tuple[str, Sequence[tuple]]],  # type: ignore[type-arg]
    title: str,
) -> io.BytesIO:
    """Small multiples: capaian per year for each indicator (N/A years left as gaps).

    Points are (year, percent or None, label text such as "107,69%" or "N/A")."""
    n = len(series)
    cols = 2 if n > 1 else 1
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(6.3, 2.1 * rows + 0.4), squeeze=False)
    for ax, (label, points) in zip(axes.flat, series, strict=False):
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
                    t,
                    (y, 0.06),
                    xycoords=("data", "axes fraction"),
                    ha="center",
                    fontsize=6,
                    color="#7F7F7F",
                )
            else:
                ax.annotate(
                    t, (y, v), textcoords="offset points", xytext=(0, 5), ha="center", fontsize=6
                )
        known = [v for v in vals if v is not None]
        low, high = min([100.0, *known]), max([100.0, *known])
        pad = max(5.0, (high - low) * 0.2)
        ax.set_ylim(low - pad, high + pad)
        ax.set_xlim(min(years) - 0.5, max(years) + 0.5)
        ax.axhline(100, color="black", linewidth=0.6, linestyle="--")
        ax.set_xticks(years)
        ax.set_title(_wrap(label, 45), fontsize=7)
        ax.yaxis.set_major_formatter(FuncFormatter(_percent_axis))
        ax.tick_params(labelsize=6)
        ax.margins(y=0.25)
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    fig.tight_layout()
    return _png(fig)


def trend_counts(
    years: Sequence[int], groups: Sequence[tuple[str, str, Sequence[int]]], title: str
) -> io.BytesIO:
    """Stacked bars per year: how many indicators reached, missed or were not measurable."""
    fig, ax = plt.subplots(figsize=(6.3, 3.0))
    bottom = [0] * len(years)
    for label, colour, counts in groups:
        ax.bar([str(y) for y in years], counts, bottom=bottom, color=colour, label=label)
        bottom = [b + c for b, c in zip(bottom, counts, strict=False)]
    ax.set_ylabel("Jumlah indikator")
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, frameon=False)
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
    fig, ax = plt.subplots(figsize=(6.3, max(2.4, 0.55 * n + 1.0)))
    ys = list(range(n))[::-1]
    a = [x / unit for x in anggaran]
    r = [x / unit for x in realisasi]
    ax.barh([y + 0.18 for y in ys], a, height=0.36, color=ANGGARAN_COLOUR, label="Anggaran")
    ax.barh([y - 0.18 for y in ys], r, height=0.36, color=REALISASI_COLOUR, label="Realisasi")
    top = max([*a, *r, 1e-9])
    for y, v, t in zip(ys, r, texts, strict=False):
        ax.text(v + top * 0.01, y - 0.18, t, va="center", fontsize=7)
    ax.set_yticks(ys)
    ax.set_yticklabels([_wrap(lbl, 30) for lbl in labels], fontsize=7)
    ax.set_xlim(0, top * 1.18)
    ax.set_xlabel(unit_label)
    ax.legend(
        fontsize=7,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.15 - 0.5 / fig.get_figheight()),
        ncol=2,
        frameon=False,
    )
    return _png(fig)


# -- organisation chart (Gambar 1.1) ---------------------------------------------------------

#: Above this many units only the top ORG_LARGE_LEVELS levels are drawn (the caller says so).
MAX_ORG_UNITS = 60
ORG_LARGE_LEVELS = 3
ORG_FONT_PT = 6.5
ORG_TARGET_WIDTH_CM = 14.0  # portrait text width: drawn at the size it is printed
ORG_MAX_COLUMNS = 5  # levels are laid side by side while they fit in this many columns
_ORG_BOX_MIN, _ORG_BOX_MAX = 2.6, 4.4  # column width, cm
_ORG_GAP = 0.4  # between columns
_ORG_LEVEL_GAP = 0.7  # between rows of the top-down part (room for the connectors)
_ORG_STACK_GAP = 0.2  # between boxes of a stacked list
_ORG_INDENT = 0.35  # per level in a stacked list
_ORG_PAD = 0.1
_ORG_MARGIN = 0.1
_ORG_MAX_LINES = 6
_CM_PER_PT = 2.54 / 72
#: Fill and text colour per level: head, asisten/staf ahli, bagian, sub bagian and below.
ORG_LEVEL_STYLE = (
    ("#1F3864", "#FFFFFF"),
    ("#2F5597", "#FFFFFF"),
    ("#DAE3F3", "#000000"),
    ("#FFFFFF", "#000000"),
)
_ORG_LINE = "#1F3864"


@dataclass
class OrgUnit:
    kode: str
    nama: str
    atasan: str | None = None  # Kode Unit of the direct superior; None for the head
    pejabat: str = ""


@dataclass
class OrgChart:
    png: io.BytesIO
    width_cm: float  # the size the text was laid out for
    height_cm: float
    shown: int  # units drawn
    total: int  # units given


def org_tree(units: Sequence[OrgUnit]) -> tuple[list[int], dict[int, list[int]], dict[int, int]]:
    """Roots, children and depth by unit index; never loops.

    A Kode Atasan that names no unit (or the unit itself) makes a root; the first row of a code
    counts when it is typed twice. A cycle (A under B under A) is broken at the first unit met
    on it, which becomes a root: the chart still shows every unit (checks.struktur reports the
    cycle)."""
    n = len(units)
    first: dict[str, int] = {}
    for i, unit in enumerate(units):
        first.setdefault(unit.kode, i)
    parent: dict[int, int | None] = {}
    for i, unit in enumerate(units):
        p = first.get(unit.atasan) if unit.atasan else None
        parent[i] = None if p == i else p
    children: dict[int, list[int]] = {i: [] for i in range(n)}
    for i in range(n):
        p = parent[i]
        if p is not None:
            children[p].append(i)
    depth: dict[int, int] = {}
    roots: list[int] = []

    def visit(root: int) -> None:
        todo = [(root, 0)]
        while todo:
            node, d = todo.pop()
            if node in depth:
                continue
            depth[node] = d
            todo.extend((c, d + 1) for c in children[node])

    for i in range(n):
        if parent[i] is None:
            roots.append(i)
            visit(i)
    for i in range(n):
        if i in depth:
            continue
        # i hangs on (or below) a cycle of unvisited units: walk up to the cycle, break it.
        node, seen = i, set()
        while node not in seen:
            seen.add(node)
            node = parent[node]  # type: ignore[assignment]
        up = parent[node]
        assert up is not None
        children[up].remove(node)
        parent[node] = None
        roots.append(node)
        visit(node)  # reaches the whole cycle and i below it
    return roots, children, depth


@dataclass
class _Stack:
    """A vertical list: (unit, indent level) in pre-order; ``head`` False for a group of leaf
    siblings (connected through a spine at the left)."""

    items: list[tuple[int, int]]
    head: bool


@dataclass
class _Node:
    """A unit with its children's blocks side by side below it."""

    unit: int
    blocks: list[_Node | _Stack] = field(default_factory=list)


def _preorder(unit: int, children: dict[int, list[int]], rel: int = 0) -> list[tuple[int, int]]:
    out = [(unit, rel)]
    for child in children[unit]:
        out += _preorder(child, children, rel + 1)
    return out


def _org_blocks(
    unit: int, children: dict[int, list[int]], depth: dict[int, int], spread: int
) -> _Node | _Stack:
    """``unit``'s block: side by side below it while depth < spread, stacked lists below."""
    if depth[unit] >= spread and children[unit]:
        return _Stack(_preorder(unit, children), head=True)
    node = _Node(unit)
    leaves: _Stack | None = None
    for child in children[unit]:
        if children[child]:
            node.blocks.append(_org_blocks(child, children, depth, spread))
        elif leaves is None:
            leaves = _Stack([(child, 1)], head=False)
            node.blocks.append(leaves)
        else:
            leaves.items.append((child, 1))
    return node


def _columns(block: _Node | _Stack) -> int:
    if isinstance(block, _Stack) or not block.blocks:
        return 1
    return sum(_columns(b) for b in block.blocks)


class _OrgLayout:
    def __init__(self, units: Sequence[OrgUnit], depth: dict[int, int], box_w: float) -> None:
        self.units = units
        self.depth = depth
        self.box_w = box_w
        self.line_h = ORG_FONT_PT * 1.25 * _CM_PER_PT
        self.char_w = ORG_FONT_PT * 0.5 * _CM_PER_PT
        self.boxes: list[tuple[int, float, float, float, float]] = []  # unit, x, y, w, h
        self.lines: list[tuple[float, float, float, float]] = []
        self.texts: dict[int, tuple[list[str], list[str]]] = {}
        self.row_y: dict[int, float] = {}

    def wrap(self, unit: int, width: float) -> tuple[list[str], list[str]]:
        chars = max(8, int((width - 2 * _ORG_PAD) / self.char_w))
        u = self.units[unit]
        name = textwrap.wrap(u.nama, chars) or [u.kode]
        if len(name) > _ORG_MAX_LINES:
            name = [*name[: _ORG_MAX_LINES - 1], name[_ORG_MAX_LINES - 1][: chars - 1] + "…"]
        who = textwrap.wrap(u.pejabat, chars)[:2] if u.pejabat else []
        self.texts[unit] = (name, who)
        return name, who

    def height(self, unit: int, width: float) -> float:
        name, who = self.wrap(unit, width)
        return (len(name) + len(who)) * self.line_h + 2 * _ORG_PAD

    def head_w(self, block: _Node, width: float) -> float:
        """The head (depth 0) gets a wider box, within its block."""
        return min(1.4 * self.box_w, width) if self.depth[block.unit] == 0 else self.box_w

    # measuring

    def width(self, block: _Node | _Stack) -> float:
        if isinstance(block, _Stack) or not block.blocks:
            return self.box_w
        inner = sum(self.width(b) for b in block.blocks) + _ORG_GAP * (len(block.blocks) - 1)
        return max(inner, self.box_w)

    def row_heights(self, block: _Node | _Stack, rows: dict[int, float]) -> None:
        if isinstance(block, _Node):
            d = self.depth[block.unit]
            w = self.head_w(block, self.width(block))
            rows[d] = max(rows.get(d, 0.0), self.height(block.unit, w))
            for b in block.blocks:
                self.row_heights(b, rows)

    # placing; each returns the (x, y) where the connector from above arrives

    def place(self, block: _Node | _Stack, x: float) -> tuple[float, float]:
        if isinstance(block, _Stack):
            return self.place_stack(block, x)
        width = self.width(block)
        d = self.depth[block.unit]
        y = self.row_y[d]
        w = self.head_w(block, width)
        h = self.height(block.unit, w)
        cx = x + width / 2
        self.boxes.append((block.unit, cx - w / 2, y, w, h))
        if block.blocks:
            inner = sum(self.width(b) for b in block.blocks) + _ORG_GAP * (len(block.blocks) - 1)
            bx = x + (width - inner) / 2
            drops = []
            for b in block.blocks:
                drops.append(self.place(b, bx))
                bx += self.width(b) + _ORG_GAP
            bus = self.row_y[d + 1] - _ORG_LEVEL_GAP / 2
            self.lines.append((cx, y + h, cx, bus))
            xs = [cx] + [dx for dx, _ in drops]
            self.lines.append((min(xs), bus, max(xs), bus))
            for dx, dy in drops:
                self.lines.append((dx, bus, dx, dy))
        return cx, y

    def place_stack(self, stack: _Stack, x: float) -> tuple[float, float]:
        first_unit = stack.items[0][0]
        top = self.row_y[self.depth[first_unit]]
        y = top
        open_bottom: dict[int, float] = {0: top}  # indent level -> bottom of its last box
        for unit, rel in stack.items:
            bx = x + rel * _ORG_INDENT
            w = self.box_w - rel * _ORG_INDENT
            h = self.height(unit, w)
            self.boxes.append((unit, bx, y, w, h))
            if rel > 0:
                spine = x + (rel - 1) * _ORG_INDENT + _ORG_INDENT / 2
                start = open_bottom.get(rel - 1, top)
                self.lines.append((spine, start, spine, y + h / 2))
                self.lines.append((spine, y + h / 2, bx, y + h / 2))
            open_bottom[rel] = y + h
            y += h + _ORG_STACK_GAP
        if stack.head:
            return x + self.box_w / 2, top
        return x + _ORG_INDENT / 2, top

    def bottom(self) -> float:
        return max(y + h for _, _, y, _, h in self.boxes)


def org_chart(units: Sequence[OrgUnit]) -> OrgChart:
    """Top-down organisation chart: boxes with elbow connectors, one colour per level.

    The upper levels stand side by side (as many as fit in ORG_MAX_COLUMNS columns, at least
    the head's direct subordinates); below them each branch is a stacked list with its levels
    indented (bagian, then sub bagian), the usual shape of a Perangkat Daerah chart on an A4
    page. Leaf siblings (staf ahli, kelompok jabatan fungsional) share one column. Long names
    are wrapped; the figure grows with the number of units and is drawn at the size it is
    printed (ORG_TARGET_WIDTH_CM wide when it fits). More than MAX_ORG_UNITS units: only the
    top ORG_LARGE_LEVELS levels are drawn (``shown`` < ``total``)."""
    units = list(units)
    roots, children, depth = org_tree(units)
    keep = set(range(len(units)))
    if len(units) > MAX_ORG_UNITS:
        keep = {i for i, d in depth.items() if d < ORG_LARGE_LEVELS}
        children = {i: [c for c in cs if c in keep] for i, cs in children.items()}
    max_depth = max((depth[i] for i in keep), default=0)
    spread = 1
    for s in range(2, max_depth + 1):
        blocks = [_org_blocks(r, children, depth, s) for r in roots]
        if sum(_columns(b) for b in blocks) > ORG_MAX_COLUMNS:
            break
        spread = s
    blocks = [_org_blocks(r, children, depth, spread) for r in roots]
    cols = max(1, sum(_columns(b) for b in blocks))
    box_w = (ORG_TARGET_WIDTH_CM - 2 * _ORG_MARGIN - _ORG_GAP * (cols - 1)) / cols
    box_w = min(max(box_w, _ORG_BOX_MIN), _ORG_BOX_MAX)
    lay = _OrgLayout(units, depth, box_w)
    rows: dict[int, float] = {}
    for b in blocks:
        lay.row_heights(b, rows)
    y = _ORG_MARGIN
    for d in range(max_depth + 2):
        lay.row_y[d] = y
        y += rows.get(d, 0.0) + _ORG_LEVEL_GAP
    x = _ORG_MARGIN
    for b in blocks:
        lay.place(b, x)
        x += lay.width(b) + _ORG_GAP
    width = max(ORG_TARGET_WIDTH_CM, x - _ORG_GAP + _ORG_MARGIN)
    height = lay.bottom() + _ORG_MARGIN
    fig = plt.figure(figsize=(width / 2.54, height / 2.54))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.axis("off")
    for x0, y0, x1, y1 in lay.lines:
        ax.plot([x0, x1], [y0, y1], color=_ORG_LINE, linewidth=0.7, solid_capstyle="butt")
    for unit, bx, by, w, h in lay.boxes:
        level = min(depth[unit], len(ORG_LEVEL_STYLE) - 1)
        fill, ink = ORG_LEVEL_STYLE[level]
        ax.add_patch(
            plt.Rectangle(
                (bx, by), w, h, facecolor=fill, edgecolor=_ORG_LINE, linewidth=0.7, zorder=2
            )
        )
        name, who = lay.texts[unit]
        weight = "bold" if level < 2 else "normal"
        ty = by + _ORG_PAD + lay.line_h / 2
        for line in name:
            ax.text(
                bx + w / 2,
                ty,
                line,
                ha="center",
                va="center",
                fontsize=ORG_FONT_PT,
                color=ink,
                fontweight=weight,
                zorder=3,
            )
            ty += lay.line_h
        for line in who:
            ax.text(
                bx + w / 2,
                ty,
                line,
                ha="center",
                va="center",
                fontsize=ORG_FONT_PT,
                color=ink,
                fontstyle="italic",
                zorder=3,
            )
            ty += lay.line_h
    return OrgChart(_png(fig, tight=False), width, height, len(keep), len(units))
