"""LAMPIRAN: the Perjanjian Kinerja (sasaran, indikator, target, program budgets) with the
signature block of the pihak pertama. Lampiran tables carry no chapter caption numbers."""

from __future__ import annotations

from lkjip_xl.report.sections.bab2 import perjanjian_kinerja_table, program_budget_table
from lkjip_xl.report.writer import Writer


def write(w: Writer) -> None:
    ident = w.ident
    w.heading("LAMPIRAN", 1, page_break=True)
    w.heading(f"Perjanjian Kinerja Tahun {ident.tahun}", 2)
    w.p(
        f"{ident.nama_instansi.upper()}\n{ident.pemerintah_daerah.upper()}",
        bold=True,
        align="center",
    )
    w.p(
        f"Pihak pertama, {ident.jabatan_penandatangan.title() or 'pimpinan'}"
        f"{', ' + ident.nama_penandatangan if ident.nama_penandatangan else ''}, berjanji "
        f"mewujudkan target kinerja tahun {ident.tahun} sebagai berikut:"
    )
    perjanjian_kinerja_table(w, caption=False)
    program_budget_table(w, caption=False)
    w.p("Pihak Pertama,", align="center").paragraph_format.keep_with_next = True
    w.signature()
