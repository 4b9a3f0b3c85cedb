"""The XML under the package reader: safe streaming parse, one budget, Excel's text escapes.

Every XML byte handed to lxml, every string kept and every cell kept is counted by one `Budget`;
beyond it the reader stops with one Indonesian message instead of running for minutes. lxml
parses without entity resolution and without network; a DOCTYPE anywhere is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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

# Empty cells and rows as Excel, LibreOffice and openpyxl write them for formatting only
# (``<c r="D9" s="3"/>``, ``<c r="D9" s="3"></c>``, ``<row r="9" .../>``, ``<row ...></row>``).
# Dropping them before the XML parser makes a sheet formatted down to row 1 048 576 cost what
# its data costs; cells and rows without an explicit r= are kept, so positions never shift. The
# filter only ever sees whole tags (a chunk is cut before its last "<", and "<" cannot occur
# inside a tag).
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


def release_parsed(el) -> None:  # type: ignore[no-untyped-def]
    """Drop the already-read siblings before `el` and of its ancestors (iterparse keeps them)."""
    while el is not None:
        parent = el.getparent()
        if parent is not None and el.getprevious() is not None:
            del parent[: parent.index(el)]
        el = parent
