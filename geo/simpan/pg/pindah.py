"""``db import`` and ``db export``: today's files into the database and back.

Import validates the files exactly as loading them does (``muat_dataset``)
and refuses anything that would not load; the KIM rows go in through the
same save as an edit, so the import is audited and can be undone.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyogrio

from geo import config
from geo.anggaran.rencana import KOLOM_SEMUA
from geo.galat import GalatData, Laporan
from geo.masuk.baca import KOLOM_BARIS, baca_tabel
from geo.masuk.batas import KOLOM_BATAS
from geo.masuk.dataset import muat_dataset
from geo.simpan.berkas import tulis_atomik, tulis_bytes_atomik, tulis_csv_atomik
from geo.simpan.kim import HasilSimpan
from geo.simpan.pg import juri_pg, pindah_antre, profil_pg, rekaman_pg
from geo.simpan.pg.gudang_pg import KUNCI_SIMPAN, TABEL_BATAS, GudangPG, simpan_dalam
from geo.simpan.rujukan_kim import KOLOM_SIMPAN, tanpa_id_kim_kosong

_KOLOM = list(KOLOM_SIMPAN)


@dataclass(frozen=True)
class HasilImpor:
    laporan: Laporan
    hasil: HasilSimpan | None
    jumlah_batas: int = 0
    jumlah_referensi: int = 0


def _wilayah_mentah(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8-sig")) if path.exists() else {}


def path_beserta(env: str, kim: Path | str | None, nama: str) -> Path:
    """A record that travels with the KIM table: its variable, else beside the table being imported."""
    nilai = os.environ.get(env, "").strip()
    return Path(nilai) if nilai else Path(kim or config.path_kim()).parent / nama


def _rekaman_berkas(ds, path_rencana: Path) -> tuple[dict[str, pd.DataFrame], Laporan]:
    """The log and the plan as text cells, each checked exactly as loading its file checks it."""
    from geo.anggaran.rencana import muat_rencana
    from geo.simpan.kegiatan import ke_teks

    isi: dict[str, pd.DataFrame] = {}
    laporan = Laporan()
    if ds.kegiatan is not None:
        isi[rekaman_pg.JENIS_KEGIATAN] = ke_teks(ds.kegiatan)
    if path_rencana.exists():
        rencana = muat_rencana(ds, path_rencana)
        laporan.gabung(rencana.laporan)
        if rencana.ok:
            mentah = baca_tabel(path_rencana, Laporan(), kolom_dikenal=KOLOM_SEMUA)
            isi[rekaman_pg.JENIS_ANGGARAN] = mentah
    return isi, laporan


def _simpan_rekaman(conn, isi: dict[str, pd.DataFrame], ds, pengguna: str) -> None:
    from geo.anggaran.pengaturan import pengaturan_dari
    from geo.anggaran.rencana import validasi_rencana
    from geo.anggaran.simpan import _kanonik
    from geo.masuk.kegiatan import validasi_kegiatan
    from geo.simpan.kegiatan import ke_teks

    ids = ds.potensi["id_potensi"]
    cara = {
        rekaman_pg.JENIS_KEGIATAN: (lambda t: validasi_kegiatan(t, "kegiatan.csv", ds.wilayah, ids), lambda t, typed: ke_teks(typed)),
        rekaman_pg.JENIS_ANGGARAN: (lambda t: validasi_rencana(t, "anggaran.csv", ds, pengaturan_dari(ds.wilayah)), _kanonik),
    }
    for jenis, teks in isi.items():
        validasi, kanonik = cara[jenis]
        hasil, _ = rekaman_pg.simpan(conn, jenis, teks, validasi, kanonik, pengguna, None, aksi="impor-db",
                                     berkas=f"{jenis}.csv", catatan=f"impor dari {jenis}.csv", periksa_konflik=False,
                                     kunci_simpan=KUNCI_SIMPAN)
        if not hasil.disimpan and not hasil.laporan.ok:  # checked before: only a changed file gets here
            raise GalatData(f"{jenis}.csv berubah selama impor:\n{hasil.laporan.teks()}")


def impor(gudang: GudangPG, pengguna: str, kim: Path | str | None = None, batas: Path | str | None = None,
          referensi: Path | str | None = None, wilayah: Path | str | None = None,
          anggaran: Path | str | None = None) -> HasilImpor:
    """Load the files into the database in one transaction, or change nothing and return the report.

    Every record moves: region, reference, boundaries, the KIM table, the activity log and the
    budget plan (``KIM_KEGIATAN`` / ``KIM_ANGGARAN``, else the files beside the KIM table), the
    report queue and the plan's baseline (:mod:`geo.simpan.pg.pindah_antre`), the jury scores and
    targets (``KIM_NILAI_JURI`` / ``KIM_TARGET``, :mod:`geo.simpan.pg.juri_pg`).
    Photos and limiter counts (#21) hook in through :data:`LANGKAH_IMPOR`.
    """
    path_ref = Path(referensi) if referensi else config.path_referensi()
    path_wil = Path(wilayah) if wilayah else config.path_wilayah()
    ds = muat_dataset(kim, batas, path_ref, path_wil, path_beserta(config.ENV_KEGIATAN, kim, "kegiatan.csv"))
    if not ds.ok:
        return HasilImpor(ds.laporan, None)
    path_rencana = Path(anggaran) if anggaran else path_beserta(config.ENV_ANGGARAN, kim, "anggaran.csv")
    rekaman, laporan_rekaman = _rekaman_berkas(ds, path_rencana)
    antre, laporan_antre = pindah_antre.baca_berkas(ds, Path(ds.path_kim), path_rencana)  # the queue and the baseline
    laporan_rekaman.gabung(laporan_antre)
    laporan_rekaman.gabung(juri_pg.laporan_impor(ds))  # the jury scores and targets (#25), loaded with the dataset
    if not laporan_rekaman.ok:
        ds.laporan.gabung(laporan_rekaman)
        return HasilImpor(ds.laporan, None)
    raw_wil = _wilayah_mentah(path_wil)
    ref = pd.read_csv(path_ref, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    ref_typed = ds.referensi.tabel
    with gudang.kolam.koneksi() as conn:
        gudang._periksa_skema(conn)
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (KUNCI_SIMPAN,))
            conn.execute(
                "INSERT INTO wilayah_meta (id, isi, kolom_referensi) VALUES (1, %s, %s) ON CONFLICT (id) DO UPDATE "
                "SET isi = EXCLUDED.isi, kolom_referensi = EXCLUDED.kolom_referensi, versi = wilayah_meta.versi + 1",
                (json.dumps(raw_wil, ensure_ascii=False), json.dumps(list(ref.columns))),
            )
            with conn.cursor() as cur:
                cur.execute("DELETE FROM referensi_kelurahan WHERE NOT (kode = ANY(%s))", (list(ref_typed.index),))
                cur.executemany(
                    "INSERT INTO referensi_kelurahan (kode, kelurahan, kecamatan, kode_kecamatan, luas_km2, atribut, urutan) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (kode) DO UPDATE SET kelurahan = EXCLUDED.kelurahan, "
                    "kecamatan = EXCLUDED.kecamatan, kode_kecamatan = EXCLUDED.kode_kecamatan, luas_km2 = EXCLUDED.luas_km2, "
                    "atribut = EXCLUDED.atribut, urutan = EXCLUDED.urutan, versi = referensi_kelurahan.versi + 1",
                    [(kode, r["kelurahan"], r["kecamatan"], str(r["kode_kecamatan"]), _angka(r["luas_km2"]),
                      json.dumps(atribut, ensure_ascii=False), i)
                     for i, (kode, (_, r), atribut) in enumerate(zip(ref_typed.index, ref_typed.iterrows(), ref.to_dict("records")))],
                )
                b = ds.batas
                cur.execute(f"DELETE FROM {TABEL_BATAS} WHERE NOT (kode = ANY(%s))", (list(b["kode"]),))
                cur.executemany(
                    f"INSERT INTO {TABEL_BATAS} ({', '.join(KOLOM_BATAS)}, geom) VALUES (%s, %s, %s, %s, %s, %s, "
                    "ST_SetSRID(ST_GeomFromWKB(%s), 4326)) ON CONFLICT (kode) DO UPDATE SET kelurahan = EXCLUDED.kelurahan, "
                    "kecamatan = EXCLUDED.kecamatan, kode_kecamatan = EXCLUDED.kode_kecamatan, luas_km2 = EXCLUDED.luas_km2, "
                    f"sumber = EXCLUDED.sumber, geom = EXCLUDED.geom, versi = {TABEL_BATAS}.versi + 1",
                    [(k, kel, kec, kk, _angka(luas), sumber, g.wkb)
                     for k, kel, kec, kk, luas, sumber, g in zip(*(b[c] for c in KOLOM_BATAS), b.geometry)],
                )
            from geo.kim.simpan_pg import tulis_profil_pg

            # The KIM table (#25) first: the potentials' id_kim are checked against it.
            tulis_profil_pg(conn, ds.profil, pengguna)
            from geo.simpan.pg.profil_pg import impor_logo

            impor_logo(conn, ds.profil, pengguna)  # the logos it names (migration 0006)
            tabel = pd.DataFrame(ds.potensi.reindex(columns=[*_KOLOM, "_baris"]))
            hasil, id_audit = simpan_dalam(conn, tabel, ds, pengguna, None, aksi="impor-db", berkas=ds.path_kim.name,
                                           catatan=f"impor dari {ds.path_kim.name}", periksa_konflik=False,
                                           berantai=True)  # the imported log and plan replace the stored ones next
            if id_audit is None:  # KIM rows unchanged: the region data still counts as a new version
                conn.execute("INSERT INTO audit (pengguna, aksi, berkas, jumlah_baris, catatan) VALUES (%s, 'impor-db', %s, %s, %s)",
                             (pengguna, ds.path_kim.name, len(tabel), "impor wilayah, referensi dan batas"))
            _simpan_rekaman(conn, rekaman, ds, pengguna)
            pindah_antre.simpan(conn, antre, ds, pengguna)
            juri_pg.impor(conn, ds, pengguna)
            for langkah in LANGKAH_IMPOR:
                langkah(conn, ds, pengguna)
    return HasilImpor(ds.laporan, hasil, len(ds.batas), len(ref_typed))


def _angka(v: object) -> float | None:
    n = pd.to_numeric(pd.Series([v]), errors="coerce").iloc[0]
    return None if pd.isna(n) else float(n)


# Extra records (#21: photos, limiter counts): ``impor(conn, dataset, pengguna)`` inside the import's
# transaction, and ``ekspor(gudang, folder) -> list[Path]`` after the files below.
LANGKAH_IMPOR: list[Callable] = []
LANGKAH_EKSPOR: list[Callable] = []


def ekspor(gudang: GudangPG, folder: Path | str) -> list[Path]:
    """Write kim.csv, boundaries.geojson, kelurahan.csv, wilayah.json, and kegiatan.csv / anggaran.csv /
    anggaran_penetapan.csv / laporan_menunggu.csv (+ photos) / nilai_juri.csv / target_kim.csv / profil_kim.csv
    (+ logo_kim/) when the database holds them, into ``folder`` (atomically)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    isi = gudang.baca_mentah()
    # A region that never linked by id_kim gets its kim.csv columns back as they were.
    kim = tanpa_id_kim_kosong(pd.DataFrame([r[: len(_KOLOM)] for r in isi["kim"]], columns=_KOLOM))
    ref = pd.DataFrame(isi["referensi"], columns=isi["kolom_referensi"]).fillna("")
    ds = gudang.muat()
    hasil = [folder / "kim.csv", folder / "boundaries.geojson", folder / "kelurahan.csv", folder / "wilayah.json"]
    tulis_csv_atomik(hasil[0], kim)
    tulis_atomik(hasil[1], lambda t: pyogrio.write_dataframe(ds.batas, t, driver="GeoJSON", layer="batas",
                                                             layer_options={"COORDINATE_PRECISION": 15}))
    tulis_csv_atomik(hasil[2], ref)
    tulis_bytes_atomik(hasil[3], (json.dumps(isi["wilayah"], ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    with gudang.kolam.koneksi() as conn:
        rekaman = {jenis: rekaman_pg.baca(conn, jenis)[0] for jenis in (rekaman_pg.JENIS_KEGIATAN, rekaman_pg.JENIS_ANGGARAN)}
    for jenis, teks in rekaman.items():
        if teks is not None:
            path = folder / f"{jenis}.csv"
            tulis_csv_atomik(path, teks.drop(columns=KOLOM_BARIS))
            hasil.append(path)
    hasil += pindah_antre.ekspor(gudang, folder)
    hasil += juri_pg.ekspor(gudang, folder)
    hasil += profil_pg.ekspor_profil(gudang, folder)
    for langkah in LANGKAH_EKSPOR:
        hasil += langkah(gudang, folder)
    return hasil
