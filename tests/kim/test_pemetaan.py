"""The pemetaan report (#25): roll-up counts by hand, the XLSX, and the PDF's sections (pdftotext)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import openpyxl
import pytest

from geo.config import DATA_DIR
from geo.kim.berkas import buat_berkas_kim, id_kim_untuk
from geo.kim.pemetaan import pemetaan
from geo.masuk.dataset import muat_dataset
from tests.conftest import KODE_A, KODE_B, KODE_C

TANGGAL = dt.date(2026, 12, 1)


@pytest.fixture
def data(wilayah_uji):
    (wilayah_uji.dir / "profil_kim.csv").write_text(
        "id_kim,nama_kim,kode_kelurahan,nomor_kimid,sk_nomor\n"
        f"KIM-A,KIM Alfa,{KODE_A},,1/SK/2024\nKIM-B,KIM Beta,{KODE_B},KIMID-1,\nKIM-C,KIM Gama,{KODE_C},KIMID-2,2/SK/2025\n",
        encoding="utf-8")
    d = muat_dataset()
    assert d.laporan.ok, d.laporan.teks()
    return d


def test_rekap_dihitung_tangan(data):
    m = pemetaan(data, TANGGAL)
    kim = m.kim.set_index("id_kim")
    # no log: a KIM's status is the best of its recorded potentials'; KIM Gama has no potential yet
    assert kim.at["KIM-A", "status"] == "Aktif" and kim.at["KIM-B", "status"] == "Aktif" and kim.at["KIM-C", "status"] == ""
    assert kim.at["KIM-A", "jumlah_potensi"] == 3 and kim.at["KIM-C", "jumlah_potensi"] == 0
    kec = m.rekap("kecamatan").set_index("kode")
    assert kec.loc["99.01.01", ["kim_dibentuk", "dengan_sk", "terdaftar_kimid", "aktif", "kurang_aktif", "tidak_aktif"]].tolist() == [2, 1, 1, 2, 0, 0]
    assert kec.loc["99.01.02", ["kim_dibentuk", "dengan_sk", "terdaftar_kimid", "aktif"]].tolist() == [1, 1, 1, 0]
    kota = m.rekap("kabkota")
    assert len(kota) == 1 and kota.at[0, "kim_dibentuk"] == 3 and kota.at[0, "dengan_sk"] == 2
    assert kota.at[0, "rata_skor"] == pytest.approx(kim["skor"].mean(), abs=0.05)
    assert m.bagian == "kelurahan"


def test_filter_dan_wilayah_memilih_kim(data):
    semua = id_kim_untuk(data, None)
    assert semua == ["KIM-A", "KIM-B", "KIM-C"]  # a KIM without potentials is still a KIM formed
    beta = data.potensi[data.potensi["nama_kim"] == "KIM Beta"]
    assert id_kim_untuk(data, beta) == ["KIM-B"]
    assert id_kim_untuk(data, None, "99.01.02") == ["KIM-C"]


def test_xlsx_pemetaan(data):
    hasil = buat_berkas_kim("pemetaan-xlsx", data, ["KIM-A", "KIM-B"], TANGGAL)
    wb = openpyxl.load_workbook(io.BytesIO(hasil.data))
    assert wb.sheetnames == ["Rekap", "KIM", "Prioritas", "Info"]
    rekap = [[c.value for c in r] for r in wb["Rekap"].iter_rows(min_row=2)]
    assert rekap[1][:4] == ["Kab/Kota", "99.01", "Kota Uji", 2]  # provinsi first, then kab/kota
    assert "KIMs formed" in wb["Rekap"]["D1"].value and wb["KIM"].max_row == 3


def _pdftotext(data: bytes, tmp_path) -> str:
    path = tmp_path / "p.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.lambat
def test_pdf_data_bawaan_per_kelurahan_dan_rekap_kota(tmp_path, capsys):
    from geo.cli.utama import main

    data = tmp_path / "data"  # #21: an export may not write into the data folder, so the output goes beside it
    data.mkdir()
    for nama in ("kim.csv", "kegiatan.csv", "boundaries.geojson", "kelurahan.csv", "wilayah.json", "profil_kim.csv", "nilai_juri.csv"):
        shutil.copy(DATA_DIR / nama, data / nama)
    keluar = tmp_path / "pemetaan.pdf"
    assert main(["export", "--kim", str(data / "kim.csv"), "--boundaries", str(data / "boundaries.geojson"),
                 "--format", "pemetaan-pdf", "--pada", "2026-12-01", "-o", str(keluar)]) == 0
    teks = _pdftotext(keluar.read_bytes(), tmp_path)
    kelurahan = [b.split(",")[1] for b in (DATA_DIR / "kelurahan.csv").read_text(encoding="utf-8").splitlines()[1:]]
    assert len(kelurahan) == 15
    for nama in kelurahan:
        assert f"Kelurahan {nama}" in teks, nama
    assert "Kab/Kota" in teks and "Kota Bontang" in teks and "Rekapitulasi / Roll-up" in teks
    assert "KIM mapping report" in teks and "Status pada tanggal / Status at date" in teks
    assert "Sample data" in teks and "Prioritas pembinaan / Coaching priorities" in teks


@pytest.mark.lambat
def test_pdf_provinsi_satu_bagian_per_kabkota(tmp_path):
    from benchmarks.buat_wilayah_besar import buat_wilayah_besar

    w = buat_wilayah_besar(120, tmp_path / "prov", seed=3, n_kabkota=3, n_baris=300)
    d = muat_dataset(w.kim, w.batas, w.referensi, w.wilayah)
    assert d.laporan.ok
    m = pemetaan(d, TANGGAL)
    assert m.bagian == "kabkota"
    hasil = buat_berkas_kim("pemetaan-pdf", d, id_kim_untuk(d, None), TANGGAL)
    teks = _pdftotext(hasil.data, tmp_path)
    kabkota = sorted(set(m.kim["kabkota"]))
    assert len(kabkota) == 3
    for nama in kabkota:
        assert teks.count(f"{nama}\n") >= 1
    assert teks.count("kode/code 11.0") == 3  # one section heading per kab/kota, none per desa
    assert "Kelurahan Unit" not in teks


def test_berkas_dan_prioritas_mengikuti_tampilan(data):
    """The KIM files and summary's prioritas take the View (#19): its unit picks the KIM, its date names the report."""
    from geo.kim.berkas import berkas_tampilan, id_kim_tampilan
    from geo.kim.penilaian import penilaian_tampilan
    from geo.tampilan.keadaan import Keadaan
    from geo.tampilan.saring import Filter
    from geo.tampilan.susun import tampilkan

    assert id_kim_tampilan(tampilkan(data, Keadaan())) == ["KIM-A", "KIM-B", "KIM-C"]
    unit = tampilkan(data, Keadaan(tingkat="kelurahan", wilayah="99.01.02"))
    assert id_kim_tampilan(unit) == ["KIM-C"]
    hasil = berkas_tampilan("pemetaan-xlsx", unit)
    assert hasil.jumlah_kim == 1
    kim = [r[0].value for r in openpyxl.load_workbook(io.BytesIO(hasil.data))["KIM"].iter_rows(min_row=2) if r[0].value]
    assert "KIM-C" in kim and "KIM-A" not in kim
    beta = tampilkan(data, Keadaan(filter=Filter(cari="KIM Beta")))
    assert list(penilaian_tampilan(beta).hasil["id_kim"]) == ["KIM-B"]
