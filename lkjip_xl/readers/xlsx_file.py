"""Read a workbook file headlessly, safely, never writing to it.

The file is checked before any parser sees it: a missing or unreadable file, a folder, a device,
a pipe or a link to one, a renamed non-Excel file, a legacy .xls, a password-protected workbook
(an OLE container), an encrypted zip member, .xlsb, .ods, a Word document, a truncated zip, a
zip bomb and XML with DOCTYPE (entity expansion, external entities) each get their own
Indonesian message instead of a traceback or a hang. The parts are then read by
`xlsx_package` / `xlsx_sheet` / `xlsx_tables` within a fixed budget.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from pathlib import Path
from typing import IO

from lkjip_xl.core.findings import WorkbookError
from lkjip_xl.readers.tables import Workbook
from lkjip_xl.readers.xlsx_package import Package, date_styles, main_part, shared_strings, sheets
from lkjip_xl.readers.xlsx_stream import fail, unsafe_xml

MAX_UNCOMPRESSED = 300 * 1024 * 1024  # a real LKjIP workbook is a few MB
MAX_FILE_BYTES = 64 * 1024 * 1024  # on disk, even with photos; bounds the zip directory too
MAX_MEMBERS = 10_000  # parts in the package (a workbook has tens)
MAX_RATIO = 200  # per member, for members over 1 MB uncompressed
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")


def _fail(message: str, saran: str, kode: str) -> WorkbookError:
    return fail(message, saran, kode)


def _os_error(path: Path, exc: OSError) -> WorkbookError:
    if isinstance(exc, FileNotFoundError):
        return _fail(
            f"Berkas '{path}' tidak ditemukan.",
            "Periksa nama dan folder berkas.",
            "berkas-tidak-ada",
        )
    if isinstance(exc, PermissionError):
        return _fail(
            f"Berkas '{path}' tidak dapat dibuka: tidak ada izin membaca.",
            "Periksa izin berkas (Properties > Security), atau salin berkas ke folder Anda.",
            "berkas-tanpa-izin",
        )
    return _fail(
        f"Berkas '{path}' tidak dapat dibuka ({exc.strerror or type(exc).__name__}).",
        "Periksa nama dan folder berkas.",
        "berkas-tidak-terbuka",
    )


def open_regular(path: Path) -> IO[bytes]:
    """Open `path` for reading only if it is a regular file (no folder, device, pipe, socket,
    also not through a link): checked before opening and again on the open handle, and opened
    non-blocking so a named pipe cannot hang the reader."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _os_error(path, exc) from None
    _regular_or_fail(path, info.st_mode)
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # POSIX: opening a FIFO must not wait
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | nonblocking)
    except OSError as exc:
        raise _os_error(path, exc) from None
    try:
        _regular_or_fail(path, os.fstat(fd).st_mode)
        if nonblocking:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _regular_or_fail(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise _fail(
            f"'{path}' adalah folder, bukan berkas Excel.",
            "Berikan berkas .xlsm atau .xlsx.",
            "berkas-folder",
        )
    if not stat.S_ISREG(mode):
        raise _fail(
            f"'{path}' bukan berkas biasa (perangkat, pipa atau soket), bukan buku kerja Excel.",
            "Berikan berkas .xlsm atau .xlsx yang tersimpan di disk.",
            "berkas-bukan-reguler",
        )


def check_container(path: Path) -> None:
    """Raise WorkbookError with a clear message when the file is not a readable .xlsx/.xlsm."""
    with open_regular(Path(path)) as fh, _zip(fh) as zf:
        _check_members(zf)


def _zip(fh: IO[bytes]) -> zipfile.ZipFile:
    size = os.fstat(fh.fileno()).st_size
    if size > MAX_FILE_BYTES:
        raise _fail(
            f"Berkas terlalu besar untuk buku kerja LKjIP ({size // (1024 * 1024)} MB; batas "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB); berkas tidak dibaca.",
            "Hapus gambar atau sheet yang tidak dipakai, atau salin data ke templat baru.",
            "batas-ukuran",
        )
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
    fh.seek(0)
    not_excel = _fail(
        "Berkas bukan buku kerja Excel (.xlsx/.xlsm) atau rusak.",
        "Pastikan berkas adalah buku kerja Excel yang utuh, bukan berkas lain "
        "yang diganti ekstensinya.",
        "bukan-excel",
    )
    if not head.startswith(b"PK") or not zipfile.is_zipfile(fh):
        raise not_excel
    try:
        return zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
        raise not_excel from None


def _check_members(zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _fail(
            f"Berkas berisi {len(infos)} bagian, jauh lebih banyak dari buku kerja mana pun; "
            "berkas tidak dibaca.",
            "Gunakan buku kerja asli dari templat.",
            "zip-bomb",
        )
    names = {i.filename.lower() for i in infos}
    if any(i.flag_bits & 0x1 for i in infos):
        raise _fail(
            "Isi berkas zip ini dienkripsi (dilindungi kata sandi zip), sehingga tidak dapat "
            "dibaca.",
            "Buka buku kerja aslinya di Excel dan simpan ulang tanpa kata sandi.",
            "zip-terenkripsi",
        )
    _other_format(zf, names)
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
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            with zf.open(info) as member:
                start = member.read(4096)
            if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                raise unsafe_xml(info.filename)


def _other_format(zf: zipfile.ZipFile, names: set[str]) -> None:
    """A zip that is another kind of document: say which, and how to get a workbook."""
    if "xl/workbook.bin" in names:
        raise _fail(
            "Berkas berformat Excel Binary Workbook (.xlsb), yang tidak didukung.",
            "Buka di Excel, File > Save As, pilih 'Excel Macro-Enabled Workbook (*.xlsm)'.",
            "format-xlsb",
        )
    if "mimetype" in names:
        kind = zf.read(zf.getinfo("mimetype"))[:100] if zf.getinfo("mimetype").file_size else b""
        if b"opendocument" in kind:
            raise _fail(
                "Berkas berformat OpenDocument (.ods), bukan buku kerja Excel.",
                "Di LibreOffice Calc: File > Save As, pilih 'Excel 2007-365 (.xlsx)' dan "
                "pertahankan formatnya.",
                "format-ods",
            )
    if "word/document.xml" in names:
        raise _fail(
            "Berkas ini dokumen Word (.docx), bukan buku kerja Excel.",
            "Berikan buku kerja .xlsm/.xlsx dari templat LKjIP.",
            "bukan-excel",
        )
    if "xl/workbook.xml" not in names and "_rels/.rels" not in names:
        raise _fail(
            "Berkas zip ini bukan buku kerja Excel (xl/workbook.xml tidak ada).",
            "Berikan berkas .xlsm atau .xlsx yang disimpan oleh Excel.",
            "bukan-excel",
        )


def read_workbook(path: str | Path) -> Workbook:
    """All Excel Tables of the file: cell values, formulas and their stored results, located
    by cell, with hidden rows and the cells left just outside each table."""
    from lkjip_xl.readers.xlsx_sheet import Context
    from lkjip_xl.readers.xlsx_tables import read_tables

    path = Path(path)
    with open_regular(path) as fh, _zip(fh) as zf:
        _check_members(zf)
        pkg = Package(zf)
        try:
            part = main_part(pkg)
            if not pkg.has(part):
                raise _fail(
                    f"Berkas zip ini bukan buku kerja Excel ({part} tidak ada).",
                    "Berikan berkas .xlsm atau .xlsx yang disimpan oleh Excel.",
                    "bukan-excel",
                )
            entries, date1904 = sheets(pkg, part)
            dates, durations = date_styles(pkg, part)
            ctx = Context(shared_strings(pkg, part), dates, durations, date1904)
            book = read_tables(pkg, entries, ctx)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise _fail(
                f"Berkas rusak atau terpotong ({type(exc).__name__}).",
                "Salin ulang berkas dari sumbernya.",
                "berkas-rusak",
            ) from None
        except (KeyError, ValueError, IndexError) as exc:  # content that is not what it claims
            raise _fail(
                f"Buku kerja tidak dapat dibaca: isinya tidak sesuai format Excel "
                f"({type(exc).__name__}: {str(exc)[:120]}).",
                "Buka dan simpan ulang dengan Excel, atau gunakan templat terbaru.",
                "tidak-terbaca",
            ) from None
        except OSError as exc:
            raise _os_error(path, exc) from None
    book.source = str(path)
    return book
