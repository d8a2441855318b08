"""Generate SCHEMATIC (not official) kelurahan boundaries from the reference table.

Official boundaries cannot be shipped with the app, so the map uses a schematic
tessellation: each kelurahan roughly in the right place with roughly its
``luas_km2``. Method:

1. City outline: union of discs around the reference points (radius ~ sqrt of
   area), smoothed by a closing, clipped to the region bbox and scaled until its
   area equals the sum of ``luas_km2``. One contiguous shape that follows the
   points, not a box.
2. Power diagram (weighted Voronoi) in UTM: cell_i = intersection of half-planes
   ``|x-p_i|^2 - w_i <= |x-p_j|^2 - w_j``, clipped to the outline. For fixed
   sites, a damped Newton method finds the weights that match the areas.
3. Sites are moved too (Levenberg-Marquardt) so that every reference point lies
   well inside its own cell and each cell's centroid stays near its point; the
   weights are re-solved at every step so the areas keep matching.
4. Cells go back to WGS84, are rounded to 6 decimals and checked again.

Deterministic: the same input gives the same bytes, so the output can be
committed and tested byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from pyproj import CRS, Geod, Proj, Transformer
from shapely.geometry import LineString, MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

SUMBER = "Batas skematik (bukan batas resmi): dibangkitkan dari titik acuan dan luas kelurahan oleh scripts/make_boundaries.py"

# Numerical tolerances and parameters; several are relative to area so that
# nothing depends on one particular region.
TOLERANSI_LUAS = 0.005  # relative cell-area error the solver aims for
TOLERANSI_SEDERHANA_M = 3.0  # outline simplification (metres)
SEGMEN_CAKRAM = 16  # segments per quarter circle
TUTUP_RELATIF = 0.1  # outline closing radius, relative to sqrt(total area)
MAKS_ITERASI = 300  # Levenberg-Marquardt iterations for moving sites
MARGIN_MAKS_M = 150.0  # reference point at least this far inside its cell ...
MARGIN_RELATIF = 0.2  # ... or 0.2 x sqrt(target area) for small cells
PENALTI = 3.0  # weight of depth-violation residuals (in margins)
KOMPAK = 1.0  # weight of centroid-to-reference-point residuals
TARIKAN = 0.02  # weight of the weak pull of sites to their points
PRESISI_DESIMAL = 6  # WGS84 coordinate decimals (~0.1 m)


@dataclass(frozen=True)
class Kelurahan:
    """The part of one reference row that the boundaries are generated from."""

    kode: str
    kelurahan: str
    kecamatan: str
    kode_kecamatan: str
    luas_km2: float
    lintang: float
    bujur: float


def baca_referensi(path: Path) -> list[Kelurahan]:
    """Read the reference table, sorted by kode so the output does not depend on row order."""
    with path.open(encoding="utf-8", newline="") as f:
        baris = [
            Kelurahan(
                kode=r["kode"].strip(),
                kelurahan=r["kelurahan"].strip(),
                kecamatan=r["kecamatan"].strip(),
                kode_kecamatan=r["kode_kecamatan"].strip(),
                luas_km2=float(r["luas_km2"]),
                lintang=float(r["lintang_titik_dalam"]),
                bujur=float(r["bujur_titik_dalam"]),
            )
            for r in csv.DictReader(f)
        ]
    if len(baris) < 2:
        raise SystemExit("Tabel referensi harus berisi minimal 2 kelurahan.")
    if any(k.luas_km2 <= 0 for k in baris):
        raise SystemExit("Setiap luas_km2 harus positif.")
    return sorted(baris, key=lambda k: k.kode)


def baca_bbox(path: Path) -> tuple[float, float, float, float] | None:
    """``batas_bbox`` from the region metadata, or None when absent (then derived from points)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    bbox = data.get("batas_bbox")
    if not bbox or len(bbox) != 4:
        return None
    barat, selatan, timur, utara = (float(v) for v in bbox)
    return barat, selatan, timur, utara


def margin_titik(luas_m2: np.ndarray) -> np.ndarray:
    """Required depth of a reference point inside its cell: 150 m, less for small cells."""
    return np.minimum(MARGIN_MAKS_M, MARGIN_RELATIF * np.sqrt(luas_m2))


def crs_utm(bujur: float, lintang: float) -> CRS:
    """UTM zone of the data's centre, so that distances and areas are in metres."""
    zona = math.floor((bujur + 180.0) / 6.0) % 60 + 1
    return CRS.from_epsg((32600 if lintang >= 0 else 32700) + zona)


# ---------------------------------------------------------------------------
# City outline
# ---------------------------------------------------------------------------


def _kerangka(titik: np.ndarray, jari: np.ndarray, skala: float, tutup: float, batas: Polygon) -> Polygon | None:
    """Smoothed union of discs clipped to the bbox, without holes; None while it is in pieces."""
    # Discs of at least 2x the margin: no reference point may sit near the city edge.
    jari_min = 2.0 * margin_titik(jari**2 * math.pi)
    cakram = shapely.buffer(shapely.points(titik), np.maximum(jari * skala, jari_min), quad_segs=SEGMEN_CAKRAM)
    gabung = shapely.union_all(cakram)
    halus = gabung.buffer(tutup, quad_segs=SEGMEN_CAKRAM).buffer(-tutup, quad_segs=SEGMEN_CAKRAM)
    bagian = [p for p in shapely.get_parts(halus.intersection(batas)) if isinstance(p, Polygon)]
    if len(bagian) != 1:
        return None
    hasil = Polygon(bagian[0].exterior).simplify(TOLERANSI_SEDERHANA_M)
    if not isinstance(hasil, Polygon) or not hasil.is_valid:
        return None
    return hasil


def buat_kerangka(titik: np.ndarray, luas_m2: np.ndarray, batas: Polygon) -> Polygon:
    """One-piece city outline whose area equals the total reference area.

    The disc scale is found by bisection because the union's area grows with the
    scale (an outline still in pieces counts as too small). The closing radius grows
    when the outline only becomes one piece after its area has passed the target.
    """
    total = float(luas_m2.sum())
    if batas.area < total:
        raise SystemExit("Bbox wilayah lebih kecil daripada total luas kelurahan.")
    jari = np.sqrt(luas_m2 / math.pi)
    tutup = TUTUP_RELATIF * math.sqrt(total)

    def terlalu_kecil(skala: float) -> bool:
        k = _kerangka(titik, jari, skala, tutup, batas)
        return k is None or k.area < total

    for _ in range(8):
        rendah, tinggi = 0.0, 1.0
        while terlalu_kecil(tinggi):
            rendah, tinggi = tinggi, tinggi * 1.5
            if tinggi > 100:
                raise SystemExit("Tidak dapat membentuk kerangka seluas target.")
        for _ in range(50):
            tengah = 0.5 * (rendah + tinggi)
            if terlalu_kecil(tengah):
                rendah = tengah
            else:
                tinggi = tengah
        hasil = _kerangka(titik, jari, tinggi, tutup, batas)
        # One piece only at a scale that is already too large: close more and retry.
        if hasil is not None and abs(hasil.area - total) <= 0.005 * total and all(hasil.contains(shapely.Point(p)) for p in titik):
            return hasil
        tutup *= 1.5
    raise SystemExit("Kerangka kota tidak dapat dibuat menyatu: titik acuan terlalu tersebar dibanding total luasnya.")


# ---------------------------------------------------------------------------
# Power diagram
# ---------------------------------------------------------------------------


def _potong_setengah_bidang(simpul: np.ndarray, label: list[int], a: np.ndarray, b: float, lab: int) -> tuple[np.ndarray, list[int]]:
    """Sutherland-Hodgman clip of a convex polygon against ``a.x <= b``.

    ``label[k]`` records where edge k -> k+1 came from (neighbour index, or -1 for the
    frame) so that shared-edge lengths are known for the analytic Jacobians.
    """
    n = len(simpul)
    if n == 0:
        return simpul, label
    nilai = simpul @ a - b
    keluar_s: list[np.ndarray] = []
    keluar_l: list[int] = []
    for k in range(n):
        m = (k + 1) % n
        p, q = simpul[k], simpul[m]
        fp, fq = nilai[k], nilai[m]
        if fp <= 0:
            keluar_s.append(p)
            keluar_l.append(label[k])
            if fq > 0:
                keluar_s.append(p + (q - p) * (fp / (fp - fq)))
                keluar_l.append(lab)
        elif fq <= 0:
            keluar_s.append(p + (q - p) * (fp / (fp - fq)))
            keluar_l.append(label[k])
    if len(keluar_s) < 3:
        return np.empty((0, 2)), []
    return np.array(keluar_s), keluar_l


@dataclass
class HasilSel:
    """Cells clipped to the outline, with the shared-edge integrals the Jacobians need."""

    geom: list[BaseGeometry]
    luas: np.ndarray
    panjang: np.ndarray  # panjang[i, j]: length of the i-j edge inside the outline
    momen: np.ndarray  # momen[i, j]: integral of x along that edge
    momen2: np.ndarray  # momen2[i, j]: integral of x x^T along that edge (2 x 2)


def sel_daya(situs: np.ndarray, bobot: np.ndarray, kerangka: Polygon) -> HasilSel:
    """All power cells as intersections of half-planes, then clipped to the outline."""
    n = len(situs)
    x0, y0, x1, y1 = kerangka.bounds
    pad = max(x1 - x0, y1 - y0)
    bingkai = np.array([[x0 - pad, y0 - pad], [x1 + pad, y0 - pad], [x1 + pad, y1 + pad], [x0 - pad, y1 + pad]])
    norma = (situs**2).sum(axis=1)
    geom: list[BaseGeometry] = []
    luas = np.zeros(n)
    panjang = np.zeros((n, n))
    momen = np.zeros((n, n, 2))
    momen2 = np.zeros((n, n, 2, 2))
    for i in range(n):
        simpul, label = bingkai.copy(), [-1, -1, -1, -1]
        for j in range(n):
            if j == i:
                continue
            a = 2.0 * (situs[j] - situs[i])
            b = norma[j] - norma[i] - bobot[j] + bobot[i]
            simpul, label = _potong_setengah_bidang(simpul, label, a, b, j)
            if len(simpul) == 0:
                break
        if len(simpul) == 0:
            geom.append(Polygon())
            continue
        sel = Polygon(simpul).intersection(kerangka)
        geom.append(sel)
        luas[i] = sel.area
        for k, j in enumerate(label):
            if j < 0:
                continue
            sisi = LineString([simpul[k], simpul[(k + 1) % len(simpul)]])
            for bagian in shapely.get_parts(sisi.intersection(kerangka)):
                if isinstance(bagian, LineString) and bagian.length > 0:
                    xy = np.asarray(bagian.coords)
                    a, b = xy[:-1], xy[1:]
                    seg = np.linalg.norm(b - a, axis=1)
                    panjang[i, j] += seg.sum()
                    momen[i, j] += (seg[:, None] * 0.5 * (a + b)).sum(axis=0)
                    aa = np.einsum("k,ki,kj->ij", seg, a, a) + np.einsum("k,ki,kj->ij", seg, b, b)
                    ab = np.einsum("k,ki,kj->ij", seg, a, b)
                    momen2[i, j] += aa / 3.0 + (ab + ab.T) / 6.0
    return HasilSel(geom, luas, panjang, momen, momen2)


class SelKosong(ValueError):
    """No weights for these sites: some cell vanished (the caller rejects the step)."""


def _galat(luas: np.ndarray, target: np.ndarray) -> float:
    """Largest relative area error; infinite when a cell is empty so solvers avoid it."""
    if np.any(luas <= 0):
        return math.inf
    return float(np.max(np.abs(luas - target) / target))


def cari_bobot(
    situs: np.ndarray,
    target: np.ndarray,
    kerangka: Polygon,
    bobot_awal: np.ndarray | None = None,
) -> tuple[np.ndarray, HasilSel]:
    """Damped Newton for the weights with fixed sites (semi-discrete optimal transport).

    The area Jacobian w.r.t. the weights is the neighbour graph's Laplacian. Zero
    weights (plain Voronoi) leave no cell empty, so they are the fallback when the
    warm start fails; steps are halved until the error drops.
    """
    bobot = np.zeros(len(situs)) if bobot_awal is None else bobot_awal.copy()
    hasil = sel_daya(situs, bobot, kerangka)
    galat = _galat(hasil.luas, target)
    if not math.isfinite(galat) and bobot_awal is not None:
        bobot = np.zeros(len(situs))
        hasil = sel_daya(situs, bobot, kerangka)
        galat = _galat(hasil.luas, target)
    if not math.isfinite(galat):
        raise SelKosong("ada sel kosong: situs di luar kerangka kota")
    for _ in range(100):
        if galat < TOLERANSI_LUAS / 10:
            break
        _, jac_w = jacobian_luas(situs, hasil)
        langkah = np.linalg.lstsq(jac_w, target - hasil.luas, rcond=None)[0]
        faktor = 1.0
        while faktor > 1e-4:
            coba_w = bobot + faktor * (langkah - langkah.mean())
            coba = sel_daya(situs, coba_w, kerangka)
            coba_galat = _galat(coba.luas, target)
            if coba_galat < galat:
                bobot, hasil, galat = coba_w, coba, coba_galat
                break
            faktor *= 0.5
        else:
            break
    return bobot, hasil


def jacobian_luas(situs: np.ndarray, hasil: HasilSel) -> tuple[np.ndarray, np.ndarray]:
    """Derivatives of the cell areas w.r.t. the sites (n x 2n) and weights (n x n).

    The i-j edge moves by (change in power difference) / (2 |p_i - p_j|), hence
    dA_i/dw_i = L_ij / (2d) and dA_i/dp_i = integral of (x - p_i) dl / d over that edge.
    """
    n = len(situs)
    jac_s = np.zeros((n, 2 * n))
    jac_w = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            pj = 0.5 * (hasil.panjang[i, j] + hasil.panjang[j, i])
            if pj == 0.0:
                continue
            mj = 0.5 * (hasil.momen[i, j] + hasil.momen[j, i])
            d = float(np.linalg.norm(situs[j] - situs[i]))
            jac_w[i, i] += pj / (2 * d)
            jac_w[i, j] -= pj / (2 * d)
            jac_s[i, 2 * i : 2 * i + 2] += (mj - pj * situs[i]) / d
            jac_s[i, 2 * j : 2 * j + 2] -= (mj - pj * situs[j]) / d
    return jac_s, jac_w


def kendala(titik: np.ndarray, margin: np.ndarray, situs: np.ndarray, bobot: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Depth violations of the reference points, with derivatives w.r.t. sites and weights.

    The distance of q_i to the i-j bisector is (power_j(q_i) - power_i(q_i)) / (2d) and
    must be >= margin_i for every j. Only violating pairs are returned, in margins (g < 0).
    """
    n = len(situs)
    nilai: list[float] = []
    baris_s: list[np.ndarray] = []
    baris_w: list[np.ndarray] = []
    for i in range(n):
        q = titik[i]
        for j in range(n):
            if j == i:
                continue
            v = situs[j] - situs[i]
            d = float(np.linalg.norm(v))
            qj, qi = q - situs[j], q - situs[i]
            daya = qj @ qj - bobot[j] - qi @ qi + bobot[i]
            g = daya / (2 * d * margin[i]) - 1.0
            if g >= 0:
                continue
            skala = 1.0 / (2 * margin[i] * d * d)
            rs = np.zeros(2 * n)
            rw = np.zeros(n)
            rs[2 * i : 2 * i + 2] = skala * (2 * qi * d + daya * v / d)
            rs[2 * j : 2 * j + 2] = skala * (-2 * qj * d - daya * v / d)
            rw[i], rw[j] = skala * d, -skala * d
            nilai.append(g)
            baris_s.append(rs)
            baris_w.append(rw)
    if not nilai:
        return np.zeros(0), np.zeros((0, 2 * n)), np.zeros((0, n))
    return np.array(nilai), np.array(baris_s), np.array(baris_w)


def jacobian_momen(situs: np.ndarray, hasil: HasilSel) -> tuple[np.ndarray, np.ndarray]:
    """Derivatives of the cells' first moments (integral x dA) w.r.t. sites and weights.

    Like the area derivatives with the edge's normal speed weighted by x, hence the
    x x^T edge integrals. Used to steer the cell centroids.
    """
    n = len(situs)
    jac_s = np.zeros((2 * n, 2 * n))
    jac_w = np.zeros((2 * n, n))
    for i in range(n):
        for j in range(n):
            pj = 0.5 * (hasil.panjang[i, j] + hasil.panjang[j, i])
            if pj == 0.0:
                continue
            mj = 0.5 * (hasil.momen[i, j] + hasil.momen[j, i])
            m2 = 0.5 * (hasil.momen2[i, j] + hasil.momen2[j, i])
            d = float(np.linalg.norm(situs[j] - situs[i]))
            jac_s[2 * i : 2 * i + 2, 2 * i : 2 * i + 2] += (m2 - np.outer(mj, situs[i])) / d
            jac_s[2 * i : 2 * i + 2, 2 * j : 2 * j + 2] -= (m2 - np.outer(mj, situs[j])) / d
            jac_w[2 * i : 2 * i + 2, i] += mj / (2 * d)
            jac_w[2 * i : 2 * i + 2, j] -= mj / (2 * d)
    return jac_s, jac_w


def kedalaman(titik: np.ndarray, geom: BaseGeometry) -> float:
    """Signed distance of a point to the cell edge: positive inside, negative outside."""
    p = shapely.Point(titik)
    d = float(geom.boundary.distance(p))
    return d if geom.contains(p) else -d


def selaraskan(
    titik: np.ndarray, target: np.ndarray, kerangka: Polygon, beta: float, margin: np.ndarray
) -> tuple[np.ndarray, HasilSel] | None:
    """Move the sites (Levenberg-Marquardt), re-solving the weights so areas stay exact.

    Residuals: depth violations of the reference points (penalty), distance from each
    cell's centroid to its point (weight ``beta``: compact cells in the right place)
    and a weak pull of sites to their points. The weights are an implicit function of
    the sites (A_w dw + A_s ds = 0). Returns the best feasible state, or None.
    """
    n = len(titik)
    margin_kerja = 1.2 * margin  # headroom so rounding cannot break the requirement
    akar = np.sqrt(np.repeat(target, 2))
    q = titik.ravel()

    def residu(situs: np.ndarray, bobot: np.ndarray, hasil: HasilSel) -> tuple[float, np.ndarray, np.ndarray]:
        g, g_s, g_w = kendala(titik, margin_kerja, situs, bobot)
        luas_s, luas_w = jacobian_luas(situs, hasil)
        dw_ds = -np.linalg.pinv(luas_w) @ luas_s
        mom_s, mom_w = jacobian_momen(situs, hasil)
        berat = np.array([geom.centroid.coords[0] for geom in hasil.geom]).ravel()
        berat_s = (mom_s + mom_w @ dw_ds) / np.repeat(hasil.luas, 2)[:, None]
        res = np.concatenate([PENALTI * g, beta * (berat - q) / akar, TARIKAN * (situs.ravel() - q) / akar])
        jac = np.vstack([PENALTI * (g_s + g_w @ dw_ds), beta * berat_s / akar[:, None], np.diag(TARIKAN / akar)])
        return float(res @ res), res, jac

    def layak(hasil: HasilSel) -> bool:
        return all(kedalaman(titik[i], hasil.geom[i]) >= margin[i] for i in range(n))

    situs = titik.copy()
    bobot, hasil = cari_bobot(situs, target, kerangka)
    nilai, res, jac = residu(situs, bobot, hasil)
    terbaik: tuple[float, np.ndarray, HasilSel] | None = None
    riwayat: list[float] = []
    redam = 1e-3
    for _ in range(MAKS_ITERASI):
        if layak(hasil):
            if terbaik is None or nilai < terbaik[0]:
                terbaik = (nilai, situs, hasil)
            riwayat.append(nilai)
            if len(riwayat) > 5 and riwayat[-6] - nilai < 1e-3 * nilai:
                break
        a = jac.T @ jac
        b = jac.T @ res
        diag = np.diag(a) + 1e-9 * np.trace(a) / len(a)
        while redam < 1e9:
            langkah = np.linalg.solve(a + redam * np.diag(diag), -b)
            coba_s = situs + langkah.reshape(n, 2)
            try:
                coba_w, coba = cari_bobot(coba_s, target, kerangka, bobot)
            except SelKosong:
                redam *= 4
                continue
            coba_nilai, coba_res, coba_jac = residu(coba_s, coba_w, coba)
            if coba_nilai < nilai and _galat(coba.luas, target) < TOLERANSI_LUAS:
                situs, bobot, hasil = coba_s, coba_w, coba
                nilai, res, jac = coba_nilai, coba_res, coba_jac
                redam = max(redam / 3, 1e-9)
                break
            redam *= 4
        else:
            break
    return None if terbaik is None else (terbaik[1], terbaik[2])


def bangun_sel(titik: np.ndarray, target: np.ndarray, kerangka: Polygon) -> tuple[np.ndarray, HasilSel]:
    """Sites and weights such that areas match and each point is well inside its own cell.

    In a power diagram a heavy site can swallow the reference point of a small
    neighbour close by, so sites must move. The first attempt also seeks compact cells
    around their points; failing that, depth alone, then with a relaxed margin (the
    point must still be inside its cell).
    """
    for faktor in (1.0, 0.5, 0.25):
        for beta in (KOMPAK, 0.0):
            hasil = selaraskan(titik, target, kerangka, beta, faktor * margin_titik(target))
            if hasil is not None:
                if faktor < 1.0:
                    print(f"Catatan: margin titik acuan dilonggarkan menjadi {faktor:.0%}.", file=sys.stderr)
                return hasil
    raise SystemExit("Titik acuan tidak dapat ditempatkan di dalam selnya sendiri.")


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def rapikan_bersama(geoms: list[BaseGeometry], toleransi: float = 1e-3) -> list[BaseGeometry]:
    """Make vertices shared by neighbouring cells identical, not just equal up to noise.

    Cells are computed separately, so a shared vertex can differ by ~1e-9 m; left
    alone, rounding the coordinates could open slivers or overlaps.
    """
    hasil: list[BaseGeometry] = []
    acuan: BaseGeometry | None = None
    for g in geoms:
        if acuan is not None:
            g = shapely.snap(g, acuan, toleransi)
        g = shapely.make_valid(g) if not g.is_valid else g
        hasil.append(g)
        simpul = shapely.multipoints(shapely.get_coordinates(g))
        acuan = simpul if acuan is None else shapely.union(acuan, simpul)
    return hasil


def ke_wgs84(geom: BaseGeometry, ke_geo: Transformer) -> BaseGeometry:
    """Back to WGS84, rounded to 6 decimals, and still valid."""
    geo = shapely.transform(geom, lambda xy: np.column_stack(ke_geo.transform(xy[:, 0], xy[:, 1])))
    geo = shapely.set_precision(geo, 10.0**-PRESISI_DESIMAL)
    bagian = [p for p in shapely.get_parts(geo) if isinstance(p, Polygon) and not p.is_empty]
    if not bagian:
        raise SystemExit("Sel lenyap setelah pembulatan koordinat.")
    geo = bagian[0] if len(bagian) == 1 else MultiPolygon(bagian)
    geo = shapely.orient_polygons(geo)  # RFC 7946: exterior rings counter-clockwise
    if not geo.is_valid:
        raise SystemExit("Geometri tidak valid setelah pembulatan.")
    return geo


def _cincin(cincin: BaseGeometry) -> list[list[float]]:
    """A ring as rounded [lon, lat] pairs."""
    return [[round(x, PRESISI_DESIMAL), round(y, PRESISI_DESIMAL)] for x, y in cincin.coords]


def geometri_geojson(geom: BaseGeometry) -> dict[str, object]:
    """GeoJSON geometry written by hand so that the number format is stable byte for byte."""

    def poligon(p: Polygon) -> list[list[list[float]]]:
        return [_cincin(p.exterior)] + [_cincin(r) for r in p.interiors]

    if isinstance(geom, Polygon):
        return {"type": "Polygon", "coordinates": poligon(geom)}
    return {"type": "MultiPolygon", "coordinates": [poligon(p) for p in geom.geoms]}


def tulis_geojson(path: Path, fitur: list[dict[str, object]]) -> None:
    """One feature per line: a small file whose diffs stay readable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    baris = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in fitur]
    teks = '{"type":"FeatureCollection","features":[\n' + ",\n".join(baris) + "\n]}\n"
    path.write_text(teks, encoding="utf-8", newline="\n")


def bangkitkan(referensi: Path, keluaran: Path, wilayah: Path | None) -> list[tuple[Kelurahan, float]]:
    """Run the whole pipeline; returns (kelurahan, achieved km2) pairs for the report."""
    daftar = baca_referensi(referensi)
    lon = np.array([k.bujur for k in daftar])
    lat = np.array([k.lintang for k in daftar])
    utm = crs_utm(float(lon.mean()), float(lat.mean()))
    ke_utm = Transformer.from_crs("EPSG:4326", utm, always_xy=True)
    ke_geo = Transformer.from_crs(utm, "EPSG:4326", always_xy=True)

    ux, uy = ke_utm.transform(lon, lat)
    # Local coordinates (origin subtracted) so |p|^2 keeps its precision.
    asal = np.array([round(float(np.mean(ux))), round(float(np.mean(uy)))])
    titik = np.column_stack([ux, uy]) - asal
    # UTM areas differ slightly from true areas (areal scale factor); correct the
    # targets so that the final geodesic areas match the reference.
    skala_areal = np.asarray(Proj(utm).get_factors(lon, lat).areal_scale)
    target = np.array([k.luas_km2 for k in daftar]) * 1e6 * skala_areal

    bbox = baca_bbox(wilayah) if wilayah is not None else None
    if bbox is not None:
        kotak = shapely.segmentize(box(*bbox), 0.001)
        batas = shapely.transform(kotak, lambda xy: np.column_stack(ke_utm.transform(xy[:, 0], xy[:, 1])) - asal)
    else:
        pad = math.sqrt(float(target.sum()))
        (x0, y0), (x1, y1) = titik.min(axis=0), titik.max(axis=0)
        batas = box(x0 - pad, y0 - pad, x1 + pad, y1 + pad)
    if not all(batas.contains(shapely.Point(p)) for p in titik):
        raise SystemExit("Ada titik acuan di luar bbox wilayah.")

    kerangka = buat_kerangka(titik, target, batas)
    target_solver = target * (kerangka.area / target.sum())
    _, hasil = bangun_sel(titik, target_solver, kerangka)

    geod = Geod(ellps="WGS84")
    rapi = rapikan_bersama(hasil.geom)
    fitur: list[dict[str, object]] = []
    ringkas: list[tuple[Kelurahan, float]] = []
    for k, g in zip(daftar, rapi):
        geo = ke_wgs84(shapely.transform(g, lambda xy: xy + asal), ke_geo)
        luas = abs(geod.geometry_area_perimeter(geo)[0]) / 1e6
        fitur.append(
            {
                "type": "Feature",
                "properties": {
                    "kode": k.kode,
                    "kelurahan": k.kelurahan,
                    "kecamatan": k.kecamatan,
                    "kode_kecamatan": k.kode_kecamatan,
                    "luas_km2": round(luas, 2),
                    "sumber": SUMBER,
                },
                "geometry": geometri_geojson(geo),
            }
        )
        ringkas.append((k, luas))
        periksa_hasil(k, geo, luas)
    tulis_geojson(keluaran, fitur)
    return ringkas


def periksa_hasil(k: Kelurahan, geo: BaseGeometry, luas_km2: float) -> None:
    """Final check on the WGS84 geometry actually written, not on intermediate results."""
    if not geo.is_valid:
        raise SystemExit(f"Geometri {k.kelurahan} tidak valid.")
    if not geo.contains(shapely.Point(k.bujur, k.lintang)):
        raise SystemExit(f"Titik acuan {k.kelurahan} berada di luar selnya.")
    if abs(luas_km2 - k.luas_km2) > 0.1 * k.luas_km2:
        raise SystemExit(f"Luas {k.kelurahan} menyimpang lebih dari 10%.")


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; prints target vs achieved areas so a run is easy to check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--referensi", type=Path, default=Path("data/kelurahan.csv"))
    parser.add_argument("--out", type=Path, default=Path("data/boundaries.geojson"))
    parser.add_argument(
        "--wilayah",
        type=Path,
        default=None,
        help="region metadata with batas_bbox (default: wilayah.json next to the reference table)",
    )
    args = parser.parse_args(argv)
    wilayah = args.wilayah if args.wilayah is not None else args.referensi.parent / "wilayah.json"

    ringkas = bangkitkan(args.referensi, args.out, wilayah)
    print(f"{'kode':<15} {'kelurahan':<22} {'target':>8} {'hasil':>8} {'selisih':>8}")
    for k, luas in ringkas:
        selisih = round((luas - k.luas_km2) / k.luas_km2 * 100, 1) + 0.0  # +0.0: no "-0.0"
        print(f"{k.kode:<15} {k.kelurahan:<22} {k.luas_km2:>8.2f} {luas:>8.2f} {selisih:>7.1f}%")
    total_t = sum(k.luas_km2 for k, _ in ringkas)
    total_h = sum(luas for _, luas in ringkas)
    print(f"{'':<15} {'TOTAL':<22} {total_t:>8.2f} {total_h:>8.2f}")
    print(f"Ditulis: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
