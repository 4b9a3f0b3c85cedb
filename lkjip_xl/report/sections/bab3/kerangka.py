"""3.1 Kerangka Pengukuran Kinerja: formulas, qualitative scales in use, Tabel 3.1 (predikat) and
Tabel 3.2 (kategori), each scale's source from its definition (core.scales)."""

from __future__ import annotations

from lkjip_xl.core.model import Indikator
from lkjip_xl.core.numbers import format_angka
from lkjip_xl.core.scales import BandScale, OrdinalScale, band_scale, get_scale, ordinal_scales
from lkjip_xl.core.values import InvalidValue, is_not_available
from lkjip_xl.report import styles
from lkjip_xl.report.sections.teks import awal_kecil, pengantar, sebutkan
from lkjip_xl.report.tables import Cell
from lkjip_xl.report.writer import Writer


def write(w: Writer) -> None:
    w.heading("3.1 Kerangka Pengukuran Kinerja", 2)
    w.narasi("kerangka_pengukuran")
    polaritas = {ind.polaritas for ind in w.lap.indikator}
    w.p(
        "Capaian indikator dihitung dengan rumus berikut. Apabila semakin tinggi realisasi "
        "menunjukkan kinerja yang semakin baik (polaritas positif):"
    )
    w.p("Capaian = Realisasi ÷ Target × 100%", styles.RUMUS)
    w.p(
        "Apabila semakin tinggi realisasi menunjukkan kinerja yang semakin rendah (polaritas "
        "negatif):"
    )
    w.p("Capaian = (Target − (Realisasi − Target)) ÷ Target × 100%", styles.RUMUS)
    turun = [ind.uraian for ind in w.lap.indikator if ind.polaritas == "turun"]
    if turun:
        sebutkan(w, "Rumus polaritas negatif dipakai untuk indikator", turun)
    if "rentang" in polaritas:
        w.p(
            "Untuk target berupa rentang, realisasi di dalam rentang bernilai 100%; realisasi di "
            "atas rentang diukur terhadap batas atas dengan rumus polaritas negatif, dan "
            "realisasi di bawah rentang diukur terhadap batas bawah dengan rumus polaritas "
            "positif. Peraturan tentang laporan kinerja instansi pemerintah tidak mengatur "
            "target rentang; cara ini mengikuti penghitungan capaian kinerja pegawai dalam "
            "Peraturan Menteri PANRB Nomor 6 Tahun 2022 tentang Pengelolaan Kinerja Pegawai "
            "Aparatur Sipil Negara, yang mencabut Peraturan Menteri PANRB Nomor 8 Tahun 2021."
        )
        sebutkan(
            w,
            "Target berupa rentang ditetapkan untuk indikator",
            [i.uraian for i in w.lap.indikator if i.polaritas == "rentang"],
        )
    ordinal = _ordinal_scales_used(w.lap.indikator)
    if ordinal:
        skor = [
            f"{awal_kecil(s.title)} dengan skor "
            + ", ".join(f"{label} = {format_angka(score)}" for label, score in s.levels)
            for s in ordinal
        ]
        w.p(
            "Target dan realisasi kualitatif dikonversi ke skor ordinal sebelum dihitung: "
            + "; ".join(skor)
            + "."
        )
    w.p(
        "Realisasi yang belum tersedia menghasilkan capaian N/A (tidak tersedia) dan tidak "
        "diperhitungkan dalam rata-rata. Capaian sasaran adalah rata-rata capaian indikator "
        "sasaran tersebut."
    )
    predikat = band_scale(w.ident.skala_predikat)
    pengantar(
        w,
        "Predikat capaian ditetapkan atas nilai capaian yang dibulatkan dua desimal, "
        "sebagaimana {label} berikut.",
    )
    rows = [
        [
            Cell(b.description or b.label, align="center"),
            Cell(b.label, align="center"),
            Cell(b.warna or b.colour, align="center", fill=b.colour, bold=True),
        ]
        for b in predikat.bands
    ]
    w.table(
        predikat.title,
        [["Persentase Capaian", "Predikat", "Kode Warna"]],
        rows,
        [5, 5, 4],
        sumber=False,
        note=_source_note(predikat),
    )
    kategori = band_scale(w.ident.skala_kategori)
    pengantar(w, "Kategori capaian kinerja dikelompokkan sebagaimana {label} berikut.")
    bands = list(reversed(kategori.bands))
    rows = [
        [
            Cell(f"{i}.", align="center"),
            b.label,
            Cell(b.description, align="center"),
            Cell(b.warna or b.colour, align="center", fill=b.colour, bold=True),
        ]
        for i, b in enumerate(bands, 1)
    ]
    w.table(
        kategori.title,
        [["No", "Kategori/Interpretasi", "Rata-rata % Capaian", "Kode Warna"]],
        rows,
        [1.2, 5, 4.5, 3.5],
        sumber=False,
        note=_source_note(kategori),
    )


def _source_note(scale: BandScale) -> str:
    if not scale.source:
        return ""
    return f"Sumber: {scale.source[0].upper()}{scale.source[1:]}."


def _ordinal_scales_used(indikator: list[Indikator]) -> list[OrdinalScale]:
    """The ordinal scales that score a qualitative target or realisasi of any year."""
    used: list[OrdinalScale] = []
    for ind in indikator:
        labels = [
            v
            for kin in ind.kinerja.values()
            for v in (kin.target, kin.realisasi)
            if isinstance(v, str) and not is_not_available(v)
        ]
        if not labels:
            continue
        scale = None
        if ind.skala:
            try:
                found = get_scale(ind.skala)
            except InvalidValue:
                found = None
            scale = found if isinstance(found, OrdinalScale) else None
        if scale is None:
            scale = next((s for s in ordinal_scales() if all(s.knows(x) for x in labels)), None)
        if scale is not None and scale not in used and all(scale.knows(x) for x in labels):
            used.append(scale)
    return used
