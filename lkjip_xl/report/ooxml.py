"""Raw OOXML helpers that python-docx has no API for.

Fields (TOC, SEQ, PAGE), page-number format and restart, cell shading, repeated header rows,
document language and ``w:updateFields``. Elements are inserted in schema order, which Word
checks (LibreOffice does not): ECMA-376 Part 1, the CT_PPr and CT_SectPr sequences.
"""

from __future__ import annotations

import re

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.text.paragraph import Paragraph

LANG = "id-ID"

# Successors of w:pgNumType inside w:sectPr (ECMA-376 CT_SectPr sequence).
_PGNUM_SUCCESSORS = (
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)
# Successors of w:updateFields inside w:settings.
_UPDATE_FIELDS_SUCCESSORS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
_THEME_LANG_SUCCESSORS = _UPDATE_FIELDS_SUCCESSORS[
    _UPDATE_FIELDS_SUCCESSORS.index("w:clrSchemeMapping") :
]


def _el(tag: str, **attrs: str) -> OxmlElement:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def insert_before(parent, child, successors: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """Insert `child` before the first existing successor (or append)."""
    for tag in successors:
        prefix = tag.split(":")[0]
        if prefix not in ("w",):
            found = [c for c in parent if c.tag.endswith("}" + tag.split(":")[1])]
        else:
            found = parent.findall(qn(tag))
        if found:
            found[0].addprevious(child)
            return
    parent.append(child)


# -- runs -----------------------------------------------------------------------------------


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def append_run(p, text: str, *, bold: bool = False, italic: bool = False, underline: bool = False):  # type: ignore[no-untyped-def]
    """Append a w:r with `text` to a w:p ("\t" a tab, "\n" a line break) in one pass;
    python-docx's run.text walks the text character by character."""
    r = p.makeelement(qn("w:r"), {})
    if bold or italic or underline:
        rpr = r.makeelement(qn("w:rPr"), {})
        if bold:
            rpr.append(rpr.makeelement(qn("w:b"), {}))
        if italic:
            rpr.append(rpr.makeelement(qn("w:i"), {}))
        if underline:
            rpr.append(rpr.makeelement(qn("w:u"), {qn("w:val"): "single"}))
        r.append(rpr)
    for i, line in enumerate(text.split("\n")):
        if i:
            r.append(r.makeelement(qn("w:br"), {}))
        for j, piece in enumerate(line.split("\t")):
            if j:
                r.append(r.makeelement(qn("w:tab"), {}))
            if piece:
                t = r.makeelement(qn("w:t"), {})
                t.text = piece
                if piece[0].isspace() or piece[-1].isspace():
                    t.set(_XML_SPACE, "preserve")
                r.append(t)
    p.append(r)
    return r


# -- fields ---------------------------------------------------------------------------------


def add_field(
    paragraph: Paragraph,
    instr: str,
    result: str = "",
    *,
    dirty: bool = False,
    bold: bool | None = None,
) -> None:
    """Append a complex field (begin/instr/separate/result/end) to a paragraph.

    `result` is the cached text shown before fields are updated. `dirty` asks Word to update
    the field on open; use it on TOC fields only (see the notes).
    """
    p = paragraph._p

    def run(*children) -> None:  # type: ignore[no-untyped-def]
        r = OxmlElement("w:r")
        if bold:
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:b"))
            r.append(rpr)
        for child in children:
            r.append(child)
        p.append(r)

    begin = _el("w:fldChar", fldCharType="begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    run(begin)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    run(text)
    run(_el("w:fldChar", fldCharType="separate"))
    if result:
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = result
        run(t)
    run(_el("w:fldChar", fldCharType="end"))


def field_instructions(element) -> list[str]:  # type: ignore[no-untyped-def]
    """Instruction texts of every complex field under an element (for tests and checks)."""
    return [" ".join((t.text or "").split()) for t in element.iter(qn("w:instrText"))]


# -- sections -------------------------------------------------------------------------------


def set_page_numbering(section: Section, fmt: str, start: int | None = None) -> None:
    """Page-number format ("lowerRoman", "decimal") and optional restart for a section.

    Always rewrites w:pgNumType, because python-docx's add_section copies the previous
    section's element (restart included) into the new section.
    """
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    pg = _el("w:pgNumType", fmt=fmt)
    if start is not None:
        pg.set(qn("w:start"), str(start))
    insert_before(sect_pr, pg, _PGNUM_SUCCESSORS)


def page_numbering(section: Section) -> tuple[str | None, int | None]:
    """(format, start) of a section, for tests."""
    pg = section._sectPr.find(qn("w:pgNumType"))
    if pg is None:
        return None, None
    start = pg.get(qn("w:start"))
    return pg.get(qn("w:fmt")), int(start) if start is not None else None


# -- tables ---------------------------------------------------------------------------------


def shd_xml(fill: str) -> str:
    """A w:shd element as XML text (for the table builder, which writes XML text)."""
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{fill.lstrip("#").upper()}"/>'


# -- document-wide settings -----------------------------------------------------------------


def set_language(document: Document, lang: str = LANG) -> None:
    """Language of the default run properties and every style that sets one, plus settings."""
    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_lang(rpr, lang)
    for style_rpr in styles.iter(qn("w:rPr")):
        if style_rpr.find(qn("w:lang")) is not None:
            _set_lang(style_rpr, lang)
    settings = document.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is None:
        theme = OxmlElement("w:themeFontLang")
        insert_before(settings, theme, _THEME_LANG_SUCCESSORS)
    theme.set(qn("w:val"), lang)


def _set_lang(rpr, lang: str) -> None:  # type: ignore[no-untyped-def]
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        # w:lang is near the end of CT_RPr; only eastAsianLayout, specVanish, oMath follow.
        insert_before(rpr, lang_el, ("w:eastAsianLayout", "w:specVanish", "w:oMath"))
    lang_el.set(qn("w:val"), lang)
    lang_el.set(qn("w:eastAsia"), lang)
    lang_el.set(qn("w:bidi"), "ar-SA")


def set_update_fields(document: Document) -> None:
    """Word asks to update fields (TOC page numbers, SEQ numbers) when the file is opened."""
    settings = document.settings.element
    el = settings.find(qn("w:updateFields"))
    if el is None:
        el = OxmlElement("w:updateFields")
        insert_before(settings, el, _UPDATE_FIELDS_SUCCESSORS)
    el.set(qn("w:val"), "true")


_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: object) -> str:
    """Text without the control characters XML forbids (pasted from other programs)."""
    return _INVALID_XML.sub("", "" if text is None else str(text))
