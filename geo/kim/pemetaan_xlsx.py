"""The pemetaan report as a workbook the province can collect: roll-up, KIM, prioritas.

Headers in both languages; cells never run as formulas (the table writer of
:mod:`geo.ekspor.tabel` quotes them).
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook

from geo.ekspor.tabel import _tulis_lembar
from geo.kim.pemetaan import LABEL_REKAP, TINGKAT_REKAP, Pemetaan

LABEL_KIM = {
    "id_kim": "id_kim", "nama_kim": "Nama KIM / KIM name", "kode_kelurahan": "Kode kelurahan / Code",
    "kelurahan": "Kelurahan", "kecamatan": "Kecamatan", "kabkota": "Kab/Kota", "status": "Status pada tanggal / Status at date",
    "sk": "SK pembentukan / Founding decree", "nomor_kimid": "Nomor KIM.ID / KIM.ID number", "ad_art": "AD/ART / Statutes",
    "ketua": "Ketua (kontak) / Chair (contact)", "kanal_media": "Kanal media / Media channels", "tagline": "Tagline",
    "jumlah_potensi": "Jumlah potensi / Potentials", "potensi": "Potensi / Potentials",
    "kegiatan_terakhir": "Kegiatan terakhir / Last activity", "kegiatan_12_bulan": "Kegiatan 12 bulan / Activities (12 months)",
    "target_kegiatan": "Target kegiatan triwulan / Quarterly activity target",
    "target_pos": "Target pos media bulan ini / Monthly media post target",
    "skor": "Skor / Score", "peringkat": "Peringkat / Rank",
}
LABEL_TINGKAT = {"kelurahan": "Kelurahan/desa", "kecamatan": "Kecamatan", "kabkota": "Kab/Kota", "provinsi": "Provinsi"}


def tabel_rekap(m: Pemetaan) -> pd.DataFrame:
    """Every level's roll-up in one table, widest first (provinsi → kelurahan)."""
    return pd.concat([m.rekap(t) for t in reversed(TINGKAT_REKAP)], ignore_index=True)


def pemetaan_xlsx(m: Pemetaan, judul: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap"
    rekap = tabel_rekap(m)
    rekap["tingkat"] = rekap["tingkat"].map(LABEL_TINGKAT)
    _tulis_lembar(ws, rekap, ["Tingkat / Level", "Kode / Code", "Nama / Name", *(LABEL_REKAP[k] for k in rekap.columns[3:])])
    kim = m.kim[[k for k in LABEL_KIM if k in m.kim.columns]].copy()
    kim["ad_art"] = kim["ad_art"].map(lambda v: "" if pd.isna(v) else ("ya / yes" if v else "tidak / no"))
    kim["kegiatan_terakhir"] = pd.to_datetime(kim["kegiatan_terakhir"]).dt.strftime("%Y-%m-%d").fillna("")
    _tulis_lembar(wb.create_sheet("KIM"), kim, [LABEL_KIM[k] for k in kim.columns])
    prior = m.penilaian.prioritas.copy()
    _tulis_lembar(wb.create_sheet("Prioritas"), prior,
                  ["id_kim", "Nama KIM / KIM name", "Kode kelurahan / Code", "Skor / Score", "Peringkat / Rank",
                   "Hari tanpa kegiatan / Days dormant", "Alasan", "Reasons"])
    info = wb.create_sheet("Info")
    for baris in ([judul], [f"Tanggal data / Data as of: {m.tanggal:%Y-%m-%d}"],
                  [f"Periode penilaian / Assessment period: {m.penilaian.periode}"],
                  ["Status KIM = status terbaik potensinya pada tanggal itu / a KIM's status is the best of its potentials' on that date."],
                  ["Skor kosong = belum dinilai, bukan nol / an empty score means not assessed, not zero."]):
        info.append(baris)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
