"""Budget plan: rupiah parsing, the proposal rule with hand-computed answers, validation, saving."""

from __future__ import annotations

import csv
import datetime as dt
import json
from fractions import Fraction

import pandas as pd
import pytest

from geo.anggaran.pengaturan import Pengaturan, pengaturan_dari
from geo.anggaran.rencana import KOLOM_ANGGARAN, muat_rencana
from geo.anggaran.simpan import simpan_rencana, tulis_usul
from geo.anggaran.uang import rupiah, urai_rupiah
from geo.anggaran.usul import bagi_pagu, bagi_sisa_terbesar, bulan_dorman, dasar_usul, susun_usul
from geo.cli.utama import main
from geo.galat import GalatData
from geo.masuk.dataset import muat_dataset
from geo.simpan.berkas import Sidik, daftar_cadangan
from geo.simpan.kim import GalatKonflik
from tests.conftest import KODE_A, KODE_B, KODE_C

# Fixture KIM (tests/conftest.py): Alfa 22 members, 3 potentials, last activity 2025-02-03;
# Beta 23 members, 2 potentials, last activity 2020-03-01.
ACUAN = dt.date(2025, 8, 3)  # Alfa: exactly 6 months; Beta: 65 months, capped at 36
PAGU = 1_000_000

BARIS = [
    ["R-01", "A-01", "", "Pelatihan pengemasan", "Pelatihan", "2", "OH", "150000", "300000", "", ""],
    ["R-02", "", KODE_A, "Rapat pengurus", "Makan dan Minum", "10", "kotak", "Rp 30.000", "Rp 300.000", "", ""],
    ["R-03", "", KODE_B, "Cetak leaflet", "Cetak dan Publikasi", "1", "paket", "400.000", "400000", "", ""],
]


def _atur(wilayah_uji, **kunci) -> None:
    isi = json.loads(wilayah_uji.wilayah.read_text(encoding="utf-8"))
    isi.update({"pagu_anggaran": PAGU, "tahun_anggaran": 2027, "kantor": "Dinas Uji", "pembulatan_anggaran": 10_000}, **kunci)
    wilayah_uji.wilayah.write_text(json.dumps(isi), encoding="utf-8")


def _tulis(wilayah_uji, rows, nama="anggaran.csv"):
    path = wilayah_uji.dir / nama
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(KOLOM_ANGGARAN)
        w.writerows(rows)
    return path


@pytest.fixture
def rencana_uji(wilayah_uji, monkeypatch):
    _atur(wilayah_uji)
    path = _tulis(wilayah_uji, BARIS)
    monkeypatch.setenv("KIM_ANGGARAN", str(path))
    return path


def _pengaturan(**bobot) -> Pengaturan:
    semua = {"dasar": 0, "anggota": 0, "potensi": 0, "dorman": 0, **bobot}
    return Pengaturan(pagu=PAGU, pembulatan=10_000, bobot={k: Fraction(v) for k, v in semua.items()})


# --- rupiah ---------------------------------------------------------------

@pytest.mark.parametrize("teks, nilai", [
    ("Rp 1.500.000", 1_500_000), ("Rp1.500.000,00", 1_500_000), ("1500000", 1_500_000),
    ("1,500,000", 1_500_000), ("1.500", 1_500), ("Rp\u00a0200.000.000", 200_000_000), ("0", 0),
])
def test_urai_rupiah(teks, nilai):
    hasil = urai_rupiah(teks)
    assert hasil == nilai and isinstance(hasil, int)


@pytest.mark.parametrize("teks, kata", [("1.500.000,50", "sen"), ("-5000", "negatif"), ("satu juta", "bukan jumlah rupiah")])
def test_urai_rupiah_menolak(teks, kata):
    with pytest.raises(ValueError, match=kata):
        urai_rupiah(teks)


def test_rupiah_ditulis_cara_indonesia():
    assert rupiah(200_000_000) == "Rp 200.000.000"
    assert rupiah(0) == "Rp 0"


# --- dormancy and the proposal rule ----------------------------------------

def test_bulan_dorman_dihitung_per_bulan_penuh():
    potensi = pd.DataFrame({
        "kode_kelurahan": ["a", "a", "b", "c", "d"],
        "kegiatan_terakhir": pd.to_datetime(["2026-01-15", "2025-01-01", "2026-01-16", None, "2027-01-01"]),
    })
    bulan = bulan_dorman(potensi, dt.date(2026, 7, 15), maks_bulan=36)
    assert bulan.to_dict() == {"a": 6, "b": 5, "c": 36, "d": 0}  # latest date counts; no date = cap; future = 0


def test_bagi_sisa_terbesar_seri_ke_label_terendah():
    hasil = bagi_sisa_terbesar(pd.Series([Fraction(1)] * 3, index=["x", "y", "z"], dtype=object), 10)
    assert hasil.tolist() == [4, 3, 3]  # 3⅓ each: the one leftover unit goes to the lowest label


def test_bagi_sisa_terbesar_pecahan_terbesar_dulu():
    hasil = bagi_sisa_terbesar(pd.Series([Fraction(1), Fraction(1), Fraction(2)], index=["a", "b", "c"], dtype=object), 10)
    assert hasil.tolist() == [3, 2, 5]  # quotas 2,5 2,5 5: fraction tie between a and b → a


def test_bagi_sisa_terbesar_seri_pecahan_ke_kuota_terbesar():
    hasil = bagi_sisa_terbesar(pd.Series([Fraction(1), Fraction(3)], index=["a", "b"], dtype=object), 2)
    assert hasil.tolist() == [0, 2]  # quotas 0,5 and 1,5: same fraction, b has the larger quota


def test_sisa_di_bawah_satuan_ke_bagian_terbesar():
    hasil = bagi_pagu(pd.Series([Fraction(1), Fraction(1)], index=[KODE_A, KODE_B], dtype=object), 1_005_000, 10_000)
    assert hasil.tolist() == [505_000, 500_000] and int(hasil.sum()) == 1_005_000


def test_dasar_usul_dari_data(wilayah_uji):
    dasar = dasar_usul(muat_dataset(), _pengaturan(dasar=1), ACUAN).tabel
    assert dasar.index.tolist() == [KODE_A, KODE_B]  # Gama Raya has no KIM potentials, so no share
    assert dasar["anggota"].tolist() == [22, 23]
    assert dasar["potensi"].tolist() == [3, 2]
    assert dasar["dorman_bulan"].tolist() == [6, 36]


@pytest.mark.parametrize("bobot, harapan", [
    ({"dasar": 1}, [500_000, 500_000]),  # ½ each
    ({"anggota": 1}, [490_000, 510_000]),  # 22/45 → 48,89 units, 23/45 → 51,11: leftover unit to Alfa (,89)
    ({"potensi": 1}, [600_000, 400_000]),  # 3/5 and 2/5, exact
    ({"dorman": 1}, [140_000, 860_000]),  # 6/42 → 14,29, 36/42 → 85,71: leftover unit to Beta
    ({"dasar": 1, "dorman": 1}, [320_000, 680_000]),  # (½+⅐)/2 = 9/28 → 32,14; 19/28 → 67,86 → Beta
])
def test_usul_dihitung_tangan(wilayah_uji, bobot, harapan):
    tabel = susun_usul(muat_dataset(), _pengaturan(**bobot), ACUAN)
    assert len(tabel) == 2
    assert tabel["jumlah"].astype(int).tolist() == harapan
    assert tabel["harga_satuan"].tolist() == tabel["jumlah"].tolist()
    assert tabel["kode_kelurahan"].tolist() == [KODE_A, KODE_B]
    assert sum(harapan) == PAGU


def test_komponen_bernilai_nol_dibagi_rata(wilayah_uji):
    rows = wilayah_uji.dir / "kim.csv"
    isi = rows.read_text(encoding="utf-8").replace(",10,2024", ",0,2024").replace(",5,2023", ",0,2023").replace(",7,2025", ",0,2025")
    isi = isi.replace(",20,2020", ",0,2020").replace(",3,,", ",0,,")
    rows.write_text(isi, encoding="utf-8")
    dataset = muat_dataset()
    assert int(dataset.potensi["jumlah_anggota"].sum()) == 0
    tabel = susun_usul(dataset, _pengaturan(anggota=1), ACUAN)
    assert tabel["jumlah"].astype(int).tolist() == [500_000, 500_000]


def test_bobot_semua_nol_ditolak():
    with pytest.raises(GalatData, match="paling sedikit satu bobot"):
        Pengaturan().dengan_bobot(dasar="0", anggota="0", potensi="0", dorman="0")


def test_pengaturan_dari_wilayah_json(wilayah_uji):
    _atur(wilayah_uji, bobot_anggaran={"dasar": 2, "dorman": "1,5"}, jenis_belanja=["Honorarium", "Sewa"])
    p = pengaturan_dari(muat_dataset().wilayah)
    assert (p.pagu, p.tahun, p.pembulatan) == (PAGU, 2027, 10_000)
    assert p.bobot["dasar"] == 2 and p.bobot["dorman"] == Fraction(3, 2) and p.bobot["anggota"] == 20
    assert p.jenis_belanja == ("Honorarium", "Sewa")


def test_pagu_pecahan_di_wilayah_ditolak(wilayah_uji):
    _atur(wilayah_uji, pagu_anggaran=1000000.5)
    with pytest.raises(GalatData, match="pagu_anggaran"):
        pengaturan_dari(muat_dataset().wilayah)


# --- validation ------------------------------------------------------------

def test_rencana_sah_diketik_sebagai_rupiah_bulat(rencana_uji):
    rencana = muat_rencana(muat_dataset())
    assert rencana.ok, rencana.laporan.teks()
    t = rencana.tabel
    assert len(t) == 3
    assert str(t["jumlah"].dtype) == "int64" and t["jumlah"].tolist() == [300_000, 300_000, 400_000]
    assert t["kode_kelurahan"].tolist() == [KODE_A, KODE_A, KODE_B]  # R-01 takes its kelurahan from A-01
    assert rencana.total == 1_000_000 and not rencana.laporan.peringatan


def _galat(wilayah_uji, rows):
    path = _tulis(wilayah_uji, rows, "buruk.csv")
    rencana = muat_rencana(muat_dataset(), path)
    assert not rencana.ok
    return [(m.baris, m.kolom, m.pesan) for m in rencana.laporan.galat]


def test_melampaui_pagu_ditolak_dengan_baris_dan_selisih(rencana_uji, wilayah_uji):
    rows = [list(r) for r in BARIS] + [["R-04", "", KODE_B, "Sewa tenda", "Sewa Peralatan", "1", "unit", "250000", "250000", "", ""]]
    galat = _galat(wilayah_uji, rows)
    assert len(galat) == 1
    baris, kolom, pesan = galat[0]
    assert (baris, kolom) == (5, "jumlah")
    assert "melampaui pagu Rp 1.000.000 sebesar Rp 250.000" in pesan


def test_jumlah_salah_ditolak(rencana_uji, wilayah_uji):
    rows = [list(r) for r in BARIS]
    rows[2][8] = "450000"
    galat = _galat(wilayah_uji, rows)
    assert [(b, k) for b, k, _ in galat] == [(4, "jumlah")]
    assert "1 × Rp 400.000 = Rp 400.000, bukan Rp 450.000" in galat[0][2]


def test_id_potensi_tak_dikenal_ditolak(rencana_uji, wilayah_uji):
    rows = [list(r) for r in BARIS]
    rows[0][1] = "A-99"
    galat = _galat(wilayah_uji, rows)
    assert [(b, k) for b, k, _ in galat] == [(2, "id_potensi")]


def test_kosakata_kolom_dan_kelurahan(rencana_uji, wilayah_uji):
    rows = [list(r) for r in BARIS]
    rows[1][4] = "Makan Minum Rapat"
    rows[2][2] = "99.99.99.9999"
    rows[2][5] = "1,5"
    galat = _galat(wilayah_uji, rows)
    assert {(b, k) for b, k, _ in galat} == {(3, "jenis_belanja"), (4, "kode_kelurahan"), (4, "volume")}


def test_sasaran_kosong_atau_tidak_cocok(rencana_uji, wilayah_uji):
    rows = [list(r) for r in BARIS]
    rows[0][2] = KODE_B  # A-01 lies in Alfa Laut, not Beta
    rows[1][2] = ""  # neither id_potensi nor kode_kelurahan
    galat = sorted(_galat(wilayah_uji, rows))
    assert [(b, k) for b, k, _ in galat] == [(2, "kode_kelurahan"), (3, "kode_kelurahan")]
    assert "tidak cocok dengan id_potensi A-01" in galat[0][2] and "Isi id_potensi" in galat[1][2]


def test_kolom_wajib_hilang(wilayah_uji, rencana_uji):
    path = wilayah_uji.dir / "kurang.csv"
    path.write_text("id_baris,kegiatan,satuan,volume,harga_satuan,kode_kelurahan\nR-1,Rapat,kali,1,100000," + KODE_A + "\n", encoding="utf-8")
    rencana = muat_rencana(muat_dataset(), path)
    assert [(m.baris, m.kolom) for m in rencana.laporan.galat] == [(1, "jenis_belanja"), (1, "jumlah")]


def test_jumlah_kosong_dihitung_dengan_peringatan(rencana_uji, wilayah_uji):
    rows = [list(r) for r in BARIS]
    rows[0][8] = ""
    path = _tulis(wilayah_uji, rows, "kosong.csv")
    rencana = muat_rencana(muat_dataset(), path)
    assert rencana.ok and rencana.tabel["jumlah"].iloc[0] == 300_000
    assert [(m.baris, m.kolom) for m in rencana.laporan.peringatan] == [(2, "jumlah")]


# --- saving ----------------------------------------------------------------

@pytest.mark.parametrize("ubah", ["lewat_pagu", "jumlah_salah", "id_tak_dikenal"])
def test_rencana_buruk_tidak_pernah_disimpan(rencana_uji, ubah):
    dataset = muat_dataset()
    rencana = muat_rencana(dataset)
    awal = rencana_uji.read_bytes()
    frame = rencana.tabel[list(KOLOM_ANGGARAN)].copy()
    if ubah == "lewat_pagu":
        frame.loc[2, ["harga_satuan", "jumlah"]] = 500_000
    elif ubah == "jumlah_salah":
        frame.loc[0, "jumlah"] = 1
    else:
        frame.loc[0, "id_potensi"] = "ZZ-01"
    hasil = simpan_rencana(frame, rencana_uji, dataset, rencana.pengaturan, "budi", Sidik.dari(rencana_uji))
    assert not hasil.disimpan and len(hasil.laporan.galat) == 1
    masalah = hasil.laporan.galat[0]
    assert masalah.baris is not None and masalah.kolom in ("jumlah", "id_potensi")
    assert rencana_uji.read_bytes() == awal
    assert daftar_cadangan(rencana_uji) == []


def test_simpan_rencana_cadangan_audit_dan_konflik(rencana_uji, wilayah_uji):
    dataset = muat_dataset()
    rencana = muat_rencana(dataset)
    sidik = Sidik.dari(rencana_uji)
    frame = rencana.tabel[list(KOLOM_ANGGARAN)].copy()
    frame.loc[2, ["volume", "jumlah"]] = [1, 400_000]
    frame.loc[2, "kegiatan"] = "Cetak leaflet dan poster"
    hasil = simpan_rencana(frame, rencana_uji, dataset, rencana.pengaturan, "budi", sidik)
    assert hasil.disimpan and hasil.perubahan.diubah == ["R-03"]
    assert len(daftar_cadangan(rencana_uji)) == 1
    audit = (wilayah_uji.dir / "audit_anggaran.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(audit) == 1 and json.loads(audit[0])["pengguna"] == "budi"
    assert muat_rencana(dataset).tabel["kegiatan"].iloc[2] == "Cetak leaflet dan poster"
    with pytest.raises(GalatKonflik):  # the old fingerprint no longer matches
        simpan_rencana(frame, rencana_uji, dataset, rencana.pengaturan, "ani", sidik)


def test_usul_tidak_menimpa_tanpa_force(rencana_uji):
    dataset = muat_dataset()
    awal = rencana_uji.read_bytes()
    pengaturan = _pengaturan(dasar=1)
    tabel = susun_usul(dataset, pengaturan, ACUAN)
    with pytest.raises(GalatData, match="--force"):
        tulis_usul(tabel, rencana_uji, dataset, pengaturan)
    assert rencana_uji.read_bytes() == awal
    hasil = tulis_usul(tabel, rencana_uji, dataset, pengaturan, paksa=True)
    assert hasil.disimpan
    (cadangan,) = daftar_cadangan(rencana_uji)
    assert cadangan.path.read_bytes() == awal


# --- command line ----------------------------------------------------------

def test_cli_usul_lalu_periksa(wilayah_uji, capsys, monkeypatch):
    _atur(wilayah_uji)
    path = wilayah_uji.dir / "usul.csv"
    assert main(["anggaran", "usul", "--output", str(path), "--tanggal", "2025-08-03", "--bobot-dasar", "1",
                 "--bobot-anggota", "0", "--bobot-potensi", "0", "--bobot-dorman", "1"]) == 0
    assert "total Rp 1.000.000 = pagu Rp 1.000.000" in capsys.readouterr().out
    assert main(["anggaran", "periksa", "--anggaran", str(path)]) == 0
    out = capsys.readouterr().out
    assert "SAH: 2 baris anggaran" in out and "sisa Rp 0" in out
    assert muat_rencana(muat_dataset(), path).tabel["jumlah"].tolist() == [320_000, 680_000]
    assert main(["anggaran", "usul", "--output", str(path)]) == 1
    assert "--force" in capsys.readouterr().err


def test_cli_periksa_lewat_pagu_keluar_1(rencana_uji, wilayah_uji, capsys):
    rows = [list(r) for r in BARIS]
    rows[2][7:9] = ["650000", "650000"]
    path = _tulis(wilayah_uji, rows, "lewat.csv")
    assert main(["anggaran", "periksa", "--anggaran", str(path)]) == 1
    out = capsys.readouterr().out
    assert "lewat.csv, baris 4, kolom jumlah" in out and "sebesar Rp 250.000" in out and "TIDAK SAH: 1 galat" in out


def test_cli_periksa_di_bawah_pagu_keluar_0_dengan_peringatan(rencana_uji, wilayah_uji, capsys):
    path = _tulis(wilayah_uji, BARIS[:2], "kurang.csv")
    assert main(["anggaran", "periksa", "--anggaran", str(path)]) == 0
    out = capsys.readouterr().out
    assert "[PERINGATAN]" in out and "sisa Rp 400.000" in out


def test_cli_ringkasan_json(rencana_uji, capsys):
    assert main(["anggaran", "ringkasan", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["pagu"], data["total"], data["sisa"]) == (PAGU, 1_000_000, 0)
    per = {d["kode"]: d for d in data["per_kelurahan"]}
    assert len(per) == 3
    assert per[KODE_A]["alokasi"] == 600_000 and per[KODE_A]["alokasi_per_anggota"] == 600_000 // 22
    assert per[KODE_C]["alokasi"] == 0 and per[KODE_C]["alokasi_per_anggota"] is None


def test_nama_kelurahan_di_kolom_kode_lewat_aturan_nama_yang_satu(rencana_uji, wilayah_uji):
    """A name (or a known spelling of it) in kode_kelurahan resolves through geo.masuk.nama.kode_untuk_nama."""
    rows = [list(r) for r in BARIS]
    rows[1][2] = "Alpa Laut"  # a spelling from the reference table, not the code
    rencana = muat_rencana(muat_dataset(), _tulis(wilayah_uji, rows, "nama.csv"))
    assert rencana.ok, rencana.laporan.teks()
    assert rencana.tabel["kode_kelurahan"].tolist() == [KODE_A, KODE_A, KODE_B]
    rows[2][2] = "Tidak Ada Di Mana-mana"
    assert [(b, k) for b, k, _ in _galat(wilayah_uji, rows)] == [(4, "kode_kelurahan")]


def test_per_anggota_tanpa_anggota_tidak_ada_data(rencana_uji):
    """Issue #22: a kelurahan without members has no amount per member: "tidak ada data", never Rp 0."""
    from geo.anggaran.peta import peta_anggaran
    from geo.anggaran.ringkas import ringkas_anggaran
    from geo.tampilan.susun import tampilkan

    ds = muat_dataset()
    r = ringkas_anggaran(tampilkan(ds), muat_rencana(ds))
    html = peta_anggaran(r, "per_anggota").get_root().render()
    from tests import peta_uji

    fitur = {f["id"]: f["properties"] for f in peta_uji.kelurahan(html)}
    assert fitur[KODE_C]["per_anggota"] == "tidak ada data"
    assert fitur[KODE_A]["per_anggota"] == rupiah(600_000 // 22)


def test_peta_anggaran_dalam_bahasa_inggris(rencana_uji):
    """Issue #22: the budget map's legend, layer and tooltip follow the page's language."""
    from geo.anggaran.peta import peta_anggaran
    from geo.anggaran.ringkas import ringkas_anggaran
    from geo.tampilan.susun import tampilkan
    from tests import peta_uji

    ds = muat_dataset()
    r = ringkas_anggaran(tampilkan(ds), muat_rencana(ds))
    html = peta_anggaran(r, "per_anggota", bahasa="en").get_root().render()
    assert "Allocation per KIM member" in html and "Dormant KIM" in html and "No allocation" in html
    assert "Alokasi per anggota KIM" not in html and "Tanpa alokasi" not in html and "KIM dorman" not in html
    fitur = {f["id"]: f["properties"] for f in peta_uji.kelurahan(html)}
    assert fitur[KODE_C]["per_anggota"] == "no data" and {f["dorman"] for f in fitur.values()} <= {"yes", "no"}
    asli = peta_anggaran(r, "per_anggota").get_root().render()
    assert "Alokasi per anggota KIM" in asli and "KIM dorman" in asli  # Indonesian stays the default
