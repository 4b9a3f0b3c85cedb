"""A list being written: its Word numbering instance and the markers staff type.

Staff often type the number of a list item ("a. ...", "1) ...", "II. ...", "- ...") in a
"Butir" row. Word numbers the item itself, so the typed marker is removed and only tells which
kind of list it is and where it starts ("3." starts the list at 3); a number inside the text
such as a year or "1.250 pegawai" is never taken for a marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from docx.text.paragraph import Paragraph

from lkjip_xl.report.numbering import Numbering, set_number
from lkjip_xl.report.ooxml import append_run

#: A typed list marker followed by a space: "1.", "1)", "(1)", "1.1", "1.2.", "a.", "a)",
#: "(a)", "iv.", "IV)", "-", "•", "–", "*", "·", "▪".
MARKER = re.compile(
    r"^\s*(?:\((?P<paren>[0-9]{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})\)"
    r"|(?P<multi>[0-9]{1,2}(?:\.[0-9]{1,2})+)\.?"
    r"|(?P<num>[0-9]{1,3})[.)]"
    r"|(?P<roman>[ivxlc]{1,6}|[IVXLC]{1,6})[.)]"
    r"|(?P<letter>[a-zA-Z])[.)]"
    r"|(?P<bullet>[-\u2022\u2013*\u00b7\u25aa]))\s+"
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(text: str) -> int:
    total, prev = 0, 0
    for ch in reversed(text.lower()):
        value = _ROMAN[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


def split_marker(text: str) -> tuple[str | None, int, str]:
    """(kind the typed marker asks for or None, its number, text without the marker)."""
    match = MARKER.match(text)
    if not match:
        return None, 1, text
    rest = text[match.end() :]
    groups = match.groupdict()
    if groups["paren"] is not None:
        inner = groups["paren"]
        if inner.isdigit():
            return "decimal", int(inner), rest
        return _letter_kind(inner), _letter_number(inner), rest
    if groups["multi"] is not None:
        return "decimal", 1, rest
    if groups["num"] is not None:
        return "decimal", int(groups["num"]), rest
    if groups["roman"] is not None:
        token = groups["roman"]
        if len(token) == 1 and token.lower() not in "iv":  # "c." "l." "x." are letters
            return _letter_kind(token), _letter_number(token), rest
        return ("upper-roman" if token.isupper() else "lower-roman"), _roman(token), rest
    if groups["letter"] is not None:
        token = groups["letter"]
        return _letter_kind(token), _letter_number(token), rest
    return ("dash" if groups["bullet"] in "-\u2013" else "bullet"), 1, rest


def _letter_kind(token: str) -> str:
    if len(token) > 1:
        return "upper-roman" if token.isupper() else "lower-roman"
    return "upper-letter" if token.isupper() else "lower-letter"


def _letter_number(token: str) -> int:
    if len(token) > 1:
        return _roman(token)
    return ord(token.lower()) - ord("a") + 1


class WordList:
    """Items of one list; ``add`` continues the numbering, nested levels restart under each
    item of the level above. Paragraphs between items do not interrupt it."""

    def __init__(
        self,
        numbering: Numbering,
        new_paragraph: Callable[[str | None], Paragraph],
        kind: str = "decimal",
        *,
        style: str | None = None,
        start: int = 1,
        base_level: int = 1,
    ) -> None:
        """`base_level`: the level whose items show the kind's first format (2 for a list
        that starts indented)."""
        self._numbering = numbering
        self._new_paragraph = new_paragraph
        self.kind = kind
        self.style = style
        self.num_id = numbering.new_list(kind, start, shift=base_level - 1)
        self._nested: dict[int, tuple[str, int]] = {}  # level -> (kind, numId) of a sub-list

    def paragraph(
        self, level: int = 1, *, style: str | None = None, kind: str | None = None
    ) -> Paragraph:
        """An empty numbered paragraph at `level` (1 = top); fill it with runs."""
        level = max(1, min(level, 9))
        num_id = self.num_id
        for deeper in [lv for lv in self._nested if lv > level]:
            del self._nested[deeper]
        if kind is not None and kind != self.kind and level > 1:
            # a nested run of another kind (a dash list under numbered items): its own list
            if self._nested.get(level, ("", 0))[0] != kind:
                self._nested[level] = (kind, self._numbering.new_list(kind, shift=level - 1))
            num_id = self._nested[level][1]
        paragraph = self._new_paragraph(style or self.style)
        set_number(paragraph._p, num_id, level - 1)
        return paragraph

    def add(
        self,
        text: str,
        level: int = 1,
        *,
        style: str | None = None,
        kind: str | None = None,
        bold: bool = False,
    ) -> Paragraph:
        """One item; a marker typed at its start is dropped (Word numbers it)."""
        _, _, text = split_marker(text)
        paragraph = self.paragraph(level, style=style, kind=kind)
        if text:
            append_run(paragraph._p, text, bold=bold)
        return paragraph
