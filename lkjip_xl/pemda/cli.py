"""`lkjip-xl periksa` and `lkjip-xl laporan` on a Pemda workbook (lkjip_xl.cli dispatches here
when pemda.detect.is_pemda_file says so). Exit codes as the OPD path: periksa 0/1/2 (see
pemda.output), laporan 0 written, 2 blocked (nothing written), 3 output not writable."""

from __future__ import annotations

import os
from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_OUTPUT = 0, 2, 3
#: Reading mode of the OPD workbooks (auto/serial/threads/processes); for diagnosis only.
MODE_ENV = "LKJIP_XL_PARALEL"


def _mode() -> str:
    from lkjip_xl.pemda.parallel import MODES

    mode = os.environ.get(MODE_ENV, "auto").strip().casefold()
    return mode if mode in MODES else "auto"


def periksa(path: Path, as_json: bool = False) -> int:
    from lkjip_xl.pemda.output import format_temuan, temuan_json
    from lkjip_xl.pemda.pipeline import load_pemda_file

    loaded = load_pemda_file(path, mode=_mode())
    if as_json:
        print(temuan_json(loaded))
    else:
        print(f"Memeriksa {path} (buku kerja LKjIP Pemda)")
        print(format_temuan(loaded))
    return loaded.exit_code


def laporan(
    path: Path,
    output: Path | None = None,
    *,
    pdf: bool = False,
    gaya: Path | None = None,
    catatan: bool = False,
) -> int:
    from rich.console import Console

    from lkjip_xl.pemda.output import format_temuan
    from lkjip_xl.pemda.pipeline import default_output_name, load_pemda_file, write_report
    from lkjip_xl.report import OutputError

    console = Console(stderr=True, highlight=False)
    if gaya is not None and not gaya.is_file():
        console.print(f"Berkas gaya '{gaya}' tidak ditemukan.")
        return EXIT_ERROR
    with console.status("Membaca buku kerja Pemda dan buku kerja OPD") as status:
        loaded = load_pemda_file(path, mode=_mode(), progress=status.update)
        if not loaded.can_write or loaded.kons is None:
            status.stop()
            print(format_temuan(loaded))
            print("Laporan Pemda tidak dibuat: perbaiki temuan yang menghambat lalu jalankan lagi.")
            return EXIT_ERROR
        if loaded.temuan or loaded.kons.excluded:
            status.stop()
            print(format_temuan(loaded))
            status.start()
        out = output or Path.cwd() / default_output_name(loaded.kons)
        try:
            written = write_report(
                loaded, out, gaya=gaya, pdf=pdf, catatan=catatan, progress=status.update
            )
        except OutputError as exc:
            status.stop()
            print(str(exc))
            return EXIT_OUTPUT
    for file in written:
        print(f"Tersimpan: {file}")
    return EXIT_OK
