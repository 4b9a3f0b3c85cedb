"""The parts of an .xlsx/.xlsm package the reader needs, parsed safely and within a budget.

Why not openpyxl's loader: it builds every cell of every sheet as an object (a table stretched to
row 1 048 576 cost 26 s and 1.8 GB), its read-only mode hides tables, hidden rows and merged
cells, and it keeps either the formula or its cached result, never both. This module reads the
workbook part, relationships, shared strings, styles (which cells are dates) and table parts
with lxml (no entity resolution, no network, DOCTYPE refused); `xlsx_sheet` streams the sheets.

Every XML byte handed to the parser, every string kept and every cell kept is counted by one
`Budget`; beyond it the reader stops with one Indonesian message instead of running for minutes.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from lkjip_xl.core.findings import WorkbookError, kesalahan

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

#: What a real LKjIP workbook never comes near (the example: 0,6 MB of XML, 3 000 cells).
MAX_PARSED_BYTES = 32 * 1024 * 1024  # XML bytes the parser sees (after dropping empty cells)
MAX_KEPT_CELLS = 250_000  # non-empty cells in and around the tables
MAX_TEXT_CHARS = 16_000_000  # characters of all strings kept
MAX_SMALL_PART = 8 * 1024 * 1024  # workbook.xml, styles.xml, a table part, a .rels part
MAX_MERGED = 20_000  # merged ranges per sheet
MAX_OUTSIDE_DATA = 4 * 1024 * 1024  # sheet XML outside <sheetData> (views, formats, links)

_XSTRING = re.compile(r"_x([0-9A-Fa-f]{4})_")


def fail(message: str, saran: str, kode: str) -> WorkbookError:
    return WorkbookError([kesalahan(message, saran=saran, kode=kode)])


def unsafe_xml(part: str) -> WorkbookError:
    return fail(
        f"Berkas berisi XML dengan deklarasi DOCTYPE/ENTITY yang tidak aman ({part}); "
        "berkas tidak dibaca.",
        "Simpan ulang buku kerja dengan Excel.",
        "xml-tidak-aman",
    )


def broken(part: str, detail: str = "") -> WorkbookError:
    return fail(
        f"Buku kerja tidak dapat dibaca: bagian '{part}' rusak"
        + (f" ({detail[:120]})" if detail else "")
        + ".",
        "Buka dan simpan ulang dengan Excel, atau gunakan templat terbaru.",
        "tidak-terbaca",
    )


class Budget:
    """Counts what the reader spends; raises WorkbookError (kode ``batas-ukuran``) beyond it."""

    def __init__(self) -> None:
        self.parsed = 0
        self.cells = 0
        self.chars = 0

    def _over(self, what: str) -> WorkbookError:
        return fail(
            f"Buku kerja terlalu besar untuk diperiksa: {what}. Berkas LKjIP yang wajar jauh "
            "di bawah batas ini; pembacaan dihentikan.",
            "Hapus sheet, baris atau kolom yang tidak dipakai (juga baris kosong yang diberi "
            "format sampai akhir lembar), atau salin data ke templat baru.",
            "batas-ukuran",
        )

    def add_parsed(self, n: int) -> None:
        self.parsed += n
        if self.parsed > MAX_PARSED_BYTES:
            raise self._over(f"isi XML melebihi {MAX_PARSED_BYTES // (1024 * 1024)} MB")

    def add_cell(self) -> None:
        self.cells += 1
        if self.cells > MAX_KEPT_CELLS:
            raise self._over(f"lebih dari {MAX_KEPT_CELLS:,} sel berisi di sekitar tabel")

    def add_text(self, n: int) -> None:
        self.chars += n
        if self.chars > MAX_TEXT_CHARS:
            raise self._over(f"teks melebihi {MAX_TEXT_CHARS:,} karakter")


def unescape(text: str) -> str:
    """Excel's _xHHHH_ escapes (ECMA-376 ST_Xstring) to characters; a surrogate pair written as
    two escapes becomes one character, a lone surrogate stays (the cell reader reports it)."""
    if "_x" not in text:
        return text
    text = _XSTRING.sub(lambda m: chr(int(m.group(1), 16)), text)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return text


# -- the filtered XML stream ---------------------------------------------------------------------

# Empty cells and rows as Excel and LibreOffice write them for formatting only (``<c r="D9"
# s="3"/>``, ``<row r="9" .../>``, ``<row r="9" ...></row>``). Dropping them before the XML
# parser makes a sheet formatted down to row 1 048 576 cost what its data costs; cells and rows
# without an explicit r= are kept, so positions never shift. The filter only ever sees whole tags
# (a chunk is cut before its last "<", and "<" cannot occur inside a tag).
_EMPTY_CELL = re.compile(rb'<c r="[A-Z]{1,3}[0-9]{1,7}"[^<>]*(?:/>|></c>)')
_EMPTY_ROW = re.compile(rb'<row r="[0-9]{1,7}"[^<>]*(?:/>|></row>)')
# Outside <sheetData> the parser keeps every element it builds (only rows and cells are
# released as they are read), so those bytes have their own, small budget.
_SHEET_DATA = re.compile(rb"<(/?)(?:[A-Za-z_][\w.-]*:)?sheetData\b[^<>]*?(/?)>")
_CHUNK = 1024 * 1024


class FilteredStream:
    """File-like view of a zip member for lxml: drops empty cells/rows, refuses DOCTYPE, and
    counts what reaches the parser against the budget."""

    def __init__(self, raw: IO[bytes], part: str, budget: Budget, *, sheet: bool) -> None:
        self.raw = raw
        self.part = part
        self.budget = budget
        self.sheet = sheet  # a worksheet: drop empty cells/rows, bound what is outside sheetData
        self.tail = b""
        self.out = bytearray()
        self.eof = False
        self.in_data = False
        self.outside = 0

    def _count_outside(self, data: bytes) -> None:
        if b"sheetData" not in data:  # the usual chunk: all inside, or all outside
            self.outside += 0 if self.in_data else len(data)
            self._check_outside()
            return
        start = 0
        for match in _SHEET_DATA.finditer(data):
            if not self.in_data:
                self.outside += match.start() - start
            closing, empty = match.group(1), match.group(2)
            self.in_data = not closing and not empty
            start = match.end()
        if not self.in_data:
            self.outside += len(data) - start
        self._check_outside()

    def _check_outside(self) -> None:
        if self.outside > MAX_OUTSIDE_DATA:
            raise self.budget._over(
                f"bagian lembar '{self.part}' di luar data sel melebihi "
                f"{MAX_OUTSIDE_DATA // (1024 * 1024)} MB"
            )

    def _refill(self) -> None:
        chunk = self.raw.read(_CHUNK)
        if not chunk:
            self.eof = True
            data, self.tail = self.tail, b""
            clean = False
        else:
            buf = self.tail + chunk
            cut = buf.rfind(b"<")
            if cut < 0:
                data, self.tail = buf, b""
            else:
                data, self.tail = buf[:cut], buf[cut:]
            clean = True
            if len(self.tail) > 4 * _CHUNK:  # one giant tag or text: pass it on unfiltered
                data, self.tail, clean = data + self.tail, b"", False
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise unsafe_xml(self.part)
        if self.sheet:
            if clean and data:
                data = _EMPTY_ROW.sub(b"", _EMPTY_CELL.sub(b"", data))
            self._count_outside(data)
        self.budget.add_parsed(len(data))
        self.out += data

    def read(self, size: int = -1) -> bytes:
        while not self.eof and (size < 0 or len(self.out) < size):
            self._refill()
        if size < 0 or size >= len(self.out):
            data = bytes(self.out)
            self.out.clear()
            return data
        data = bytes(self.out[:size])
        del self.out[:size]
        return data


def parse_events(stream: FilteredStream, tags: tuple[str, ...]) -> Iterator:  # type: ignore[type-arg]
    """lxml iterparse "end" events for `tags`, safe settings; XML errors become WorkbookError."""
    from lxml import etree

    try:
        yield from etree.iterparse(
            stream,
            events=("end",),
            tag=tags,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
        )
    except etree.XMLSyntaxError as exc:
        raise broken(stream.part, str(exc)) from None


# -- the package ---------------------------------------------------------------------------------


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
            _release(el)
    return out


def _release(el) -> None:  # type: ignore[no-untyped-def]
    """Drop the already-read siblings before `el` and of its ancestors (iterparse keeps them)."""
    while el is not None:
        parent = el.getparent()
        if parent is not None and el.getprevious() is not None:
            del parent[: parent.index(el)]
        el = parent


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
