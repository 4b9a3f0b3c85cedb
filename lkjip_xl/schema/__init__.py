"""The workbook layout as data: sheets, Excel Tables and their columns.

One definition serves the template builder (which creates the tables), the readers (which find
data by table and column name, never by cell position) and the checker (which reports a missing
or renamed table or column). Change the layout here and nowhere else.

Results live inside the input tables as calculated columns (kind FORMULA, appended at the end
of a table): Excel fills them into every row a user adds, so the results grow with the data.
Their formulas are written by lkjip_xl.workbook.formulas; the report never reads them (it
recomputes everything), the checker only compares what staff typed over them.
"""

from __future__ import annotations

from lkjip_xl.schema.keys import (
    CHOICES,
    FORMULA_ROWS,
    GAYA_NARASI,
    GAYA_RUPIAH,
    IDENTITAS_BOLEH_KOSONG,
    IDENTITAS_KETERANGAN,
    IDENTITAS_KEYS,
    KELOMPOK_SDM,
    NARASI_SECTIONS,
    NARASI_WAJIB,
    POLARITAS,
    SATUAN,
    SKALA_ORDINAL,
    SKALA_PREDIKAT,
    TINGKAT,
)
from lkjip_xl.schema.tables import (
    ANGGARAN_SASARAN,
    ASET,
    BELANJA,
    IDENTITAS,
    IKM_UNSUR,
    INDIKATOR,
    INPUT_TABLES,
    ISU_BAGIAN,
    ISU_STRATEGIS,
    KOMPONEN,
    KUNCI,
    NARASI,
    PENDAPATAN,
    PROGRAM,
    PROGRAM_KEGIATAN,
    REALISASI,
    RESULT_TABLES,
    SASARAN,
    SDM,
    SHEETS,
    STRUKTUR,
    TABLES,
    TARGET,
    TUGAS_FUNGSI,
)
from lkjip_xl.schema.types import Column, Kind, Sheet, Table

__all__ = [  # re-exported: callers write schema.Column, schema.CHOICES, schema.TARGET, ...
    "ANGGARAN_SASARAN",
    "ASET",
    "BELANJA",
    "CHOICES",
    "FORMULA_ROWS",
    "GAYA_NARASI",
    "GAYA_RUPIAH",
    "IDENTITAS",
    "IDENTITAS_BOLEH_KOSONG",
    "IDENTITAS_KETERANGAN",
    "IDENTITAS_KEYS",
    "IKM_UNSUR",
    "INDIKATOR",
    "INPUT_TABLES",
    "ISU_BAGIAN",
    "ISU_STRATEGIS",
    "KELOMPOK_SDM",
    "KOMPONEN",
    "KUNCI",
    "NARASI",
    "NARASI_SECTIONS",
    "NARASI_WAJIB",
    "PENDAPATAN",
    "POLARITAS",
    "PROGRAM",
    "PROGRAM_KEGIATAN",
    "REALISASI",
    "RESULT_TABLES",
    "SASARAN",
    "SATUAN",
    "SDM",
    "SHEETS",
    "SKALA_ORDINAL",
    "SKALA_PREDIKAT",
    "STRUKTUR",
    "TABLES",
    "TARGET",
    "TINGKAT",
    "TUGAS_FUNGSI",
    "Column",
    "Kind",
    "Sheet",
    "Table",
]
