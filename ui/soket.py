"""No Nagle on the app server's connections: every rerun's small websocket frames leave at once.

Streamlit 1.67's Starlette server binds its listening socket itself, without naming the TCP
protocol, and asyncio turns Nagle's algorithm off only for sockets that name it. With Nagle on, a
rerun's deltas after the first wait in the kernel for the browser's acknowledgement, which Linux
delays by 40 ms: a filter click took ~48 ms on the server's side whatever the page did (issue #26,
measured over the websocket with ``benchmarks/beban.py``). The listening socket passes
``TCP_NODELAY`` on to every connection accepted after it is set; those already open are set too.
"""

from __future__ import annotations

import logging
import os
import socket

_log = logging.getLogger(__name__)
_SELESAI = False


def tanpa_nagle() -> int:
    """Set ``TCP_NODELAY`` on every TCP socket of this process, once per process; how many were set.

    Linux (``/proc/self/fd``), where servers run; elsewhere nothing changes. A socket that refuses is left as it is.
    """
    global _SELESAI
    if _SELESAI:
        return 0
    _SELESAI = True
    try:
        fd_semua = os.listdir("/proc/self/fd")
    except OSError:
        return 0
    n = 0
    for nama in fd_semua:
        try:
            if not os.readlink(f"/proc/self/fd/{nama}").startswith("socket:"):
                continue
            with socket.socket(fileno=os.dup(int(nama))) as s:  # a duplicate: closing it leaves the server's socket open
                if s.family in (socket.AF_INET, socket.AF_INET6) and s.type == socket.SOCK_STREAM:
                    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    n += 1
        except (OSError, ValueError):
            continue
    _log.debug("TCP_NODELAY pada %d soket", n)
    return n
