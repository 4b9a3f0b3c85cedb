"""BAB II PERENCANAAN KINERJA: perencanaan, visi-misi, tujuan-sasaran, arah kebijakan,
program/kegiatan (landscape Tabel 2.1), Perjanjian Kinerja (Tabel 2.2) and program budgets."""

from __future__ import annotations

from lkjip_xl.core.model import ProgramKegiatan
from lkjip_xl.core.numbers import format_angka, jumlah_tampil
from lkjip_xl.report.sections.teks import akhiri_butir, pengantar, sudah_diantar, target
from lkjip_xl.report.tables import Cell, numbered_header
from lkjip_xl.report.writer import Writer


def write(w: Writer) -> None:
    ident = w.ident
    w.captions.start_chapter(2)
    w.heading("BAB II\nPERENCANAAN KINERJA", 1, page_break=True)
    w.heading("2.1 Perencanaan", 2)
    w.narasi("perencanaan")
    w.heading("2.2 Visi dan Misi", 2)
    w.heading("2.2.1 Visi", 3)
    w.narasi("visi")
    w.heading("2.2.2 Misi", 3)
    w.narasi("misi")
    w.heading("2.3 Tujuan dan Sasaran", 2)
    w.heading("2.3.1 Tujuan", 3)
    if not w.narasi("tujuan"):
        tujuan = list(dict.fromkeys(s.tujuan for s in w.lap.sasaran if s.tujuan))
        w.items(tujuan)
    w.heading("2.3.2 Sasaran", 3)
    w.narasi("sasaran")
    if not sudah_diantar(w):
        w.p(
            f"Sasaran strategis {ident.nama_instansi} dalam Rencana Strategis (Renstra) "
            f"{ident.renstra_awal}–"
            f"{ident.renstra_akhir} adalah sebagai berikut:"
        )
    w.items(akhiri_butir([s.uraian for s in w.lap.sasaran]))
    w.heading("2.4 Arah Kebijakan", 2)
    w.narasi("arah_kebijakan")
    w.heading("2.5 Program, Kegiatan dan Sub Kegiatan", 2)
    w.narasi("program_kegiatan")
    if w.lap.program_kegiatan:
        w.new_section(landscape=True)  # the lead-in on the table's page, not alone before it
        pengantar(
            w,
            f"Program, kegiatan dan sub kegiatan {ident.nama_instansi} Tahun {ident.tahun} "
            "disajikan pada {label} berikut.",
        )
        _program_kegiatan(w)
        w.new_section(landscape=False)
    w.heading(f"2.6 Perjanjian Kinerja Tahun {ident.tahun}", 2)
    w.narasi("perjanjian_kinerja")
    pengantar(
        w,
        f"Sasaran, indikator kinerja dan target yang ditetapkan dalam Perjanjian Kinerja "
        f"{ident.nama_instansi} Tahun {ident.tahun} disajikan pada {{label}} berikut.",
    )
    perjanjian_kinerja_table(w)
    if w.lap.program:
        pengantar(
            w,
            "Program beserta anggaran yang mendukung Perjanjian Kinerja tersebut disajikan pada "
            "{label} berikut.",
        )
    program_budget_table(w)


def _program_kegiatan(w: Writer) -> None:
    rows = []
    for pk in w.lap.program_kegiatan:
        rows.append(_pk_row(w, pk))
    w.table(
        f"Program, Kegiatan dan Sub Kegiatan {w.ident.nama_instansi} Tahun {w.ident.tahun}",
        [["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Output", "Target Output", "Bagian"]],
        rows,
        [2.2, 8.5, 6.5, 2.6, 3.6],
    )


def _pk_row(w: Writer, pk: ProgramKegiatan) -> list:
    tingkat = (pk.tingkat or "").casefold()
    program = tingkat == "program"
    indent = "" if program else ("    " if tingkat == "kegiatan" else "        ")
    output = ""
    if pk.target_output is not None:
        output = f"{format_angka(pk.target_output)} {pk.satuan_output}".strip()
    fill = "#F2F2F2" if program else None
    return [
        Cell(pk.kode, bold=program, fill=fill),
        Cell(indent + pk.nama, bold=program, fill=fill),
        Cell(pk.indikator_output, fill=fill),
        Cell(output, align="center", fill=fill),
        Cell(pk.bagian, fill=fill),
    ]


def perjanjian_kinerja_table(w: Writer, *, caption: bool = True) -> None:
    rows = []
    for no, sas in enumerate(w.lap.sasaran, 1):
        inds = sas.indikator or [None]
        for i, ind in enumerate(inds):
            first = i == 0
            merge = None if len(inds) == 1 else ("restart" if first else "continue")
            kin = w.kinerja(ind) if ind else None
            rows.append(
                [
                    Cell(f"{no}.", align="center", vmerge=merge),
                    Cell(sas.uraian, vmerge=merge),
                    Cell(f"{i + 1}" if ind else "", align="center"),
                    ind.uraian if ind else "-",
                    Cell(ind.satuan if ind else "", align="center"),
                    Cell(target(kin, ind, with_unit=False) if ind else "-", align="center"),
                ]
            )
    header = [
        ["No", "Sasaran Strategis", "No", "Indikator Kinerja", "Satuan", f"Target {w.ident.tahun}"],
        numbered_header(6),
    ]
    w.table(
        f"Perjanjian Kinerja Tahun {w.ident.tahun}",
        header,
        rows,
        [1.0, 4.6, 0.9, 4.6, 1.7, 2.2],
        caption=caption,
    )


def program_budget_table(w: Writer, *, caption: bool = True) -> None:
    if not w.lap.program:
        return
    rows = [
        [
            Cell(f"{i}.", align="center"),
            p.nama,
            Cell(w.rupiah(p.anggaran), align="right"),
            Cell(p.sumber_dana, align="center"),
        ]
        for i, p in enumerate(w.lap.program, 1)
    ]
    amounts = [p.anggaran for p in w.lap.program if p.anggaran is not None]
    total = jumlah_tampil(amounts)
    rows.append(
        [
            "",
            # Named so it is not confused with the total anggaran of 3.4 (the PK is signed on the
            # original budget; the realised budget year may differ).
            Cell("Total Anggaran Perjanjian Kinerja", bold=True),
            Cell(w.rupiah(total) if amounts else "-", bold=True, align="right"),
            "",
        ]
    )
    w.table(
        f"Program dan Anggaran Perjanjian Kinerja Tahun {w.ident.tahun}",
        [["No", "Program", "Anggaran", "Sumber"]],
        rows,
        [1.0, 7.5, 3.8, 1.7],
        caption=caption,
    )
