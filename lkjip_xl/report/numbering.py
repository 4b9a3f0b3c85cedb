"""Real Word lists: numbering definitions in numbering.xml, one list instance per list.

Each list kind ("decimal" 1. a. 1) a) ..., "lower-letter" a. 1) a) ..., "upper-letter",
"upper-roman", "lower-roman", "bullet" • – ▪, "dash" - – ▪) is one w:abstractNum with nine
levels; every list the report writes is a new w:num on it with a start override on every
level, so each list restarts at 1 (or at the number staff typed) and a nested level restarts
under each item of the level above.
Word and LibreOffice then number, indent and renumber the list themselves: moving or deleting
an item never leaves a typed number behind.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.parts.numbering import NumberingPart

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LEVELS = 9
INDENT_CM = 0.75  # text indent per level; the number hangs in front of the text
_TWIPS_PER_CM = 567

#: kind -> (numFmt, lvlText) per level, cycling when a list nests deeper than listed.
KINDS: dict[str, tuple[tuple[str, str], ...]] = {
    "decimal": (
        ("decimal", "%1."),
        ("lowerLetter", "%2."),
        ("decimal", "%3)"),
        ("lowerLetter", "%4)"),
        ("decimal", "(%5)"),
        ("lowerLetter", "(%6)"),
    ),
    "lower-letter": (
        ("lowerLetter", "%1."),
        ("decimal", "%2)"),
        ("lowerLetter", "%3)"),
        ("decimal", "(%4)"),
        ("lowerLetter", "(%5)"),
    ),
    "upper-letter": (
        ("upperLetter", "%1."),
        ("decimal", "%2."),
        ("lowerLetter", "%3."),
        ("decimal", "%4)"),
        ("lowerLetter", "%5)"),
    ),
    "upper-roman": (
        ("upperRoman", "%1."),
        ("upperLetter", "%2."),
        ("decimal", "%3."),
        ("lowerLetter", "%4."),
        ("decimal", "%5)"),
    ),
    "lower-roman": (
        ("lowerRoman", "%1."),
        ("lowerLetter", "%2)"),
        ("decimal", "%3)"),
    ),
    "bullet": (("bullet", "\u2022"), ("bullet", "\u2013"), ("bullet", "\u25aa")),
    "dash": (("bullet", "-"), ("bullet", "\u2013"), ("bullet", "\u25aa")),
}
_BULLET_FONT = "Arial"


def _level_xml(ilvl: int, fmt: str, text: str) -> str:
    left = round((ilvl + 1) * INDENT_CM * _TWIPS_PER_CM)
    hanging = round(INDENT_CM * _TWIPS_PER_CM)
    rpr = (
        f'<w:rPr><w:rFonts w:ascii="{_BULLET_FONT}" w:hAnsi="{_BULLET_FONT}" '
        f'w:cs="{_BULLET_FONT}"/></w:rPr>'
        if fmt == "bullet"
        else ""
    )
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
        f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>'
    )


def _abstract_xml(abstract_id: int, kind: str, shift: int) -> str:
    """Nine levels of `kind`; with `shift` the kind's first format is at level `shift` (a
    lettered list nested under numbered items keeps "a." at its indentation)."""
    spec = KINDS[kind]
    levels = []
    for ilvl in range(LEVELS):
        at = (ilvl - shift) % len(spec)
        fmt, text = spec[at]
        if fmt != "bullet":
            text = text.replace(f"%{at + 1}", f"%{ilvl + 1}")
        levels.append(_level_xml(ilvl, fmt, text))
    return (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{0x4C4B0000 + abstract_id:08X}"/>'
        '<w:multiLevelType w:val="multilevel"/>'
        f'<w:name w:val="lkjip {kind} {shift}"/>{"".join(levels)}</w:abstractNum>'
    )


class Numbering:
    """The document's numbering part, with the report's list kinds added on first use."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._root = None
        self._abstract: dict[tuple[str, int], int] = {}
        self._next_num = 0
        self._next_abstract = 0

    def _numbering(self):  # type: ignore[no-untyped-def]
        if self._root is None:
            part = self.doc.part
            try:
                numbering = part.part_related_by(RT.NUMBERING)
            except KeyError:  # a user's base without lists: add the part
                element = parse_xml(f'<w:numbering xmlns:w="{W_NS}"/>')
                numbering = NumberingPart(
                    PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package
                )
                part.relate_to(numbering, RT.NUMBERING)
            self._root = numbering.element
            nums = [int(n.get(qn("w:numId"))) for n in self._root.findall(qn("w:num"))]
            abstracts = [
                int(a.get(qn("w:abstractNumId"))) for a in self._root.findall(qn("w:abstractNum"))
            ]
            self._next_num = max(nums, default=0) + 1
            self._next_abstract = max(abstracts, default=-1) + 1
        return self._root

    def _abstract_id(self, kind: str, shift: int) -> int:
        if kind not in KINDS:
            raise ValueError(f"unknown list kind {kind!r}; one of {', '.join(KINDS)}")
        if (kind, shift) not in self._abstract:
            root = self._numbering()
            abstract_id = self._next_abstract
            self._next_abstract += 1
            element = parse_xml(_abstract_xml(abstract_id, kind, shift))
            last = root.findall(qn("w:abstractNum"))
            if last:
                last[-1].addnext(element)
            else:  # abstractNum precede num (and follow numPicBullet) in CT_Numbering
                pics = root.findall(qn("w:numPicBullet"))
                if pics:
                    pics[-1].addnext(element)
                else:
                    root.insert(0, element)
            self._abstract[(kind, shift)] = abstract_id
        return self._abstract[(kind, shift)]

    def new_list(self, kind: str = "decimal", start: int = 1, *, shift: int = 0) -> int:
        """A new list instance (w:numId) that starts at `start` on its first level and at 1
        below; `shift`: the level (0-based) where the kind's first format stands."""
        abstract_id = self._abstract_id(kind, shift)
        root = self._numbering()
        num_id = self._next_num
        self._next_num += 1
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{start if i == shift else 1}"/>'
            "</w:lvlOverride>"
            for i in range(LEVELS)
        )
        element = parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        )
        cleanup = root.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(element)
        else:
            root.append(element)
        return num_id


def set_number(paragraph_element, num_id: int, level: int) -> None:  # type: ignore[no-untyped-def]
    """Make a w:p an item of list `num_id` at `level` (0 = top)."""
    ppr = paragraph_element.get_or_add_pPr()
    old = ppr.find(qn("w:numPr"))
    if old is not None:
        ppr.remove(old)
    num_pr = ppr.makeelement(qn("w:numPr"), {})
    num_pr.append(num_pr.makeelement(qn("w:ilvl"), {qn("w:val"): str(level)}))
    num_pr.append(num_pr.makeelement(qn("w:numId"), {qn("w:val"): str(num_id)}))
    # CT_PPr order: pStyle, keepNext, keepLines, pageBreakBefore, framePr, widowControl, numPr
    before = [ppr.find(qn(t)) for t in _BEFORE_NUMPR]
    anchor = next((el for el in reversed(before) if el is not None), None)
    if anchor is not None:
        anchor.addnext(num_pr)
    else:
        ppr.insert(0, num_pr)


_BEFORE_NUMPR = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
)
