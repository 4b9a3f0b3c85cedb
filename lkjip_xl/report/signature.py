"""The signature block (place and date, jabatan, room to sign, name, pangkat, NIP): a mixin of
the Writer, so section modules call ``w.signature()``."""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from lkjip_xl.report import styles, textmetrics

_MARGIN_CM = 0.3  # air kept right of the widest line


def fit_indent(paragraphs: Sequence[Paragraph], text_width_cm: float) -> None:
    """Move the block left just enough that its widest line (a name with its degrees,
    "dr. NAMA PANJANG, M.Kes.") stays on one line; a name broken before its degree reads as
    two people. Widths from textmetrics (the body font's metrics)."""
    widest = max(
        (
            textmetrics.width_cm(p.text, styles.BODY_PT, bold=any(r.bold for r in p.runs))
            for p in paragraphs
        ),
        default=0.0,
    )
    indent = min(styles.SIGN_INDENT_CM, text_width_cm - widest - _MARGIN_CM)
    if indent < styles.SIGN_INDENT_CM:
        for p in paragraphs:
            p.paragraph_format.left_indent = Cm(max(indent, 0.0))


class Signature:
    def signature(self) -> None:
        """Place, date, jabatan, space to sign, name (bold, underlined), pangkat, NIP."""
        ident = self.ident
        style = styles.TANDA_TANGAN
        self._keep_last_paragraph_with_next()
        place = ", ".join(x for x in (ident.kota, self.tanggal()) if x)
        block = []
        first = self.p(place, style)
        block.append(first)
        first.paragraph_format.space_before = Pt(18)
        first.paragraph_format.keep_with_next = True
        for line in (ident.jabatan_penandatangan or "").split("\n"):
            block.append(self.p(line.strip(), style, bold=True))
            block[-1].paragraph_format.keep_with_next = True
        for _ in range(3):
            self.p("", style).paragraph_format.keep_with_next = True
        name = self.parts([(ident.nama_penandatangan or "", "bu")], style)
        name.paragraph_format.keep_with_next = True
        block.append(name)
        if ident.pangkat_penandatangan:
            block.append(self.p(ident.pangkat_penandatangan, style))
            block[-1].paragraph_format.keep_with_next = True
        if ident.nip_penandatangan:
            block.append(self.p(f"NIP. {ident.nip_penandatangan}", style))
        fit_indent(block, self.text_width)

    def _keep_last_paragraph_with_next(self) -> None:
        """A signature block must not stand alone on a page: it takes the last paragraph along."""
        last = self._sect_pr.getprevious()
        if last is not None and last.tag == qn("w:p"):
            Paragraph(last, self.doc._body).paragraph_format.keep_with_next = True
