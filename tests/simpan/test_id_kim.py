"""kim.csv's ``id_kim`` through every save (#25): kept, round-tripped, and never left pointing at a missing KIM."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.masuk.dataset import muat_dataset
from geo.simpan.gudang import GudangBerkas
from geo.simpan.kim import MODE_GABUNG, baca_untuk_sunting, periksa_unggahan, simpan_kim
from geo.simpan.pg import pindah
from geo.simpan.pg.gudang_pg import GudangPG
from tests.conftest import BARIS_BAIK, HEADER, KODE_A, KODE_B

PROFIL = f"id_kim,nama_kim,kode_kelurahan\nKIM-A,KIM Alfa,{KODE_A}\nKIM-B,KIM Beta,{KODE_B}\n"


@pytest.fixture
def dengan_id(wilayah_uji):
    """The fixture region with a KIM table and kim.csv naming each row's KIM by id_kim."""
    (wilayah_uji.dir / "profil_kim.csv").write_text(PROFIL, encoding="utf-8")
    baris = [[*r, "KIM-A" if r[0].startswith("A") else "KIM-B"] for r in BARIS_BAIK]
    wilayah_uji.tulis_kim(baris, header=[*HEADER, "id_kim"])
    return wilayah_uji


def _kolom_berkas(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_suntingan_menyimpan_dan_membaca_ulang_id_kim(dengan_id):
    dataset = muat_dataset()
    assert dataset.ok, dataset.laporan.teks()
    tabel, sidik = baca_untuk_sunting(dataset)
    assert list(tabel["id_kim"]) == ["KIM-A"] * 3 + ["KIM-B"] * 2
    tabel.loc[tabel["id_potensi"] == "A-02", "nama_potensi"] = "Ikan bakar baru"
    hasil = simpan_kim(tabel, dataset, "budi", sidik)
    assert hasil.disimpan, hasil.laporan.teks()
    berkas = _kolom_berkas(dengan_id.kim)
    assert list(berkas.columns) == [*HEADER, "id_kim"]
    assert dict(zip(berkas["id_potensi"], berkas["id_kim"])) == {"A-01": "KIM-A", "A-02": "KIM-A", "A-03": "KIM-A",
                                                                 "B-01": "KIM-B", "B-02": "KIM-B"}
    lagi = muat_dataset()
    assert lagi.ok and lagi.profil.tautan["A-02"] == "KIM-A" and lagi.profil.dibuat == ()


def test_id_kim_yang_tidak_ada_ditolak_dengan_baris_dan_kolom(dengan_id):
    dataset = muat_dataset()
    tabel, sidik = baca_untuk_sunting(dataset)
    sebelum = dengan_id.kim.read_bytes()
    tabel.loc[tabel["id_potensi"] == "B-01", "id_kim"] = "KIM-HILANG"
    hasil = simpan_kim(tabel, dataset, "budi", sidik, berkas="tabel suntingan")
    assert not hasil.disimpan
    (galat,) = hasil.laporan.galat
    assert (galat.berkas, galat.baris, galat.kolom, galat.nilai) == ("tabel suntingan", 4, "id_kim", "KIM-HILANG")
    assert "profil_kim.csv" in galat.pesan and "id_kim" in hasil.pesan
    assert dengan_id.kim.read_bytes() == sebelum  # nothing written


def test_kim_yang_dihapus_dari_tabel_kim_tidak_dapat_dirujuk(dengan_id):
    """Integrity is checked against the KIM table as stored at save time, not as the editor loaded it."""
    dataset = muat_dataset()
    tabel, sidik = baca_untuk_sunting(dataset)
    (dengan_id.dir / "profil_kim.csv").write_text(PROFIL.splitlines()[0] + "\n" + PROFIL.splitlines()[1] + "\n", encoding="utf-8")
    tabel.loc[tabel["id_potensi"] == "A-01", "jumlah_anggota"] = 11
    hasil = simpan_kim(tabel, dataset, "budi", sidik)
    assert not hasil.disimpan
    assert {g.baris for g in hasil.laporan.galat} == {4, 5} and all(g.kolom == "id_kim" for g in hasil.laporan.galat)


def test_berkas_tanpa_id_kim_tetap_tanpa_kolom_itu_sampai_dipakai(wilayah_uji):
    (wilayah_uji.dir / "profil_kim.csv").write_text(PROFIL, encoding="utf-8")
    dataset = muat_dataset()
    tabel, sidik = baca_untuk_sunting(dataset)
    assert "id_kim" not in tabel  # callers that never knew the column see the table they knew
    baru = tabel.copy()
    baru.loc[baru["id_potensi"] == "A-01", "jumlah_anggota"] = 12
    hasil = simpan_kim(baru, dataset, "budi", sidik)
    assert hasil.disimpan and list(_kolom_berkas(wilayah_uji.kim).columns) == HEADER
    # The page's editor always offers the column: choosing a KIM writes it.
    tabel, sidik = baca_untuk_sunting(muat_dataset())
    tabel["id_kim"] = ""
    tabel.loc[tabel["id_potensi"] == "B-02", "id_kim"] = "KIM-B"
    hasil = simpan_kim(tabel, muat_dataset(), "budi", sidik)
    assert hasil.disimpan and "B-02" in hasil.perubahan.diubah
    berkas = _kolom_berkas(wilayah_uji.kim)
    assert berkas.set_index("id_potensi").at["B-02", "id_kim"] == "KIM-B"
    assert berkas.set_index("id_potensi").at["B-01", "id_kim"] == ""


def test_unggahan_tanpa_kolom_id_kim_mempertahankan_tautan(dengan_id):
    dataset = muat_dataset()
    lama, _ = baca_untuk_sunting(dataset)
    data = (",".join(HEADER) + "\n" + ",".join(BARIS_BAIK[0][:9] + ["30"] + BARIS_BAIK[0][10:]) + "\n").encode()
    cek = periksa_unggahan(data, "unggah.csv", dataset, MODE_GABUNG, lama)
    assert cek.laporan.ok, cek.laporan.teks()
    hasil = cek.hasil.set_index("id_potensi")
    assert hasil.at["A-01", "jumlah_anggota"] == 30 and hasil.at["A-01", "id_kim"] == "KIM-A"
    assert cek.perubahan.diubah == ["A-01"]


@pytest.mark.lambat
def test_id_kim_pulang_pergi_di_postgresql(url_pg, dengan_id):
    w = dengan_id
    g = GudangPG(url_pg)
    hasil = pindah.impor(g, "uji", w.kim, w.batas, w.referensi, w.wilayah)
    assert hasil.hasil is not None, hasil.laporan.teks()
    dataset = g.muat()
    assert dataset.ok, dataset.laporan.teks()
    assert dataset.profil.tautan.to_dict() == GudangBerkas(w.kim, w.batas).muat().profil.tautan.to_dict()
    tabel, sidik = g.baca_untuk_sunting(dataset)
    assert dict(zip(tabel["id_potensi"], tabel["id_kim"]))["B-01"] == "KIM-B"
    # an unknown id is refused with its row and column; the database keeps its rows
    salah = tabel.copy()
    salah.loc[salah["id_potensi"] == "A-03", "id_kim"] = "KIM-X"
    ditolak = g.simpan_kim(salah, dataset, "budi", sidik)
    assert not ditolak.disimpan and [(e.baris, e.kolom) for e in ditolak.laporan.galat] == [(3, "id_kim")]
    # a change of id_kim alone is a change, saved and read back
    tabel.loc[tabel["id_potensi"] == "A-03", "id_kim"] = "KIM-B"
    simpan = g.simpan_kim(tabel, dataset, "budi", sidik)
    assert simpan.disimpan and simpan.perubahan.diubah == ["A-03"], simpan.pesan
    lagi = g.muat()
    assert lagi.profil.tautan["A-03"] == "KIM-B"
    keluar = pindah.ekspor(g, w.dir / "ekspor")
    assert _kolom_berkas(keluar[0]).set_index("id_potensi").at["A-03", "id_kim"] == "KIM-B"
    g.kolam.tutup()


def test_pulihkan_cadangan_mempertahankan_id_kim(dengan_id):
    from geo.simpan.kim import pulihkan

    dataset = muat_dataset()
    tabel, sidik = baca_untuk_sunting(dataset)
    tabel["id_kim"] = ""  # the editor cleared every link
    hasil = simpan_kim(tabel, dataset, "budi", sidik)
    assert hasil.disimpan and (_kolom_berkas(dengan_id.kim)["id_kim"] == "").all()
    pulih = pulihkan(hasil.cadangan, muat_dataset(), "budi")
    assert pulih.disimpan, pulih.pesan
    assert dict(zip(*_kolom_berkas(dengan_id.kim)[["id_potensi", "id_kim"]].T.to_numpy()))["B-01"] == "KIM-B"
