"""Names that repeat: resolved through the kecamatan and kab/kota, or reported with every candidate."""

from __future__ import annotations

import csv
import json

import geopandas as gpd
import pytest
from shapely.geometry import box

from geo.masuk.dataset import muat_dataset
from tests.conftest import HEADER

# "Sukamaju" three times: two kecamatan of kab 98.01 and once in kab 98.02, whose kecamatan
# is also called "Timur". "Sukajadi" twice in kecamatan with the same name in two kab/kota.
REF = [
    ("98.01.01.2001", "Sukamaju", "Barat", "Kabupaten Satu"),
    ("98.01.02.2001", "Sukamaju", "Timur", "Kabupaten Satu"),
    ("98.02.01.2001", "Sukamaju", "Tengah", "Kabupaten Dua"),
    ("98.01.02.2002", "Sukajadi", "Timur", "Kabupaten Satu"),
    ("98.02.02.1001", "Sukajadi", "Timur", "Kota Dua"),
    ("98.01.01.2002", "Mekarsari", "Barat", "Kabupaten Satu"),
]


@pytest.fixture
def wilayah_homonim(tmp_path):
    with (tmp_path / "kelurahan.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["kode", "kelurahan", "kecamatan", "kode_kecamatan", "kabkota", "kode_kabkota", "luas_km2", "alias"])
        for kode, nama, kec, kab in REF:
            w.writerow([kode, nama, kec, kode[:8], kab, kode[:5], 1.0, ""])
    gdf = gpd.GeoDataFrame({"kode": [r[0] for r in REF], "sumber": "uji skematik"},
                           geometry=[box(120 + i * 0.01, 0, 120.01 + i * 0.01, 0.01) for i in range(len(REF))], crs="EPSG:4326")
    gdf.to_file(tmp_path / "batas.geojson", driver="GeoJSON")
    (tmp_path / "wilayah.json").write_text(json.dumps({"nama": "Provinsi Uji", "kode": "98"}), encoding="utf-8")

    def muat(baris: list[dict], header: list[str] = HEADER):
        with (tmp_path / "kim.csv").open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            for i, b in enumerate(baris):
                i_ref = next(j for j, r in enumerate(REF) if r[1] == b.get("kelurahan", "Mekarsari"))
                isi = {"id_potensi": f"H-{i}", "nama_kim": "KIM", "kategori_potensi": "Kuliner", "nama_potensi": "P",
                       "status_aktivitas": "Aktif", "jumlah_anggota": "3", "kegiatan_terakhir": "2024-01-01",
                       "lintang": "0.005", "bujur": f"{120.005 + i_ref * 0.01:.3f}", **b}
                w.writerow([isi.get(k, "") for k in header])
        return muat_dataset(tmp_path / "kim.csv", tmp_path / "batas.geojson", tmp_path / "kelurahan.csv", tmp_path / "wilayah.json")

    return muat


def _pesan(d, kolom):
    return [m for m in d.laporan.galat if m.kolom == kolom]


def test_kode_dan_nama_homonim_yang_benar_diterima(wilayah_homonim):
    # Today's bug: the second Sukamaju, right code and right name, was refused with a self-contradicting message.
    d = wilayah_homonim([{"kode_kelurahan": "98.01.02.2001", "kelurahan": "Sukamaju", "kecamatan": "Timur"},
                         {"kode_kelurahan": "98.02.01.2001", "kelurahan": "Sukamaju"}])
    assert d.ok, d.laporan.teks()
    assert list(d.potensi["kode_kelurahan"]) == ["98.01.02.2001", "98.02.01.2001"]


def test_nama_saja_diselesaikan_lewat_kecamatan(wilayah_homonim):
    d = wilayah_homonim([{"kelurahan": "Sukamaju", "kecamatan": "Timur"}, {"kelurahan": "Sukamaju", "kecamatan": "Tengah"}])
    assert d.ok, d.laporan.teks()
    assert list(d.potensi["kode_kelurahan"]) == ["98.01.02.2001", "98.02.01.2001"]


def test_kecamatan_sama_diselesaikan_lewat_kabkota(wilayah_homonim):
    header = [*HEADER, "kabkota"]
    d = wilayah_homonim([{"kelurahan": "Sukajadi", "kecamatan": "Timur", "kabkota": "Kota Dua"}], header)
    assert d.ok, d.laporan.teks()
    assert d.potensi.loc[0, "kode_kelurahan"] == "98.02.02.1001"
    assert not [m for m in d.laporan.peringatan if m.kolom == "kabkota"]  # a known optional column


def test_masih_ambigu_mendaftar_calon_dengan_kecamatan(wilayah_homonim):
    d = wilayah_homonim([{"kelurahan": "Sukamaju"}, {"kelurahan": "Sukajadi", "kecamatan": "Timur"}])
    assert not d.ok
    (satu, dua) = _pesan(d, "kelurahan")
    assert satu.baris == 2 and satu.nilai == "Sukamaju"
    assert "3 desa/kelurahan" in satu.pesan
    for kode, kec in (("98.01.01.2001", "Barat"), ("98.01.02.2001", "Timur"), ("98.02.01.2001", "Tengah")):
        assert f"{kode} (Kecamatan {kec}" in satu.pesan
    assert "kode_kelurahan" in satu.pesan
    assert dua.baris == 3 and "98.01.02.2002" in dua.pesan and "98.02.02.1001" in dua.pesan and "Kota Dua" in dua.pesan


def test_kode_dengan_nama_lain_tetap_ditolak_dengan_pesan_yang_jelas(wilayah_homonim):
    d = wilayah_homonim([{"kode_kelurahan": "98.01.01.2002", "kelurahan": "Sukamaju"}])
    (m,) = _pesan(d, "kelurahan")
    assert "Nama desa 'Sukamaju' tidak cocok dengan kode 98.01.01.2002, yang merupakan desa Mekarsari" in m.pesan


def test_nama_unik_tetap_seperti_dulu(wilayah_homonim):
    d = wilayah_homonim([{"kelurahan": "Mekarsari"}])
    assert d.ok and d.potensi.loc[0, "kode_kelurahan"] == "98.01.01.2002"
    assert d.referensi.cari_nama("Sukamaju") is None  # shared: no single code
    assert sorted(d.referensi.calon_nama("SUKAMAJU")) == ["98.01.01.2001", "98.01.02.2001", "98.02.01.2001"]
