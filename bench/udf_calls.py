"""UDF calls of one full recalculation of the workbook: the example, the Dinas Kesehatan test
office and a generated office of 1 000 target rows and 200 sasaran.

Counted by lkjip_xl.workbook.formulas, which calls the UDFs exactly where Excel does while it
computes the cached values. Each call is one COM round trip from Excel to Python (about 4-13 ms,
xlwings issue 1976), so the count, not the Python time, is what staff wait for.

Columns (README, "Results that grow with the tables"):
- arrays: the design built: calculated columns showing their row of one array call per result
  column on the hidden Hitung sheet (8 arrays + 7 Ringkasan calls, whatever the rows);
- per row: a UDF in every calculated cell instead (CAPAIAN per target row, PREDIKAT and
  KATEGORI where the capaian is a number, NILAI_KOMPONEN per component, the composite mean
  where used, RATA_CAPAIAN per sasaran, REALISASI_ANGGARAN and EFISIENSI per budget row, 7);
- old mirror: the fixed Hasil sheet before (40 target rows, 10 sasaran; rows beyond were not
  computed at all): 3 calls per filled target row, 3 per filled sasaran row, 7.
Run: python bench/udf_calls.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout

from lkjip_xl.workbook.data import load_rows  # noqa: E402
from lkjip_xl.workbook.excel import norm  # noqa: E402
from lkjip_xl.workbook.formulas import computed_cells  # noqa: E402

Rows = dict[str, list[dict]]


def large(target_rows: int = 1000, sasaran: int = 200, years: int = 5) -> Rows:
    """A generated office: 200 sasaran, one indicator each per 5 years (realisasi for 3)."""
    indicators = target_rows // years
    rows: Rows = {
        "tblIdentitas": [{"Kunci": "Tahun Laporan", "Nilai": 2023}],
        "tblSasaran": [{"Kode Sasaran": f"S{s}", "Sasaran": "Sasaran"} for s in range(sasaran)],
        "tblIndikator": [],
        "tblTarget": [],
        "tblRealisasi": [],
        "tblAnggaranSasaran": [
            {"Kode Sasaran": f"S{s}", "Anggaran": 1e9, "Realisasi": 9e8} for s in range(sasaran)
        ],
    }
    for i in range(indicators):
        kode = f"IK{i}"
        rows["tblIndikator"].append(
            {"Kode Indikator": kode, "Kode Sasaran": f"S{i % sasaran}", "Polaritas": "naik"}
        )
        for year in range(2021, 2021 + years):
            rows["tblTarget"].append({"Kode Indikator": kode, "Tahun": year, "Target": 80})
            if year <= 2023:
                real = {"Kode Indikator": kode, "Tahun": year, "Realisasi": 77}
                rows["tblRealisasi"].append(real)
    return rows


def _key(row: dict) -> str:
    return f"{norm(row.get('Kode Indikator'))}|{norm(row.get('Tahun'))}"


def per_row_design(rows: Rows) -> int:
    def filled(table: str) -> list[dict]:
        return [r for r in rows.get(table, []) if any(v is not None for v in r.values())]

    capaian = next(b for b in computed_cells(rows).blocks if b.name == "Capaian").values
    targets = filled("tblTarget")
    numeric = sum(isinstance(v, float) for v in capaian[: len(targets)])
    typed = {_key(r) for r in filled("tblRealisasi") if r.get("Realisasi") not in (None, "")}
    parts = {_key(r) for r in filled("tblKomponen")}
    komposit = sum(1 for r in targets if _key(r) in parts and _key(r) not in typed)
    per_table = len(filled("tblKomponen")) + len(filled("tblSasaran"))
    return (
        len(targets)
        + 2 * numeric
        + komposit
        + per_table
        + 2 * len(filled("tblAnggaranSasaran"))
        + 7
    )


def old_design(rows: Rows) -> int:
    targets = sum(1 for r in rows.get("tblTarget", []) if r.get("Kode Indikator"))
    sasaran = sum(1 for r in rows.get("tblSasaran", []) if r.get("Kode Sasaran"))
    return 3 * min(targets, 40) + 3 * min(sasaran, 10) + 7


def main() -> None:
    offices = {
        "contoh (examples/data)": load_rows(),
        "dinkes (tests/offices/dinkes)": load_rows(ROOT / "tests" / "offices" / "dinkes"),
        "1 000 baris target, 200 sasaran": large(),
    }
    print(f"{'office':34} {'rows':>5} {'sasaran':>7} {'arrays':>7} {'per row':>8} "
          f"{'old mirror':>10}")  # fmt: skip
    for name, rows in offices.items():
        counts = computed_cells(rows).calls.counts
        targets = len(rows.get("tblTarget", []))
        sasaran = len(rows.get("tblSasaran", []))
        print(f"{name:34} {targets:>5} {sasaran:>7} {sum(counts.values()):>7} "
              f"{per_row_design(rows):>8} {old_design(rows):>10}")  # fmt: skip


if __name__ == "__main__":
    main()
