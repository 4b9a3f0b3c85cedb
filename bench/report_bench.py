"""Benchmark: reading (tables -> model), building and saving the LKjIP .docx: the bundled
example alone, then at Pemda scale.

Synthetic model: the example's identitas and narrative, plus `--sasaran` sasaran with 5
indicators each, 5 years of targets/realisasi, 10 programs x kegiatan x sub kegiatan rows and one
narrative paragraph per sasaran and indicator. Run twice: Pemda scale (40 sasaran, 200
indicators, 2 000 sub kegiatan) and 4x that.

    python bench/report_bench.py [--pdf] [--repeat N]

The example alone (examples/*.xlsm: read, build, save, as `lkjip-xl laporan` does before its
optional LibreOffice pass) is the median of N runs in this process; "cpu" is this process's
CPU time, steadier than wall time on a shared machine. Targets: the example at least 2x faster
than before issue 10 (3.27 s read+build+save here, 3.5 s wall for the whole command, on the
shared 2-core machine); Pemda scale < 10 s; 4x < 4.5x that time. The synthetic tables are
first written as a real .xlsm by the template builder (not timed); "read" is the headless path
staff use: openpyxl reading the file (readers.xlsx_file) plus build_model with the core rules.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lkjip_xl import schema
from lkjip_xl.readers.tables import Row, TableData, Workbook
from lkjip_xl.readers.to_model import build_model
from lkjip_xl.readers.xlsx_file import read_workbook
from lkjip_xl.readers.yaml_source import read_yaml_tables
from lkjip_xl.report import build_document, save_document

YEARS = (2018, 2019, 2020, 2021, 2022)
WORDS = [
    "peningkatan",
    "kualitas",
    "pelayanan",
    "publik",
    "tata",
    "kelola",
    "pemerintahan",
    "daerah",
    "akuntabilitas",
    "kinerja",
    "perangkat",
    "koordinasi",
    "kebijakan",
    "evaluasi",
    "pelaksanaan",
    "program",
    "kegiatan",
    "pembangunan",
    "masyarakat",
    "aparatur",
    "sipil",
    "negara",
    "transparansi",
    "efektivitas",
]


def _sentence(rng: random.Random, n: int = 40) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return (" ".join(words) + ".").capitalize()


def synthetic_workbook(n_sasaran: int, sub_per_kegiatan: int, seed: int = 1) -> Workbook:
    rng = random.Random(seed)
    base = read_yaml_tables()
    rows: dict[str, list[dict[str, object]]] = {
        name: [dict(r.values) for r in t.rows] for name, t in base.tables.items()
    }
    rows["tblIdentitas"] = [
        r if r["Kunci"] != "Tahun Laporan" else {**r, "Nilai": 2022} for r in rows["tblIdentitas"]
    ]
    sasaran, indikator, target, realisasi, anggaran, narasi = [], [], [], [], [], []
    narasi = [r for r in rows["tblNarasi"] if ":" not in str(r["Bagian"])]
    for s in range(1, n_sasaran + 1):
        kode_s = f"S{s}"
        sasaran.append(
            {
                "Kode Sasaran": kode_s,
                "Sasaran": f"Meningkatkan {_sentence(rng, 8)}",
                "Tujuan": f"Tujuan {1 + s // 10}",
            }
        )
        a = rng.randint(500_000_000, 30_000_000_000)
        anggaran.append(
            {"Kode Sasaran": kode_s, "Anggaran": a, "Realisasi": round(a * rng.uniform(0.8, 1.0))}
        )
        narasi.append(
            {
                "Bagian": f"sasaran:{kode_s}",
                "Urutan": 1,
                "Gaya": "Paragraf",
                "Teks": _sentence(rng, 90),
            }
        )
        for i in range(1, 6):
            kode = f"IKU{s}.{i}"
            indikator.append(
                {
                    "Kode Indikator": kode,
                    "Kode Sasaran": kode_s,
                    "Indikator": f"Persentase {_sentence(rng, 6)}",
                    "Satuan": "%",
                    "Polaritas": "turun" if i == 5 else "naik",
                    "Skala": None,
                    "Target Akhir Renstra": 95,
                    "Penanggung Jawab": f"Bagian {i}",
                }
            )
            for year in YEARS:
                t = round(rng.uniform(60, 95), 2)
                target.append(
                    {"Kode Indikator": kode, "Tahun": year, "Target": t, "Batas Atas": None}
                )
                r = "Belum ada data" if rng.random() < 0.05 else round(t * rng.uniform(0.7, 1.2), 2)
                realisasi.append(
                    {"Kode Indikator": kode, "Tahun": year, "Realisasi": r, "Keterangan": ""}
                )
            narasi.append(
                {
                    "Bagian": f"indikator:{kode}",
                    "Urutan": 1,
                    "Gaya": "Paragraf",
                    "Teks": _sentence(rng, 60),
                }
            )
    pk, program = [], []
    for p in range(1, 11):
        roman = f"P{p}"
        program.append(
            {
                "Kode Program": roman,
                "Program": f"Program {_sentence(rng, 5)}",
                "Anggaran": rng.randint(10**9, 10**10),
                "Sumber Dana": "APBD",
            }
        )
        pk.append({"Kode": roman, "Tingkat": "Program", "Nama": f"Program {_sentence(rng, 5)}"})
        for k in range(1, 21):
            pk.append(
                {
                    "Kode": f"{roman}.{k}",
                    "Tingkat": "Kegiatan",
                    "Nama": f"Kegiatan {_sentence(rng, 6)}",
                    "Indikator Output": _sentence(rng, 6),
                }
            )
            for sub in range(1, sub_per_kegiatan + 1):
                pk.append(
                    {
                        "Kode": f"{roman}.{k}.{sub}",
                        "Tingkat": "Sub Kegiatan",
                        "Nama": f"Sub kegiatan {_sentence(rng, 7)}",
                        "Indikator Output": f"Jumlah {_sentence(rng, 5)}",
                        "Target Output": rng.randint(1, 500),
                        "Satuan Output": "dokumen",
                        "Bagian": f"Bagian {k % 9 + 1}",
                    }
                )
    rows.update(
        {
            "tblSasaran": sasaran,
            "tblIndikator": indikator,
            "tblTarget": target,
            "tblRealisasi": realisasi,
            "tblKomponen": [],
            "tblAnggaranSasaran": anggaran,
            "tblNarasi": narasi,
            "tblProgram": program,
            "tblProgramKegiatan": pk,
        }
    )
    tables = {}
    for table in schema.INPUT_TABLES:
        data = [Row({c: r.get(c) for c in table.column_names}) for r in rows.get(table.name, [])]
        tables[table.name] = TableData(table.name, table.sheet, list(table.column_names), data)
    return Workbook(tables, [s.name for s in schema.SHEETS], source="synthetic")


def _as_file(book: Workbook, folder: Path) -> Path:
    """The synthetic tables as an .xlsm made by the real template builder."""
    from lkjip_xl.workbook.builder import build_bytes

    rows = {name: [dict(r.values) for r in t.rows] for name, t in book.tables.items()}
    path = folder / "synthetic.xlsm"
    path.write_bytes(build_bytes(rows))
    return path


def run(label: str, n_sasaran: int, sub_per_kegiatan: int, pdf: bool) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        source = _as_file(synthetic_workbook(n_sasaran, sub_per_kegiatan), Path(tmp))
        t0 = time.perf_counter()
        laporan, findings = build_model(read_workbook(source))
        t1 = time.perf_counter()
    assert laporan is not None, findings[:3]
    doc = build_document(laporan)
    t2 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = save_document(doc, Path(tmp) / f"bench_{label}.docx")
        t3 = time.perf_counter()
        size = path.stat().st_size
        pdf_s = None
        if pdf:
            from lkjip_xl.report import convert_to_pdf

            convert_to_pdf(path)
            pdf_s = time.perf_counter() - t3
    n_pk = len(laporan.program_kegiatan)
    print(
        f"{label:6s} sasaran={len(laporan.sasaran):4d} indikator={len(laporan.indikator):4d} "
        f"sub/keg/prog rows={n_pk:5d} | read {t1 - t0:6.2f} s | build {t2 - t1:6.2f} s | "
        f"save {t3 - t2:5.2f} s | docx {size / 1e6:5.1f} MB"
        + (f" | pdf {pdf_s:6.1f} s" if pdf_s is not None else "")
    )
    return t3 - t0


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "LKjIP_Setda_Kota_Jambi_2022.xlsm"


def run_example(repeat: int) -> float:
    """The bundled example as `lkjip-xl laporan` makes it (read, check-free build, save)."""
    times: list[tuple[float, float, float]] = []
    cpu: list[float] = []
    for _ in range(repeat):
        c0 = time.process_time()
        t0 = time.perf_counter()
        laporan, findings = build_model(read_workbook(EXAMPLE))
        t1 = time.perf_counter()
        assert laporan is not None, findings[:3]
        doc = build_document(laporan)
        t2 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            save_document(doc, Path(tmp) / "example.docx")
        t3 = time.perf_counter()
        times.append((t1 - t0, t2 - t1, t3 - t2))
        cpu.append(time.process_time() - c0)
    read, build, save = (statistics.median(col) for col in zip(*times, strict=True))
    print(
        f"example (median of {repeat}) | read {read:6.2f} s | build {build:6.2f} s | "
        f"save {save:5.2f} s | total {read + build + save:5.2f} s | "
        f"cpu {statistics.median(cpu):5.2f} s"
    )
    return read + build + save


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", action="store_true", help="also time the LibreOffice PDF")
    parser.add_argument("--repeat", type=int, default=5, help="runs of the example (median)")
    args = parser.parse_args()
    run("warmup", 3, 1, False)  # imports (matplotlib, lxml) and font cache outside the timing
    run_example(args.repeat)
    base = run("pemda", 40, 10, args.pdf)
    big = run("4x", 160, 40, args.pdf)
    print(
        f"total pemda {base:.2f} s (target < 10 s); 4x {big:.2f} s = {big / base:.2f}x "
        "(target < 4.5x)"
    )


if __name__ == "__main__":
    main()
