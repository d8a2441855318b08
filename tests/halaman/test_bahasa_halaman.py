"""Every page in English has no Indonesian UI string that has an English entry (#22).

The walk opens the map page, Anggaran, Kelola Data (signed in, every tab
drawn; a file uploaded, a backup to restore, a map click), Lapor (signed in, one report sent) and Akun (as a reporter and as
an administrator) with ``?bahasa=en`` under AppTest and reads every label, text and
message. Any Indonesian string of :data:`geo.i18n.TEKS` whose English
differs fails the test, whole or as a long enough fragment, so a string
that is translated in the dictionary but hard-coded on a page is caught.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.i18n import TEKS
from geo.tampilan import waktu
from tests.anggaran.test_anggaran import rencana_uji  # noqa: F401 - fixture
from tests.conftest import BARIS_BAIK, tulis_log
from tests.halaman.test_kelola_apptest import _csv, _masuk, akun  # noqa: F401 - fixture
from tests.halaman.test_lapor_apptest import akun as akun_lapor  # noqa: F401 - fixture

AKAR = Path(__file__).resolve().parents[2]
JENIS = ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success", "button", "metric", "tab",
         "expander", "selectbox", "multiselect", "radio", "text_input", "checkbox", "toggle", "date_input", "download_button",
         "number_input", "text_area", "form_submit_button")
POTONGAN_MIN = 14  # shorter fragments ("Filter", "Kecamatan") are shared words, not leftovers


def _teks_halaman(at: AppTest) -> list[str]:
    hasil: list[str] = []
    for jenis in JENIS:
        for el in at.get(jenis):
            for atribut in ("label", "value", "body", "help", "placeholder"):
                nilai = getattr(el, atribut, None)
                if isinstance(nilai, str) and nilai.strip():
                    hasil.append(nilai)
    return hasil


def _pola_indonesia() -> list[tuple[str, str]]:
    """(key, literal fragment) of every Indonesian string that reads differently in English."""
    hasil = []
    semua_en = " ".join(v.get("en", "") for v in TEKS.values())
    for kunci, v in TEKS.items():
        id_, en = v.get("id", ""), v.get("en", "")
        if not id_ or id_ == en:
            continue
        for bagian in re.split(r"\{[^}]*\}", id_.replace("**", "")):
            bagian = bagian.strip(" .,:;·—()")
            if len(bagian) >= POTONGAN_MIN and bagian not in semua_en:
                hasil.append((kunci, bagian))
    return hasil


def _sisa_indonesia(teks: list[str]) -> list[str]:
    polos = [x.replace("**", "") for x in teks]
    return sorted({f"{k}: '{b}'" for k, b in _pola_indonesia() for x in polos if b in x})


def _jalan(halaman: str, **param: str) -> AppTest:
    at = AppTest.from_file(str(AKAR / halaman), default_timeout=90)
    for k, v in param.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def test_pola_menangkap_teks_indonesia():
    assert "k_login_salah: 'Nama pengguna atau kata sandi salah'" in _sisa_indonesia(["Nama pengguna atau kata sandi salah."])
    assert _sisa_indonesia(["Wrong user name or password."]) == []


def test_dasbor_dalam_bahasa_inggris(rencana_uji):  # noqa: F811
    at = _jalan("dashboard.py", bahasa="en")
    teks = _teks_halaman(at)
    assert "KIM Potential Map" in teks
    assert _sisa_indonesia(teks) == []


def test_kosakata_dasbor_dalam_bahasa_inggris(rencana_uji):  # noqa: F811
    """Categories and statuses read in English (filters, the filter line, the detail), the URL keeps the stored word."""
    at = _jalan("dashboard.py", bahasa="en", kategori="Kuliner")
    assert "Culinary" in at.multiselect(key="w_kategori").options and "Inactive" in at.multiselect(key="w_status").options
    assert at.multiselect(key="w_kategori").value == ["Kuliner"]  # the value stays the stored spelling
    assert any("Category&#58; Culinary" in h.value for h in at.html)  # escaped for HTML and Markdown (ui.md)
    assert at.query_params["kategori"] in ("Kuliner", ["Kuliner"])


def test_anggaran_dalam_bahasa_inggris(rencana_uji):  # noqa: F811
    at = _jalan("pages/2_Anggaran.py", bahasa="en")
    teks = _teks_halaman(at)
    assert "KIM Budget" in teks and "Budget ceiling" in teks
    assert _sisa_indonesia(teks) == []
    assert "Inactive" in at.multiselect(key="w_anggaran_status").options  # the region's words in English here too
    assert at.query_params["bahasa"] in ("en", ["en"])  # the page's own URL keeps the language
    assert "Budget forms (RKA/RKPA/DPA/DPPA)" in teks and "Download SIPD lines (CSV)" in teks
    pagu = at.number_input(key="w_anggaran_pagu_baru")
    pagu.set_value(int(pagu.value) + 10_000_000).run()  # the what-if ceiling
    assert not at.exception, at.exception
    teks = _teks_halaman(at)
    assert any(x.startswith("**What-if:**") for x in teks) and _sisa_indonesia(teks) == []


def test_tabel_simulasi_pagu_berjudul_inggris(rencana_uji):  # noqa: F811
    """The what-if table's headings follow ?bahasa=en like every other heading on the page."""
    at = _jalan("pages/2_Anggaran.py", bahasa="en")
    pagu = at.number_input(key="w_anggaran_pagu_baru")
    pagu.set_value(int(pagu.value) + 10_000_000).run()
    simulasi = next(df for df in at.dataframe if "id_baris" in df.value.columns and len(df.value.columns) == 6)
    assert list(simulasi.value.columns) == ["id_baris", "Component", "Old price", "New price", "Old amount", "New amount"]


@pytest.mark.usefixtures("rencana_uji")
def test_bantuan_kolom_editor_anggaran_dalam_bahasa_inggris(akun):  # noqa: F811
    """The Budget tab's column tooltips (what to type in each cell) follow ?bahasa=en too."""
    at = _masuk(_jalan("pages/1_Kelola_Data.py", bahasa="en"))
    editor = next(d for d in at.dataframe if "kode_rekening" in d.value.columns)
    bantuan = [k.get("help", "") for k in json.loads(editor.proto.columns).values()]
    assert "six-level expense account, e.g. 5.1.02.01.01.0052" in bantuan
    assert _sisa_indonesia(bantuan) == [] and not [b for b in bantuan if "kosong" in b or "mis." in b]


@pytest.mark.usefixtures("rencana_uji")
def test_kelola_dalam_bahasa_inggris(akun):  # noqa: F811
    at = _jalan("pages/1_Kelola_Data.py", bahasa="en")
    teks = _teks_halaman(at)
    assert "Manage Data" in teks and "Sign in" in teks
    assert _sisa_indonesia(teks) == []
    _masuk(at)
    teks = _teks_halaman(at)
    assert "Save changes" in teks and any("Signed in as" in x for x in teks)
    assert "Save the budget" in teks and any("This table's total is" in x for x in teks)  # the Budget tab's editor
    assert _sisa_indonesia(teks) == []


def _masuk_sebagai(at: AppTest, nama: str, sandi: str) -> AppTest:
    at.text_input(key="kelola_login_nama").input(nama)
    at.text_input(key="kelola_login_sandi").input(sandi)
    at.button[0].click().run()  # the login form's submit button
    assert not at.exception, at.exception
    return at


def test_lapor_dalam_bahasa_inggris(akun_lapor):  # noqa: F811
    at = _jalan("pages/3_Lapor.py", bahasa="en")
    assert "Report an activity" in _teks_halaman(at) and _sisa_indonesia(_teks_halaman(at)) == []
    _masuk_sebagai(at, "alfa", "sandi-alfa-1")
    teks = _teks_halaman(at)
    assert "Send report" in teks and "Activity date" in teks and "Sign out" in teks
    assert _sisa_indonesia(teks) == []
    assert "meeting" in at.selectbox(key="lapor_jenis").options  # the activity types in English, stored as "rapat"
    at.text_area(key="lapor_catatan").input("Rapat")
    at.button[-1].click().run()  # "Send report"
    assert not at.exception, at.exception
    teks = _teks_halaman(at)
    assert any("saved. Thank you!" in x for x in teks) and _sisa_indonesia(teks) == []


def test_akun_dalam_bahasa_inggris(akun_lapor):  # noqa: F811
    at = _masuk_sebagai(_jalan("pages/4_Akun.py", bahasa="en"), "alfa", "sandi-alfa-1")
    teks = _teks_halaman(at)
    assert "Only an administrator can manage accounts." in teks and _sisa_indonesia(teks) == []
    at = _masuk_sebagai(_jalan("pages/4_Akun.py", bahasa="en"), "admin", "sandi-admin-1")
    teks = _teks_halaman(at)
    assert "Account name" in teks and "Add" in teks and _sisa_indonesia(teks) == []
    assert "role" in at.dataframe[0].value.columns


def test_akun_belum_diatur_dalam_bahasa_inggris(wilayah_uji, monkeypatch):
    monkeypatch.delenv("KIM_PENGGUNA", raising=False)
    teks = _teks_halaman(_jalan("pages/3_Lapor.py", bahasa="en"))
    assert any("There is no editor account yet" in x for x in teks) and _sisa_indonesia(teks) == []


@pytest.mark.usefixtures("rencana_uji")
def test_kelola_lapangan_dan_catatan_status_dalam_bahasa_inggris(akun, monkeypatch):  # noqa: F811
    monkeypatch.setattr(waktu, "hari_ini", lambda: dt.date(2025, 3, 31))  # the log's May 2024 meeting: Kurang Aktif
    tulis_log(akun, "KEG-00001,A-01,2024-05-01,rapat,6,")  # an activity log: the map status follows the rule
    at = _masuk(_jalan("pages/1_Kelola_Data.py", bahasa="en"))
    at.selectbox(key="lapangan_id").set_value("A-01").run()
    assert not at.exception, at.exception
    teks = _teks_halaman(at)
    assert "Save status" in teks and "Find a potential (type a name, kelurahan or id)" in teks
    assert any("The map will" in x for x in teks)
    draf = at.session_state["kelola_draf"].copy()
    draf.loc[draf["id_potensi"].isin(["A-01", "A-02"]), "status_aktivitas"] = "Aktif"  # the log says Kurang Aktif
    at.session_state["kelola_draf"] = draf
    at.session_state["kelola_versi"] = at.session_state["kelola_versi"] + 1
    at.run()
    assert not at.exception, at.exception
    teks = _teks_halaman(at)
    assert any("The map will show another status" in x and "A-01 → Kurang Aktif (from the activity log)" in x.replace("\\", "") for x in teks)
    assert _sisa_indonesia(teks) == []


@pytest.mark.lambat
@pytest.mark.usefixtures("rencana_uji")
def test_kelola_unggah_riwayat_lokasi_dalam_bahasa_inggris(akun):  # noqa: F811
    at = _masuk(_jalan("pages/1_Kelola_Data.py", bahasa="en"))
    buruk = list(BARIS_BAIK[0])
    buruk[5] = "Masakan"  # not a category
    at.file_uploader(key="kelola_unggah").set_value(("perbaikan.csv", _csv([buruk]), "text/csv")).run()
    teks = _teks_halaman(at)
    assert any("perbaikan.csv is invalid: 1 errors" in x.replace("\\", "") for x in teks) and _sisa_indonesia(teks) == []
    baik = list(BARIS_BAIK[0])
    baik[9] = "55"
    at.file_uploader(key="kelola_unggah").set_value(("perbaikan.csv", _csv([baik]), "text/csv")).run()
    at.button(key="kelola_simpan_unggah").click().run()  # a save: a backup and an audit line for the History tab
    assert not at.exception, at.exception
    log_buruk = b"id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\nK1,X-99,2024-05-01,rapat,6,\n"
    at.file_uploader(key="log_unggah").set_value(("log.csv", log_buruk, "text/csv")).run()  # the Activity log tab
    assert not at.exception, at.exception
    assert any("log.csv is invalid" in x.replace("\\", "") for x in _teks_halaman(at)) and "Full report as text" in _teks_halaman(at)
    at.session_state["kelola_klik"] = (0.0, 0.0)  # a click on the map, far outside the region
    at.run()
    assert not at.exception, at.exception
    teks = _teks_halaman(at)
    assert "Restore this version" in teks and "Use this location" in teks
    assert any("This backup holds" in x for x in teks) and any("outside every kelurahan boundary" in x for x in teks)
    assert _sisa_indonesia(teks) == []


def test_profil_kim_dalam_bahasa_inggris(wilayah_uji):
    """The KIM page keeps its words in geo.kim.teks: checked against those too."""
    from geo.kim.teks import TEKS_KIM

    at = _jalan("pages/5_Profil_KIM.py", bahasa="en")
    teks = _teks_halaman(at)
    assert "KIM profiles and assessment" in teks and _sisa_indonesia(teks) == []
    sisa = {k for k, (id_, en) in TEKS_KIM.items() if id_ != en and len(id_) >= POTONGAN_MIN and any(id_ in x for x in teks)}
    assert sisa == set()
