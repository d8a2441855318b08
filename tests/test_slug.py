"""The one slug rule behind file names, the region slug and category columns."""

from __future__ import annotations

from geo.ekspor.nama_berkas import bagian_filter
from geo.masuk.wilayah import muat_wilayah
from geo.slug import slug
from geo.tampilan.agregat import kolom_kategori
from geo.tampilan.saring import Filter


def test_slug_satu_aturan():
    assert slug("Batik & Kerajinan") == "batik-kerajinan"
    assert slug("Batik & Kerajinan", "_") == "batik_kerajinan"
    assert slug("  --Kota Bontang!! ") == "kota-bontang"
    assert slug("Élan") == "lan"  # ASCII only, as file names on Windows need
    assert slug("&&") == ""


def test_nama_berkas_kolom_dan_wilayah_memakai_slug_yang_sama(tmp_path):
    assert kolom_kategori("Batik & Kerajinan") == "potensi_" + slug("Batik & Kerajinan", "_")
    assert bagian_filter(Filter(kategori=("Batik & Kerajinan",))) == [slug("Batik & Kerajinan")]
    berkas = tmp_path / "wilayah.json"
    berkas.write_text('{"nama": "Kota Uji Coba"}', encoding="utf-8")
    assert muat_wilayah(berkas).slug == "kota-uji-coba"
    berkas.write_text('{"nama": "Kota", "slug": "&&"}', encoding="utf-8")
    assert muat_wilayah(berkas).slug == "wilayah"
