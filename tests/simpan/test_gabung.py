"""#20: file-store conflicts are per row: different rows merge, the same row shows both versions."""

from __future__ import annotations

import pytest

from geo.masuk.dataset import muat_dataset
from geo.simpan.gabung import GalatBentrokBaris
from geo.simpan.kegiatan import baca_log_untuk_sunting, simpan_kegiatan
from geo.simpan.kim import baca_audit, baca_untuk_sunting, simpan_kim
from tests.halaman.test_kelola_apptest import _buka, _masuk, _sunting, akun  # noqa: F401
from tests.simpan.test_utuh import semua  # noqa: F401


def _ubah(tabel, id_potensi, kolom, nilai):
    t = tabel.copy()
    t.loc[t["id_potensi"] == id_potensi, kolom] = nilai
    return t


def test_dua_penyunting_baris_berbeda_keduanya_tersimpan(wilayah_uji):
    ds = muat_dataset()
    ani, sidik_ani = baca_untuk_sunting(ds)
    budi, sidik_budi = baca_untuk_sunting(ds)
    assert simpan_kim(_ubah(ani, "B-01", "nama_potensi", "Batik cap"), ds, "ani", sidik_ani).disimpan
    hasil = simpan_kim(_ubah(budi, "A-02", "jumlah_anggota", 9), ds, "budi", sidik_budi)
    assert hasil.disimpan and hasil.perubahan.diubah == ["A-02"]
    akhir = baca_untuk_sunting(muat_dataset())[0].set_index("id_potensi")
    assert akhir.loc["B-01", "nama_potensi"] == "Batik cap" and akhir.loc["A-02", "jumlah_anggota"] == 9
    assert baca_audit(wilayah_uji.kim)["pengguna"].tolist() == ["budi", "ani"]


def test_baris_sama_bentrok_menunjukkan_kedua_versi(wilayah_uji):
    ds = muat_dataset()
    ani, sidik_ani = baca_untuk_sunting(ds)
    budi, sidik_budi = baca_untuk_sunting(ds)
    assert simpan_kim(_ubah(ani, "A-02", "jumlah_anggota", 6), ds, "ani", sidik_ani).disimpan
    setelah_ani = wilayah_uji.kim.read_bytes()
    with pytest.raises(GalatBentrokBaris) as info:
        simpan_kim(_ubah(budi, "A-02", "jumlah_anggota", 9), ds, "budi", sidik_budi)
    pesan = str(info.value)
    assert "A-02" in pesan and "versi Anda jumlah_anggota='9'" in pesan and "versi tersimpan jumlah_anggota='6'" in pesan
    assert wilayah_uji.kim.read_bytes() == setelah_ani


def test_log_baris_berbeda_digabung(semua):  # noqa: F811
    ds = muat_dataset()
    a, sidik_a = baca_log_untuk_sunting(ds)
    b, sidik_b = baca_log_untuk_sunting(ds)
    a.loc[0, "keterangan"] = "dari A"
    b.loc[1, "keterangan"] = "dari B"
    assert simpan_kegiatan(a, ds, "a", sidik_a).disimpan
    assert simpan_kegiatan(b, ds, "b", sidik_b).disimpan
    assert baca_log_untuk_sunting(muat_dataset())[0]["keterangan"].tolist() == ["dari A", "dari B"]


def test_daftar_cadangan_menyebut_cadangan_terbaru_setelah_simpan(akun):  # noqa: F811
    at = _masuk(_buka())
    at = _sunting(at, lambda d: d.assign(jumlah_anggota=d["jumlah_anggota"].where(d.index != 0, 11)))
    at = _sunting(at, lambda d: d.assign(jumlah_anggota=d["jumlah_anggota"].where(d.index != 0, 12)))
    at.selectbox(key="kelola_cadangan").set_value(1).run()  # the editor looks at the older backup
    at = _sunting(at, lambda d: d.assign(jumlah_anggota=d["jumlah_anggota"].where(d.index != 0, 13)))
    terbaru = baca_audit(akun.kim)["cadangan"].iloc[0]
    assert at.selectbox(key="kelola_cadangan").value == 0
    assert terbaru in at.selectbox(key="kelola_cadangan").format_func(0)


def test_rencana_baris_berbeda_digabung_baris_sama_bentrok(semua):  # noqa: F811
    from geo.anggaran.pengaturan import pengaturan_dari
    from geo.simpan.gudang import GudangBerkas

    g, ds = GudangBerkas(), muat_dataset()
    pengaturan = pengaturan_dari(ds.wilayah)
    a, sidik_a = g.baca_rencana_untuk_sunting()
    b, sidik_b = g.baca_rencana_untuk_sunting()
    a.loc[0, "kegiatan"] = "Pelatihan dari A"
    b.loc[2, "kegiatan"] = "Leaflet dari B"
    assert g.simpan_rencana(a, ds, pengaturan, "a", sidik_a).disimpan
    assert g.simpan_rencana(b, ds, pengaturan, "b", sidik_b).disimpan
    assert g.muat_rencana(ds).tabel["kegiatan"].tolist() == ["Pelatihan dari A", "Rapat pengurus", "Leaflet dari B"]
    b.loc[0, "kegiatan"] = "B menimpa A"
    with pytest.raises(GalatBentrokBaris, match="R-01"):
        g.simpan_rencana(b, ds, pengaturan, "b", sidik_b)
