"""Derive LKjIP_published_numbers.xlsx: the example workbook with the reference's numbers AS
PUBLISHED typed over the cells that should compute them.

The example workbook (examples/LKjIP_Setda_Kota_Jambi_2022.xlsm) is the corrected one: the
calculated columns of its tables compute every capaian with formulas. The published report
(LKjIP Setda Kota Jambi 2022) prints numbers that do not follow from its own data (README,
"Where the example corrects the reference report"). This script types those printed numbers
into a COPY, over the formulas, the way a staff member copying the old report would, so
`lkjip-xl periksa` can be shown to name each of them:

- tblTarget Capaian, as printed: IKU2 2019 71,42% (true 71,43%), IKU2 2021 100% (109,09%),
  IKU2 2022 100% (107,69%), IKU3 2022 57%, IKU4 2022 "B" (102,46%).
  IKU3 2022 is printed twice with different numbers: Tabel 3.3 (the report-year table) 57% and
  Tabel 3.4 (the multi-year table) 71,25% (= 57/80, correct). tblTarget has one Capaian cell
  per (indikator, tahun), so the wrong Tabel 3.3 value is typed: it is the one the Ikhtisar and
  BAB III repeat, and typing the correct 71,25% would hide the inconsistency.
- tblAnggaranSasaran rows S1-S3 as printed in Tabel 3.8 (second): capaian kinerja 100% / 57% /
  82,99%, realisasi anggaran 97,35% / 97,39% / 93,51%, efisiensi 2,65% / -40% / -10,52%; and a
  typed "Jumlah" row (appended to the table, Kode Sasaran "Jumlah") with 87,93% /
  68.269.806.788 / 64.933.043.167 / 95,45% / -7,53%.
- tblProgram: a typed "TOTAL" row 65.417.689.586 as printed under Tabel 2.2 (the programme
  rows themselves are the example's, which carries them as printed).
- tblNarasi sumber_daya_manusia: "119 (Seratus Sembilan Belas) orang Pegawai Negeri Sipil" as
  printed (Tabel 1.1 says 121).

Editing with openpyxl is fine for a test fixture (it drops the VBA project and cached values; the
result is saved as .xlsx). Deterministic: run it twice, the cell values are the same.

    python tests/published/make_published.py [OUT.xlsx]
"""

from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
EXAMPLE = ROOT / "examples" / "LKjIP_Setda_Kota_Jambi_2022.xlsm"
OUTPUT = Path(__file__).resolve().parent / "LKjIP_published_numbers.xlsx"

#: (Kode Indikator, Tahun) -> Capaian as printed.
CAPAIAN_PUBLISHED: dict[tuple[str, int], object] = {
    ("IKU2", 2019): 0.7142,
    ("IKU2", 2021): 1.0,
    ("IKU2", 2022): 1.0,
    ("IKU3", 2022): 0.57,
    ("IKU4", 2022): "B",
}
#: Kode Sasaran -> (Capaian Kinerja, Realisasi Anggaran, Efisiensi) as printed in Tabel 3.8.
EFISIENSI_PUBLISHED: dict[str, tuple[float, float, float]] = {
    "S1": (1.0, 0.9735, 0.0265),
    "S2": (0.57, 0.9739, -0.40),
    "S3": (0.8299, 0.9351, -0.1052),
}
JUMLAH_PUBLISHED = {
    "Kode Sasaran": "Jumlah",
    "Capaian Kinerja": 0.8793,
    "Anggaran": 68269806788,
    "Realisasi": 64933043167,
    "Capaian Realisasi Anggaran": 0.9545,
    "Efisiensi": -0.0753,
}
PROGRAM_TOTAL_PUBLISHED = 65417689586
PNS_TEXT = "119 (Seratus Sembilan Belas) orang Pegawai Negeri Sipil"
SDM_SENTENCE = (
    "Secara keseluruhan jumlah pegawai di lingkungan Sekretariat Daerah Kota Jambi pada Desember "
    "2022 berjumlah 119 (Seratus Sembilan Belas) orang Pegawai Negeri Sipil (PNS) dan 164 orang "
    "Tenaga Kerja Kontrak (TKK). Berdasarkan kategori Kepangkatan dan Golongan, Pendidikan serta "
    "Eselonering komposisi pegawai adalah sebagai berikut:"
)


def _columns(ws, table) -> tuple[dict[str, int], int, int]:  # type: ignore[no-untyped-def]
    from openpyxl.utils import range_boundaries

    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    header = {str(ws.cell(min_row, c).value).strip(): c for c in range(min_col, max_col + 1)}
    return header, min_row + 1, max_row


def _hasil_rows(path: Path) -> tuple[dict[tuple[str, int], int], dict[str, int], list[int]]:
    """Excel rows of tblTarget by (kode, tahun), of tblAnggaranSasaran by kode, and the row just
    below tblAnggaranSasaran (where the typed Jumlah row goes)."""
    from lkjip_xl.readers.xlsx_file import read_workbook

    book = read_workbook(path)

    def excel_row(cell: str | None) -> int:
        return int(re.sub(r"^[A-Z]+", "", cell or ""))

    target, anggaran = book.tables["tblTarget"], book.tables["tblAnggaranSasaran"]
    by_key = {
        (str(r.get("Kode Indikator")), int(r.get("Tahun"))): excel_row(r.cell("Capaian"))  # type: ignore[arg-type]
        for r in target.rows
        if r.get("Kode Indikator")
    }
    by_sasaran = {
        str(r.get("Kode Sasaran")): excel_row(r.cell("Kode Sasaran"))
        for r in anggaran.rows
        if r.get("Kode Sasaran")
    }
    below = max(excel_row(r.cell("Kode Sasaran")) for r in anggaran.rows) + 1
    return by_key, by_sasaran, [below]


def _extend(table, last_row: int) -> None:  # type: ignore[no-untyped-def]
    """Grow a table down to `last_row`, as Excel does when a row is typed below it."""
    from openpyxl.utils import get_column_letter, range_boundaries

    min_col, min_row, max_col, _ = range_boundaries(table.ref)
    table.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{last_row}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref


def make(out: Path = OUTPUT, example: Path = EXAMPLE) -> Path:
    import openpyxl

    by_key, by_sasaran, below = _hasil_rows(example)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(example)
    pk = wb["Perjanjian Kinerja"]

    cols, _, _ = _columns(pk, pk.tables["tblTarget"])
    for key, value in CAPAIAN_PUBLISHED.items():
        pk.cell(by_key[key], cols["Capaian"]).value = value

    anggaran = wb["Anggaran"]
    cols, _, _ = _columns(anggaran, anggaran.tables["tblAnggaranSasaran"])
    for kode, (cap, ra, eff) in EFISIENSI_PUBLISHED.items():
        r = by_sasaran[kode]
        anggaran.cell(r, cols["Capaian Kinerja"]).value = cap
        anggaran.cell(r, cols["Capaian Realisasi Anggaran"]).value = ra
        anggaran.cell(r, cols["Efisiensi"]).value = eff
    jumlah_row = below[0]
    for column, value in JUMLAH_PUBLISHED.items():
        anggaran.cell(jumlah_row, cols[column]).value = value
    _extend(anggaran.tables["tblAnggaranSasaran"], jumlah_row)

    program = pk.tables["tblProgram"]
    cols, _, last = _columns(pk, program)
    total_row = last + 1
    pk.cell(total_row, cols["Kode Program"]).value = "TOTAL"
    pk.cell(total_row, cols["Program"]).value = "TOTAL"
    pk.cell(total_row, cols["Anggaran"]).value = PROGRAM_TOTAL_PUBLISHED
    pk.cell(total_row, cols["Anggaran"]).number_format = pk.cell(
        last, cols["Anggaran"]
    ).number_format
    _extend(program, total_row)

    narasi = wb["Narasi"]
    cols, first, last = _columns(narasi, narasi.tables["tblNarasi"])
    pattern = re.compile(r"\d[\d.]*\s*(?:\([^)]*\)\s*)?orang\s+Pegawai\s+Negeri\s+Sipil")
    sdm_rows = [
        r
        for r in range(first, last + 1)
        if narasi.cell(r, cols["Bagian"]).value == "sumber_daya_manusia"
    ]
    for r in sdm_rows:
        text = str(narasi.cell(r, cols["Teks"]).value or "")
        if pattern.search(text):
            narasi.cell(r, cols["Teks"]).value = pattern.sub(PNS_TEXT, text, count=1)
            break
    else:  # the example's sentence was rewritten (e.g. without the count): use the printed one
        narasi.cell(sdm_rows[0], cols["Teks"]).value = SDM_SENTENCE

    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    wb.close()
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    print(make(target))
