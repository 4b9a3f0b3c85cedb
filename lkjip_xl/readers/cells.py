"""Turn one raw cell value into what its column holds, or a finding that names the cell.

Pure: works on the values any reader hands over (openpyxl, xlwings, YAML).

Whole numbers (years, counts, order numbers: Kind.INT) are strict: a number cell holding a whole
number, or text of ASCII digits, optionally grouped by thousands dots ("1.234"). "2022,0",
"2022.9", "2e3", "2_022" and non-ASCII digits are errors, not silently rounded or guessed.
Text loses control characters and lone surrogates (from an ``_xD800_`` escape) with a warning:
they would make the .docx invalid or crash the chart renderer.
"""

from __future__ import annotations

import re

from lkjip_xl.core.findings import Finding, kesalahan, peringatan
from lkjip_xl.core.values import InvalidValue, is_blank, parse_number, parse_text, shown
from lkjip_xl.readers.tables import Row, TableData
from lkjip_xl.schema import Kind

EXCEL_ERRORS = (
    "#DIV/0!",
    "#NAME?",
    "#REF!",
    "#VALUE!",
    "#N/A",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
)
# Control characters make the .docx invalid XML; tab and newline are legitimate in long text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_WHOLE_TEXT = re.compile(r"\s*[+-]?(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)\s*")

MISSING = object()  # marker: the cell could not be used (a finding was recorded)

# A number, a range ("60 s.d. 85") or a label ("Belum ada pengumuman ...") is short; a longer
# text in such a column is a paste error, and bounding it keeps every rule that parses these
# values cheap on Excel's 32 767-character cells.
MAX_VALUE_TEXT = 500

# Excel keeps 15 significant digits and terbilang stops at 999 triliun; no LKjIP figure reaches
# it (the largest APBD is under 100 triliun, the largest Pemda asset totals some hundreds of
# triliun). Beyond it a typo is certain, and such numbers would only reach the report as
# overflowing ratios and 300-digit amounts. No lower bound: float noise such as 5,55e-17 from
# a staff formula must not become an error.
MAX_ANGKA = 10**15


class _TooLarge(InvalidValue):
    """A number beyond MAX_ANGKA: a typo, so the advice differs from text in a number column."""


def _bounded(number: float | None) -> float | None:
    if number is not None and abs(number) >= MAX_ANGKA:
        raise _TooLarge("angka terlalu besar (batasnya 999 triliun)")
    return number


class CellReader:
    """Reads cells of one table, collecting findings instead of raising."""

    def __init__(self, table: TableData, findings: list[Finding]):
        self.table = table
        self.findings = findings

    def where(self, row: Row, column: str) -> dict[str, str | None]:
        return {
            "sheet": self.table.sheet,
            "cell": row.cell(column),
            "table": self.table.name,
            "column": column,
        }

    def error(self, row: Row, column: str, message: str, saran: str = "", kode: str = "") -> None:
        self.findings.append(kesalahan(message, saran=saran, kode=kode, **self.where(row, column)))

    def warn(self, row: Row, column: str, message: str, saran: str = "", kode: str = "") -> None:
        self.findings.append(peringatan(message, saran=saran, kode=kode, **self.where(row, column)))

    def read(self, row: Row, column: str, kind: Kind, required: bool = False) -> object:
        """The typed value, None for an empty optional cell, or MISSING after a finding."""
        raw = row.get(column)
        if isinstance(raw, str) and raw.strip().upper() in EXCEL_ERRORS:
            self.error(
                row,
                column,
                f"Sel berisi nilai galat Excel {raw.strip()}.",
                "Perbaiki rumus atau ketik nilainya.",
                "galat-excel",
            )
            return MISSING
        if is_blank(raw):
            if required:
                self.error(row, column, f"Kolom '{column}' wajib diisi.", kode="wajib-diisi")
                return MISSING
            return None
        try:
            return self._convert(row, column, kind, raw)
        except InvalidValue as exc:
            self.error(
                row,
                column,
                f"Nilai tidak valid pada kolom '{column}': {exc.message}",
                "Periksa angka ini: kemungkinan salah ketik (digit berlebih)."
                if isinstance(exc, _TooLarge)
                else "Ketik angka, mis. 92,86 atau 1.234.567.",
                "jenis-nilai",
            )
            return MISSING

    def _convert(self, row: Row, column: str, kind: Kind, raw: object) -> object:
        if kind in (Kind.NUMBER, Kind.RUPIAH, Kind.PERCENT):
            return _bounded(parse_number(raw))
        if kind is Kind.INT:
            if isinstance(raw, str) and not _WHOLE_TEXT.fullmatch(raw):
                raise InvalidValue(f"harus bilangan bulat tanpa desimal, mis. 2022: {shown(raw)}")
            number = _bounded(parse_number(raw))
            if number is None or number != int(number):
                raise InvalidValue(f"harus bilangan bulat: {shown(str(raw))}")
            return int(number)
        if kind is Kind.VALUE:
            if isinstance(raw, str):
                if len(raw) > MAX_VALUE_TEXT:
                    size = f"{len(raw):,}".replace(",", ".")
                    raise InvalidValue(
                        f"teks {size} karakter terlalu panjang untuk angka, rentang atau label "
                        f"(paling banyak {MAX_VALUE_TEXT}): {shown(raw)}"
                    )
                try:
                    number = parse_number(raw)
                except InvalidValue:
                    return self._text(row, column, raw)
                return _bounded(number)
            return _bounded(parse_number(raw))
        return self._text(row, column, raw)

    def _text(self, row: Row, column: str, raw: object) -> str | None:
        text = parse_text(raw)
        if text and _CONTROL.search(text):
            self.warn(
                row,
                column,
                "Teks berisi karakter kontrol atau karakter Unicode tak lengkap (surrogate) "
                "yang tidak tercetak; karakter itu dibuang dari laporan.",
                kode="karakter-kontrol",
            )
            text = _CONTROL.sub("", text)
        return text
