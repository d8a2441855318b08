"""Session takeover (#21), in a real browser: a second browser that resumes a logged-in session's id is not the editor.

The attacker's browser is given the victim's Streamlit session id (as if it
had leaked) and reconnects with it, the way Streamlit's own reconnect does.
Before #21 the resumed session was logged in as the editor; now the login is
bound to the connection it was made over.
"""

from __future__ import annotations

import os

import bcrypt
import pytest

from tests.conftest import buat_wilayah
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, hanya_lokal, jalankan, tunggu_diam

pytestmark = pytest.mark.lambat
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"Chromium tidak ada di {CHROMIUM}", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

SANDI = "sandi-editor-benar-2"
# Before the app's scripts run: every websocket the page opens asks to resume the stolen session.
_AMBIL_ALIH = """
const Asli = window.WebSocket;
window.WebSocket = function (url, protokol) {
  const p = Array.isArray(protokol) ? [...protokol] : [protokol || "streamlit"];
  while (p.length < 2) p.push("x");
  p[2] = window.__idCurian;
  return new Asli(url, p);
};
window.WebSocket.prototype = Asli.prototype;
Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
"""


@pytest.fixture
def server(tmp_path):
    w = buat_wilayah(tmp_path / "data")
    hash_ = bcrypt.hashpw(SANDI.encode(), bcrypt.gensalt(rounds=4)).decode()
    env = {"KIM_CSV": str(w.kim), "KIM_BOUNDARIES": str(w.batas), "KIM_REFERENSI": str(w.referensi),
           "KIM_WILAYAH": str(w.wilayah), "KIM_PENGGUNA": f"budi:{hash_}"}
    with jalankan(env, tmp_path / "server.log") as srv:
        yield srv


def test_id_sesi_curian_tidak_membawa_login(server, tmp_path):
    luar: list[str] = []
    id_sesi: list[str] = []

    def dengar(ws) -> None:
        def bingkai(data) -> None:
            if isinstance(data, bytes):
                pesan = ForwardMsg()
                pesan.ParseFromString(data)
                if pesan.HasField("new_session") and pesan.new_session.initialize.session_id:
                    id_sesi.append(pesan.new_session.initialize.session_id)
        ws.on("framereceived", bingkai)

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        korban_konteks = b.new_context()
        korban_konteks.route("**/*", hanya_lokal(luar))
        korban = korban_konteks.new_page()
        korban.on("websocket", dengar)
        korban.goto(server.url + "/Kelola_Data")
        korban.get_by_label("Nama pengguna").fill("budi")
        korban.get_by_label("Kata sandi").fill(SANDI)
        korban.get_by_role("button", name="Masuk").click()
        tunggu_diam(korban)
        expect(korban.get_by_text("Masuk sebagai", exact=False)).to_be_visible(timeout=30_000)
        assert id_sesi, "the session id was not seen"

        penyerang_konteks = b.new_context()
        penyerang_konteks.route("**/*", hanya_lokal(luar))
        penyerang_konteks.add_init_script(f"window.__idCurian = {id_sesi[-1]!r};" + _AMBIL_ALIH)
        penyerang = penyerang_konteks.new_page()
        id_penyerang: list[str] = []
        penyerang.on("websocket", lambda ws: ws.on("framereceived", lambda d: _catat(d, id_penyerang)))
        penyerang.goto(server.url + "/Kelola_Data")
        tunggu_diam(penyerang)
        expect(penyerang.get_by_text("Kelola Data").first).to_be_visible(timeout=30_000)
        penyerang.screenshot(path=str(tmp_path / "penyerang.png"), full_page=True)
        assert id_penyerang and id_penyerang[-1] == id_sesi[-1], "the attacker did not resume the victim's session"
        expect(penyerang.get_by_role("button", name="Keluar")).to_have_count(0)
        assert "Masuk sebagai budi" not in penyerang.inner_text("body").replace("**", "")
        expect(penyerang.get_by_label("Kata sandi")).to_be_visible()
        b.close()
    assert not luar


def _catat(data, hasil: list[str]) -> None:
    if isinstance(data, bytes):
        pesan = ForwardMsg()
        pesan.ParseFromString(data)
        if pesan.HasField("new_session") and pesan.new_session.initialize.session_id:
            hasil.append(pesan.new_session.initialize.session_id)
