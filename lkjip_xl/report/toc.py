"""Daftar Isi, Daftar Tabel and Daftar Gambar written into the .docx, not left to Word.

Headings and captions get a bookmark (``_Toc…``, as Word names them) when they are written and
are recorded as entries. At the end of the build each TOC field's result is replaced by its
entries: one paragraph per entry in the "toc N" / "table of figures" style, a hyperlink to the
bookmark and a PAGEREF field. So Word's Protected View, Word for the web, WPS Office and any
reader that does not update fields show the complete list; the field stays marked dirty for
Word to renumber. Page numbers are written by ``set_pages`` after a LibreOffice layout pass
(report.pages); without it the entries carry no numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import qn

from lkjip_xl.report.styles import TOC_STYLES

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ISI = "isi"  # the Daftar Isi; captions use their kind ("Tabel", "Gambar")
#: Style ids of Word's built-in list styles (names "toc 1".."toc 3", "table of figures").
TOC_STYLE_IDS = {i + 1: sid for i, sid in enumerate(TOC_STYLES.values())}

EMPTY = "Belum ada entri."


@dataclass
class Entry:
    kind: str  # ISI, "Tabel" or "Gambar"
    level: int  # heading level (1 for captions)
    text: str
    bookmark: str


class Toc:
    """Entries in document order, and the TOC fields waiting for them."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._fields: list[tuple[object, str, str, str]] = []  # (w:p, instr, kind, style id)
        self._next_id = 1

    def mark(self, paragraph_element, kind: str, level: int, text: str) -> str:  # type: ignore[no-untyped-def]
        """Bookmark a heading or caption paragraph's content and record it as an entry."""
        name = f"_Toc{self._next_id:09d}"
        bookmark_id = str(self._next_id)
        self._next_id += 1
        start = parse_xml(
            f'<w:bookmarkStart xmlns:w="{W_NS}" w:id="{bookmark_id}" w:name="{name}"/>'
        )
        end = parse_xml(f'<w:bookmarkEnd xmlns:w="{W_NS}" w:id="{bookmark_id}"/>')
        ppr = paragraph_element.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            paragraph_element.insert(0, start)
        paragraph_element.append(end)
        self.entries.append(Entry(kind, level, " ".join(text.split()), name))
        return name

    def field(self, paragraph_element, instr: str, kind: str, style_id: str) -> None:  # type: ignore[no-untyped-def]
        """Remember an empty paragraph where the TOC field of `kind` goes (filled later)."""
        self._fields.append((paragraph_element, instr, kind, style_id))

    def fill(self, levels: int = 3) -> None:
        """Write every recorded TOC field with its entries as the field result."""
        for element, instr, kind, style_id in self._fields:
            entries = [e for e in self.entries if e.kind == kind and e.level <= levels]
            paragraphs = field_paragraphs(instr, entries, style_id)
            for new in paragraphs:
                element.addprevious(new)  # type: ignore[attr-defined]
            element.getparent().remove(element)  # type: ignore[attr-defined]
        self._fields = []


def _style_for(entry: Entry, style_id: str) -> str:
    return TOC_STYLE_IDS.get(entry.level, style_id) if entry.kind == ISI else style_id


def _fld(kind: str, dirty: bool = False) -> str:
    flag = ' w:dirty="true"' if dirty else ""
    return f'<w:r><w:fldChar w:fldCharType="{kind}"{flag}/></w:r>'


def _instr(text: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve"> {escape(text)} </w:instrText></w:r>'


def entry_xml(entry: Entry, page: str = "") -> str:
    """The hyperlink of one entry: text, then (with a page) a tab and the PAGEREF result."""
    tab = "<w:r><w:tab/></w:r>" if page else ""
    pageref = _instr(f"PAGEREF {entry.bookmark} \\h")
    return (
        f'<w:hyperlink w:anchor="{entry.bookmark}" w:history="1">'
        f'<w:r><w:t xml:space="preserve">{escape(entry.text)}</w:t></w:r>{tab}'
        f"{_fld('begin')}{pageref}{_fld('separate')}"
        f'<w:r><w:t xml:space="preserve">{escape(page)}</w:t></w:r>{_fld("end")}'
        "</w:hyperlink>"
    )


def field_paragraphs(instr: str, entries: list[Entry], style_id: str) -> list:  # type: ignore[type-arg]
    """The TOC field spread over one paragraph per entry (begin in the first, end in the
    last), marked dirty so Word rebuilds it."""
    head = f"{_fld('begin', dirty=True)}{_instr(instr)}{_fld('separate')}"
    tail = _fld("end")
    if not entries:
        body = [(style_id, f'<w:r><w:t xml:space="preserve">{EMPTY}</w:t></w:r>')]
    else:
        body = [(_style_for(e, style_id), entry_xml(e)) for e in entries]
    out = []
    for i, (style, content) in enumerate(body):
        xml = (
            f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
            f"{head if i == 0 else ''}{content}{tail if i == len(body) - 1 else ''}</w:p>"
        )
        out.append(parse_xml(xml))
    return out


# -- reading and numbering the lists of a written document --------------------------------


def toc_fields(body) -> list[tuple[str, list[tuple[str, str]]]]:  # type: ignore[no-untyped-def]
    """Each TOC field of a document body: (instruction, [(bookmark, entry text)])."""
    out: list[tuple[str, list[tuple[str, str]]]] = []
    current: list[tuple[str, str]] | None = None
    depth = 0
    for p in body.iter(qn("w:p")):
        for node in p.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:hyperlink")):
            if node.tag == qn("w:fldChar"):
                kind = node.get(qn("w:fldCharType"))
                if current is not None:
                    depth += {"begin": 1, "end": -1}.get(kind, 0)
                    if depth < 0:
                        current, depth = None, 0
            elif node.tag == qn("w:instrText") and current is None:
                text = " ".join((node.text or "").split())
                if text.startswith("TOC"):
                    current = []
                    out.append((text, current))
            elif node.tag == qn("w:hyperlink") and current is not None:
                texts = []
                for r in node.iter(qn("w:r")):
                    if r.find(qn("w:tab")) is not None:
                        break
                    if r.find(qn("w:fldChar")) is not None:
                        break
                    texts.extend(t.text or "" for t in r.iter(qn("w:t")))
                current.append((node.get(qn("w:anchor")), "".join(texts)))
    return out


def set_pages(body, pages: Mapping[str, str]) -> int:  # type: ignore[no-untyped-def]
    """Write page numbers into the PAGEREF results of TOC entries (bookmark -> page);
    returns how many entries got one."""
    done = 0
    for link in body.iter(qn("w:hyperlink")):
        bookmark = link.get(qn("w:anchor"))
        if bookmark not in pages:
            continue
        runs = list(link.iter(qn("w:r")))
        begin = next((i for i, r in enumerate(runs) if _fld_type(r) == "begin"), None)
        separate = next((i for i, r in enumerate(runs) if _fld_type(r) == "separate"), None)
        if begin is None or separate is None or separate + 1 >= len(runs):
            continue
        result = runs[separate + 1].find(qn("w:t"))
        if result is None:
            continue
        result.text = pages[bookmark]
        if begin == 0 or runs[begin - 1].find(qn("w:tab")) is None:
            runs[begin].addprevious(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:tab/></w:r>'))
        done += 1
    return done


def _fld_type(run) -> str | None:  # type: ignore[no-untyped-def]
    fld = run.find(qn("w:fldChar"))
    return None if fld is None else fld.get(qn("w:fldCharType"))


def match_pages(
    ours: Iterable[tuple[str, str]], lines: Iterable[tuple[str, str]]
) -> dict[str, str]:
    """Pair our entries (bookmark, text) with a laid-out list's lines (text, page) in order;
    an entry whose text the list does not have in step is skipped, never guessed."""
    lines = [(_norm(t), p) for t, p in lines]
    out: dict[str, str] = {}
    at = 0
    for bookmark, text in ours:
        key = _norm(text)
        for j in range(at, min(at + 5, len(lines))):
            if lines[j][0] == key:
                out[bookmark] = lines[j][1]
                at = j + 1
                break
    return out


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()
