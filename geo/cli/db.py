"""``python -m geo db``: prepare the shared PostgreSQL/PostGIS store, fill it from files, write it back.

``upgrade`` applies the numbered migrations, ``import`` loads today's files
(validated exactly as on load), ``export`` writes the database back as files,
``status`` says where the data is. The database is ``KIM_DATABASE_URL`` or
``[database] url`` in ``.streamlit/secrets.toml``.
"""

from __future__ import annotations

import argparse
import getpass

from geo import config
from geo.galat import GalatData


def _gudang():
    from geo.simpan.pg.gudang_pg import GudangPG

    url = config.url_database()
    if not url:
        raise GalatData(
            f"Basis data belum diatur. Atur {config.ENV_DATABASE}=postgresql://PENGGUNA:SANDI@HOST:5432/NAMA_DB "
            "(atau [database] url di .streamlit/secrets.toml), lalu ulangi perintah ini."
        )
    return GudangPG(url)


def _upgrade(args: argparse.Namespace) -> int:
    from geo.simpan.pg.migrasi import tingkatkan

    gudang = _gudang()
    diterapkan = tingkatkan(gudang.kolam)
    if diterapkan:
        print(f"Migrasi diterapkan pada {gudang.keterangan()}: {', '.join(diterapkan)}.")
    else:
        print(f"Skema {gudang.keterangan()} sudah terbaru; tidak ada migrasi baru.")
    return 0


def _import(args: argparse.Namespace) -> int:
    from geo.simpan.pg.pindah import impor

    gudang = _gudang()
    pengguna = args.user or f"cli:{getpass.getuser()}"
    hasil = impor(gudang, pengguna, args.kim, args.boundaries, args.referensi, args.wilayah, args.anggaran)
    if hasil.laporan.masalah:
        print(hasil.laporan.teks())
    if hasil.hasil is None:
        print(f"\nTIDAK DIIMPOR: {len(hasil.laporan.galat)} galat. Basis data tidak diubah; perbaiki berkasnya lalu ulangi.")
        return 1
    print(f"Diimpor ke {gudang.keterangan()}: {hasil.jumlah_referensi} kelurahan referensi, {hasil.jumlah_batas} batas, "
          f"data KIM: {hasil.hasil.pesan}")
    foto = gudang.impor_foto(args.kim or config.path_kim(), pengguna)  # #21: photos into table foto_potensi
    if foto:
        print(f"Foto diimpor: {foto}.")
    return 0


def _export(args: argparse.Namespace) -> int:
    from geo.simpan.pg.pindah import ekspor

    gudang = _gudang()
    for path in ekspor(gudang, args.output):
        print(f"Ditulis: {path}")
    foto = gudang.ekspor_foto(args.output)  # #21: photos as data/foto/ holds them
    if foto:
        print(f"Ditulis: {len(foto)} foto di {foto[0].parent}")
    return 0


def _status(args: argparse.Namespace) -> int:
    from geo.simpan.pg.migrasi import daftar_migrasi, sudah_diterapkan

    gudang = _gudang()
    sudah = sudah_diterapkan(gudang.kolam)
    belum = [m.path.name for m in daftar_migrasi() if m.versi not in sudah]
    print(f"Basis data: {gudang.keterangan()}")
    print(f"Migrasi diterapkan: {', '.join(sudah) or '-'}; belum: {', '.join(belum) or '-'}")
    if not belum:
        ds = gudang.muat()
        print(f"Data: {len(ds.potensi)} potensi, {len(ds.batas)} batas kelurahan; {'SAH' if ds.ok else 'TIDAK SAH'}.")
    return 0 if not belum else 1


def daftar(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("db", help=f"basis data PostgreSQL/PostGIS bersama (${config.ENV_DATABASE})")
    aksi = p.add_subparsers(dest="aksi_db", required=True, metavar="AKSI")
    u = aksi.add_parser("upgrade", help="terapkan migrasi skema yang belum diterapkan")
    u.set_defaults(func=_upgrade)
    i = aksi.add_parser("import", help="muat berkas data (KIM, batas, referensi, wilayah) ke basis data, setelah divalidasi")
    i.add_argument("--kim", metavar="PATH", help=f"tabel KIM (bawaan: ${config.ENV_KIM} atau data/kim.csv)")
    i.add_argument("--boundaries", metavar="PATH", help=f"batas kelurahan GeoJSON (bawaan: ${config.ENV_BATAS})")
    i.add_argument("--referensi", metavar="PATH", help=f"tabel referensi kelurahan (bawaan: ${config.ENV_REFERENSI})")
    i.add_argument("--wilayah", metavar="PATH", help=f"metadata wilayah JSON (bawaan: ${config.ENV_WILAYAH})")
    i.add_argument("--anggaran", metavar="PATH", help=f"rencana anggaran (bawaan: ${config.ENV_ANGGARAN}, atau anggaran.csv di samping tabel KIM)")
    i.add_argument("--user", metavar="NAMA", help="nama yang dicatat di log audit (bawaan: cli:<akun sistem>)")
    i.set_defaults(func=_import)
    e = aksi.add_parser("export", help="tulis isi basis data kembali sebagai berkas (kim.csv, boundaries.geojson, kegiatan.csv, anggaran.csv, ...)")
    e.add_argument("--output", required=True, metavar="FOLDER", help="folder tujuan")
    e.set_defaults(func=_export)
    s = aksi.add_parser("status", help="tampilkan basis data yang dipakai dan migrasinya")
    s.set_defaults(func=_status)
