"""Pemda consolidation at Pemda scale: N OPD workbooks of the bundled example's size.

    python bench/pemda_bench.py                    # 45 OPDs, every reading mode
    python bench/pemda_bench.py --counts 15 30 45  # linearity, auto mode
    python bench/pemda_bench.py --dir /tmp/pemda45 # keep (and reuse) the generated files

Each OPD workbook is the Setda example (examples/data: 3 sasaran, 4 indicators, 4 years, 270
program/kegiatan rows, 3 900 narrative lines) under its own name, with its budget and the
realisasi of its numeric indicators scaled a little, so no two are the same instansi. The Pemda
workbook is the bundled example's with those N OPDs listed, every OPD sasaran linked to a
sasaran RPJMD (tblKaskadeSasaran) and IKU cascaded from them: IKU7 `sama` from the first OPD,
IKU4 `rata-rata` and IKU6 `jumlah` over all N.

Prints, per run: read (Pemda workbook + N OPD workbooks: reader, model, OPD checks), check
(cross-OPD checks, cascade, consolidation, Jejak Data), build (the Word document), save; the
per-OPD cost; peak memory (largest resident set of this process and of any worker). Timings
are wall-clock on a shared machine: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import copy
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lkjip_xl.pemda import schema as ps
from lkjip_xl.pemda.pipeline import load_pemda_file
from lkjip_xl.pemda.workbook import builder as pemda_builder
from lkjip_xl.pemda.workbook.yaml_source import load_rows as load_pemda_rows
from lkjip_xl.workbook import build_bytes, load_rows, vba
from lkjip_xl.workbook import builder as opd_builder


def _opd_rows(base: dict, i: int) -> dict:
    rows = copy.deepcopy(base)
    factor = 1 + ((i * 7) % 11 - 5) / 100  # 0,95 .. 1,05, deterministic
    for r in rows["tblIdentitas"]:
        if r["Kunci"] == "Nama Instansi":
            r["Nilai"] = f"Perangkat Daerah {i:02d} Kota Bench"
        elif r["Kunci"] == "Singkatan":
            r["Nilai"] = f"PD{i:02d}"
    for r in rows["tblRealisasi"]:
        if isinstance(r["Realisasi"], (int, float)):
            r["Realisasi"] = round(r["Realisasi"] * factor, 2)
    for r in rows["tblAnggaranSasaran"] + rows["tblBelanja"]:
        r["Anggaran"] = round(r["Anggaran"] * factor)
        r["Realisasi"] = round(min(r["Realisasi"] * factor, r["Anggaran"]))
    return rows


def generate(folder: Path, count: int) -> Path:
    """N OPD workbooks and the Pemda workbook listing them (skipped when already there)."""
    (folder / "opd").mkdir(parents=True, exist_ok=True)
    base = load_rows()
    project = vba.build_vba_project(opd_builder.sheet_code_names())
    start = time.perf_counter()
    made = 0
    for i in range(1, count + 1):
        path = folder / "opd" / f"LKjIP_PD{i:02d}_2022.xlsm"
        if not path.exists():
            path.write_bytes(build_bytes(_opd_rows(base, i), project))
            made += 1
    if made:
        print(f"{made} buku kerja OPD dibuat dalam {time.perf_counter() - start:.1f} s")
    rows = load_pemda_rows()
    rows[ps.OPD.name] = [
        {"Kode OPD": f"PD{i:02d}", "Nama OPD": f"Perangkat Daerah {i:02d}", "Kelompok": "Dinas",
         "Berkas": rf"opd\LKjIP_PD{i:02d}_2022.xlsm"}
        for i in range(1, count + 1)
    ]  # fmt: skip
    rows[ps.KASKADE_SASARAN.name] = [
        {"Kode OPD": f"PD{i:02d}", "Kode Sasaran OPD": s, "Kode Sasaran RPJMD": sr}
        for i in range(1, count + 1)
        for s, sr in (("S1", "SR4"), ("S2", "SR1"), ("S3", "SR3"))
    ]
    kaskade = [{"Kode IKU": "IKU7", "Kode OPD": "PD01", "Kode Indikator OPD": "IKU2",
                "Metode": "sama"}]  # fmt: skip
    for i in range(1, count + 1):
        kaskade.append({"Kode IKU": "IKU4", "Kode OPD": f"PD{i:02d}",
                        "Kode Indikator OPD": "IKU2", "Metode": "rata-rata"})  # fmt: skip
        kaskade.append({"Kode IKU": "IKU6", "Kode OPD": f"PD{i:02d}",
                        "Kode Indikator OPD": "IKU3", "Metode": "jumlah"})  # fmt: skip
    rows[ps.KASKADE_IKU.name] = kaskade
    for r in rows[ps.KINERJA.name]:  # IKU6 now sums N OPDs' UKPBJ components (percent points)
        if r["Kode IKU"] == "IKU6":
            r["Target"] = 60 * count
        if r["Kode IKU"] == "IKU4":
            r["Target"] = 90
    pemda = folder / f"LKjIP_Pemda_Bench_{count}.xlsm"
    pemda.write_bytes(pemda_builder.build_bytes(rows))
    return pemda


def _peak_mb() -> tuple[float, float]:
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KiB on Linux
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale
    return me, children


def run(pemda: Path, mode: str, out: Path) -> dict[str, float]:
    from lkjip_xl.pemda.report import build_document
    from lkjip_xl.report import save_document

    start = time.perf_counter()
    loaded = load_pemda_file(pemda, mode=mode)
    total_read = time.perf_counter() - start
    assert loaded.kons is not None and loaded.can_write, [
        t.finding.message for t in loaded.menghambat
    ]
    check = loaded.timings.get("konsolidasi", 0.0)
    start = time.perf_counter()
    doc = build_document(loaded.kons)
    build = time.perf_counter() - start
    start = time.perf_counter()
    save_document(doc, out)
    save = time.perf_counter() - start
    count = len(loaded.kons.opd)
    opd_seconds = [r.seconds for r in loaded.kons.opd]
    return {
        "opd": count,
        "read": total_read - check,
        "check": check,
        "build": build,
        "save": save,
        "total": total_read + build + save,
        "per_opd_wall": (total_read - check) / count,
        "per_opd_cpu": sum(opd_seconds) / count,
        "jejak": len(loaded.kons.jejak),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[45])
    parser.add_argument("--modes", nargs="+", default=None,
                        help="serial threads processes auto (default: all for one count, "
                        "auto for several)")  # fmt: skip
    parser.add_argument("--dir", type=Path, default=None, help="where to keep the files")
    args = parser.parse_args(argv)
    folder = args.dir or Path(tempfile.mkdtemp(prefix="pemda_bench_"))
    modes = args.modes or (["serial", "threads", "processes"] if len(args.counts) == 1 else
                           ["auto"])  # fmt: skip
    print(f"Folder: {folder}; {os.cpu_count()} CPU; beban rata-rata {os.getloadavg()}")
    header = (f"{'OPD':>4} {'mode':>9} {'read':>7} {'check':>6} {'build':>6} {'save':>5} "
              f"{'total':>7} {'/OPD':>6} {'cpu/OPD':>7} {'jejak':>6}")  # fmt: skip
    print(header)
    for count in args.counts:
        pemda = generate(folder, count)
        for mode in modes:
            r = run(pemda, mode, folder / f"out_{count}_{mode}.docx")
            print(
                f"{r['opd']:>4} {mode:>9} {r['read']:>6.2f}s {r['check']:>5.2f}s "
                f"{r['build']:>5.2f}s {r['save']:>4.2f}s {r['total']:>6.2f}s "
                f"{r['per_opd_wall']:>5.3f}s {r['per_opd_cpu']:>6.3f}s {r['jejak']:>6}"
            )
    me, child = _peak_mb()
    print(f"Memori puncak: proses utama {me:.0f} MB, proses pekerja terbesar {child:.0f} MB")
    print(f"Beban rata-rata setelahnya: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
