"""Write data/profil_kim.csv: invented sample profiles for the 15 sample KIM (issue #25).

Every name, number, contact and address here is made up (labelled "contoh").
The story follows data/kim.csv and data/kegiatan.csv: KIM whose potentials
went quiet in 2020-2021 have old media posts and missing papers; the busy
ones post weekly and hold awards.

    python -m scripts.make_sample_profil_kim   (or PYTHONPATH=. python scripts/make_sample_profil_kim.py)
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parent.parent / "data"
KINI = dt.date(2026, 12, 1)
# nama_kim → (level: 2 busy, 1 fading, 0 dormant)
TINGKAT = {
    "KIM Tanjung Laut Indah Pesisir": 2, "KIM Gunung Telihan Berkarya": 2, "KIM Bontang Kuala Bahari": 2,
    "KIM Belimbing Kreatif": 2, "KIM Bontang Lestari Hijau": 2, "KIM Satimpo Cemerlang": 1, "KIM Api-api Bersinar": 1,
    "KIM Kanaan Asri": 1, "KIM Lok Tuan Berseri": 1, "KIM Berbas Pantai Samudra": 1, "KIM Tanjung Laut Bersatu": 1,
    "KIM Gunung Elai Harmoni": 0, "KIM Guntung Sejahtera": 0, "KIM Bontang Baru Mandiri": 0, "KIM Berbas Tengah Maju": 0,
}
TAGLINE = ["Dari kampung, untuk Bontang", "Kabar warga, karya warga", "Informasi jernih, warga berdaya",
           "Bercerita dari pesisir", "Merekam kampung, menggerakkan warga"]
BIMTEK = ["Bimtek jurnalistik warga", "Pelatihan fotografi ponsel", "Bimtek pengelolaan website KIM",
          "Pelatihan video pendek", "Bimtek literasi digital dan cek fakta"]
BANTUAN = ["Kamera digital 1 unit", "Laptop 1 unit", "Paket data internet 12 bulan", "Tripod dan mikrofon", "Printer 1 unit"]
WARNA_LOGO = ["#1f4e79", "#2e7d32", "#b45309", "#6a1b9a", "#00838f"]
NAMA = ["Andi", "Sitti", "Rahmat", "Nurul", "Hendra", "Wahyuni", "Fajar", "Hasnah", "Irwan", "Rini", "Syamsul", "Yusran"]


def _tgl(hari_lalu: int) -> str:
    return (KINI - dt.timedelta(days=hari_lalu)).isoformat()


def baris_kim(urut: int, nama: str, kode: str, prefiks: str, acak: random.Random) -> dict:
    tingkat = TINGKAT[nama]
    singkat = prefiks.split("-")[1].lower()
    b = {"id_kim": f"KIM-{prefiks}", "nama_kim": nama, "kode_kelurahan": kode,
         "nomor_kimid": f"KIMID-6474-{urut:04d} (contoh)" if tingkat or urut % 2 else "",
         "sk_nomor": f"{100 + urut}/SK-KEL/{2019 + urut % 4} (contoh)" if tingkat or urut % 3 else "",
         "ad_art": "ya" if tingkat == 2 or (tingkat == 1 and urut % 2) else "tidak"}
    b["sk_tanggal"] = f"{2019 + urut % 4}-0{1 + urut % 9}-1{urut % 9}" if b["sk_nomor"] else ""
    for i, jabatan in enumerate(("ketua", "sekretaris", "bendahara")):
        b[jabatan] = f"{acak.choice(NAMA)} (contoh)" if tingkat or i == 0 else ""
        b[f"kontak_{jabatan}"] = f"0812-0000-{urut:02d}{i}0 (contoh)" if b[jabatan] else ""
    jeda = {2: (3, 20), 1: (40, 160), 0: (1500, 2100)}[tingkat]
    for kanal, ada in (("website", tingkat == 2), ("blog", tingkat >= 1 and urut % 2 == 0),
                       ("instagram", True), ("facebook", True), ("youtube", tingkat == 2 and urut % 2 == 1)):
        alamat = {"website": f"https://kim-{singkat}.contoh.id", "blog": f"https://kim{singkat}.blog.contoh.id",
                  "instagram": f"https://instagram.com/kim.{singkat}.contoh",
                  "facebook": f"https://facebook.com/kim.{singkat}.contoh",
                  "youtube": f"https://youtube.com/@kim{singkat}contoh"}[kanal]
        b[kanal] = alamat if ada else ""
        b[f"pos_{kanal}"] = _tgl(acak.randint(*jeda)) if ada else ""
    jumlah = {2: 3, 1: 2, 0: 1}[tingkat]
    b["bimtek"] = "; ".join(f"{_tgl(acak.randint(60, 900) if tingkat else acak.randint(1900, 2300))} | {acak.choice(BIMTEK)} (contoh)"
                            for _ in range(jumlah))
    b["bantuan"] = f"{_tgl(acak.randint(200, 700))} | {acak.choice(BANTUAN)} (contoh)" if tingkat else ""
    b["penghargaan"] = (f"2025 | Kota | Juara {1 + urut % 3} (contoh)" + ("; 2024 | Provinsi | Harapan 1 (contoh)" if urut % 4 == 0 else "")
                        if tingkat == 2 else "")
    b["tagline"] = f"{TAGLINE[urut % len(TAGLINE)]} (contoh)" if tingkat else ""
    b["logo"] = f"{prefiks.lower()}.png" if tingkat == 2 else ""
    return b


def gambar_logo(path: Path, teks: str, warna: str) -> None:
    """A made-up round logo with the KIM's initials (sample data only)."""
    from PIL import Image, ImageDraw

    gambar = Image.new("RGB", (256, 256), "white")
    d = ImageDraw.Draw(gambar)
    d.ellipse((8, 8, 248, 248), fill=warna)
    d.text((128, 128), teks, fill="white", anchor="mm", font_size=72)
    path.parent.mkdir(exist_ok=True)
    gambar.save(path, "PNG", optimize=True)


def main() -> None:
    from geo.kim.profil import KOLOM_PROFIL

    kim = pd.read_csv(DATA / "kim.csv", dtype=str)
    kim["prefiks"] = kim["id_potensi"].str.rsplit("-", n=1).str[0]
    kim_unik = kim.drop_duplicates("nama_kim").sort_values("kode_kelurahan").reset_index(drop=True)
    acak = random.Random(25)
    rows = [baris_kim(i + 1, r.nama_kim, r.kode_kelurahan, r.prefiks, acak) for i, r in enumerate(kim_unik.itertuples())]
    for r in rows:
        if r["logo"]:
            gambar_logo(DATA / "logo_kim" / r["logo"], r["id_kim"].split("-")[-1], WARNA_LOGO[rows.index(r) % len(WARNA_LOGO)])
    with open(DATA / "profil_kim.csv", "w", encoding="utf-8", newline="") as f:
        tulis = csv.DictWriter(f, fieldnames=list(KOLOM_PROFIL))
        tulis.writeheader()
        tulis.writerows(rows)
    print(f"{len(rows)} profil KIM contoh → {DATA / 'profil_kim.csv'}")
    # Invented jury scores for 2026 (KIM awards in August); dormant KIM did not present.
    with open(DATA / "nilai_juri.csv", "w", encoding="utf-8", newline="") as f:
        tulis = csv.writer(f)
        tulis.writerow(["id_kim", "periode", "kriteria", "nilai"])
        for r in rows:
            tingkat = TINGKAT[r["nama_kim"]]
            if tingkat:
                tulis.writerow([r["id_kim"], "2026", "juri", acak.randint(78, 92) if tingkat == 2 else acak.randint(58, 76)])


if __name__ == "__main__":
    main()
