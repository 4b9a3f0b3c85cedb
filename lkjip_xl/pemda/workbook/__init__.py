"""Build-time package: the Pemda template and the bundled Pemda example (XlsxWriter, pyOpenVBA
through lkjip_xl.workbook); the runtime never imports it.

The example is three OPD workbooks (a Sekretariat Daerah of the same Kota Contoh built from the
repository's Setda example rows with examples/pemda/opd/setda's Identitas, see setda_rows, and
two OPDs from examples/pemda/opd/<name>/*.yaml) plus the Pemda
workbook from examples/pemda/data/*.yaml. Its Rekap sheet and the cached results of its
calculated columns are what the "Buat LKjIP Pemda" button would write: the build consolidates
the freshly built files in a temporary folder with the same code and writes the figures in.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from lkjip_xl.pemda import schema as ps
from lkjip_xl.pemda.workbook.yaml_source import EXAMPLE_DATA, EXAMPLE_DIR, load_rows
from lkjip_xl.workbook.vba import REPO_ROOT

from .builder import Rows, build_bytes
from .opd_dropdown import with_sasaran_dropdown

TEMPLATE_PATH = REPO_ROOT / "workbook" / "LKjIP_Pemda_template.xlsm"
EXAMPLE_PATH = EXAMPLE_DIR / "LKjIP_Pemda_Kota_Contoh_2022.xlsm"
OPD_SOURCES = EXAMPLE_DIR / "opd"
#: Example OPD workbooks: file name -> YAML folder under examples/pemda/opd (None: the Setda
#: example's rows under the Identitas of examples/pemda/opd/setda, see setda_rows).
EXAMPLE_OPD: dict[str, str | None] = {
    "LKjIP_Setda_Kota_Contoh_2022.xlsm": None,
    "LKjIP_Disdik_Kota_Contoh_2022.xlsm": "disdik",
    "LKjIP_Disdukcapil_Kota_Contoh_2022.xlsm": "disdukcapil",
}

__all__ = ["EXAMPLE_PATH", "TEMPLATE_PATH", "build_bytes", "example_files", "outputs"]


def template_rows() -> Rows:
    """The blank Pemda workbook: every Identitas key and Narasi section, no Pemda's data."""
    defaults = {
        "Skala Predikat": "tabel_3_1",
        "Skala Kategori": "tabel_3_2",
        "Gaya Rupiah": "puebi",
    }
    rows: Rows = {t.name: [] for t in ps.INPUT_TABLES}
    rows[ps.IDENTITAS.name] = [{"Kunci": k, "Nilai": defaults.get(k)} for k, _ in ps.IDENTITAS_KEYS]
    rows[ps.NARASI.name] = [
        {"Bagian": key, "Urutan": 1, "Gaya": "Paragraf"} for key, _ in ps.NARASI_SECTIONS
    ]
    return rows


#: Words replaced in the Setda example's rows for the Pemda example, whatever their case: the
#: reference city's name (the example consolidates one pemerintah daerah) and "kerjasama" in
#: the KBBI spelling.
SETDA_TEXT = (("jambi", "contoh"), ("kerjasama", "kerja sama"))


def _replace(text: str) -> str:
    """SETDA_TEXT applied, each replacement in the case of what it replaces (JAMBI -> CONTOH,
    Kerjasama/KerjaSama -> Kerja Sama)."""

    def cased(found: str, new: str) -> str:
        if found.isupper():
            return new.upper()
        if found[:1].isupper():
            return " ".join(w.capitalize() for w in new.split(" ")) if " " in new else new.title()
        return new

    for old, new in SETDA_TEXT:
        text = re.sub(old, lambda m, new=new: cased(m.group(0), new), text, flags=re.IGNORECASE)
    return text


def setda_rows() -> Rows:
    """The Setda example's rows as a Sekretariat Daerah of the Pemda example's own city: its
    Identitas from examples/pemda/opd/setda, the city's name in every other text replaced, so
    the Pemda example never consolidates another pemerintah daerah's workbook."""
    from lkjip_xl.workbook import load_rows as load_opd_rows

    rows = load_opd_rows()
    identitas = load_opd_rows(OPD_SOURCES / "setda")["tblIdentitas"]
    for table, items in rows.items():
        if table == "tblIdentitas":
            rows[table] = identitas
            continue
        for row in items:
            for key, value in row.items():
                if isinstance(value, str):
                    row[key] = _replace(value)
    return rows


def opd_bytes() -> dict[str, bytes]:
    """The example's OPD workbooks, by file name."""
    from lkjip_xl.workbook import build_bytes as build_opd
    from lkjip_xl.workbook import load_rows as load_opd_rows

    codes = [str(r["Kode Sasaran RPJMD"]) for r in load_rows(EXAMPLE_DATA)[ps.SASARAN.name]]
    out = {}
    for name, folder in EXAMPLE_OPD.items():
        rows = setda_rows() if folder is None else load_opd_rows(OPD_SOURCES / folder)
        out[name] = with_sasaran_dropdown(build_opd(rows), codes)
    return out


def opd_template_for(pemda: Path) -> bytes:
    """The OPD template with the dropdown of this Pemda workbook's sasaran RPJMD codes."""
    from lkjip_xl.pemda.reader import read_pemda
    from lkjip_xl.readers.xlsx_file import read_workbook
    from lkjip_xl.workbook import TEMPLATE_PATH as OPD_TEMPLATE
    from lkjip_xl.workbook import outputs as opd_outputs

    data, _ = read_pemda(read_workbook(pemda))
    codes = [s.kode for s in data.laporan.sasaran] if data is not None else []
    if not codes:
        raise ValueError("buku kerja Pemda belum memuat sasaran RPJMD")
    return with_sasaran_dropdown(opd_outputs()[OPD_TEMPLATE], codes)


def example_files(
    rows: Rows | None = None, opd: dict[str, bytes] | None = None
) -> dict[str, bytes]:
    """The example folder's files (relative name -> bytes): the Pemda workbook with its Rekap
    and cached results, and opd/<file> for every OPD workbook."""
    from lkjip_xl.pemda.pipeline import load_pemda_file
    from lkjip_xl.pemda.rekap_sheet import rows as rekap_rows

    rows = rows if rows is not None else load_rows(EXAMPLE_DATA)
    opd = opd if opd is not None else opd_bytes()
    files = {f"opd/{name}": data for name, data in opd.items()}
    first = build_bytes(rows)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, data in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        pemda = folder / EXAMPLE_PATH.name
        pemda.write_bytes(first)
        loaded = load_pemda_file(pemda, mode="serial")
    if loaded.kons is None:
        raise RuntimeError("the example Pemda workbook does not consolidate")
    files[EXAMPLE_PATH.name] = build_bytes(rows, rekap_rows(loaded.kons), cached(loaded.kons, rows))
    return files


def cached(kons, rows: Rows) -> dict[tuple[str, int, str], object]:  # type: ignore[no-untyped-def]
    """Results of tblKinerjaIKU's calculated columns, row by row, as the UDFs compute them."""
    from lkjip_xl.core.values import NA

    iku = {i.kode: i for i in kons.laporan.indikator}
    out: dict[tuple[str, int, str], object] = {}
    for n, r in enumerate(rows.get(ps.KINERJA.name, [])):
        ind = iku.get(str(r.get("Kode IKU")))
        kin = ind.pada(int(r["Tahun"])) if ind is not None and r.get("Tahun") is not None else None  # type: ignore[arg-type]
        if kin is None:
            continue
        out[(ps.KINERJA.name, n, "Realisasi Dipakai")] = (
            NA if kin.realisasi is None else kin.realisasi
        )
        out[(ps.KINERJA.name, n, "Capaian")] = kin.capaian
        out[(ps.KINERJA.name, n, "Predikat")] = kin.predikat.label if kin.predikat else NA
    return out


def outputs() -> dict[Path, bytes]:
    """Every committed Pemda binary, by path."""
    result = {TEMPLATE_PATH: build_bytes(template_rows())}
    for name, data in example_files().items():
        result[EXAMPLE_DIR / name] = data
    return result
