"""The .docx as a file: Word 2013+ compatibility mode, the report's own properties, no stale
thumbnail.

python-docx's default template says it was written by "Microsoft Macintosh Word" on
2013-12-23, one page long, in Word 2010 compatibility mode (Word 365 opens it in Compatibility
Mode) with a blank thumbnail (Explorer previews show a white page). Here: compatibilityMode 15,
core properties of this report (title, the instansi as author, created and modified now),
extended properties naming this application, the thumbnail removed (Word makes a real one
the next time it saves: w:savePreviewPicture stays set) and Word 2010's stylesWithEffects copy
of the styles dropped (Word 2013+ reads styles.xml only).
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from lkjip_xl import __version__
from lkjip_xl.core.model import Laporan

COMPATIBILITY_MODE = "15"  # Word 2013 and later
_WORD_URI = "http://schemas.microsoft.com/office/word"
APPLICATION = f"lkjip-xl {__version__}"
_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><Company>{company}</Company>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
# Successors of w:compat inside w:settings (ECMA-376 CT_Settings sequence).
_COMPAT_SUCCESSORS = ("w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang")


def set_compatibility(doc: Document, mode: str = COMPATIBILITY_MODE) -> None:
    """w:compat/w:compatSetting compatibilityMode = `mode` (created when the base lacks it)."""
    from lkjip_xl.report.ooxml import insert_before

    settings = doc.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        insert_before(settings, compat, _COMPAT_SUCCESSORS)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), mode)
            return
    setting = OxmlElement("w:compatSetting")
    setting.set(qn("w:name"), "compatibilityMode")
    setting.set(qn("w:uri"), _WORD_URI)
    setting.set(qn("w:val"), mode)
    compat.append(setting)


def set_properties(doc: Document, laporan: Laporan, now: dt.datetime | None = None) -> None:
    """Core and extended properties of this report; the thumbnail of the base is dropped."""
    ident = laporan.identitas
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    props = doc.core_properties
    props.title = (
        f"Laporan Kinerja Instansi Pemerintah (LKjIP) {ident.nama_instansi} Tahun {ident.tahun}"
    )
    props.subject = "LKjIP (SAKIP, PermenPAN-RB 53/2014)"
    props.author = ident.nama_instansi
    props.keywords = f"LKjIP; SAKIP; {ident.tahun}"
    props.category = "Laporan Kinerja"
    props.language = "id-ID"
    props.comments = f"Dibuat dengan {APPLICATION}"
    props.last_modified_by = ident.nama_instansi
    props.revision = 1
    props.created = now
    props.modified = now
    for rel in list(doc.part.rels.values()):
        if rel.reltype == _STYLES_WITH_EFFECTS:  # Word 2010's duplicate of styles.xml
            del doc.part.rels[rel.rId]
    package = doc.part.package
    for rel in list(package.rels.values()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel.rId]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            company = escape(ident.pemerintah_daerah or "")
            xml = _APP_XML.format(application=escape(APPLICATION), company=company)
            rel.target_part._blob = xml.encode("utf-8")
