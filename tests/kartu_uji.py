"""Reading the figure cards (``ui.kartu``) back from a page run under AppTest."""

from __future__ import annotations

from html.parser import HTMLParser


class _Pembaca(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.baris: list[dict[str, str]] = []
        self._kelas: list[str] = []
        self._label = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kelas = dict(attrs).get("class") or ""
        if "kim-kartu-baris" in kelas.split():
            self.baris.append({})
        self._kelas.append(kelas)

    def handle_endtag(self, tag: str) -> None:
        if self._kelas:
            self._kelas.pop()

    def handle_data(self, data: str) -> None:
        if not self._kelas or not self.baris:
            return
        if self._kelas[-1] == "" and len(self._kelas) >= 2 and self._kelas[-2] == "kim-kartu-label":
            self._label = data
        elif self._kelas[-1] == "kim-kartu-nilai":
            self.baris[-1][self._label] = data


def baris_kartu(at) -> list[dict[str, str]]:
    """Each row of cards on the page, in order: label → value as shown (character references resolved)."""
    hasil: list[dict[str, str]] = []
    for m in [*at.markdown, *at.html]:  # the cards are HTML elements (st.html)
        if "kim-kartu-baris" in m.value:
            p = _Pembaca()
            p.feed(m.value)
            hasil.extend(p.baris)
    return hasil
