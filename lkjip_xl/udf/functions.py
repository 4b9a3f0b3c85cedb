"""xlwings UDFs: thin, array-aware wrappers over lkjip_xl.core (the workbook's "UDF Modules").

Cell-value shaping only; every rule lives in the core. Contract for all UDFs:
- No Python exception reaches a cell: "N/A" where a value is not computable, "#NILAI: <pesan>"
  for invalid input. Booleans, dates and unparseable text are invalid.
- Array-aware: any data argument may be a range (a 2-D list; a 1-D list counts as a column;
  NumPy arrays and pandas objects are read as the lists they hold, pd.NA as an empty cell).
  Scalars broadcast against ranges, ranges broadcast like NumPy (equal sizes, or 1 row / 1
  column), and ONE call returns a 2-D list of the broadcast shape, so =CAPAIAN(C2:C500, D2:D500)
  fills a column with one COM round trip instead of 500. A 1x1 result is returned as a scalar.
- Positions where every data argument that came as a range is empty give "" (a long column
  with empty rows stays clean); the same holds for a single call whose data are all empty.
- `skala` is a scale name or a definition table (rows of 2+ cells, see core.scales), never
  broadcast; CAPAIAN also takes a one-column range of names, one per data row.
- Numbers beyond Excel's range (Decimal('1e999999'), Decimal('1e-999999')) are invalid input,
  rejected before any work that grows with their digits.
- Data arguments use `err_to_str=True`, so Excel errors arrive as text: "#N/A" counts as not
  available, other errors give "#NILAI: ...".

Signatures stay plain (positional parameters with defaults, no annotations): xlwings' VBA
generator turns type annotations into converters, which would break real Excel calls.
"""

from __future__ import annotations

from typing import Any

import xlwings as xw

from lkjip_xl.core.ikm import JUMLAH_UNSUR, ikm_dari_jawaban, ikm_dari_nrr, mutu_ikm
from lkjip_xl.core.numbers import format_rupiah
from lkjip_xl.core.rules import (
    capaian,
    efisiensi,
    kategori,
    nilai_komponen,
    predikat,
    realisasi_anggaran,
)
from lkjip_xl.core.scales import DEFAULT_KATEGORI, DEFAULT_PREDIKAT, get_scale
from lkjip_xl.core.terbilang import BATAS, terbilang
from lkjip_xl.core.values import NA, InvalidValue, is_blank, parse_number
from lkjip_xl.udf.capaian import capaian_columnar, fast_cell
from lkjip_xl.udf.cells import (
    RANGE_TYPES,
    ShapeError,
    error,
    flag,
    guard,
    option,
    plain,
    to_grid,
    vectorise,
)
from lkjip_xl.udf.mean import rata_capaian

__all__ = [
    "CAPAIAN",
    "EFISIENSI",
    "IKM",
    "KATEGORI",
    "MUTU_IKM",
    "NILAI_KOMPONEN",
    "PREDIKAT",
    "RATA_CAPAIAN",
    "REALISASI_ANGGARAN",
    "RUPIAH",
    "TERBILANG",
]

CATEGORY = "LKjIP"

# ---------------------------------------------------------------------------------------------
# Capaian


@xw.func(category=CATEGORY)
@xw.arg("target", ndim=2, err_to_str=True, doc="Target: angka, persen, rentang '80-90' atau label")
@xw.arg("realisasi", ndim=2, err_to_str=True, doc="Realisasi: angka, persen, label atau N/A")
@xw.arg("polaritas", ndim=2, doc="naik (default), turun, atau rentang")
@xw.arg(
    "skala",
    ndim=2,
    doc="Skala ordinal untuk label: nama (mis. mutu_ikm), tabel label-skor, atau satu kolom "
    "nama skala per baris",
)
@xw.arg(
    "batas_atas",
    ndim=2,
    err_to_str=True,
    doc="Batas atas target rentang (target = batas bawah); kosong bila target '80-90'",
)
def CAPAIAN(target, realisasi, polaritas="naik", skala=None, batas_atas=None):
    """Capaian kinerja (pecahan, 1 = 100%) dari target dan realisasi.

    naik: R/T; turun: (2T-R)/T; rentang: 100% di dalam rentang (target '80-90', '80 s.d. 90'
    atau target 80 dengan batas_atas 90). Label kualitatif dinilai dengan skala ordinal.
    "N/A" bila realisasi belum ada.
    """
    scale = option(skala)
    fast = fast_cell(polaritas)
    if _per_row(scale):  # one scale name per data row: broadcast like the data
        args = (target, realisasi, polaritas, batas_atas, scale)
        return _unknown_scales(scale, vectorise(_capaian_cell, args, 2, fast, capaian_columnar))
    if not is_blank(scale) and not isinstance(scale, RANGE_TYPES):
        try:
            get_scale(scale)  # a typo in the scale name must show even on numeric rows
        except InvalidValue as exc:
            return error(exc.message)

    def general(t: Any, r: Any, p: Any, b: Any) -> Any:
        return _capaian_cell(t, r, p, b, scale)

    args = (target, realisasi, polaritas, batas_atas)
    return vectorise(general, args, 2, fast, capaian_columnar)


def _per_row(scale: Any) -> bool:
    """A one-column range of several cells: a scale name per row (a table has 2+ columns)."""
    if not isinstance(scale, RANGE_TYPES) or len(scale) < 2:
        return False
    return all(isinstance(row, RANGE_TYPES) and len(row) == 1 for row in scale)


def _unknown_scales(scale: list, result: Any) -> Any:
    """Rows naming an unknown scale show that error, as a single call does, also on numbers."""
    bad: dict[str, str] = {}
    keys = [None if is_blank(name) else repr(name)[:200] for (name,) in scale]
    for (name,), key in zip(scale, keys, strict=True):
        if key is not None and key not in bad:
            try:
                get_scale(name)
                bad[key] = ""
            except Exception as exc:  # InvalidValue, or an odd object: never raised to Excel
                bad[key] = error(getattr(exc, "message", "skala tidak dikenal"))
    if not any(bad.values()) or not isinstance(result, list) or len(result) != len(scale):
        return result
    for row, key in zip(result, keys, strict=True):
        if key is not None and bad[key]:
            row[:] = [bad[key]] * len(row)
    return result


def _capaian_cell(t: Any, r: Any, p: Any, b: Any, s: Any) -> Any:
    return capaian(t, r, p, None if is_blank(s) else s, batas_atas=b)


# ---------------------------------------------------------------------------------------------
# Predikat, kategori


def _label(band: Any) -> str:
    return NA if band is None else band.label


@xw.func(category=CATEGORY)
@xw.arg("capaian", ndim=2, err_to_str=True, doc="Capaian sebagai pecahan (1 = 100%)")
@xw.arg("skala", ndim=2, doc="Nama skala (default tabel_3_1) atau tabel batas bawah-label")
def PREDIKAT(capaian, skala=DEFAULT_PREDIKAT):
    """Predikat capaian (skala bawaan tabel_3_1: Tidak Tercapai / Tercapai / Melebihi Target).

    Dinilai pada persen yang dibulatkan 2 desimal, seperti yang tampil di laporan.
    """
    scale = option(skala) if not is_blank(option(skala)) else DEFAULT_PREDIKAT
    return vectorise(lambda c: _label(predikat(c, scale)), (capaian,), 1)


@xw.func(category=CATEGORY)
@xw.arg("capaian", ndim=2, err_to_str=True, doc="Capaian sebagai pecahan (1 = 100%)")
@xw.arg("skala", ndim=2, doc="Nama skala (default tabel_3_2) atau tabel batas bawah-label")
def KATEGORI(capaian, skala=DEFAULT_KATEGORI):
    """Kategori capaian (skala bawaan tabel_3_2: Sangat Baik .. Sangat Kurang)."""
    scale = option(skala) if not is_blank(option(skala)) else DEFAULT_KATEGORI
    return vectorise(lambda c: _label(kategori(c, scale)), (capaian,), 1)


# ---------------------------------------------------------------------------------------------
# Anggaran


@xw.func(category=CATEGORY)
@xw.arg("capaian_kinerja", ndim=2, err_to_str=True, doc="Capaian kinerja (pecahan)")
@xw.arg("capaian_anggaran", ndim=2, err_to_str=True, doc="Capaian realisasi anggaran (pecahan)")
def EFISIENSI(capaian_kinerja, capaian_anggaran):
    """Efisiensi = capaian kinerja - capaian realisasi anggaran (keduanya pecahan)."""
    return vectorise(efisiensi, (capaian_kinerja, capaian_anggaran), 2)


@xw.func(category=CATEGORY)
@xw.arg("anggaran", ndim=2, err_to_str=True, doc="Pagu anggaran (Rupiah)")
@xw.arg("realisasi", ndim=2, err_to_str=True, doc="Realisasi anggaran (Rupiah)")
def REALISASI_ANGGARAN(anggaran, realisasi):
    """Persentase realisasi anggaran (pecahan) = realisasi / anggaran; N/A bila pagu 0."""
    return vectorise(realisasi_anggaran, (anggaran, realisasi), 2)


# ---------------------------------------------------------------------------------------------
# Angka dan kata


@xw.func(category=CATEGORY)
@xw.arg("angka", ndim=2, err_to_str=True, doc="Bilangan (bulat atau desimal, < 1.000 triliun)")
@xw.arg("rupiah", ndim=2, doc="BENAR untuk menambahkan 'rupiah' (dan sen)")
@xw.arg("kapital", ndim=2, doc="BENAR untuk huruf besar di awal")
def TERBILANG(angka, rupiah=False, kapital=False):
    """Terbilang menurut KBBI: 1.001.000 = "satu juta seribu"; miliar, triliun."""
    try:
        as_rupiah, capital = flag(rupiah), flag(kapital)
    except InvalidValue as exc:
        return error(exc.message)
    return vectorise(lambda n: terbilang(n, rupiah=as_rupiah, kapital=capital), (angka,), 1)


@xw.func(category=CATEGORY)
@xw.arg("angka", ndim=2, err_to_str=True, doc="Jumlah uang")
@xw.arg("gaya", ndim=2, doc="puebi (Rp68.269.806.788) atau rujukan (Rp. 68.269.806.788,-)")
@xw.arg("sen", ndim=2, doc="BENAR untuk menampilkan dua digit sen")
def RUPIAH(angka, gaya="puebi", sen=False):
    """Teks Rupiah: "Rp68.269.806.788" (PUEBI) atau "Rp. 68.269.806.788,-" (gaya rujukan)."""
    try:
        style, with_sen = option(gaya), flag(sen)
    except InvalidValue as exc:
        return error(exc.message)
    style = "puebi" if is_blank(style) else style

    def text(x: Any) -> str:
        try:  # text too ("2.000.000.000.000.000"), which TERBILANG rejects as well
            number = parse_number(x)
        except InvalidValue:
            if not isinstance(x, str):
                raise
            number = None  # text that is no number: format_rupiah says so
        if number is not None and abs(number) >= BATAS:  # as TERBILANG: no budget reaches it
            raise InvalidValue("angka terlalu besar (batasnya 999 triliun)")
        return format_rupiah(x, style, sen=with_sen)

    return vectorise(text, (angka,), 1)


# ---------------------------------------------------------------------------------------------
# IKM


def _ikm(grid: list[list[Any]]) -> float:
    grid = [row for row in grid if not all(is_blank(c) for c in row)]
    if not grid:
        raise InvalidValue("rentang IKM kosong")
    rows, cols = len(grid), len(grid[0])
    if (rows, cols) == (1, JUMLAH_UNSUR):
        return ikm_dari_nrr(grid[0])
    if (rows, cols) == (JUMLAH_UNSUR, 1):
        return ikm_dari_nrr([row[0] for row in grid])
    if cols == JUMLAH_UNSUR:
        return ikm_dari_jawaban(grid)
    if rows == JUMLAH_UNSUR:
        return ikm_dari_jawaban([list(col) for col in zip(*grid, strict=True)])
    raise InvalidValue(f"IKM butuh {JUMLAH_UNSUR} unsur (1x9, 9x1 atau N x 9), bukan {rows}x{cols}")


@xw.func(category=CATEGORY)
@xw.arg("nilai_unsur", ndim=2, err_to_str=True, doc="9 NRR (1x9 / 9x1) atau jawaban N x 9 (1-4)")
def IKM(nilai_unsur):
    """Indeks Kepuasan Masyarakat (PermenPAN-RB 14/2017) dari NRR atau jawaban responden.

    1x9 atau 9x1: NRR per unsur U1..U9. N x 9: satu baris per responden (9 x N dibalik).
    Satu responden sama dengan NRR-nya, jadi bentuk rentang saja yang menentukan.
    """
    nilai_unsur = plain(nilai_unsur)
    try:
        grid = to_grid(nilai_unsur)[0] if isinstance(nilai_unsur, RANGE_TYPES) else [[nilai_unsur]]
    except ShapeError as exc:
        return error(str(exc))
    return guard(_ikm, grid)


@xw.func(category=CATEGORY)
@xw.arg("nilai", ndim=2, err_to_str=True, doc="Nilai IKM 25-100")
@xw.arg("keterangan", ndim=2, doc="BENAR untuk keterangan (Baik) alih-alih huruf (B)")
def MUTU_IKM(nilai, keterangan=False):
    """Mutu pelayanan IKM: A (88,31-100), B (76,61-88,30), C (65,00-76,60), D (25,00-64,99)."""
    try:
        index = 1 if flag(keterangan) else 0
    except InvalidValue as exc:
        return error(exc.message)
    return vectorise(lambda v: mutu_ikm(v)[index], (nilai,), 1)


@xw.func(category=CATEGORY)
@xw.arg("rentang", ndim=2, err_to_str=True, doc="Capaian indikator (pecahan); N/A diabaikan")
@xw.arg("kriteria_rentang1", ndim=2, doc="Rentang yang dicocokkan dengan kriteria1 (opsional)")
@xw.arg("kriteria1", ndim=2, doc="Nilai (atau kolom nilai) yang dicari, mis. kode sasaran")
@xw.arg("kriteria_rentang2", ndim=2, doc="Rentang kedua yang dicocokkan (opsional)")
@xw.arg("kriteria2", ndim=2, doc="Nilai yang dicari di kriteria_rentang2, mis. tahun")
def RATA_CAPAIAN(rentang, kriteria_rentang1=None, kriteria1=None, kriteria_rentang2=None,
                 kriteria2=None):  # fmt: skip
    """Rata-rata capaian, mengabaikan N/A dan sel kosong (capaian sasaran, indikator komposit).

    Dengan kriteria (seperti AVERAGEIFS): hanya baris yang kriteria_rentang-nya sama dengan
    kriteria (teks dibandingkan persis setelah spasi dirapikan; 2022 sama dengan "2022").
    Kriteria berupa rentang beberapa sel: satu rata-rata per sel, sebagai kolom.
    """
    return guard(rata_capaian, rentang, [(kriteria_rentang1, kriteria1),
                                        (kriteria_rentang2, kriteria2)])  # fmt: skip


@xw.func(category=CATEGORY)
@xw.arg("realisasi", ndim=2, err_to_str=True, doc="Realisasi komponen")
@xw.arg("basis", ndim=2, err_to_str=True, doc="Basis: isi bila nilai = realisasi / basis x 100%")
def NILAI_KOMPONEN(realisasi, basis=None):
    """Nilai komponen indikator komposit dalam poin persen: realisasi/basis x 100, atau realisasi.

    10 dari basis 40 = 25; tanpa basis = realisasi apa adanya; basis 0 = N/A.
    """
    return vectorise(nilai_komponen, (realisasi, basis), 1)
