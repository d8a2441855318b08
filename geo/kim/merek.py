"""A KIM's own brand on its profile page: name, tagline, logo, channels, and a QR code to its page.

The QR code is drawn only when the office sets its public address
(``alamat_publik`` in wilayah.json): a code pointing at a local address
would mislead whoever scans a printed page.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from geo.kim.logo import logo_bersih, path_logo
from geo.kim.profil import KANAL, ProfilKIM
from geo.masuk.dataset import Dataset
from geo.peta.aman import aman_html

KUNCI_ALAMAT = "alamat_publik"
HALAMAN_PROFIL = "Profil_KIM"
LABEL_KANAL = {"website": "Website", "blog": "Blog", "instagram": "Instagram", "facebook": "Facebook", "youtube": "YouTube"}


@dataclass(frozen=True)
class MerekKIM:
    id_kim: str
    nama: str
    tagline: str
    logo: Path | None
    kanal: tuple[tuple[str, str, pd.Timestamp | None], ...]  # (label, URL, last post)
    tautan: str  # the KIM's page in the dashboard ("" without a public address)
    qr: str  # a PNG data URI of the QR code; "" without a public address
    logo_data: tuple[bytes, str] | None = None  # the cleaned logo and its image type (geo.kim.logo.logo_bersih)


def tautan_kim(dataset: Dataset, id_kim: str) -> str:
    alamat = str(dataset.wilayah.extra.get(KUNCI_ALAMAT) or "").strip().rstrip("/")
    if not alamat.startswith(("https://", "http://")):
        return ""
    return f"{alamat}/{HALAMAN_PROFIL}?kim={quote(id_kim)}"


def qr_data_uri(teks: str) -> str:
    """A QR code (segno, error level M) as a PNG data URI: an image, as page sanitisers drop inline SVG."""
    import segno

    return segno.make(teks, error="m").png_data_uri(scale=4, border=2, dark="#1a1a1a")


def merek_kim(dataset: Dataset, id_kim: str) -> MerekKIM:
    profil: ProfilKIM = dataset.profil  # type: ignore[assignment]
    r = profil.tabel.set_index("id_kim").loc[id_kim]
    logo = path_logo(profil.path, r["logo"]) if profil.path and r["logo"] else None
    logo_data = logo_bersih(logo)[0] if logo is not None and logo.exists() else None
    if logo_data is None:
        logo = None
    kanal = tuple((LABEL_KANAL[c], str(r[c]), r[f"pos_{c}"] if pd.notna(r[f"pos_{c}"]) else None) for c in KANAL if r[c])
    tautan = tautan_kim(dataset, id_kim)
    return MerekKIM(id_kim, str(r["nama_kim"]), str(r["tagline"]), logo, kanal, tautan, qr_data_uri(tautan) if tautan else "",
                    logo_data)


def html_merek_kim(m: MerekKIM, bahasa: str = "id") -> str:
    """The brand card as escaped HTML (CSS hook ``kim-merek-kim``); links only to http(s) addresses."""
    from geo import format_id

    logo = ""
    if m.logo_data is not None:
        data = base64.b64encode(m.logo_data[0]).decode("ascii")
        logo = f'<img class="kim-merek-kim-logo" src="data:image/{m.logo_data[1]};base64,{data}" alt="{aman_html(m.nama)}" width="96">'
    pos = "pos terakhir" if bahasa == "id" else "last post"
    kanal = "".join(
        f'<li><a href="{aman_html(url)}" rel="noopener noreferrer" target="_blank">{aman_html(label)}</a>'
        f'{f" · {pos} " + format_id.tanggal(tgl, bahasa) if tgl is not None else ""}</li>'
        for label, url, tgl in m.kanal if url.lower().startswith(("https://", "http://")))
    kanal = f'<ul class="kim-merek-kim-kanal">{kanal}</ul>' if kanal else ""
    qr = ""
    if m.qr:
        ket = "Pindai untuk membuka halaman KIM ini" if bahasa == "id" else "Scan to open this KIM's page"
        qr = (f'<figure class="kim-merek-kim-qr" style="margin:0;text-align:center"><img src="{m.qr}" alt="QR" width="120">'
              f'<figcaption style="font-size:0.8rem">{ket}<br>{aman_html(m.tautan)}</figcaption></figure>')
    tagline = f'<p class="kim-merek-kim-tagline">“{aman_html(m.tagline)}”</p>' if m.tagline else ""
    return (f'<div class="kim-merek-kim" style="display:flex;gap:1.2rem;align-items:flex-start;border:1px solid #ddd;'
            f'border-radius:8px;padding:1rem">{logo}<div style="flex:1"><h2 style="margin:0">{aman_html(m.nama)}</h2>'
            f'{tagline}{kanal}</div>{qr}</div>')
