"""LAMPIRAN (PermenPAN-RB 53/2014): 1. the Perjanjian Kinerja, signed by both parties and dated
in its own year, with its table of sasaran, indicators, targets and program budgets;
2. Pengukuran Kinerja (target, realisasi and capaian of the year, with the budget). Lampiran
tables carry no chapter caption numbers; DAFTAR LAMPIRAN lists them in the front matter."""

from __future__ import annotations

from docx.shared import Cm

from lkjip_xl.core.model import Identitas
from lkjip_xl.core.numbers import format_persen
from lkjip_xl.core.pejabat import kepala_daerah
from lkjip_xl.report import styles
from lkjip_xl.report.sections.bab2 import perjanjian_kinerja_table, program_budget_table
from lkjip_xl.report.sections.teks import (
    Penanda,
    realisasi,
    tanda_tangan,
    tanggal_dalam_tahun,
    target,
)
from lkjip_xl.report.tables import Cell, numbered_header
from lkjip_xl.report.writer import Writer


def judul(w: Writer) -> list[str]:
    t = w.ident.tahun
    return [f"Perjanjian Kinerja Tahun {t}", f"Pengukuran Kinerja Tahun {t}"]


def daftar_lampiran(w: Writer, titles: list[str] | None = None) -> None:
    """The list of annexes in the front matter (the Pemda report passes its own titles)."""
    w.heading("DAFTAR LAMPIRAN", 1, page_break=True)
    for i, title in enumerate(titles if titles is not None else judul(w), 1):
        w.p(f"Lampiran {i}\t{title}").paragraph_format.tab_stops.add_tab_stop(Cm(2.5))


def write(w: Writer) -> None:
    titles = judul(w)
    w.heading("LAMPIRAN", 1, page_break=True)
    w.heading(f"Lampiran 1. {titles[0]}", 2)
    _perjanjian_kinerja(w)
    w.heading(f"Lampiran 2. {titles[1]}", 2, page_break=True)
    _pengukuran_kinerja(w)


def _kop(w: Writer, title: str = "") -> None:
    """Pemerintah daerah above the instansi (the order of the PermenPAN-RB 53/2014 form)."""
    ident = w.ident
    w.p(
        f"{ident.pemerintah_daerah.upper()}\n{ident.nama_instansi.upper()}",
        styles.SUBJUDUL,
        align="center",
    )
    if title:
        w.p(title.upper(), styles.SUBJUDUL, align="center")


def jabatan_pihak_kedua(ident: Identitas) -> str:
    """Identitas "Jabatan Pihak Kedua", else the kepala daerah of the pemerintah daerah (an
    OPD's Perjanjian Kinerja is signed with the Bupati/Wali Kota/Gubernur); the name is never
    guessed and stays a dotted line to sign by hand."""
    return ident.pihak_kedua_jabatan.strip() or kepala_daerah(ident.pemerintah_daerah)


def _pihak(w: Writer) -> tuple[Penanda, Penanda]:
    ident = w.ident
    kedua = Penanda(
        "PIHAK KEDUA,",
        jabatan_pihak_kedua(ident).upper(),
        ident.pihak_kedua_nama,
        nip=ident.pihak_kedua_nip,
        tampilkan_nip=bool(ident.pihak_kedua_nip),
    )
    pertama = Penanda(
        "PIHAK PERTAMA,",
        ident.jabatan_penandatangan,
        ident.nama_penandatangan,
        ident.pangkat_penandatangan,
        ident.nip_penandatangan,
    )
    return kedua, pertama


def _identitas_pihak(w: Writer, nama: str, jabatan: str, sebutan: str) -> None:
    for label, value in (("Nama", nama or "…………………………………"), ("Jabatan", jabatan or "………")):
        paragraph = w.p(f"{label}\t: {value}")
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(2.5))
        paragraph.paragraph_format.keep_with_next = True
    w.p(sebutan)


def _perjanjian_kinerja(w: Writer) -> None:
    ident = w.ident
    kedua, pertama = _pihak(w)
    tempat = tanggal_dalam_tahun(ident.tanggal_pk, ident.kota, ident.tahun)
    _kop(w, f"Perjanjian Kinerja Tahun {ident.tahun}")
    w.p(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel "
        "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
    )
    _identitas_pihak(
        w,
        ident.nama_penandatangan,
        _sentence_case(ident.jabatan_penandatangan),
        "selanjutnya disebut pihak pertama;",
    )
    _identitas_pihak(
        w,
        ident.pihak_kedua_nama,
        _sentence_case(jabatan_pihak_kedua(ident)),
        "selaku atasan pihak pertama, selanjutnya disebut pihak kedua.",
    )
    w.p(
        "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
        "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
        "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
        "kinerja tersebut menjadi tanggung jawab kami."
    )
    w.p(
        "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
        "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan "
        "dalam rangka pemberian penghargaan dan sanksi."
    )
    tanda_tangan(w, tempat, kedua, pertama)
    w.page_break()
    _kop(w, f"Lampiran Perjanjian Kinerja Tahun {ident.tahun}")
    perjanjian_kinerja_table(w, caption=False)
    program_budget_table(w, caption=False)
    tanda_tangan(w, tempat, kedua, pertama)


def _sentence_case(jabatan: str) -> str:
    """ "SEKRETARIS DAERAH KOTA CONTOH" -> "Sekretaris Daerah Kota Contoh" for running text;
    text already in mixed case stays as typed."""
    text = " ".join((jabatan or "").split())
    return text.title() if text.isupper() else text


def _pengukuran_kinerja(w: Writer) -> None:
    ident, rk = w.ident, w.lap.ringkasan
    _kop(w)
    rows = []
    for no, sas in enumerate(w.lap.sasaran, 1):
        inds = sas.indikator or [None]
        for i, ind in enumerate(inds):
            merge = None if len(inds) == 1 else ("restart" if i == 0 else "continue")
            kin = w.kinerja(ind) if ind else None
            rows.append(
                [
                    Cell(f"{no}.", align="center", vmerge=merge),
                    Cell(sas.uraian, vmerge=merge),
                    ind.uraian if ind else "-",
                    Cell(target(kin, ind) if ind else "-", align="center"),
                    Cell(realisasi(kin, ind) if ind else "-", align="center"),
                    Cell(format_persen(kin.capaian) if kin else "N/A", align="center"),
                ]
            )
    w.table(
        f"Pengukuran Kinerja Tahun {ident.tahun}",
        [
            ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
            numbered_header(6),
        ],
        rows,
        [0.6, 2.4, 6.4, 1.4, 1.4, 1.2],  # the indicator text gets the spare width
        caption=False,
    )
    if rk.total_anggaran is not None:
        for label, value in (
            (f"Jumlah anggaran tahun {ident.tahun}", w.rupiah(rk.total_anggaran)),
            (f"Jumlah realisasi anggaran tahun {ident.tahun}", w.rupiah(rk.total_realisasi)),
            ("Persentase realisasi anggaran", format_persen(rk.persen_anggaran)),
        ):
            paragraph = w.p(f"{label}\t: {value}")
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(8))
            paragraph.paragraph_format.keep_with_next = True
    w.signature()
