"""Officials named after the pemerintah daerah: the kepala daerah (Pihak Kedua of an OPD's
Perjanjian Kinerja) and the APIP (Inspektorat) that reviews the LKjIP.

Used where Identitas leaves those keys empty, so the report prints the office a reader expects
("Bupati Sungai Lestari") instead of a dotted line; a person's name is never guessed. The
titles follow UU 23/2014 (gubernur, bupati, wali kota) and PP 72/2019 (Inspektorat Daerah led by
an Inspektur). Pure text: no Excel or Word imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The kind of daerah as typed (word or abbreviation) -> (kepala daerah, kind as printed).
JENIS_DAERAH: dict[str, tuple[str, str]] = {
    "provinsi": ("Gubernur", "Provinsi"),
    "prov.": ("Gubernur", "Provinsi"),
    "kabupaten": ("Bupati", "Kabupaten"),
    "kab.": ("Bupati", "Kabupaten"),
    "kota": ("Wali Kota", "Kota"),
}

# The first word naming a kind of daerah; "Kabupaten Kotabaru" and "Kabupaten Kota Baru" both
# match "Kabupaten" (the first kind word wins, a word inside another word never matches).
_KIND = re.compile(r"(?<![\w.])(provinsi|prov\.|kabupaten|kab\.|kota)(?=\s)\s+(.+)$", re.IGNORECASE)


#: Words kept in capitals when a name typed in capitals is given title case.
_AKRONIM = frozenset({"DKI", "DIY"})


@dataclass(frozen=True)
class Daerah:
    """ "Pemerintah Kabupaten Sungai Lestari" -> kepala "Bupati", jenis "Kabupaten", nama
    "Sungai Lestari"."""

    kepala: str
    jenis: str
    nama: str


def daerah(pemerintah_daerah: str) -> Daerah | None:
    """The daerah named in a text such as "Pemerintah Kota Baru"; None when no kind of daerah
    (Provinsi/Kabupaten/Kota) is in it. Text typed all in capitals is given title case."""
    text = " ".join((pemerintah_daerah or "").split()).rstrip(" .")
    match = _KIND.search(text)
    if match is None:
        return None
    kepala, jenis = JENIS_DAERAH[match.group(1).casefold()]
    nama = match.group(2).strip()
    if nama.isupper():  # "SUNGAI LESTARI" -> "Sungai Lestari"; "DKI" kept
        nama = " ".join(w if w in _AKRONIM else w.title() for w in nama.split())
    return Daerah(kepala, jenis, nama) if nama else None


def kepala_daerah(pemerintah_daerah: str) -> str:
    """ "Pemerintah Kabupaten Sungai Lestari" -> "Bupati Sungai Lestari"; "" when unknown."""
    d = daerah(pemerintah_daerah)
    return f"{d.kepala} {d.nama}" if d else ""


def unit_apip(pemerintah_daerah: str) -> str:
    """ "Pemerintah Kabupaten Sungai Lestari" -> "Inspektorat Kabupaten Sungai Lestari"."""
    d = daerah(pemerintah_daerah)
    return f"Inspektorat {d.jenis} {d.nama}" if d else ""


def inspektur(pemerintah_daerah: str) -> str:
    """ "Pemerintah Kota Baru" -> "Inspektur Kota Baru" (the APIP reviewer's jabatan)."""
    d = daerah(pemerintah_daerah)
    return f"Inspektur {d.jenis} {d.nama}" if d else ""
