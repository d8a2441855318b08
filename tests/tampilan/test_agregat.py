"""Aggregates against figures computed by hand from tests/conftest.BARIS_BAIK."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.galat import GalatData
from geo.masuk.dataset import muat_dataset
from geo.tampilan.agregat import _kode
from geo.tampilan.saring import Filter, kanonik, pecah_nilai
from geo.tampilan.susun import tampilkan
from tests.conftest import KODE_A, KODE_B, KODE_C


@pytest.fixture
def dataset(wilayah_uji):
    d = muat_dataset()
    assert d.ok, d.laporan.teks()
    return d


def _per_kode(tampilan) -> pd.DataFrame:
    return tampilan.ringkasan.set_index("kode")


def test_ringkasan_tanpa_filter(dataset):
    r = _per_kode(tampilkan(dataset))
    assert list(r.index) == [KODE_A, KODE_B, KODE_C]
    assert r.loc[KODE_A, ["jumlah_potensi", "jumlah_aktif", "jumlah_anggota"]].tolist() == [3, 2, 22]
    assert r.loc[KODE_A, "persen_aktif"] == pytest.approx(66.7)
    assert r.loc[KODE_A, "potensi_kuliner"] == 2 and r.loc[KODE_A, "potensi_pariwisata"] == 1
    assert r.loc[KODE_A, "status_kurang_aktif"] == 1
    assert r.loc[KODE_A, "kategori_dominan"] == "Kuliner"
    assert r.loc[KODE_A, "kegiatan_terakhir"] == pd.Timestamp("2025-02-03")
    assert r.loc[KODE_A, "nama_kim"] == "KIM Alfa"
    # Beta: a 1–1 tie between Batik & Kerajinan (20 members) and Kuliner (3) goes to more members.
    assert r.loc[KODE_B, ["jumlah_potensi", "jumlah_aktif", "jumlah_anggota"]].tolist() == [2, 1, 23]
    assert r.loc[KODE_B, "persen_aktif"] == pytest.approx(50.0)
    assert r.loc[KODE_B, "kategori_dominan"] == "Batik & Kerajinan"
    assert r.loc[KODE_B, "kegiatan_terakhir"] == pd.Timestamp("2020-03-01")
    assert r.loc[KODE_B, "status_tidak_aktif"] == 1


def test_kelurahan_tanpa_potensi_tetap_ada_dengan_nol(dataset):
    r = _per_kode(tampilkan(dataset))
    baris = r.loc[KODE_C]
    assert baris["jumlah_potensi"] == 0 and baris["jumlah_aktif"] == 0 and baris["jumlah_anggota"] == 0
    # Issue #22: a share of no potentials is "no data" (NaN), never 0 %.
    assert pd.isna(baris["persen_aktif"]) and baris["kategori_dominan"] == ""
    assert pd.isna(baris["kegiatan_terakhir"])
    assert r.geometry.notna().all()


def test_filter_berlaku_sebelum_agregasi(dataset):
    r = _per_kode(tampilkan(dataset, Filter(kategori=("Kuliner",))))
    assert r["jumlah_potensi"].tolist() == [2, 1, 0]
    assert r["jumlah_aktif"].tolist() == [1, 1, 0]
    assert r.loc[KODE_A, "jumlah_anggota"] == 15
    # The KIM keeps its name even when a filter hides all of its potentials.
    r = _per_kode(tampilkan(dataset, Filter(kategori=("Pariwisata",))))
    assert r.loc[KODE_B, "jumlah_potensi"] == 0 and r.loc[KODE_B, "nama_kim"] == "KIM Beta"


def test_filter_bergabung(dataset):
    f = Filter(kategori=("Kuliner", "Batik & Kerajinan"), status=("Aktif",))
    t = tampilkan(dataset, f)
    assert sorted(t.potensi["id_potensi"]) == ["A-01", "B-02"]
    assert t.ringkasan["jumlah_potensi"].sum() == 2
    assert sorted(tampilkan(dataset, Filter(status=("Aktif",), cari="kue")).potensi["id_potensi"]) == ["B-02"]
    assert tampilkan(dataset, Filter(cari="KIM BETA")).potensi["id_potensi"].tolist() == ["B-01", "B-02"]


def test_filter_kecamatan_membatasi_kelurahan(dataset):
    t = tampilkan(dataset, Filter(kecamatan=("Dua",)))
    assert t.ringkasan["kode"].tolist() == [KODE_C]
    assert len(t.potensi) == 0


def test_filter_tanpa_hasil_tetap_bekerja(dataset):
    t = tampilkan(dataset, Filter(kategori=("Lainnya",)))
    assert len(t.potensi) == 0
    assert len(t.ringkasan) == 3 and t.ringkasan["jumlah_potensi"].sum() == 0


def test_pecah_dan_kanonik():
    assert pecah_nilai(["Aktif,Kurang Aktif", " Tidak Aktif "]) == ["Aktif", "Kurang Aktif", "Tidak Aktif"]
    assert pecah_nilai(None) == []
    pilihan = ("Kuliner", "Batik & Kerajinan")
    assert kanonik(["kuliner", "batik dan kerajinan", "Kuliner"], pilihan, "Kategori") == ("Kuliner", "Batik & Kerajinan")
    with pytest.raises(GalatData, match="Mungkin maksud Anda 'Kuliner'"):
        kanonik(["Kulner"], pilihan, "Kategori")


def test_deskripsi_filter():
    assert Filter().deskripsi() == "Semua potensi (tanpa filter)"
    assert Filter(kategori=("Kuliner",), status=("Aktif",)).deskripsi() == "Kategori: Kuliner; Status: Aktif"


def test_dominan_seri_sempurna_ikut_urutan_kosakata(wilayah_uji):
    import copy

    from tests.conftest import BARIS_BAIK

    rows = copy.deepcopy(BARIS_BAIK)
    rows[3][9] = "3"  # Beta: Batik & Kerajinan and Kuliner now both 1 potential, 3 members
    wilayah_uji.tulis_kim(rows)
    r = _per_kode(tampilkan(muat_dataset()))
    assert r.loc[KODE_B, "kategori_dominan"] == "Kuliner"


@pytest.mark.parametrize("nilai", [
    ["a", "b", None, "nan", "c", "a"], [1, "1", float("nan"), "x"], [], ["a"] * 5, ["b", "zz", "b"],
])
@pytest.mark.parametrize("pilihan", [["a", "nan", "1"], ["c", "b"], []])
def test_kode_per_nilai_unik_sama_dengan_per_baris(nilai, pilihan):
    """Looking up distinct values only gives each row's code exactly as a per-row look-up of its text."""
    for dtype in (object, "str"):
        if dtype == "str" and any(not isinstance(v, str) and v is not None for v in nilai):
            continue
        s = pd.Series(nilai, dtype=dtype)
        per_baris = pd.Index(pilihan).get_indexer(pd.Index(s.astype(str)))
        assert _kode(s, pilihan).tolist() == per_baris.tolist()
