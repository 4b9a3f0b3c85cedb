"""Rows written into the input tables: the blank template's starter rows, or the example's."""

from __future__ import annotations

from pathlib import Path

import yaml

from lkjip_xl import schema

from .vba import REPO_ROOT

EXAMPLE_DATA_DIR = REPO_ROOT / "examples" / "data"

Rows = dict[str, list[dict[str, object]]]

_IKM_UNSUR = (
    ("U1", "Persyaratan"),
    ("U2", "Sistem, Mekanisme, dan Prosedur"),
    ("U3", "Waktu Penyelesaian"),
    ("U4", "Biaya/Tarif"),
    ("U5", "Produk Spesifikasi Jenis Pelayanan"),
    ("U6", "Kompetensi Pelaksana"),
    ("U7", "Perilaku Pelaksana"),
    ("U8", "Penanganan Pengaduan, Saran dan Masukan"),
    ("U9", "Sarana dan Prasarana"),
)

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
        {"Kunci": k, "Nilai": IDENTITAS_DEFAULTS.get(k)} for k, _field in schema.IDENTITAS_KEYS
    ]
    rows["tblNarasi"] = [
        {"Bagian": key, "Urutan": 1, "Gaya": "Paragraf"} for key, _title in schema.NARASI_SECTIONS
    ]
    rows["tblIKMUnsur"] = [{"Kode Unsur": k, "Unsur Pelayanan": n} for k, n in _IKM_UNSUR]
    return rows


def load_rows(directory: Path = EXAMPLE_DATA_DIR) -> Rows:
    """All rows of every input table found as <tableName>.yaml in ``directory``.

    Tables without a file are left with no rows (the builder then writes one empty row).
    Unknown keys raise: a YAML column that the schema does not know is a typo.
    """
    rows: Rows = {t.name: [] for t in schema.INPUT_TABLES}
    for table in schema.INPUT_TABLES:
        path = directory / f"{table.name}.yaml"
        if not path.exists():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for row in data:
            unknown = set(row) - set(table.column_names)
            if unknown:
                raise ValueError(f"{path.name}: unknown column(s) {sorted(unknown)}")
        rows[table.name] = list(data)
    return rows
