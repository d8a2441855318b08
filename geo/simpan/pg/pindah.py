"""``db import`` and ``db export``: today's files into the database and back.

Import validates the files exactly as loading them does (``muat_dataset``)
and refuses anything that would not load; the KIM rows go in through the
same save as an edit, so the import is audited and can be undone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyogrio

from geo import config
from geo.galat import Laporan
from geo.masuk import skema
from geo.masuk.batas import KOLOM_BATAS
from geo.masuk.dataset import muat_dataset
from geo.simpan.berkas import tulis_atomik, tulis_bytes_atomik
from geo.simpan.kim import HasilSimpan
from geo.simpan.pg.gudang_pg import KUNCI_SIMPAN, TABEL_BATAS, GudangPG, simpan_dalam

_KOLOM = list(skema.KOLOM_KIM)


@dataclass(frozen=True)
class HasilImpor:
    laporan: Laporan
    hasil: HasilSimpan | None
    jumlah_batas: int = 0
    jumlah_referensi: int = 0


def _wilayah_mentah(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8-sig")) if path.exists() else {}


def impor(gudang: GudangPG, pengguna: str, kim: Path | str | None = None, batas: Path | str | None = None,
          referensi: Path | str | None = None, wilayah: Path | str | None = None) -> HasilImpor:
    """Load the files into the database in one transaction, or change nothing and return the report."""
    path_ref = Path(referensi) if referensi else config.path_referensi()
    path_wil = Path(wilayah) if wilayah else config.path_wilayah()
    ds = muat_dataset(kim, batas, path_ref, path_wil)
    if not ds.ok:
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
            tabel = pd.DataFrame(ds.potensi[[*_KOLOM, "_baris"]])
            hasil, id_audit = simpan_dalam(conn, tabel, ds, pengguna, None, aksi="impor-db", berkas=ds.path_kim.name,
                                           catatan=f"impor dari {ds.path_kim.name}", periksa_konflik=False)
            from geo.kim.simpan_pg import tulis_profil_pg

            tulis_profil_pg(conn, ds.profil, pengguna)  # the KIM table (#25), when the database has migration 0004
            if id_audit is None:  # KIM rows unchanged: the region data still counts as a new version
                conn.execute("INSERT INTO audit (pengguna, aksi, berkas, jumlah_baris, catatan) VALUES (%s, 'impor-db', %s, %s, %s)",
                             (pengguna, ds.path_kim.name, len(tabel), "impor wilayah, referensi dan batas"))
    return HasilImpor(ds.laporan, hasil, len(ds.batas), len(ref_typed))


def _angka(v: object) -> float | None:
    n = pd.to_numeric(pd.Series([v]), errors="coerce").iloc[0]
    return None if pd.isna(n) else float(n)


def ekspor(gudang: GudangPG, folder: Path | str) -> list[Path]:
    """Write kim.csv, boundaries.geojson, kelurahan.csv and wilayah.json into ``folder`` (atomically)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    isi = gudang.baca_mentah()
    kim = pd.DataFrame([r[: len(_KOLOM)] for r in isi["kim"]], columns=_KOLOM)
    ref = pd.DataFrame(isi["referensi"], columns=isi["kolom_referensi"]).fillna("")
    ds = gudang.muat()
    hasil = [folder / "kim.csv", folder / "boundaries.geojson", folder / "kelurahan.csv", folder / "wilayah.json"]
    tulis_atomik(hasil[0], lambda t: kim.to_csv(t, index=False, encoding="utf-8", lineterminator="\n"))
    tulis_atomik(hasil[1], lambda t: pyogrio.write_dataframe(ds.batas, t, driver="GeoJSON", layer="batas",
                                                             layer_options={"COORDINATE_PRECISION": 15}))
    tulis_atomik(hasil[2], lambda t: ref.to_csv(t, index=False, encoding="utf-8", lineterminator="\n"))
    tulis_bytes_atomik(hasil[3], (json.dumps(isi["wilayah"], ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return hasil
