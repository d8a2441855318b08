"""The KIM score (#25) as a map metric of the one View: values, no data never 0, URL, CLI, exports, figure.

Fixture region: KIM Alfa (Alfa Laut), KIM Beta (Beta), and Gama Raya without any KIM.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import numpy as np
import openpyxl
import pytest

from geo.cli.utama import main
from geo.ekspor import OpsiEkspor, buat
from geo.kim.penilaian import penilaian
from geo.masuk.dataset import muat_dataset
from geo.peta.hidup import perubahan
from geo.peta.legenda import html_legenda
from geo.tampilan import kelas, waktu
from geo.tampilan.keadaan import Keadaan, dari_param, ke_param
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests.conftest import KODE_A, KODE_B, KODE_C

HARI = dt.date(2026, 6, 30)


@pytest.fixture
def ds(wilayah_uji, monkeypatch):
    monkeypatch.setattr(waktu, "hari_ini", lambda: HARI)
    (wilayah_uji.dir / "profil_kim.csv").write_text(
        "id_kim,nama_kim,kode_kelurahan,nomor_kimid,sk_nomor,sk_tanggal,ad_art\n"
        f"KIM-A,KIM Alfa,{KODE_A},KIMID-1,1/SK,2024-01-02,ya\nKIM-B,KIM Beta,{KODE_B},,,,\n", encoding="utf-8")
    return muat_dataset()


def _skor(ds) -> dict[str, float]:
    h = penilaian(ds, HARI).hasil
    return dict(zip(h["id_kim"], h["skor"].astype(float)))


def test_nilai_per_kelurahan_dan_tanpa_kim_tanpa_data(ds):
    tp = tampilkan(ds, dari_param({"metrik": ["skor_kim"]}, ds))
    assert tp.metrik == "skor_kim"
    r = tp.ringkasan.set_index("kode")["skor_kim"]
    skor = _skor(ds)
    assert r[KODE_A] == pytest.approx(skor["KIM-A"]) and r[KODE_B] == pytest.approx(skor["KIM-B"])
    assert skor["KIM-A"] > skor["KIM-B"]  # SK, AD/ART and KIM.ID: Alfa's administration scores, Beta's does not
    assert np.isnan(r[KODE_C])  # no KIM: no data, never 0
    assert tp.kelas.tanpa_data == 1


def test_filter_kosongkan_kim_dan_metrik_dari_tampilan_lain(ds):
    # Batik is only Beta's: Alfa's KIM is not in the view, so Alfa Laut has no score in it
    tp = tampilkan(ds, Keadaan(filter=Filter(kategori=("Batik & Kerajinan",)), metrik="skor_kim"))
    r = tp.ringkasan.set_index("kode")["skor_kim"]
    assert np.isnan(r[KODE_A]) and not np.isnan(r[KODE_B])
    # switching the metric of a View already computed adds the column (nothing else recomputed)
    lain = tampilkan(ds).dengan(metrik="skor_kim")
    assert lain.ringkasan.set_index("kode")["skor_kim"][KODE_A] == pytest.approx(_skor(ds)["KIM-A"])
    assert "skor_kim" not in tampilkan(ds).ringkasan  # other maps never pay for the assessment


def test_tingkat_kecamatan_rata_rata(ds):
    tp = tampilkan(ds, Keadaan(tingkat="kecamatan", metrik="skor_kim"))
    r = tp.ringkasan.set_index("kode")["skor_kim"]
    skor = _skor(ds)
    assert r["99.01.01"] == pytest.approx((skor["KIM-A"] + skor["KIM-B"]) / 2) and np.isnan(r["99.01.02"])


@pytest.mark.parametrize(("bahasa", "kata", "judul"), [("id", "tidak ada data", "Skor KIM periode 2026"),
                                                        ("en", "no data", "KIM score, period 2026")])
def test_legenda_dan_tooltip(ds, bahasa, kata, judul):
    tp = tampilkan(ds, Keadaan(metrik="skor_kim", bahasa=bahasa))
    legenda = html_legenda(tp, dengan_catatan=False)
    assert judul in legenda and f"{kelas.WARNA_TANPA_DATA}\"></span>{kata}</div>" in legenda
    d = perubahan(tp, "")
    j = tp.ringkasan["kode"].astype(str).tolist().index(KODE_C)
    assert d["w"][j] == -1 and d["n"][j] == kata


def test_url_pulang_pergi(ds):
    k = dari_param({"metrik": ["skor_kim"]}, ds)
    assert ke_param(k, ds)["metrik"] == ["skor_kim"]
    assert dari_param(ke_param(k, ds), ds).metrik == "skor_kim"


def test_cli_ekspor(ds, tmp_path):
    xlsx = tmp_path / "ringkasan.xlsx"
    assert main(["export", "--format", "xlsx", "--metrik", "skor_kim", "--output", str(xlsx)]) == 0
    ws = next(w for w in openpyxl.load_workbook(xlsx).worksheets if w.title.startswith("Ringkasan"))
    judul = [c.value for c in ws[1]]
    (i,) = [n for n, j in enumerate(judul) if j.startswith("Skor KIM")]
    assert "kosong = tidak ada data" in judul[i]
    nilai = {row[1]: row[i] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert nilai["Gama Raya"] is None and nilai["Alfa Laut"] == pytest.approx(_skor(ds)["KIM-A"])
    geo = tmp_path / "peta.geojson"
    assert main(["export", "--format", "geojson", "--metrik", "skor_kim", "--output", str(geo)]) == 0
    fitur = [f["properties"] for f in json.loads(geo.read_bytes())["features"] if f["properties"]["jenis"] == "kelurahan"]
    assert {f["kelurahan"]: f["skor_kim"] is None for f in fitur} == {"Alfa Laut": False, "Beta": False, "Gama Raya": True}
    berkas = tmp_path / "potensi.csv"
    assert main(["export", "--format", "csv", "--metrik", "skor_kim", "--output", str(berkas)]) == 0
    pot = {b["id_potensi"]: b["skor_kim"] for b in csv.DictReader(io.StringIO(berkas.read_text(encoding="utf-8-sig")))}
    assert float(pot["B-01"]) == pytest.approx(_skor(ds)["KIM-B"])


@pytest.mark.lambat
def test_gambar_cetak(ds):
    from geo.ekspor import snapshot as snap

    tp = tampilkan(ds, Keadaan(metrik="skor_kim"))
    teks = " ".join(snap.teks_gambar(snap.buat_gambar(tp, OpsiEkspor(tanggal=HARI))))
    assert "Skor KIM periode 2026" in teks.replace("\n", " ") and "tidak ada data" in teks
    assert buat("pdf", tp, OpsiEkspor(tanggal=HARI)).data.startswith(b"%PDF")
