"""BAB III AKUNTABILITAS KINERJA, one module per subsection:

- kerangka: 3.1 measurement framework (formulas, predikat and kategori scales);
- capaian_iku: 3.2 capaian IKU of the report year (Tabel 3.3, chart, summary);
- perbandingan: 3.3 opening, multi-year comparison (Tabel 3.4, trend chart);
- sasaran: 3.3.N per sasaran, the seven analyses of PermenPAN-RB 53/2014 (sentences in
  analisis);
- keuangan: 3.4 financial accountability and efficiency.

Every figure comes from the evaluated model (core.evaluation) or a core.rules function; numbers
are formatted by core.numbers. How generated text and narrative combine: sections.teks.
"""

from __future__ import annotations

from lkjip_xl.report.sections.bab3 import capaian_iku, kerangka, keuangan, perbandingan, sasaran
from lkjip_xl.report.writer import Writer


def write(w: Writer) -> None:
    w.captions.start_chapter(3)
    w.heading("BAB III\nAKUNTABILITAS KINERJA", 1, page_break=True)
    w.narasi("akuntabilitas_kinerja")
    kerangka.write(w)
    capaian_iku.write(w)
    perbandingan.write(w)
    for no, sas in enumerate(w.lap.sasaran, 1):
        sasaran.write(w, no, sas)
    keuangan.write(w)
