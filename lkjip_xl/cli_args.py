"""The command line of `lkjip-xl` in Bahasa Indonesia, with its own exit code for usage errors.

argparse speaks English and exits with 2 on a usage error, which `lkjip-xl` uses for "the
workbook has errors". Here usage errors exit with EXIT_USAGE (5) and argparse's messages are
translated; the help is written in Indonesian.
"""

from __future__ import annotations

import argparse
import contextlib
import re
from collections.abc import Callable

EXIT_USAGE = 5

#: argparse's English error messages (Python 3.11-3.13 wording) and their Indonesian form.
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), replacement)
    for pattern, replacement in (
        (r"the following arguments are required: (.*)", r"argumen wajib belum diisi: \1"),
        (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
        (
            r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)",
            r"argumen \1: pilihan \2 tidak dikenal (pilih salah satu: \3)",
        ),
        (r"argument (.*?): expected one argument", r"argumen \1 memerlukan satu nilai"),
        (r"argument (.*?): expected at most one argument", r"argumen \1 paling banyak satu nilai"),
        (r"argument (.*?): ignored explicit argument (.*)", r"argumen \1 tidak menerima nilai \2"),
        (r"argument (.*?): invalid (.*?) value: (.*)", r"argumen \1: nilai \3 tidak valid"),
        (r"argument (.*?): not allowed with argument (.*)", r"argumen \1 tidak boleh bersama \2"),
        (r"ambiguous option: (.*?) could match (.*)", r"opsi \1 ambigu: bisa berarti \2"),
        (r"expected one argument", r"memerlukan satu nilai"),
    )
)


def translate(message: str) -> str:
    for pattern, replacement in _MESSAGES:
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message)
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "Penggunaan: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser with Indonesian headings, errors and exit code."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.write_error: Callable[[str], None] = print
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str):  # type: ignore[no-untyped-def,override]
        self.write_error(self.format_usage().rstrip())
        self.write_error(
            f"{self.prog}: kesalahan perintah: {translate(message)}\n"
            f"Lihat '{self.prog} --help' untuk cara pemakaian."
        )
        raise SystemExit(EXIT_USAGE)

    def print_help(self, file=None) -> None:  # type: ignore[no-untyped-def]
        with contextlib.suppress(BrokenPipeError, OSError):
            super().print_help(file)


def build_parser(version: str, write_error: Callable[[str], None]) -> argparse.ArgumentParser:
    p = _Parser(
        prog="lkjip-xl",
        description="LKjIP dari buku kerja Excel: periksa data dan susun laporan Word.",
        epilog="Kode keluar: 0 beres, 1 hanya peringatan, 2 buku kerja/berkas gaya salah, "
        "3 keluaran tidak dapat ditulis, 4 kesalahan internal, 5 perintah salah, "
        "6 .docx tersimpan tetapi PDF gagal.",
    )
    p.add_argument(
        "--version",
        action="version",
        version=f"lkjip-xl {version}",
        help="tampilkan versi lalu keluar",
    )
    sub = p.add_subparsers(
        dest="command", required=True, metavar="PERINTAH", title="perintah", parser_class=_Parser
    )
    lap = sub.add_parser("laporan", help="susun laporan Word (.docx) dari buku kerja")
    lap.add_argument(
        "workbook",
        nargs="?",
        metavar="BUKU_KERJA",
        help="buku kerja .xlsm/.xlsx (tanpa argumen: contoh bawaan)",
    )
    lap.add_argument("-o", "--output", metavar="BERKAS.docx", help="berkas .docx tujuan")
    lap.add_argument(
        "--pdf",
        action="store_true",
        help="juga buat PDF di sebelah .docx melalui LibreOffice (daftar isi diperbarui)",
    )
    lap.add_argument(
        "--gaya", metavar="GAYA.docx", help="dokumen Word sebagai dasar gaya (huruf, margin, kop)"
    )
    lap.add_argument(
        "--catatan", action="store_true", help="lampirkan 'Catatan Pemeriksaan' berisi peringatan"
    )
    per = sub.add_parser("periksa", help="periksa buku kerja dan tampilkan temuan")
    per.add_argument(
        "workbook",
        nargs="?",
        metavar="BUKU_KERJA",
        help="buku kerja .xlsm/.xlsx (tanpa argumen: contoh bawaan)",
    )
    per.add_argument("--json", action="store_true", help="keluaran JSON")
    for parser in (p, lap, per):
        parser.write_error = write_error  # type: ignore[attr-defined]
    return p
