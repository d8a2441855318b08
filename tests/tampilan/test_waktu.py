"""Status at a date, dormancy and comparison: every rule against hand-computed answers."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pandas as pd
import pytest

from geo.galat import GalatData
from geo.masuk.dataset import muat_dataset
from geo.masuk.wilayah import Wilayah
from geo.tampilan import waktu
from geo.tampilan.banding import garis_waktu, kim_tidak_aktif
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from geo.tampilan.waktu import AturanWaktu, aturan_waktu, bulan_penuh, bulan_tidak_aktif, status_dari_bulan, terakhir_pada
from tests.conftest import KODE_A, KODE_B

D = pd.Timestamp("2026-11-30")
HARI_INI = dt.date(2026, 11, 30)


def _s(*tanggal: str | None) -> pd.Series:
    return pd.Series(pd.to_datetime(list(tanggal)))


@pytest.mark.parametrize(
    ("terakhir", "pada", "bulan"),
    [
        ("2026-11-30", "2026-11-30", 0),
        ("2026-10-30", "2026-11-30", 1),  # exactly one month: L + 1 bulan = D
        ("2026-10-31", "2026-11-30", 1),  # 31 Oct + 1 bulan clamps to 30 Nov
        ("2026-11-01", "2026-11-30", 0),
        ("2026-09-01", "2026-11-30", 2),
        ("2026-08-31", "2026-11-30", 3),  # clamped: 31 Aug + 3 bulan = 30 Nov
        ("2026-08-30", "2026-11-30", 3),
        ("2025-12-01", "2026-11-30", 11),
        ("2025-11-30", "2026-11-30", 12),
        ("2026-01-31", "2026-02-28", 1),
        ("2026-01-31", "2026-02-27", 0),
        ("2024-01-31", "2024-02-29", 1),  # leap year
        ("2024-01-31", "2024-02-28", 0),
        ("2019-12-15", "2021-06-30", 18),
    ],
)
def test_bulan_penuh_aritmetika_bulan(terakhir, pada, bulan):
    assert bulan_penuh(_s(terakhir), pada).tolist() == [bulan]


def test_bulan_penuh_tanpa_tanggal_nan():
    hasil = bulan_penuh(_s(None, "2026-11-01"), D)
    assert len(hasil) == 2 and pd.isna(hasil[0]) and hasil[1] == 0


@pytest.mark.parametrize(
    ("terakhir", "status"),
    [
        ("2026-11-30", "Aktif"),
        ("2026-09-01", "Aktif"),  # 2 whole months < N = 3
        ("2026-08-31", "Kurang Aktif"),  # 3 = N: no longer Aktif
        ("2026-08-30", "Kurang Aktif"),
        ("2025-12-01", "Kurang Aktif"),  # 11 < M = 12
        ("2025-11-30", "Tidak Aktif"),  # 12 = M
        ("2020-02-01", "Tidak Aktif"),
        (None, "Tidak Aktif"),  # no activity by D
    ],
)
def test_status_batas_n_dan_m_bawaan(terakhir, status):
    assert status_dari_bulan(bulan_penuh(_s(terakhir), D), AturanWaktu()).tolist() == [status]


def test_status_batas_n_dan_m_dari_wilayah():
    wil = Wilayah(extra={"bulan_aktif": 1, "bulan_kurang_aktif": 6})
    aturan = aturan_waktu(wil)
    assert (aturan.bulan_aktif, aturan.bulan_kurang_aktif) == (1, 6)
    hasil = status_dari_bulan(bulan_penuh(_s("2026-10-31", "2026-10-30", "2026-06-01", "2026-05-30"), D), aturan)
    # 31 Oct + 1 bulan clamps to 30 Nov = D, so 1 whole month; then 1, 5 and 6 (= M)
    assert bulan_penuh(_s("2026-10-31", "2026-10-30", "2026-06-01", "2026-05-30"), D).tolist() == [1, 1, 5, 6]
    assert hasil.tolist() == ["Kurang Aktif", "Kurang Aktif", "Kurang Aktif", "Tidak Aktif"]
    assert status_dari_bulan(bulan_penuh(_s("2026-11-01"), D), aturan).tolist() == ["Aktif"]


def test_aturan_salah_ditolak():
    with pytest.raises(GalatData, match="bulan_aktif"):
        aturan_waktu(Wilayah(extra={"bulan_aktif": 12, "bulan_kurang_aktif": 3}))


def _log(*baris: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"id_potensi": [b[0] for b in baris], "tanggal": pd.to_datetime([b[1] for b in baris])})


def test_terakhir_pada_mengabaikan_kegiatan_sesudah_tanggal_dan_id_asing():
    potensi = pd.DataFrame({"id_potensi": ["P1", "P2", "P3"]}, index=[10, 11, 12])
    log = _log(("P1", "2020-01-05"), ("P1", "2021-03-01"), ("P1", "2022-01-01"), ("P2", "2021-07-01"), ("X9", "2021-01-01"))
    hasil = terakhir_pada(potensi, log, "2021-06-30")
    assert list(hasil.index) == [10, 11, 12]
    assert hasil[10] == pd.Timestamp("2021-03-01")
    assert pd.isna(hasil[11]) and pd.isna(hasil[12])
    # 2021-03-01 → 2021-06-30: 3 whole months (1 Jun ≤ 30 Jun < 1 Jul)
    assert bulan_tidak_aktif(potensi, log, "2021-06-30").tolist()[0] == 3


def test_kim_tidak_aktif_dihitung_per_kim():
    potensi = pd.DataFrame({
        "kode_kelurahan": ["a", "a", "b", "c"], "nama_kim": ["KA", "KA", "KB", "KC"],
        "bulan_tidak_aktif": [14.0, 2.0, 12.0, float("nan")],
    })
    # KA has one busy potential; KB is exactly 12 whole months; KC never had an activity.
    assert kim_tidak_aktif(potensi, 12) == 2


# --- through the one view, on a fixture region with a log ---

LOG_UJI = [
    # id_kegiatan, id_potensi, tanggal, jenis_kegiatan, peserta, keterangan
    ("K1", "A-01", "2019-05-01", "produksi", "8", ""),
    ("K2", "A-01", "2024-05-01", "rapat", "6", ""),
    ("K3", "A-02", "2019-06-10", "Pameran / Bazar", "4", ""),
    ("K4", "A-02", "2023-01-15", "produksi", "", ""),
    ("K5", "A-03", "2025-02-03", "liputan/konten", "5", ""),
    ("K6", "B-01", "2020-03-01", "sosialisasi", "12", ""),
    ("K7", "A-03", "2020-01-20", "rapat", "3", ""),
]


@pytest.fixture
def wilayah_log(wilayah_uji, monkeypatch):
    with (wilayah_uji.dir / "kegiatan.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id_kegiatan", "id_potensi", "tanggal", "jenis_kegiatan", "peserta", "keterangan"])
        w.writerows(LOG_UJI)
    monkeypatch.setattr(waktu, "hari_ini", lambda: dt.date(2025, 3, 31))
    return wilayah_uji


def test_status_pada_tanggal_lewat_tampilan(wilayah_log):
    ds = muat_dataset()
    assert ds.ok, ds.laporan.teks()
    assert len(ds.kegiatan) == 7
    t = tampilkan(ds, Keadaan(pada=dt.date(2019, 8, 31)))
    st = dict(zip(t.potensi["id_potensi"], t.potensi["status_aktivitas"]))
    # 31 Aug 2019: A-01 (1 May, 4 whole months) Kurang; A-02 (10 Jun, 2) Aktif; A-03/B-01/B-02 nothing yet.
    assert st == {"A-01": "Kurang Aktif", "A-02": "Aktif", "A-03": "Tidak Aktif", "B-01": "Tidak Aktif", "B-02": "Tidak Aktif"}
    r = t.ringkasan.set_index("kode")
    assert r.loc[KODE_A, "jumlah_aktif"] == 1 and r.loc[KODE_B, "jumlah_aktif"] == 0
    # median over Alfa's potentials with an activity by then: (3, 2) → 2.5 (A-01: May→Aug is 3 whole months + 30 days)
    assert r.loc[KODE_A, "bulan_tidak_aktif"] == pytest.approx((3 + 2) / 2)


def test_banding_dua_tanggal(wilayah_log):
    ds = muat_dataset()
    t = tampilkan(ds, Keadaan(pada=dt.date(2019, 8, 31), banding=dt.date(2025, 3, 31)))
    r = t.ringkasan.set_index("kode")
    # 31 Mar 2025: A-01 (May 2024, 10) Kurang, A-02 (Jan 2023) Tidak, A-03 (3 Feb 2025, 1) Aktif.
    assert r.loc[KODE_A, ["status_aktif_pada", "status_aktif_banding", "perubahan_aktif", "jumlah_bangkit", "jumlah_padam"]].tolist() == [1, 1, 0, 1, 1]
    assert r.loc[KODE_B, "status_tidak_aktif_banding"] == 2
    assert t.pada == dt.date(2019, 8, 31) and t.banding == dt.date(2025, 3, 31)


def test_tanpa_pada_memakai_hari_ini_dan_status_tercatat_disimpan(wilayah_log):
    t = tampilkan(muat_dataset())
    assert t.pada == dt.date(2025, 3, 31)
    p = t.potensi.set_index("id_potensi")
    assert p.loc["A-01", "status_tercatat"] == "Aktif" and p.loc["A-01", "status_aktivitas"] == "Kurang Aktif"
    assert bool(p.loc["A-01", "status_beda"]) and not bool(p.loc["A-03", "status_beda"])


def test_filter_status_memakai_status_pada_tanggal(wilayah_log):
    t = tampilkan(muat_dataset(), Keadaan(filter=Filter(status=("Aktif",)), pada=dt.date(2019, 8, 31)))
    assert t.potensi["id_potensi"].tolist() == ["A-02"]


@pytest.mark.parametrize(("tanggal", "pesan"), [(dt.date(2018, 1, 1), "sebelum kegiatan pertama"), (dt.date(2025, 4, 1), "masa depan")])
def test_tanggal_di_luar_log_ditolak(wilayah_log, tanggal, pesan):
    ds = muat_dataset()
    with pytest.raises(GalatData, match=pesan):
        tampilkan(ds, Keadaan(pada=tanggal))
    with pytest.raises(GalatData, match=pesan):
        tampilkan(ds, Keadaan(banding=tanggal))


def test_tanpa_log_tanggal_ditolak_dan_tampilan_seperti_biasa(wilayah_uji):
    ds = muat_dataset()
    assert ds.kegiatan is None
    t = tampilkan(ds)
    assert t.pada is None and "bulan_tidak_aktif" not in t.ringkasan
    with pytest.raises(GalatData, match="log kegiatan"):
        tampilkan(ds, Keadaan(pada=dt.date(2020, 1, 1)))


def test_garis_waktu_per_bulan(wilayah_log):
    ds = muat_dataset()
    g = garis_waktu(ds, Filter(), dt.date(2019, 9, 15))
    assert g["bulan"].dt.strftime("%Y-%m-%d").tolist() == ["2019-05-31", "2019-06-30", "2019-07-31", "2019-08-31", "2019-09-15"]
    assert g["Aktif"].tolist() == [1, 2, 2, 1, 0]  # A-01 Aktif May–Jul (0–2 months), A-02 from June to 9 Sep
    assert g["Kurang Aktif"].tolist() == [0, 0, 0, 1, 2]
    assert (g[["Aktif", "Kurang Aktif", "Tidak Aktif"]].sum(axis=1) == 5).all()
    beta = garis_waktu(ds, Filter(), dt.date(2020, 3, 31), kode=KODE_B)
    assert beta["Aktif"].iloc[-1] == 1 and beta["Tidak Aktif"].iloc[-1] == 1


def test_pandemi_dari_wilayah(wilayah_uji):
    data = json.loads(wilayah_uji.wilayah.read_text())
    data["masa_pandemi"] = {"nama": "Pandemi", "mulai": "2020-03-01", "selesai": "2021-12-31"}
    wilayah_uji.wilayah.write_text(json.dumps(data))
    aturan = aturan_waktu(muat_dataset().wilayah)
    assert aturan.pandemi == (pd.Timestamp("2020-03-01"), pd.Timestamp("2021-12-31"))
