"""The xlwings user-defined functions (CAPAIAN, PREDIKAT, EFISIENSI, ...): thin adapters over
lkjip_xl.core; `functions` is the module the workbook's xlwings.conf names."""
