"""The base document and every style the report uses.

Base = python-docx's default template, or the user's own .docx (``--gaya``): that file is opened,
its body cleared (the final w:sectPr, i.e. page size, margins, headers and footers, is kept) and
its styles are used as they are. Styles the report needs but the base lacks are created here,
so a user template never breaks the build. With the default template the house style is applied:
Arial 12 pt, 1,5 line spacing, justified, black headings without theme fonts (theme fonts would
override ``font.name``), A4 with margins top 4, left 4, bottom 3, right 3 cm (the 4-4-3-3 layout
many Pemda guidelines prescribe; the left margin leaves room for binding).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as open_document
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from lkjip_xl.report import ooxml

FONT = "Arial"
BODY_PT = 12
#: Left indent of the signature block (Tanda Tangan style); narrowed for long names
#: by report.signature.fit_indent.
SIGN_INDENT_CM = 7.5
TABLE_PT = 10
CAPTION_PT = 11  # tablelayout.CAPTION_PT estimates caption heights with it
A4 = (Cm(21.0), Cm(29.7))
MARGINS = {"top": Cm(4), "left": Cm(4), "bottom": Cm(3), "right": Cm(3)}
MARGINS_LANDSCAPE = {"top": Cm(4), "left": Cm(3), "bottom": Cm(3), "right": Cm(3)}

# Custom paragraph styles: name -> (base, size pt, bold, italic, alignment, line spacing).
JUDUL_SAMPUL = "Judul Sampul"
SUBJUDUL = "Subjudul"
KUTIPAN = "Kutipan"
ISI_TABEL = "Isi Tabel"
SUMBER = "Sumber Tabel"
BUTIR = "Butir"
BUTIR_2 = "Butir 2"
TANDA_TANGAN = "Tanda Tangan"
RUMUS = "Rumus"

#: Word's built-in list styles by name, with the style ids Word gives them.
TOC_STYLES = {"toc 1": "TOC1", "toc 2": "TOC2", "toc 3": "TOC3"}
FIGURES_STYLE = "table of figures"
FIGURES_STYLE_ID = "TableofFigures"

#: Every paragraph style the builder references (tests check they exist in the output).
PARAGRAPH_STYLES = (
    "Normal",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Caption",
    *TOC_STYLES,
    FIGURES_STYLE,
    "Footer",
    JUDUL_SAMPUL,
    SUBJUDUL,
    KUTIPAN,
    ISI_TABEL,
    SUMBER,
    BUTIR,
    BUTIR_2,
    TANDA_TANGAN,
    RUMUS,
)


def base_document(gaya: Path | None = None) -> tuple[Document, bool]:
    """(document, is_default). A user base is emptied except for its final sectPr."""
    if gaya is None:
        return open_document(), True
    doc = open_document(str(gaya))
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc, False


def prepare(doc: Document, house_style: bool) -> None:
    """Create missing styles; with the default base also apply the house style and page."""
    if house_style:
        _house_style(doc)
        section = doc.sections[0]
        section.page_width, section.page_height = A4
        for side, value in MARGINS.items():
            setattr(section, f"{side}_margin", value)
        section.footer_distance = Cm(1.5)
        section.header_distance = Cm(1.5)
    _ensure_styles(doc)
    ooxml.set_language(doc)
    ooxml.set_update_fields(doc)


def _strip_theme_fonts(rpr) -> None:  # type: ignore[no-untyped-def]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        return
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def _set_font(
    style,
    size: float | None = None,
    bold: bool | None = None,  # type: ignore[no-untyped-def]
    italic: bool | None = None,
    colour: bool = True,
) -> None:
    font = style.font
    font.name = FONT
    rpr = style.element.get_or_add_rPr()
    _strip_theme_fonts(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        fonts.set(qn("w:cs"), FONT)
        fonts.set(qn("w:eastAsia"), FONT)
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if colour:
        font.color.rgb = RGBColor(0, 0, 0)


def _house_style(doc: Document) -> None:
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for rpr in defaults.iter(qn("w:rPr")):
            _strip_theme_fonts(rpr)
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is not None:
                for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
                    fonts.set(qn(f"w:{attr}"), FONT)
    normal = styles["Normal"]
    _set_font(normal, BODY_PT)
    pf = normal.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.line_spacing_rule = WD_LINE_SPACING.ONE_POINT_FIVE
    pf.space_before = Pt(0)
    pf.space_after = Pt(6)
    pf.widow_control = True
    for level, size in ((1, 14), (2, 12), (3, 12)):
        style = styles[f"Heading {level}"]
        _set_font(style, size, bold=True, italic=False)
        hpf = style.paragraph_format
        hpf.keep_with_next = True
        hpf.line_spacing_rule = WD_LINE_SPACING.ONE_POINT_FIVE
        hpf.space_before = Pt(18 if level == 1 else 12)
        hpf.space_after = Pt(12 if level == 1 else 6)
        hpf.alignment = WD_ALIGN_PARAGRAPH.CENTER if level == 1 else WD_ALIGN_PARAGRAPH.LEFT
    caption = styles["Caption"]
    _set_font(caption, CAPTION_PT, bold=True, italic=False)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.space_after = Pt(6)
    caption.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    caption.paragraph_format.keep_with_next = True
    _set_font(styles["Footer"], 11)


def style_ids(doc: Document) -> dict[str, str]:
    """Style name -> style id for every style of the document, read in one pass (python-docx
    scans all styles on each lookup by name)."""
    return {s.name: s.style_id for s in doc.styles if s.name is not None}


def font_size(doc: Document, name: str) -> float | None:
    """The point size a paragraph style sets (or inherits), None when none is set."""
    style = doc.styles[name]
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    return None


_STYLE_IDS = {**TOC_STYLES, FIGURES_STYLE: FIGURES_STYLE_ID}


def _paragraph_style(doc: Document, name: str, base: str = "Normal"):  # type: ignore[no-untyped-def]
    styles = doc.styles
    try:
        return styles[name], False
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if name in _STYLE_IDS:  # Word's built-in ids, so Word treats them as its own
            style.style_id = _STYLE_IDS[name]
        style.base_style = styles[base] if base in [s.name for s in styles] else None
        return style, True


def _ensure_styles(doc: Document) -> None:
    """Create every style the builder uses that the base lacks (toc 1..3, table of figures...)."""
    single = WD_LINE_SPACING.SINGLE
    specs = {
        # name: (base, size, bold, italic, align, spacing, left indent cm, first-line cm)
        "Heading 1": ("Normal", 14, True, False, WD_ALIGN_PARAGRAPH.CENTER, None, None, None),
        "Heading 2": ("Normal", 12, True, False, WD_ALIGN_PARAGRAPH.LEFT, None, None, None),
        "Heading 3": ("Normal", 12, True, False, WD_ALIGN_PARAGRAPH.LEFT, None, None, None),
        "Caption": ("Normal", 11, True, False, WD_ALIGN_PARAGRAPH.CENTER, single, None, None),
        "Footer": ("Normal", 11, None, None, WD_ALIGN_PARAGRAPH.CENTER, single, None, None),
        "toc 1": ("Normal", None, True, None, WD_ALIGN_PARAGRAPH.LEFT, None, 0, None),
        "toc 2": ("Normal", None, None, None, WD_ALIGN_PARAGRAPH.LEFT, None, 0.6, None),
        "toc 3": ("Normal", None, None, None, WD_ALIGN_PARAGRAPH.LEFT, None, 1.2, None),
        FIGURES_STYLE: ("Normal", None, None, None, WD_ALIGN_PARAGRAPH.LEFT, None, 0, None),
        JUDUL_SAMPUL: ("Normal", 18, True, False, WD_ALIGN_PARAGRAPH.CENTER, single, 0, 0),
        SUBJUDUL: ("Normal", None, True, None, WD_ALIGN_PARAGRAPH.LEFT, None, None, None),
        KUTIPAN: ("Normal", None, True, True, WD_ALIGN_PARAGRAPH.CENTER, None, 1, None),
        ISI_TABEL: ("Normal", TABLE_PT, None, None, WD_ALIGN_PARAGRAPH.LEFT, single, 0, 0),
        SUMBER: ("Normal", 9, None, True, WD_ALIGN_PARAGRAPH.LEFT, single, 0, 0),
        BUTIR: ("Normal", None, None, None, WD_ALIGN_PARAGRAPH.JUSTIFY, None, 0.75, -0.75),
        BUTIR_2: ("Normal", None, None, None, WD_ALIGN_PARAGRAPH.JUSTIFY, None, 1.5, -0.75),
        TANDA_TANGAN: (
            "Normal",
            None,
            None,
            None,
            WD_ALIGN_PARAGRAPH.CENTER,
            single,
            SIGN_INDENT_CM,
            0,
        ),
        RUMUS: ("Normal", None, None, True, WD_ALIGN_PARAGRAPH.CENTER, None, 0, 0),
    }
    for name, (base, size, bold, italic, align, spacing, left, first) in specs.items():
        style, created = _paragraph_style(doc, name, base)
        if not created:
            continue  # the user's own style (or one _house_style already set) wins
        _set_font(style, size, bold, italic, colour=name.startswith("Heading"))
        pf = style.paragraph_format
        pf.alignment = align
        if spacing is not None:
            pf.line_spacing_rule = spacing
            pf.space_after = Pt(0) if name in (ISI_TABEL, SUMBER, TANDA_TANGAN) else Pt(4)
        if left is not None:
            pf.left_indent = Cm(left)
        if first is not None:
            pf.first_line_indent = Cm(first)
        if name.startswith("Heading"):
            level = int(name[-1])
            pf.keep_with_next = True
            ppr = style.element.get_or_add_pPr()
            outline = ppr.find(qn("w:outlineLvl"))
            if outline is None:
                outline = OxmlElement("w:outlineLvl")
                ppr.append(outline)
            outline.set(qn("w:val"), str(level - 1))
        if name in (SUBJUDUL, "Caption"):
            pf.keep_with_next = True
        if name in _STYLE_IDS:
            pf.space_after = Pt(0)
            _toc_tab(style)


def _toc_tab(style) -> None:  # type: ignore[no-untyped-def]
    """Right tab with dot leader at the text width, so page numbers line up."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

    style.paragraph_format.tab_stops.add_tab_stop(
        Cm(14.0), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
    )
