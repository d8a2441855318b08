"""The Profil KIM page (AppTest) and the KIM brand card (escaping, QR only with a public address)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo.kim.merek import html_merek_kim, merek_kim
from geo.masuk.dataset import muat_dataset
from tests.conftest import KODE_A, KODE_B

HALAMAN = str(Path(__file__).resolve().parents[2] / "pages" / "5_Profil_KIM.py")


@pytest.fixture
def data(wilayah_uji):
    from PIL import Image

    (wilayah_uji.dir / "logo_kim").mkdir()
    Image.new("RGB", (40, 40), "navy").save(wilayah_uji.dir / "logo_kim" / "a.png")
    (wilayah_uji.dir / "profil_kim.csv").write_text(
        "id_kim,nama_kim,kode_kelurahan,sk_nomor,sk_tanggal,instagram,pos_instagram,youtube,tagline,logo,bimtek,ketua\n"
        f"KIM-A,KIM Alfa,{KODE_A},1/SK,2024-01-02,https://instagram.com/a,2026-10-02,,Warga <script>x</script>,a.png,"
        "2026-03-14 | Bimtek video,Sari\n"
        f"KIM-B,KIM Beta,{KODE_B},,,,,,,,,\n", encoding="utf-8")
    return wilayah_uji


def test_merek_tanpa_alamat_publik_tanpa_qr(data):
    d = muat_dataset()
    m = merek_kim(d, "KIM-A")
    assert m.logo is not None and m.logo.name == "a.png" and m.tautan == "" and m.qr == ""
    html = html_merek_kim(m)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="https://instagram.com/a"' in html and "data:image/png;base64," in html and "kim-merek-kim-qr" not in html


def test_merek_dengan_alamat_publik_ada_qr(data):
    w = json.loads(data.wilayah.read_text())
    data.wilayah.write_text(json.dumps({**w, "alamat_publik": "https://peta.contoh.id/"}))
    m = merek_kim(muat_dataset(), "KIM-A")
    assert m.tautan == "https://peta.contoh.id/Profil_KIM?kim=KIM-A"
    assert m.qr.startswith("data:image/png;base64,") and "kim-merek-kim-qr" in html_merek_kim(m, "en")
    assert "Scan to open" in html_merek_kim(m, "en")


def test_halaman_peringkat_dan_profil(data):
    at = AppTest.from_file(HALAMAN, default_timeout=60)
    at.query_params["kim"] = "KIM-A"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Profil dan penilaian KIM"
    tabel = at.dataframe[0].value
    assert sorted(tabel["KIM"]) == ["KIM Alfa", "KIM Beta"] and tabel["Skor"].notna().all()
    assert at.selectbox[0].value == "KIM-A"
    teks = " ".join(m.value for m in [*at.markdown, *at.html])
    assert "Bimtek video" in teks and "belum ada SK" in teks  # the profile's list and Beta's prioritas reason
    at.radio[0].set_value("en").run()
    assert at.title[0].value == "KIM profiles and assessment"
    assert at.query_params["bahasa"] in ("en", ["en"])  # kept in the URL, so the menu's links carry it


def test_halaman_mengikuti_bahasa_tautan(data):
    """The menu's ?bahasa=en (#22) opens the page in English, as the other pages."""
    at = AppTest.from_file(HALAMAN, default_timeout=60)
    at.query_params["bahasa"] = "en"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "KIM profiles and assessment" and at.radio[0].value == "en"
    prioritas = " ".join(m.value for m in at.markdown if m.value.startswith("- **"))
    assert "not registered on KIM" in prioritas and "belum" not in prioritas  # the coaching reasons in English too
    profil = " ".join(m.value for m in at.markdown)
    assert "Chair: Sari" in profil and "14 March 2026" in profil and "Maret" not in profil  # the board and dates too


def test_peringkat_ditulis_cara_bahasa_halaman():
    """The ranking's figures follow the page's language (95,8 / 95.8) and stay numbers, so they sort as numbers."""
    from ui.profil_kim import BATANG, gaya_peringkat

    tabel = pd.DataFrame({"Peringkat": [1, 2], "KIM": ["A", "B"], "Skor": [95.8, 94.0], BATANG: [95.8, 94.0],
                          "Administrasi": [66.7, None], "Hari sejak kegiatan terakhir": [2108, 3]})
    teks = gaya_peringkat(tabel, "id").to_string()
    assert "95,8" in teks and "94,0" in teks and "66,7" in teks and "2.108" in teks and "–" in teks
    en = gaya_peringkat(tabel.rename(columns={"Skor": "Score"}), "en").to_string()
    assert "95.8" in en and "2,108" in en
    assert gaya_peringkat(tabel, "id").data["Skor"].dtype.kind == "f"  # sorted as numbers


def test_halaman_mengikuti_kecamatan(data):
    at = AppTest.from_file(HALAMAN, default_timeout=60)
    at.run()
    at.multiselect(key="w_profil_kecamatan").set_value(["Satu"]).run()
    assert not at.exception, at.exception
    assert sorted(at.dataframe[0].value["KIM"]) == ["KIM Alfa", "KIM Beta"]  # both kelurahan of Satu
    at.multiselect(key="w_profil_kecamatan").set_value(["Dua"]).run()
    assert len(at.dataframe[0].value) == 0


def test_logo_tanpa_metadata(data):
    """The card embeds the logo as the photo store cleans it (#21): a GPS tag or comment in the file never reaches a page."""
    import base64
    import io

    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "RAHASIA-LOKASI")
    Image.new("RGBA", (40, 40), (0, 0, 128, 100)).save(data.dir / "logo_kim" / "a.png", pnginfo=info)
    m = merek_kim(muat_dataset(), "KIM-A")
    assert m.logo_data is not None and m.logo_data[1] == "png"
    assert b"RAHASIA-LOKASI" not in m.logo_data[0]
    with Image.open(io.BytesIO(m.logo_data[0])) as g:
        assert g.mode == "RGBA" and g.getpixel((0, 0)) == (0, 0, 128, 100)  # transparency kept
    html = html_merek_kim(m)
    assert base64.b64encode(m.logo_data[0]).decode("ascii") in html


@pytest.fixture
def akun_profil(data, monkeypatch):
    import bcrypt

    from geo.simpan.daftar_akun import AkunBerkas, tambah_akun

    monkeypatch.setenv("KIM_PENGGUNA", "admin:" + bcrypt.hashpw(b"sandi-admin-1", bcrypt.gensalt(rounds=4)).decode())
    tambah_akun(AkunBerkas(data.dir / "akun.json"), "uji", "eka", "sandi-eka-1", "editor", KODE_A)
    return data


def _masuk_profil(nama: str, sandi: str, bahasa: str = "id") -> AppTest:
    at = AppTest.from_file(HALAMAN, default_timeout=60)
    at.query_params["bahasa"] = bahasa
    at.run()
    at.text_input(key="kelola_login_nama").input(nama)
    at.text_input(key="kelola_login_sandi").input(sandi)
    next(b for b in at.button if b.label in ("Masuk", "Sign in", "Log in")).click().run()
    assert not at.exception, at.exception
    return at


def test_halaman_sunting_kim_dalam_lingkup(akun_profil):
    at = _masuk_profil("eka", "sandi-eka-1")
    pilih = at.selectbox(key="w_sunting_kim")
    assert pilih.options == ["KIM Alfa (KIM-A)", "+ KIM baru"]  # only the KIM of the account's scope
    at.text_input(key="w_sunting_tagline").input("Kabar <b>warga</b>")
    next(b for b in at.button if b.label == "Simpan").click().run()
    assert not at.exception, at.exception
    assert any("Tersimpan: 0 ditambah, 1 diubah" in s.value for s in at.success)
    tabel = muat_dataset().profil.tabel.set_index("id_kim")
    assert tabel.at["KIM-A", "tagline"] == "Kabar <b>warga</b>" and tabel.at["KIM-B", "tagline"] == ""


def test_halaman_sunting_galat_dan_bahasa_inggris(akun_profil):
    at = _masuk_profil("admin", "sandi-admin-1", bahasa="en")
    assert "Edit" in [t.label for t in at.tabs]
    at.selectbox(key="w_sunting_kim").set_value("KIM-B").run()
    at.text_input(key="w_sunting_youtube").input("youtube.com/beta")
    next(b for b in at.button if b.label == "Save").click().run()
    assert not at.exception, at.exception
    assert any("Not saved: fix 1 errors first." in e.value for e in at.error)
    assert muat_dataset().profil.tabel.set_index("id_kim").at["KIM-B", "youtube"] == ""
    teks = " ".join(m.value for m in [*at.markdown, *at.html])
    assert "Jury scoring sheet" in teks and "Logged in as" in teks
