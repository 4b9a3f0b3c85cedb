"""Regulation scales as data, and a registry that workbooks refer to by name.

Pemda use different predikat tables (reference Tabel 3.1 and 3.2, Permendagri 54/2010,
PermenPAN-RB 88/2021), so no scale is an if-chain: each is a tuple of bands or levels that a user
can pick by name or replace with a table from the workbook.

Decisions (documented here because no regulation settles them):
- Bands are lower bounds. Values below the lowest bound fall into the lowest band (a negative
  capaian from "turun" polarity is "Tidak Tercapai" / "Sangat Kurang"), values above the top
  band stay in it (capaian over 100% is "Sangat Tinggi"). Scales with a real domain (mutu IKM,
  25-100) set `minimum`/`maximum` and reject values outside it.
- Bands classify percent values rounded half-up to 2 decimals (rules.round_percent). That is why
  "> 100%" in Tabel 3.1 is written as the inclusive bound 100,01.
- Tabel 3.2 prints "Sangat Baik > 90" next to "Baik 75,00 - 89,99", leaving 89,99..90,00 open:
  90,00 is Sangat Baik (bound 90 inclusive), so every displayed value has exactly one kategori;
  the report prints the band as "≥ 90,00", the rule it applies.
- Titles, descriptions and sources are printed in the report (Tabel 3.1/3.2 and their
  "Sumber:" line): they name regulations, never an example office.
- Permendagri 54/2010 prints integer ranges (91-100, 76-90, ...): read as exclusive lower bounds
  (> 90 Sangat Tinggi, > 75 Tinggi, > 65 Sedang, > 50 Rendah, else Sangat Rendah), which fills
  the gaps (90,5 is Sangat Tinggi) and keeps "<= 50 Sangat Rendah" exact.
- Colours of the 5-level scales run from green to red in Excel's standard palette: #00B050 Hijau,
  #92D050 Hijau Muda, #FFFF00 Kuning, #FFC000 Oranye, #C00000 Merah (7 levels add #00B0F0 Biru
  Muda on top and #7F7F7F Abu-abu at the bottom).
- The EKPPD status (PP 13/2019) knows Sangat Tinggi, Tinggi, Sedang, Rendah only: "Sangat
  Rendah" is not a status, so it is rejected instead of scored 0 (0 would make capaian 0/0).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Union

from lkjip_xl.core.values import InvalidValue, is_blank, parse_number, parse_text, shown

DEFAULT_PREDIKAT = "tabel_3_1"
DEFAULT_KATEGORI = "tabel_3_2"
_LOWEST = -math.inf


def normalise_label(label: str) -> str:
    """Case- and space-insensitive key, so "Sangat tinggi " matches "Sangat Tinggi"."""
    return " ".join(str(label).split()).casefold()


@dataclass(frozen=True)
class Band:
    """One band of a BandScale: values from `lower` up to the next band get this label."""

    lower: float
    label: str
    colour: str
    description: str = ""
    warna: str = ""  # Indonesian colour name shown in the report ("Merah")


@dataclass(frozen=True)
class BandScale:
    """Number -> label scale (predikat/kategori), working on percent values as displayed."""

    name: str
    title: str
    bands: tuple[Band, ...]
    lower_inclusive: bool = True
    minimum: float | None = None
    maximum: float | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if not self.bands:
            raise InvalidValue("skala kosong")
        lowers = [b.lower for b in self.bands]
        if lowers != sorted(lowers) or len(set(lowers)) != len(lowers):
            raise InvalidValue(f"batas bawah skala {shown(self.name)} harus naik dan unik")

    def classify(self, value_percent: float) -> Band:
        """Band for a percent value (99.99, 100.00): the highest band whose bound is met."""
        if self.minimum is not None and value_percent < self.minimum:
            raise InvalidValue(f"nilai {value_percent:g} di bawah {self.minimum:g}")
        if self.maximum is not None and value_percent > self.maximum:
            raise InvalidValue(f"nilai {value_percent:g} di atas {self.maximum:g}")
        chosen = self.bands[0]
        for band in self.bands[1:]:
            lower = band.lower
            if not (value_percent >= lower if self.lower_inclusive else value_percent > lower):
                break
            chosen = band
        return chosen

    def band_for_label(self, label: str) -> Band | None:
        """The band with this label (case-insensitive), for reverse lookups."""
        key = normalise_label(label)
        return next((b for b in self.bands if normalise_label(b.label) == key), None)


@dataclass(frozen=True)
class OrdinalScale:
    """Label -> score scale for qualitative targets (EKPPD status, mutu IKM, opini BPK)."""

    name: str
    title: str
    levels: tuple[tuple[str, float], ...]
    aliases: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    bands: BandScale | None = None
    source: str = ""

    @cached_property
    def _lookup(self) -> dict[str, float]:
        table = {normalise_label(label): float(score) for label, score in self.levels}
        for alias, label in self.aliases.items():
            table[normalise_label(alias)] = table[normalise_label(label)]
        return table

    def knows(self, label: str) -> bool:
        """True if the label (or an alias) belongs to this scale."""
        return normalise_label(label) in self._lookup

    def score(self, label: str) -> float:
        """Score of a label; unknown labels raise InvalidValue naming the scale."""
        try:
            return self._lookup[normalise_label(label)]
        except KeyError:
            raise InvalidValue(f"{shown(label)} tidak ada di skala {self.name}") from None

    def label_for(self, value: float) -> str:
        """Label of a number through the scale's bands (mutu IKM: 82,99 -> "B")."""
        if self.bands is None:
            raise InvalidValue(f"skala {self.name} tidak punya rentang nilai angka")
        return self.bands.classify(value).label


Scale = Union[BandScale, OrdinalScale]  # noqa: UP007 (a runtime alias on Python 3.10)

_GREEN, _LIGHT_GREEN, _YELLOW = "#00B050", "#92D050", "#FFFF00"
_ORANGE, _RED = "#FFC000", "#C00000"

TABEL_3_1 = BandScale(
    name="tabel_3_1",
    title="Predikat Nilai Capaian Kinerja",
    bands=(
        Band(_LOWEST, "Tidak Tercapai", _RED, "< 100%", "Merah"),
        Band(100.0, "Tercapai", _GREEN, "= 100%", "Hijau"),
        Band(100.01, "Melebihi Target", "#0070C0", "> 100%", "Biru"),
    ),
    source="skala ordinal dengan pendekatan petunjuk pelaksanaan evaluasi akuntabilitas kinerja "
    "instansi pemerintah",
)

TABEL_3_2 = BandScale(
    name="tabel_3_2",
    title="Kategori Nilai Capaian Kinerja",
    bands=(
        Band(_LOWEST, "Sangat Kurang", _RED, "< 50,00", "Merah"),
        Band(50.0, "Kurang", _ORANGE, "50,00 – 64,99", "Oranye"),
        Band(65.0, "Cukup", _YELLOW, "65,00 – 74,99", "Kuning"),
        Band(75.0, "Baik", _LIGHT_GREEN, "75,00 – 89,99", "Hijau Muda"),
        Band(90.0, "Sangat Baik", _GREEN, "≥ 90,00", "Hijau"),
    ),
    source="pendekatan Peraturan Menteri Dalam Negeri Nomor 54 Tahun 2010",
)

PERMENDAGRI_54_2010 = BandScale(
    name="permendagri_54_2010",
    title="Kategori Capaian Kinerja",
    bands=(
        Band(_LOWEST, "Sangat Rendah", _RED, "≤ 50", "Merah"),
        Band(50.0, "Rendah", _ORANGE, "> 50 – 65", "Oranye"),
        Band(65.0, "Sedang", _YELLOW, "> 65 – 75", "Kuning"),
        Band(75.0, "Tinggi", _LIGHT_GREEN, "> 75 – 90", "Hijau Muda"),
        Band(90.0, "Sangat Tinggi", _GREEN, "> 90", "Hijau"),
    ),
    lower_inclusive=False,
    source="Peraturan Menteri Dalam Negeri Nomor 54 Tahun 2010 dan Nomor 86 Tahun 2017",
)

PERMENPAN_88_2021 = BandScale(
    name="permenpan_88_2021",
    title="Predikat Nilai Evaluasi Akuntabilitas Kinerja",
    bands=(
        Band(_LOWEST, "D", "#7F7F7F", "Sangat Kurang", "Abu-abu"),
        Band(30.0, "C", _RED, "Kurang", "Merah"),
        Band(50.0, "CC", _ORANGE, "Cukup", "Oranye"),
        Band(60.0, "B", _YELLOW, "Baik", "Kuning"),
        Band(70.0, "BB", _LIGHT_GREEN, "Sangat Baik", "Hijau Muda"),
        Band(80.0, "A", _GREEN, "Memuaskan", "Hijau"),
        Band(90.0, "AA", "#00B0F0", "Sangat Memuaskan", "Biru Muda"),
    ),
    lower_inclusive=False,
    source="Peraturan Menteri PANRB Nomor 88 Tahun 2021",
)

MUTU_IKM_BANDS = BandScale(
    name="mutu_ikm",
    title="Mutu Pelayanan",
    bands=(
        Band(25.0, "D", _RED, "Tidak Baik", "Merah"),
        Band(65.0, "C", _YELLOW, "Kurang Baik", "Kuning"),
        Band(76.61, "B", _LIGHT_GREEN, "Baik", "Hijau Muda"),
        Band(88.31, "A", _GREEN, "Sangat Baik", "Hijau"),
    ),
    minimum=25.0,
    maximum=100.0,
    source="Peraturan Menteri PANRB Nomor 14 Tahun 2017",
)

# Efisiensi in percent points (capaian kinerja - capaian anggaran). The +/-5 point rule is a
# practice seen in other LKjIPs, not a regulation: -5,00..+5,00 Cukup. The report itself only
# says whether efisiensi is positive or negative.
EFISIENSI = BandScale(
    name="efisiensi",
    title="Klasifikasi efisiensi (selisih capaian kinerja dan anggaran, poin persen)",
    bands=(
        Band(_LOWEST, "Tidak Efisien", _RED, "< -5 poin", "Merah"),
        Band(-5.0, "Cukup Efisien", _YELLOW, "-5 s.d. +5 poin", "Kuning"),
        Band(5.01, "Efisien", _GREEN, "> +5 poin", "Hijau"),
    ),
    source="praktik penyusunan LKjIP, bukan ketentuan peraturan",
)

EKPPD = OrdinalScale(
    name="ekppd",
    title="Status kinerja penyelenggaraan pemerintahan daerah",
    levels=(("Sangat Tinggi", 4), ("Tinggi", 3), ("Sedang", 2), ("Rendah", 1)),
    source="Peraturan Pemerintah Nomor 13 Tahun 2019; skor ordinal sebagaimana praktik penyusunan "
    "LKjIP",
)

MUTU_IKM = OrdinalScale(
    name="mutu_ikm",
    title="Mutu pelayanan survei kepuasan masyarakat",
    levels=(("A", 4), ("B", 3), ("C", 2), ("D", 1)),
    aliases={"Sangat Baik": "A", "Baik": "B", "Kurang Baik": "C", "Tidak Baik": "D"},
    bands=MUTU_IKM_BANDS,
    source="Peraturan Menteri PANRB Nomor 14 Tahun 2017",
)

OPINI_BPK = OrdinalScale(
    name="opini_bpk",
    title="Opini Badan Pemeriksa Keuangan atas laporan keuangan",
    levels=(("WTP", 4), ("WDP", 3), ("TW", 2), ("TMP", 1)),
    aliases={
        "Wajar Tanpa Pengecualian": "WTP",
        "Wajar Dengan Pengecualian": "WDP",
        "Tidak Wajar": "TW",
        "Tidak Menyatakan Pendapat": "TMP",
        "Disclaimer": "TMP",
    },
    source="Undang-Undang Nomor 15 Tahun 2004",
)

SAKIP = OrdinalScale(
    name="sakip",
    title="Nilai evaluasi akuntabilitas kinerja (SAKIP)",
    levels=(("AA", 7), ("A", 6), ("BB", 5), ("B", 4), ("CC", 3), ("C", 2), ("D", 1)),
    bands=PERMENPAN_88_2021,
    source="Peraturan Menteri PANRB Nomor 88 Tahun 2021",
)

_REGISTRY: dict[str, Scale] = {}


def register_scale(scale: Scale) -> Scale:
    """Make a scale available by name (case-insensitive); a later one replaces an earlier one."""
    _REGISTRY[normalise_label(scale.name)] = scale
    return scale


for _scale in (
    TABEL_3_1,
    TABEL_3_2,
    PERMENDAGRI_54_2010,
    PERMENPAN_88_2021,
    EFISIENSI,
    EKPPD,
    MUTU_IKM,
    OPINI_BPK,
    SAKIP,
):
    register_scale(_scale)

# Order used when a qualitative capaian has no skala: the first scale knowing both labels wins,
# so "B"/"C" read as mutu IKM (the usual LKjIP case); SAKIP grades need skala="sakip".
ORDINAL_SEARCH_ORDER: tuple[str, ...] = ("ekppd", "mutu_ikm", "opini_bpk", "sakip")


def registered_names() -> tuple[str, ...]:
    """Names of all registered scales, for help texts and validation lists."""
    return tuple(scale.name for scale in _REGISTRY.values())


def ordinal_scales() -> tuple[OrdinalScale, ...]:
    """Built-in ordinal scales in search order, then user-registered ones."""
    named = [_REGISTRY[n] for n in ORDINAL_SEARCH_ORDER if n in _REGISTRY]
    extra = [s for s in _REGISTRY.values() if s not in named]
    return tuple(s for s in named + extra if isinstance(s, OrdinalScale))


def _rows(definition: Sequence[Any]) -> list[list[Any]]:
    rows = [list(r) if isinstance(r, (list, tuple)) else [r] for r in definition]
    return [r for r in rows if not all(is_blank(c) for c in r)]


def _number_or_none(value: Any) -> float | None:
    try:
        return parse_number(value)
    except InvalidValue:
        return None


def _scale_from_rows(definition: Sequence[Any]) -> Scale:
    rows = _rows(definition)
    if rows and len(rows[0]) >= 2:
        first, second = rows[0][0], rows[0][1]
        if _number_or_none(first) is None and _number_or_none(second) is None:
            rows = rows[1:]  # a header row such as ["Batas bawah", "Predikat"]
    if not rows or any(len(r) < 2 for r in rows):
        raise InvalidValue("definisi skala: tiap baris butuh 2 kolom")
    if _number_or_none(rows[0][0]) is not None:
        bands = []
        for row in rows:
            lower, label = parse_number(row[0]), parse_text(row[1])
            colour = parse_text(row[2]) if len(row) > 2 else None
            if lower is None or label is None:
                raise InvalidValue("definisi skala: batas bawah dan label wajib diisi")
            bands.append(Band(lower, label, colour or ""))
        return BandScale("kustom", "Skala buatan pengguna", tuple(sorted(bands, key=_lower)))
    levels = []
    for row in rows:
        label, score = parse_text(row[0]), parse_number(row[1])
        if label is None or score is None:
            raise InvalidValue("definisi skala: label dan skor wajib diisi")
        levels.append((label, score))
    return OrdinalScale("kustom", "Skala buatan pengguna", tuple(levels))


def _lower(band: Band) -> float:
    return band.lower


def get_scale(name_or_definition: Any) -> Scale:
    """Resolve a scale: a registered name, a scale object, or rows typed in the workbook.

    Rows [batas_bawah, label(, warna)] give a BandScale (inclusive lower bounds); rows
    [label, skor] give an OrdinalScale. A first row of two texts is taken as a header.
    """
    if isinstance(name_or_definition, (BandScale, OrdinalScale)):
        return name_or_definition
    if isinstance(name_or_definition, str):
        scale = _REGISTRY.get(normalise_label(name_or_definition))
        if scale is None:
            raise InvalidValue(f"skala tidak dikenal: {shown(name_or_definition.strip())}")
        return scale
    if isinstance(name_or_definition, (list, tuple)):
        first = name_or_definition[0] if len(name_or_definition) == 1 else None
        if isinstance(first, (list, tuple)) and len(first) == 1:
            return get_scale(first[0])  # one cell holding a name: [["tabel_3_2"]]
        return _scale_from_rows(name_or_definition)
    raise InvalidValue(f"skala tidak dikenal: {shown(name_or_definition)}")


def band_scale(name_or_definition: Any) -> BandScale:
    """A scale usable for number classification (an ordinal scale lends its bands)."""
    scale = get_scale(name_or_definition)
    if isinstance(scale, OrdinalScale):
        if scale.bands is None:
            raise InvalidValue(f"skala {scale.name} tidak punya rentang nilai angka")
        return scale.bands
    return scale
