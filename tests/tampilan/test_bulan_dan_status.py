"""One home each for whole months and the status words, tested at the edges (#19).

The time view and the budget used to disagree (31 Jan → 28 Feb was 1 month in one and 0 in the
other; 29 Feb 2024 → 28 Feb 2025 was 12 against 11). Both now read geo.tampilan.waktu.bulan_penuh,
and "active" is the region's first status word everywhere.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from geo.anggaran.usul import bulan_dorman
from geo.masuk.dataset import muat_dataset
from geo.tampilan.susun import tampilkan
from geo.tampilan.waktu import AturanWaktu, bulan_penuh, status_dari_bulan
from tests.conftest import BARIS_BAIK

T = pd.Timestamp

# (last activity, date, whole months): month ends clamp, 29 February, the day before and the day of.
TEPI = [
    ("2026-01-31", "2026-02-28", 1),  # 31 Jan + 1 month = 28 Feb
    ("2026-01-31", "2026-02-27", 0),
    ("2024-01-31", "2024-02-29", 1),  # leap year: 29 Feb
    ("2024-01-31", "2024-02-28", 0),
    ("2024-02-29", "2025-02-28", 12),  # 29 Feb + 12 months = 28 Feb (no 29th)
    ("2024-02-29", "2025-02-27", 11),
    ("2024-02-29", "2024-03-29", 1),
    ("2024-02-29", "2024-03-28", 0),
    ("2026-03-31", "2026-04-30", 1),
    ("2026-05-15", "2026-05-15", 0),  # the same day
    ("2026-05-15", "2026-08-14", 2),
    ("2026-05-15", "2026-08-15", 3),  # exactly 3 months: the default bulan_aktif threshold
    ("2025-11-30", "2026-11-30", 12),  # exactly 12 months: bulan_kurang_aktif
    ("2025-12-01", "2026-11-30", 11),
]


@pytest.mark.parametrize(("terakhir", "pada", "bulan"), TEPI)
def test_bulan_penuh_di_tepi(terakhir, pada, bulan):
    assert bulan_penuh(pd.Series([T(terakhir)]), dt.date.fromisoformat(pada)).iloc[0] == bulan


@pytest.mark.parametrize(("terakhir", "pada", "bulan"), TEPI)
def test_anggaran_memakai_bulan_yang_sama(terakhir, pada, bulan):
    potensi = pd.DataFrame({"kode_kelurahan": ["K"], "kegiatan_terakhir": [T(terakhir)]})
    assert bulan_dorman(potensi, dt.date.fromisoformat(pada), 99)["K"] == bulan


def test_bulan_tanpa_tanggal_dan_batas_atas():
    assert pd.isna(bulan_penuh(pd.Series([pd.NaT]), dt.date(2026, 1, 1)).iloc[0])
    potensi = pd.DataFrame({"kode_kelurahan": ["K", "L"], "kegiatan_terakhir": [pd.NaT, T("2000-01-01")]})
    assert bulan_dorman(potensi, dt.date(2026, 1, 1), 24).to_dict() == {"K": 24, "L": 24}


@pytest.mark.parametrize(("bulan", "status"), [(0, "Hidup"), (2, "Hidup"), (3, "Lesu"), (11, "Lesu"), (12, "Mati"),
                                               (40, "Mati"), (float("nan"), "Mati")])
def test_status_di_ambang_dengan_kosakata_wilayah(bulan, status):
    kata = ("Hidup", "Lesu", "Mati")
    assert status_dari_bulan(pd.Series([bulan]), AturanWaktu(3, 12), kata).iloc[0] == status


def test_kata_aktif_dari_kosakata_wilayah(wilayah_uji):
    """A region that calls its statuses otherwise: the cards, the aggregate and the table count its own first word."""
    kata = ["Giat", "Kurang Giat", "Vakum"]
    ganti = {"Aktif": kata[0], "Kurang Aktif": kata[1], "Tidak Aktif": kata[2]}
    wilayah_uji.tulis_kim([[*b[:8], ganti[b[8]], *b[9:]] for b in BARIS_BAIK])
    wilayah_uji.wilayah.write_text(json.dumps({"nama": "Kota Uji", "slug": "uji", "status_aktivitas": kata}), encoding="utf-8")
    ds = muat_dataset()
    assert ds.ok, ds.laporan.teks()
    assert ds.wilayah.status_aktif == "Giat"
    v = tampilkan(ds)
    assert v.angka.aktif == 3 and v.angka.persen_aktif == 60.0  # B-02 (it was 0 % before)
    assert int(v.ringkasan["jumlah_aktif"].sum()) == 3
    from geo.tampilan.angka import angka_utama

    assert angka_utama(v, str(v.ringkasan["kode"].iloc[0])).aktif == 2  # the per-row path counts the same word
