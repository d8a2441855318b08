"""Start the real app (`streamlit run dashboard.py`) on a free port for browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

PROYEK = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARG_CHROMIUM = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# A phone as the field officers hold one: 390 × 844, a touch screen that honours the page's viewport (taps, not clicks).
PONSEL = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def butuh_chromium() -> None:
    """Skip without Chromium on a laptop; FAIL under CI (env ``CI`` set), where a skip would hide a broken setup."""
    import pytest

    if os.access(CHROMIUM, os.X_OK):
        return
    pesan = f"Chromium tidak ada di {CHROMIUM}; pasang dengan 'apt-get install chromium' (lihat .ci/run)."
    if os.environ.get("CI"):
        pytest.fail(f"CI: {pesan}", pytrace=False)
    pytest.skip(pesan)


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One running app; ``url`` is its address on the loopback interface."""

    def __init__(self, env: dict[str, str] | None, log: Path):
        self.port = port_bebas()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        lingkungan = {**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"}
        perintah = [
            sys.executable, "-m", "streamlit", "run", str(PROYEK / "dashboard.py"),
            "--server.port", str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true",
            "--server.fileWatcherType", "none", "--server.runOnSave", "false", "--browser.gatherUsageStats", "false",
        ]
        self._berkas_log = log.open("wb")
        self.proses = subprocess.Popen(perintah, cwd=PROYEK, env=lingkungan, stdout=self._berkas_log, stderr=subprocess.STDOUT)

    def tunggu(self, batas_detik: float = 90) -> None:
        """Block until the health endpoint answers; fail with the server log otherwise."""
        akhir = time.monotonic() + batas_detik
        while time.monotonic() < akhir:
            if self.proses.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.hentikan()
        raise RuntimeError(f"Server Streamlit tidak siap. Log:\n{self.log.read_text(errors='replace')[-4000:]}")

    def hentikan(self) -> None:
        if self.proses.poll() is None:
            self.proses.terminate()
            try:
                self.proses.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proses.kill()
                self.proses.wait(timeout=5)
        self._berkas_log.close()


@contextmanager
def jalankan(env: dict[str, str] | None, log: Path) -> Iterator[Server]:
    server = Server(env, log)
    try:
        server.tunggu()
        yield server
    finally:
        server.hentikan()


def tunggu_diam(page, batas_ms: int = 60_000) -> None:
    """Let a rerun that an action started begin and end before touching widgets it redraws."""
    page.wait_for_timeout(400)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=batas_ms,
    )


def hitung_run(page) -> list[int]:
    """A counter of the script runs ``page`` saw finish (their ``script_finished`` on the websocket).

    A wait that ends on it cannot be early: ``tunggu_diam`` alone can start before an action's rerun has reached
    the server, which on a loaded runner can take longer than its pause."""
    n = [0]

    def terima(isi) -> None:
        if akhir_run(isi):
            n[0] += 1

    page.on("websocket", lambda ws: ws.on("framereceived", terima))
    return n


def akhir_run(isi: bytes | str) -> bool:
    """Whether a websocket frame from the server ends a script run (``script_finished``, not one cut short by a rerun)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    if not isinstance(isi, bytes):
        return False
    try:
        pesan = ForwardMsg.FromString(isi)
    except Exception:  # noqa: BLE001 - not a message of Streamlit's: not the end of a run
        return False
    return pesan.WhichOneof("type") == "script_finished" and pesan.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN


def tunggu_run(page, n: list[int], sebelum: int, batas_ms: int = 60_000) -> None:
    """Until the counter ``n`` (``hitung_run``) passes ``sebelum``: a run started after the action has finished."""
    akhir = time.monotonic() + batas_ms / 1000
    while n[0] <= sebelum:
        if time.monotonic() > akhir:
            raise AssertionError(f"no script run finished within {batas_ms} ms of the action")
        page.wait_for_timeout(50)  # Playwright delivers the page's events while it waits


def lokal(url: str) -> bool:
    """Whether a request for ``url`` stays on this machine: loopback or inline (``data:``, ``blob:``, ``about:``)."""
    return url.startswith(("data:", "blob:", "about:")) or (urlsplit(url).hostname or "") in ("127.0.0.1", "localhost")


def hanya_lokal(luar: list[str]):
    """A Playwright route handler: loopback and inline URLs go through; anything else is recorded in ``luar`` and aborted."""

    def rute(route) -> None:
        if lokal(route.request.url):
            route.continue_()
        else:
            luar.append(route.request.url)
            route.abort()

    return rute


def buka_lokal(peramban, url: str, luar: list[str], lebar: int = 1366, tinggi: int = 900):
    """A new page of ``peramban`` at ``url`` with every outside request refused and recorded in ``luar``."""
    halaman = peramban.new_page(viewport={"width": lebar, "height": tinggi})
    halaman.route("**/*", hanya_lokal(luar))
    halaman.goto(url)
    return halaman


def buka_panel_unduh(halaman, url: str):
    """Open the page at ``url`` and its download panel; returns the panel (its buttons are drawn once open)."""
    from playwright.sync_api import TimeoutError as WaktuHabis

    halaman.goto(url)
    halaman.get_by_text("Unduh peta dan data").wait_for(timeout=90_000)
    panel = halaman.locator("[data-testid='stExpander']").filter(has_text="Unduh peta dan data")
    csv = panel.get_by_role("button", name="CSV", exact=True)
    # A click that lands in a rerun (the map's first position report) can leave the panel shut, or
    # open without the rerun that draws its buttons: look at the panel's state and click again.
    for ke in range(4):
        tunggu_diam(halaman)
        if panel.locator("details").first.get_attribute("open") is None:
            halaman.get_by_text("Unduh peta dan data").click()
        try:
            csv.wait_for(timeout=20_000)
            return panel
        except WaktuHabis:
            if ke == 3:
                raise
            if panel.locator("details").first.get_attribute("open") is not None:
                halaman.get_by_text("Unduh peta dan data").click()  # shut it, to open it again
    return panel


def masuk_kelola(konteks, url: str, nama: str, sandi: str):
    """A new page on Kelola Data with ``nama`` logged in (only the app's own requests leave the browser)."""
    konteks.route("**/*", lambda r: r.continue_() if r.request.url.startswith((url, "data:", "blob:")) else r.abort())
    hal = konteks.new_page()
    hal.goto(url + "/Kelola_Data")
    hal.get_by_label("Nama pengguna").fill(nama)
    hal.get_by_label("Kata sandi").fill(sandi)
    hal.get_by_role("button", name="Masuk").click()
    return hal


def unggah(page, input_berkas, berkas: dict, tab: str | None = None, kali: int = 3) -> None:
    """Give a Streamlit uploader a file and wait until the uploader lists it.

    On a loaded machine the file can be handed over while a rerun redraws the
    uploader, and the upload is then dropped without a trace; hand it over again.
    ``tab`` is re-selected first when the uploader lives in a tab.
    """
    from playwright.sync_api import TimeoutError as WaktuHabis

    for ke in range(kali):
        if tab:
            page.get_by_role("tab", name=tab).click()
        input_berkas.set_input_files(berkas)
        tunggu_diam(page)
        try:
            page.get_by_test_id("stFileChipName").filter(has_text=berkas["name"]).first.wait_for(timeout=15_000)
            return
        except WaktuHabis:
            if ke == kali - 1:
                raise
