"""The form's line model: koefisien pairs, PPN rounding, account codes, standard prices, absurd values."""

from __future__ import annotations

from fractions import Fraction

import pytest

from geo.anggaran.koefisien import hitung_baris, teks_koefisien
from geo.anggaran.rencana import muat_rencana
from geo.cli.utama import main
from geo.masuk.dataset import muat_dataset
from tests.anggaran.rka_uji import BARIS, JUMLAH, PAGU_RKA, atur_wilayah, tulis_referensi, tulis_rka


def test_hitung_baris_dengan_ppn_dibulatkan_setengah_naik():
    assert hitung_baris((15, 2, 10), 2_300, Fraction(11)).jumlah == 765_900
    h = hitung_baris((7, 3), 45_455, Fraction(11))
    assert (h.koefisien, h.dasar, h.ppn, h.jumlah) == (21, 954_555, 105_001, 1_059_556)
    assert hitung_baris((1,), 50, Fraction(11)).ppn == 6  # 5,5 → 6
    assert hitung_baris((1,), 45, Fraction(11)).ppn == 5  # 4,95 → 5
    assert teks_koefisien((15, 2), ("KIM", "Kali")) == "15 KIM x 2 Kali"


def test_rencana_bentuk_sipd_dihitung_tangan(rka_uji, capsys):
    rencana = muat_rencana(muat_dataset())
    assert rencana.ok, rencana.laporan.teks()
    t = rencana.tabel.set_index("id_baris")
    assert t["jumlah"].to_dict() == JUMLAH
    assert t.loc["R-02", "koefisien"] == 300 and t.loc["R-02", "ppn"] == 75_900
    assert t.loc["R-03", "nama_akun"] == "Makanan dan Minuman Rapat"
    assert rencana.total == PAGU_RKA
    assert main(["anggaran", "periksa"]) == 0
    assert "total Rp 20.575.345" in capsys.readouterr().out


def test_jumlah_salah_dengan_ppn_disebut_rumusnya(rka_uji, wilayah_uji):
    rows = [list(r) for r in BARIS]
    rows[1][16] = "765000"
    rencana = muat_rencana(muat_dataset(), tulis_rka(wilayah_uji.dir / "salah.csv", rows))
    (m,) = rencana.laporan.galat
    assert (m.baris, m.kolom) == (3, "jumlah")
    assert "15 × 2 × 10 × Rp 2.300 + PPN 11% Rp 75.900 = Rp 765.900, bukan Rp 765.000" in m.pesan


def test_melampaui_standar_harga_peringatan_atau_galat(rka_uji, wilayah_uji):
    rows = [list(r) for r in BARIS]
    rows[2][14], rows[2][16] = "34000", ""  # 34.000 + 11 % = 37.740 > 37.000
    atur_wilayah(wilayah_uji.wilayah, pagu_anggaran=30_000_000)
    path = tulis_rka(wilayah_uji.dir / "mahal.csv", rows)
    rencana = muat_rencana(muat_dataset(), path)
    assert rencana.ok
    mahal = [m for m in rencana.laporan.peringatan if m.kolom == "harga_satuan"]
    assert [(m.baris, m.kolom) for m in mahal] == [(4, "harga_satuan")]
    assert "Rp 37.740 melampaui standar SSH-2" in mahal[0].pesan
    atur_wilayah(wilayah_uji.wilayah, pagu_anggaran=30_000_000, standar_harga_tegas=True)
    rencana = muat_rencana(muat_dataset(), path)
    assert not rencana.ok and (4, "harga_satuan") in [(m.baris, m.kolom) for m in rencana.laporan.galat]


def test_kode_rekening_dan_pasangan_salah(rka_uji, wilayah_uji):
    rows = [list(r) for r in BARIS]
    rows[0][5] = "5.1.02.99.01.0001"  # not in the chart
    rows[1][12], rows[1][13] = "", "Lembar"  # satuan_3 without volume_3
    rows[3][10] = "0"
    rencana = muat_rencana(muat_dataset(), tulis_rka(wilayah_uji.dir / "salah.csv", rows))
    assert {(m.baris, m.kolom) for m in rencana.laporan.galat} >= {(2, "kode_rekening"), (3, "volume_3"), (5, "volume_2")}


def test_rencana_lama_mendapat_kode_dari_jenis_belanja(wilayah_uji):
    tulis_referensi(wilayah_uji.dir)
    (wilayah_uji.dir / "jenis_belanja_akun.csv").write_text("jenis_belanja,kode_rekening\nMakan dan Minum,5.1.02.01.01.0052\n",
                                                            encoding="utf-8")
    atur_wilayah(wilayah_uji.wilayah, pagu_anggaran=0)
    path = wilayah_uji.dir / "lama.csv"
    path.write_text("id_baris,id_potensi,kode_kelurahan,kegiatan,jenis_belanja,volume,satuan,harga_satuan,jumlah,target,keterangan\n"
                    "R-1,,99.01.01.1001,Rapat,Makan dan Minum,10,kotak,30000,300000,,\n"
                    "R-2,,99.01.01.1001,Pelatihan,Pelatihan,1,paket,100000,100000,,\n", encoding="utf-8")
    rencana = muat_rencana(muat_dataset(), path)
    assert rencana.ok, rencana.laporan.teks()
    assert rencana.tabel["kode_rekening"].tolist() == ["5.1.02.01.01.0052", ""]
    assert rencana.tabel["koefisien"].tolist() == [10, 1] and rencana.tabel["komponen"].tolist() == ["Rapat", "Pelatihan"]


@pytest.mark.parametrize("kolom, nilai", [("volume", "9" * 40), ("volume", "1e400"), ("harga_satuan", "9" * 40),
                                          ("volume_2", "99999999999999999999")])
def test_nilai_mustahil_tanpa_pagu_tidak_meledak(wilayah_uji, kolom, nilai, capsys, monkeypatch):
    """#21: with no pagu_anggaran a huge volume once ended in OverflowError / decimal.InvalidOperation."""
    tulis_referensi(wilayah_uji.dir)
    atur_wilayah(wilayah_uji.wilayah, pagu_anggaran=0)
    rows = [list(r) for r in BARIS]
    rows[0][{"volume": 8, "harga_satuan": 14, "volume_2": 10}[kolom]] = nilai
    path = tulis_rka(wilayah_uji.dir / "besar.csv", rows)
    rencana = muat_rencana(muat_dataset(), path)
    assert [(m.baris, m.kolom) for m in rencana.laporan.galat] == [(2, kolom)]
    assert "terlalu besar" in rencana.laporan.galat[0].pesan or "bukan bilangan bulat" in rencana.laporan.galat[0].pesan
    monkeypatch.setenv("KIM_ANGGARAN", str(path))
    assert main(["anggaran", "periksa"]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_baris_sah_tetapi_hasil_kali_mustahil(wilayah_uji):
    tulis_referensi(wilayah_uji.dir)
    atur_wilayah(wilayah_uji.wilayah, pagu_anggaran=0)
    rows = [list(r) for r in BARIS]
    rows[0][8], rows[0][10], rows[0][14], rows[0][16] = "1000000", "1000000", "900000", ""
    rencana = muat_rencana(muat_dataset(), tulis_rka(wilayah_uji.dir / "besar.csv", rows))
    assert [(m.baris, m.kolom) for m in rencana.laporan.galat] == [(2, "harga_satuan")]
    assert "Rp 1.000 triliun" in rencana.laporan.galat[0].pesan


def test_pagu_mustahil_ditolak_dengan_kunci(wilayah_uji):
    from geo.anggaran.pengaturan import pengaturan_dari
    from geo.galat import GalatData

    atur_wilayah(wilayah_uji.wilayah, pagu_anggaran=10**30)
    with pytest.raises(GalatData, match="pagu_anggaran.*terlalu besar"):
        pengaturan_dari(muat_dataset().wilayah)
