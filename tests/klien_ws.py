"""A browser session over Streamlit's own websocket, for the load test and the page's protocol tests.

It speaks what the browser speaks (``/_stcore/stream``, protobuf ``BackMsg``/``ForwardMsg``):
every rerun request carries every widget's state, a widget inside a fragment asks for that
fragment's rerun, and messages sent as a hash (Streamlit's message cache) are resolved from
those already received.
"""

from __future__ import annotations

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


class KlienSesi:
    """What one session's browser holds: the page's elements, so every rerun sends every widget's state.

    A browser sends the value of each widget it shows with every rerun; a client that sent only the
    filter would let the other widgets fall back to their defaults (a date picker to today), and the
    page it measured would not be the one people see. The states are read from the drawn
    elements; messages the server sends as a hash (its message cache) are resolved from the ones
    already received, as the browser does. Buttons, expanders and the map component send nothing
    until used, as in a browser that has not touched them.
    """

    def __init__(self) -> None:
        self.tembolok: dict[str, ForwardMsg] = {}
        self.pesan: list[ForwardMsg] = []
        self.widget: dict[str, ForwardMsg] = {}  # every widget drawn so far: a fragment's rerun redraws only its own
        self.bagian: dict[str, ForwardMsg] = {}  # every keyed expander drawn so far, by its label
        self.terbuka: set[str] = set()  # the expanders this client opened: sent with every later request
        self.diubah: dict[str, object] = {}  # widget id → how to send the value this client gave it (kept, as a browser does)

    async def jalan(self, ws, kirim: bytes) -> bool:
        """Send one rerun request and read until it ends; True when the page showed an exception."""
        await ws.send(kirim)
        self.pesan, galat = [], False
        while True:
            pesan = ForwardMsg()
            pesan.ParseFromString(await ws.recv())
            if pesan.WhichOneof("type") == "ref_hash":
                asli = self.tembolok.get(pesan.ref_hash)
                if asli is None:
                    continue
                asli = ForwardMsg.FromString(asli.SerializeToString())
                asli.metadata.CopyFrom(pesan.metadata)
                pesan = asli
            elif pesan.hash:
                self.tembolok[pesan.hash] = pesan
            jenis = pesan.WhichOneof("type")
            if jenis == "delta":
                self.pesan.append(pesan)
                if pesan.delta.WhichOneof("type") == "new_element":
                    el = pesan.delta.new_element
                    wid = getattr(getattr(el, el.WhichOneof("type")), "id", "")
                    if isinstance(wid, str) and wid:
                        if _diset(pesan):
                            self.diubah.pop(wid, None)  # the server set the value: the browser shows it
                        if wid not in self.widget or _diset(pesan) or not _diset(self.widget[wid]):
                            self.widget[wid] = pesan  # drawn again without a value: the browser keeps the one it shows
                if pesan.delta.WhichOneof("type") == "add_block" and pesan.delta.add_block.expandable.id:
                    self.bagian[pesan.delta.add_block.expandable.label] = pesan
                if pesan.delta.WhichOneof("type") == "new_element" and pesan.delta.new_element.WhichOneof("type") == "exception":
                    galat = True
            if jenis == "script_finished" and pesan.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return galat  # a run that asked for another (st.rerun) is followed by it: read on

    def permintaan(self, kunci: str, nilai: list[str]) -> bytes | None:
        """The rerun a browser sends after the multiselect ``kunci`` is set to ``nilai``, with every widget's state."""
        return self._minta("multiselect", kunci, lambda keadaan, wid: keadaan.widgets.add(id=wid).string_array_value.data.extend(nilai))

    def permintaan_peta(self, nilai: dict) -> bytes | None:
        """The rerun the map component asks for when it reports ``nilai`` (a click: ``last_object_clicked``)."""
        import json

        return self._minta("component_instance", "", lambda keadaan, wid: keadaan.widgets.add(id=wid, json_value=json.dumps(nilai)))

    def permintaan_buka(self, label: str) -> bytes | None:
        """The rerun a browser asks for when the expander labelled ``label`` is opened."""
        pesan = self.bagian.get(label)
        if pesan is None:
            return None
        self.terbuka.add(pesan.delta.add_block.expandable.id)
        return self._kirim(pesan)

    def _minta(self, jenis_diubah: str, kunci: str, isi) -> bytes | None:
        for pesan in self.widget.values():
            el = pesan.delta.new_element
            w = getattr(el, el.WhichOneof("type"))
            if el.WhichOneof("type") == jenis_diubah and w.id.endswith(kunci):
                self.diubah[w.id] = lambda keadaan, wid=w.id: isi(keadaan, wid)
                return self._kirim(pesan)
        return None

    def _kirim(self, diubah: ForwardMsg) -> bytes:
        """The request after ``diubah`` changed: every widget's state (the ones this client gave first),
        the expanders it opened, and the fragment to rerun when ``diubah`` is in one, as the browser asks."""
        b = BackMsg()
        b.rerun_script.query_string = ""
        b.rerun_script.page_script_hash = ""
        keadaan = b.rerun_script.widget_states
        if diubah.delta.fragment_id:
            b.rerun_script.fragment_id = diubah.delta.fragment_id
        for wid, pesan in self.widget.items():
            if wid in self.diubah:
                self.diubah[wid](keadaan)
                continue
            el = pesan.delta.new_element
            jenis = el.WhichOneof("type")
            isi_keadaan(keadaan, jenis, getattr(el, jenis))
        for wid in self.terbuka:
            keadaan.widgets.add(id=wid, bool_value=True)
        return b.SerializeToString()


def _diset(pesan: ForwardMsg) -> bool:
    el = pesan.delta.new_element
    return bool(getattr(getattr(el, el.WhichOneof("type")), "set_value", False))


def isi_keadaan(keadaan, jenis: str, w) -> None:
    """Add the value a browser holds for widget ``w``: the value the server set, else its default (as drawn)."""
    if jenis == "multiselect":
        nilai = list(w.raw_values) if w.set_value else [w.options[i] for i in w.default]
        keadaan.widgets.add(id=w.id).string_array_value.data.extend(nilai)
    elif jenis in ("selectbox", "radio"):
        if w.set_value and w.HasField("raw_value"):
            keadaan.widgets.add(id=w.id, string_value=w.raw_value)
        elif not w.set_value and w.HasField("default") and len(w.options):
            keadaan.widgets.add(id=w.id, string_value=w.options[w.default])
    elif jenis == "date_input":
        keadaan.widgets.add(id=w.id).string_array_value.data.extend(list(w.value) if w.set_value else list(w.default))
    elif jenis == "slider":
        keadaan.widgets.add(id=w.id).double_array_value.data.extend(list(w.value) if w.set_value else list(w.default))
    elif jenis == "text_input":
        nilai = w.value if w.set_value else w.default
        keadaan.widgets.add(id=w.id, string_value=nilai)
    elif jenis == "checkbox":
        keadaan.widgets.add(id=w.id, bool_value=w.value if w.set_value else w.default)


def pesan_awal(query: str = "") -> bytes:
    """The first rerun request of a page opened at ``?query``."""
    b = BackMsg()
    b.rerun_script.query_string = query
    b.rerun_script.page_script_hash = ""
    return b.SerializeToString()


# A browser's user agent: the map page holds a browser's first visit until its map is drawn (ui/tunda.py).
AGEN_PERAMBAN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"


def sambung(url: str, agen: str | None = None):
    """The websocket a browser opens to the app at ``url`` (``http://host:port``), as an async context manager;
    ``agen`` the user agent it names (the websockets library's own by default: not a browser)."""
    import websockets

    tambahan = {} if agen is None else {"user_agent_header": agen}
    return websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"],
                              max_size=None, open_timeout=60, **tambahan)
