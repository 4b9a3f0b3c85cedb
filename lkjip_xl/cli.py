"""`lkjip-xl`: the headless path (no Excel needed). A thin adapter over `pipeline`.

Exit codes (README, "Commands"):
0 ok; 1 warnings only (periksa); 2 the workbook or the style file has errors; 3 the output
could not be written (or the messages themselves could not be written, e.g. a full disk);
4 internal error (reported without a traceback); 5 the command line is wrong (usage);
6 the .docx was written but the PDF could not be made; 128 + n stopped by signal n
(130 Ctrl+C, 143 SIGTERM, 129 SIGHUP), leaving no partial file.

Output is safe on any console: characters the console encoding (cp1252, cp437) cannot show
are replaced, a closed pipe (`lkjip-xl periksa | head`) ends quietly.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from lkjip_xl import __version__
from lkjip_xl.cli_args import EXIT_USAGE, build_parser

EXIT_OK, EXIT_WARN, EXIT_ERROR, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_PDF = 6

__all__ = ["EXIT_USAGE", "main"]


class _Streams:
    """stdout/stderr that never raise: replace what the encoding cannot show, go quiet on a
    closed pipe, remember a write error (disk full) for the exit code."""

    def __init__(self) -> None:
        self.error: OSError | None = None
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(AttributeError, ValueError, OSError):
                stream.reconfigure(errors="replace")  # type: ignore[union-attr]

    def out(self, text: str) -> None:
        self._write(sys.stdout, text)

    def err(self, text: str) -> None:
        self._write(sys.stderr, text)

    def _write(self, stream, text: str) -> None:  # type: ignore[no-untyped-def]
        if stream is None:
            return
        try:
            print(text, file=stream)
        except BrokenPipeError:
            _silence(stream)
        except (OSError, ValueError) as exc:
            if stream is sys.stdout and isinstance(exc, OSError):
                self.error = exc
            _silence(stream)

    def finish(self, code: int) -> int:
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except BrokenPipeError:
                _silence(stream)
            except (OSError, ValueError) as exc:
                if stream is sys.stdout and isinstance(exc, OSError):
                    self.error = exc
                _silence(stream)
        if self.error is not None:
            self.err(
                "Hasil tidak dapat ditulis ke keluaran "
                f"({self.error.strerror or type(self.error).__name__})."
            )
            return EXIT_OUTPUT
        return code


def _silence(stream) -> None:  # type: ignore[no-untyped-def]
    """Point a dead stream at os.devnull, so Python's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    from lkjip_xl.report.output import Interrupted, signals_raise

    io = _Streams()
    try:
        args = build_parser(__version__, io.err).parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) or a usage error (EXIT_USAGE)
        code = exc.code if isinstance(exc.code, int) else EXIT_USAGE if exc.code else EXIT_OK
        return io.finish(code)
    try:
        with signals_raise():
            if args.command == "pasang-excel":
                from lkjip_xl.excel_setup import main as pasang_excel

                code = pasang_excel(io.out)
            else:
                code = _periksa(args, io) if args.command == "periksa" else _laporan(args, io)
    except Interrupted as exc:
        io.err("Dihentikan; tidak ada berkas setengah jadi yang tertinggal.")
        code = 128 + exc.signum
    except KeyboardInterrupt:
        io.err("Dibatalkan.")
        code = 130
    except Exception as exc:  # last line of defence: a message, never a traceback
        io.err(
            f"Kesalahan internal lkjip-xl ({type(exc).__name__}): {str(exc)[:300]}\n"
            "Mohon laporkan beserta buku kerjanya."
        )
        code = EXIT_INTERNAL
    return io.finish(code)


def _workbook(args: argparse.Namespace) -> Path:
    from lkjip_xl.pipeline import example_workbook

    return Path(args.workbook) if args.workbook is not None else example_workbook()


def _periksa(args: argparse.Namespace, io: _Streams) -> int:
    from lkjip_xl.checks import lke
    from lkjip_xl.checks.report import exit_code, findings_json, format_findings
    from lkjip_xl.pipeline import is_pemda, load_file

    path = _workbook(args)
    if is_pemda(path):
        from lkjip_xl.pemda.cli import periksa

        return periksa(path, args.json, say=io.out)
    loaded = load_file(path)
    kriteria = lke.nilai_kriteria(loaded.laporan)
    if args.json:
        io.out(findings_json(loaded.findings, {"kriteria_lke": lke.as_json(kriteria)}))
    else:
        io.out(f"Memeriksa {path}")
        io.out(format_findings(loaded.findings))
        if loaded.laporan is not None:  # nine "belum dapat dibaca" lines would only be noise
            io.out(lke.format_text(kriteria))
    return exit_code(loaded.findings)


def _laporan(args: argparse.Namespace, io: _Streams) -> int:
    from lkjip_xl.checks.report import format_findings
    from lkjip_xl.pipeline import (
        check_outputs,
        default_output_name,
        is_pemda,
        load_file,
        write_report,
    )
    from lkjip_xl.readers.style_file import style_problem
    from lkjip_xl.report.output import BadOutputName, OutputError, PdfFailed

    path = _workbook(args)
    gaya = Path(args.gaya) if args.gaya is not None else None
    if gaya is not None:
        problem = style_problem(gaya)
        if problem:
            io.err(problem + " Berikan dokumen Word (.docx) sebagai --gaya.")
            return EXIT_ERROR
    if args.output is not None and not args.output.strip():
        io.err("Nama berkas keluaran (-o) kosong. Contoh: -o laporan.docx")
        return EXIT_USAGE
    out = Path(args.output) if args.output is not None else None
    if out is not None:
        try:
            check_outputs(out, path, gaya, args.pdf)
        except OutputError as exc:
            io.err(exc.message)
            return EXIT_USAGE if isinstance(exc, BadOutputName) else EXIT_OUTPUT
    if is_pemda(path):
        from lkjip_xl.pemda.cli import laporan

        return laporan(
            path, out, pdf=args.pdf, gaya=gaya, catatan=args.catatan, io=io, status=_status()
        )
    with _status() as status:
        loaded = load_file(path)
        if loaded.errors or loaded.laporan is None:
            status.stop()
            io.out(format_findings(loaded.findings))
            io.out("Laporan tidak dibuat: perbaiki kesalahan di atas lalu jalankan lagi.")
            return EXIT_ERROR
        if loaded.warnings:
            status.stop()
            io.out(format_findings(loaded.warnings))
            status.start()
        out = out or Path.cwd() / default_output_name(loaded.laporan)
        try:
            written = write_report(
                loaded, out, gaya=gaya, pdf=args.pdf, catatan=args.catatan, progress=status.update
            )
        except PdfFailed as exc:
            status.stop()
            io.out(f"Tersimpan: {exc.docx}")
            io.err(exc.message)
            return EXIT_PDF
        except OutputError as exc:
            status.stop()
            io.err(exc.message)
            return EXIT_OUTPUT
    for file in written:
        io.out(f"Tersimpan: {file}")
    return EXIT_OK


class _NoStatus:
    def stop(self) -> None: ...
    def start(self) -> None: ...
    def update(self, _text: str) -> None: ...
    def __enter__(self) -> _NoStatus:
        return self

    def __exit__(self, *_exc: object) -> None: ...


def _status():  # type: ignore[no-untyped-def]
    """A spinner on an interactive console (rich), nothing otherwise."""
    if not sys.stderr or not sys.stderr.isatty():
        return _NoStatus()
    from rich.console import Console

    return Console(stderr=True, highlight=False).status("Membaca dan memeriksa buku kerja")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
