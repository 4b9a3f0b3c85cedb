"""The signature block (place and date, jabatan, room to sign, name, pangkat, NIP): a mixin of
the Writer, so section modules call ``w.signature()``."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from lkjip_xl.report import styles


class Signature:
    def signature(self) -> None:
        """Place, date, jabatan, space to sign, name (bold, underlined), pangkat, NIP."""
        ident = self.ident
        style = styles.TANDA_TANGAN
        self._keep_last_paragraph_with_next()
        place = ", ".join(x for x in (ident.kota, self.tanggal()) if x)
        first = self.p(place, style)
        first.paragraph_format.space_before = Pt(18)
        first.paragraph_format.keep_with_next = True
        for line in (ident.jabatan_penandatangan or "").split("\n"):
            self.p(line.strip(), style, bold=True).paragraph_format.keep_with_next = True
        for _ in range(3):
            self.p("", style).paragraph_format.keep_with_next = True
        name = self.parts([(ident.nama_penandatangan or "", "bu")], style)
        name.paragraph_format.keep_with_next = True
        if ident.pangkat_penandatangan:
            self.p(ident.pangkat_penandatangan, style).paragraph_format.keep_with_next = True
        if ident.nip_penandatangan:
            self.p(f"NIP. {ident.nip_penandatangan}", style)

    def _keep_last_paragraph_with_next(self) -> None:
        """A signature block must not stand alone on a page: it takes the last paragraph along."""
        last = self._sect_pr.getprevious()
        if last is not None and last.tag == qn("w:p"):
            Paragraph(last, self.doc._body).paragraph_format.keep_with_next = True
