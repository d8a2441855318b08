"""The "Kelola Data" page driven by Streamlit's AppTest, on a temporary copy of the data.

AppTest cannot type into ``st.data_editor`` cells, so the tests change the
page's working copy (``kelola_draf``, what the editor shows and returns) and
then press the page's own buttons, exactly as after editing cells.
"""

from __future__ import annotations

import json
import re

import bcrypt
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo.config import PROJECT_DIR
from geo.masuk.dataset import muat_dataset
from geo.simpan.berkas import daftar_cadangan
from geo.simpan.kim import baca_untuk_sunting, path_audit, simpan_kim
from tests.conftest import BARIS_BAIK, HEADER, KODE_C

HALAMAN = str(PROJECT_DIR / "pages" / "1_Kelola_Data.py")
SANDI = "rahasia-kota-123"


@pytest.fixture
def akun(wilayah_uji, monkeypatch):
    """One editor account in KIM_PENGGUNA (low bcrypt cost: tests, not production)."""
    hash_ = bcrypt.hashpw(SANDI.encode(), bcrypt.gensalt(rounds=4)).decode()
    monkeypatch.setenv("KIM_PENGGUNA", f"Budi:{hash_}")
    return wilayah_uji


def _buka() -> AppTest:
    at = AppTest.from_file(HALAMAN, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def _masuk(at: AppTest, sandi: str = SANDI) -> AppTest:
    at.text_input(key="kelola_login_nama").input("budi")
    at.text_input(key="kelola_login_sandi").input(sandi)
    at.button[0].click().run()  # the form's submit button
    assert not at.exception, at.exception
    return at


def _sunting(at: AppTest, ubah) -> AppTest:
    """Change the working copy as the editor would, then press Simpan perubahan."""
    draf = at.session_state["kelola_draf"].copy()
    at.session_state["kelola_draf"] = ubah(draf)
    at.session_state["kelola_versi"] = at.session_state["kelola_versi"] + 1
    at.run()
    at.button(key="kelola_simpan").click().run()
    assert not at.exception, at.exception
    return at


def _tanpa_escape(tabel: pd.DataFrame) -> pd.DataFrame:
    """Report cells as the reader sees them (st.table cells are Markdown-escaped)."""
    return tabel.map(lambda v: re.sub(r"\\(.)", r"\1", str(v)))


def _teks(at: AppTest) -> str:
    return " ".join(e.value for e in [*at.error, *at.success, *at.info, *at.warning, *at.markdown, *at.html] if isinstance(e.value, str))


def test_first_run_without_accounts_explains_setup(wilayah_uji, monkeypatch):
    monkeypatch.delenv("KIM_PENGGUNA", raising=False)
    at = _buka()
    teks = _teks(at)
    assert "Belum ada akun penyunting" in teks and "hash-password" in teks
    assert len(at.text_input) == 0  # no login form to try
    assert not at.tabs and len(at.dataframe) == 1  # read-only table


def test_login_required_to_edit(akun):
    at = _buka()
    assert not at.tabs and not [b for b in at.button if b.key == "kelola_simpan"]
    _masuk(at, "salah-sekali")
    assert "kata sandi salah" in _teks(at)
    assert "kelola_pengguna" not in at.session_state
    _masuk(at)
    assert at.session_state["kelola_pengguna"] == "budi"
    assert [t.label for t in at.tabs] == ["Tabel", "Lokasi di peta", "Lapangan & foto", "Unggah berkas", "Riwayat & pemulihan",
                                          "Log kegiatan", "Anggaran"]


def test_invalid_edit_is_not_saved(akun):
    lama = akun.kim.read_bytes()
    at = _masuk(_buka())

    def rusak(draf: pd.DataFrame) -> pd.DataFrame:
        draf.loc[0, "id_potensi"] = draf.loc[1, "id_potensi"]  # duplicate id
        draf.loc[2, "lintang"] = 7.5  # far outside the region
        return draf

    at = _sunting(at, rusak)
    assert akun.kim.read_bytes() == lama
    assert daftar_cadangan(akun.kim) == [] and not path_audit(akun.kim).exists()
    assert "Belum disimpan" in _teks(at)
    laporan = _tanpa_escape(at.table[-1].value)
    assert {"id_potensi", "lintang"} <= set(laporan["kolom"])


@pytest.mark.lambat
def test_valid_edit_is_saved_with_backup_and_audit(akun):
    lama = akun.kim.read_bytes()
    at = _masuk(_buka())

    def ubah(draf: pd.DataFrame) -> pd.DataFrame:
        draf.loc[draf["id_potensi"] == "A-01", "jumlah_anggota"] = 31
        baru = draf.iloc[[0]].assign(id_potensi="C-01", kelurahan="Gama Raya", nama_potensi="Tari", lintang=0.015, bujur=110.075)
        return pd.concat([draf, baru], ignore_index=True)

    at = _sunting(at, ubah)
    assert "Tersimpan: 1 ditambah, 1 diubah, 0 dihapus" in _teks(at)
    tabel, _ = baca_untuk_sunting(muat_dataset())
    baris = tabel.set_index("id_potensi")
    assert baris.loc["A-01", "jumlah_anggota"] == 31
    assert baris.loc["C-01", "kode_kelurahan"] == "99.01.02.1001" and baris.loc["C-01", "kecamatan"] == "Dua"
    cadangan = daftar_cadangan(akun.kim)
    assert len(cadangan) == 1 and cadangan[0].path.read_bytes() == lama
    entri = json.loads(path_audit(akun.kim).read_text(encoding="utf-8").splitlines()[-1])
    assert entri["pengguna"] == "budi" and entri["ditambah"] == ["C-01"] and entri["diubah"] == ["A-01"]
    assert at.session_state["kelola_asal"].shape[0] == 6  # the page reloaded what it saved


@pytest.mark.lambat
def test_conflicting_change_is_detected(akun):
    at = _masuk(_buka())
    # Another editor (or an import) saves the same row after this page loaded the file
    # (edits to different rows merge since the row-level merge, tests/simpan/test_gabung.py).
    lain = muat_dataset()
    tabel, sidik = baca_untuk_sunting(lain)
    tabel.loc[tabel["id_potensi"] == "A-01", "nama_potensi"] = "Amplang cap"
    assert simpan_kim(tabel, lain, "ani", sidik).disimpan
    setelah_ani = akun.kim.read_bytes()

    def ubah(draf: pd.DataFrame) -> pd.DataFrame:
        draf.loc[draf["id_potensi"] == "A-01", "jumlah_anggota"] = 99
        return draf

    at = _sunting(at, ubah)
    assert akun.kim.read_bytes() == setelah_ani  # Ani's change survives
    assert "Konflik penyimpanan" in _teks(at)
    tombol = [b.proto.label for b in at.get("download_button")]
    assert "Unduh suntingan Anda (CSV)" in tombol  # the user can keep their edits as a file
    assert len(daftar_cadangan(akun.kim)) == 1  # only Ani's save made a backup
    at.button(key="kelola_muat_ulang").click().run()
    assert "Konflik penyimpanan" not in _teks(at)
    assert "Amplang cap" in set(at.session_state["kelola_draf"]["nama_potensi"])


def _csv(rows: list[list[str]]) -> bytes:
    return ("\n".join(";".join(r) for r in [HEADER, *rows]) + "\n").encode("utf-8-sig")


@pytest.mark.lambat
def test_upload_is_checked_in_full_before_saving(akun):
    lama = akun.kim.read_bytes()
    at = _masuk(_buka())
    buruk = list(BARIS_BAIK[0])
    buruk[5] = "Masakan"  # not a category
    at.file_uploader(key="kelola_unggah").set_value(("perbaikan.csv", _csv([BARIS_BAIK[1], buruk]), "text/csv")).run()
    assert not at.exception, at.exception
    assert "tidak sah: 1 galat" in _teks(at)
    laporan = _tanpa_escape(at.table[0].value)
    assert laporan.iloc[0]["baris"] == "3" and laporan.iloc[0]["kolom"] == "kategori_potensi"
    assert not [b for b in at.button if b.key == "kelola_simpan_unggah"]  # nothing to save
    assert akun.kim.read_bytes() == lama

    baik = list(BARIS_BAIK[0])
    baik[9] = "55"
    baru = ["C-01", "KIM Gama", KODE_C, "Gama Raya", "Dua", "Seni & Budaya", "Tari", "", "Aktif", "9", "13/07/2022", "0,01", "110,07", ""]
    at.file_uploader(key="kelola_unggah").set_value(("perbaikan.csv", _csv([baik, baru]), "text/csv")).run()
    assert "sah: 2 baris tanpa masalah" in _teks(at)
    at.button(key="kelola_simpan_unggah").click().run()
    assert not at.exception, at.exception
    tabel = baca_untuk_sunting(muat_dataset())[0].set_index("id_potensi")
    assert len(tabel) == 6 and tabel.loc["A-01", "jumlah_anggota"] == 55  # merged by id, others kept
    entri = json.loads(path_audit(akun.kim).read_text(encoding="utf-8").splitlines()[-1])
    assert entri["aksi"] == "unggah-gabung" and entri["ditambah"] == ["C-01"] and entri["diubah"] == ["A-01"]


@pytest.mark.lambat
def test_restore_from_the_page_undoes_a_save(akun):
    asli = akun.kim.read_bytes()
    at = _masuk(_buka())

    def ubah(draf: pd.DataFrame) -> pd.DataFrame:
        return draf[draf["id_potensi"] != "B-02"]

    at = _sunting(at, ubah)
    assert "B-02" not in set(baca_untuk_sunting(muat_dataset())[0]["id_potensi"])
    at.button(key="kelola_pulihkan").click().run()  # newest backup is selected by default
    assert not at.exception, at.exception
    tabel = baca_untuk_sunting(muat_dataset())[0]
    assert "B-02" in set(tabel["id_potensi"]) and len(tabel) == len(BARIS_BAIK)
    assert len(daftar_cadangan(akun.kim)) == 2  # the restore backed up the version it replaced
    assert [json.loads(b)["aksi"] for b in path_audit(akun.kim).read_text(encoding="utf-8").splitlines()] == ["sunting", "pulihkan"]
    assert daftar_cadangan(akun.kim)[-1].path.read_bytes() == asli


def test_pengunggah_menyebut_batas_ukuran_yang_berlaku(akun, monkeypatch):
    """The uploader must not promise Streamlit's '200MB per file' when the app refuses above KIM_BATAS_UNGGAH_MB."""
    monkeypatch.setenv("KIM_BATAS_UNGGAH_MB", "7")
    at = _masuk(_buka())
    batas = {p.proto.label: p.proto.max_upload_size_mb for p in at.get("file_uploader")}
    assert len(batas) >= 2 and all(mb == 7 for mb in batas.values()), batas  # KIM file and activity log


def test_kolom_yang_tidak_ada_di_berkas_kosong_bukan_none(akun):
    """Data from before the KIM registry has no id_kim column: the editor shows blank cells, not Streamlit's "None"."""
    assert "id_kim" not in akun.kim.read_text(encoding="utf-8").splitlines()[0]
    at = _masuk(_buka())
    editor = next(d.value for d in at.dataframe if "id_kim" in d.value.columns)
    assert editor["id_kim"].tolist() == [""] * len(BARIS_BAIK)
