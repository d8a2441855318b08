"""The time control on the page (AppTest): URL dates, cards, detail, timeline, and the log tab on Kelola Data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.tampilan.keadaan import dari_param, ke_param
from tests.halaman.test_kelola_apptest import _masuk, akun  # noqa: F401 - fixture reused
from tests.kartu_uji import baris_kartu
from tests.tampilan.test_waktu import LOG_UJI

DASBOR = str(Path(__file__).resolve().parents[2] / "dashboard.py")
KELOLA = str(Path(__file__).resolve().parents[2] / "pages" / "1_Kelola_Data.py")


def _tulis_log(dir: Path) -> None:
    baris = ["id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan"] + [",".join(b) for b in LOG_UJI]
    (dir / "kegiatan.csv").write_text("\n".join(baris) + "\n", encoding="utf-8")


@pytest.fixture
def log_uji(wilayah_uji):
    _tulis_log(wilayah_uji.dir)
    return wilayah_uji


def _jalan(param: dict) -> AppTest:
    at = AppTest.from_file(DASBOR, default_timeout=90)
    for k, v in param.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def test_param_pada_banding_dibaca_dan_ditulis(log_uji):
    from geo.masuk.dataset import muat_dataset

    ds = muat_dataset()
    k = dari_param({"pada": "31/08/2019", "banding": "2025-02-28"}, ds)
    assert (k.pada, k.banding, k.metrik) == (dt.date(2019, 8, 31), dt.date(2025, 2, 28), "perubahan_aktif")
    assert ke_param(k, ds)["pada"] == ["2019-08-31"] and ke_param(k, ds)["banding"] == ["2025-02-28"]
    salah = dari_param({"pada": "2010-01-01", "metrik": "perubahan_aktif"}, ds)
    assert salah.pada is None and salah.metrik == "jumlah_potensi"
    assert any("sebelum kegiatan pertama" in c for c in salah.catatan) and any("perubahan_aktif" in c for c in salah.catatan)


def test_halaman_dengan_pada_dan_banding(log_uji):
    at = _jalan({"pada": "2019-08-31", "banding": "2025-02-28", "kelurahan": "Alfa Laut"})
    kartu = baris_kartu(at)[0]
    assert kartu["Potensi aktif"] == "20%"  # 1 of 5 potentials active on 31 Aug 2019
    assert kartu["KIM tidak aktif > 12 bulan"] == "1"  # KIM Beta: no activity by then
    teks = " ".join(m.value for m in [*at.markdown, *at.html])
    # 28 Feb 2025: A-03 (3 Feb) active; A-01 (May 2024) and A-02 (Jan 2023) not; so Alfa 1 → 1, one revived, one gone quiet.
    assert "Potensi aktif: <strong>1</strong> pada 31 Agustus 2019 → <strong>1</strong> pada 28 Februari 2025 (+0)" in teks
    assert "<strong>1</strong> potensi bangkit kembali, <strong>1</strong> tidak lagi Aktif" in teks
    assert at.session_state["w_metrik"] == "perubahan_aktif"
    assert at.query_params["pada"] == ["2019-08-31"] or at.query_params["pada"] == "2019-08-31"
    assert any("Kegiatan KIM (2)" in e.label for e in at.expander)  # Alfa up to 31 Aug 2019: K1 and K3; later ones hidden
    assert "**Status potensi per bulan** · Kota Uji" in teks and "**Status potensi per bulan: Alfa Laut**" in teks  # both timelines


def test_daftar_perubahan_tanpa_kelurahan_terpilih(log_uji):
    at = _jalan({"pada": "2019-08-31", "banding": "2025-02-28"})
    (tabel,) = [d for d in at.dataframe if "perubahan_aktif" in d.value.columns]
    assert len(tabel.value) == 3
    assert tabel.value.set_index("kelurahan").loc["Alfa Laut", ["jumlah_aktif_pada", "jumlah_aktif_banding", "jumlah_bangkit"]].tolist() == [1, 1, 1]


def test_tanpa_log_tanpa_kontrol_waktu(wilayah_uji):
    at = _jalan({})
    assert not [d for d in at.get("date_input")]
    assert len(baris_kartu(at)[0]) >= 4 and "KIM tidak aktif > 12 bulan" not in baris_kartu(at)[0]
    at2 = _jalan({"pada": "2020-01-01"})
    assert any("log kegiatan" in w.value for w in at2.warning)


def test_tab_log_kegiatan_untuk_editor(akun):  # noqa: F811
    _tulis_log(akun.dir)
    at = AppTest.from_file(KELOLA, default_timeout=90)
    at.run()
    assert not at.exception
    assert not [b for b in at.button if b.key == "log_simpan"]  # not logged in: no log editor
    _masuk(at)
    tombol = [b for b in at.button if b.key == "log_simpan"]
    assert len(tombol) == 1 and tombol[0].disabled  # nothing changed yet
    assert any("7 kegiatan" in c.value for c in at.caption)
