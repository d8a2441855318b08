"""Linking kim.csv to the KIM table, and migrating files that only know ``nama_kim``.

A potential names its KIM by ``id_kim`` when kim.csv has that column;
otherwise by (``kode_kelurahan``, ``nama_kim``), matched without regard to
case and spacing. A KIM that kim.csv names but the KIM table lacks is added
with a generated ``id_kim`` and reported, so an old file loads with nothing
lost and the office can save the new table (``python -m geo export --format
profil-csv``) and fill it in.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from geo.galat import PERINGATAN, Laporan
from geo.kim import daftar
from geo.kim.profil import KOLOM_TANGGAL, ProfilKIM, tabel_profil_kosong
from geo.masuk.baca import KOLOM_BARIS

KOLOM_ID_KIM = "id_kim"


def _kunci_seri(kode: pd.Series, nama: pd.Series) -> pd.Series:
    """``kode|name`` with the name's case and spacing ignored, for matching a potential to its KIM."""
    nama = nama.astype(str).str.replace(r"\s+", " ", regex=True).str.strip().str.casefold()
    return pd.Series(kode.astype(str).str.strip().to_numpy() + "|" + nama.to_numpy(), dtype=object)


def id_baru(kode: str, terpakai: set[str]) -> str:
    """``KIM-64740110061`` style: the kelurahan code without dots, then a counter; never one in use."""
    dasar = "KIM-" + re.sub(r"[^0-9A-Za-z]", "", kode)
    n = 1
    while f"{dasar}-{n}" in terpakai:
        n += 1
    return f"{dasar}-{n}"


def id_kim_sel(frame: pd.DataFrame) -> np.ndarray:
    """kim.csv's own ``id_kim`` cells, stripped ('' where the column or the cell is empty)."""
    if KOLOM_ID_KIM not in frame:
        return np.full(len(frame), "", dtype=object)
    return frame[KOLOM_ID_KIM].astype(object).fillna("").astype(str).str.strip().to_numpy(dtype=object)


def periksa_id_kim(id_kim: np.ndarray, baris: np.ndarray, dikenal: set[str], berkas_kim: str, berkas_profil: str,
                   laporan: Laporan) -> int:
    """Each non-empty ``id_kim`` of kim.csv must be a KIM of the KIM table; the others are errors with row and column.

    The load and every save of kim.csv (both stores) ask this one check, so no
    saved potential points at a KIM that does not exist. Returns the count.
    """
    salah = np.flatnonzero((id_kim != "") & ~pd.Series(id_kim, dtype=object).isin(dikenal).to_numpy())
    for i in salah:
        laporan.tambah(berkas_kim, f"id_kim '{id_kim[i]}' tidak ada di {berkas_profil}. Tambahkan KIM itu ke tabel KIM "
                       "atau kosongkan sel ini agar KIM dicari menurut nama_kim dan kode_kelurahan.",
                       baris=int(baris[i]), kolom=KOLOM_ID_KIM, nilai=str(id_kim[i]))
    return len(salah)


def tautkan(potensi: pd.DataFrame, profil: ProfilKIM, berkas_kim: str, laporan: Laporan,
            id_kim: pd.Series | None = None) -> ProfilKIM:
    """The KIM table with every KIM of kim.csv in it and ``tautan`` (id_potensi → id_kim) filled.

    ``id_kim`` is kim.csv's own column when it has one (aligned with ``potensi``);
    an unknown id there is an error with the row.
    """
    tabel = profil.tabel.copy() if len(profil.tabel) else tabel_profil_kosong()
    menurut_kunci = dict(zip(_kunci_seri(tabel["kode_kelurahan"], tabel["nama_kim"]), tabel["id_kim"]))
    dikenal = set(tabel["id_kim"])
    berkas_profil = profil.path.name if profil.path else "profil_kim.csv"
    # Vectorised: a national table has 400,000 potentials; only unknown ids and new KIM are looped over.
    sendiri = id_kim_sel(pd.DataFrame({KOLOM_ID_KIM: id_kim}) if id_kim is not None else potensi.iloc[:, :0])
    ada = sendiri != ""
    periksa_id_kim(sendiri, potensi[KOLOM_BARIS].to_numpy(), dikenal, berkas_kim, berkas_profil, laporan)
    kunci = _kunci_seri(potensi["kode_kelurahan"], potensi["nama_kim"])
    hasil = kunci.map(menurut_kunci)
    baru: list[dict] = []
    lain = (~ada) & hasil.isna().to_numpy()
    pertama = np.flatnonzero(lain & ~kunci.duplicated().to_numpy())  # first row of each KIM not in the table
    kode_baru = potensi["kode_kelurahan"].astype(str).to_numpy()[pertama]
    nama_baru = potensi["nama_kim"].to_numpy()[pertama]
    baris_baru = potensi[KOLOM_BARIS].to_numpy()[pertama]
    kunci_baru = kunci.to_numpy()[pertama]
    for kode, nama, nomor_baris, k in zip(kode_baru, nama_baru, baris_baru, kunci_baru):
        nomor = id_baru(kode, dikenal)
        dikenal.add(nomor)
        menurut_kunci[k] = nomor
        baru.append({"id_kim": nomor, "nama_kim": nama, "kode_kelurahan": kode, KOLOM_BARIS: int(nomor_baris)})
    if baru:
        hasil = kunci.map(menurut_kunci)
    hasil = np.where(ada, sendiri, hasil.astype(object).to_numpy())
    if baru:
        contoh = ", ".join(f"{b['nama_kim']} → {b['id_kim']}" for b in baru[:3])
        laporan.tambah(berkas_kim, f"{len(baru)} KIM belum ada di {berkas_profil} dan ditambahkan dari kolom nama_kim "
                       f"({contoh}{', …' if len(baru) > 3 else ''}). Tambahkan baris KIM itu ke {berkas_profil} "
                       "(ekspor profil-csv memuat semuanya) lalu lengkapi SK, KIM.ID, pengurus dan kanal media.", tingkat=PERINGATAN)
        tambahan = pd.DataFrame(baru)
        tambahan[KOLOM_BARIS] = 0  # not a row of the KIM table
        tabel = pd.concat([tabel, tambahan.reindex(columns=tabel.columns)], ignore_index=True)
        tabel["ad_art"] = tabel["ad_art"].astype("boolean")
        for k in KOLOM_TANGGAL:
            tabel[k] = pd.to_datetime(tabel[k])
    tautan = pd.Series(list(hasil), index=potensi["id_potensi"].astype(str).to_numpy(), name="id_kim", dtype=object)
    teks = [k for k in tabel.columns if k not in (*KOLOM_TANGGAL, "ad_art", KOLOM_BARIS)]
    tabel[teks] = tabel[teks].astype(object).fillna("")
    return ProfilKIM(tabel, profil.bimtek, profil.bantuan,
                     profil.penghargaan, tautan, profil.path, tuple(b["id_kim"] for b in baru))


def profil_dengan_daftar(profil: ProfilKIM) -> pd.DataFrame:
    """The KIM table as text cells again, list columns rebuilt (what the CSV/XLSX exports write)."""
    tabel = profil.tabel.drop(columns=[KOLOM_BARIS], errors="ignore").copy()
    for k in tabel.columns:
        if pd.api.types.is_datetime64_any_dtype(tabel[k]):
            tabel[k] = tabel[k].dt.strftime("%Y-%m-%d").fillna("")
    tabel["ad_art"] = tabel["ad_art"].map(lambda v: "" if pd.isna(v) else ("ya" if v else "tidak"))
    for jenis in daftar.DAFTAR:
        sel = daftar.ke_sel(profil.daftar(jenis.kolom), jenis)
        tabel[jenis.kolom] = tabel["id_kim"].map(sel).astype(object).fillna("") if len(sel) else ""
    return tabel.fillna("")
