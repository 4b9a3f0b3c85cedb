"""xlwings UDFs: thin, array-aware wrappers over lkjip_xl.core.

Cell-value shaping only; every rule lives in the core. Contract for all UDFs:
- No Python exception reaches a cell: "N/A" where a value is not computable, "#NILAI: <pesan>"
  for invalid input. Booleans, dates and unparseable text are invalid.
- Array-aware: any data argument may be a range (a 2-D list; a 1-D list counts as a column).
  Scalars broadcast against ranges, ranges broadcast like NumPy (equal sizes, or 1 row / 1
  column), and ONE call returns a 2-D list of the broadcast shape, so =CAPAIAN(C2:C500, D2:D500)
  fills a column with one COM round trip instead of 500. A 1x1 result is returned as a scalar.
- Positions where every data argument that came as a range is empty give "" (a long column
  with empty rows stays clean); the same holds for a single call whose data are all empty.
- `skala` is never broadcast: it is a scale name or a definition table (see core.scales).
- Data arguments use `err_to_str=True`, so Excel errors arrive as text: "#N/A" counts as not
  available, other errors give "#NILAI: ...".

Signatures stay plain (positional parameters with defaults, no annotations): xlwings' VBA
generator turns type annotations into converters, which would break real Excel calls.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable
from decimal import Decimal
from itertools import repeat
from typing import Any

import xlwings as xw

from lkjip_xl.core.ikm import JUMLAH_UNSUR, ikm_dari_jawaban, ikm_dari_nrr, mutu_ikm
from lkjip_xl.core.numbers import format_rupiah
from lkjip_xl.core.rules import (
    NAIK,
    TURUN,
    capaian,
    efisiensi,
    kategori,
    normalise_polaritas,
    predikat,
    rata_rata,
    realisasi_anggaran,
)
from lkjip_xl.core.scales import DEFAULT_KATEGORI, DEFAULT_PREDIKAT, get_scale
from lkjip_xl.core.terbilang import terbilang
from lkjip_xl.core.values import NA, InvalidValue, is_blank, parse_text

__all__ = [
    "CAPAIAN",
    "EFISIENSI",
    "IKM",
    "KATEGORI",
    "MUTU_IKM",
    "PREDIKAT",
    "RATA_CAPAIAN",
    "REALISASI_ANGGARAN",
    "RUPIAH",
    "TERBILANG",
]

ERROR_PREFIX = "#NILAI: "
CATEGORY = "LKjIP"
_INF = math.inf
_NUM = frozenset({float, int})  # exact types: bool must not take the fast path
_RANGE_TYPES = (list, tuple)
_ONLY_LIST = {list}  # exact type: a grid of rows as xlwings hands it over
_TRUE = frozenset({"ya", "y", "benar", "true", "1", "rupiah", "iya"})
_FALSE = frozenset({"tidak", "t", "salah", "false", "0", "bukan", ""})

Cell = Callable[..., Any]


class _ShapeError(Exception):
    pass


def _error(message: str) -> str:
    return ERROR_PREFIX + message


def _cell_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return _error("hasil bukan angka terhingga")
    return value


def _guard(fn: Cell, *args: Any) -> Any:
    try:
        return _cell_value(fn(*args))
    except InvalidValue as exc:
        return _error(exc.message)
    except Exception:  # a cell must never show a Python traceback
        return _error("tidak dapat dihitung")


def _grid(value: Any) -> list[list[Any]]:
    """A range as a rectangular list of rows; a 1-D list is a column."""
    if not value:
        return []
    if isinstance(value, list) and (
        type(value[0]) is list if len(value) == 1 else set(map(type, value)) == _ONLY_LIST
    ):  # set(map(type, ...)) runs in C: a Python check per row cost as much as CAPAIAN itself
        rows = value  # what xlwings hands over with ndim=2: no copy
    else:
        nested = [isinstance(row, _RANGE_TYPES) for row in value]
        if not any(nested):
            return [[v] for v in value]
        if not all(nested):
            raise _ShapeError("rentang tidak persegi")
        rows = [list(row) for row in value]
    if len(set(map(len, rows))) != 1:
        raise _ShapeError("rentang tidak persegi")
    return rows


def _size(sizes: list[int]) -> int:
    wanted = {s for s in sizes if s != 1}
    if len(wanted) > 1:
        raise _ShapeError("ukuran rentang tidak cocok")
    return wanted.pop() if wanted else 1


def _flat(grid: list[list[Any]], rows: int, cols: int) -> list[Any]:
    if len(grid) == rows and len(grid[0]) == cols:
        if cols == 1:
            return [row[0] for row in grid]
        return [v for row in grid for v in row]
    r_step, c_step = len(grid) > 1, len(grid[0]) > 1
    return [grid[i * r_step][j * c_step] for i in range(rows) for j in range(cols)]


def _vectorise(
    general: Cell,
    args: tuple[Any, ...],
    n_data: int,
    fast: Callable[[Cell, list[int]], Cell] | None = None,
) -> Any:
    """Apply `general` per element with broadcasting; see the module docstring for the rules.

    `fast`, if given, wraps the guarded general path with a cheap check for plain numbers.
    """
    ranges = [i for i, a in enumerate(args) if isinstance(a, _RANGE_TYPES)]
    blank_positions = [i for i in ranges if i < n_data] or list(range(n_data))

    def slow(*elements: Any) -> Any:
        if all(is_blank(elements[i]) for i in blank_positions):
            return ""
        return _guard(general, *elements)

    cell = fast(slow, blank_positions) if fast is not None else slow
    if not ranges:
        return cell(*args)
    try:
        grids = {i: _grid(args[i]) for i in ranges}
        if any(not g for g in grids.values()):
            return []
        rows = _size([len(g) for g in grids.values()])
        cols = _size([len(g[0]) for g in grids.values()])
    except _ShapeError as exc:
        return _error(str(exc))
    if cols == 0:
        return [[] for _ in range(rows)]
    count = rows * cols
    # The result is one small list per row and creates no cycles: pausing the cyclic GC keeps
    # it from rescanning the caller's big input lists on every generation-0 collection, which
    # otherwise costs more than the computation itself.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        columns = [
            _flat(grids[i], rows, cols) if i in grids else repeat(a, count)
            for i, a in enumerate(args)
        ]
        flat = list(map(cell, *columns))
        if count == 1:
            return flat[0]
        if cols == 1:
            return [[v] for v in flat]
        return [flat[k * cols : (k + 1) * cols] for k in range(rows)]
    finally:
        if was_enabled:
            gc.enable()


def _option(value: Any) -> Any:
    """An option argument: a 1x1 range (xlwings ndim=2) becomes its value."""
    while isinstance(value, _RANGE_TYPES) and len(value) == 1:
        inner = value[0]
        if isinstance(inner, _RANGE_TYPES) and len(inner) != 1:
            return value
        value = inner
    return value


def _flag(value: Any) -> bool:
    value = _option(value)
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0
    text = (parse_text(value) or "").casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InvalidValue(f"pilihan ya/tidak tidak dikenal: '{text[:40]}'")


# ---------------------------------------------------------------------------------------------
# Capaian


def _capaian_fast(polaritas: Any) -> Callable[[Cell, list[int]], Cell] | None:
    """Cheap per-element path for a scalar polaritas: plain floats with a positive target,
    and realisasi None / "N/A" facing a numeric target (the usual empty or pending rows).

    Must agree with core.rules.capaian; tests/test_udfs.py checks both paths give the same.
    """
    if isinstance(polaritas, _RANGE_TYPES):
        return None
    try:
        pol = normalise_polaritas(polaritas)
    except InvalidValue:
        return None
    if pol not in (NAIK, TURUN):
        return None
    naik = pol == NAIK

    def wrap(slow: Cell, blank_positions: list[int]) -> Cell:
        # realisasi None with a numeric target: "" only if target is not part of the blank rule
        none_result = NA if 0 in blank_positions else ""

        def cell(
            t: Any, r: Any, p: Any, _num: Any = _NUM, _inf: float = _INF, _float: Any = float
        ) -> Any:
            if type(t) in _num:
                # floats only: int / int is exact division in Python (and can overflow), while
                # the core converts both to float first
                if type(r) is _float and type(t) is _float and 0 < t < _inf and -_inf < r < _inf:
                    return r / t if naik else (2.0 * t - r) / t
                if t == t:  # a real number, so the target is not blank
                    if r is None:
                        return none_result
                    if r == NA:
                        return NA
            return slow(t, r, p)

        return cell

    return wrap


@xw.func(category=CATEGORY)
@xw.arg("target", ndim=2, err_to_str=True, doc="Target: angka, persen, rentang '80-90' atau label")
@xw.arg("realisasi", ndim=2, err_to_str=True, doc="Realisasi: angka, persen, label atau N/A")
@xw.arg("polaritas", ndim=2, doc="naik (default), turun, atau rentang")
@xw.arg(
    "skala", ndim=2, doc="Skala ordinal untuk label: nama (mis. mutu_ikm) atau tabel label-skor"
)
def CAPAIAN(target, realisasi, polaritas="naik", skala=None):
    """Capaian kinerja (pecahan, 1 = 100%) dari target dan realisasi.

    naik: R/T; turun: (2T-R)/T; rentang: 100% di dalam rentang. Label kualitatif dinilai
    dengan skala ordinal. "N/A" bila realisasi belum ada.
    """
    scale = _option(skala)
    if not is_blank(scale) and not isinstance(scale, _RANGE_TYPES):
        try:
            get_scale(scale)  # a typo in the scale name must show even on numeric rows
        except InvalidValue as exc:
            return _error(exc.message)

    def general(t: Any, r: Any, p: Any) -> Any:
        return capaian(t, r, p, scale)

    return _vectorise(general, (target, realisasi, polaritas), 2, _capaian_fast(polaritas))


# ---------------------------------------------------------------------------------------------
# Predikat, kategori


def _label(band: Any) -> str:
    return NA if band is None else band.label


@xw.func(category=CATEGORY)
@xw.arg("capaian", ndim=2, err_to_str=True, doc="Capaian sebagai pecahan (1 = 100%)")
@xw.arg("skala", ndim=2, doc="Nama skala (default tabel_3_1) atau tabel batas bawah-label")
def PREDIKAT(capaian, skala=DEFAULT_PREDIKAT):
    """Predikat capaian (default Tabel 3.1: Tidak Tercapai / Tercapai / Melebihi Target).

    Dinilai pada persen yang dibulatkan 2 desimal, seperti yang tampil di laporan.
    """
    scale = _option(skala) if not is_blank(_option(skala)) else DEFAULT_PREDIKAT
    return _vectorise(lambda c: _label(predikat(c, scale)), (capaian,), 1)


@xw.func(category=CATEGORY)
@xw.arg("capaian", ndim=2, err_to_str=True, doc="Capaian sebagai pecahan (1 = 100%)")
@xw.arg("skala", ndim=2, doc="Nama skala (default tabel_3_2) atau tabel batas bawah-label")
def KATEGORI(capaian, skala=DEFAULT_KATEGORI):
    """Kategori capaian (default Tabel 3.2: Sangat Baik .. Sangat Kurang; 90,00 = Sangat Baik)."""
    scale = _option(skala) if not is_blank(_option(skala)) else DEFAULT_KATEGORI
    return _vectorise(lambda c: _label(kategori(c, scale)), (capaian,), 1)


# ---------------------------------------------------------------------------------------------
# Anggaran


@xw.func(category=CATEGORY)
@xw.arg("capaian_kinerja", ndim=2, err_to_str=True, doc="Capaian kinerja (pecahan)")
@xw.arg("capaian_anggaran", ndim=2, err_to_str=True, doc="Capaian realisasi anggaran (pecahan)")
def EFISIENSI(capaian_kinerja, capaian_anggaran):
    """Efisiensi = capaian kinerja - capaian realisasi anggaran (Tabel 3.8)."""
    return _vectorise(efisiensi, (capaian_kinerja, capaian_anggaran), 2)


@xw.func(category=CATEGORY)
@xw.arg("anggaran", ndim=2, err_to_str=True, doc="Pagu anggaran (Rupiah)")
@xw.arg("realisasi", ndim=2, err_to_str=True, doc="Realisasi anggaran (Rupiah)")
def REALISASI_ANGGARAN(anggaran, realisasi):
    """Persentase realisasi anggaran (pecahan) = realisasi / anggaran; N/A bila pagu 0."""
    return _vectorise(realisasi_anggaran, (anggaran, realisasi), 2)


# ---------------------------------------------------------------------------------------------
# Angka dan kata


@xw.func(category=CATEGORY)
@xw.arg("angka", ndim=2, err_to_str=True, doc="Bilangan (bulat atau desimal, < 1.000 triliun)")
@xw.arg("rupiah", ndim=2, doc="BENAR untuk menambahkan 'rupiah' (dan sen)")
@xw.arg("kapital", ndim=2, doc="BENAR untuk huruf besar di awal")
def TERBILANG(angka, rupiah=False, kapital=False):
    """Terbilang menurut KBBI: 1.001.000 = "satu juta seribu"; miliar, triliun."""
    try:
        as_rupiah, capital = _flag(rupiah), _flag(kapital)
    except InvalidValue as exc:
        return _error(exc.message)
    return _vectorise(lambda n: terbilang(n, rupiah=as_rupiah, kapital=capital), (angka,), 1)


@xw.func(category=CATEGORY)
@xw.arg("angka", ndim=2, err_to_str=True, doc="Jumlah uang")
@xw.arg("gaya", ndim=2, doc="puebi (Rp68.269.806.788) atau rujukan (Rp. 68.269.806.788,-)")
@xw.arg("sen", ndim=2, doc="BENAR untuk menampilkan dua digit sen")
def RUPIAH(angka, gaya="puebi", sen=False):
    """Teks Rupiah: "Rp68.269.806.788" (PUEBI) atau "Rp. 68.269.806.788,-" (gaya rujukan)."""
    try:
        style, with_sen = _option(gaya), _flag(sen)
    except InvalidValue as exc:
        return _error(exc.message)
    style = "puebi" if is_blank(style) else style
    return _vectorise(lambda x: format_rupiah(x, style, sen=with_sen), (angka,), 1)


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
    try:
        grid = _grid(nilai_unsur) if isinstance(nilai_unsur, _RANGE_TYPES) else [[nilai_unsur]]
    except _ShapeError as exc:
        return _error(str(exc))
    return _guard(_ikm, grid)


@xw.func(category=CATEGORY)
@xw.arg("nilai", ndim=2, err_to_str=True, doc="Nilai IKM 25-100")
@xw.arg("keterangan", ndim=2, doc="BENAR untuk keterangan (Baik) alih-alih huruf (B)")
def MUTU_IKM(nilai, keterangan=False):
    """Mutu pelayanan IKM: A (88,31-100), B (76,61-88,30), C (65,00-76,60), D (25,00-64,99)."""
    try:
        index = 1 if _flag(keterangan) else 0
    except InvalidValue as exc:
        return _error(exc.message)
    return _vectorise(lambda v: mutu_ikm(v)[index], (nilai,), 1)


@xw.func(category=CATEGORY)
@xw.arg("rentang", ndim=2, err_to_str=True, doc="Capaian indikator (pecahan); N/A diabaikan")
def RATA_CAPAIAN(rentang):
    """Rata-rata capaian, mengabaikan N/A dan sel kosong (capaian sasaran, indikator komposit)."""
    return _guard(rata_rata, rentang)
