"""LKjIP of a Pemerintah Daerah from its OPD workbooks, every number traceable to its cell.

Pure core (no Excel or Word):
- schema: the Pemda workbook layout as data; model: Pemda data, OPD results, the consolidated
  result and Jejak Data; cascade: OPD realisasi -> IKU realisasi (sama, rata-rata, jumlah,
  tertimbang); checks: cross-OPD checks; consolidate, jejak_iku, rekap: the consolidation with
  the same core rules as every OPD (core.evaluation, core.rules); jejak: trail helpers;
  format: how a value is printed (report and Jejak Data alike); rekap_sheet: the Rekap rows.
Readers: reader, reader_kaskade, rows (Pemda tables -> model, via readers.to_model.records);
opd (one OPD workbook through the OPD path, in a worker); parallel (many of them); detect
(is this a Pemda workbook?); workbook.yaml_source (the example's text sources).
Edges: pipeline (file -> consolidation -> document), cli, output, macro (the button).
Report: pemda.report (sections on the OPD report's Writer). Build time: pemda.workbook.
"""
