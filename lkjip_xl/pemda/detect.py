"""Is this workbook a Pemda workbook? Cheap tests for the CLI, the button and the OPD loader.

A Pemda workbook holds the Excel Table ``tblIdentitasPemda``; the built template also carries
the custom document property ``lkjip_xl_jenis = pemda`` (kept by Excel's "Save As"). The file
test only peeks into the zip (table part headers, docProps/custom.xml), so an OPD workbook pays
a few milliseconds, and anything that is not a readable zip is left to the OPD path, whose
reader gives the precise message (missing, password, .xls, ...).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from lkjip_xl.pemda.schema import DOC_PROPERTY, IDENTIFYING_TABLE
from lkjip_xl.readers.tables import Workbook
from lkjip_xl.readers.xlsx_file import MAX_FILE_BYTES, MAX_MEMBERS

_TABLE_NAME = re.compile(rb'<table\b[^>]*?\sname="([^"]+)"')
_PEEK = 2048  # a table part names itself in its first element


def is_pemda_book(book: Workbook) -> bool:
    return IDENTIFYING_TABLE in book.tables


def is_pemda_file(path: str | Path) -> bool:
    """True when the file is a zip workbook with the Pemda table or document property. Only a
    regular file is opened: a pipe or device would block or never end (the OPD reader then
    refuses it with its own message)."""
    try:
        file = Path(path)
        if not file.is_file() or file.stat().st_size > MAX_FILE_BYTES:
            return False  # the OPD reader refuses it with its own message
        if not zipfile.is_zipfile(file):
            return False
        with zipfile.ZipFile(file) as zf:
            names = zf.namelist()
            if len(names) > MAX_MEMBERS:
                return False
            if "docProps/custom.xml" in names:
                with zf.open("docProps/custom.xml") as member:
                    custom = member.read(65536)  # never the whole part: it may be a bomb
                key, value = DOC_PROPERTY
                if re.search(
                    rb'name="' + key.encode() + rb'"[^>]*>\s*<vt:lpwstr>' + value.encode(), custom
                ):
                    return True
            for name in names:
                if name.startswith("xl/tables/") and name.endswith(".xml"):
                    with zf.open(name) as member:
                        match = _TABLE_NAME.search(member.read(_PEEK))
                    if match and match.group(1).decode("utf-8", "replace") == IDENTIFYING_TABLE:
                        return True
    except Exception:
        # stream, ...) is "not a Pemda workbook": the OPD reader then names what is wrong with it
        return False
    return False


def is_pemda_xlwings(book: Any) -> bool:
    """The open book (button path) holds the Pemda table."""
    try:
        return any(t.name == IDENTIFYING_TABLE for sheet in book.sheets for t in sheet.tables)
    except Exception:  # a COM hiccup: fall back to the OPD path, which reports its own problems
        return False
