"""A made-up office unlike the bundled example, generated (not tuned to any real report).

Shape: 11 sasaran, 17 indicators, years 2021-2024 with 2023 as the report year (future targets
without realisasi), so about 65 target rows: beyond the old 40-row / 10-sasaran Hasil sheet,
and small enough for the `formulas` package to evaluate in a test. Mixed in on purpose:
negative polarity, range targets typed as "60-85", "60 – 85", "60 s.d. 85", "60 s/d 85" and as
Target + Batas Atas, qualitative targets with a scale, N/A and
"Belum ada ..." realisasi, a missing year, a composite indicator whose realisasi is left empty
(computed from its components, with and without Basis), codes with a stray space, units typed
freely, one sasaran without budget and a budget total taken from tblAnggaranSasaran.
"""

from __future__ import annotations

import random

YEARS = range(2021, 2025)
REPORT_YEAR = 2023
RANGE_SPELLINGS = ("{lo}-{hi}", "{lo} – {hi}", "{lo} s.d. {hi}", "{lo} s/d {hi}")


def rows(seed: int = 7) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    out: dict[str, list[dict]] = {
        "tblIdentitas": [
            {"Kunci": "Nama Instansi", "Nilai": "Dinas Contoh Kabupaten Sintetis"},
            {"Kunci": "Singkatan", "Nilai": "DCKS"},
            {"Kunci": "Pemerintah Daerah", "Nilai": "Pemerintah Kabupaten Sintetis"},
            {"Kunci": "Tahun Laporan", "Nilai": REPORT_YEAR},
            {"Kunci": "Awal Periode Renstra", "Nilai": 2021},
            {"Kunci": "Akhir Periode Renstra", "Nilai": 2026},
            {"Kunci": "Skala Predikat", "Nilai": "tabel_3_1"},
            {"Kunci": "Skala Kategori", "Nilai": "permendagri_54_2010"},
            {"Kunci": "Gaya Rupiah", "Nilai": "rujukan"},
        ],
        "tblSasaran": [],
        "tblIndikator": [],
        "tblTarget": [],
        "tblRealisasi": [],
        "tblKomponen": [],
        "tblAnggaranSasaran": [],
        "tblBelanja": [
            {"Jenis Belanja": "Belanja Operasi", "Anggaran": 9_000_000_000, "Realisasi": 8.1e9},
        ],
    }
    n = 0
    for s in range(1, 12):
        kode_s = f"SS.{s:02d}"
        out["tblSasaran"].append({"Kode Sasaran": kode_s, "Sasaran": f"Sasaran sintetis {s}"})
        if s != 6:  # one sasaran without a budget row
            anggaran = rng.randint(500, 5000) * 1_000_000
            out["tblAnggaranSasaran"].append(
                {
                    "Kode Sasaran": kode_s,
                    "Anggaran": anggaran,
                    "Realisasi": round(anggaran * rng.uniform(0.7, 1.0)),
                }
            )
        for _ in range(1 + s % 2):
            n += 1
            _indicator(out, rng, n, kode_s)
    return out


def _indicator(out: dict, rng: random.Random, n: int, kode_s: str) -> None:
    kode = f"IK-{n:02d}"
    kind = ("naik", "naik", "turun", "rentang", "rentang", "mutu", "komposit")[n % 7]
    polaritas = {"mutu": "naik", "komposit": "naik"}.get(kind, kind)
    satuan = {"turun": "per 1.000 KH", "mutu": "Predikat", "rentang": "%"}.get(kind, "%")
    skala = "mutu_ikm" if kind == "mutu" else None
    out["tblIndikator"].append(
        {
            "Kode Indikator": kode,
            "Kode Sasaran": kode_s,
            "Indikator": f"Indikator sintetis {n}",
            "Satuan": satuan,
            "Polaritas": polaritas,
            "Skala": skala,
        }
    )
    typed = kode + (" " if n % 5 == 0 else "")  # a stray space, as pasted from elsewhere
    for year in YEARS:
        if n % 8 == 0 and year == 2022:
            continue  # a year with no data at all
        target, batas = _target(rng, kind, n, year)
        out["tblTarget"].append(
            {"Kode Indikator": typed, "Tahun": year, "Target": target, "Batas Atas": batas}
        )
        if year > REPORT_YEAR:
            continue
        if kind == "komposit" and year >= 2022:
            out["tblRealisasi"].append({"Kode Indikator": kode, "Tahun": year})
            for k, basis in enumerate((40, None, 8)):
                value = rng.randint(1, 8) if basis else round(rng.uniform(40, 95), 2)
                out["tblKomponen"].append(
                    {
                        "Kode Indikator": kode,
                        "Tahun": year,
                        "Komponen": f"Komponen {k + 1}",
                        "Realisasi Komponen": value,
                        "Basis": basis,
                    }
                )
            continue
        out["tblRealisasi"].append(
            {"Kode Indikator": kode, "Tahun": year, "Realisasi": _realisasi(rng, kind, n, year)}
        )


def _target(rng: random.Random, kind: str, n: int, year: int) -> tuple[object, object]:
    if kind == "rentang":
        lo, hi = rng.randint(50, 70), rng.randint(75, 95)
        if (n + year) % 5 == 0:
            return lo, hi  # Target + Batas Atas
        return RANGE_SPELLINGS[(n + year) % 4].format(lo=lo, hi=hi), None
    if kind == "mutu":
        return rng.choice(("A", "B")), None
    if kind == "turun":
        return round(rng.uniform(5, 40), 1), None
    return round(rng.uniform(60, 100), 2), None


def _realisasi(rng: random.Random, kind: str, n: int, year: int) -> object:
    if (n + year) % 13 == 0:
        return "Belum ada data"
    if (n + year) % 17 == 0:
        return "N/A"
    if kind == "mutu":
        return rng.choice(("A", "B", "C"))
    if kind == "turun":
        return round(rng.uniform(3, 50), 1)
    if kind == "rentang":
        return rng.randint(40, 100)
    return round(rng.uniform(40, 120), 2)
