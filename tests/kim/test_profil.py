"""The KIM table (#25): validation with row/column, the shipped data, and migration with no loss."""

from __future__ import annotations

import io
import json
import shutil

import openpyxl
import pandas as pd

from geo.config import DATA_DIR
from geo.galat import Laporan
from geo.kim import ekspor
from geo.kim.profil import KOLOM_PROFIL, validasi_profil
from geo.masuk.baca import baca_bytes
from geo.masuk.dataset import muat_dataset
from geo.masuk.referensi import muat_referensi
from tests.conftest import KODE_A, KODE_B


def _dataset_bawaan(tmp_path, profil: bool):
    for nama in ("kim.csv", "kegiatan.csv", "boundaries.geojson", "kelurahan.csv", "wilayah.json", *(("profil_kim.csv",) if profil else ())):
        shutil.copy(DATA_DIR / nama, tmp_path / nama)
    if profil:
        shutil.copytree(DATA_DIR / "logo_kim", tmp_path / "logo_kim")
    return muat_dataset(tmp_path / "kim.csv", tmp_path / "boundaries.geojson", tmp_path / "kelurahan.csv", tmp_path / "wilayah.json")


def _kim_bawaan() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "kim.csv", dtype=str)


def test_data_bawaan_tertaut_ke_15_kim(tmp_path):
    d = _dataset_bawaan(tmp_path, profil=True)
    assert d.laporan.ok, d.laporan.teks()
    assert not [m for m in d.laporan.masalah if m.berkas == "profil_kim.csv"]
    profil = d.profil
    assert len(profil.tabel) == 15 and profil.dibuat == ()
    kim = _kim_bawaan()
    assert set(profil.tautan.index) == set(kim["id_potensi"])
    # every potential's KIM has its name and kelurahan
    nama = profil.tabel.set_index("id_kim")
    for row in kim.itertuples():
        id_kim = profil.tautan[row.id_potensi]
        assert nama.at[id_kim, "nama_kim"] == row.nama_kim and nama.at[id_kim, "kode_kelurahan"] == row.kode_kelurahan
    assert "(contoh)" in profil.tabel.at[0, "ketua"]  # labelled as sample data


def test_data_bawaan_bermigrasi_tanpa_kehilangan(tmp_path):
    """kim.csv alone (only nama_kim): a KIM per (kelurahan, name), every potential linked, nothing lost."""
    d = _dataset_bawaan(tmp_path, profil=False)
    assert d.laporan.ok
    kim = _kim_bawaan()
    profil = d.profil
    pasangan = set(zip(kim["kode_kelurahan"], kim["nama_kim"]))
    assert set(zip(profil.tabel["kode_kelurahan"], profil.tabel["nama_kim"])) == pasangan
    assert len(profil.dibuat) == len(pasangan) == 15
    assert profil.tautan.notna().all() and len(profil.tautan) == len(kim) == len(d.potensi)
    # the migrated table saved as profil_kim.csv loads back to the same links, now without creating anything
    (tmp_path / "profil_kim.csv").write_bytes(ekspor.profil_csv(d))
    lagi = muat_dataset(tmp_path / "kim.csv", tmp_path / "boundaries.geojson", tmp_path / "kelurahan.csv", tmp_path / "wilayah.json")
    assert lagi.laporan.ok, lagi.laporan.teks()
    assert lagi.profil.dibuat == ()
    assert lagi.profil.tautan.to_dict() == profil.tautan.to_dict()


def test_profil_yang_kurang_dilaporkan(wilayah_uji):
    (wilayah_uji.dir / "profil_kim.csv").write_text("id_kim,nama_kim,kode_kelurahan\nKIM-A,KIM Alfa," + KODE_A + "\n", encoding="utf-8")
    d = muat_dataset()
    assert d.laporan.ok
    assert d.profil.dibuat and d.profil.tautan["B-01"] in d.profil.dibuat and d.profil.tautan["A-01"] == "KIM-A"
    assert any("belum ada di profil_kim.csv" in m.pesan and "KIM Beta" in m.pesan for m in d.laporan.peringatan)


def test_id_kim_di_kim_csv(wilayah_uji):
    from tests.conftest import BARIS_BAIK, HEADER

    (wilayah_uji.dir / "profil_kim.csv").write_text(
        f"id_kim,nama_kim,kode_kelurahan\nKIM-A,KIM Alfa,{KODE_A}\nKIM-B,KIM Beta,{KODE_B}\n", encoding="utf-8")
    baris = [[*r, "KIM-A" if r[0].startswith("A") else "KIM-X"] for r in BARIS_BAIK]
    wilayah_uji.tulis_kim(baris, header=[*HEADER, "id_kim"])
    d = muat_dataset()
    galat = [m for m in d.laporan.galat if m.kolom == "id_kim"]
    assert {m.baris for m in galat} == {5, 6} and all("KIM-X" in m.pesan for m in galat)
    assert not [m for m in d.laporan.peringatan if m.kolom == "id_kim"]  # a known column, not "unknown"


def _validasi(teks: str, wilayah_uji):
    laporan = Laporan()
    mentah = baca_bytes(teks.encode(), "profil_kim.csv", laporan, kolom_dikenal=KOLOM_PROFIL)
    import datetime as dt

    return validasi_profil(mentah, "profil_kim.csv", muat_referensi(wilayah_uji.referensi), dt.date(2026, 12, 1))


def test_galat_menyebut_baris_dan_kolom(wilayah_uji):
    teks = (
        "id_kim,nama_kim,kode_kelurahan,sk_tanggal,ad_art,instagram,pos_instagram,bimtek,penghargaan\n"
        f"KIM-A,KIM Alfa,{KODE_A},31/02/2024,mungkin,instagram.com/x,2026-01-05,2026-03-14 Bimtek tanpa pemisah,2025 | Kota\n"
        "KIM-A,KIM Beta,99.99.99.9999,2027-01-01,ya,https://instagram.com/b,,2026-03-14 | Bimtek video; 2030-01-01 | Nanti,"
        "2025 | Kota | Juara 1\n"
    )
    _profil, laporan = _validasi(teks, wilayah_uji)
    galat = {(m.baris, m.kolom) for m in laporan.galat}
    assert {(2, "sk_tanggal"), (2, "ad_art"), (2, "instagram"), (2, "bimtek"), (2, "penghargaan"),
            (3, "id_kim"), (3, "kode_kelurahan"), (3, "sk_tanggal"), (3, "bimtek")} <= galat
    pesan = {(m.baris, m.kolom): m.pesan for m in laporan.galat}
    assert "https://" in pesan[(2, "instagram")] and "|" in pesan[(2, "bimtek")] and "baris 2" in pesan[(3, "id_kim")]
    assert "Entri ke-2" in pesan[(3, "bimtek")]


def test_daftar_terurai(wilayah_uji):
    teks = ("id_kim,nama_kim,kode_kelurahan,ad_art,bimtek,bantuan,penghargaan\n"
            f'KIM-A,KIM Alfa,{KODE_A},ya,"2026-03-14 | Bimtek A\n13/07/2025 | Bimtek B",2025-10-01 | Kamera,'
            '2025 | Kota | Juara 1; 2024 | Provinsi | Harapan 2\n')
    profil, laporan = _validasi(teks, wilayah_uji)
    assert laporan.ok, laporan.teks()
    assert profil.bimtek["judul"].tolist() == ["Bimtek A", "Bimtek B"]
    assert profil.bimtek["tanggal"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-14", "2025-07-13"]
    assert profil.penghargaan[["tahun", "tingkat", "peringkat"]].values.tolist() == [[2025, "Kota", "Juara 1"], [2024, "Provinsi", "Harapan 2"]]
    assert bool(profil.tabel.at[0, "ad_art"]) is True


def test_ekspor_csv_xlsx_geojson(tmp_path):
    d = _dataset_bawaan(tmp_path, profil=True)
    csv = pd.read_csv(io.BytesIO(ekspor.profil_csv(d)), dtype=str, keep_default_na=False)
    asli = pd.read_csv(DATA_DIR / "profil_kim.csv", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(csv, asli)  # what is exported loads back as the same table
    ws = openpyxl.load_workbook(io.BytesIO(ekspor.profil_xlsx(d))).active
    assert [c.value for c in ws[1]] == list(KOLOM_PROFIL) and ws.max_row == 16
    gj = json.loads(ekspor.profil_geojson(d))
    assert len(gj["features"]) == 15 and all(f["geometry"]["type"] == "Point" for f in gj["features"])
    lon, lat = gj["features"][0]["geometry"]["coordinates"]
    assert 117.38 < lon < 117.57 and 0.02 < lat < 0.21


def test_ekspor_menetralkan_rumus(wilayah_uji):
    (wilayah_uji.dir / "profil_kim.csv").write_text(
        f"id_kim,nama_kim,kode_kelurahan,tagline\nKIM-A,KIM Alfa,{KODE_A},\"=HYPERLINK(\"\"http://x\"\")\"\n", encoding="utf-8")
    d = muat_dataset()
    assert b"'=HYPERLINK" in ekspor.profil_csv(d)


def test_tabel_hasil_migrasi_bertipe(tmp_path):
    """Made from kim.csv alone, the table has the same types as a loaded one (dates, AD/ART), so it scores."""
    import datetime as dt

    from geo.kim.nilai import nilai_kim

    d = _dataset_bawaan(tmp_path, profil=False)
    assert pd.api.types.is_datetime64_any_dtype(d.profil.tabel["pos_instagram"])
    h = nilai_kim(d, dt.date(2026, 12, 1))
    assert (h["nilai_administrasi"] == 0).all() and (h["nilai_media"] == 0).all() and h["skor"].notna().all()
