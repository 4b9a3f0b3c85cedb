"""Findings: what the checker and the reader tell staff, always with a place in the workbook."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum


class Severity(str, Enum):
    KESALAHAN = "kesalahan"  # stops the report
    PERINGATAN = "peringatan"  # reported, the report still builds
    CATATAN = "catatan"  # information only (what periksa read, e.g. a range form); no exit code


@dataclass(frozen=True)
class Finding:
    """One problem, located so staff can go straight to the cell."""

    severity: Severity
    message: str  # what is wrong, Bahasa Indonesia
    sheet: str | None = None
    cell: str | None = None  # A1 reference, e.g. "C7"
    table: str | None = None
    column: str | None = None
    saran: str = ""  # what to do
    kode: str = ""  # stable check id, e.g. "capaian-beda"

    @property
    def place(self) -> str:
        """Human-readable location: "Realisasi!C7 (tblRealisasi, kolom Realisasi)"."""
        parts = []
        if self.sheet and self.cell:
            parts.append(f"'{self.sheet}'!{self.cell}")
        elif self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        extra = []
        if self.table:
            extra.append(f"tabel {self.table}")
        if self.column:
            extra.append(f"kolom {self.column}")
        if extra:
            parts.append("(" + ", ".join(extra) + ")")
        return " ".join(parts) or "buku kerja"

    def as_dict(self) -> dict[str, str | None]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["place"] = self.place
        return data


def kesalahan(message: str, **where: str | None) -> Finding:
    return Finding(Severity.KESALAHAN, message, **where)  # type: ignore[arg-type]


def peringatan(message: str, **where: str | None) -> Finding:
    return Finding(Severity.PERINGATAN, message, **where)  # type: ignore[arg-type]


def catatan(message: str, **where: str | None) -> Finding:
    return Finding(Severity.CATATAN, message, **where)  # type: ignore[arg-type]


class WorkbookError(Exception):
    """Raised when a workbook cannot be turned into a report; carries the findings."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        first = findings[0] if findings else None
        super().__init__(f"{first.place}: {first.message}" if first else "buku kerja tidak valid")
