"""Lampiran Jejak Data: every number of BAB III and the rekap with its source: the workbook,
sheet and cell (with the value found there) or the numbers it is computed from. Signed by the
Sekretaris Daerah, whose Bagian Organisasi compiles the consolidation."""

from __future__ import annotations

from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda.model import Jejak, Konsolidasi, Sel
from lkjip_xl.pemda.report.common import sign, signer
from lkjip_xl.report.tables import Cell
from lkjip_xl.report.writer import Writer


def write(w: Writer, kons: Konsolidasi) -> None:
    ident = kons.pemda.identitas
    w.heading("Lampiran 3. Jejak Data", 2, page_break=True)
    w.p(
        "Setiap angka pada BAB III dan rekap perangkat daerah tercantum di bawah ini dengan "
        "asalnya: berkas buku kerja, sheet dan sel, beserta isi sel itu ketika laporan "
        "disusun. Angka hasil perhitungan menyebut kode angka asalnya (J…). Berkas buku kerja "
        f"Pemda: {kons.pemda.berkas}; lokasi berkas perangkat daerah relatif terhadap folder "
        "berkas tersebut."
    )
    rows = []
    for r in kons.opd:
        status = "dipakai" if r.used else f"tidak dimasukkan: {r.excluded}"
        rows.append([Cell(r.entry.kode, align="center"), r.entry.nama, r.entry.berkas, status])
    w.table(
        "Buku Kerja yang Dihimpun",
        [["Kode", "Perangkat Daerah", "Berkas", "Status"]],
        rows,
        [2.0, 6.5, 8.0, 6.2],
        caption=False,
        sumber=False,
    )
    w.table(
        f"Jejak Data LKjIP {ident.nama} Tahun {ident.tahun}",
        [["Kode", "Angka dalam Laporan", "Nilai", "Cara Memperoleh", "Asal (berkas, sel = isi)"]],
        [_row(j) for j in kons.jejak],
        [1.3, 4.6, 2.6, 5.0, 9.2],
        caption=False,
        sumber=False,
    )
    w.p("Disusun oleh,", align="center").paragraph_format.keep_with_next = True
    with signer(w, kons, "sekda"):
        sign(w)


def _row(j: Jejak) -> list[object]:
    return [
        Cell(j.kode, align="center"),
        j.angka,
        Cell(j.nilai, align="center"),
        j.cara,
        source_text(j),
    ]


def source_text(j: Jejak) -> str:
    """Cells grouped by file, then the Jejak codes the number is computed from."""
    lines: list[str] = []
    by_file: dict[str, list[Sel]] = {}
    for sel in j.sel:
        by_file.setdefault(sel.berkas, []).append(sel)
    for berkas, cells in by_file.items():
        lines.append(berkas)
        lines += [f"  {cell_text(c)}" for c in cells]
    if j.dari:
        lines.append("dihitung dari " + ", ".join(j.dari))
    return "\n".join(lines) or "-"


def cell_text(c: Sel) -> str:
    where = f"{c.alamat} ({c.tabel}, {c.kolom})" if c.sel else f"{c.tabel}[{c.kolom}]"
    return f"{where} = {fmt.mentah(c.nilai)}"
