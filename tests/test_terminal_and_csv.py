"""What the command line writes is safe for a terminal; the CSV is safe for any reader."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import make_plan, read_scenario
from planner.catalog import SAMPLES
from planner.cli import main
from planner.compare import comparison_table
from planner.export import csv_bytes, neutralise
from planner.terminal import terminal_safe
from tests.builders import offer, scenario_data, term

ROOT = Path(__file__).resolve().parent.parent

RAW_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
"""What must never reach a terminal raw: C0 (newline aside), DEL, C1, bidi controls."""

OFFER = "Bright\x1b[2J\x1b]0;pwned\x07line \u202eevil"
TERM = "Base\x1b[31m salary\r\x9b2K"
NOTE = "Call \x1bP$q\x1b\\ back\x7f \u2066x\u2069 \ud7ff"


def rename_term(data: dict[str, Any], old: str, new: str) -> None:
    for item in data["terms"]:
        if item["name"] == old:
            item["name"] = new
    for each in data["offers"]:
        for field in ("values", "flexibility", "notes", "reasons"):
            if old in each.get(field, {}):
                each[field][new] = each[field].pop(old)
        for answer in each.get("rounds", []):
            if answer.get("term") == old:
                answer["term"] = new


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sales sample, with escape sequences in a title, an offer, a term and a note."""
    data = json.loads((SAMPLES / "sales-hire.json").read_text())
    data["title"] = "Offers \x1b]8;;http://evil.example\x1b\\here\x1b]8;;\x1b\\"
    data["offers"][0]["name"] = OFFER
    rename_term(data, "Base salary", TERM)
    data["offers"][0].setdefault("notes", {})[TERM] = NOTE
    read_scenario(json.dumps(data))  # still a valid scenario
    path = tmp_path_factory.mktemp("hostile") / "scenario.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


COMMANDS = [
    ("plan",),
    ("plan", "--format", "json"),
    ("plan", "--format", "csv"),
    ("link",),
    ("script", "--offer", OFFER),
    ("packages", "--offer", OFFER),
    ("packages", "--offer", OFFER, "--format", "json"),
    ("callsheet", "--offer", OFFER),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c[:1] + c[-1:]) for c in COMMANDS])
def test_the_command_line_shows_control_characters_escaped_never_raw(
    hostile_file: Path, args: tuple[str, ...]
) -> None:
    result = run(args[0], str(hostile_file), *args[1:])

    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert not RAW_CONTROL.search(out), repr(RAW_CONTROL.search(out))
    assert result.stderr == b""
    if args[0] != "link" and "json" not in args:
        assert "Bright\\x1b[2J" in out


@pytest.mark.parametrize("args", [c for c in COMMANDS if "json" in c], ids=["plan", "packages"])
def test_json_output_stays_json_that_means_the_same(
    hostile_file: Path, args: tuple[str, ...]
) -> None:
    out = run(args[0], str(hostile_file), *args[1:]).stdout.decode("utf-8")

    data = json.loads(out)

    if args[0] == "plan":
        assert data["offers"][0]["name"] == OFFER
        assert data["offers"][0]["terms"][0]["term"] == TERM
    else:
        assert any(TERM in package["values"] for package in data["packages"])


def test_unlink_gives_back_json_equal_to_the_scenario(hostile_file: Path) -> None:
    link = run("link", str(hostile_file)).stdout.decode().strip()

    result = run("unlink", link)

    out = result.stdout.decode("utf-8")
    assert not RAW_CONTROL.search(out)
    assert read_scenario(out) == read_scenario(hostile_file.read_text(encoding="utf-8"))


def test_the_error_line_shows_the_offer_named_escaped(hostile_file: Path) -> None:
    result = run("script", str(hostile_file), "--offer", "No\x1b]0;pwned\x07such\r\u202e")

    err = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert err.count("\n") == 1
    assert not RAW_CONTROL.search(err)
    assert "'No\\x1b]0;pwned\\x07such\\x0d\\u202e'" in err


def test_an_ascii_only_terminal_gets_escapes_not_a_crash() -> None:
    out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    scenario = json.dumps(scenario_data([term("Salaire brut")], [offer("Société \u202e")]))

    status = main(
        ["plan", "-"],
        stdout=out,
        stderr=io.StringIO(),
        stdin=io.TextIOWrapper(io.BytesIO(scenario.encode())),
    )

    out.flush()
    shown = out.buffer.getvalue().decode("ascii")  # type: ignore[attr-defined]
    assert status == 0
    assert "Soci\\xe9t\\xe9 \\u202e" in shown


@given(st.text(alphabet=st.characters(codec=None, categories=None)))
def test_terminal_safe_text_has_no_raw_control_character_and_keeps_newlines(text: str) -> None:
    safe = terminal_safe(text)

    assert not RAW_CONTROL.search(safe)
    safe.encode("utf-8")
    assert safe.count("\n") == text.count("\n")
    assert json.loads(terminal_safe(json.dumps(text, ensure_ascii=False), json=True)) == text


# CSV: whatever delimiter a reader uses, no cell starts a formula.

FORMULAS = [
    "=cmd|' /C calc'!A0",
    "a;=cmd|' /C calc'!A0",
    "a,=1+1",
    "a\t=1",
    "a|@SUM(A1)",
    "x ; +1",
    '＝HYPERLINK("http://evil.example")',
    "a;＋1;－1;＠x",
    "line\r\n=1",
    "-2+3",
    "\t=1",
]
FORMULA_START = tuple("=+-@＝＋－＠﹢﹣﹦\t\r")


def hostile_table_csv(text: str) -> bytes:
    data = scenario_data(
        [term(text[:80]), term("Dental", "choice", options=["None", text[:200]])],
        [offer(text[:80], values={text[:80]: -0.0 + 1000, "Dental": text[:200]}, notes={})],
        title=text,
    )
    data["offers"][0]["notes"] = {text[:80]: text}
    scenario = read_scenario(json.dumps(data))
    return csv_bytes(comparison_table(scenario, make_plan(scenario)))


def cells(raw: bytes, delimiter: str) -> list[str]:
    text = raw.decode("utf-8-sig")
    quoted = [
        c for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for c in row
    ]
    naive = [c for line in re.split("[\r\n]", text) for c in line.split(delimiter)]
    return quoted + naive


def is_formula(cell: str) -> bool:
    if re.fullmatch(r"-?\d+(\.\d+)?", cell.strip().strip('"')):
        return False
    return cell.startswith(FORMULA_START)


@pytest.mark.parametrize("text", FORMULAS)
@pytest.mark.parametrize(
    "delimiter", [",", ";", "\t", "|"], ids=["comma", "semicolon", "tab", "bar"]
)
def test_no_reader_finds_a_cell_that_starts_a_formula(text: str, delimiter: str) -> None:
    raw = hostile_table_csv(text)

    found = [cell for cell in cells(raw, delimiter) if is_formula(cell)]

    assert not found


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(list(",;\t|\r\n =+-@＝＋－＠ax1\"'")), max_size=30))
def test_neutralised_text_has_no_formula_after_any_delimiter(text: str) -> None:
    safe = neutralise(text)

    assert isinstance(safe, str)
    for piece in re.split("[,;\t|\r\n]", safe):
        stripped = piece.lstrip()
        assert not stripped.startswith(tuple("=+-@＝＋－＠")) or re.fullmatch(
            r"-?\d+(\.\d+)?", stripped
        ), (text, safe)


def test_every_text_field_is_quoted_and_numbers_stay_numbers() -> None:
    raw = hostile_table_csv("Base salary")

    rows = list(
        csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), quoting=csv.QUOTE_NONNUMERIC)
    )
    header, *body = rows

    assert all(isinstance(name, str) for name in header)
    assert any(isinstance(cell, float) for row in body for cell in row)
    assert neutralise("-5") == "-5"
    assert neutralise("-5.25") == "-5.25"
    assert neutralise(-5) == -5
