"""Lampiran Jejak Data: every number of BAB III and the rekap with its source: the workbook,
sheet and cell (with the value found there) or the numbers it is computed from. Signed by the
Sekretaris Daerah, whose Bagian Organisasi compiles the consolidation."""

from __future__ import annotations

from lkjip_xl.pemda import format as fmt
from lkjip_xl.pemda.model import Jejak, Konsolidasi, Sel
from lkjip_xl.pemda.report.common import keep_rows_with_next, sign, signer
from lkjip_xl.report.tables import TOTAL_FILL, Cell
from lkjip_xl.report.writer import Writer

PEMDA_CODE = "PEMDA"


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
    codes = {kons.pemda.berkas: PEMDA_CODE, **{r.entry.berkas: r.entry.kode for r in kons.opd}}
    rows = [[Cell(PEMDA_CODE, align="center"), "Buku kerja Pemda", kons.pemda.berkas, "dibaca"]]
    for r in kons.opd:
        status = "dipakai" if r.used else f"tidak dimasukkan: {r.excluded}"
        rows.append([Cell(r.entry.kode, align="center"), r.entry.nama, r.entry.berkas, status])
    w.table(
        "Buku Kerja yang Dihimpun (kode dipakai pada kolom Asal)",
        [["Kode", "Buku Kerja", "Berkas", "Status"]],
        rows,
        [2.4, 6.5, 8.0, 5.8],
        caption=False,
        sumber=False,
    )
    rows = _rows(kons, codes)
    w.table(
        f"Jejak Data LKjIP {ident.nama} Tahun {ident.tahun}",
        [
            [
                "Kode",
                "Angka dalam Laporan",
                "Nilai",
                "Cara Memperoleh",
                "Asal (buku kerja, sel = isi)",
            ]
        ],
        rows,
        [1.3, 4.4, 2.6, 5.4, 9.0],
        caption=False,
        sumber=False,
    )
    # a subject's heading row never ends a page without its first number (1 header row)
    keep_rows_with_next(w, [1 + i for i, row in enumerate(rows) if len(row) == 1])
    w.p("Disusun oleh,", align="center").paragraph_format.keep_with_next = True
    with signer(w, kons, "sekda"):
        sign(w)


def _rows(kons: Konsolidasi, codes: dict[str, str]) -> list[list[object]]:
    """One bold row per subject (IKU, sasaran, OPD), then one row per number of it."""
    rows: list[list[object]] = []
    current = None
    for j in kons.jejak:
        pokok, _, angka = j.angka.rpartition(": ")
        if pokok != current:
            current = pokok
            rows.append([Cell(pokok or angka, bold=True, span=5, fill=TOTAL_FILL)])
        rows.append([Cell(j.kode, align="center"), angka or j.angka,
                     Cell(j.nilai, align="center"), j.cara, source_text(j, codes)])  # fmt: skip
    return rows


def source_text(j: Jejak, codes: dict[str, str] | None = None) -> str:
    """Cells grouped by sheet, table and column, one line each:
    "SETDA 'Realisasi' tblRealisasi[Realisasi]: C11 = 100; C15 = 57" (one workbook) or
    "'Realisasi' tblRealisasi[Realisasi]: PD01 C11 = 100; PD02 C11 = 98,5" (several); then the
    Jejak codes the number is computed from."""
    codes = codes or {}
    groups: dict[tuple[str, str, str], list[Sel]] = {}
    for c in j.sel:
        groups.setdefault((c.sheet, c.tabel, c.kolom), []).append(c)
    files = {c.berkas for c in j.sel}
    lines = []
    for (sheet, tabel, kolom), cells in groups.items():
        items = "; ".join(
            (f"{codes.get(c.berkas, c.berkas)} " if len(files) > 1 else "")
            + f"{c.sel or '?'} = {fmt.mentah(c.nilai)}"
            for c in cells
        )
        lead = f"{codes.get(cells[0].berkas, cells[0].berkas)} " if len(files) == 1 else ""
        lines.append(f"{lead}'{sheet}' {tabel}[{kolom}]: {items}")
    if j.dari:
        lines.append("dihitung dari " + ", ".join(j.dari))
    return "\n".join(lines) or "-"
