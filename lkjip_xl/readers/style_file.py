"""Check the `--gaya` file (a Word document whose styles the report takes) before it is used.

A text file, a workbook, an empty zip, a folder, a pipe or a zip bomb given as the style base
gets one Indonesian sentence instead of an internal error or a hang.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200


def style_problem(path: str | Path) -> str | None:
    """None when `path` can serve as the style base, else what is wrong (Bahasa Indonesia)."""
    path = Path(path)
    name = f"Berkas gaya '{path}'"
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return f"{name} tidak ditemukan."
    except OSError as exc:
        return f"{name} tidak dapat dibuka ({exc.strerror or type(exc).__name__})."
    if stat.S_ISDIR(info.st_mode):
        return f"{name} adalah folder, bukan dokumen Word (.docx)."
    if not stat.S_ISREG(info.st_mode):
        return f"{name} bukan berkas biasa (perangkat atau pipa), bukan dokumen Word (.docx)."
    try:
        if not zipfile.is_zipfile(path):
            return f"{name} bukan dokumen Word (.docx)."
        with zipfile.ZipFile(path) as zf:
            problem = _members(zf)
    except (OSError, zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
        return f"{name} rusak atau tidak dapat dibaca ({type(exc).__name__})."
    if problem:
        return f"{name} {problem}"
    try:
        from docx import Document

        Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a malformed package
        return f"{name} tidak dapat dibuka sebagai dokumen Word ({type(exc).__name__})."
    return None


def _members(zf: zipfile.ZipFile) -> str | None:
    infos = zf.infolist()
    names = {i.filename.lower() for i in infos}
    if "xl/workbook.xml" in names:
        return "adalah buku kerja Excel, bukan dokumen Word (.docx)."
    if "word/document.xml" not in names:
        return "bukan dokumen Word (.docx)."
    if any(i.flag_bits & 0x1 for i in infos):
        return "dilindungi kata sandi."
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED or any(
        i.file_size > 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1)
        for i in infos
    ):
        return "terlalu besar setelah diekstrak (kemungkinan 'zip bomb')."
    for info in infos:
        if info.filename.lower().endswith((".xml", ".rels")):
            with zf.open(info) as member:
                start = member.read(4096)
            if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                return "berisi XML dengan deklarasi DOCTYPE/ENTITY yang tidak aman."
    return None
