"""An XLSForm for reporting activities offline (ODK Collect, KoboToolbox, Enketo, Survey123).

The form's choices come from the data: kelurahan, their KIM and potentials
(cascading with ``choice_filter``), and the region's activity vocabulary. The
questions sit in one group, ``laporan``, so an ODK Central CSV export names
them ``laporan-potensi``, ``laporan-tanggal`` … which is what
:mod:`geo.impor.formulir` reads back. Labels are in Indonesian and English.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from geo.masuk.dataset import Dataset
from geo.masuk.kegiatan import jenis_kegiatan
from geo.simpan.berkas import tulis_atomik
from geo.simpan.lingkup import PENINJAU, Akun, dalam_lingkup, normalisasi_lingkup
from geo.slug import slug

GRUP = "laporan"
ID = "label::Bahasa Indonesia (id)"
EN = "label::English (en)"
PESAN_ID = "constraint_message::Bahasa Indonesia (id)"
PESAN_EN = "constraint_message::English (en)"
# name → (type, Indonesian label, English label, extra columns)
PERTANYAAN: tuple[tuple[str, str, str, str, dict[str, str]], ...] = (
    ("kelurahan", "select_one kelurahan", "Kelurahan", "Kelurahan (village)", {"required": "yes"}),
    ("kim", "select_one kim", "KIM", "KIM (community information group)", {"required": "yes", "choice_filter": "kelurahan=${kelurahan}"}),
    ("potensi", "select_one potensi", "Potensi", "Local potential", {"required": "yes", "choice_filter": "kim=${kim}"}),
    ("tanggal", "date", "Tanggal kegiatan", "Date of the activity",
     {"required": "yes", "default": "today()", "constraint": ". <= today()",
      PESAN_ID: "Tanggal tidak boleh di masa depan", PESAN_EN: "The date cannot be in the future"}),
    ("jenis_kegiatan", "select_one jenis_kegiatan", "Jenis kegiatan", "Type of activity", {"required": "yes"}),
    ("peserta", "integer", "Jumlah peserta", "Number of participants",
     {"constraint": ". >= 0", PESAN_ID: "Tidak boleh negatif", PESAN_EN: "Cannot be negative"}),
    ("keterangan", "text", "Catatan singkat", "Short note", {}),
    ("lokasi", "geopoint", "Lokasi kegiatan (GPS)", "Location of the activity (GPS)", {}),
    ("foto", "image", "Foto kegiatan", "Photo of the activity", {"parameters": "max-pixels=1600"}),
)
KOLOM_SURVEY = ("type", "name", ID, EN, "required", "default", "constraint", PESAN_ID, PESAN_EN, "choice_filter", "parameters")
KOLOM_CHOICES = ("list_name", "name", ID, EN, "kelurahan", "kim")


def nama_kim(kode_kelurahan: str, nama: str) -> str:
    """The choice name of a KIM: unique across kelurahan, stable, XML-safe."""
    return f"{slug(kode_kelurahan, '_')}_{slug(nama, '_')}"


def lembar_formulir(dataset: Dataset, wilayah: str = "", akun: Akun | None = None) -> dict[str, pd.DataFrame]:
    """The survey, choices and settings sheets for the potentials under ``wilayah`` (a code prefix)."""
    lingkup = normalisasi_lingkup(wilayah)
    potensi = pd.DataFrame(dataset.potensi.drop(columns="geometry", errors="ignore"))
    saring = Akun("formulir", PENINJAU, lingkup)
    potensi = potensi[potensi["kode_kelurahan"].map(lambda k: dalam_lingkup(saring, k) and (akun is None or dalam_lingkup(akun, k)))]
    survey = [{"type": "begin_group", "name": GRUP, ID: "Laporan kegiatan KIM", EN: "KIM activity report"}]
    survey += [{"type": t, "name": n, ID: i, EN: e, **x} for n, t, i, e, x in PERTANYAAN]
    survey.append({"type": "end_group", "name": GRUP})
    pilihan: list[dict[str, str]] = []
    kel = potensi.drop_duplicates("kode_kelurahan")
    pilihan += [{"list_name": "kelurahan", "name": k, ID: f"{n} ({c})", EN: f"{n} ({c})"}
                for k, n, c in zip(kel["kode_kelurahan"], kel["kelurahan"], kel["kecamatan"])]
    kim = potensi.drop_duplicates(["kode_kelurahan", "nama_kim"])
    pilihan += [{"list_name": "kim", "name": nama_kim(k, n), ID: n, EN: n, "kelurahan": k} for k, n in zip(kim["kode_kelurahan"], kim["nama_kim"])]
    pilihan += [{"list_name": "potensi", "name": i, ID: f"{n} ({i})", EN: f"{n} ({i})", "kim": nama_kim(k, m)}
                for i, n, k, m in zip(potensi["id_potensi"], potensi["nama_potensi"], potensi["kode_kelurahan"], potensi["nama_kim"])]
    pilihan += [{"list_name": "jenis_kegiatan", "name": slug(j, "_"), ID: j, EN: dataset.wilayah.label(j, "en")}
                for j in jenis_kegiatan(dataset.wilayah)]
    sekarang = dt.datetime.now()
    settings = {"form_title": f"Laporan kegiatan KIM · {dataset.wilayah.nama}" + (f" · {lingkup}" if lingkup else ""),
                "form_id": f"laporan_kegiatan_kim_{slug(dataset.wilayah.slug or dataset.wilayah.nama, '_')}",
                "version": sekarang.strftime("%Y%m%d%H"), "default_language": "Bahasa Indonesia (id)",
                "instance_name": "concat(${potensi}, ' ', ${tanggal})"}
    return {"survey": pd.DataFrame(survey, columns=list(KOLOM_SURVEY)).astype(object).fillna(""),
            "choices": pd.DataFrame(pilihan, columns=list(KOLOM_CHOICES)).astype(object).fillna(""),
            "settings": pd.DataFrame([settings])}


def tulis_formulir(lembar: dict[str, pd.DataFrame], tujuan: Path | str) -> Path:
    """Write the workbook atomically; every cell is a string, so no name from the data can run as a formula."""
    from openpyxl import Workbook

    buku = Workbook()
    buku.remove(buku.active)
    for nama, tabel in lembar.items():
        ws = buku.create_sheet(nama)
        ws.append(list(tabel.columns))
        for baris in tabel.itertuples(index=False):
            ws.append([None] * len(baris))
            for kolom, nilai in enumerate(baris, start=1):
                if nilai != "":
                    sel = ws.cell(row=ws.max_row, column=kolom)
                    sel.value = str(nilai)
                    sel.data_type = "s"
    tujuan = Path(tujuan)
    tulis_atomik(tujuan, lambda temp: buku.save(temp))
    return tujuan
