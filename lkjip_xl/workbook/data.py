"""Rows written into the input tables: the blank template's starter rows, or the example's."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lkjip_xl import schema
from lkjip_xl.core.ikm import UNSUR_IKM
from lkjip_xl.readers.yaml_source import load_yaml_rows

from .vba import REPO_ROOT

EXAMPLE_DATA_DIR = REPO_ROOT / "examples" / "data"

Rows = dict[str, list[dict[str, object]]]

#: Defaults the blank template carries for the Identitas keys that select a rule.
IDENTITAS_DEFAULTS = {
    "Skala Predikat": "tabel_3_1",
    "Skala Kategori": "tabel_3_2",
    "Gaya Rupiah": "puebi",
}


def template_rows() -> Rows:
    """Starter rows of the blank template (keys and lists every OPD needs; no OPD's data)."""
    rows: Rows = {t.name: [] for t in schema.INPUT_TABLES}
    rows["tblIdentitas"] = [
        {
            "Kunci": k,
            "Nilai": IDENTITAS_DEFAULTS.get(k),
            "Keterangan": schema.IDENTITAS_KETERANGAN.get(k),
        }
        for k, _field in schema.IDENTITAS_KEYS
    ]
    rows["tblNarasi"] = [
        {"Bagian": key, "Urutan": 1, "Gaya": "Paragraf"} for key, _title in schema.NARASI_SECTIONS
    ]
    rows["tblIKMUnsur"] = [{"Kode Unsur": k, "Unsur Pelayanan": n} for k, n in UNSUR_IKM]
    return rows


def load_rows(
    directory: Path = EXAMPLE_DATA_DIR, tables: Iterable[schema.Table] = schema.INPUT_TABLES
) -> Rows:
    """All rows of every input table found as <tableName>.yaml in ``directory`` (the OPD
    layout's tables, or the Pemda layout's when given).

    Tables without a file are left with no rows (the builder then writes one empty row).
    Unknown keys raise: a YAML column that the schema does not know is a typo.
    """
    rows: Rows = {}
    for table in tables:
        data = load_yaml_rows(directory, table)
        for row in data:
            unknown = set(row) - set(table.column_names)
            if unknown:
                raise ValueError(f"{table.name}.yaml: unknown column(s) {sorted(unknown)}")
        rows[table.name] = data
    return rows
