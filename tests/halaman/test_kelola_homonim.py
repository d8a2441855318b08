"""A province whose desa names repeat can use the table editor (#19).

The editor used to resolve each row's name with a look-up that gives up on a shared name, so
opening the table and changing any cell wiped the codes of every repeated name and every save
was refused. Names now go through the one homonym-aware resolver (geo.masuk.nama.kode_untuk_nama).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import bcrypt
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo.config import PROJECT_DIR
from geo.masuk.dataset import muat_dataset
from geo.masuk.nama import kode_untuk_nama
from geo.simpan.kim import baca_untuk_sunting

HALAMAN = str(PROJECT_DIR / "pages" / "1_Kelola_Data.py")
SANDI = "rahasia-provinsi-123"


def test_kode_untuk_nama_menjaga_kode_nama_kembar(env_provinsi):
    ref = env_provinsi.referensi
    kembar = ref.tabel[ref.tabel["kelurahan"].duplicated(keep=False)]
    assert len(kembar) > 2  # the fixture really repeats names
    kode = pd.Series(kembar.index[:4].astype(str))
    nama = pd.Series(kembar["kelurahan"].iloc[:4].to_numpy())
    assert kode_untuk_nama(ref, nama, kode).tolist() == kode.tolist()  # unchanged names keep their codes
    assert ref.cari_nama(nama.iloc[0]) is None  # what the editor used to ask: no single code
    # A name changed to another shared one is resolved within the row's kecamatan, or left for validation.
    kec = pd.Series(kembar["kecamatan"].iloc[:1].to_numpy())
    assert kode_untuk_nama(ref, nama.iloc[:1], pd.Series([""]), kec).tolist() == [kode.iloc[0]]


@pytest.mark.lambat
def test_editor_provinsi_nama_kembar_menyimpan(env_provinsi, provinsi, monkeypatch, tmp_path):
    salinan = {}
    for k, v in provinsi.env().items():  # a copy: the session's province stays as other tests expect it
        if k in ("KIM_CSV", "KIM_BOUNDARIES", "KIM_REFERENSI", "KIM_WILAYAH"):
            salinan[k] = tmp_path / Path(v).name
            shutil.copy(v, salinan[k])
            monkeypatch.setenv(k, str(salinan[k]))
    monkeypatch.setenv("KIM_PENGGUNA", f"Budi:{bcrypt.hashpw(SANDI.encode(), bcrypt.gensalt(rounds=4)).decode()}")
    at = AppTest.from_file(HALAMAN, default_timeout=180)
    at.run()
    at.text_input(key="kelola_login_nama").input("budi")
    at.text_input(key="kelola_login_sandi").input(SANDI)
    at.button[0].click().run()
    assert not at.exception, at.exception
    draf = at.session_state["kelola_draf"].copy()
    kembar = draf["kelurahan"].isin(env_provinsi.referensi.tabel["kelurahan"][lambda s: s.duplicated(keep=False)])
    assert kembar.sum() > 100
    baris = draf.index[kembar][0]
    id_ = draf.loc[baris, "id_potensi"]
    draf.loc[baris, "jumlah_anggota"] = 77  # one cell
    at.session_state["kelola_draf"] = draf
    at.session_state["kelola_versi"] = at.session_state["kelola_versi"] + 1
    at.run()
    at.button(key="kelola_simpan").click().run()
    assert not at.exception, at.exception
    teks = " ".join(e.value for e in [*at.error, *at.success] if isinstance(e.value, str))
    assert "Tersimpan: 0 ditambah, 1 diubah, 0 dihapus" in teks, teks[:2000]
    tabel, _ = baca_untuk_sunting(muat_dataset())
    simpan = tabel.set_index("id_potensi")
    assert int(simpan.loc[id_, "jumlah_anggota"]) == 77
    asal = pd.read_csv(provinsi.kim, dtype=str, keep_default_na=False).set_index("id_potensi")
    lama = asal["kode_kelurahan"].reindex(simpan.index)
    assert (simpan["kode_kelurahan"] == lama)[lama != ""].all()  # no code lost (name-only rows were resolved when loaded)
