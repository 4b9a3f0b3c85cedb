"""The example data (examples/data/*.yaml) transcribed from the reference LKjIP matches the schema.

The workbook builder writes these rows into the Excel Tables defined in lkjip_xl.schema, so every
file must name an input table, use its exact column names and respect its dropdown lists.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
try:
    from lkjip_xl import schema
except ImportError:  # package not installed: use the source tree
    sys.path.insert(0, str(ROOT))
    from lkjip_xl import schema

DATA = ROOT / "examples" / "data"
MAX_TEKS = 32_000


def _load(name: str) -> list[dict]:
    rows = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(rows, list), f"{name}: top level must be a list"
    assert all(isinstance(r, dict) for r in rows), f"{name}: every row must be a mapping"
    return rows


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@pytest.fixture(scope="module")
def data() -> dict[str, list[dict]]:
    return {t.name: _load(t.name) for t in schema.INPUT_TABLES}


def test_every_input_table_has_a_file_and_no_stray_files():
    names = {t.name for t in schema.INPUT_TABLES}
    files = {p.stem for p in DATA.glob("*.yaml")}
    assert names - files == set(), "missing data files"
    assert files - names == set(), "data files that name no input table"
    assert not {t.name for t in schema.FORMULA_TABLES} & files


@pytest.mark.parametrize("table", schema.INPUT_TABLES, ids=lambda t: t.name)
def test_rows_match_columns(table: schema.Table, data):
    rows = data[table.name]
    assert rows, f"{table.name} has no rows"
    allowed = set(table.column_names)
    for i, row in enumerate(rows):
        assert set(row) <= allowed, f"{table.name}[{i}] unknown keys {set(row) - allowed}"
        for col in table.columns:
            value = row.get(col.name)
            optional_key = (
                table is schema.IDENTITAS and row["Kunci"] in schema.IDENTITAS_BOLEH_KOSONG
            )
            if col.required and not optional_key:
                assert not _empty(value), f"{table.name}[{i}] required {col.name!r} is empty"
            if col.kind is schema.Kind.CHOICE and not _empty(value):
                assert value in schema.CHOICES[col.choices], (
                    f"{table.name}[{i}] {col.name}={value!r} not in {col.choices}"
                )
            if col.kind in (schema.Kind.INT, schema.Kind.RUPIAH) and value is not None:
                assert isinstance(value, int) and not isinstance(value, bool), (
                    f"{table.name}[{i}] {col.name}={value!r} must be an integer"
                )
            if col.kind is schema.Kind.NUMBER and value is not None:
                assert isinstance(value, (int, float)), f"{table.name}[{i}] {col.name}={value!r}"


def test_identitas_keys_in_order(data):
    assert [r["Kunci"] for r in data["tblIdentitas"]] == [k for k, _ in schema.IDENTITAS_KEYS]
    ident = {r["Kunci"]: r["Nilai"] for r in data["tblIdentitas"]}
    assert ident["NIP"] == "19661107 198512 1 001"
    assert ident["Skala Predikat"] in schema.SKALA_PREDIKAT
    assert ident["Skala Kategori"] in schema.SKALA_PREDIKAT
    assert ident["Gaya Rupiah"] in schema.GAYA_RUPIAH


def test_references_between_tables(data):
    sasaran = {r["Kode Sasaran"] for r in data["tblSasaran"]}
    indikator = {r["Kode Indikator"] for r in data["tblIndikator"]}
    assert len(sasaran) == len(data["tblSasaran"]), "duplicate Kode Sasaran"
    assert len(indikator) == len(data["tblIndikator"]), "duplicate Kode Indikator"
    assert {r["Kode Sasaran"] for r in data["tblIndikator"]} <= sasaran
    assert {r["Kode Sasaran"] for r in data["tblAnggaranSasaran"]} <= sasaran
    for name in ("tblTarget", "tblRealisasi", "tblKomponen"):
        assert {r["Kode Indikator"] for r in data[name]} <= indikator, name
    for name in ("tblTarget", "tblRealisasi"):
        keys = [(r["Kode Indikator"], r["Tahun"]) for r in data[name]]
        assert len(keys) == len(set(keys)), f"{name}: duplicate indicator/year"
    codes = [r["Kode"] for r in data["tblProgramKegiatan"]]
    assert len(codes) == len(set(codes)), "duplicate Kode in tblProgramKegiatan"
    depth = {"Program": 1, "Kegiatan": 2, "Sub Kegiatan": 3}
    for r in data["tblProgramKegiatan"]:
        parts = r["Kode"].split(".")
        assert len(parts) == depth[r["Tingkat"]], r["Kode"]
        if len(parts) > 1:
            assert ".".join(parts[:-1]) in codes, f"{r['Kode']} has no parent"
    assert {r["Kode Program"] for r in data["tblProgram"]} <= set(codes)


def test_narasi(data):
    rows = data["tblNarasi"]
    sections = {k for k, _ in schema.NARASI_SECTIONS}
    sasaran = {r["Kode Sasaran"] for r in data["tblSasaran"]}
    indikator = {r["Kode Indikator"] for r in data["tblIndikator"]}
    seen: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        bagian = row["Bagian"]
        kind, _, code = bagian.partition(":")
        if code:
            assert (
                (kind == "sasaran" and code in sasaran)
                or (kind == "indikator" and code in indikator)
                or (kind == "perbaikan" and code in sasaran | indikator)
            ), f"tblNarasi[{i}] Bagian {bagian!r}"
        else:
            assert bagian in sections, f"tblNarasi[{i}] unknown Bagian {bagian!r}"
        assert len(row["Teks"]) <= MAX_TEKS, f"tblNarasi[{i}] Teks longer than {MAX_TEKS}"
        for junk in ("<b>", "</", "**", "---", "p[uluh"):
            assert junk not in row["Teks"], f"tblNarasi[{i}] contains {junk!r}"
        seen.setdefault(bagian, []).append(row["Urutan"])
    for bagian, order in seen.items():
        assert order == list(range(1, len(order) + 1)), f"{bagian}: Urutan not 1..n"
    assert sections <= set(seen), f"sections without text: {sections - set(seen)}"


def test_golden_values(data):
    anggaran = data["tblAnggaranSasaran"]
    assert sum(r["Anggaran"] for r in anggaran) == 68_269_806_788
    assert sum(r["Realisasi"] for r in anggaran) == 64_933_043_167
    belanja = data["tblBelanja"]
    assert sum(r["Anggaran"] for r in belanja) == 68_269_806_788
    assert sum(r["Realisasi"] for r in belanja) == 64_933_043_167
    assert sum(r["Anggaran"] for r in data["tblProgram"]) == 65_417_689_586
    assert len(data["tblAset"]) == 6
    pns = [r for r in data["tblSDM"] if r["Uraian"] == "Pegawai Negeri Sipil"]
    assert [r["Jumlah"] for r in pns] == [121]
    komponen = [r for r in data["tblKomponen"] if r["Kode Indikator"] == "IKU3"]
    shares = [
        r["Realisasi Komponen"] / r["Basis"] * 100 if r.get("Basis") else r["Realisasi Komponen"]
        for r in komponen
    ]
    assert sum(shares) / len(shares) == pytest.approx(57)
    realisasi = {(r["Kode Indikator"], r["Tahun"]): r["Realisasi"] for r in data["tblRealisasi"]}
    assert realisasi[("IKU4", 2022)] == pytest.approx(82.99)
    assert realisasi[("IKU3", 2022)] == 57
    target = {(r["Kode Indikator"], r["Tahun"]): r["Target"] for r in data["tblTarget"]}
    assert target[("IKU2", 2022)] == pytest.approx(92.86)
    assert target[("IKU4", 2022)] == 81
    assert len(data["tblTugasFungsi"]) == 5
    assert len(data["tblIsuStrategis"]) == 8
    assert [r["Kode Unsur"] for r in data["tblIKMUnsur"]] == [f"U{i}" for i in range(1, 10)]
