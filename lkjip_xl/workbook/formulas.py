"""The Hasil sheet: formulas over the input tables, and the values they compute at build time.

Each tblHasil row i shows row i of tblTarget (INDEX with a constant row number, so inserting,
deleting or sorting rows in tblTarget never leaves a row unreferenced). Realisasi is looked up
by the pair (Kode Indikator, Tahun) in tblRealisasi with a single-cell array formula
``INDEX(real, MATCH(kode&"|"&tahun, kodes&"|"&tahuns, 0))`` (entered as an array formula so
Excel 2016/2019 evaluate it like Excel 365; the ``formulas`` package and LibreOffice evaluate it
too). Polaritas, Skala and Kode Sasaran of the indicator come from tblIndikator into helper
columns right of the tables (plain cells, not part of any table). Capaian/Predikat/Kategori call
the Python UDFs; rows whose Kode Indikator is empty call nothing.

Every formula cell also stores the value Excel would compute, calculated here with the very
functions of lkjip_xl.udfs, so viewers that do not run Python (LibreOffice, Excel before the
add-in recalculates) show the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from lkjip_xl.schema import Kind

from .layout import (
    BLOCK_LABEL_COL,
    BLOCK_VALUE_COL,
    EFISIENSI_ROWS,
    FIRST_DATA_ROW,
    HASIL_ROWS,
    HELPER_COLUMNS,
    HELPER_FIRST_COL,
    PLACEMENTS,
    SASARAN_HELPER_FIRST_COL,
    quote_sheet,
)

Rows = dict[str, list[dict[str, object]]]


@dataclass(frozen=True)
class FormulaCell:
    row: int  # 0-based
    col: int
    formula: str  # without the leading "="? no: always starts with "="
    value: Any
    kind: Kind
    array: bool = False

    @property
    def address(self) -> str:
        return xl_rowcol_to_cell(self.row, self.col)


@dataclass(frozen=True)
class LabelCell:
    row: int
    col: int
    text: str
    note: str = ""


# ---------------------------------------------------------------------------------------------
# Excel-like helpers for the build-time values


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v == "")


def _excel(v: Any) -> Any:
    """A stored cell value as Excel hands it to a formula result ("" for empty)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    return v


def _text(v: Any) -> str:
    """Excel's value & "" for the key comparison."""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        f = float(v)
        if f.is_integer():
            return str(int(f))
        return repr(f)
    return "" if v is None else str(v)


def _equal(a: Any, b: Any) -> bool:
    """Excel's case-insensitive = / MATCH equality for text; numbers by value."""
    if isinstance(a, str) and isinstance(b, str):
        return a.casefold() == b.casefold()
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return False


def _match(value: Any, column: list[Any]) -> int | None:
    for i, v in enumerate(column):
        if _equal(value, v):
            return i
    return None


def _col(rows: Rows, table: str, column: str) -> list[Any]:
    return [r.get(column) for r in rows.get(table, [])]


def _udfs() -> Any:
    from lkjip_xl import udfs

    return udfs


def _as_xlwings(v: Any) -> list[list[Any]]:
    """An argument as xlwings hands it to a UDF with ndim=2: a 1x1 list, numbers as float."""
    return [[_excel(v)]]


def _call(fn: Callable[..., Any], *args: Any) -> Any:
    result = fn(*[_as_xlwings(a) for a in args])
    if isinstance(result, float) and math.isfinite(result) and result.is_integer():
        return result
    return result


# ---------------------------------------------------------------------------------------------
# References


def _ref(table: str, column: str) -> str:
    return PLACEMENTS[table].column_range(column)


def _param_cell(index: int) -> str:
    return xl_rowcol_to_cell(FIRST_DATA_ROW + index, BLOCK_VALUE_COL, row_abs=True, col_abs=True)


#: Parameter block on Hasil (label, Identitas key, default when empty).
PARAMETERS = (
    ("Tahun Laporan", "Tahun Laporan", ""),
    ("Skala Predikat", "Skala Predikat", "tabel_3_1"),
    ("Skala Kategori", "Skala Kategori", "tabel_3_2"),
    ("Gaya Rupiah", "Gaya Rupiah", "puebi"),
)
TAHUN, SKALA_PREDIKAT, SKALA_KATEGORI, GAYA_RUPIAH = (_param_cell(i) for i in range(4))
RINGKASAN_FIRST = len(PARAMETERS) + 2  # data-row index of the Ringkasan title


def _index(table: str, column: str, i: int) -> str:
    return f"INDEX({_ref(table, column)},{i + 1})"


def _nonblank(expr: str) -> str:
    """IF(expr="","",expr): an empty source cell stays empty instead of becoming 0."""
    return f'IF({expr}="","",{expr})'


def hasil_cells(rows: Rows) -> tuple[list[FormulaCell], list[LabelCell]]:
    """Every formula (with its value) and label of the Hasil sheet."""
    udfs = _udfs()
    cells: list[FormulaCell] = []
    labels: list[LabelCell] = []
    hasil = PLACEMENTS["tblHasil"]
    eff = PLACEMENTS["tblEfisiensi"]

    ident_keys = _col(rows, "tblIdentitas", "Kunci")
    ident_vals = _col(rows, "tblIdentitas", "Nilai")

    # -- parameter block ----------------------------------------------------------------------
    params: dict[str, Any] = {}
    labels.append(LabelCell(FIRST_DATA_ROW - 1, BLOCK_LABEL_COL, "Parameter (dari Identitas)"))
    for i, (label, key, default) in enumerate(PARAMETERS):
        row = FIRST_DATA_ROW + i
        labels.append(LabelCell(row, BLOCK_LABEL_COL, label))
        match = f'MATCH("{key}",{_ref("tblIdentitas", "Kunci")},0)'
        found = f"INDEX({_ref('tblIdentitas', 'Nilai')},{match})"
        formula = f'=IFERROR(IF({found}="","{default}",{found}),"{default}")'
        m = _match(key, ident_keys)
        value = default if m is None or _blank(ident_vals[m]) else _excel(ident_vals[m])
        params[key] = value
        kind = Kind.INT if key == "Tahun Laporan" else Kind.TEXT
        cells.append(FormulaCell(row, BLOCK_VALUE_COL, formula, value, kind))

    # -- tblHasil + helper columns --------------------------------------------------------------
    tgt = rows.get("tblTarget", [])
    real_kode = _col(rows, "tblRealisasi", "Kode Indikator")
    real_tahun = _col(rows, "tblRealisasi", "Tahun")
    real_val = _col(rows, "tblRealisasi", "Realisasi")
    ind_kode = _col(rows, "tblIndikator", "Kode Indikator")
    helper_src = {
        "Kode Sasaran": ("Kode Sasaran", ""),
        "Polaritas": ("Polaritas", "naik"),
        "Skala": ("Skala", ""),
    }
    hasil_values: list[dict[str, Any]] = []
    for i in range(HASIL_ROWS):
        row = FIRST_DATA_ROW + i
        r = row + 1  # Excel row number
        a = f"${_letter(hasil.col('Kode Indikator'))}{r}"
        b = f"${_letter(hasil.col('Tahun'))}{r}"
        c = f"${_letter(hasil.col('Target'))}{r}"
        d = f"${_letter(hasil.col('Realisasi'))}{r}"
        e = f"${_letter(hasil.col('Capaian'))}{r}"
        hcell = {
            name: f"${_letter(HELPER_FIRST_COL + k)}{r}" for k, name in enumerate(HELPER_COLUMNS)
        }
        src = tgt[i] if i < len(tgt) else {}
        kode = _excel(src.get("Kode Indikator"))
        v: dict[str, Any] = {"Kode Indikator": kode}
        if kode == "":
            v.update(
                {
                    k: ""
                    for k in (
                        "Tahun",
                        "Target",
                        "Realisasi",
                        "Capaian",
                        "Predikat",
                        "Kategori",
                        *HELPER_COLUMNS,
                    )
                }
            )
        else:
            v["Tahun"] = _excel(src.get("Tahun"))
            v["Target"] = _excel(src.get("Target"))
            key = _text(kode) + "|" + _text(v["Tahun"])
            keys = [_text(k) + "|" + _text(t) for k, t in zip(real_kode, real_tahun, strict=True)]
            m = next((j for j, k in enumerate(keys) if k.casefold() == key.casefold()), None)
            v["Realisasi"] = "" if m is None else _excel(real_val[m])
            mi = _match(kode, ind_kode)
            for name, (column, default) in helper_src.items():
                found = None if mi is None else rows["tblIndikator"][mi].get(column)
                v[name] = default if _blank(found) else _excel(found)
            v["Capaian"] = _call(
                udfs.CAPAIAN, v["Target"], v["Realisasi"], v["Polaritas"], v["Skala"]
            )
            v["Predikat"] = _call(udfs.PREDIKAT, v["Capaian"], params["Skala Predikat"])
            v["Kategori"] = _call(udfs.KATEGORI, v["Capaian"], params["Skala Kategori"])
        hasil_values.append(v)

        guard = f'IF({a}="","",'
        kode_expr = _index("tblTarget", "Kode Indikator", i)
        formulas = {
            "Kode Indikator": f"={_nonblank(kode_expr)}",
            "Tahun": f"={guard}{_nonblank(_index('tblTarget', 'Tahun', i))})",
            "Target": f"={guard}{_nonblank(_index('tblTarget', 'Target', i))})",
            "Capaian": f"={guard}CAPAIAN({c},{d},{hcell['Polaritas']},{hcell['Skala']}))",
            "Predikat": f"={guard}PREDIKAT({e},{SKALA_PREDIKAT}))",
            "Kategori": f"={guard}KATEGORI({e},{SKALA_KATEGORI}))",
        }
        for name, formula in formulas.items():
            kind = _hasil_kind("tblHasil", name)
            cells.append(FormulaCell(row, hasil.col(name), formula, v[name], kind))
        found = (
            f'INDEX({_ref("tblRealisasi", "Realisasi")},MATCH({a}&"|"&{b},'
            f'{_ref("tblRealisasi", "Kode Indikator")}&"|"&{_ref("tblRealisasi", "Tahun")},0))'
        )
        cells.append(
            FormulaCell(
                row,
                hasil.col("Realisasi"),
                f'={guard}IFERROR({_nonblank(found)},""))',
                v["Realisasi"],
                Kind.VALUE,
                array=True,
            )
        )
        match = f"MATCH({a},{_ref('tblIndikator', 'Kode Indikator')},0)"
        for k, name in enumerate(HELPER_COLUMNS):
            column, default = helper_src[name]
            found = f"INDEX({_ref('tblIndikator', column)},{match})"
            formula = f'={guard}IFERROR(IF({found}="","{default}",{found}),"{default}"))'
            cells.append(FormulaCell(row, HELPER_FIRST_COL + k, formula, v[name], Kind.TEXT))

    # -- tblEfisiensi ---------------------------------------------------------------------------
    sasaran = rows.get("tblSasaran", [])
    ang_kode = _col(rows, "tblAnggaranSasaran", "Kode Sasaran")
    ang_ang = _col(rows, "tblAnggaranSasaran", "Anggaran")
    ang_real = _col(rows, "tblAnggaranSasaran", "Realisasi")
    first, last = FIRST_DATA_ROW + 1, FIRST_DATA_ROW + HASIL_ROWS
    eff_caps = []
    for j in range(EFISIENSI_ROWS):
        row = FIRST_DATA_ROW + j
        r = row + 1
        i_ = f"${_letter(eff.col('Kode Sasaran'))}{r}"
        k_ = f"${_letter(eff.col('Anggaran'))}{r}"
        l_ = f"${_letter(eff.col('Realisasi'))}{r}"
        j_ = f"${_letter(eff.col('Capaian Kinerja'))}{r}"
        m_ = f"${_letter(eff.col('Realisasi Anggaran'))}{r}"
        guard = f'IF({i_}="","",'
        src = sasaran[j] if j < len(sasaran) else {}
        kode = _excel(src.get("Kode Sasaran"))
        selected = [[""] for _ in hasil_values]
        v = {"Kode Sasaran": kode}
        if kode == "":
            v.update(
                {
                    k: ""
                    for k in (
                        "Capaian Kinerja",
                        "Anggaran",
                        "Realisasi",
                        "Realisasi Anggaran",
                        "Efisiensi",
                    )
                }
            )
        else:
            selected = [
                [
                    h["Capaian"]
                    if (
                        _equal(h["Kode Sasaran"], kode)
                        and _text(h["Tahun"]) == _text(params["Tahun Laporan"])
                    )
                    else ""
                ]
                for h in hasil_values
            ]
            v["Capaian Kinerja"] = udfs.RATA_CAPAIAN(selected)
            m = _match(kode, ang_kode)
            v["Anggaran"] = "" if m is None or _blank(ang_ang[m]) else _excel(ang_ang[m])
            v["Realisasi"] = "" if m is None or _blank(ang_real[m]) else _excel(ang_real[m])
            v["Realisasi Anggaran"] = _call(udfs.REALISASI_ANGGARAN, v["Anggaran"], v["Realisasi"])
            v["Efisiensi"] = _call(udfs.EFISIENSI, v["Capaian Kinerja"], v["Realisasi Anggaran"])
        eff_caps.append([v["Capaian Kinerja"]])
        match = f"MATCH({i_},{_ref('tblAnggaranSasaran', 'Kode Sasaran')},0)"
        formulas = {
            "Kode Sasaran": f"={_nonblank(_index('tblSasaran', 'Kode Sasaran', j))}",
            "Anggaran": f'={guard}IFERROR({_nonblank(_idx_match("Anggaran", match))},""))',
            "Realisasi": f'={guard}IFERROR({_nonblank(_idx_match("Realisasi", match))},""))',
            "Realisasi Anggaran": f"={guard}REALISASI_ANGGARAN({k_},{l_}))",
            "Efisiensi": f"={guard}EFISIENSI({j_},{m_}))",
        }
        for name, formula in formulas.items():
            cells.append(
                FormulaCell(row, eff.col(name), formula, v[name], _hasil_kind("tblEfisiensi", name))
            )
        # Helper column j: capaian of the Hasil rows of this sasaran in the report year, else "".
        # (A plain column instead of an array formula: LibreOffice recalculates array formulas
        # on load and Excel 2016/2019 would need Ctrl+Shift+Enter.)
        hcol = SASARAN_HELPER_FIRST_COL + j
        for i in range(HASIL_ROWS):
            hr = FIRST_DATA_ROW + i + 1
            s_, b_, e_ = (
                f"${_letter(HELPER_FIRST_COL)}{hr}",
                f"${_letter(hasil.col('Tahun'))}{hr}",
                f"${_letter(hasil.col('Capaian'))}{hr}",
            )
            formula = f'={guard}IF({s_}={i_},IF({b_}&""={TAHUN}&"",{e_},""),""))'
            cells.append(
                FormulaCell(FIRST_DATA_ROW + i, hcol, formula, selected[i][0], Kind.PERCENT)
            )
        cap_range = _abs_range(hcol, first, last)
        cells.append(
            FormulaCell(
                row,
                eff.col("Capaian Kinerja"),
                f"={guard}RATA_CAPAIAN({cap_range}))",
                v["Capaian Kinerja"],
                Kind.PERCENT,
            )
        )

    # -- Ringkasan ------------------------------------------------------------------------------
    total_a = [x for x in ang_ang if isinstance(x, (int, float))]
    total_r = [x for x in ang_real if isinstance(x, (int, float))]
    sum_a_val, sum_r_val = float(sum(total_a)), float(sum(total_r))
    sum_a = f"SUM({_ref('tblAnggaranSasaran', 'Anggaran')})"
    sum_r = f"SUM({_ref('tblAnggaranSasaran', 'Realisasi')})"
    base = FIRST_DATA_ROW + RINGKASAN_FIRST
    labels.append(LabelCell(base - 1, BLOCK_LABEL_COL, "Ringkasan Anggaran dan Kinerja"))
    val = BLOCK_VALUE_COL
    rata_cell = xl_rowcol_to_cell(base + 3, val, row_abs=True, col_abs=True)
    ra_cell = xl_rowcol_to_cell(base + 2, val, row_abs=True, col_abs=True)
    eff_range = _abs_range(eff.col("Capaian Kinerja"), first, FIRST_DATA_ROW + EFISIENSI_ROWS)
    rata_val = udfs.RATA_CAPAIAN(eff_caps)
    ra_val = _call(udfs.REALISASI_ANGGARAN, sum_a_val, sum_r_val)
    summary = [
        ("Jumlah Anggaran", f"={sum_a}", sum_a_val, Kind.RUPIAH),
        ("Jumlah Realisasi", f"={sum_r}", sum_r_val, Kind.RUPIAH),
        ("Realisasi Anggaran", f"=REALISASI_ANGGARAN({sum_a},{sum_r})", ra_val, Kind.PERCENT),
        ("Rata-rata Capaian Kinerja", f"=RATA_CAPAIAN({eff_range})", rata_val, Kind.PERCENT),
        (
            "Efisiensi",
            f"=EFISIENSI({rata_cell},{ra_cell})",
            _call(udfs.EFISIENSI, rata_val, ra_val),
            Kind.PERCENT,
        ),
        (
            "Jumlah Anggaran (teks)",
            f"=RUPIAH({sum_a},{GAYA_RUPIAH})",
            _call(udfs.RUPIAH, sum_a_val, params["Gaya Rupiah"]),
            Kind.TEXT,
        ),
        (
            "Jumlah Anggaran (terbilang)",
            f"=TERBILANG({sum_a},TRUE)",
            _call(udfs.TERBILANG, sum_a_val, True),
            Kind.LONGTEXT,
        ),
        (
            "Jumlah Realisasi (teks)",
            f"=RUPIAH({sum_r},{GAYA_RUPIAH})",
            _call(udfs.RUPIAH, sum_r_val, params["Gaya Rupiah"]),
            Kind.TEXT,
        ),
        (
            "Jumlah Realisasi (terbilang)",
            f"=TERBILANG({sum_r},TRUE)",
            _call(udfs.TERBILANG, sum_r_val, True),
            Kind.LONGTEXT,
        ),
    ]
    for k, (label, formula, value, kind) in enumerate(summary):
        labels.append(LabelCell(base + k, BLOCK_LABEL_COL, label))
        cells.append(FormulaCell(base + k, val, formula, value, kind))
    return cells, labels


def _idx_match(column: str, match: str) -> str:
    return f"INDEX({_ref('tblAnggaranSasaran', column)},{match})"


def _letter(col: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return xl_col_to_name(col)


def _abs_range(col: int, first: int, last: int) -> str:
    letter = _letter(col)
    return f"${letter}${first}:${letter}${last}"


def _hasil_kind(table: str, column: str) -> Kind:
    from .layout import HASIL_KINDS

    return HASIL_KINDS[(table, column)]


def hasil_sheet_name() -> str:
    return quote_sheet(PLACEMENTS["tblHasil"].sheet)
