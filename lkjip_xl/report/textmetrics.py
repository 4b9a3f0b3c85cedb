"""How wide a text is in the report's font, without a layout engine.

Widths come from the Helvetica and Helvetica-Bold AFM files that ship with matplotlib: Arial
(the house font) and Liberation Sans (its metric-compatible stand-in on Linux) have the same
advance widths as Helvetica, so these tables measure what Word and LibreOffice lay out. Written
by hand because no kept library measures text without a font file or a renderer; matplotlib's
own AFM reader is private API.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import matplotlib

CM_PER_PT = 2.54 / 72
#: Width (1/1000 em) of a character the tables do not know: wide, so columns err on room.
UNKNOWN = 700
#: Characters AdobeStandardEncoding puts elsewhere, and common non-ASCII ones, by glyph name.
_BY_NAME = {
    "'": "quotesingle",
    "`": "grave",
    "\u2018": "quoteleft",
    "\u2019": "quoteright",
    "\u201c": "quotedblleft",
    "\u201d": "quotedblright",
    "\u2013": "endash",
    "\u2014": "emdash",
    "\u2022": "bullet",
    "\u2026": "ellipsis",
    "\u00f7": "divide",
    "\u00d7": "multiply",
    "\u2212": "minus",
    "\u00b0": "degree",
    "\u00b1": "plusminus",
    "\u00a0": "space",
}


def _afm(bold: bool) -> dict[str, int]:
    name = "Helvetica-Bold.afm" if bold else "Helvetica.afm"
    path = Path(matplotlib.get_data_path()) / "fonts" / "pdfcorefonts" / name
    by_code: dict[int, int] = {}
    by_name: dict[str, int] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.startswith("C "):
            continue
        fields = dict(
            part.strip().split(" ", 1) for part in line.split(";") if part.strip().count(" ")
        )
        width = int(float(fields["WX"]))
        by_name[fields["N"]] = width
        code = int(fields["C"])
        if 32 <= code < 127:
            by_code[code] = width
    widths = {chr(code): w for code, w in by_code.items()}
    for char, glyph in _BY_NAME.items():
        if glyph in by_name:
            widths[char] = by_name[glyph]
    widths["\t"] = widths[" "] * 4
    return widths


@cache
def _table(bold: bool) -> dict[str, int]:
    return _afm(bold)


def _char_width(char: str, table: dict[str, int]) -> int:
    """A character outside the table: its base letter (é -> e), else UNKNOWN."""
    base = unicodedata.normalize("NFKD", char)[:1]
    width = table.get(base, UNKNOWN)
    table[char] = width  # remembered: the tables are per-process caches
    return width


def width_em(text: str, *, bold: bool = False) -> float:
    """Advance width of `text` in em (1 em = the font size)."""
    table = _table(bold)
    try:
        return sum(map(table.__getitem__, text)) / 1000
    except KeyError:
        return sum(table.get(c) or _char_width(c, table) for c in text) / 1000


def width_cm(text: str, size_pt: float, *, bold: bool = False) -> float:
    return width_em(text, bold=bold) * size_pt * CM_PER_PT


def longest_word_em(text: str, *, bold: bool = False) -> float:
    """Width of the widest space-separated word: the narrowest column that breaks no word."""
    words = text.split()
    if not words:
        return 0.0
    if len(words) > 3:  # measure only the longest few by characters (widths track length)
        words = sorted(words, key=len, reverse=True)[:3]
    return max(width_em(w, bold=bold) for w in words)


def line_count(text: str, width_em_avail: float, *, bold: bool = False) -> int:
    """Lines `text` takes in a column `width_em_avail` wide (greedy breaking at spaces, as Word
    and LibreOffice do; a word wider than the column counts as one line)."""
    if width_em_avail <= 0:
        return max(1, len(text.split("\n")))
    space = width_em(" ", bold=bold)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            w = width_em(word, bold=bold)
            if used and used + space + w > width_em_avail:
                lines += 1
                used = w
            else:
                used = used + space + w if used else w
    return lines


def _pieces(text: str) -> list[tuple[str, bool]]:
    """Pieces a line may break after: words, and the parts of a hyphenated word
    ("Perundang-", "Undangan"); the flag says whether a space precedes the piece."""
    out: list[tuple[str, bool]] = []
    for word in text.split():
        parts = re.findall(r"[^-]+-+|[^-]+|-+", word)
        out.extend((part, i == 0) for i, part in enumerate(parts))
    return out


def wrap(text: str, width: float, size_pt: float, *, bold: bool = False) -> list[str]:
    """Lines of `text` no wider than `width` cm at `size_pt`, broken at spaces and after
    hyphens; only a word wider than the line by itself is cut (with a hyphen)."""

    def fits(s: str) -> bool:
        return width_cm(s, size_pt, bold=bold) <= width

    lines: list[str] = []
    line = ""
    for piece, spaced in _pieces(text):
        while not fits(piece) and len(piece) > 1:
            cut = len(piece) - 1
            while cut > 1 and not fits(piece[:cut] + "-"):
                cut -= 1
            if line:
                lines.append(line)
                line = ""
            lines.append(piece[:cut] + "-")
            piece, spaced = piece[cut:], False
        candidate = line + (" " if spaced and line else "") + piece
        if line and not fits(candidate):
            lines.append(line)
            line = piece
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines
