"""``python -m geo anggaran usul|periksa|ringkasan`` (and the form's commands in :mod:`geo.cli.anggaran_form`).

``usul`` writes a starting plan sharing the ceiling by the README's rule,
``periksa`` validates a plan (exit 1 when invalid, 0 with warnings), and
``ringkasan`` prints the figures the page's cards and the RAB show.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import replace
from pathlib import Path

from geo import config, format_id
from geo.anggaran.pengaturan import KOMPONEN_BOBOT, pengaturan_dari
from geo.anggaran.ringkas import ringkas_anggaran, tabel_per_kelurahan
from geo.anggaran.simpan import tulis_usul
from geo.anggaran.uang import rupiah
from geo.anggaran.usul import dasar_usul, susun_usul
from geo.cli.anggaran_form import cetak_subtotal, daftar_form
from geo.cli.utama import (
    KELUAR_DATA_TIDAK_SAH,
    cetak_laporan,
    keadaan_dari_args,
    muat_dari_args,
    rencana_dari_args,
    tambah_opsi_data,
    tambah_opsi_filter,
)
from geo.ekspor.formula import netralkan_tabel
from geo.galat import GalatData
from geo.masuk.urai import urai_tanggal
from geo.simpan.gudang import pilih_gudang
from geo.tampilan.susun import tampilkan


def tambah_opsi_anggaran(p: argparse.ArgumentParser) -> None:
    p.add_argument("--anggaran", metavar="PATH", help=f"rencana anggaran CSV/XLSX (bawaan: ${config.ENV_ANGGARAN} atau data/anggaran.csv)")


def _tanggal(teks: str | None) -> dt.date:
    if not teks:
        return dt.date.today()
    try:
        return urai_tanggal(teks)
    except ValueError as exc:
        raise GalatData(f"--tanggal '{teks}': {exc}") from None


def _usul(args: argparse.Namespace) -> int:
    dataset = muat_dari_args(args)
    pengaturan = pengaturan_dari(dataset.wilayah).dengan_bobot(**{k: getattr(args, f"bobot_{k}") for k in KOMPONEN_BOBOT})
    if args.pembulatan is not None:
        if args.pembulatan < 1:
            raise GalatData("--pembulatan harus bilangan bulat rupiah ≥ 1, misalnya 100000.")
        pengaturan = replace(pengaturan, pembulatan=args.pembulatan)
    acuan = _tanggal(args.tanggal)
    tabel = susun_usul(dataset, pengaturan, acuan)
    gudang = None if args.output or args.anggaran else pilih_gudang(args.kim, args.boundaries)
    if gudang is not None and gudang.jenis != "berkas":
        hasil = _usul_ke_gudang(gudang, tabel, dataset, pengaturan, args.force)
        path = Path(gudang.keterangan())
    else:
        path = Path(args.output or args.anggaran or config.path_anggaran())
        hasil = tulis_usul(tabel, path, dataset, pengaturan, paksa=args.force)
    if not hasil.disimpan:
        print(hasil.laporan.teks())
        print(hasil.pesan)
        return KELUAR_DATA_TIDAK_SAH
    dasar = dasar_usul(dataset, pengaturan, acuan).tabel
    per_kim = tabel["jumlah"].astype(int).groupby(tabel["kode_kelurahan"]).sum()  # one or many lines per KIM
    for kode, d in dasar.iterrows():
        print(f"{d['kelurahan']:<22} {d['nama_kim']:<32} {rupiah(int(per_kim.get(kode, 0))):>16}  "
              f"(anggota {d['anggota']}, potensi {d['potensi']}, dorman {d['dorman_bulan']} bln)")
    total = int(tabel["jumlah"].astype(int).sum())
    cadangan = f"; versi lama dicadangkan di {hasil.cadangan}" if hasil.cadangan else ""
    bobot = ", ".join(f"{k} {v}" for k, v in pengaturan.bobot.items())
    print(f"Tersimpan: {path} ({len(tabel)} baris, total {rupiah(total)} = pagu {rupiah(pengaturan.pagu)}; bobot {bobot}; "
          f"pembulatan {rupiah(pengaturan.pembulatan)}{cadangan})")
    return 0


def _usul_ke_gudang(gudang, tabel, dataset, pengaturan, paksa: bool):
    """The proposal into the shared store (database): an existing plan is replaced only with ``--force``."""
    sidik = gudang.sidik_rencana()
    if sidik is not None and not paksa:
        raise GalatData(f"Rencana anggaran sudah ada di {gudang.keterangan()} dan tidak ditimpa. Tambahkan --force untuk "
                        "menggantinya (versi lama tetap tersimpan di log audit), atau pakai --output untuk berkas lain.")
    return gudang.simpan_rencana(tabel, dataset, pengaturan, "baris-perintah", sidik, berkas="usulan", aksi="usul",
                                 periksa_konflik=False)


def _periksa(args: argparse.Namespace) -> int:
    dataset = muat_dari_args(args)
    rencana = rencana_dari_args(args, dataset)
    laporan = rencana.laporan
    if not cetak_laporan(laporan):
        return KELUAR_DATA_TIDAK_SAH
    pagu = rencana.pengaturan.pagu
    print(f"SAH: {len(rencana.tabel)} baris anggaran ({rencana.path}); total {rupiah(rencana.total)}, pagu {rupiah(pagu)}, "
          f"sisa {rupiah(pagu - rencana.total)}; {len(laporan.peringatan)} peringatan.")
    cetak_subtotal(rencana)
    return 0


def _ringkasan(args: argparse.Namespace) -> int:
    dataset = muat_dari_args(args)
    rencana = rencana_dari_args(args, dataset)
    if not rencana.ok:
        raise GalatData("Rencana anggaran tidak sah; periksa dengan 'python -m geo anggaran periksa':\n" + rencana.laporan.teks())
    tampilan = tampilkan(dataset, keadaan_dari_args(args, dataset))
    r = ringkas_anggaran(tampilan, rencana)
    tabel = tabel_per_kelurahan(r)
    if args.format == "json":
        data = {
            "pagu": r.pagu, "total": r.total, "sisa": r.sisa, "ke_dorman": r.ke_dorman, "persen_dorman": r.persen_dorman,
            "total_tersaring": r.total_tersaring, "filter": tampilan.filter.deskripsi(),
            "per_kelurahan": json.loads(tabel.to_json(orient="records", force_ascii=False)),
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif args.format == "csv":  # redirected to a file and opened in Excel: formulas stay text
        netralkan_tabel(tabel).to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        tampil = tabel.assign(alokasi=tabel["alokasi"].map(rupiah), dorman=tabel["dorman"].map({True: "ya", False: "tidak"}))
        print(tampil[["kelurahan", "kecamatan", "nama_kim", "jumlah_anggota", "alokasi", "dorman"]].to_string(index=False))
        print(f"\nPagu {rupiah(r.pagu)} · total rencana {rupiah(r.total)} · sisa {rupiah(r.sisa)} · ke KIM dorman "
              f"{rupiah(r.ke_dorman)} ({format_id.persen(r.persen_dorman)}) · dalam filter {rupiah(r.total_tersaring)} ({tampilan.filter.deskripsi()})")
    return 0


def daftar(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("anggaran", help="rencana anggaran (RAB/RKA): usul, periksa, ringkasan, tetapkan, sesuaikan, sipd")
    sub2 = p.add_subparsers(dest="perintah_anggaran", required=True, metavar="PERINTAH")

    u = sub2.add_parser("usul", help="tulis usulan awal yang membagi pagu menurut bobot (lihat README)")
    tambah_opsi_data(u)
    tambah_opsi_anggaran(u)
    u.add_argument("--output", "-o", metavar="FILE", help="tulis ke berkas ini (bawaan: --anggaran / data/anggaran.csv)")
    u.add_argument("--force", action="store_true", help="timpa rencana yang sudah ada (versi lama dicadangkan)")
    for k in KOMPONEN_BOBOT:
        u.add_argument(f"--bobot-{k}", metavar="W", help=f"bobot {k} (bawaan: bobot_anggaran.{k} di wilayah.json)")
    u.add_argument("--pembulatan", type=int, metavar="RP", help="satuan pembulatan dalam rupiah (bawaan: pembulatan_anggaran)")
    u.add_argument("--tanggal", metavar="TGL", help="tanggal acuan lama dorman, mis. 2026-12-01 (bawaan: hari ini)")
    u.set_defaults(func=_usul)

    c = sub2.add_parser("periksa", help="periksa rencana anggaran; keluar 1 bila tidak sah, 0 bila sah (peringatan dicetak)")
    tambah_opsi_data(c)
    tambah_opsi_anggaran(c)
    c.set_defaults(func=_periksa)

    r = sub2.add_parser("ringkasan", help="pagu, total, sisa, bagian KIM dorman, alokasi per kelurahan")
    tambah_opsi_data(r)
    tambah_opsi_anggaran(r)
    tambah_opsi_filter(r)
    r.add_argument("--format", choices=["table", "json", "csv"], default="table")
    r.set_defaults(func=_ringkasan)
    daftar_form(sub2, tambah_opsi_anggaran)
