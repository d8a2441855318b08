"""``--pada``/``--banding`` for ``summary`` and ``export``: the state at a date and the change.

Options only, no subcommand of its own: ``summary`` (geo.cli.utama) and
``export`` (geo.cli.ekspor) add them and read them through these helpers.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the views are imported when a command uses these options, not to build the parser
    import pandas as pd

    from geo.masuk.dataset import Dataset


def tambah_opsi_waktu(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pada", metavar="TANGGAL", help="keadaan pada tanggal ini, dari log kegiatan (bawaan: hari ini), mis. 2021-06-30")
    p.add_argument("--banding", metavar="TANGGAL", help="bandingkan dengan tanggal ini: kedua keadaan dan perubahannya per kelurahan")


def kolom_tabel(dataset: Dataset, banding: bool, nama: tuple[str, str] = ("kelurahan", "kecamatan")) -> list[str]:
    """Columns of the text table: the status counts at the date(s) and the change.

    ``nama``: the unit and parent columns (``nama``/``induk`` above the kelurahan level).
    """
    from geo.tampilan.agregat import kolom_status
    from geo.tampilan.banding import kolom_banding

    status = [kolom_status(s) for s in dataset.wilayah.status_aktivitas]
    if banding:
        return [*nama, *[k for k in kolom_banding(dataset) if not k.startswith("jumlah_aktif_")]]
    return [*nama, "jumlah_potensi", *status, "bulan_tidak_aktif", "kegiatan_terakhir"]


def judul_tabel(pada: dt.date | None, banding: dt.date | None) -> str | None:
    if pada is None:
        return None
    if banding is None:
        return f"Keadaan pada {pada:%Y-%m-%d} (dari log kegiatan)"
    return f"Keadaan pada {pada:%Y-%m-%d} dibandingkan dengan {banding:%Y-%m-%d} (dari log kegiatan)"


def baris_total(tabel: pd.DataFrame, kolom: list[str]) -> pd.DataFrame:
    """A closing "Jumlah" row for the count columns, so the region's dip and revival read at once."""
    import pandas as pd

    angka = [k for k in kolom[2:] if k not in ("bulan_tidak_aktif", "kegiatan_terakhir")]
    total = {k: "" for k in kolom}
    total.update({k: int(pd.to_numeric(tabel[k], errors="coerce").fillna(0).sum()) for k in angka})
    total[kolom[0]] = "JUMLAH"
    hasil = pd.concat([tabel[kolom], pd.DataFrame([total])], ignore_index=True)
    # Shorter headers for a terminal: "aktif_pada" reads as well as "status_aktif_pada".
    return hasil.rename(columns=lambda k: k.removeprefix("status_"))


def daftar(sub: argparse._SubParsersAction) -> None:
    return None
