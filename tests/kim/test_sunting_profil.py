"""The KIM table edited through the store (#25): scope, integrity with kim.csv, logos, the jury sheet; files and PostgreSQL."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from PIL import Image

from geo.galat import GalatData
from geo.kim.juri import path_juri
from geo.kim.simpan_profil import muat_lembar_juri
from geo.masuk.dataset import muat_dataset
from geo.simpan.gudang import GudangBerkas
from geo.simpan.kim import path_audit
from geo.simpan.lingkup import Akun, GalatLingkup
from geo.simpan.pg import pindah
from geo.simpan.pg.gudang_pg import GudangPG
from tests.conftest import BARIS_BAIK, HEADER, KODE_A, KODE_B
from tests.kim.juri_uji import lembar

EDITOR_A = Akun("eka", "editor", KODE_A)  # scope: kelurahan Alfa Laut only
PROFIL = ("id_kim,nama_kim,kode_kelurahan,instagram,tagline\n"
          f"KIM-A,KIM Alfa,{KODE_A},https://instagram.com/a,Lama\nKIM-B,KIM Beta,{KODE_B},,\n")


@pytest.fixture
def wil(wilayah_uji):
    (wilayah_uji.dir / "profil_kim.csv").write_text(PROFIL, encoding="utf-8")
    baris = [[*r, "KIM-A" if r[0] == "A-01" else ""] for r in BARIS_BAIK]  # A-01 names its KIM by id
    wilayah_uji.tulis_kim(baris, header=[*HEADER, "id_kim"])
    return wilayah_uji


def _ubah(tabel: pd.DataFrame, id_kim: str, **isi) -> pd.DataFrame:
    tabel = tabel.copy()
    for k, v in isi.items():
        tabel.loc[tabel["id_kim"] == id_kim, k] = v
    return tabel


def _audit(path) -> list[dict]:
    return [json.loads(b) for b in path.read_text(encoding="utf-8").splitlines()]


def test_editor_menyimpan_kim_di_lingkupnya(wil):
    g, d = GudangBerkas(), muat_dataset()
    tabel, sidik = g.baca_profil_untuk_sunting(d)
    hasil = g.simpan_profil(_ubah(tabel, "KIM-A", tagline="Kabar warga", nomor_kimid="KIMID-1"), d, EDITOR_A, sidik)
    assert hasil.disimpan and hasil.perubahan.diubah == ["KIM-A"], hasil.pesan
    lagi = muat_dataset().profil.tabel.set_index("id_kim")
    assert lagi.at["KIM-A", "tagline"] == "Kabar warga" and lagi.at["KIM-A", "nomor_kimid"] == "KIMID-1"
    entri = _audit(path_audit(wil.dir / "profil_kim.csv"))[-1]
    assert (entri["pengguna"], entri["aksi"], entri["diubah"]) == ("eka", "sunting-profil", ["KIM-A"])
    assert hasil.cadangan is not None and hasil.cadangan.read_text(encoding="utf-8") == PROFIL


def test_kim_di_luar_lingkup_ditolak_dan_dicatat(wil):
    g, d = GudangBerkas(), muat_dataset()
    tabel, sidik = g.baca_profil_untuk_sunting(d)
    with pytest.raises(GalatLingkup, match="KIM-B"):
        g.simpan_profil(_ubah(tabel, "KIM-B", tagline="bukan milik saya"), d, EDITOR_A, sidik)
    assert (wil.dir / "profil_kim.csv").read_text(encoding="utf-8") == PROFIL
    entri = _audit(path_audit(wil.dir / "profil_kim.csv"))[-1]
    assert (entri["pengguna"], entri["aksi"], entri["diubah"]) == ("eka", "ditolak-profil", ["KIM-B"])
    # moving one's own KIM into another kelurahan gives it away: refused too
    with pytest.raises(GalatLingkup):
        g.simpan_profil(_ubah(tabel, "KIM-A", kode_kelurahan=KODE_B), d, EDITOR_A, sidik)
    with pytest.raises(GalatLingkup, match="hanya editor"):
        g.simpan_profil(_ubah(tabel, "KIM-A", tagline="x"), d, Akun("pel", "pelapor", KODE_A), sidik)


def test_galat_menyebut_baris_dan_kolom(wil):
    g, d = GudangBerkas(), muat_dataset()
    tabel, sidik = g.baca_profil_untuk_sunting(d)
    hasil = g.simpan_profil(_ubah(tabel, "KIM-B", youtube="youtube.com/beta"), d, "admin", sidik, berkas="formulir KIM")
    assert not hasil.disimpan
    assert [(e.berkas, e.baris, e.kolom) for e in hasil.laporan.galat] == [("formulir KIM", 2, "youtube")]
    assert (wil.dir / "profil_kim.csv").read_text(encoding="utf-8") == PROFIL


def test_kim_yang_dirujuk_kim_csv_tidak_dapat_dihapus(wil):
    g, d = GudangBerkas(), muat_dataset()
    tabel, sidik = g.baca_profil_untuk_sunting(d)
    hasil = g.simpan_profil(tabel[tabel["id_kim"] != "KIM-A"], d, "admin", sidik)
    assert not hasil.disimpan and hasil.perubahan.dihapus == ["KIM-A"]
    (e,) = hasil.laporan.galat
    assert (e.berkas, e.baris, e.kolom, e.nilai) == ("kim.csv", 2, "id_kim", "KIM-A") and "A-01" in e.pesan
    # KIM-B is only found by name: removing it is allowed (kim.csv's rows then make it again from nama_kim)
    assert g.simpan_profil(tabel[tabel["id_kim"] != "KIM-B"], d, "admin", sidik).disimpan


def test_tabel_hasil_migrasi_disimpan_pertama_kali(wilayah_uji):
    """Without profil_kim.csv the page edits the KIM made from kim.csv; the first save writes the table."""
    g, d = GudangBerkas(), muat_dataset()
    tabel, sidik = g.baca_profil_untuk_sunting(d)
    assert sidik is None and len(tabel) == 2
    id_a = tabel.loc[tabel["kode_kelurahan"] == KODE_A, "id_kim"].iloc[0]
    assert g.simpan_profil(_ubah(tabel, id_a, tagline="Baru"), d, EDITOR_A, sidik).disimpan
    lagi = muat_dataset()
    assert lagi.ok and lagi.profil.dibuat == () and lagi.profil.tabel.set_index("id_kim").at[id_a, "tagline"] == "Baru"


def _png(warna: str = "navy") -> bytes:
    buf = io.BytesIO()
    Image.new("RGBA", (48, 48), warna).save(buf, format="PNG")
    return buf.getvalue()


def test_logo_diperiksa_seperti_foto_dan_dalam_lingkup(wil):
    g, d = GudangBerkas(), muat_dataset()
    nama = g.simpan_logo(d, "KIM-A", _png(), EDITOR_A, "logo.png")
    assert nama == "KIM-A.png" and (wil.dir / "logo_kim" / nama).read_bytes().startswith(b"\x89PNG")
    with pytest.raises(GalatData, match="logo.png"):
        g.simpan_logo(d, "KIM-A", b"bukan gambar", EDITOR_A, "logo.png")
    with pytest.raises(GalatLingkup):
        g.simpan_logo(d, "KIM-B", _png(), EDITOR_A, "logo.png")
    assert not (wil.dir / "logo_kim" / "KIM-B.png").exists()
    tabel, sidik = g.baca_profil_untuk_sunting(d)
    assert g.simpan_profil(_ubah(tabel, "KIM-A", logo=nama), d, EDITOR_A, sidik).disimpan
    from geo.kim.merek import merek_kim

    assert merek_kim(muat_dataset(), "KIM-A").logo_data is not None


def test_lembar_juri_dimuat_dalam_lingkup(wil):
    d = muat_dataset()
    n, laporan = muat_lembar_juri(d, lembar(d, {"KIM-A": 80}), "juri.xlsx", EDITOR_A)
    assert laporan.ok and n == 1, laporan.teks()
    tersimpan = pd.read_csv(path_juri(wil.kim), dtype=str)
    assert list(tersimpan["id_kim"]) == ["KIM-A"] and float(tersimpan["nilai"].iloc[0]) == 80
    with pytest.raises(GalatLingkup):
        muat_lembar_juri(d, lembar(d, {"KIM-B": 70}), "juri.xlsx", EDITOR_A)
    assert list(pd.read_csv(path_juri(wil.kim), dtype=str)["id_kim"]) == ["KIM-A"]


@pytest.mark.lambat
def test_tabel_kim_di_postgresql(url_pg, wil, tmp_path):
    g = GudangPG(url_pg)
    assert pindah.impor(g, "uji", wil.kim, wil.batas, wil.referensi, wil.wilayah).hasil is not None
    d = g.muat()
    tabel, sidik = g.baca_profil_untuk_sunting(d)
    hasil = g.simpan_profil(_ubah(tabel, "KIM-A", tagline="Kabar warga"), d, EDITOR_A, sidik)
    assert hasil.disimpan and hasil.perubahan.diubah == ["KIM-A"], hasil.pesan
    assert g.muat().profil.tabel.set_index("id_kim").at["KIM-A", "tagline"] == "Kabar warga"
    audit = g.baca_audit("profil_kim")
    assert (audit.at[0, "pengguna"], audit.at[0, "aksi"]) == ("eka", "sunting-profil")
    # outside the scope: refused, rolled back, audited
    with pytest.raises(GalatLingkup):
        g.simpan_profil(_ubah(tabel, "KIM-B", tagline="x"), g.muat(), EDITOR_A, hasil.sidik)
    audit = g.baca_audit("profil_kim")
    assert (audit.at[0, "pengguna"], audit.at[0, "aksi"]) == ("eka", "ditolak-profil")
    assert g.muat().profil.tabel.set_index("id_kim").at["KIM-B", "tagline"] == ""
    # a stale editor cannot overwrite KIM-A; removing a KIM kim_potensi names is refused with the row
    with pytest.raises(GalatData, match="KIM-A"):
        g.simpan_profil(_ubah(tabel, "KIM-A", tagline="basi"), g.muat(), "admin", sidik)
    tabel, sidik = g.baca_profil_untuk_sunting(g.muat())
    ditolak = g.simpan_profil(tabel[tabel["id_kim"] != "KIM-A"], g.muat(), "admin", sidik)
    assert not ditolak.disimpan and [(e.baris, e.kolom) for e in ditolak.laporan.galat] == [(2, "id_kim")]
    # a logo: checked like a photo, in scope, stored in the database and shown from this server's mirror
    with pytest.raises(GalatLingkup):
        g.simpan_logo(g.muat(), "KIM-B", _png(), EDITOR_A, "logo.png")
    with pytest.raises(GalatData):
        g.simpan_logo(g.muat(), "KIM-A", b"bukan gambar", EDITOR_A, "logo.png")
    nama = g.simpan_logo(g.muat(), "KIM-A", _png(), EDITOR_A, "logo.png")
    assert g.simpan_profil(_ubah(tabel, "KIM-A", logo=nama), g.muat(), EDITOR_A, sidik).disimpan
    from geo.kim.merek import merek_kim

    assert merek_kim(g.muat(), "KIM-A").logo_data is not None
    # db export carries the KIM table and its logo: the files load with the same KIM and the same logo
    keluar = pindah.ekspor(g, tmp_path / "ekspor")
    assert {"profil_kim.csv", nama} <= {p.name for p in keluar}
    kembali = muat_dataset(*keluar[:4])
    assert kembali.ok, kembali.laporan.teks()
    assert kembali.profil.tabel.set_index("id_kim").at["KIM-A", "logo"] == nama
    assert merek_kim(kembali, "KIM-A").logo_data == merek_kim(g.muat(), "KIM-A").logo_data
    g.kolam.tutup()
