"""`lkjip-xl periksa` and `lkjip-xl laporan` on a Pemda workbook (lkjip_xl.cli dispatches here
when pemda.detect.is_pemda_file says so, after its own checks of the command line, the style
file and the output name). Exit codes as the OPD path: periksa 0/1/2 (see pemda.output);
laporan 0 written, 2 blocked (nothing written), 3 output not writable, 6 the .docx was written
but not the PDF. Text goes through the CLI's streams, so any console encoding is safe."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_ERROR, EXIT_OUTPUT, EXIT_PDF = 0, 2, 3, 6
#: Reading mode of the OPD workbooks (auto/serial/threads/processes); for diagnosis only.
MODE_ENV = "LKJIP_XL_PARALEL"

Say = Callable[[str], None]


def _mode() -> str:
    from lkjip_xl.pemda.parallel import MODES

    mode = os.environ.get(MODE_ENV, "auto").strip().casefold()
    return mode if mode in MODES else "auto"


def periksa(path: Path, as_json: bool = False, say: Say = print) -> int:
    from lkjip_xl.pemda.output import format_temuan, temuan_json
    from lkjip_xl.pemda.pipeline import load_pemda_file

    loaded = load_pemda_file(path, mode=_mode())
    if as_json:
        say(temuan_json(loaded))
    else:
        say(f"Memeriksa {path} (buku kerja LKjIP Pemda)")
        say(format_temuan(loaded))
    return loaded.exit_code


class _Quiet:
    def stop(self) -> None: ...
    def start(self) -> None: ...
    def update(self, _text: str) -> None: ...
    def __enter__(self) -> _Quiet:
        return self

    def __exit__(self, *_exc: object) -> None: ...


class _Print:
    """The CLI's io when the caller has none (tests, other scripts)."""

    def out(self, text: str) -> None:
        print(text)

    def err(self, text: str) -> None:
        import sys

        print(text, file=sys.stderr)


def laporan(
    path: Path,
    output: Path | None = None,
    *,
    pdf: bool = False,
    gaya: Path | None = None,
    catatan: bool = False,
    io: Any = None,
    status: Any = None,
) -> int:
    from lkjip_xl.pemda.output import format_temuan
    from lkjip_xl.pemda.pipeline import default_output_name, load_pemda_file, write_report
    from lkjip_xl.report.output import OutputError, PdfFailed

    io = io or _Print()
    with status or _Quiet() as spinner:
        loaded = load_pemda_file(path, mode=_mode(), progress=spinner.update)
        if not loaded.can_write or loaded.kons is None:
            spinner.stop()
            io.out(format_temuan(loaded))
            io.out(
                "Laporan Pemda tidak dibuat: perbaiki temuan yang menghambat lalu jalankan lagi."
            )
            return EXIT_ERROR
        if loaded.temuan or loaded.kons.excluded:
            spinner.stop()
            io.out(format_temuan(loaded))
            spinner.start()
        out = output or Path.cwd() / default_output_name(loaded.kons)
        try:
            written = write_report(
                loaded, out, gaya=gaya, pdf=pdf, catatan=catatan, progress=spinner.update
            )
        except PdfFailed as exc:
            spinner.stop()
            io.out(f"Tersimpan: {exc.docx}")
            io.err(exc.message)
            return EXIT_PDF
        except OutputError as exc:
            spinner.stop()
            io.err(exc.message)
            return EXIT_OUTPUT
    for file in written:
        io.out(f"Tersimpan: {file}")
    return EXIT_OK
