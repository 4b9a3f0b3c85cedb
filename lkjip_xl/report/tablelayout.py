"""Column widths from content and where a table may break across pages.

Word and LibreOffice break a word inside a word when a column is narrower than the word, so
every column is at least as wide as its widest word (and codes such as "1.02.02.2.02", which
have no space to break at). The caller's widths are the wish: each column gets its share of
the text width, but never less than its widest word and, when the others need room, no more
than its longest line. Row heights are estimated with the same font metrics, to keep small
tables whole, keep merged groups together and split groups taller than a page into chunks
that each carry the group's label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from lkjip_xl.report import textmetrics
from lkjip_xl.report.tablecell import Cell

PORTRAIT_TEXT_CM = 14.0  # text width of an A4 page, portrait and landscape (report.styles)
LANDSCAPE_TEXT_CM = 22.7
CAPTION_PT = 11
PAD_X_CM = 0.15  # cell padding left and right
PAD_Y_CM = 0.05  # cell padding top and bottom
#: Safety on measured widths: rounding to twips, and renderers that add a hair of spacing.
_SLACK_CM = 0.06
_SLACK = 1.02
LINE_HEIGHT = 1.15  # single spacing of Arial/Liberation Sans, in em
#: A table estimated at most this share of the page body is kept on one page.
KEEP_WHOLE = 0.34
#: A merged group is kept together up to this share of the page body (less the header) when
#: the table's position on the page is unknown.
GROUP_MAX = 0.8
#: Share of a page the pagination estimate fills (the rest absorbs estimation error).
PAGE_FILL = 0.93


def _cell_min_cm(cell: Cell, font_pt: float, header: bool) -> float:
    if cell.vmerge == "continue":
        return 0.0
    em = textmetrics.longest_word_em(str(cell.text), bold=cell.bold or header)
    return em * font_pt * textmetrics.CM_PER_PT * _SLACK + 2 * PAD_X_CM + _SLACK_CM


def _cell_max_cm(cell: Cell, font_pt: float, header: bool) -> float:
    if cell.vmerge == "continue":
        return 0.0
    bold = cell.bold or header
    em = max(textmetrics.width_em(line, bold=bold) for line in str(cell.text).split("\n"))
    return em * font_pt * textmetrics.CM_PER_PT * _SLACK + 2 * PAD_X_CM + _SLACK_CM


def _grid(row: Sequence[Cell]) -> list[tuple[int, Cell]]:
    """(first grid column, cell) for each cell of a row."""
    out, col = [], 0
    for cell in row:
        out.append((col, cell))
        col += cell.span
    return out


def column_needs(
    header: Sequence[Sequence[Cell]], rows: Sequence[Sequence[Cell]], n: int, font_pt: float
) -> tuple[list[float], list[float], list[tuple[int, int, float]]]:
    """(minimum, natural) width per column and the minimums of spanning cells
    (first column, span, cm). Header text counts for the minimum only: headings wrap."""
    mins = [2 * PAD_X_CM + _SLACK_CM] * n
    maxs = list(mins)
    spans: list[tuple[int, int, float]] = []
    seen: dict[tuple[str, bool], tuple[float, float]] = {}
    for is_header, group in ((True, header), (False, rows)):
        for row in group:
            for col, cell in _grid(row):
                if col >= n:
                    break
                key = (str(cell.text), cell.bold or is_header)
                if cell.vmerge == "continue" or not key[0]:
                    continue
                if key not in seen:
                    seen[key] = (
                        _cell_min_cm(cell, font_pt, is_header),
                        0.0 if is_header else _cell_max_cm(cell, font_pt, is_header),
                    )
                low, high = seen[key]
                if cell.span > 1:
                    spans.append((col, min(cell.span, n - col), low))
                    continue
                mins[col] = max(mins[col], low)
                maxs[col] = max(maxs[col], high)
    maxs = [max(lo, hi) for lo, hi in zip(mins, maxs, strict=True)]
    return mins, maxs, spans


def _rebalance(w: list[float], mins: list[float], maxs: list[float], total: float) -> list[float]:
    """Make the widths add up to `total` without going under a minimum."""
    for _ in range(8):
        diff = total - sum(w)
        if abs(diff) < 1e-6:
            break
        if diff < 0:
            slack = [wi - mi for wi, mi in zip(w, mins, strict=True)]
            room = sum(slack)
            if room <= 0:
                break
            take = min(-diff, room)
            w = [wi - take * s / room for wi, s in zip(w, slack, strict=True)]
        else:
            room_list = [max(0.0, ma - wi) for wi, ma in zip(w, maxs, strict=True)]
            room = sum(room_list)
            if room > 1e-9:
                give = min(diff, room)
                w = [wi + give * r / room for wi, r in zip(w, room_list, strict=True)]
            else:  # every column holds its longest line: share the rest by current width
                base = sum(w)
                w = [wi + diff * wi / base for wi in w]
    return w


def _blend(
    hints: Sequence[float], mins: list[float], maxs: list[float], total: float
) -> list[float]:
    """Half the caller's proportions (clamped to what the content needs), half the room above
    the minimums shared by how much longer each column's text is (HTML's automatic layout):
    long texts get room, short codes and numbers keep theirs."""
    scale = total / (sum(hints) or 1)
    wish = [min(max(h * scale, lo), hi) for h, lo, hi in zip(hints, mins, maxs, strict=True)]
    wish = _rebalance(wish, mins, maxs, total)
    spread = [hi - lo for lo, hi in zip(mins, maxs, strict=True)]
    extra = total - sum(mins)
    if sum(spread) <= 1e-9 or sum(maxs) <= total:
        return wish
    auto = [lo + extra * s / sum(spread) for lo, s in zip(mins, spread, strict=True)]
    return [(a + b) / 2 for a, b in zip(wish, auto, strict=True)]


def fit_widths(
    header: Sequence[Sequence[Cell]],
    rows: Sequence[Sequence[Cell]],
    hints: Sequence[float],
    available_cm: float,
    font_pt: float,
) -> list[float] | None:
    """Column widths (cm) adding up to `available_cm` in which no word breaks, following the
    caller's proportions `hints` where content allows; None when the widest words alone
    need more than `available_cm`."""
    n = len(hints)
    mins, maxs, spans = column_needs(header, rows, n, font_pt)
    for _ in range(3):
        if sum(mins) > available_cm + 1e-9:
            return None
        w = _blend(hints, mins, maxs, available_cm)
        short = False
        for col, span, need in spans:  # a spanning cell: widen its columns' minimums evenly
            have = sum(w[col : col + span])
            if have + 1e-6 < need:
                short = True
                for c in range(col, col + span):
                    mins[c] = max(mins[c], w[c] + (need - have) / span)
                    maxs[c] = max(maxs[c], mins[c])
        if not short:
            return w
    return w if sum(mins) <= available_cm + 1e-9 else None


def choose(
    header: Sequence[Sequence[Cell]],
    rows: Sequence[Sequence[Cell]],
    hints: Sequence[float],
    size_pt: float,
    smaller: Sequence[float],
    *,
    portrait: bool,
    landscape: bool,
) -> tuple[bool, list[float], float]:
    """(landscape, column widths, font size): the first of portrait, portrait one size
    smaller, landscape, landscape smaller where no word breaks; when none fits, the widest
    option with the columns shared by their widest words (a word breaks, as little as can)."""
    sizes = [size_pt, *[pt for pt in smaller if pt < size_pt]]
    options = [(False, PORTRAIT_TEXT_CM, pt) for pt in sizes[:2]] if portrait else []
    if landscape:
        options += [(True, LANDSCAPE_TEXT_CM, pt) for pt in sizes]
    for wide, width, pt in options:
        fitted = fit_widths(header, rows, hints, width, pt)
        if fitted is not None:
            return wide, fitted, pt
    wide, width, pt = options[-1]
    mins = column_needs(header, rows, len(hints), pt)[0]
    return wide, [m * width / sum(mins) for m in mins], pt


def caption_cm(title: str, width_cm: float, caption: bool = True) -> float:
    """Height of a table's caption (11 pt bold, 6 pt before and after) with its label."""
    if not caption:
        return 1.0
    em = width_cm / (CAPTION_PT * textmetrics.CM_PER_PT)
    lines = textmetrics.line_count("Tabel 0.00 " + title, em, bold=True)
    return (lines * 1.15 * CAPTION_PT + 12) * textmetrics.CM_PER_PT


def min_width(
    header: Sequence[Sequence[Cell]], rows: Sequence[Sequence[Cell]], n: int, font_pt: float
) -> float:
    return sum(column_needs(header, rows, n, font_pt)[0])


# -- pagination -------------------------------------------------------------------------------


def row_height_cm(
    row: Sequence[Cell], widths: Sequence[float], font_pt: float, header: bool = False
) -> float:
    lines = 1
    for col, cell in _grid(row):
        if cell.vmerge == "continue" or col >= len(widths):
            continue
        inner = sum(widths[col : col + cell.span]) - 2 * PAD_X_CM
        inner_em = inner / (font_pt * textmetrics.CM_PER_PT)
        text = str(cell.text)
        if text:
            lines = max(
                lines, textmetrics.line_count(text, inner_em / _SLACK, bold=cell.bold or header)
            )
    return lines * LINE_HEIGHT * font_pt * textmetrics.CM_PER_PT + 2 * PAD_Y_CM


@dataclass
class Plan:
    """Rows after splitting tall groups, and which body rows keep with the next row."""

    rows: list[list[Cell]]
    keep: list[bool]


def _groups(rows: Sequence[Sequence[Cell]]) -> list[tuple[int, int]]:
    """(start, end) of each run of rows joined by vertically merged cells."""
    out: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or not any(c.vmerge == "continue" for c in rows[i]):
            if i - start > 1:
                out.append((start, i))
            start = i
    return out


def _restart_from(row: list[Cell], labels: dict[int, Cell]) -> list[Cell]:
    """The row with each continued merged cell turned into a new merge carrying the label."""
    out = []
    for col, cell in _grid(row):
        if cell.vmerge == "continue" and col in labels:
            out.append(replace(labels[col], vmerge="restart", span=cell.span))
        else:
            out.append(cell)
    return out


def _fill(heights: Sequence[float], start: int, end: int, room: float, page: float) -> list[int]:
    """Cut rows start..end into chunks: the first fills `room`, the next a `page` each; a
    last chunk of one row takes one more from the chunk before (no row alone with a label)."""
    cuts: list[int] = []
    acc, limit, first = 0.0, room, start
    for i in range(start, end):
        if i > first and acc + heights[i] > limit:
            cuts.append(i)
            acc, limit, first = 0.0, page, i
        acc += heights[i]
    if cuts and end - cuts[-1] == 1 and cuts[-1] - (cuts[-2] if len(cuts) > 1 else start) > 2:
        cuts[-1] -= 1
    return cuts


def _cuts(
    groups: list[tuple[int, int]],
    heights: list[float],
    n: int,
    head_h: float,
    page_cm: float,
    first_cm: float | None,
) -> list[int]:
    """Rows where a group taller than a page is cut. When the table starts at a known place
    (`first_cm` of room on its first page) the pages are followed: a chunk fills the rest of
    the page it starts on. Else each tall group is cut in chunks of GROUP_MAX of a page."""
    usable = PAGE_FILL * page_cm - head_h
    if first_cm is None:
        limit = GROUP_MAX * page_cm - head_h
        return [
            cut
            for start, end in groups
            if sum(heights[start:end]) > limit > 0
            for cut in _fill(heights, start, end, limit, limit)
        ]
    spans = dict(groups)
    cuts: list[int] = []
    room = PAGE_FILL * first_cm - head_h
    i = 0
    while i < n:
        end = spans.get(i, i + 1)
        h = sum(heights[i:end])
        if h <= room:
            room -= h
        elif h <= usable or end - i == 1:
            room = usable - h  # kept together: onto the next page
        else:
            if room < sum(heights[i : i + 2]):  # not even two rows fit here: next page
                room = usable
            chunks = _fill(heights, i, end, room, usable)
            cuts += chunks
            room = usable - sum(heights[chunks[-1] : end]) if chunks else room - h
        i = end
    return cuts


def plan(
    header: Sequence[Sequence[Cell]],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    font_pt: float,
    page_cm: float | None,
    keep_with_next: bool,
    first_cm: float | None = None,
) -> Plan:
    """Keep-with-next flags for the body rows (header rows always keep with the next row).

    Every table keeps its first two and last two body rows together (no row alone at a page
    top or bottom); a merged group stays on one page; a group taller than a page is cut into
    chunks, each a new merge starting with the group's label, so a continuation page never
    shows a group without its label; a small table stays whole. `page_cm`: the page body
    height; `first_cm`: the room on the table's first page when known (a table that starts
    a page), so chunks fill the pages."""
    body = [list(r) for r in rows]
    n = len(body)
    keep = [False] * n
    if n == 0:
        return Plan(body, keep)
    groups = _groups(body)
    cuts: list[int] = []
    one_line = LINE_HEIGHT * font_pt * textmetrics.CM_PER_PT + 2 * PAD_Y_CM
    if page_cm and (groups or (n + len(header)) * one_line <= KEEP_WHOLE * page_cm):
        # heights only when they can matter (2 000 plain rows need none)
        heights = [row_height_cm(r, widths, font_pt) for r in body]
        head_h = sum(row_height_cm(r, widths, font_pt, header=True) for r in header)
        if head_h + sum(heights) <= KEEP_WHOLE * page_cm:
            return Plan(body, [True] * (n - 1) + [keep_with_next])
        if groups:
            cuts = _cuts(groups, heights, n, head_h, page_cm, first_cm)
    for start, end in groups:
        for i in range(start, end - 1):
            keep[i] = True
    for cut in cuts:
        keep[cut - 1] = False
        labels: dict[int, Cell] = {}
        for j in range(cut - 1, -1, -1):  # the label of each merged column above the cut
            for col, cell in _grid(body[j]):
                if cell.vmerge == "restart" and col not in labels:
                    labels[col] = cell
            if not any(c.vmerge == "continue" for c in body[j]):
                break
        body[cut] = _restart_from(body[cut], labels)
    if n >= 3:  # two rows at least after the header, and two at the end
        keep[0] = keep[0] or 1 not in cuts
        keep[n - 2] = keep[n - 2] or n - 1 not in cuts
    keep[n - 1] = keep_with_next
    return Plan(body, keep)
