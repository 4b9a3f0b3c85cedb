"""Helpers for the workbook tests: evaluate a workbook's formulas as Excel would, with the real
UDFs, and compare every result with the report model; fill the empty template as a user would.

Not a test module (no test_ prefix): tests/test_workbook_formulas.py and
tests/test_workbook_template_fill.py import it.
"""

from __future__ import annotations

import math
import warnings
from pathlib import Path
from typing import Any

import formulas
import numpy as np
import openpyxl
import schedula as sh
from openpyxl.formula.translate import Translator
from openpyxl.utils import get_column_letter, range_boundaries

from lkjip_xl import schema
from lkjip_xl.core import rules
from lkjip_xl.core.model import Laporan
from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.xlsx_file import read_workbook
from lkjip_xl.udf import functions
from lkjip_xl.workbook import layout

Values = dict[tuple[str, str], Any]  # (SHEET upper-cased, "F4") -> value


def _scalar(value: Any) -> Any:
    if value is None or value is sh.EMPTY:
        return None
    if isinstance(value, formulas.tokens.operand.XlError):
        return str(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, (np.floating, np.integer)):
        return float(value)
    return value


def _as_xlwings(arg: Any) -> list[list[Any]]:
    """ndim=2 as xlwings delivers it: a list of rows, empty cells None, errors as text."""
    if isinstance(arg, np.ndarray):
        return [[_scalar(v) for v in row] for row in np.atleast_2d(arg).tolist()]
    return [[_scalar(arg)]]


def _exact(a: Any, b: Any) -> Any:
    """EXACT over whole ranges in one NumPy pass. The package's own EXACT is the same
    comparison (its text of each value, case-sensitive) but runs a guarded Python call per cell,
    which made a workbook with a few hundred rows take minutes to evaluate."""
    from formulas.functions.text import _str

    text = np.frompyfunc(lambda v: _str("" if v is sh.EMPTY else v), 1, 1)
    return np.asarray(text(np.asarray(a, dtype=object)) == text(np.asarray(b, dtype=object)))


def _index(array: Any, row_num: Any, col_num: Any = None, area_num: Any = 1) -> Any:
    """INDEX(one column, row): the package's own INDEX builds a reference for every cell of
    the range to return one of them (0,1 s for a 2 000-row range, called for every table
    row); this builds only the one it returns. Any other form goes to the package's INDEX."""
    from formulas.functions import parse_ranges
    from formulas.functions.look import xindex
    from formulas.ranges import Ranges
    from formulas.tokens.operand import _index2col

    row, col, area = parse_ranges(row_num, col_num, area_num)[0]
    simple = isinstance(array, Ranges) and not array.is_set and len(array.ranges) == 1
    if simple and col is None and area == 1 and np.size(row) == 1:
        rng = array.ranges[0]
        first, last = int(rng["r1"]), int(rng["r2"])
        try:
            k = int(float(np.asarray(row).item()))
        except (TypeError, ValueError):
            k = 0
        if rng["n1"] == rng["n2"] and 1 <= k <= last - first + 1:
            ref = f"{_index2col(rng['n1'])}{first + k - 1}"
            sheet = rng["sheet_id"]
            value = Ranges((rng,), array.values).value[k - 1, 0]
            return Ranges(values=dict(array.values)).set_value(
                {"r1": first + k - 1, "r2": first + k - 1, "c1": _index2col(rng["n1"]),
                 "c2": _index2col(rng["n1"]), "n1": rng["n1"], "n2": rng["n1"], "ref": ref,
                 "name": f"{sheet}!{ref}" if sheet else ref, "sheet_id": sheet},
                value,
            )  # fmt: skip
    return xindex(array, row_num, col_num, area_num)


def register_udfs() -> None:
    """The Python UDFs under their Excel names, in the `formulas` package's function table."""
    import collections

    from formulas.functions import COMPILING, wrap_impure_func

    table = formulas.get_functions()
    table["EXACT"] = formulas.functions.wrap_func(_exact)
    table["INDEX"] = {
        "extra_inputs": collections.OrderedDict([(COMPILING, False)]),
        "function": wrap_impure_func(formulas.functions.wrap_func(_index, ranges=True)),
    }
    for name in functions.__all__:
        fn = getattr(functions, name)
        table[name] = formulas.functions.wrap_func(
            lambda *args, fn=fn: fn(*[_as_xlwings(a) for a in args])
        )


def evaluate(path: Path) -> Values:
    """Every single cell's value after a full calculation by the `formulas` package."""
    register_udfs()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    values: Values = {}
    arrays = []
    for key, ranges in solution.items():
        if "!" not in key:
            continue
        where, ref = key.rsplit("!", 1)
        sheet = where.split("]", 1)[1].strip("'").upper()
        if ":" in ref:
            arrays.append((sheet, ref, ranges))
            continue
        values[(sheet, ref.upper())] = _scalar(
            ranges.value[0][0] if hasattr(ranges, "value") else ranges
        )
    for sheet, ref, ranges in arrays:  # results of array formulas, cell by cell
        min_col, min_row, _max_col, _max_row = range_boundaries(ref)
        grid = np.atleast_2d(ranges.value if hasattr(ranges, "value") else ranges)
        for i, row in enumerate(grid.tolist()):
            for j, value in enumerate(row):
                cell = f"{get_column_letter(min_col + j)}{min_row + i}"
                values.setdefault((sheet, cell), _scalar(value))
    return values


def model(path: Path) -> Laporan:
    laporan, _findings = build_model(read_workbook(path))
    assert laporan is not None
    return laporan


def same(got: Any, want: Any) -> bool:
    """Equal as Excel shows it: numbers to 1e-12 relative, text exactly ("" for empty)."""
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        number = isinstance(got, (int, float)) and not isinstance(got, bool)
        return number and math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-15)
    return (got if got is not None else "") == want


def _rows(path: Path, table: str) -> list[tuple[int, dict[str, Any]]]:
    """(Excel row, typed input values) of a table's rows, via the headless reader."""
    data = read_workbook(path).tables[table]
    out = []
    for row in data.rows:
        cell = row.cell(schema.TABLES[table].columns[0].name) or ""
        out.append((int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")), row.values))
    return out


def _label(band: Any) -> str:
    return "N/A" if band is None else band.label


def mismatches(path: Path, values: Values, laporan: Laporan) -> list[str]:
    """Every place where the workbook's own formulas differ from the report model."""
    problems: list[str] = []

    def check(sheet: str, table: str, column: str, row: int, want: Any, what: str) -> None:
        col = layout.PLACEMENTS[table].letter(column)
        got = values.get((sheet.upper(), f"{col}{row}"))
        if not same(got, want):
            problems.append(f"{what} {column}: Excel {got!r}, laporan {want!r}")

    kinerja = {(ind.kode, k.tahun): k for ind in laporan.indikator for k in ind.kinerja.values()}
    for row, v in _rows(path, "tblTarget"):
        kode = " ".join(str(v.get("Kode Indikator") or "").split())
        if not kode:
            continue
        kin = kinerja[(kode, int(float(str(v["Tahun"]))))]
        what, sheet = f"{kode} {kin.tahun}", "Perjanjian Kinerja"
        check(sheet, "tblTarget", "Capaian", row, kin.capaian, what)
        check(sheet, "tblTarget", "Predikat", row, _label(kin.predikat), what)
        check(sheet, "tblTarget", "Kategori", row, _label(kin.kategori), what)
        realisasi = kin.realisasi if kin.realisasi is not None else ""
        check(sheet, "tblTarget", "Realisasi", row, realisasi, what)
    sasaran = {s.kode: s for s in laporan.sasaran}
    for row, v in _rows(path, "tblSasaran"):
        if v.get("Kode Sasaran"):
            sas = sasaran[str(v["Kode Sasaran"]).strip()]
            check("Renstra", "tblSasaran", "Capaian Kinerja", row, sas.capaian, sas.kode)
    for row, v in _rows(path, "tblAnggaranSasaran"):
        if v.get("Kode Sasaran"):
            sas = sasaran[str(v["Kode Sasaran"]).strip()]
            for column, want in (
                ("Capaian Kinerja", sas.capaian),
                ("Capaian Realisasi Anggaran", sas.persen_anggaran),
                ("Efisiensi", sas.efisiensi),
            ):
                check("Anggaran", "tblAnggaranSasaran", column, row, want, sas.kode)
    ring = laporan.ringkasan
    mean = rules.rata_rata([s.capaian for s in laporan.sasaran])
    summary = {
        "Jumlah Anggaran": ring.total_anggaran or 0.0,
        "Jumlah Realisasi": ring.total_realisasi or 0.0,
        "Capaian Realisasi Anggaran": ring.persen_anggaran,
        "Rata-rata Capaian Kinerja": mean,
        "Efisiensi": rules.efisiensi(mean, ring.persen_anggaran),
    }
    first = layout.FIRST_DATA_ROW + layout.RINGKASAN_FIRST + 1
    for k, (label, want) in enumerate(summary.items()):
        got = values.get(("HASIL", f"B{first + k}"))
        if not same(got, want):
            problems.append(f"Ringkasan {label}: Excel {got!r}, laporan {want!r}")
    return problems


# ---------------------------------------------------------------------------------------------
# Typing an office into the empty template, the way a user does in Excel


def _cell_value(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def fill_template(template: Path, rows: dict[str, list[dict]], out: Path) -> Path:
    """The template with `rows` typed into its tables: the first row into the table's empty
    row, the others appended below it (the table grows, Excel copies every calculated column's
    formula into the new row from its calculatedColumnFormula). Identitas values go next to
    their keys. Saved with openpyxl (a test fixture, never a user's file)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(template, keep_vba=True)
    for table in schema.INPUT_TABLES:
        data = rows.get(table.name) or []
        ws = wb[table.sheet]
        tbl = ws.tables[table.name]
        min_col, min_row, max_col, max_row = range_boundaries(tbl.ref)
        header = {ws.cell(min_row, c).value: c for c in range(min_col, max_col + 1)}
        first = min_row + 1
        if table.name == "tblIdentitas":
            data = _identitas(ws, header, first, max_row, data)
        formulas_by_col = {
            header[c.name]: c.calculatedColumnFormula.attr_text
            for c in tbl.tableColumns
            if c.calculatedColumnFormula is not None
        }
        for i, record in enumerate(data):
            r = first + i
            for name, value in record.items():
                if value is not None and name in table.input_column_names:
                    ws.cell(r, header[name]).value = _cell_value(value)
            for col, formula in formulas_by_col.items():
                origin = f"{get_column_letter(col)}{first}"
                target = f"{get_column_letter(col)}{r}"
                ws[target] = Translator("=" + formula, origin=origin).translate_formula(target)
        last = max(max_row, first + len(data) - 1)
        tbl.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{last}"
        if tbl.autoFilter is not None:
            tbl.autoFilter.ref = tbl.ref
    wb.save(out)
    return out


def _identitas(ws: Any, header: dict, first: int, last: int, data: list[dict]) -> list[dict]:
    """Fill Nilai next to the template's keys; keys the template lacks are appended."""
    at = {ws.cell(r, header["Kunci"]).value: r for r in range(first, last + 1)}
    extra = []
    for record in data:
        r = at.get(record.get("Kunci"))
        if r is None:
            extra.append(record)
        else:
            ws.cell(r, header["Nilai"]).value = _cell_value(record.get("Nilai"))
    return [{} for _ in range(last - first + 1)] + extra
