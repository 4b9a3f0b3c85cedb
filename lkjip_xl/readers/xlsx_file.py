"""Read a workbook file headlessly with openpyxl, safely, never writing to it.

The file is checked before openpyxl sees it: a renamed non-Excel file, a legacy .xls, a
password-protected workbook (an OLE container), a truncated zip, a zip bomb and XML with DOCTYPE
(entity expansion, external entities) each get their own Indonesian message instead of a
traceback. openpyxl itself parses with defusedxml when it is installed (it is a dependency).
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

from lkjip_xl.core.findings import WorkbookError, kesalahan
from lkjip_xl.readers.tables import Row, TableData, Workbook

MAX_UNCOMPRESSED = 300 * 1024 * 1024  # a real LKjIP workbook is a few MB
MAX_RATIO = 200  # per member, for members over 1 MB uncompressed
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")


def _fail(message: str, saran: str, kode: str) -> WorkbookError:
    return WorkbookError([kesalahan(message, saran=saran, kode=kode)])


def check_container(path: Path) -> None:
    """Raise WorkbookError with a clear message when the file is not a readable .xlsx/.xlsm."""
    if not path.exists():
        raise _fail(
            f"Berkas '{path}' tidak ditemukan.",
            "Periksa nama dan folder berkas.",
            "berkas-tidak-ada",
        )
    if path.is_dir():
        raise _fail(
            f"'{path}' adalah folder, bukan berkas Excel.",
            "Berikan berkas .xlsm atau .xlsx.",
            "berkas-folder",
        )
    with path.open("rb") as fh:
        head = fh.read(8)
        if head == OLE_MAGIC:
            fh.seek(0)
            blob = fh.read(4 * 1024 * 1024)
            if ENCRYPTED_MARK in blob:
                raise _fail(
                    "Buku kerja dilindungi kata sandi sehingga tidak dapat dibaca.",
                    "Buka di Excel, hapus kata sandi pembukaan (File > Info > Protect "
                    "Workbook > Encrypt with Password), lalu simpan ulang.",
                    "kata-sandi",
                )
            raise _fail(
                "Berkas berformat Excel lama (.xls) yang tidak didukung.",
                "Buka di Excel lalu simpan sebagai Excel Macro-Enabled Workbook (.xlsm).",
                "format-xls",
            )
    if not zipfile.is_zipfile(path):
        raise _fail(
            "Berkas bukan buku kerja Excel (.xlsx/.xlsm) atau rusak.",
            "Pastikan berkas adalah buku kerja Excel yang utuh, bukan berkas lain "
            "yang diganti ekstensinya.",
            "bukan-excel",
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:
                raise _fail(
                    "Berkas zip ini bukan buku kerja Excel (xl/workbook.xml tidak ada).",
                    "Berikan berkas .xlsm atau .xlsx yang disimpan oleh Excel.",
                    "bukan-excel",
                )
            total = sum(i.file_size for i in infos)
            bomb = total > MAX_UNCOMPRESSED or any(
                i.file_size > 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1)
                for i in infos
            )
            if bomb:
                raise _fail(
                    "Isi berkas terlalu besar setelah diekstrak (kemungkinan 'zip bomb');"
                    " berkas tidak dibaca.",
                    "Gunakan buku kerja asli dari templat.",
                    "zip-bomb",
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    with zf.open(info) as member:
                        start = member.read(4096)
                    if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                        raise _fail(
                            "Berkas berisi XML dengan deklarasi DOCTYPE/ENTITY yang tidak "
                            "aman; berkas tidak dibaca.",
                            "Simpan ulang buku kerja dengan Excel.",
                            "xml-tidak-aman",
                        )
            bad = zf.testzip()
            if bad is not None:
                raise _fail(
                    f"Berkas rusak: bagian '{bad}' tidak utuh.",
                    "Salin ulang berkas dari sumbernya.",
                    "berkas-rusak",
                )
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise _fail(
            f"Berkas rusak atau terpotong ({type(exc).__name__}).",
            "Salin ulang berkas dari sumbernya.",
            "berkas-rusak",
        ) from None


def read_workbook(path: str | Path) -> Workbook:
    """All Excel Tables of the file, cell values and formulas, located by cell."""
    path = Path(path)
    check_container(path)
    import openpyxl  # imported here: only this headless path needs it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on malformed parts
        raise _fail(
            f"Buku kerja tidak dapat dibaca ({type(exc).__name__}: {str(exc)[:120]}).",
            "Buka dan simpan ulang dengan Excel, atau gunakan templat terbaru.",
            "tidak-terbaca",
        ) from None
    try:
        book = _collect(wb, path)
    finally:
        wb.close()
    _fill_cached_inputs(book, path)
    return book


def _fill_cached_inputs(book: Workbook, path: Path) -> None:
    """Input cells may hold staff's own formulas (=SUM(...)); use Excel's stored result there.

    Only input tables: the toolkit's own result formulas (Hasil) are always recomputed.
    """
    from lkjip_xl import schema

    wanted = [
        (t, r)
        for name, t in book.tables.items()
        if name in {x.name for x in schema.INPUT_TABLES}
        for r in t.rows
        if r.formulas
    ]
    if not wanted:
        return
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, data_only=True, keep_links=False)
    try:
        for table, row in wanted:
            ws = wb[table.sheet]
            for column in row.formulas:
                row.values[column] = ws[row.cells[column]].value
    finally:
        wb.close()


def _collect(wb, path: Path) -> Workbook:  # type: ignore[no-untyped-def]
    from openpyxl.utils import get_column_letter, range_boundaries
    from openpyxl.utils.escape import unescape as _unescape

    tables: dict[str, TableData] = {}
    hidden = [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"]
    for ws in wb.worksheets:
        for tbl in ws.tables.values():
            min_col, min_row, max_col, max_row = range_boundaries(tbl.ref)
            header_rows = tbl.headerRowCount if tbl.headerRowCount is not None else 1
            totals = tbl.totalsRowCount or 0
            header = [
                str(ws.cell(min_row, c).value or "").strip() for c in range(min_col, max_col + 1)
            ]
            data = TableData(tbl.name, ws.title, header, ref=tbl.ref)
            for r in range(min_row + header_rows, max_row - totals + 1):
                row = Row({})
                for offset, name in enumerate(header):
                    col = min_col + offset
                    value = ws.cell(r, col).value
                    row.cells[name] = f"{get_column_letter(col)}{r}"
                    if isinstance(value, str) and value.startswith("="):
                        row.formulas[name] = value
                        value = None
                    elif value is not None and type(value).__name__ == "ArrayFormula":
                        row.formulas[name] = str(getattr(value, "text", ""))
                        value = None
                    elif isinstance(value, str) and "_x" in value:
                        # Excel stores control characters as _xHHHH_ (ECMA-376 ST_Xstring);
                        # openpyxl leaves the escapes as text. Unescape, so the cell reader
                        # sees (and reports) the real characters.
                        value = _unescape(value)
                    row.values[name] = value
                data.rows.append(row)
            tables[tbl.name] = data
    merged = {
        ws.title: [str(r.coord) for r in ws.merged_cells.ranges]
        for ws in wb.worksheets
        if ws.merged_cells.ranges
    }
    return Workbook(
        tables, [ws.title for ws in wb.worksheets], hidden, source=str(path), merged=merged
    )
