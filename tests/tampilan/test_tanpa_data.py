"""No data is not zero (issue #22): a unit a filter empties says "tidak ada data" everywhere.

The fixture region has Alfa Laut (3 potentials, 2 Kuliner), Beta (2, one Kuliner) and Gama Raya
(none). ``kategori=Pariwisata`` keeps only Alfa Laut's tourism village, so the filter empties
Beta; Gama Raya never had a potential.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import numpy as np
import openpyxl
import pytest
from matplotlib.patches import Rectangle

from geo.cli.utama import main
from geo.ekspor import OpsiEkspor, buat
from geo.i18n import nilai_metrik
from geo.masuk.dataset import muat_dataset
from geo.peta.hidup import perubahan
from geo.peta.legenda import html_legenda
from geo.tampilan import kelas, waktu
from geo.tampilan.keadaan import dari_param
from geo.tampilan.susun import tampilkan
from tests import peta_uji
from tests.conftest import KODE_A, KODE_B, KODE_C

PARAM = {"kategori": ["Pariwisata"], "metrik": ["persen_aktif"]}


@pytest.fixture
def tp(wilayah_uji):
    ds = muat_dataset()
    return tampilkan(ds, dari_param(PARAM, ds))


def test_filter_yang_mengosongkan_kelurahan_memberi_nan_bukan_nol(tp):
    r = tp.ringkasan.set_index("kode")
    assert r.loc[KODE_A, "persen_aktif"] == 100.0
    assert r.loc[KODE_B, "jumlah_potensi"] == 0 and np.isnan(r.loc[KODE_B, "persen_aktif"])
    assert np.isnan(r.loc[KODE_C, "persen_aktif"])


def test_kelas_tanpa_unit_tanpa_data():
    k = kelas.hitung_kelas([0.0, 50.0, 100.0, np.nan, np.nan], "equal_interval", 3)
    assert k.tanpa_data == 2 and k.min_data[0] == 0.0 and k.maks_data[-1] == 100.0
    assert list(k.indeks([np.nan, 100.0])) == [-1, len(k.atas) - 1]
    assert k.warna_nilai([np.nan]) == [kelas.WARNA_TANPA_DATA]
    # Breaks from the data only: NaN never drags a class down to 0.
    assert kelas.hitung_kelas([50.0, 100.0, np.nan], "quantiles", 5).min_data[0] == 50.0
    kosong = kelas.hitung_kelas([np.nan, np.nan], "quantiles", 5)
    assert kosong.atas == () and kosong.warna == () and kosong.tanpa_data == 2
    assert list(kosong.indeks([np.nan, np.nan])) == [-1, -1]


@pytest.mark.parametrize(("bahasa", "kata"), [("id", "tidak ada data"), ("en", "no data")])
def test_teks_nilai_dan_legenda_halaman(tp, bahasa, kata):
    assert nilai_metrik("persen_aktif", float("nan"), bahasa) == kata
    assert nilai_metrik("bulan_tidak_aktif", None, bahasa) == kata
    assert nilai_metrik("persen_aktif", 0.0, bahasa) == "0%"
    legenda = html_legenda(tp.dengan(bahasa=bahasa), dengan_catatan=False)
    assert f'kim-tanpa-data" style="background:{kelas.WARNA_TANPA_DATA}"></span>{kata}</div>' in legenda
    assert ">0%</div>" not in legenda  # no class of zero made of empty kelurahan
    # A metric without gaps has no such entry.
    assert kata not in html_legenda(tp.dengan(metrik="jumlah_potensi", bahasa=bahasa), dengan_catatan=False)


def test_peta_hidup_mewarnai_abu_abu_dengan_tooltip_tidak_ada_data(tp):
    d = perubahan(tp, "")
    kode = tp.ringkasan["kode"].astype(str).tolist()
    for k in (KODE_B, KODE_C):
        j = kode.index(k)
        assert d["w"][j] == -1 and d["n"][j] == "tidak ada data"
    assert d["warna"][-1] == kelas.WARNA_TANPA_DATA  # kim-peta.js draws w = -1 in the last colour
    j = kode.index(KODE_A)
    assert d["n"][j] == "100%" and d["w"][j] >= 0


def test_ekspor_html_tooltip(tp):
    html = buat("html", tp, OpsiEkspor()).data.decode("utf-8")
    nilai = {f["properties"]["nama"]: f["properties"]["nilai"] for f in peta_uji.kelurahan(html)}
    assert nilai == {"Alfa Laut": "100%", "Beta": "tidak ada data", "Gama Raya": "tidak ada data"}
    assert "tidak ada data" in html  # the legend entry


def test_xlsx_sel_kosong_dan_judul_kolom(tp):
    wb = openpyxl.load_workbook(io.BytesIO(buat("xlsx", tp, OpsiEkspor()).data))
    ws = next(w for w in wb.worksheets if w.title.startswith("Ringkasan"))
    judul = [c.value for c in ws[1]]
    (i,) = [n for n, j in enumerate(judul) if j.startswith("Persentase aktif")]
    assert "kosong = tidak ada data" in judul[i]
    nilai = {row[1]: row[i] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert nilai == {"Alfa Laut": 100, "Beta": None, "Gama Raya": None}


def test_geojson_null(tp):
    fitur = json.loads(buat("geojson", tp, OpsiEkspor()).data)["features"]
    nilai = {f["properties"]["kelurahan"]: f["properties"]["persen_aktif"] for f in fitur if f["properties"]["jenis"] == "kelurahan"}
    assert nilai == {"Alfa Laut": 100.0, "Beta": None, "Gama Raya": None}


def test_summary_csv_kosong_dan_tabel_tidak_ada_data(wilayah_uji, capsys):
    assert main(["summary", "--kategori", "Pariwisata", "--format", "csv"]) == 0
    baris = {b["kelurahan"]: b["persen_aktif"] for b in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert baris == {"Alfa Laut": "100.0", "Beta": "", "Gama Raya": ""}
    assert main(["summary", "--kategori", "Pariwisata"]) == 0
    teks = capsys.readouterr().out
    assert teks.count("tidak ada data") == 2 and " 0.0 " not in teks


def test_dormansi_tanpa_log_bukan_nol(wilayah_uji, monkeypatch):
    (wilayah_uji.dir / "kegiatan.csv").write_text(
        "id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\nK1,A-01,2024-05-01,rapat,3,\n", encoding="utf-8")
    monkeypatch.setattr(waktu, "hari_ini", lambda: dt.date(2025, 3, 31))
    ds = muat_dataset()
    tp = tampilkan(ds, dari_param({"metrik": ["bulan_tidak_aktif"]}, ds))
    r = tp.ringkasan.set_index("kode")
    assert r.loc[KODE_A, "bulan_tidak_aktif"] == 10
    # Beta has no logged activity but a recorded kegiatan_terakhir (2020-03-01), which the one status rule
    # (README, #20) applies; Gama Raya has no potential at all, so no dormancy: no data, never 0.
    assert r.loc[KODE_B, "bulan_tidak_aktif"] == 60
    assert np.isnan(r.loc[KODE_C, "bulan_tidak_aktif"])
    assert tp.kelas.tanpa_data == 1
    assert "tidak ada data" in html_legenda(tp, dengan_catatan=False)


@pytest.mark.lambat
def test_cetak_legenda_dan_isi_arsir(tp):
    from geo.ekspor import snapshot as snap

    fig = snap.buat_gambar(tp, OpsiEkspor(tanggal=dt.date(2026, 1, 1)))
    assert "tidak ada data" in snap.teks_gambar(fig)
    arsir = [p for p in fig.findobj(Rectangle) if p.get_hatch()]
    assert arsir, "the legend's no-data sample is hatched"
    # The map's no-data units are hatched too (a PathCollection with a hatch).
    assert any(getattr(c, "get_hatch", lambda: None)() for ax in fig.axes for c in ax.collections)
