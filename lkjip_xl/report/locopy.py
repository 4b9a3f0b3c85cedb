"""The copy of the .docx that LibreOffice lays out: caption numbering it understands.

The master .docx numbers captions for Word: {SEQ Bab \\r N \\h} hidden in each chapter heading,
{SEQ Bab \\c}.{SEQ Tabel \\s 1} in captions (report.captions). LibreOffice ignores \\s (the
count would run on across chapters) and shows \\h fields, so its copy gets the numbering the
old way: the hidden chapter fields are dropped, the chapter number in captions becomes plain
text, and the first caption of each kind in a chapter restarts at 1 (\\r 1). The master is
never changed; LibreOffice re-saving a .docx would drop the Word switches anyway.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SEQ = re.compile(r"^\s*SEQ\s+(\S+)(.*)$")
CHAPTER_SEQ = "Bab"


def _fld_type(run) -> str | None:  # type: ignore[no-untyped-def]
    fld = run.find(W + "fldChar")
    return None if fld is None else fld.get(W + "fldCharType")


def _fields(paragraph) -> list[tuple[list, str]]:  # type: ignore[no-untyped-def]
    """(runs of the field from begin to end, instruction) for simple fields in a paragraph."""
    out = []
    runs: list | None = None
    instr = ""
    for child in list(paragraph):
        if child.tag != W + "r":
            if runs is not None:
                runs.append(child)
            continue
        kind = _fld_type(child)
        if kind == "begin" and runs is None:
            runs, instr = [child], ""
            continue
        if runs is None:
            continue
        runs.append(child)
        text = child.find(W + "instrText")
        if text is not None:
            instr += text.text or ""
        if kind == "end":
            out.append((runs, instr))
            runs = None
    return out


def _result_text(runs: list) -> str:  # type: ignore[type-arg]
    after = False
    texts = []
    for run in runs:
        kind = _fld_type(run)
        if kind == "separate":
            after = True
        elif after and kind is None:
            texts.extend(t.text or "" for t in run.iter(W + "t"))
    return "".join(texts)


def adjust(root) -> int:  # type: ignore[no-untyped-def]
    """Rewrite the caption fields of a document.xml tree for LibreOffice; returns how many
    chapter starts were found."""
    chapters = 0
    restarted: set[str] = set()
    for paragraph in root.iter(W + "p"):
        for runs, instr in _fields(paragraph):
            match = _SEQ.match(instr)
            if not match:
                continue
            name, switches = match.group(1), match.group(2)
            if name == CHAPTER_SEQ:
                if "\\h" in switches:  # the chapter heading's hidden counter: a new chapter
                    chapters += 1
                    restarted = set()
                    replacement = None
                else:
                    replacement = etree.SubElement(paragraph, W + "r")
                    text = etree.SubElement(replacement, W + "t")
                    text.text = _result_text(runs)
                    rpr = runs[0].find(W + "rPr")
                    if rpr is not None:
                        replacement.insert(0, etree.fromstring(etree.tostring(rpr)))
                    runs[0].addprevious(replacement)
                for run in runs:
                    paragraph.remove(run)
            elif name not in restarted:
                restarted.add(name)
                if "\\r" not in switches:
                    instr_el = next(r for r in runs if r.find(W + "instrText") is not None)
                    node = instr_el.find(W + "instrText")
                    node.text = (node.text or "").rstrip() + " \\r 1 "
    return chapters


def for_libreoffice(src: Path, dst: Path) -> None:
    """Write `dst`: `src` with the caption fields adjusted (other parts copied as they are)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/document.xml":
                root = etree.fromstring(data)
                adjust(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(item, data)
