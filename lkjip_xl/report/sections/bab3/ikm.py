"""IKM per unsur (Peraturan Menteri PANRB Nomor 14 Tahun 2017) under the analysis of the IKM
indicator in 3.3: the NRR of each unsur from tblIKMUnsur, its weighted NRR (NRR x 1/9), the
IKM they give and its mutu, computed by the same core functions as the IKM UDFs (core.ikm).
Printed only when tblIKMUnsur has rows for the report year."""

from __future__ import annotations

from lkjip_xl.core import ikm
from lkjip_xl.core.model import Indikator, UnsurIKM
from lkjip_xl.core.numbers import format_angka
from lkjip_xl.core.values import InvalidValue
from lkjip_xl.report.sections.teks import daftar, has_text, pengantar
from lkjip_xl.report.tables import TOTAL_FILL, Cell, numbered_header
from lkjip_xl.report.writer import Writer

#: Decimals of the weighted NRR, as in the worked example of PermenPAN-RB 14/2017.
DESIMAL_TERTIMBANG = 3
_ORDER = {kode: i for i, (kode, _) in enumerate(ikm.UNSUR_IKM)}


def indikator_ikm(w: Writer) -> Indikator | None:
    """The indicator the unsur table goes under: the first one measured on the mutu IKM
    scale (an IKM value classified A-D)."""
    return next((i for i in w.lap.indikator if (i.skala or "").strip() == "mutu_ikm"), None)


def unsur_tahun(w: Writer) -> list[UnsurIKM]:
    """The report year's unsur, in the regulation's order U1..U9 (unknown codes last)."""
    rows = [u for u in w.lap.ikm_unsur if u.tahun == w.ident.tahun]
    return sorted(rows, key=lambda u: _ORDER.get(u.kode.strip().upper(), len(_ORDER)))


def nilai_ikm(rows: list[UnsurIKM]) -> float | None:
    """IKM from the nine NRR (core.ikm.ikm_dari_nrr); None when one is missing or invalid."""
    if [u.kode.strip().upper() for u in rows] != list(_ORDER):
        return None
    try:
        return ikm.ikm_dari_nrr([u.nrr for u in rows])
    except InvalidValue:
        return None


def write(w: Writer, ind: Indikator) -> None:
    rows = unsur_tahun(w)
    if not rows:
        return
    t = w.ident.tahun
    pengantar(
        w,
        f"Nilai rata-rata (NRR) setiap unsur pelayanan pada survei kepuasan masyarakat tahun "
        f"{t}, yang membentuk nilai IKM menurut Peraturan Menteri PANRB Nomor 14 Tahun 2017, "
        "disajikan pada {label} berikut.",
    )
    weight = 1 / ikm.JUMLAH_UNSUR
    body: list[list[Cell]] = []
    for no, u in enumerate(rows, 1):
        known = u.nrr is not None
        body.append(
            [
                Cell(f"{no}.", align="center"),
                Cell(u.kode, align="center"),
                Cell(u.unsur),
                Cell(format_angka(u.nrr, 2) if known else "N/A", align="center"),
                Cell(
                    format_angka(u.nrr * weight, DESIMAL_TERTIMBANG) if known else "N/A",
                    align="center",
                ),
            ]
        )
    value = nilai_ikm(rows)
    if value is not None:
        mutu, keterangan = ikm.mutu_ikm(value)
        for label, text in (
            ("Jumlah NRR tertimbang", format_angka(value / 25, DESIMAL_TERTIMBANG)),
            ("IKM (jumlah NRR tertimbang × 25)", format_angka(value, 2)),
            ("Mutu pelayanan", f"{mutu} ({keterangan})"),
        ):
            body.append(
                [
                    Cell(label, bold=True, span=4, fill=TOTAL_FILL),
                    Cell(text, bold=True, align="center"),
                ]
            )
    w.table(
        f"Nilai Unsur Pelayanan Survei Kepuasan Masyarakat Tahun {t}",
        [
            ["No", "Kode", "Unsur Pelayanan", "NRR", "NRR Tertimbang (NRR × 1/9)"],
            numbered_header(5),
        ],
        body,
        [0.9, 1.2, 6.5, 2.0, 3.2],
        note=_note(rows, value),
    )
    reading = _reading(w, ind, rows, value)
    if reading:
        w.p(reading)


def _note(rows: list[UnsurIKM], value: float | None) -> str:
    if value is not None:
        return (
            "Catatan: IKM dihitung dari NRR yang tidak dibulatkan; jumlah NRR tertimbang "
            "sebagaimana tercetak dapat berbeda pada desimal terakhir."
        )
    missing = [u.kode for u in rows if u.nrr is None]
    if missing:
        return (
            f"Catatan: NRR unsur {daftar(missing)} tidak tersedia, sehingga IKM tidak dapat "
            "dihitung ulang dari tabel ini."
        )
    return (
        f"Catatan: tabel tidak memuat tepat {ikm.JUMLAH_UNSUR} unsur pelayanan, sehingga IKM "
        "tidak dapat dihitung ulang dari tabel ini."
    )


def _reading(w: Writer, ind: Indikator, rows: list[UnsurIKM], value: float | None) -> str:
    """Highest and lowest unsur, and whether the unsur give the indicator's realisasi."""
    known = [u for u in rows if u.nrr is not None]
    parts = []
    # the staff's analysis of the indicator usually names them; not said twice
    if len(known) >= 2 and not has_text(w, f"indikator:{ind.kode}"):
        top = max(known, key=lambda u: u.nrr or 0.0)
        low = min(known, key=lambda u: u.nrr or 0.0)
        parts.append(
            f"Unsur dengan NRR tertinggi adalah {top.unsur} ({format_angka(top.nrr, 2)}) dan "
            f"yang terendah {low.unsur} ({format_angka(low.nrr, 2)})."
        )
    kin = w.kinerja(ind)
    realisasi = kin.realisasi if kin else None
    if value is not None and isinstance(realisasi, (int, float)):
        same = format_angka(value, 2) == format_angka(realisasi, 2)
        if same:
            parts.append(
                f"Nilai IKM hasil perhitungan unsur tersebut sama dengan realisasi indikator "
                f"ini ({format_angka(realisasi, 2)})."
            )
        else:
            parts.append(
                f"Nilai IKM hasil perhitungan unsur ({format_angka(value, 2)}) berbeda dengan "
                f"realisasi indikator ini ({format_angka(realisasi, 2)}); realisasi yang "
                "dilaporkan adalah nilai yang diisikan pada tabel realisasi."
            )
    return " ".join(parts)
