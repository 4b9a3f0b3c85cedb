"""Staff composition (reference Tabel 1.1) and the counts the narrative repeats.

Checks (kode):
- ``sdm-jumlah-beda`` (peringatan): a group of tblSDM whose sum differs from the staff it
  covers. Decision: "Jenis Kepegawaian" (PNS + TKK/PPPK/...) defines the total; "Jenis
  Kelamin" covers ALL staff and must equal that total (reference: 153 + 132 = 285 = 121 + 164);
  "Jenjang Kepangkatan dan Golongan", "Jenjang Pendidikan" and "Eselonering" cover PNS only
  (golongan and eselon exist only for PNS; the reference's pendidikan also sums to the 121 PNS)
  and must equal the PNS row of Jenis Kepegawaian (the row whose Uraian says "Pegawai Negeri
  Sipil" or "PNS"). Without a PNS row those three groups are not checked.
- ``sdm-teks-beda`` (peringatan): the narrative (tblNarasi) says "119 (...) orang Pegawai Negeri
  Sipil" while the table says 121: the finding names both cells. Every Jenis Kepegawaian row is
  looked for ("164 orang Tenaga Kerja Kontrak" too).
"""

from __future__ import annotations

import re
from collections import defaultdict

from lkjip_xl import schema
from lkjip_xl.checks.base import Baris, is_total_row, rows, warn
from lkjip_xl.core.findings import Finding
from lkjip_xl.readers.tables import Workbook

KEPEGAWAIAN = "jenis kepegawaian"
SEMUA = ("jenis kelamin",)
HANYA_PNS = ("jenjang kepangkatan dan golongan", "jenjang pendidikan", "eselonering")
_PNS = re.compile(r"pegawai\s+negeri\s+sipil|\bpns\b", re.IGNORECASE)
# "119 (Seratus Sembilan Belas) orang Pegawai Negeri Sipil (PNS)", "**164** orang Tenaga ...".
# Linear on Excel's 32 767-character cells: a number starts only where no digit or dot
# precedes it (so "1.000.000..." is tried once, not at every digit), and no optional run
# stands before the number (a leading "\**" made 32 767 asterisks cost 28 s).
_COUNT = r"(?<![\d.])(\d{1,3}(?:\.\d{3})*)\**\s*(?:\([^)]{0,80}\)\s*)?orang\s+"


def _groups(book: Workbook) -> dict[str, list[Baris]]:
    groups: dict[str, list[Baris]] = defaultdict(list)
    for baris in rows(book, schema.SDM):
        if isinstance(baris["Kelompok"], str) and not is_total_row(baris, ("Uraian",)):
            groups[" ".join(baris["Kelompok"].split()).casefold()].append(baris)
    return groups


def _total(lines: list[Baris]) -> int:
    return sum(b["Jumlah"] for b in lines if isinstance(b["Jumlah"], int))


def _pns(lines: list[Baris]) -> Baris | None:
    return next(
        (b for b in lines if isinstance(b["Uraian"], str) and _PNS.search(b["Uraian"])), None
    )


def check_sums(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    groups = _groups(book)
    kepegawaian = groups.get(KEPEGAWAIAN)
    if not kepegawaian:
        return findings
    total = _total(kepegawaian)
    pns = _pns(kepegawaian)
    for name, lines in groups.items():
        if name in SEMUA:
            expected, what = total, f"seluruh pegawai menurut Jenis Kepegawaian ({total})"
        elif name in HANYA_PNS and pns is not None and isinstance(pns["Jumlah"], int):
            expected, what = pns["Jumlah"], f"jumlah PNS ({pns['Jumlah']}, {pns.ref('Jumlah')})"
        else:
            continue
        got = _total(lines)
        if got != expected:
            findings.append(
                warn(
                    lines[0],
                    "Jumlah",
                    f"Kelompok '{lines[0]['Kelompok']}' berjumlah {got} orang, tidak sama dengan "
                    f"{what}.",
                    "Periksa angka pada kelompok ini dan pada Jenis Kepegawaian.",
                    "sdm-jumlah-beda",
                )
            )
    return findings


def check_text(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    kepegawaian = _groups(book).get(KEPEGAWAIAN, [])
    texts = [b for b in rows(book, schema.NARASI) if isinstance(b["Teks"], str)]
    for line in kepegawaian:
        uraian, jumlah = line["Uraian"], line["Jumlah"]
        if not isinstance(uraian, str) or not isinstance(jumlah, int):
            continue
        name = re.escape(" ".join(uraian.split())).replace(r"\ ", r"\s+")
        pattern = re.compile(_COUNT + name, re.IGNORECASE)
        for text in texts:
            for match in pattern.finditer(text["Teks"]):
                said = int(match.group(1).replace(".", ""))
                if said != jumlah:
                    findings.append(
                        warn(
                            text,
                            "Teks",
                            f"Narasi '{text['Bagian']}' menyebut {said} orang {uraian}, sedangkan "
                            f"tabel komposisi pegawai ({line.ref('Jumlah')}) mencatat {jumlah}.",
                            f"Samakan angka di narasi dengan tabel SDM ({line.ref('Jumlah')}).",
                            "sdm-teks-beda",
                        )
                    )
    return findings


def run(book: Workbook) -> list[Finding]:
    return check_sums(book) + check_text(book)
