"""Sessions (#21): a login is bound to the connection it was made over; logging out ends it."""

from __future__ import annotations

import pytest

import ui.kelola
from tests.halaman.test_kelola_apptest import _buka, _masuk, _teks, akun  # noqa: F401 - akun is a fixture


@pytest.fixture
def koneksi(monkeypatch):
    """Stands in for the websocket handshake key of the browser's current connection."""
    keadaan = {"kunci": "koneksi-editor"}
    monkeypatch.setattr(ui.kelola, "_kunci_koneksi", lambda: keadaan["kunci"], raising=False)
    return keadaan


def test_sesi_yang_diambil_alih_dari_koneksi_lain_tidak_masuk(akun, koneksi):  # noqa: F811
    at = _masuk(_buka())
    assert at.session_state["kelola_pengguna"] == "budi"
    at.run()
    assert "kelola_pengguna" in at.session_state  # the editor's own reruns keep the login
    koneksi["kunci"] = "koneksi-penyerang"  # the same session id, resumed over another connection
    at.run()
    assert "kelola_pengguna" not in at.session_state and "kelola_ikatan" not in at.session_state
    assert "masuk lagi" in _teks(at) and "Masuk sebagai **budi**" not in _teks(at)
    assert at.text_input(key="kelola_login_sandi") is not None  # the login form again


def test_masuk_memulai_sesi_baru_dan_keluar_mengakhirinya(akun, koneksi):  # noqa: F811
    at = _buka()
    at.session_state["kelola_draf"] = "disiapkan sebelum masuk"  # planted before the login
    at = _masuk(at)
    assert not isinstance(at.session_state["kelola_draf"], str)  # reloaded from the store, not what was planted
    assert at.session_state["kelola_ikatan"] == "koneksi-editor"
    at.button(key="kelola_keluar").click().run()
    for kunci in ("kelola_pengguna", "kelola_ikatan", "anggaran_asal"):
        assert kunci not in at.session_state
    assert "Masuk sebagai **budi**" not in _teks(at)
