"""What the market pays: BLS Occupational Employment and Wage Statistics, May 2025.

The U.S. Bureau of Labor Statistics publishes, for about 1,100 occupations in the
nation, each state and about 530 metropolitan and non-metropolitan areas, the
10th, 25th, 50th (median), 75th and 90th percentile of annual and hourly wages.
The figures here are BLS's own, unchanged: a compact extract of the release made
by ``scripts/build_market_extract.py`` (see ``data/market/provenance.json``).

BLS wages are base pay plus commissions and production bonuses; they exclude
benefits and non-production bonuses (:data:`WAGE_NOTE`). BLS does not publish a
figure that is too high to estimate reliably (top-coded: "at least $239,200 a
year") or that does not suit the occupation (hourly pay of teachers); such a
figure is an :class:`Unavailable` here, never a number.

Nothing is read at import: the extract is opened on the first look-up and kept
for the process (it is read-only). Look-ups:

- :func:`find_occupations` by words of the title, with a small table of common job
  titles that are not BLS titles (:data:`JOB_TITLES`: ours, not BLS's);
- :func:`find_area` / :func:`find_areas` by name: a state ("Texas", "TX"), a metro
  area in part ("Seattle"), or the nation ("US");
- :func:`wages` for one occupation in one area;
- :func:`market_for`: the scenario's ``market`` field for a money term;
- :func:`lookup` and :func:`listing_table`: what ``python -m planner market`` prints.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from planner.errors import ScenarioError, show
from planner.models import Frozen

EXTRACT = Path(__file__).resolve().parent / "data" / "market" / "oews-2025.zip"
PUBLISHER = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics"
WAGE_NOTE = (
    "BLS wages are base pay plus commissions and production bonuses; they exclude "
    "benefits and non-production bonuses."
)
PERCENTILES = ("p10", "p25", "p50", "p75", "p90")
MAX_LIMIT = 100
MAX_QUERY = 200

AreaType = Literal["national", "state", "metro", "nonmetro"]
Level = Literal["major", "minor", "broad", "detailed"]
Missing = Literal["top_coded", "not_published", "not_released"]

# BLS footnote codes that stand in for a figure (the rest are general notes)
_MISSING: Mapping[str, Missing] = MappingProxyType({"4": "not_published", "8": "not_released"})


# --- the models ------------------------------------------------------------------------


class Occupation(Frozen):
    """An occupation of the Standard Occupational Classification, as BLS publishes it."""

    code: str  # "29-1141"
    title: str
    level: Level  # detailed occupations are what people do; the rest are groups of them


class Area(Frozen):
    """Where the figures hold: the nation, a state (or territory), or an area within one.

    ``name`` is BLS's, except that the nation is "United States" (BLS: "National").
    """

    code: str  # BLS's seven digits, "0042660"
    name: str
    type: AreaType


class Unavailable(Frozen):
    """A figure BLS does not give, and why, in BLS's own words (``footnote``)."""

    kind: Missing
    code: str  # the BLS footnote code
    footnote: str
    at_least: int | float | None = None  # for a top-coded wage: the figure it is at least

    def __str__(self) -> str:
        if self.kind == "top_coded" and self.at_least is not None:
            return f"≥ {dollars(self.at_least)}"
        return self.kind.replace("_", " ")


Figure = int | float | Unavailable


class Percentiles(Frozen):
    """The 10th, 25th, 50th, 75th and 90th percentile wage (annual in dollars, hourly too)."""

    p10: Figure
    p25: Figure
    p50: Figure
    p75: Figure
    p90: Figure

    def figures(self) -> tuple[Figure, ...]:
        return (self.p10, self.p25, self.p50, self.p75, self.p90)

    def published(self) -> dict[str, int | float]:
        """The percentiles BLS gives a figure for, by name (``{"p10": 54360, ...}``)."""
        return {
            name: value
            for name, value in zip(PERCENTILES, self.figures(), strict=True)
            if not isinstance(value, Unavailable)
        }

    def unavailable(self) -> dict[str, Unavailable]:
        """The percentiles BLS does not give a figure for, with the reason."""
        return {
            name: value
            for name, value in zip(PERCENTILES, self.figures(), strict=True)
            if isinstance(value, Unavailable)
        }


class Wages(Frozen):
    """What one occupation is paid in one area, with BLS's footnotes for what is missing."""

    occupation: Occupation
    area: Area
    employment: int | Unavailable
    annual: Percentiles
    hourly: Percentiles
    notes: tuple[str, ...]  # BLS's footnotes for the figures not given, once each
    source: str  # "BLS OEWS May 2025, Registered Nurses, Seattle-Tacoma-Bellevue, WA"


class MarketRow(Frozen):
    occupation: Occupation
    wages: Wages | None  # None: BLS publishes no estimate for the occupation in the area


class MarketListing(Frozen):
    """What ``python -m planner market`` shows: matching occupations and their pay in an area."""

    query: str
    area: Area
    other_areas: tuple[Area, ...]  # further areas the area name matched
    release: str
    publisher: str
    wage_note: str
    rows: tuple[MarketRow, ...]


# --- ours, not BLS's: common job titles that are not titles of the classification ----------

# A query containing one of these phrases lists these occupations first, in this order.
# The mapping is ours (an approximation of where such jobs are counted), not BLS's.
JOB_TITLES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "account executive": ("41-4012", "41-4011", "41-3091", "41-3011", "11-2022"),
        "account manager": ("41-4012", "41-4011", "41-3091", "11-2022"),
        "sales representative": ("41-4012", "41-4011", "41-3091"),
        "sales rep": ("41-4012", "41-4011", "41-3091"),
        "business development": ("41-4012", "41-4011", "41-3091", "11-2022"),
        "sales associate": ("41-2031",),
        "nurse": ("29-1141", "29-1171", "29-2061"),
        "registered nurse": ("29-1141",),
        "rn": ("29-1141",),
        "lpn": ("29-2061",),
        "cna": ("31-1131",),
        "software engineer": ("15-1252", "15-1254", "15-1251", "15-1253"),
        "software developer": ("15-1252", "15-1254", "15-1251", "15-1253"),
        "frontend engineer": ("15-1254", "15-1252"),
        "backend engineer": ("15-1252",),
        "full stack": ("15-1252", "15-1254"),
        "devops": ("15-1244", "15-1252"),
        "site reliability": ("15-1244", "15-1252"),
        "qa engineer": ("15-1253",),
        "security engineer": ("15-1212",),
        "cybersecurity": ("15-1212",),
        "data engineer": ("15-1243", "15-1242", "15-1252"),
        "data analyst": ("15-2051", "15-2031", "13-1161", "15-2041"),
        "business analyst": ("13-1111", "15-1211"),
        "machine learning": ("15-2051", "15-1221"),
        "ml engineer": ("15-2051", "15-1221"),
        "ai engineer": ("15-2051", "15-1221"),
        "product manager": ("11-2021", "11-3021", "11-1021"),
        "project manager": ("13-1082",),
        "program manager": ("13-1082", "11-1021"),
        "engineering manager": ("11-9041", "11-3021"),
        "it manager": ("11-3021",),
        "cto": ("11-3021",),
        "cio": ("11-3021",),
        "ceo": ("11-1011",),
        "cfo": ("11-3031",),
        "coo": ("11-1021",),
        "ux designer": ("15-1255", "27-1021"),
        "product designer": ("15-1255", "27-1021"),
        "sysadmin": ("15-1244",),
        "system administrator": ("15-1244",),
        "help desk": ("15-1232",),
        "it support": ("15-1232",),
        "solutions architect": ("15-1241",),
        "cloud architect": ("15-1241",),
        "teacher": ("25-2021", "25-2031", "25-2022"),
        "professor": ("25-1199",),
        "accountant": ("13-2011",),
        "cpa": ("13-2011",),
        "bookkeeper": ("43-3031",),
        "consultant": ("13-1111",),
        "recruiter": ("13-1071",),
        "hr generalist": ("13-1071",),
        "hr manager": ("11-3121",),
        "doctor": ("29-1215", "29-1216", "29-1229"),
        "physician": ("29-1215", "29-1216", "29-1229"),
        "attorney": ("23-1011",),
        "lawyer": ("23-1011",),
        "executive assistant": ("43-6011",),
        "administrative assistant": ("43-6014",),
        "office manager": ("43-1011",),
        "store manager": ("41-1011",),
        "server": ("35-3031",),
        "waiter": ("35-3031",),
        "cook": ("35-2014", "35-1011"),
        "chef": ("35-1011", "35-2014"),
        "truck driver": ("53-3032",),
        "plumber": ("47-2152",),
        "mechanic": ("49-3023",),
        "police officer": ("33-3051",),
        "journalist": ("27-3023",),
    }
)

# Area names people use that are not BLS's (ours): to the BLS area code.
AREA_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "nyc": "0035620",
        "new york city": "0035620",
        "bay area": "0041860",
        "san francisco bay area": "0041860",
        "silicon valley": "0041940",
        "dfw": "0019100",
        "twin cities": "0033460",
        "washington dc": "0047900",
    }
)

_NATION = frozenset(
    {
        "national",
        "nation",
        "nationwide",
        "us",
        "u s",
        "usa",
        "u s a",
        "united states",
        "united states of america",
        "america",
    }
)

# the U.S. Postal Service's two-letter codes (ours, not part of the BLS data)
STATE_CODES: Mapping[str, str] = MappingProxyType(
    {
        "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
        "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "District of Columbia": "DC",
        "Florida": "FL", "Georgia": "GA", "Guam": "GU", "Hawaii": "HI", "Idaho": "ID",
        "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY",
        "Louisiana": "LA", "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA",
        "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO",
        "Montana": "MT", "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH",
        "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY", "North Carolina": "NC",
        "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR",
        "Pennsylvania": "PA", "Puerto Rico": "PR", "Rhode Island": "RI",
        "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX",
        "Utah": "UT", "Vermont": "VT", "Virgin Islands": "VI", "Virginia": "VA",
        "Washington": "WA", "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY",
    }
)  # fmt: skip

# words that say little about the job: left out of searches
_STOP = frozenset(
    {"a", "all", "an", "and", "at", "by", "except", "for", "in", "of", "on", "or", "other",
     "the", "to", "with", "job", "jobs"}
)  # fmt: skip
# seniority: BLS does not split occupations by it
_RANKS = frozenset(
    {"senior", "sr", "junior", "jr", "lead", "principal", "staff", "entry", "level",
     "i", "ii", "iii", "iv"}
)  # fmt: skip
_LEVEL_ORDER = MappingProxyType({"detailed": 0, "broad": 1, "minor": 2, "major": 3})
_TYPE_WORDS = MappingProxyType(
    {
        "national": "the nation",
        "state": "state",
        "metro": "metro area",
        "nonmetro": "nonmetro area",
    }
)


# --- words --------------------------------------------------------------------------------


_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("'", "").replace("’", ""))


def _stem(word: str) -> str:
    """A plain-English plural to its singular: nurses, secretaries, waitresses, analysts."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _stems(text: str) -> tuple[str, ...]:
    return tuple(_stem(word) for word in _words(text))


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


# --- the extract --------------------------------------------------------------------------


class _Occ(NamedTuple):
    number: str  # six digits, as in the extract
    model: Occupation
    words: tuple[tuple[str, float], ...]  # (stem, weight): words after "except" weigh little
    stems: tuple[str, ...]
    employment: int  # in the nation (0 where not released): breaks ties in searches


class _Area(NamedTuple):
    model: Area
    words: tuple[str, ...]
    names: frozenset[str]  # whole-name matches: the name, a state's postal code, aliases
    first: str  # the first word of the name (a metro area's principal city)
    employment: int


@dataclass(frozen=True)
class _Index:
    release: str
    blob: bytes  # the extract itself; areas are decoded from it on demand
    members: Mapping[str, tuple[int, int, int]]  # name -> (header offset, packed size, CRC)
    occupations: tuple[_Occ, ...]
    occupation_at: Mapping[str, int]  # six digits -> position
    areas: tuple[_Area, ...]
    area_at: Mapping[str, int]
    missing: Mapping[tuple[str, bool], Unavailable]  # (footnote code, hourly) -> marker
    job_titles: tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]
    postings: Mapping[str, tuple[tuple[int, float], ...]]  # title word -> (position, weight)


def _title_words(title: str) -> tuple[tuple[tuple[str, float], ...], tuple[str, ...]]:
    """A title's words for searching: (stem, weight) without the little words, in which
    a word after "Except" weighs little; and every stem, for matching whole phrases."""
    stems = tuple(_stem(word) for word in _words(title))
    out = []
    weight = 1.0
    for stem in stems:
        if stem == "except":
            weight = 0.25
        if stem not in _STOP:
            out.append((stem, weight))
    return tuple(out), stems


@cache
def _index() -> _Index:
    """Read the extract's index (once per process; everything in it is read-only)."""
    blob = EXTRACT.read_bytes()
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        data: dict[str, Any] = json.loads(archive.read("index.json"))
        members = {
            info.filename: (info.header_offset, info.compress_size, info.CRC)
            for info in archive.infolist()
            if info.compress_type == zipfile.ZIP_DEFLATED
        }
    footnotes: dict[str, str] = data["footnotes"]
    top = data["top_coded"]
    missing: dict[tuple[str, bool], Unavailable] = {}
    for hourly in (False, True):
        limit = top["hourly_cents"] / 100 if hourly else top["annual"]
        missing[(top["footnote"], hourly)] = Unavailable.model_construct(
            kind="top_coded",
            code=top["footnote"],
            footnote=footnotes[top["footnote"]],
            at_least=limit,
        )
        for code, kind in _MISSING.items():
            missing[(code, hourly)] = Unavailable.model_construct(
                kind=kind, code=code, footnote=footnotes[code], at_least=None
            )
    occupations = []
    for code, title, level, employment in data["occupations"]:
        weighted, stems = _title_words(title)
        occupations.append(
            _Occ(
                number=code,
                model=Occupation.model_construct(
                    code=f"{code[:2]}-{code[2:]}", title=title, level=level
                ),
                words=weighted,
                stems=stems,
                employment=employment or 0,
            )
        )
    occupation_at = {occ.number: i for i, occ in enumerate(occupations)}
    postings: dict[str, dict[int, float]] = {}
    for position, occ in enumerate(occupations):
        for stem, weight in occ.words:
            at = postings.setdefault(stem, {})
            at[position] = max(at.get(position, 0.0), weight)
    areas = []
    aliases: dict[str, set[str]] = {}
    for alias, code in AREA_ALIASES.items():
        aliases.setdefault(code, set()).add(alias)
    for code, name, kind, _state, employment in data["areas"]:
        if kind == "national":
            name = "United States"
        names = {" ".join(_words(name)), *aliases.get(code, ())}
        if kind == "national":
            names |= _NATION
        if kind == "state" and name in STATE_CODES:
            names.add(STATE_CODES[name].lower())
        words = tuple(_words(name))
        areas.append(
            _Area(
                model=Area.model_construct(code=code, name=name, type=kind),
                words=words,
                names=frozenset(names),
                first=words[0] if words else "",
                employment=employment or 0,
            )
        )
    job_titles = tuple(
        (_stems(phrase), tuple(occupation_at[code.replace("-", "")] for code in codes))
        for phrase, codes in JOB_TITLES.items()
    )
    return _Index(
        release=str(data["release"]),
        blob=blob,
        members=MappingProxyType(members),
        occupations=tuple(occupations),
        occupation_at=MappingProxyType(occupation_at),
        areas=tuple(areas),
        area_at=MappingProxyType({area.model.code: i for i, area in enumerate(areas)}),
        missing=MappingProxyType(missing),
        job_titles=job_titles,
        postings=MappingProxyType(
            {word: tuple(at.items()) for word, at in sorted(postings.items())}
        ),
    )


_Cell = tuple[int | str, tuple[int | str, ...], tuple[int | str, ...]]


@dataclass(frozen=True)
class _AreaData:
    """One area's columns as stored; a row is decoded when it is asked for."""

    rows: Mapping[str, int]  # six-digit occupation code -> row
    employment: tuple[int | str, ...]
    annual: tuple[tuple[int | str, ...], ...]  # a column per percentile
    hourly: tuple[tuple[int | str, ...], ...]

    def cell(self, number: str) -> _Cell | None:
        """(employment, annual, hourly in cents) of one occupation, or None.

        A string in place of a figure is the BLS footnote code that explains its
        absence. An hourly figure is stored as the difference from the annual one
        over 2,080 hours where the annual one is published, else as it is.
        """
        row = self.rows.get(number)
        if row is None:
            return None
        annual = tuple(column[row] for column in self.annual)
        hourly = []
        for yearly, column in zip(annual, self.hourly, strict=True):
            value = column[row]
            if isinstance(value, int) and isinstance(yearly, int):
                value += (yearly * 100 + 1040) // 2080
            hourly.append(value)
        return self.employment[row], annual, tuple(hourly)


def _unpack(blob: bytes, offset: int, size: int, crc: int) -> bytes:
    """One member of the zip in memory, without parsing its directory again."""
    name_length, extra_length = struct.unpack_from("<HH", blob, offset + 26)
    start = offset + 30 + name_length + extra_length  # past the member's local header
    data = zlib.decompress(blob[start : start + size], -15)
    if zlib.crc32(data) != crc:
        raise ValueError(f"{EXTRACT.name} is damaged: rebuild it (scripts/build_market_extract.py)")
    return data


@lru_cache(maxsize=64)
def _area_data(code: str) -> _AreaData:
    """One area of the extract (kept for the process: it is read-only)."""
    index = _index()
    member = index.members.get(f"areas/{code}.json")
    if member is None:
        return _AreaData(rows=MappingProxyType({}), employment=(), annual=(), hourly=())
    data = json.loads(_unpack(index.blob, *member))
    position = 0
    rows = {}
    for row, step in enumerate(data["occupations"]):
        position += step
        rows[index.occupations[position].number] = row
    return _AreaData(
        rows=MappingProxyType(rows),
        employment=tuple(data["employment"]),
        annual=tuple(tuple(column) for column in data["annual"]),
        hourly=tuple(tuple(column) for column in data["hourly"]),
    )


def release() -> str:
    """The release the figures come from, e.g. "OEWS May 2025"."""
    return f"OEWS {_index().release}"


# --- occupations ------------------------------------------------------------------------


def _occupation_number(code: str | Occupation) -> str:
    text = code.code if isinstance(code, Occupation) else str(code)
    number = text.strip().replace("-", "")
    if number not in _index().occupation_at:
        raise ScenarioError("occupation", f"no occupation has the code {show(text)}")
    return number


def occupation(code: str) -> Occupation:
    """The occupation with this SOC code ("29-1141" or "291141")."""
    index = _index()
    return index.occupations[index.occupation_at[_occupation_number(code)]].model


def _check_limit(limit: int) -> None:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ScenarioError(
            "limit", f"must be a whole number from 1 to {MAX_LIMIT}, got {show(limit)}"
        )


def _check_query(query: str, where: str) -> str:
    text = " ".join(str(query).split())
    if not text:
        raise ScenarioError(where, "is empty")
    if len(text) > MAX_QUERY:
        raise ScenarioError(where, f"is longer than {MAX_QUERY} characters")
    return text


def _match(stem: str, word: str) -> float:
    if stem == word:
        return 1.0
    if len(stem) >= 3 and word.startswith(stem):
        return 0.6
    return 0.0


def find_occupations(query: str, limit: int = 10) -> list[Occupation]:
    """Occupations whose title fits the query, best first.

    A common job title of :data:`JOB_TITLES` (ours) in the query puts its occupations
    first; then titles by the share of the query's words they contain (a word after
    "Except" in a title counts little; a word may be the start of a title's word),
    whole phrases first, detailed occupations before groups, and larger occupations
    (national employment) first. A SOC code ("29-1141") finds its occupation.
    """
    _check_limit(limit)
    text = _check_query(query, "query")
    index = _index()
    if re.fullmatch(r"\d{2}-?\d{4}", text):
        if text.replace("-", "") not in index.occupation_at:
            raise ScenarioError("query", f"no occupation has the code {show(text)}")
        return [occupation(text)]
    stems = tuple(_stem(word) for word in _words(text))
    ranked = tuple(word for word in stems if word not in _RANKS) or stems
    wanted = tuple(word for word in ranked if word not in _STOP) or ranked
    first: list[int] = []
    best = 0
    for phrase, positions in index.job_titles:
        if len(phrase) > best and _contains(ranked, phrase):
            first, best = list(positions), len(phrase)
    scores: dict[int, float] = {}
    for stem in wanted:  # each word of the query adds its best match in each title
        fits: dict[int, float] = {}
        for word, postings in index.postings.items():
            match = _match(stem, word)
            if match:
                for position, weight in postings:
                    fits[position] = max(fits.get(position, 0.0), match * weight)
        for position, fit in fits.items():
            scores[position] = scores.get(position, 0.0) + fit
    scored = []
    for position, score in scores.items():
        occ = index.occupations[position]
        whole = _contains(occ.stems, wanted)
        scored.append(
            (
                -score / len(wanted),
                not whole,
                _LEVEL_ORDER[occ.model.level],
                -occ.employment,
                occ.number,
                position,
            )
        )
    scored.sort()
    # A common job title that is only part of the query ("nurse" in "nurse practitioner")
    # yields to titles containing every word of the query.
    exact = [] if best >= len(wanted) else [entry[-1] for entry in scored if entry[0] <= -1]
    found = list(dict.fromkeys([*exact, *first, *(entry[-1] for entry in scored)]))
    if not found:
        raise ScenarioError("query", f"no occupation matches {show(text)}")
    return [index.occupations[position].model for position in found[:limit]]


# --- areas ------------------------------------------------------------------------------


def _ranked_areas(name: str) -> list[tuple[int, _Area]]:
    """Every area the name fits, best first, with its rank (0: the whole name)."""
    text = _check_query(name, "area")
    index = _index()
    digits = text.replace(" ", "")
    if digits.isdigit() and len(digits) <= 7 and digits.zfill(7) in index.area_at:
        return [(0, index.areas[index.area_at[digits.zfill(7)]])]
    words = tuple(_words(text))
    whole = " ".join(words)
    scored = []
    for position, area in enumerate(index.areas):
        if whole in area.names:
            rank = 0
        elif words and all(
            any(word == own or (len(word) >= 3 and own.startswith(word)) for own in area.words)
            for word in words
        ):
            rank = 1 if area.first == words[0] else 2
        else:
            continue
        scored.append((rank, -area.employment, area.model.code, position))
    if not scored:
        raise ScenarioError("area", f"no area matches {show(text)}")
    scored.sort()
    return [(rank, index.areas[position]) for rank, _, _, position in scored]


def find_areas(name: str, limit: int = 10) -> list[Area]:
    """Areas whose name fits, best first.

    A whole name (a state, its postal code, "US", an alias of :data:`AREA_ALIASES`)
    comes first; then names containing every word given (or their starts), those
    that begin with it first (a metro area's principal city), then larger areas
    (by employment) first. A BLS area code ("0042660") finds its area.
    """
    _check_limit(limit)
    return [area.model for _, area in _ranked_areas(name)[:limit]]


def find_area(name: str) -> Area:
    """The area that best fits the name ("Texas", "TX", "Seattle", "US")."""
    return find_areas(name, limit=1)[0]


def _area_of(area: str | Area) -> Area:
    """An area given as a model, a BLS code or a name."""
    if isinstance(area, Area):
        return area
    return find_area(area)


# --- wages ------------------------------------------------------------------------------


def _figure(value: int | str, hourly: bool, index: _Index) -> Figure:
    if isinstance(value, str):
        return index.missing[(value, hourly)]
    return value / 100 if hourly else value


def _wages(occ: _Occ, area: Area) -> Wages | None:
    cell = _area_data(area.code).cell(occ.number)
    if cell is None:
        return None
    index = _index()
    employment, annual, hourly = cell
    yearly = [_figure(value, False, index) for value in annual]
    per_hour = [_figure(value, True, index) for value in hourly]
    staff = _figure(employment, False, index)
    notes = dict.fromkeys(
        value.footnote for value in [*yearly, *per_hour, staff] if isinstance(value, Unavailable)
    )
    return Wages.model_construct(
        occupation=occ.model,
        area=area,
        employment=staff,  # type: ignore[arg-type]  # a count: whole in the extract
        annual=Percentiles.model_construct(None, **dict(zip(PERCENTILES, yearly, strict=True))),
        hourly=Percentiles.model_construct(None, **dict(zip(PERCENTILES, per_hour, strict=True))),
        notes=tuple(notes),
        source=_source(occ.model, area, index),
    )


def _source(occ: Occupation, area: Area, index: _Index) -> str:
    text = f"BLS OEWS {index.release}, {occ.title}, {area.name}"
    return text if len(text) <= 200 else text[:199] + "…"


def wages(occupation_code: str | Occupation, area_code: str | Area) -> Wages:
    """One occupation's pay in one area (the area as a BLS code, a model or a name)."""
    index = _index()
    occ = index.occupations[index.occupation_at[_occupation_number(occupation_code)]]
    area = _area_of(area_code)
    found = _wages(occ, area)
    if found is None:
        raise ScenarioError(
            "area", f"BLS publishes no estimate for {occ.model.title} in {area.name}"
        )
    return found


def market_for(
    occupation: str | Occupation, area: str | Area, *, hourly: bool
) -> dict[str, str | int | float]:
    """The scenario's ``market`` field for a money term: the source sentence and the
    percentiles BLS publishes (annual for yearly pay, hourly for ``per: "hour"``).

    A top-coded or unpublished percentile is left out. The scenario needs at least
    two: with fewer, a :class:`ScenarioError` says which are missing and why.
    """
    found = wages(occupation, area)
    figures = found.hourly if hourly else found.annual
    given = figures.published()
    if len(given) < 2:
        kind = "hourly" if hourly else "annual"
        gaps: dict[str, list[str]] = {}
        for name, value in figures.unavailable().items():
            label = f"top-coded ({value})" if value.kind == "top_coded" else str(value)
            if value.kind == "not_published":
                label += f": {value.footnote}"
            gaps.setdefault(label, []).append(name)
        why = "; ".join(f"{', '.join(names)} {label}" for label, names in gaps.items())
        have = f"only {', '.join(given)}" if given else "none"
        raise ScenarioError(
            "market",
            f"BLS publishes {have} of the {kind} percentiles for {found.occupation.title} in "
            f"{found.area.name} ({why}); market data needs at least two",
        )
    return {"source": found.source, **given}


# --- the listing (the command line) -----------------------------------------------------


def lookup(query: str, area: str | Area = "United States", limit: int = 5) -> MarketListing:
    """Occupations matching the query, with their pay in the area (the nation by default)."""
    others: tuple[Area, ...] = ()
    if isinstance(area, Area):
        chosen = area
    else:
        ranked = _ranked_areas(area)
        chosen = ranked[0][1].model
        # a name that is not an area's whole name may mean another area: say which
        if ranked[0][0]:
            others = tuple(other.model for _, other in ranked[1:4])
    found = find_occupations(query, limit)
    index = _index()
    rows = tuple(
        MarketRow.model_construct(
            occupation=occ,
            wages=_wages(index.occupations[index.occupation_at[occ.code.replace("-", "")]], chosen),
        )
        for occ in found
    )
    return MarketListing.model_construct(
        query=_check_query(query, "query"),
        area=chosen,
        other_areas=others,
        release=f"OEWS {index.release}",
        publisher=PUBLISHER,
        wage_note=WAGE_NOTE,
        rows=rows,
    )


def dollars(value: float) -> str:
    """``54360`` -> ``$54,360``; ``26.5`` -> ``$26.50`` (hourly wages keep their cents)."""
    if isinstance(value, int):
        return f"${value:,}"
    return f"${value:,.2f}"


def _row(label: str, figures: Percentiles) -> list[str]:
    """A table row: a cell per percentile; one cell when BLS gives none of them, for one reason."""
    values = figures.figures()
    if all(isinstance(value, Unavailable) for value in values) and len(set(values)) == 1:
        return [label, f"{values[0]} (see the footnote)"]
    return [label, *(str(v) if isinstance(v, Unavailable) else dollars(v) for v in values)]


def _table(rows: list[list[str]]) -> list[str]:
    """Columns right-aligned under the percentile names; a one-cell row runs across."""
    full = [row for row in rows if len(row) == len(rows[0])]
    widths = [max(len(row[i]) for row in full) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        if len(row) == 2 and len(rows[0]) > 2:
            lines.append(f"   {row[0].ljust(widths[0])}  {row[1]}")
            continue
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append(("   " + "  ".join(cells)).rstrip())
    return lines


def listing_table(listing: MarketListing) -> str:
    """The listing as plain text for a terminal."""
    area = listing.area
    lines = [
        f"Market pay in {area.name} ({_TYPE_WORDS[area.type]})",
        f"Source: BLS {listing.release} ({listing.publisher}); public domain.",
        listing.wage_note,
    ]
    if listing.other_areas:
        others = "; ".join(other.name for other in listing.other_areas)
        lines.append(f"The area name also matches: {others} (give more of the name to pick one).")
    notes: dict[str, str] = {}
    for number, row in enumerate(listing.rows, 1):
        occ = row.occupation
        lines.append("")
        wages = row.wages
        if wages is None:
            lines.append(
                f"{number}. {occ.title} ({occ.code}): BLS publishes no estimate for it in this area."
            )
            continue
        staff = wages.employment
        employed = f"{staff:,} employed" if isinstance(staff, int) else f"employment {staff}"
        lines.append(f"{number}. {occ.title} ({occ.code}), {employed}")
        lines += _table(
            [["", *PERCENTILES], _row("annual", wages.annual), _row("hourly", wages.hourly)]
        )
        for value in [*wages.annual.figures(), *wages.hourly.figures(), staff]:
            if isinstance(value, Unavailable):
                label = "≥ (top-coded)" if value.kind == "top_coded" else str(value)
                notes.setdefault(label, value.footnote)
    if notes:
        lines += ["", "BLS footnotes:"]
        lines += [f"  {label}: {text}" for label, text in notes.items()]
    return "\n".join(lines) + "\n"


def all_areas() -> tuple[Area, ...]:
    """Every area, in the order of BLS's codes (the nation, then metro areas, then states
    with their non-metropolitan areas)."""
    return tuple(area.model for area in _index().areas)
