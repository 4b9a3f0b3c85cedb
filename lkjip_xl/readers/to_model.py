"""From raw tables to the report model (pure: no Excel library here).

Every problem becomes a Finding naming sheet, cell, table and column; the caller decides whether
findings of severity "kesalahan" stop the report.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any

from lkjip_xl import schema
from lkjip_xl.core import model as m
from lkjip_xl.core.evaluation import evaluate
from lkjip_xl.core.findings import Finding, kesalahan
from lkjip_xl.core.rules import RENTANG, normalise_polaritas, parse_rentang
from lkjip_xl.core.values import InvalidValue, is_percent_text, shown
from lkjip_xl.readers.cells import MISSING, CellReader
from lkjip_xl.readers.tables import Row, TableData, Workbook

Record = dict[str, Any]
_YEAR = re.compile(r"[0-9]{4}")


def check_layout(
    book: Workbook,
    sheets: Iterable[schema.Sheet] = schema.SHEETS,
    tables: Iterable[schema.Table] = schema.INPUT_TABLES,
    templat: str = "",
) -> list[Finding]:
    """Missing sheets, tables and columns (with the closest existing name as a hint), for the
    OPD layout or another one (the Pemda workbook's, `templat` naming its template)."""
    findings: list[Finding] = []
    for sheet in sheets:
        if sheet.tables and sheet.name not in book.sheets:
            hint = difflib.get_close_matches(sheet.name, book.sheets, n=1)
            findings.append(
                kesalahan(
                    f"Sheet '{sheet.name}' tidak ditemukan"
                    + (f" (mungkin diganti nama menjadi '{hint[0]}'?)" if hint else "")
                    + ".",
                    sheet=sheet.name,
                    kode="sheet-hilang",
                    saran=f"Kembalikan nama sheet seperti pada templat{templat}.",
                )
            )
    for table in tables:
        data = book.tables.get(table.name)
        if data is None:
            if table.sheet in book.sheets:
                findings.append(
                    kesalahan(
                        f"Tabel Excel '{table.name}' ({table.title}) tidak ditemukan di sheet "
                        f"'{table.sheet}'.",
                        sheet=table.sheet,
                        table=table.name,
                        kode="tabel-hilang",
                        saran=f"Gunakan templat{templat or ' terbaru'}; jangan ubah tabel menjadi "
                        "rentang biasa.",
                    )
                )
            continue
        for col in table.columns:
            if col.name not in data.columns and not col.optional:
                extra = [c for c in data.columns if c not in table.column_names]
                hint = difflib.get_close_matches(col.name, extra, n=1, cutoff=0.5)
                findings.append(
                    kesalahan(
                        f"Kolom '{col.name}' tidak ada di tabel '{table.name}'"
                        + (f"; mungkin diganti nama menjadi '{hint[0]}'" if hint else "")
                        + ".",
                        sheet=data.sheet,
                        table=table.name,
                        column=col.name,
                        kode="kolom-hilang",
                        saran=f"Kembalikan judul kolom menjadi '{col.name}'.",
                    )
                )
    return findings


def records(book: Workbook, table: schema.Table, findings: list[Finding]) -> list[Record]:
    """Typed rows of one input table; rows with an unusable required cell are dropped.

    Calculated columns are not read: the model recomputes every result itself.
    """
    data = book.tables.get(table.name)
    if data is None or any(c not in data.columns for c in table.required_column_names):
        return []
    reader = CellReader(data, findings)
    out = []
    for row in data.rows:
        if _empty(row, table) or (table is schema.IDENTITAS and _blank_optional_key(row)):
            continue
        rec: Record = {"_row": row, "_table": data}
        ok = True
        for col in table.input_columns:
            if col.name not in data.columns:  # an optional column an older workbook lacks
                rec[col.name] = None
                continue
            value = reader.read(row, col.name, col.kind, col.required)
            if value is MISSING:
                ok = False
                value = None
            rec[col.name] = value
        if ok:
            out.append(rec)
    return out


def _blank_optional_key(row: Row) -> bool:
    """An Identitas key that may stay empty, left empty: read as "" (no wajib-diisi finding)."""
    kunci = str(row.get("Kunci") or "").strip().casefold()
    optional = {k.casefold() for k in schema.IDENTITAS_BOLEH_KOSONG}
    value = row.get("Nilai")
    return kunci in optional and (value is None or str(value).strip() == "")


def _empty(row: Row, table: schema.Table) -> bool:
    return all(
        row.get(c) in (None, "") or str(row.get(c)).strip() == "" for c in table.input_column_names
    )


def ref(rec: Record, column: str) -> str:
    table: TableData = rec["_table"]
    return table.ref_of(rec["_row"], column)


def build_model(book: Workbook) -> tuple[m.Laporan | None, list[Finding]]:
    """The evaluated model and every finding; the model is None when the layout is broken."""
    findings = check_layout(book)
    if findings:
        return None, findings
    rec: dict[str, list[Record]] = {t.name: records(book, t, findings) for t in schema.INPUT_TABLES}
    identitas = _identitas(rec["tblIdentitas"], findings)
    if identitas is None:
        return None, findings
    laporan = m.Laporan(identitas=identitas)
    laporan.sasaran = _sasaran(rec, findings)
    laporan.struktur = _struktur(rec["tblStruktur"], findings)
    laporan.program = [
        m.Program(r["Kode Program"], r["Program"], r["Anggaran"], r["Sumber Dana"] or "")
        for r in rec["tblProgram"]
    ]
    laporan.program_kegiatan = [
        m.ProgramKegiatan(
            r["Kode"],
            r["Tingkat"],
            r["Nama"],
            r["Indikator Output"] or "",
            r["Target Output"],
            r["Satuan Output"] or "",
            r["Bagian"] or "",
        )
        for r in rec["tblProgramKegiatan"]
    ]
    laporan.belanja = [
        m.BarisAnggaran(r["Jenis Belanja"], r["Anggaran"], r["Realisasi"])
        for r in rec["tblBelanja"]
    ]
    laporan.pendapatan = [
        m.BarisAnggaran(r["Uraian"], r["Target"], r["Realisasi"]) for r in rec["tblPendapatan"]
    ]
    laporan.sdm = [m.BarisSDM(r["Kelompok"], r["Uraian"], r["Jumlah"]) for r in rec["tblSDM"]]
    laporan.aset = [m.Aset(r["Jenis Aset"], r["Nilai Aset"]) for r in rec["tblAset"]]
    laporan.tugas_fungsi = [r["Tugas Fungsi"] for r in _by(rec["tblTugasFungsi"], "No")]
    laporan.isu_strategis = [r["Isu Strategis"] for r in _by(rec["tblIsuStrategis"], "No")]
    laporan.isu_bagian = [m.IsuBagian(r["Bagian"], r["Isu Strategis"]) for r in rec["tblIsuBagian"]]
    laporan.ikm_unsur = [
        m.UnsurIKM(r["Tahun"], r["Kode Unsur"], r["Unsur Pelayanan"], r["NRR"])
        for r in rec["tblIKMUnsur"]
    ]
    laporan.narasi = _narasi(rec["tblNarasi"])
    findings.extend(evaluate(laporan))
    return laporan, findings


def _by(rows: list[Record], column: str) -> list[Record]:
    return sorted(rows, key=lambda r: r[column])


def _identitas(rows: list[Record], findings: list[Finding]) -> m.Identitas | None:
    values: dict[str, Any] = {}
    by_key = {str(r["Kunci"]).strip().lower(): r for r in rows}
    for label, field_name in schema.IDENTITAS_KEYS:
        r = by_key.get(label.lower())
        values[field_name] = r["Nilai"] if r else None
        values["_ref_" + field_name] = ref(r, "Nilai") if r else ""
    for field_name in ("tahun", "renstra_awal", "renstra_akhir"):
        raw = values[field_name]
        # A year is 4 ASCII digits: a whole number cell reads as "2022"; "2022,5", "2e3",
        # "inf", full-width or Arabic-Indic digits are errors, never rounded or guessed.
        if isinstance(raw, str) and _YEAR.fullmatch(raw.strip()):
            values[field_name] = int(raw.strip())
        else:
            label = next(lbl for lbl, f in schema.IDENTITAS_KEYS if f == field_name)
            sheet, _, cell = values["_ref_" + field_name].rpartition("!")
            findings.append(
                kesalahan(
                    f"'{label}' pada tabel Identitas harus berupa tahun 4 angka, mis. 2022"
                    f" (terisi: {shown(str(raw)) if raw is not None else 'kosong'}).",
                    sheet=sheet.strip("'") or "Identitas",
                    cell=cell or None,
                    table="tblIdentitas",
                    column="Nilai",
                    kode="identitas-tahun",
                )
            )
            return None
    if not values["nama_instansi"]:
        findings.append(
            kesalahan(
                "'Nama Instansi' pada tabel Identitas wajib diisi.",
                sheet="Identitas",
                table="tblIdentitas",
                column="Nilai",
                kode="wajib-diisi",
            )
        )
        return None
    kwargs = {f: (values[f] if values[f] is not None else "") for _, f in schema.IDENTITAS_KEYS}
    kwargs["skala_predikat"] = kwargs["skala_predikat"] or "tabel_3_1"
    kwargs["skala_kategori"] = kwargs["skala_kategori"] or "tabel_3_2"
    kwargs["gaya_rupiah"] = kwargs["gaya_rupiah"] or "puebi"
    return m.Identitas(
        **{
            k: (str(v) if k not in ("tahun", "renstra_awal", "renstra_akhir") else v)
            for k, v in kwargs.items()
        }
    )


def _sasaran(rec: dict[str, list[Record]], findings: list[Finding]) -> list[m.Sasaran]:
    sasaran = {
        r["Kode Sasaran"]: m.Sasaran(
            r["Kode Sasaran"],
            r["Sasaran"],
            r["Tujuan"] or "",
            kode_sasaran_rpjmd=r["Kode Sasaran RPJMD"] or "",
            refs={c: ref(r, c) for c in schema.SASARAN.column_names},
        )
        for r in rec["tblSasaran"]
    }
    indikator: dict[str, m.Indikator] = {}
    for r in rec["tblIndikator"]:
        ind = m.Indikator(
            kode=r["Kode Indikator"],
            kode_sasaran=r["Kode Sasaran"],
            uraian=r["Indikator"],
            satuan=r["Satuan"],
            polaritas=(r["Polaritas"] or "naik").lower(),
            skala=r["Skala"],
            target_akhir_renstra=r["Target Akhir Renstra"],
            penanggung_jawab=r["Penanggung Jawab"] or "",
            refs={c: ref(r, c) for c in schema.INDIKATOR.column_names},
            standar_nasional=r.get("Standar Nasional"),
            sumber_standar=r.get("Sumber Standar Nasional") or "",
        )
        if ind.kode_sasaran not in sasaran:
            _unknown(findings, r, "Kode Sasaran", ind.kode_sasaran, "tblSasaran")
            continue
        indikator[ind.kode] = ind
        sasaran[ind.kode_sasaran].indikator.append(ind)

    def kinerja(r: Record) -> m.KinerjaTahun | None:
        ind = indikator.get(r["Kode Indikator"])
        if ind is None:
            _unknown(findings, r, "Kode Indikator", r["Kode Indikator"], "tblIndikator")
            return None
        return ind.kinerja.setdefault(r["Tahun"], m.KinerjaTahun(r["Tahun"], None, None))

    _fill(rec["tblTarget"], kinerja, _set_target)
    _fill(rec["tblRealisasi"], kinerja, _set_realisasi)
    _fill(rec["tblKomponen"], kinerja, _add_komponen)
    for ind in indikator.values():
        normalise_rentang(ind)
    for r in rec["tblAnggaranSasaran"]:
        sas = sasaran.get(r["Kode Sasaran"])
        if sas is None:
            _unknown(findings, r, "Kode Sasaran", r["Kode Sasaran"], "tblSasaran")
            continue
        sas.anggaran, sas.realisasi_anggaran = r["Anggaran"], r["Realisasi"]
        sas.refs.update({f"Anggaran {c}": ref(r, c) for c in ("Anggaran", "Realisasi")})
    return list(sasaran.values())


def _struktur(rows: list[Record], findings: list[Finding]) -> list[m.UnitOrganisasi]:
    """Units in table order; an unknown Kode Atasan is a finding and the unit is kept as a
    top-level box (so the chart still shows it). Cycles: checks.struktur."""
    known = {r["Kode Unit"] for r in rows}
    units = []
    for r in rows:
        atasan = r["Kode Atasan"] or None
        if atasan is not None and atasan not in known:
            _unknown(findings, r, "Kode Atasan", atasan, "tblStruktur (kolom Kode Unit)")
            atasan = None
        units.append(
            m.UnitOrganisasi(
                r["Kode Unit"],
                r["Unit Organisasi"],
                atasan,
                r["Nama Pejabat"] or "",
                refs={c: ref(r, c) for c in schema.STRUKTUR.column_names},
            )
        )
    return units


def _fill(
    rows: list[Record],
    kinerja: Callable[[Record], m.KinerjaTahun | None],
    apply: Callable[[m.KinerjaTahun, Record], None],
) -> None:
    for r in rows:
        kin = kinerja(r)
        if kin is not None:
            apply(kin, r)


def normalise_rentang(ind: m.Indikator) -> None:
    """Contract 1: a rentang indicator's target is its lower bound and batas_atas its upper
    bound, whichever way staff typed it ("60-85", "60 s.d. 85", ... in Target, or Target with
    Batas Atas). A range text whose upper bound contradicts a typed Batas Atas stays as typed:
    the rule then rejects it with a message naming both."""
    try:
        if normalise_polaritas(ind.polaritas) != RENTANG:
            return
    except InvalidValue:
        return
    for kin in ind.kinerja.values():
        bounds = parse_rentang(kin.target)
        if bounds is not None and kin.batas_atas in (None, bounds[1]):
            kin.target, kin.batas_atas = bounds
    bounds = parse_rentang(ind.target_akhir_renstra)
    if bounds is not None:
        ind.target_akhir_renstra, ind.batas_atas_akhir_renstra = bounds


def _set_target(kin: m.KinerjaTahun, r: Record) -> None:
    kin.target, kin.batas_atas = r["Target"], r["Batas Atas"]
    kin.refs["Target"] = ref(r, "Target")


def _set_realisasi(kin: m.KinerjaTahun, r: Record) -> None:
    kin.realisasi, kin.keterangan = r["Realisasi"], r["Keterangan"] or ""
    kin.refs["Realisasi"] = ref(r, "Realisasi")
    kin.capaian_dilaporkan = _fraction_cell(r, "Capaian Dilaporkan")
    if kin.capaian_dilaporkan is not None:
        kin.refs["Capaian Dilaporkan"] = ref(r, "Capaian Dilaporkan")


def _fraction_cell(r: Record, column: str) -> float | None:
    """A percent cell as a fraction: Excel hands over 0.96 for 96,00%; text typed "96,00%"
    (which the cell reader reads as 96) is divided by 100 like Excel would."""
    value = r.get(column)
    if value is None:
        return None
    raw = r["_row"].get(column)
    return float(value) / 100.0 if is_percent_text(raw) else float(value)


def _add_komponen(kin: m.KinerjaTahun, r: Record) -> None:
    kin.komponen.append(
        m.Komponen(
            r["Komponen"],
            r["Target Komponen"],
            r["Realisasi Komponen"],
            r["Basis"],
            r["Satuan Komponen"] or "",
            refs={c: ref(r, c) for c in ("Realisasi Komponen", "Basis")},
        )
    )


def _unknown(findings: list[Finding], r: Record, column: str, value: object, target: str) -> None:
    table: TableData = r["_table"]
    findings.append(
        kesalahan(
            f"{column} '{value}' tidak terdaftar di tabel {target}.",
            sheet=table.sheet,
            cell=r["_row"].cell(column),
            table=table.name,
            column=column,
            kode="kode-tidak-dikenal",
            saran=f"Samakan dengan kode di tabel {target}.",
        )
    )


def _narasi(rows: list[Record]) -> dict[str, list[m.Narasi]]:
    out: dict[str, list[tuple[int, m.Narasi]]] = {}
    for r in rows:
        out.setdefault(r["Bagian"], []).append((r["Urutan"], m.Narasi(r["Gaya"], r["Teks"])))
    return {k: [n for _, n in sorted(v, key=lambda t: t[0])] for k, v in out.items()}
