"""ui.soket.tanpa_nagle: the server's sockets, and the connections it accepts later, send small frames at once."""

from __future__ import annotations

import socket
import sys

import pytest

from ui import soket

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/fd: Linux only")


def _nodelay(s: socket.socket) -> int:
    return s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_pendengar_dan_sambungan_sesudahnya_tanpa_nagle(monkeypatch):
    monkeypatch.setattr(soket, "_SELESAI", False)
    with socket.socket(family=socket.AF_INET) as dengar:  # as Streamlit 1.67 binds it: no protocol named
        dengar.bind(("127.0.0.1", 0))
        dengar.listen()
        assert _nodelay(dengar) == 0
        assert soket.tanpa_nagle() >= 1
        assert _nodelay(dengar) == 1
        assert soket.tanpa_nagle() == 0  # once per process
        with socket.create_connection(dengar.getsockname()) as klien:
            terima, _ = dengar.accept()
            with terima:
                assert _nodelay(terima) == 1  # a connection accepted later inherits it
            assert klien.fileno() >= 0
        assert dengar.fileno() >= 0  # the duplicate was closed, not the socket itself
