"""History as published: a past year's capaian as that year's LKjIP printed it (tblRealisasi
"Capaian Dilaporkan") against the recomputation with today's rules.

The report prints the published value (history is not rewritten); staff are told where it
differs, so a typo can be told from a published figure.

Kode: capaian-dilaporkan-beda (peringatan): differs by 0,01 percent point or more as displayed;
capaian-dilaporkan-tahun-laporan (peringatan): typed for the report year, where the report
always prints its own computation.
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_xl.core.findings import Finding, peringatan
from lkjip_xl.core.model import Laporan
from lkjip_xl.core.numbers import format_angka, format_persen, selisih_persen
from lkjip_xl.core.values import NA

#: Smallest difference (percent points, as displayed) that is reported.
BATAS_SELISIH = Decimal("0.01")


def _where(ref: str) -> dict[str, str | None]:
    sheet, _, cell = ref.rpartition("!")
    return {
        "sheet": sheet.strip("'") or "Realisasi",
        "cell": cell or None,
        "table": "tblRealisasi",
        "column": "Capaian Dilaporkan",
    }


def run(laporan: Laporan | None) -> list[Finding]:
    if laporan is None:
        return []
    findings: list[Finding] = []
    for ind in laporan.indikator:
        for tahun, kin in sorted(ind.kinerja.items()):
            published = kin.capaian_dilaporkan
            if published is None:
                continue
            where = _where(kin.refs.get("Capaian Dilaporkan", ""))
            if tahun >= laporan.tahun:
                findings.append(
                    peringatan(
                        f"Capaian Dilaporkan {ind.kode} tahun {tahun} diisi untuk tahun laporan; "
                        "laporan mencetak capaian hasil perhitungan untuk tahun ini.",
                        saran="Kosongkan sel ini; kolom ini untuk tahun-tahun sebelumnya.",
                        kode="capaian-dilaporkan-tahun-laporan",
                        **where,
                    )
                )
                continue
            if kin.capaian == NA:
                computed = "tidak dapat dihitung (N/A)"
            else:
                diff = abs(selisih_persen(published, kin.capaian))
                if diff < BATAS_SELISIH:
                    continue
                computed = (
                    f"{format_persen(kin.capaian)} (selisih {format_angka(diff, 2)} poin persen)"
                )
            findings.append(
                peringatan(
                    f"Capaian {ind.kode} tahun {tahun} dilaporkan {format_persen(published)}, "
                    f"sedangkan perhitungan ulang dengan target dan realisasi di buku kerja "
                    f"memberi {computed}. Laporan mencetak capaian yang dilaporkan.",
                    saran="Biarkan bila angka ini memang yang diterbitkan dalam LKjIP tahun itu; "
                    "perbaiki bila salah ketik.",
                    kode="capaian-dilaporkan-beda",
                    **where,
                )
            )
    return findings
