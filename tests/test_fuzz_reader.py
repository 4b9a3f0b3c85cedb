"""Fuzzing the reader and the checks: whatever a cell holds, the result is findings, never an
exception."""

from __future__ import annotations

import copy
import datetime as dt
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_xl import schema
from lkjip_xl.checks import exit_code, findings_json, format_findings, run_checks
from lkjip_xl.core.findings import Finding, Severity
from lkjip_xl.readers.cells import EXCEL_ERRORS, MISSING, CellReader
from lkjip_xl.readers.tables import Row, TableData, Workbook
from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.yaml_source import read_yaml_tables

EXAMPLE = read_yaml_tables()

_DATES = (
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.times(),
)
_OTHERS = (
    st.none(),
    st.text(max_size=60),
    st.sampled_from(
        [
            "",
            " ",
            "N/A",
            "-",
            "92,86%",
            "1.234.567",
            "Rp. 68.269.806.788,-",
            "(1.000)",
            "80-90",
            "80 s.d. 90",
            "Sangat Tinggi",
            "B",
            "WTP",
            "naik",
            "turun",
            "rentang",
            "Belum ada pengumuman",
            "1e309",
            "nan",
            "inf",
            "\x07bel",
            "=SUM(A1:A2)",
            "Jumlah",
            "TOTAL",
            "ekppd",
            "mutu_ikm",
            "IKU1",
            "S1",
            "2022",
            "0",
            "-0",
            "1,5,6",
            "..",
            ",",
            "%",
            "\u2212 5",
        ]
    ),
    st.sampled_from(EXCEL_ERRORS),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    *_DATES,
)
cell_values = st.one_of(*_OTHERS, st.floats(allow_nan=True, allow_infinity=True))
# Whole-model fuzzing: any float, including the huge ones (1e26 once crashed half-up rounding).
model_values = st.one_of(*_OTHERS, st.floats(allow_nan=True, allow_infinity=True))


def _valid(finding: Finding) -> None:
    assert isinstance(finding, Finding)
    assert finding.severity in (Severity.KESALAHAN, Severity.PERINGATAN)
    assert finding.message and isinstance(finding.message, str)


@settings(max_examples=400, deadline=None)
@given(value=cell_values, kind=st.sampled_from(list(schema.Kind)), required=st.booleans())
def test_cell_reader_never_raises(value: object, kind: schema.Kind, required: bool) -> None:
    data = TableData("tblUji", "Uji", ["Kolom"], [Row({"Kolom": value}, {"Kolom": "B4"})])
    findings: list[Finding] = []
    result = CellReader(data, findings).read(data.rows[0], "Kolom", kind, required)
    for finding in findings:
        _valid(finding)
        assert finding.cell == "B4" and finding.sheet == "Uji"
    if result is MISSING:
        assert any(f.severity is Severity.KESALAHAN for f in findings)
    elif result is not None:
        assert isinstance(result, (str, int, float))
        if isinstance(result, float):
            assert math.isfinite(result)
        if isinstance(result, str):
            assert "\x07" not in result


_TABLES = [t.name for t in schema.INPUT_TABLES]

mutation = st.tuples(
    st.sampled_from(_TABLES),
    st.integers(min_value=0, max_value=1000),  # row (mod the table's length)
    st.integers(min_value=0, max_value=100),  # column (mod the number of columns)
    st.one_of(st.just("hapus-baris"), st.just("gandakan-baris"), model_values),
)


def _mutate(book: Workbook, changes: list[tuple[str, int, int, object]]) -> Workbook:
    book = copy.deepcopy(book)
    for table_name, row_i, col_i, change in changes:
        table = book.tables[table_name]
        if not table.rows:
            continue
        row_i %= len(table.rows)
        if change == "hapus-baris":
            del table.rows[row_i]
        elif change == "gandakan-baris":
            table.rows.append(copy.deepcopy(table.rows[row_i]))
        else:
            column = table.columns[col_i % len(table.columns)]
            table.rows[row_i].values[column] = change
    return book


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(mutation, min_size=1, max_size=12))
def test_build_model_and_checks_never_raise(changes: list[tuple[str, int, int, object]]) -> None:
    book = _mutate(EXAMPLE, changes)
    laporan, findings = build_model(book)
    findings = findings + run_checks(book, laporan)
    for finding in findings:
        _valid(finding)
        assert finding.kode != "pemeriksaan-gagal", finding.message
    assert exit_code(findings) in (0, 1, 2)
    assert isinstance(format_findings(findings), str)
    assert isinstance(findings_json(findings), str)


@settings(max_examples=60, deadline=None)
@given(table=st.sampled_from(_TABLES), column=st.integers(min_value=0, max_value=20))
def test_missing_column_is_a_finding(table: str, column: int) -> None:
    book = copy.deepcopy(EXAMPLE)
    data = book.tables[table]
    # optional columns (schema.Column(optional=True)) may be missing: only required ones count
    required = [c for c in data.columns if c in schema.TABLES[table].required_column_names]
    name = required[column % len(required)]
    data.columns = [c for c in data.columns if c != name]
    laporan, findings = build_model(book)
    assert laporan is None
    assert any(f.kode == "kolom-hilang" and f.column == name for f in findings)
    assert all(f.kode != "pemeriksaan-gagal" for f in run_checks(book, laporan))


def test_huge_numbers_are_a_finding_not_a_crash() -> None:
    book = copy.deepcopy(EXAMPLE)
    book.tables["tblTarget"].rows[0].values["Target"] = 1e26  # IKU1 2019, a label indicator
    book.tables["tblTarget"].rows[5].values["Target"] = 1e300  # IKU2 2020, a percentage
    book.tables["tblTarget"].rows[6].values["Target"] = 999e12  # IKU2 2021: still a number
    laporan, findings = build_model(book)
    assert laporan is not None
    assert [(f.kode, f.table, f.column) for f in findings] == [
        ("jenis-nilai", "tblTarget", "Target")
    ] * 2  # the YAML-built example has no cell addresses; the corpus checks those
    assert all("angka terlalu besar" in f.message for f in findings)
    assert isinstance(laporan.indikator[1].kinerja[2021].capaian, float)
    # a number facing a label still fails in the rule, not in the reader
    book = copy.deepcopy(EXAMPLE)
    book.tables["tblTarget"].rows[0].values["Target"] = 1e14
    assert [f.kode for f in build_model(book)[1]] == ["capaian-tidak-terhitung"]


def test_sasaran_average_overflow_is_a_finding() -> None:
    # two capaian of 1,5e308 each are finite, their sum is not
    book = copy.deepcopy(EXAMPLE)
    for table, column, value in (
        ("tblTarget", "Target", 1e-294),
        ("tblRealisasi", "Realisasi", 1.5e14),
    ):
        for row in book.tables[table].rows:
            if row.values["Kode Indikator"] in ("IKU1", "IKU2") and row.values["Tahun"] == 2022:
                row.values[column] = value
    laporan, findings = build_model(book)
    assert laporan is not None
    assert [f.kode for f in findings] == ["capaian-tidak-terhitung"]
    assert "Capaian sasaran S1" in findings[0].message
    assert laporan.sasaran[0].capaian == "N/A"
