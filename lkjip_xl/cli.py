"""`lkjip-xl`: the headless path (no Excel needed). A thin adapter over `pipeline`.

Exit codes: 0 ok; 1 warnings only (periksa); 2 the workbook has errors; 3 the output could not
be written or converted; 4 internal error (reported without a traceback).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lkjip_xl import __version__

EXIT_OK, EXIT_WARN, EXIT_ERROR, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="lkjip-xl",
        description="LKjIP dari buku kerja Excel: periksa data dan susun laporan Word.",
    )
    p.add_argument("--version", action="version", version=f"lkjip-xl {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="PERINTAH")

    lap = sub.add_parser("laporan", help="susun laporan Word (.docx) dari buku kerja")
    lap.add_argument(
        "workbook",
        nargs="?",
        type=Path,
        help="buku kerja .xlsm/.xlsx (tanpa argumen: contoh bawaan)",
    )
    lap.add_argument("-o", "--output", type=Path, help="berkas .docx tujuan")
    lap.add_argument(
        "--pdf",
        action="store_true",
        help="juga buat PDF melalui LibreOffice (daftar isi diperbarui)",
    )
    lap.add_argument(
        "--gaya",
        type=Path,
        metavar="STYLE.docx",
        help="dokumen Word sebagai dasar gaya (huruf, margin, kop)",
    )
    lap.add_argument(
        "--catatan", action="store_true", help="lampirkan 'Catatan Pemeriksaan' berisi peringatan"
    )

    per = sub.add_parser("periksa", help="periksa buku kerja dan tampilkan temuan")
    per.add_argument(
        "workbook",
        nargs="?",
        type=Path,
        help="buku kerja .xlsm/.xlsx (tanpa argumen: contoh bawaan)",
    )
    per.add_argument("--json", action="store_true", help="keluaran JSON")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "periksa":
            return _periksa(args)
        return _laporan(args)
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as exc:  # last line of defence: a message, never a traceback
        print(
            f"Kesalahan internal lkjip-xl ({type(exc).__name__}): {exc}\n"
            "Mohon laporkan beserta buku kerjanya.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _workbook(args: argparse.Namespace) -> Path:
    from lkjip_xl.pipeline import example_workbook

    return args.workbook if args.workbook is not None else example_workbook()


def _periksa(args: argparse.Namespace) -> int:
    from lkjip_xl.checks import lke
    from lkjip_xl.checks.report import exit_code, findings_json, format_findings
    from lkjip_xl.pipeline import is_pemda, load_file

    path = _workbook(args)
    if is_pemda(path):
        from lkjip_xl.pemda.cli import periksa

        return periksa(path, args.json)
    loaded = load_file(path)
    kriteria = lke.nilai_kriteria(loaded.laporan)
    if args.json:
        print(findings_json(loaded.findings, {"kriteria_lke": lke.as_json(kriteria)}))
    else:
        print(f"Memeriksa {path}")
        print(format_findings(loaded.findings))
        print(lke.format_text(kriteria))
    return exit_code(loaded.findings)


def _laporan(args: argparse.Namespace) -> int:
    from rich.console import Console

    from lkjip_xl.checks.report import format_findings
    from lkjip_xl.pipeline import default_output_name, is_pemda, load_file, write_report
    from lkjip_xl.report import OutputError

    console = Console(stderr=True, highlight=False)
    path = _workbook(args)
    if is_pemda(path):
        from lkjip_xl.pemda.cli import laporan

        return laporan(path, args.output, pdf=args.pdf, gaya=args.gaya, catatan=args.catatan)
    if args.gaya is not None and not args.gaya.is_file():
        console.print(f"Berkas gaya '{args.gaya}' tidak ditemukan.")
        return EXIT_ERROR
    with console.status("Membaca dan memeriksa buku kerja") as status:
        loaded = load_file(path)
        if loaded.errors or loaded.laporan is None:
            status.stop()
            print(format_findings(loaded.findings))
            print("Laporan tidak dibuat: perbaiki kesalahan di atas lalu jalankan lagi.")
            return EXIT_ERROR
        if loaded.warnings:
            status.stop()
            print(format_findings(loaded.warnings))
            status.start()
        out = args.output or Path.cwd() / default_output_name(loaded.laporan)
        try:
            written = write_report(
                loaded,
                out,
                gaya=args.gaya,
                pdf=args.pdf,
                catatan=args.catatan,
                progress=status.update,
            )
        except OutputError as exc:
            status.stop()
            print(str(exc))
            return EXIT_OUTPUT
    for file in written:
        print(f"Tersimpan: {file}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
