"""Helpers shared by the corpus generators (make_corpus.py, corpus_hostile.py): load and save
the example with openpyxl, locate table cells by column name, grow a table, rewrite zip members.
"""

from __future__ import annotations

import io
import struct
import sys
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
HERE = Path(__file__).resolve().parent
EXAMPLE = ROOT / "examples" / "LKjIP_Setda_Kota_Jambi_2022.xlsm"

# -- helpers -------------------------------------------------------------------------------------


def _load(path: Path):  # type: ignore[no-untyped-def]
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(path)


def _cols(ws, name: str) -> tuple[dict[str, int], int, int]:  # type: ignore[no-untyped-def]
    from openpyxl.utils import range_boundaries

    min_col, min_row, max_col, max_row = range_boundaries(ws.tables[name].ref)
    header = {str(ws.cell(min_row, c).value).strip(): c for c in range(min_col, max_col + 1)}
    return header, min_row + 1, max_row


def _find(ws, table: str, **match: object) -> int:  # type: ignore[no-untyped-def]
    cols, first, last = _cols(ws, table)
    for r in range(first, last + 1):
        if all(ws.cell(r, cols[c]).value == v for c, v in match.items()):
            return r
    raise KeyError((table, match))


def _grow(ws, table: str, rows: int = 1) -> int:  # type: ignore[no-untyped-def]
    """Extend a table by `rows` rows; returns the first new Excel row."""
    from openpyxl.utils import get_column_letter, range_boundaries

    tbl = ws.tables[table]
    min_col, min_row, max_col, max_row = range_boundaries(tbl.ref)
    tbl.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row + rows}"
    if tbl.autoFilter is not None:
        tbl.autoFilter.ref = tbl.ref
    return max_row + 1


def _fix_narrative(wb) -> None:  # type: ignore[no-untyped-def]
    """Base = the example with the PNS count of the narrative taken from tblSDM (121)."""
    import re

    ws = wb["Narasi"]
    cols, first, last = _cols(ws, "tblNarasi")
    pattern = re.compile(r"\d+\s*\([^)]*\)\s*orang\s+Pegawai\s+Negeri\s+Sipil")
    for r in range(first, last + 1):
        text = ws.cell(r, cols["Teks"]).value
        if isinstance(text, str) and pattern.search(text):
            ws.cell(r, cols["Teks"]).value = pattern.sub(
                "121 (seratus dua puluh satu) orang Pegawai Negeri Sipil", text
            )


def _clear_published_history(wb) -> None:  # type: ignore[no-untyped-def]
    """Base without the example's "Capaian Dilaporkan" (past years as published): they differ
    from the recomputation on purpose and would make the clean base warn
    (capaian-dilaporkan-beda); the corpus is about hostile input, not history."""
    ws = wb["Realisasi"]
    cols, first, last = _cols(ws, "tblRealisasi")
    if "Capaian Dilaporkan" in cols:
        for r in range(first, last + 1):
            ws.cell(r, cols["Capaian Dilaporkan"]).value = None


def _edit(name: str, change: Callable[..., None]) -> Callable[[Path], None]:
    def make(out: Path) -> None:
        wb = _load(EXAMPLE)
        _fix_narrative(wb)
        _clear_published_history(wb)
        change(wb)
        wb.save(out)
        wb.close()

    make.__name__ = name
    return make


def _rewrite_zip(src: bytes, out: Path, change: Callable[[str, bytes], bytes]) -> None:
    with (
        zipfile.ZipFile(io.BytesIO(src)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            zinfo = zipfile.ZipInfo(info.filename, date_time=(2023, 1, 1, 0, 0, 0))
            zinfo.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zinfo, data)


def _minimal_xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "isi"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cfb(stream_names: list[str]) -> bytes:
    """A minimal Compound File Binary (OLE2) container: header, one FAT sector, one directory
    sector with a Root Entry and empty streams of the given names (enough for a magic/name
    sniffer, and a well-formed CFB v3 file for olefile)."""
    sector = 512
    header = bytearray(sector)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)  # number of FAT sectors
    struct.pack_into("<I", header, 0x30, 1)  # first directory sector
    struct.pack_into("<I", header, 0x38, 4096)  # mini stream cutoff
    struct.pack_into("<I", header, 0x3C, 0xFFFFFFFE)  # no mini FAT
    struct.pack_into("<I", header, 0x44, 0xFFFFFFFE)  # no DIFAT sectors
    difat = [0] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + [0xFFFFFFFF] * 126  # sector 0 FAT, sector 1 directory
    fat_sector = struct.pack("<128I", *fat)
    entries = []

    def entry(name: str, kind: int, child: int, right: int) -> bytes:
        raw = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        raw[0 : len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded), kind, 1)
        struct.pack_into("<III", raw, 68, 0xFFFFFFFF, right, child)
        struct.pack_into("<II", raw, 116, 0xFFFFFFFE, 0)  # start sector, size
        return bytes(raw)

    names = list(stream_names)
    entries.append(entry("Root Entry", 5, 1 if names else 0xFFFFFFFF, 0xFFFFFFFF))
    for i, name in enumerate(names, start=1):
        entries.append(entry(name, 2, 0xFFFFFFFF, i + 1 if i < len(names) else 0xFFFFFFFF))
    directory = b"".join(entries).ljust(sector, b"\0")
    return bytes(header) + fat_sector + directory
