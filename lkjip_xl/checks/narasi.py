"""Narrative sections the report prints under their own heading with nothing generated beneath
(schema.NARASI_WAJIB): left empty, a reviewer finds a heading with no text.

Check (kode): ``narasi-kosong`` (peringatan), one per empty section, naming its heading.
"""

from __future__ import annotations

from lkjip_xl import schema
from lkjip_xl.core.findings import Finding, peringatan
from lkjip_xl.core.model import Laporan


def run(laporan: Laporan | None) -> list[Finding]:
    if laporan is None:
        return []
    headings = dict(schema.NARASI_SECTIONS)
    where = {"sheet": schema.NARASI.sheet, "table": schema.NARASI.name, "column": "Bagian"}
    return [
        peringatan(
            f"Bagian '{key}' ({headings[key]}) belum diisi; laporan akan mencetak subjudul itu "
            "tanpa isi.",
            saran=f"Tambahkan baris di tabel Narasi dengan Bagian '{key}' berisi teksnya.",
            kode="narasi-kosong",
            **where,
        )
        for key in schema.NARASI_WAJIB
        if not any((n.teks or "").strip() for n in laporan.teks(key))
    ]
