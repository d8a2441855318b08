"""The plan as a SIPD-shaped CSV: one row per line with SIPD's field names, and back.

An official copies each row into SIPD's rincian belanja (or its import
template) without retyping; the file also loads back as a plan
(``--anggaran rincian_sipd.csv``) to an identical plan. The field names follow
SIPD's rincian (``kode_akun``, ``subs_bl_teks`` for the [#] heading,
``ket_bl_teks`` for [-], ``vol_1``/``sat_1`` …, ``pajak``, ``total_harga``);
check them against the office's own SIPD template. Columns only for reading
(``nama_akun``, ``koefisien``, ``satuan``, ``desa_kelurahan``) are ignored on load.
"""

from __future__ import annotations

import pandas as pd

from geo.anggaran.koefisien import JUMLAH_PASANGAN, KOLOM_SATUAN, KOLOM_VOLUME, satuan_gabung, teks_koefisien
from geo.anggaran.rencana import KOLOM_SEMUA, Rencana
from geo.ekspor.formula import netralkan_tabel

# Our column → SIPD field, in the order SIPD shows a line.
KE_SIPD: dict[str, str] = {
    "kode_rekening": "kode_akun",
    "kelompok": "subs_bl_teks",
    "keterangan": "ket_bl_teks",
    "kode_standar": "kode_standar_harga",
    "komponen": "nama_komponen",
    "spesifikasi": "spek_komponen",
    **{k: f"vol_{n}" for n, k in enumerate(KOLOM_VOLUME, start=1)},
    **{k: f"sat_{n}" for n, k in enumerate(KOLOM_SATUAN, start=1)},
    "harga_satuan": "harga_satuan",
    "ppn_persen": "pajak",
    "jumlah": "total_harga",
    "sumber_dana": "sumber_dana",
    "kode_kelurahan": "kode_desa_kelurahan",
    # Ours, so the file loads back to the same plan.
    "id_baris": "id_rincian",
    "id_potensi": "id_potensi",
    "kegiatan": "uraian_kegiatan",
    "jenis_belanja": "jenis_belanja",
    "target": "target",
}
DARI_SIPD = {v: k for k, v in KE_SIPD.items()}
HANYA_BACA = ("nama_akun", "koefisien", "satuan", "desa_kelurahan")
KOLOM_SIPD: tuple[str, ...] = ("kode_akun", "nama_akun", "subs_bl_teks", "ket_bl_teks", "kode_standar_harga", "nama_komponen",
                               "spek_komponen", *(f for n in range(1, JUMLAH_PASANGAN + 1) for f in (f"vol_{n}", f"sat_{n}")),
                               "koefisien", "satuan", "harga_satuan", "pajak", "total_harga", "sumber_dana", "kode_desa_kelurahan",
                               "desa_kelurahan", "id_rincian", "id_potensi", "uraian_kegiatan", "jenis_belanja", "target")


def tabel_sipd(rencana: Rencana) -> pd.DataFrame:
    """The plan's lines as SIPD rows (text cells; unused pairs blank)."""
    t = rencana.tabel
    hasil = pd.DataFrame(index=t.index)
    for kolom, sipd in KE_SIPD.items():
        hasil[sipd] = t[kolom].astype(str)
    for n, (kv, ks) in enumerate(zip(KOLOM_VOLUME, KOLOM_SATUAN), start=1):
        kosong = t[kv] == 0
        hasil[f"vol_{n}"] = hasil[f"vol_{n}"].where(~kosong, "")
        hasil[f"sat_{n}"] = hasil[f"sat_{n}"].where(~kosong, "")
    pasangan = [(tuple(int(b[k]) for k in KOLOM_VOLUME if int(b[k])), tuple(str(b[s]) for k, s in zip(KOLOM_VOLUME, KOLOM_SATUAN)
                                                                            if int(b[k]))) for _, b in t.iterrows()]
    hasil["koefisien"] = [teks_koefisien(v, s) for v, s in pasangan]
    hasil["satuan"] = [satuan_gabung(s) for _v, s in pasangan]
    hasil["nama_akun"] = t["nama_akun"].astype(str)
    hasil["desa_kelurahan"] = t["kelurahan"].astype(str)
    # A line tied to a potential takes its kelurahan from it; the file keeps what the plan said.
    hasil["kode_desa_kelurahan"] = t["kode_kelurahan"].where(t["id_potensi"] == "", "")
    return hasil[list(KOLOM_SIPD)].reset_index(drop=True)


def ke_csv_sipd(rencana: Rencana) -> bytes:
    """UTF-8 (with BOM, for Excel) CSV; cells that Excel would run as formulas are neutralised."""
    return netralkan_tabel(tabel_sipd(rencana)).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def tampak_sipd(frame: pd.DataFrame) -> bool:
    """A table in the SIPD shape (``kode_akun`` and ``total_harga``, not our ``jumlah``)."""
    return {"kode_akun", "total_harga"} <= set(frame.columns) and "jumlah" not in frame.columns


def dari_sipd(frame: pd.DataFrame) -> pd.DataFrame:
    """SIPD rows → our text columns (plus ``_baris``), ready for :func:`geo.anggaran.rencana.validasi_rencana`."""
    hasil = frame.drop(columns=[k for k in HANYA_BACA if k in frame]).rename(columns=DARI_SIPD)
    for kolom in KOLOM_SEMUA:
        if kolom not in hasil:
            hasil[kolom] = ""
    return hasil
