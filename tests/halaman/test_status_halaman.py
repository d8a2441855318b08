"""#20: the table editor says, before saving, which statuses the map will show differently and why."""

from __future__ import annotations

import datetime as dt

from geo.tampilan import waktu
from tests.halaman.test_kelola_apptest import _buka, _masuk, akun  # noqa: F401

LOG = "id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\nK1,A-01,2024-05-01,rapat,6,\n"


def test_pratinjau_status_di_tabel(akun, monkeypatch):  # noqa: F811
    monkeypatch.setattr(waktu, "hari_ini", lambda: dt.date(2025, 3, 31))
    (akun.dir / "kegiatan.csv").write_text(LOG, encoding="utf-8")
    at = _masuk(_buka())
    draf = at.session_state["kelola_draf"].copy()
    draf.loc[draf["id_potensi"] == "A-01", "status_aktivitas"] = "Aktif"  # the log says Kurang Aktif
    draf.loc[draf["id_potensi"] == "A-02", "status_aktivitas"] = "Aktif"  # no log activity: shown as typed
    at.session_state["kelola_draf"] = draf
    at.session_state["kelola_versi"] = at.session_state["kelola_versi"] + 1
    at.run()
    assert not at.exception, at.exception
    (catatan,) = [i.value.replace("\\", "") for i in at.info if "Peta akan menampilkan status lain" in i.value]
    assert "2 potensi" in catatan and "A-01 → Kurang Aktif (menurut log kegiatan)" in catatan and "A-02" not in catatan
    assert "B-02 → Tidak Aktif (belum ada kegiatan tercatat)" in catatan  # hand-set Aktif, but no activity anywhere
