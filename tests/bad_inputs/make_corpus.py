"""Generate the bad-input corpus: files that must give a clear Indonesian message, never a
traceback, never a file left behind, never a changed input.

    python tests/bad_inputs/make_corpus.py

Most cases are openpyxl edits on a copy of the example workbook ("base": the example with the
narrative's PNS count taken from tblSDM, so the base itself is clean); container cases are
crafted bytes. Expected exit codes and message fragments: expected.yaml (kept by hand, checked
by tests/test_bad_inputs.py). Deterministic in content: running it again gives the same cell
values (zip timestamps and LibreOffice output may differ in bytes).

Notes on crafted cases:
- zip_bomb_rasio.xlsx: a real deflate bomb in miniature (16 MiB of zeros in one member, ~16 KiB
  on disk): the reader's per-member ratio guard fires before anything is extracted.
- zip_bomb_ukuran.xlsx: a small zip whose central directory DECLARES a 4 GiB member; the guard
  reads declared sizes only, so nothing big is ever created or extracted.
- kata_sandi.xlsx: encrypted with msoffcrypto-tool when installed (a real ECMA-376 agile
  encrypted package, password "rahasia"); otherwise a hand-made CFB container whose directory
  holds an "EncryptionInfo" entry, which is all the reader's detection looks at.
- format_lama.xls: a hand-made minimal CFB (OLE) container without "EncryptionInfo", as a legacy
  .xls is.

The cases of issue 12 (hostile workbooks from other offices, bounded cost) are in
corpus_hostile.py; the helpers both use are in corpus_tools.py.
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_hostile import HOSTILE_CASES
from corpus_tools import (
    EXAMPLE,
    HERE,
    _cfb,
    _cols,
    _edit,
    _find,
    _grow,
    _minimal_xlsx,
    _rewrite_zip,
)

# -- container cases -----------------------------------------------------------------------------


def bukan_excel(out: Path) -> None:
    out.write_text("Ini bukan buku kerja Excel, hanya teks yang diganti ekstensinya.\n")


def kosong(out: Path) -> None:
    out.write_bytes(b"")


def zip_terpotong(out: Path) -> None:
    data = EXAMPLE.read_bytes()
    out.write_bytes(data[: len(data) // 2])


def zip_bukan_workbook(out: Path) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("catatan.txt", (2023, 1, 1, 0, 0, 0)), "bukan workbook")


def zip_bomb_rasio(out: Path) -> None:
    def change(name: str, data: bytes) -> bytes:
        return data

    _rewrite_zip(_minimal_xlsx(), out, change)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo("xl/media/padding.bin", (2023, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, b"\0" * (16 * 1024 * 1024))


def zip_bomb_ukuran(out: Path) -> None:
    """Declared (not real) size of 4 GiB - 16 for one member, patched into the central dir."""
    _rewrite_zip(_minimal_xlsx(), out, lambda n, d: d)
    data = bytearray(out.read_bytes())
    cd = data.rfind(b"PK\x01\x02")  # last central directory entry
    struct.pack_into("<I", data, cd + 24, 0xFFFFFFF0)  # uncompressed size
    out.write_bytes(bytes(data))


def billion_laughs(out: Path) -> None:
    lol = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
        + b"".join(
            b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
            for i in range(1, 10)
        )
        + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    _rewrite_zip(_minimal_xlsx(), out, lambda n, d: lol if n == "xl/worksheets/sheet1.xml" else d)


def entitas_eksternal(out: Path) -> None:
    xxe = (
        b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    _rewrite_zip(_minimal_xlsx(), out, lambda n, d: xxe if n == "xl/worksheets/sheet1.xml" else d)


def xml_rusak(out: Path) -> None:
    _rewrite_zip(
        _minimal_xlsx(),
        out,
        lambda n, d: b"<workbook><sheets><sheet" if n == "xl/workbook.xml" else d,
    )


def kata_sandi(out: Path) -> None:
    try:
        import msoffcrypto  # type: ignore[import-untyped]
        from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-untyped]
    except ImportError:
        out.write_bytes(_cfb(["EncryptionInfo", "EncryptedPackage"]))
        return
    del msoffcrypto
    plain = io.BytesIO(_minimal_xlsx())
    encrypted = io.BytesIO()
    OOXMLFile(plain).encrypt("rahasia", encrypted)
    out.write_bytes(encrypted.getvalue())


def format_lama(out: Path) -> None:
    out.write_bytes(_cfb(["Workbook"]))


def folder(out: Path) -> None:
    out.mkdir()
    (out / "BACA.txt").write_text("Folder bernama .xlsx, bukan berkas.\n")


# -- content cases (edits of the example) --------------------------------------------------------


def _sheet_hilang(wb) -> None:  # type: ignore[no-untyped-def]
    del wb["SDM"]


def _sheet_diganti_nama(wb) -> None:  # type: ignore[no-untyped-def]
    wb["Realisasi"].title = "Realisasi 2022"


def _rename_column(ws, table: str, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    cols, first, _ = _cols(ws, table)
    ws.cell(first - 1, cols[old]).value = new
    for tc in ws.tables[table].tableColumns:
        if tc.name == old:
            tc.name = new


def _kolom_diganti_nama(wb) -> None:  # type: ignore[no-untyped-def]
    _rename_column(wb["Realisasi"], "tblRealisasi", "Realisasi", "Realisasi 2022")


def _kolom_hilang(wb) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.utils import get_column_letter, range_boundaries

    ws = wb["Renstra"]
    tbl = ws.tables["tblIndikator"]
    min_col, min_row, max_col, max_row = range_boundaries(tbl.ref)
    # Cut the table before "Penanggung Jawab" (optional columns appended after it go too).
    names = [c.name for c in tbl.tableColumns]
    keep = names.index("Penanggung Jawab")
    for r in range(min_row, max_row + 1):
        for c in range(min_col + keep, max_col + 1):
            ws.cell(r, c).value = None
    last = min_col + keep - 1
    tbl.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(last)}{max_row}"
    tbl.autoFilter.ref = tbl.ref
    tbl.tableColumns = tbl.tableColumns[:keep]


def _tabel_hilang(wb) -> None:  # type: ignore[no-untyped-def]
    del wb["SDM"].tables["tblSDM"]


def _sel_gabung(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Realisasi"]
    cols, first, _ = _cols(ws, "tblRealisasi")
    c = cols["Keterangan"]
    ws.merge_cells(start_row=first, start_column=c, end_row=first + 2, end_column=c)


def _galat_excel(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Realisasi"]
    cols, _, _ = _cols(ws, "tblRealisasi")
    ws.cell(
        _find(ws, "tblRealisasi", **{"Kode Indikator": "IKU2", "Tahun": 2022}), cols["Realisasi"]
    ).value = "#DIV/0!"
    ws = wb["Anggaran"]
    cols, first, _ = _cols(ws, "tblAnggaranSasaran")
    ws.cell(first, cols["Anggaran"]).value = "#NAME?"
    ws = wb["Perjanjian Kinerja"]
    cols, first, _ = _cols(ws, "tblTarget")
    ws.cell(
        _find(ws, "tblTarget", **{"Kode Indikator": "IKU3", "Tahun": 2022}), cols["Target"]
    ).value = "#REF!"


def _tanggal_boolean(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Anggaran"]
    cols, first, _ = _cols(ws, "tblBelanja")
    ws.cell(first, cols["Anggaran"]).value = datetime(2022, 12, 31)
    ws.cell(first, cols["Realisasi"]).value = True


def _teks_panjang(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Narasi"]
    cols, _, _ = _cols(ws, "tblNarasi")
    sentence = "Kalimat panjang untuk menguji batas sel Excel. "
    text = (sentence * (32767 // len(sentence) + 1))[:32767].rstrip()
    ws.cell(_find(ws, "tblNarasi", Bagian="penutup"), cols["Teks"]).value = text


def _karakter_kontrol(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Narasi"]
    cols, _, _ = _cols(ws, "tblNarasi")
    r = _find(ws, "tblNarasi", Bagian="penutup")
    ws.cell(r, cols["Teks"]).value = "KONTROL" + str(ws.cell(r, cols["Teks"]).value)


def karakter_kontrol(out: Path) -> None:
    """Control characters as Excel stores them (_x0007_ escapes in the XML)."""
    tmp = out.with_suffix(".tmp.xlsx")
    _edit("karakter_kontrol", _karakter_kontrol)(tmp)
    try:
        _rewrite_zip(
            tmp.read_bytes(),
            out,
            lambda n, d: d.replace(b"KONTROL", b"_x0007_Bel_x001B_Esc_x0001_ "),
        )
    finally:
        tmp.unlink()


def _baris_kosong(wb) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import PatternFill

    ws = wb["Realisasi"]
    cols, _, last = _cols(ws, "tblRealisasi")
    first_new = _grow(ws, "tblRealisasi", 100_000)
    fill = PatternFill("solid", fgColor="FFF2CC")
    c = cols["Realisasi"]
    for r in range(first_new, last + 100_001):
        cell = ws.cell(r, c)
        cell.fill = fill
        cell.number_format = "0.00"


def _sheet_tersembunyi(wb) -> None:  # type: ignore[no-untyped-def]
    wb["SDM"].sheet_state = "hidden"


def _kode_ganda(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Perjanjian Kinerja"]
    cols, _, _ = _cols(ws, "tblTarget")
    src = _find(ws, "tblTarget", **{"Kode Indikator": "IKU2", "Tahun": 2022})
    new = _grow(ws, "tblTarget")
    for c in cols.values():
        ws.cell(new, c).value = ws.cell(src, c).value
    ws.cell(new, cols["Target"]).value = 95


def _target_nol(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Perjanjian Kinerja"]
    cols, _, _ = _cols(ws, "tblTarget")
    ws.cell(
        _find(ws, "tblTarget", **{"Kode Indikator": "IKU3", "Tahun": 2021}), cols["Target"]
    ).value = 0


def _melebihi_pagu(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Anggaran"]
    cols, first, _ = _cols(ws, "tblAnggaranSasaran")
    ws.cell(first, cols["Realisasi"]).value = ws.cell(first, cols["Anggaran"]).value + 1_000_000


def _tanpa_skala(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Renstra"]
    cols, _, _ = _cols(ws, "tblIndikator")
    ws.cell(_find(ws, "tblIndikator", **{"Kode Indikator": "IKU4"}), cols["Skala"]).value = None


def _rumus_ditimpa(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Hasil"]
    cols, first, _ = _cols(ws, "tblHasil")
    ws.cell(first + 1, cols["Capaian"]).value = 1


def _rentang_tanpa_batas(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Renstra"]
    cols, _, _ = _cols(ws, "tblIndikator")
    ws.cell(
        _find(ws, "tblIndikator", **{"Kode Indikator": "IKU2"}), cols["Polaritas"]
    ).value = "rentang"


def _tanpa_target_tahun_laporan(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Perjanjian Kinerja"]
    cols, _, _ = _cols(ws, "tblTarget")
    r = _find(ws, "tblTarget", **{"Kode Indikator": "IKU3", "Tahun": 2022})
    for c in cols.values():
        ws.cell(r, c).value = None


def _tahun_bolong(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Realisasi"]
    cols, _, _ = _cols(ws, "tblRealisasi")
    r = _find(ws, "tblRealisasi", **{"Kode Indikator": "IKU3", "Tahun": 2020})
    for c in cols.values():
        ws.cell(r, c).value = None


def _capaian_tak_terhingga(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Perjanjian Kinerja"]
    cols, _, _ = _cols(ws, "tblTarget")
    r = _find(ws, "tblTarget", **{"Kode Indikator": "IKU3", "Tahun": 2022})
    ws.cell(r, cols["Target"]).value = 1e-300
    ws = wb["Realisasi"]
    cols, _, _ = _cols(ws, "tblRealisasi")
    r = _find(ws, "tblRealisasi", **{"Kode Indikator": "IKU3", "Tahun": 2022})
    ws.cell(r, cols["Realisasi"]).value = 1e14  # 1e14 / 1e-300 overflows to infinity


def _komponen_tak_terhingga(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Realisasi"]
    cols, first, _ = _cols(ws, "tblKomponen")
    ws.cell(first, cols["Basis"]).value = 1e-308  # 10 / 1e-308 * 100 overflows


def _angka_terlalu_besar(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Anggaran"]
    cols, first, _ = _cols(ws, "tblAnggaranSasaran")
    ws.cell(first, cols["Anggaran"]).value = 1e300  # once an internal error in the formatter


def bersih(out: Path) -> None:
    _edit("bersih", lambda wb: None)(out)


def libreoffice(out: Path) -> None:
    """The clean base saved again by LibreOffice Calc (soffice --convert-to xlsx)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed for libreoffice.xlsx")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "dasar.xlsx"
        bersih(src)
        outdir = Path(tmp) / "out"
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                str(outdir),
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.copyfile(outdir / "dasar.xlsx", out)


CASES: dict[str, Callable[[Path], None]] = {
    "bukan_excel.xlsx": bukan_excel,
    "kosong.xlsx": kosong,
    "zip_terpotong.xlsx": zip_terpotong,
    "zip_bukan_workbook.xlsx": zip_bukan_workbook,
    "zip_bomb_rasio.xlsx": zip_bomb_rasio,
    "zip_bomb_ukuran.xlsx": zip_bomb_ukuran,
    "billion_laughs.xlsx": billion_laughs,
    "entitas_eksternal.xlsx": entitas_eksternal,
    "xml_rusak.xlsx": xml_rusak,
    "kata_sandi.xlsx": kata_sandi,
    "format_lama.xls": format_lama,
    "folder.xlsx": folder,
    "bersih.xlsx": bersih,
    "sheet_hilang.xlsx": _edit("sheet_hilang", _sheet_hilang),
    "sheet_diganti_nama.xlsx": _edit("sheet_diganti_nama", _sheet_diganti_nama),
    "kolom_diganti_nama.xlsx": _edit("kolom_diganti_nama", _kolom_diganti_nama),
    "kolom_hilang.xlsx": _edit("kolom_hilang", _kolom_hilang),
    "tabel_hilang.xlsx": _edit("tabel_hilang", _tabel_hilang),
    "sel_gabung.xlsx": _edit("sel_gabung", _sel_gabung),
    "galat_excel.xlsx": _edit("galat_excel", _galat_excel),
    "tanggal_boolean.xlsx": _edit("tanggal_boolean", _tanggal_boolean),
    "teks_panjang.xlsx": _edit("teks_panjang", _teks_panjang),
    "karakter_kontrol.xlsx": karakter_kontrol,
    "baris_kosong_100000.xlsx": _edit("baris_kosong", _baris_kosong),
    "sheet_tersembunyi.xlsx": _edit("sheet_tersembunyi", _sheet_tersembunyi),
    "libreoffice.xlsx": libreoffice,
    "kode_ganda.xlsx": _edit("kode_ganda", _kode_ganda),
    "target_nol.xlsx": _edit("target_nol", _target_nol),
    "melebihi_pagu.xlsx": _edit("melebihi_pagu", _melebihi_pagu),
    "kualitatif_tanpa_skala.xlsx": _edit("tanpa_skala", _tanpa_skala),
    "rumus_ditimpa.xlsx": _edit("rumus_ditimpa", _rumus_ditimpa),
    "rentang_tanpa_batas.xlsx": _edit("rentang_tanpa_batas", _rentang_tanpa_batas),
    "tanpa_target_tahun_laporan.xlsx": _edit("tanpa_target", _tanpa_target_tahun_laporan),
    "tahun_bolong.xlsx": _edit("tahun_bolong", _tahun_bolong),
    "capaian_tak_terhingga.xlsx": _edit("capaian_tak_terhingga", _capaian_tak_terhingga),
    "komponen_tak_terhingga.xlsx": _edit("komponen_tak_terhingga", _komponen_tak_terhingga),
    "angka_terlalu_besar.xlsx": _edit("angka_terlalu_besar", _angka_terlalu_besar),
    **HOSTILE_CASES,
}


def make_all(directory: Path = HERE, only: list[str] | None = None) -> list[Path]:
    made = []
    for name, make in CASES.items():
        if only and name not in only:
            continue
        out = directory / name
        if out.is_dir():
            shutil.rmtree(out)
        elif out.exists():
            out.unlink()
        make(out)
        made.append(out)
    return made


if __name__ == "__main__":
    for path in make_all(only=sys.argv[1:] or None):
        size = (
            sum(f.stat().st_size for f in path.rglob("*")) if path.is_dir() else path.stat().st_size
        )
        print(f"{size:>10}  {path.name}")
