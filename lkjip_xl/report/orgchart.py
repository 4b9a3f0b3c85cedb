"""The organisation chart of BAB I (Gambar 1.1), drawn at the size it is printed.

Layout: the upper levels stand side by side (as many as fit in ORG_MAX_COLUMNS columns, at
least the head's direct subordinates); below them each branch is a stacked list with its
levels indented (bagian, then sub bagian), the usual shape of a Perangkat Daerah chart on an
A4 page. Leaf siblings (staf ahli, kelompok jabatan fungsional) share a column, split into
more columns while the chart is taller than the page and the width allows. Units without a
superior (several roots) are laid out the same way under an invisible root, so a table typed
without any Kode Atasan gives a grid, never a strip of 48 boxes. At most MAX_ORG_UNITS units
are drawn (``note`` says what was left out).

Text is wrapped inside the boxes by its measured width in the report's font (Arial, or the
metric-compatible Liberation Sans), so nothing overflows a box or the image. Drawn with Pillow
(text is literal: no mathtext to escape).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from matplotlib.font_manager import FontProperties, findfont
from matplotlib.textpath import text_to_path
from PIL import Image, ImageDraw, ImageFont

from lkjip_xl.report import textmetrics
from lkjip_xl.report.chartstyle import DPI
from lkjip_xl.report.orgtree import (
    Node,
    OrgUnit,
    Stack,
    blocks,
    columns,
    org_tree,
    select,
    stacks,
)

__all__ = ["OrgChart", "OrgUnit", "org_chart", "org_tree", "wrap"]

PAD_CM = 0.12  # inside a box, around its text
#: Above this many units only the upper levels are drawn (at most ORG_LARGE_LEVELS).
MAX_ORG_UNITS = 60
ORG_LARGE_LEVELS = 3
ORG_FONT_PT = 6.5
ORG_TARGET_WIDTH_CM = 14.0  # portrait text width
ORG_MAX_HEIGHT_CM = 20.0  # the page height left under the caption
ORG_MAX_COLUMNS = 5  # levels are laid side by side while they fit in this many columns
_BOX_MIN, _BOX_MAX = 2.6, 4.4  # column width, cm
_GAP = 0.4  # between columns
_LEVEL_GAP = 0.7  # between rows of the top-down part (room for the connectors)
_STACK_GAP = 0.2  # between boxes of a stacked list
_INDENT = 0.35  # per level in a stacked list
_PAD = PAD_CM
_MARGIN = 0.1
_CM_PER_PT = 2.54 / 72
_SAFETY = 1.04  # rendering hints widen glyphs a little
#: Fill and text colour per level: head, asisten/staf ahli, bagian, sub bagian and below.
ORG_LEVEL_STYLE = (
    ("#1F3864", "#FFFFFF"),
    ("#2F5597", "#FFFFFF"),
    ("#DAE3F3", "#000000"),
    ("#FFFFFF", "#000000"),
)
_LINE = "#1F3864"


@dataclass
class OrgChart:
    png: io.BytesIO
    width_cm: float  # the size the text was laid out for
    height_cm: float
    shown: int  # units drawn
    total: int  # units given
    levels: int = 0  # levels drawn when units were left out (0: all)
    #: What was drawn, for checks: (kode, x, y, width, height, lines of the name, lines of the
    #: pejabat, name in bold), in cm.
    boxes: list[tuple[str, float, float, float, float, list[str], list[str], bool]] = field(
        default_factory=list
    )

    @property
    def note(self) -> str:
        """What the chart leaves out, in Indonesian ("" when it shows every unit)."""
        if self.shown >= self.total:
            return ""
        if self.levels:
            return (
                f"Bagan memuat {self.levels} tingkat teratas, yaitu {self.shown} dari "
                f"{self.total} unit organisasi."
            )
        return f"Bagan memuat {self.shown} unit pertama dari {self.total} unit organisasi."


# -- text ---------------------------------------------------------------------------------------


@cache
def _font_factor() -> float:
    """How much wider the font matplotlib draws with is than Arial (1.0 for Arial and
    Liberation Sans; about 1.1 for DejaVu Sans when neither is installed)."""
    sample = "Sub Bagian Perencanaan dan Keuangan Pemerintahan"
    drawn = text_to_path.get_text_width_height_descent(
        sample, FontProperties(family="sans-serif", size=10), ismath=False
    )[0]
    return max(1.0, drawn / (textmetrics.width_em(sample) * 10))


def wrap(text: str, width_cm: float, *, bold: bool = False) -> list[str]:
    """Lines of `text` no wider than `width_cm` in the chart's font (textmetrics.wrap)."""
    size = ORG_FONT_PT * _font_factor() * _SAFETY
    return textmetrics.wrap(text, width_cm, size, bold=bold)


# -- layout -------------------------------------------------------------------------------------


class _Layout:
    def __init__(self, units: Sequence[OrgUnit], depth: dict[int, int], box_w: float) -> None:
        self.units = units
        self.depth = depth
        self.box_w = box_w
        self.line_h = ORG_FONT_PT * 1.25 * _CM_PER_PT
        self.boxes: list[tuple[int, float, float, float, float]] = []  # unit, x, y, w, h
        self.lines: list[tuple[float, float, float, float]] = []
        self.texts: dict[tuple[int, float], tuple[list[str], list[str]]] = {}
        self.row_y: dict[int, float] = {}

    def text(self, unit: int, width: float) -> tuple[list[str], list[str]]:
        key = (unit, round(width, 3))
        if key not in self.texts:
            u = self.units[unit]
            inner = width - 2 * _PAD
            bold = self.depth[unit] < 2
            name = wrap(u.nama or u.kode, inner, bold=bold) or [u.kode]
            who = wrap(u.pejabat, inner)[:2] if u.pejabat else []
            self.texts[key] = (name, who)
        return self.texts[key]

    def height(self, unit: int, width: float) -> float:
        name, who = self.text(unit, width)
        return (len(name) + len(who)) * self.line_h + 2 * _PAD

    def head_w(self, block: Node, width: float) -> float:
        """The head (depth 0) gets a wider box, within its block."""
        return min(1.4 * self.box_w, width) if self.depth[block.unit] == 0 else self.box_w

    # measuring

    def width(self, block: Node | Stack) -> float:
        if isinstance(block, Stack):
            return block.columns * self.box_w + (block.columns - 1) * _GAP
        if not block.blocks:
            return self.box_w
        inner = sum(self.width(b) for b in block.blocks) + _GAP * (len(block.blocks) - 1)
        return max(inner, self.box_w)

    def row_heights(self, block: Node | Stack, rows: dict[int, float]) -> None:
        if isinstance(block, Node):
            if block.unit >= 0:
                d = self.depth[block.unit]
                w = self.head_w(block, self.width(block))
                rows[d] = max(rows.get(d, 0.0), self.height(block.unit, w))
            for b in block.blocks:
                self.row_heights(b, rows)

    def chunks(self, stack: Stack) -> list[list[tuple[int, int]]]:
        """The stack's items cut into its columns, of about equal height."""
        if stack.columns <= 1:
            return [stack.items]
        heights = [
            self.height(u, self.box_w - rel * _INDENT) + _STACK_GAP for u, rel in stack.items
        ]
        target = sum(heights) / stack.columns
        out: list[list[tuple[int, int]]] = [[]]
        acc = 0.0
        for item, h in zip(stack.items, heights, strict=True):
            if out[-1] and acc + h / 2 > target and len(out) < stack.columns:
                out.append([])
                acc = 0.0
            out[-1].append(item)
            acc += h
        return out

    # placing; each returns the points where connectors from above arrive

    def place(self, block: Node | Stack, x: float) -> list[tuple[float, float]]:
        if isinstance(block, Stack):
            return self.place_stack(block, x)
        width = self.width(block)
        inner = sum(self.width(b) for b in block.blocks) + _GAP * (len(block.blocks) - 1)
        bx = x + (width - inner) / 2
        drops: list[tuple[float, float]] = []
        for b in block.blocks:
            drops += self.place(b, bx)
            bx += self.width(b) + _GAP
        if block.unit < 0:  # the invisible root: no box, no connectors
            return []
        d = self.depth[block.unit]
        y = self.row_y[d]
        w = self.head_w(block, width)
        h = self.height(block.unit, w)
        cx = x + width / 2
        self.boxes.append((block.unit, cx - w / 2, y, w, h))
        if drops:
            bus = self.row_y[d + 1] - _LEVEL_GAP / 2
            self.lines.append((cx, y + h, cx, bus))
            xs = [cx] + [dx for dx, _ in drops]
            self.lines.append((min(xs), bus, max(xs), bus))
            for dx, dy in drops:
                self.lines.append((dx, bus, dx, dy))
        return [(cx, y)]

    def place_stack(self, stack: Stack, x: float) -> list[tuple[float, float]]:
        top = self.row_y[self.depth[stack.items[0][0]]]
        drops = []
        for k, items in enumerate(self.chunks(stack)):
            cx = x + k * (self.box_w + _GAP)
            y = top
            open_bottom: dict[int, float] = {0: top}  # indent level -> bottom of its last box
            for unit, rel in items:
                bx = cx + rel * _INDENT
                w = self.box_w - rel * _INDENT
                h = self.height(unit, w)
                self.boxes.append((unit, bx, y, w, h))
                if rel > 0:
                    spine = cx + (rel - 1) * _INDENT + _INDENT / 2
                    start = open_bottom.get(rel - 1, top)
                    self.lines.append((spine, start, spine, y + h / 2))
                    self.lines.append((spine, y + h / 2, bx, y + h / 2))
                open_bottom[rel] = y + h
                y += h + _STACK_GAP
            drops.append((cx + self.box_w / 2, top) if stack.head else (cx + _INDENT / 2, top))
        return drops

    def stack_bottom(self, stack: Stack) -> float:
        """Where the boxes of a placed stack end."""
        units = {u for u, _ in stack.items}
        return max((y + h for u, _, y, _, h in self.boxes if u in units), default=0.0)

    def bottom(self) -> float:
        return max((y + h for _, _, y, _, h in self.boxes), default=_MARGIN)

    def right(self) -> float:
        return max((x + w for _, x, _, w, _ in self.boxes), default=_MARGIN)


def _box_width(cols: int) -> float:
    width = (ORG_TARGET_WIDTH_CM - 2 * _MARGIN - _GAP * (cols - 1)) / cols
    return min(max(width, _BOX_MIN), _BOX_MAX)


def _bands(root: Node | Stack) -> list[list[Node | Stack]]:
    """The top unit's blocks cut into bands of at most ORG_MAX_COLUMNS columns (a head with
    seven bidang gets two rows of them, not seven columns too narrow to read)."""
    if isinstance(root, Stack) or columns(root) <= ORG_MAX_COLUMNS or len(root.blocks) < 2:
        return []
    count = -(-columns(root) // ORG_MAX_COLUMNS)
    target = -(-columns(root) // count)
    bands: list[list[Node | Stack]] = [[]]
    for block in root.blocks:
        used = sum(columns(b) for b in bands[-1])
        if bands[-1] and used + columns(block) > target:
            bands.append([])
        bands[-1].append(block)
    return bands


def _rows(lay: _Layout, blocks: list[Node | Stack], top: float, first: int) -> None:
    """Row tops per depth for `blocks` (aligned across them), from `top` at depth `first`."""
    rows: dict[int, float] = {}
    for b in blocks:
        lay.row_heights(b, rows)
    y = top
    for d in range(first, max(lay.depth.values(), default=0) + 2):
        lay.row_y[d] = y
        y += rows[d] + _LEVEL_GAP if d in rows else 0.0


def _lay_out(units: Sequence[OrgUnit], depth: dict[int, int], root: Node | Stack) -> _Layout:
    bands = _bands(root)
    if not bands:
        lay = _Layout(units, depth, _box_width(max(1, columns(root))))
        _rows(lay, [root], _MARGIN, 0)
        lay.place(root, _MARGIN)
        return lay
    assert isinstance(root, Node)
    cols = max(sum(columns(b) for b in band) for band in bands)
    lay = _Layout(units, depth, _box_width(cols))
    widths = [sum(lay.width(b) for b in band) + _GAP * (len(band) - 1) for band in bands]
    total = max(widths)
    head = root.unit
    y, trunk_x = _MARGIN, _MARGIN + total / 2
    if head >= 0:  # the head above all bands, a trunk down to each band's bus
        w = min(1.4 * lay.box_w, total)
        h = lay.height(head, w)
        lay.boxes.append((head, trunk_x - w / 2, y, w, h))
        y += h + _LEVEL_GAP
    first = 0 if head < 0 else depth[head] + 1
    trunk = trunk_x  # the trunk runs down through the gaps between a band's blocks
    previous = lay.boxes[0][2] + lay.boxes[0][4] if head >= 0 else 0.0
    for band, width in zip(bands, widths, strict=True):
        _rows(lay, band, y, first)
        x = _MARGIN + (total - width) / 2
        drops, gaps = [], [x - _GAP / 2]
        for block in band:
            drops += lay.place(block, x)
            x += lay.width(block) + _GAP
            gaps.append(x - _GAP / 2)
        if head >= 0:
            bus = y - _LEVEL_GAP / 2
            lay.lines.append((trunk, previous, trunk, bus))
            xs = [trunk] + [dx for dx, _ in drops]
            next_trunk = min(gaps, key=lambda g: abs(g - trunk_x))
            if band is not bands[-1]:
                xs.append(next_trunk)
            lay.lines.append((min(xs), bus, max(xs), bus))
            lay.lines.extend((dx, bus, dx, dy) for dx, dy in drops)
            trunk, previous = next_trunk, bus
        y = lay.bottom() + 1.5 * _LEVEL_GAP
    return lay


def org_chart(units: Sequence[OrgUnit]) -> OrgChart:
    """Top-down organisation chart: boxes with elbow connectors, one colour per level, laid
    out to fit ORG_TARGET_WIDTH_CM x ORG_MAX_HEIGHT_CM where the structure allows."""
    units = list(units)
    if not units:
        units = [OrgUnit("-", "")]
    roots, children, depth = org_tree(units)
    keep, shown_roots, levels = select(roots, depth, MAX_ORG_UNITS, ORG_LARGE_LEVELS)
    children = {i: [c for c in cs if c in keep] for i, cs in children.items()}
    top = shown_roots[0]
    if len(shown_roots) > 1:
        top = -1
        children[-1] = shown_roots
    max_depth = max(depth[i] for i in keep)
    spread = 1
    for s in range(2, max_depth + 1):
        if columns(blocks(top, children, depth, s)) > ORG_MAX_COLUMNS:
            break
        spread = s
    root = blocks(top, children, depth, spread)
    lay = _lay_out(units, depth, root)
    widest = max(ORG_MAX_COLUMNS, columns(root))
    while lay.bottom() + _MARGIN > ORG_MAX_HEIGHT_CM and columns(root) < widest:
        tallest = max(stacks(root), key=lay.stack_bottom, default=None)
        if tallest is None or tallest.head or len(tallest.items) <= tallest.columns:
            break  # the tallest column is a branch, not a list of leaves: leave it
        tallest.columns += 1
        lay = _lay_out(units, depth, root)
    width = lay.right() + _MARGIN
    height = lay.bottom() + _MARGIN
    png = _draw(lay, width, height)
    drawn = [
        (units[u].kode, x, y, w, h, *lay.text(u, w), depth[u] < 2) for u, x, y, w, h in lay.boxes
    ]
    return OrgChart(png, width, height, len(keep), len(units), levels, drawn)


@cache
def _font(weight: str, style: str) -> ImageFont.FreeTypeFont:
    """The report's font (through matplotlib's font list) at the chart's size in pixels."""
    path = findfont(FontProperties(family=["sans-serif"], weight=weight, style=style))
    return ImageFont.truetype(path, round(ORG_FONT_PT / 72 * DPI))


def _draw(lay: _Layout, width: float, height: float) -> io.BytesIO:
    """Boxes, connectors and text drawn with Pillow: a chart is ~50 boxes and ~200 lines of
    text, which as matplotlib artists cost more than the rest of the report together."""

    def px(cm: float) -> int:
        return round(cm / 2.54 * DPI)

    image = Image.new("RGB", (px(width), px(height)), "white")
    draw = ImageDraw.Draw(image)
    stroke = max(1, round(0.7 / 72 * DPI))
    for x0, y0, x1, y1 in lay.lines:
        draw.line([(px(x0), px(y0)), (px(x1), px(y1))], fill=_LINE, width=stroke)
    for unit, bx, by, w, h in lay.boxes:
        level = min(lay.depth[unit], len(ORG_LEVEL_STYLE) - 1)
        fill, ink = ORG_LEVEL_STYLE[level]
        draw.rectangle(
            [px(bx), px(by), px(bx + w), px(by + h)], fill=fill, outline=_LINE, width=stroke
        )
        name, who = lay.text(unit, w)
        bold = "bold" if lay.depth[unit] < 2 else "normal"
        lines = [(line, _font(bold, "normal")) for line in name]
        lines += [(line, _font("normal", "italic")) for line in who]
        for k, (line, font) in enumerate(lines):
            y = by + _PAD + (k + 0.5) * lay.line_h
            draw.text((px(bx + w / 2), px(y)), line, font=font, fill=ink, anchor="mm")
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(DPI, DPI))
    buf.seek(0)
    return buf
