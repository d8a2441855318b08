"""The monthly digest (#25): what changed for the KIM in one month, for the Kabid's monthly meeting.

KIM that crossed into Kurang Aktif or Tidak Aktif this month, new activities,
reports waiting for verification (given by the caller: the field-report queue
lives elsewhere), and targets missed. Page, CSV and PDF all use :func:`ringkasan_bulanan`.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pandas as pd

from geo.galat import GalatData
from geo.kim.status import status_kim_pada
from geo.kim.target import kemajuan_target
from geo.kim.teks import nama_target, tk
from geo.masuk.dataset import Dataset
from geo.masuk.wilayah import Wilayah

BAGIAN = {
    "status_turun": "Melewati ambang Kurang/Tidak Aktif / Crossed the less active or inactive threshold",
    "kegiatan_baru": "Kegiatan baru / New activities",
    "target_meleset": "Target tidak tercapai / Targets missed",
}


@dataclass(frozen=True)
class RingkasanBulanan:
    bulan: str
    awal: dt.date
    akhir: dt.date
    turun: pd.DataFrame  # id_kim, nama_kim, status_sebelum, status_kini
    kegiatan: pd.DataFrame  # id_kim, nama_kim, jumlah
    target_meleset: pd.DataFrame  # as geo.kim.target.kemajuan_target, unmet only
    laporan_menunggu: int | None  # None: the field-report queue is not available here
    ada_log: bool

    @property
    def berjalan(self) -> bool:
        """The month is not over yet (the digest runs to today): its own targets are judged when it ends."""
        return self.akhir < _bulan(self.bulan)[1]


def _bulan(teks: str) -> tuple[dt.date, dt.date]:
    try:
        awal = dt.date.fromisoformat(f"{teks.strip()}-01")
    except ValueError:
        raise GalatData(f"Bulan '{teks}' tidak dikenal. Tulis TTTT-BB, mis. 2026-11.") from None
    akhir = (pd.Timestamp(awal) + pd.offsets.MonthEnd(0)).date()
    return awal, akhir


def ringkasan_bulanan(dataset: Dataset, bulan: str, hari_ini: dt.date, laporan_menunggu: int | None = None,
                      target: pd.DataFrame | None = None) -> RingkasanBulanan:
    awal, akhir = _bulan(bulan)
    if awal > hari_ini:
        raise GalatData(f"Bulan {bulan} belum dimulai. Pilih bulan ini atau sebelumnya.")
    akhir = min(akhir, hari_ini)
    nama = dataset.profil.tabel.set_index("id_kim")["nama_kim"]  # type: ignore[attr-defined]
    ada_log = dataset.kegiatan is not None and len(dataset.kegiatan) > 0
    urutan = {s: i for i, s in enumerate(dataset.wilayah.status_aktivitas[:3])}
    if ada_log:
        sebelum, kini = status_kim_pada(dataset, awal - dt.timedelta(days=1)), status_kim_pada(dataset, akhir)
        gabung = pd.DataFrame({"status_sebelum": sebelum, "status_kini": kini}).dropna()
        turun = gabung[gabung["status_kini"].map(urutan) > gabung["status_sebelum"].map(urutan)]
        turun = turun.rename_axis("id_kim").reset_index()
        turun.insert(1, "nama_kim", turun["id_kim"].map(nama))
        log = dataset.kegiatan
        di = log[(log["tanggal"] >= pd.Timestamp(awal)) & (log["tanggal"] <= pd.Timestamp(akhir))]
        per_kim = di["id_potensi"].astype(str).map(dataset.profil.tautan).value_counts()  # type: ignore[attr-defined]
        kegiatan = per_kim.rename_axis("id_kim").reset_index(name="jumlah")
        kegiatan.insert(1, "nama_kim", kegiatan["id_kim"].map(nama))
    else:
        turun = pd.DataFrame(columns=["id_kim", "nama_kim", "status_sebelum", "status_kini"])
        kegiatan = pd.DataFrame(columns=["id_kim", "nama_kim", "jumlah"])
    kemajuan = kemajuan_target(dataset, akhir, target)
    # A target is missed only once its period is over: a month in progress still has days for its post.
    bulan_selesai = akhir == _bulan(bulan)[1]
    akhir_triwulan = bulan_selesai and akhir.month % 3 == 0
    dinilai = ((kemajuan["jenis"] == "pos_per_bulan") & bulan_selesai) | ((kemajuan["jenis"] == "kegiatan_per_triwulan") & akhir_triwulan)
    meleset = kemajuan[dinilai & kemajuan["tercapai"].eq(False).fillna(False)].reset_index(drop=True)  # NA (unknown) is no miss
    return RingkasanBulanan(bulan, awal, akhir, turun.reset_index(drop=True), kegiatan, meleset, laporan_menunggu, ada_log)


def tabel_ringkasan(r: RingkasanBulanan, wilayah: Wilayah) -> pd.DataFrame:
    """One row per item (the CSV): ``bagian``, ``id_kim``, ``nama_kim``, ``keterangan``, in both languages as the PDF."""

    def jenis(j: str) -> str:
        return f"{nama_target(j)} / {nama_target(j, 'en')}"

    def turun(x) -> str:
        return (f"{x.status_sebelum} → {x.status_kini} / "
                f"{wilayah.label(x.status_sebelum, 'en')} → {wilayah.label(x.status_kini, 'en')}")

    baris = [("status_turun", x.id_kim, x.nama_kim, turun(x)) for x in r.turun.itertuples()]
    baris += [("kegiatan_baru", x.id_kim, x.nama_kim, f"{x.jumlah} kegiatan / {x.jumlah} {'activity' if x.jumlah == 1 else 'activities'}")
              for x in r.kegiatan.itertuples()]
    baris += [("target_meleset", x.id_kim, x.nama_kim, f"{jenis(x.jenis)} {x.periode}: {x.capaian:g} dari / of {x.target:g}")
              for x in r.target_meleset.itertuples()]
    menunggu = "tidak tersedia / not available" if r.laporan_menunggu is None else str(r.laporan_menunggu)
    baris.append(("laporan_menunggu", "", "", f"laporan lapangan menunggu verifikasi / field reports awaiting review: {menunggu}"))
    return pd.DataFrame(baris, columns=["bagian", "id_kim", "nama_kim", "keterangan"])


def ringkasan_csv(r: RingkasanBulanan, wilayah: Wilayah) -> bytes:
    from geo.ekspor.tabel import ke_csv

    return ke_csv(tabel_ringkasan(r, wilayah))


def ringkasan_pdf(dataset: Dataset, r: RingkasanBulanan) -> bytes:
    from matplotlib import rc_context
    from matplotlib.backends.backend_pdf import PdfPages

    from geo.ekspor.pemetaan_pdf import HalamanA4

    judul = f"Ringkasan bulanan KIM / Monthly KIM digest — {dataset.wilayah.nama} — {r.bulan}"
    halaman = [HalamanA4(dataset, judul, 1)]
    h = halaman[0]
    h.y = 22
    h.baris(f"Ringkasan bulanan KIM {r.bulan}", 15, True)
    h.baris(f"Monthly KIM digest · {r.awal:%Y-%m-%d} – {r.akhir:%Y-%m-%d}", 10)
    if not r.ada_log:
        h.baris("Tanpa log kegiatan: perubahan status dan kegiatan baru tidak dapat dihitung. / "
                "Without an activity log, status changes and new activities cannot be computed.", 8)
    tabel = tabel_ringkasan(r, dataset.wilayah)
    for kode, judul_bagian in [*BAGIAN.items(), ("laporan_menunggu", "Laporan menunggu verifikasi / Reports awaiting review")]:
        h.y += 3
        h.baris(judul_bagian, 11, True)
        isi = tabel[tabel["bagian"] == kode]
        if kode == "target_meleset" and r.berjalan:
            h.baris(f"{tk('bulan_berjalan')} / {tk('bulan_berjalan', 'en')}", 8)
        if not len(isi):
            h.baris("Tidak ada / None", 8)
        for x in isi.itertuples():
            if h.y > 280:
                h = HalamanA4(dataset, judul, len(halaman) + 1)
                h.y = 20
                halaman.append(h)
            h.baris(f"{x.nama_kim} ({x.id_kim}): {x.keterangan}" if x.id_kim else x.keterangan, 8)
    keluaran = io.BytesIO()
    with rc_context({"pdf.fonttype": 42}), PdfPages(keluaran, metadata={"Title": judul, "Creator": "Peta Potensi KIM"}) as pdf:
        for hal in halaman:
            pdf.savefig(hal.fig)
    return keluaran.getvalue()
