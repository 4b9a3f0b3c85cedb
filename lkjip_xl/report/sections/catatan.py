"""Optional annex "Catatan Pemeriksaan": the checker's findings (severity, place, message)."""

from __future__ import annotations

from lkjip_xl.core.findings import Finding
from lkjip_xl.report.tables import Cell
from lkjip_xl.report.writer import Writer

FILL = {"kesalahan": "#C00000", "peringatan": "#FFC000"}


def write(w: Writer, catatan: list[Finding]) -> None:
    w.heading("CATATAN PEMERIKSAAN", 1, page_break=True)
    w.p(
        "Catatan berikut dihasilkan pemeriksaan otomatis atas buku kerja sumber laporan ini. "
        "Periksa dan perbaiki sel yang disebut sebelum laporan ditandatangani."
    )
    rows = []
    for i, f in enumerate(catatan, 1):
        sev = f.severity.value
        message = f.message + (f"\nSaran: {f.saran}" if f.saran else "")
        rows.append(
            [
                Cell(f"{i}.", align="center"),
                Cell(sev.capitalize(), align="center", fill=FILL.get(sev)),
                f.place,
                message,
            ]
        )
    w.table(
        "Catatan Pemeriksaan",
        [["No", "Tingkat", "Lokasi", "Catatan"]],
        rows,
        [1, 2.4, 4, 7],
        caption=False,
        sumber=False,
    )
