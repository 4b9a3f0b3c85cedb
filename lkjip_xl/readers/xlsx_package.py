"""The parts of an .xlsx/.xlsm package the reader needs, parsed safely and within a budget.

Why not openpyxl's loader: it builds every cell of every sheet as an object (a table stretched to
row 1 048 576 cost 26 s and 1.8 GB), its read-only mode hides tables, hidden rows and merged
cells, and it keeps either the formula or its cached result, never both. This module reads the
workbook part, relationships, shared strings, styles (which cells are dates) and table parts
through `xlsx_stream` (no entity resolution, no network, DOCTYPE refused, one budget);
`xlsx_sheet` streams the sheets.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field

from lkjip_xl.readers.xlsx_stream import (
    MAX_SMALL_PART,
    NS_MAIN,
    NS_PKG_REL,
    NS_REL,
    NS_STRICT,
    Budget,
    FilteredStream,
    broken,
    fail,
    parse_events,
    release_parsed,
    unescape,
)


@dataclass
class Rel:
    type: str  # last segment of the relationship type: "worksheet", "table", ...
    target: str  # part name inside the zip, e.g. "xl/worksheets/sheet1.xml"


@dataclass
class SheetEntry:
    name: str
    state: str  # "visible", "hidden", "veryHidden"
    part: str | None  # zip member of its XML (None: not a worksheet, e.g. a chartsheet)


@dataclass
class TablePart:
    name: str
    ref: str
    header_rows: int
    totals_rows: int
    column_names: list[str]
    filtered: bool
    part: str


@dataclass
class Package:
    """An opened package: the zip, its parts by name and what every reader needs from it."""

    zf: zipfile.ZipFile
    budget: Budget = field(default_factory=Budget)
    names: dict[str, str] = field(default_factory=dict)  # lower-case name -> real name

    def __post_init__(self) -> None:
        self.names = {n.lower(): n for n in self.zf.namelist()}

    def has(self, part: str) -> bool:
        return part.lower() in self.names

    def open(self, part: str, *, sheet: bool = False) -> FilteredStream:
        return FilteredStream(
            self.zf.open(self.names[part.lower()]), part, self.budget, sheet=sheet
        )

    def xml(self, part: str):  # type: ignore[no-untyped-def]
        """A small part as an lxml element (bounded size, DOCTYPE refused)."""
        from lxml import etree

        info = self.zf.getinfo(self.names[part.lower()])
        if info.file_size > MAX_SMALL_PART:
            raise broken(part, "bagian terlalu besar")
        data = self.open(part).read()
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
        )
        try:
            return etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise broken(part, str(exc)) from None

    def rels(self, part: str) -> dict[str, Rel]:
        """Relationships of a part by id, targets resolved to zip member names."""
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", name + ".rels")
        if not self.has(rels_part):
            return {}
        out = {}
        for rel in self.xml(rels_part).iter(f"{{{NS_PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = (rel.get("Target") or "").replace("\\", "/")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            out[rel.get("Id") or ""] = Rel(
                (rel.get("Type") or "").rsplit("/", 1)[-1], posixpath.normpath(path)
            )
        return out


def main_part(pkg: Package) -> str:
    for rel in pkg.rels("").values() if pkg.has("_rels/.rels") else []:
        if rel.type == "officeDocument":
            return rel.target
    return "xl/workbook.xml"


def sheets(pkg: Package, workbook_part: str) -> tuple[list[SheetEntry], bool]:
    """The sheets in tab order and whether the workbook counts dates from 1904."""
    root = pkg.xml(workbook_part)
    if root.tag.startswith(f"{{{NS_STRICT}}}"):
        raise fail(
            "Buku kerja disimpan dalam format 'Strict Open XML Spreadsheet', yang tidak didukung.",
            "Buka di Excel, File > Save As, pilih 'Excel Macro-Enabled Workbook (*.xlsm)' atau "
            "'Excel Workbook (*.xlsx)', bukan 'Strict Open XML'.",
            "format-strict",
        )
    if root.tag != f"{{{NS_MAIN}}}workbook":
        raise broken(workbook_part, "bukan bagian workbook Excel")
    rels = pkg.rels(workbook_part)
    pr = root.find(f"{{{NS_MAIN}}}workbookPr")
    date1904 = pr is not None and (pr.get("date1904") or "").lower() in ("1", "true")
    out = []
    for sheet in root.iter(f"{{{NS_MAIN}}}sheet"):
        rel = rels.get(sheet.get(f"{{{NS_REL}}}id") or "")
        part = rel.target if rel and rel.type == "worksheet" and pkg.has(rel.target) else None
        out.append(SheetEntry(sheet.get("name") or "", sheet.get("state") or "visible", part))
    return out, date1904


def shared_strings(pkg: Package, workbook_part: str) -> list[str]:
    """The shared string table. Read by <t> (text) events, so a string of a million runs costs
    what its text costs; phonetic guides (<rPh>) are left out, as Excel shows them."""
    part = next(
        (r.target for r in pkg.rels(workbook_part).values() if r.type == "sharedStrings"), None
    )
    if part is None or not pkg.has(part):
        return []
    si, t, rph = f"{{{NS_MAIN}}}si", f"{{{NS_MAIN}}}t", f"{{{NS_MAIN}}}rPh"
    out: list[str] = []
    pieces: list[str] = []
    for count, (_, el) in enumerate(parse_events(pkg.open(part), (si, t))):
        if el.tag == t:
            parent = el.getparent()
            if parent is None or parent.tag != rph:
                pieces.append(el.text or "")
                pkg.budget.add_text(len(el.text or ""))
        else:
            out.append(unescape("".join(pieces)))
            pieces = []
        el.clear()
        if count & 255 == 255:
            release_parsed(el)
    return out


def element_text(el, t: str, r: str) -> str:  # type: ignore[no-untyped-def]
    """The text of a string item (<si>, <is>): its <t>, or its runs' <t> (phonetics left out)."""
    direct = el.find(t)
    if direct is not None:
        return unescape(direct.text or "")
    return unescape("".join(run.findtext(t) or "" for run in el.iter(r)))


def date_styles(pkg: Package, workbook_part: str) -> tuple[set[int], set[int]]:
    """Indices of cell formats that show dates, and those that show durations ([h]:mm)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    part = next((r.target for r in pkg.rels(workbook_part).values() if r.type == "styles"), None)
    if part is None or not pkg.has(part):
        return set(), set()
    root = pkg.xml(part)
    formats: dict[int, str] = dict(BUILTIN_FORMATS)
    custom = root.find(f"{{{NS_MAIN}}}numFmts")  # not dxfs' numFmt: those are conditional
    for fmt in custom if custom is not None else []:
        try:
            formats[int(fmt.get("numFmtId") or "")] = fmt.get("formatCode") or ""
        except ValueError:
            continue
    dates, durations = set(), set()
    xfs = root.find(f"{{{NS_MAIN}}}cellXfs")
    for index, xf in enumerate(xfs if xfs is not None else []):
        try:
            code = formats.get(int(xf.get("numFmtId") or 0), "")
        except ValueError:
            continue
        if code and is_date_format(code):
            dates.add(index)
            if is_timedelta_format(code):
                durations.add(index)
    return dates, durations


def table_part(pkg: Package, part: str) -> TablePart | None:
    root = pkg.xml(part)
    if root.tag != f"{{{NS_MAIN}}}table":
        return None
    name = root.get("displayName") or root.get("name") or ""
    ref = root.get("ref") or ""
    try:
        header_rows = int(root.get("headerRowCount") or 1)
        totals_rows = int(root.get("totalsRowCount") or 0)
    except ValueError:
        header_rows, totals_rows = 1, 0
    columns = [c.get("name") or "" for c in root.iter(f"{{{NS_MAIN}}}tableColumn")]
    auto = root.find(f"{{{NS_MAIN}}}autoFilter")
    filtered = auto is not None and auto.find(f"{{{NS_MAIN}}}filterColumn") is not None
    return TablePart(name, ref, max(header_rows, 0), max(totals_rows, 0), columns, filtered, part)
