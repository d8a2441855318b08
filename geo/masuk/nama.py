"""Resolve desa/kelurahan names to codes, knowing that names repeat.

Indonesia has many "Sukamaju"; only the Kemendagri code is unique. A name
that several units share is narrowed by its kecamatan, then by its kab/kota;
whatever is still ambiguous is reported with every candidate, so the officer
can pick the right code instead of guessing.
"""

from __future__ import annotations

import pandas as pd

from geo.masuk.referensi import Referensi, normalisasi_nama


def kunci_seri(nilai: pd.Series) -> pd.Series:
    """:func:`normalisasi_nama` per value, computed once per distinct spelling."""
    unik = pd.unique(nilai.astype(str))
    return nilai.astype(str).map(dict(zip(unik, (normalisasi_nama(v) for v in unik))))


def selesaikan_nama(ref: Referensi, nama: pd.Series, kecamatan: pd.Series, kabkota: pd.Series | None = None) -> pd.DataFrame:
    """Per row: ``kode`` (``""`` unless exactly one unit fits), ``jumlah_calon`` and ``calon`` (text).

    ``jumlah_calon`` is 0 for an unknown name and 2+ for a name still shared
    after the kecamatan and kab/kota have been used; ``calon`` then lists the
    candidates as ``kode (Kecamatan X, kabkota)``.
    """
    baris = pd.DataFrame({"_i": range(len(nama)), "kunci": kunci_seri(nama).to_numpy(),
                          "kec": kunci_seri(kecamatan).to_numpy()})
    baris["kab"] = kunci_seri(kabkota).to_numpy() if kabkota is not None else ""
    tabel = ref.tabel
    info = pd.DataFrame({"kode": tabel.index, "kec_ref": kunci_seri(tabel["kecamatan"]).to_numpy(),
                         "kab_ref": kunci_seri(tabel["kabkota"]).to_numpy()})
    calon = baris[baris["kunci"] != ""].merge(ref.nama, on="kunci").merge(info, on="kode")
    calon = _persempit(calon, "kec", "kec_ref")
    calon = _persempit(calon, "kab", "kab_ref")
    jumlah = calon.groupby("_i").size()
    hasil = pd.DataFrame({"kode": "", "jumlah_calon": jumlah.reindex(range(len(nama)), fill_value=0).to_numpy(),
                          "calon": ""}, index=nama.index)
    tunggal = calon[calon["_i"].map(jumlah) == 1]
    hasil.iloc[tunggal["_i"].to_numpy(), 0] = tunggal["kode"].to_numpy()
    ganda = calon[calon["_i"].map(jumlah) > 1]
    if len(ganda):
        teks = ganda["kode"] + " (Kecamatan " + ganda["kode"].map(tabel["kecamatan"]).astype(str) + ", " \
            + ganda["kode"].map(tabel["kabkota"]).astype(str) + ")"
        gabung = teks.groupby(ganda["_i"]).agg("; ".join)
        hasil.iloc[gabung.index.to_numpy(), 2] = gabung.to_numpy()
    return hasil


def _persempit(calon: pd.DataFrame, kolom: str, kolom_ref: str) -> pd.DataFrame:
    """Keep candidates whose ``kolom_ref`` equals the row's ``kolom``, for rows where that leaves some."""
    if not len(calon):
        return calon
    cocok = (calon[kolom] != "") & (calon[kolom] == calon[kolom_ref])
    ada_cocok = cocok.groupby(calon["_i"]).transform("any")
    return calon[cocok | ~ada_cocok]
