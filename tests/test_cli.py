"""The command line, through ``main(argv, ...)`` in this process (fast), and a handful of
smoke tests that run ``python -m planner`` in a subprocess as a user does."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from planner.catalog import SAMPLES
from planner.cli import main
from tests.builders import offer, scenario_data, term

ROOT = Path(__file__).resolve().parent.parent
SALES = SAMPLES / "sales-hire.json"


@dataclass(frozen=True)
class Result:
    """What a run of the command line gave: its exit status and what it wrote."""

    returncode: int
    stdout: bytes
    stderr: bytes


def run(*args: str, stdin: bytes | None = None) -> Result:
    """Run the command line in this process, as ``python -m planner ARGS`` would."""
    out, err = io.StringIO(), io.StringIO()
    source = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args), stdout=out, stderr=err, stdin=source)
        except SystemExit as done:  # --help exits from inside argparse
            status = done.code if isinstance(done.code, int) else 0
    return Result(status, out.getvalue().encode(), err.getvalue().encode())


def run_process(*args: str, stdin: bytes | None = None) -> Result:
    """Run ``python -m planner ARGS`` in a subprocess, as a user runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "planner", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def assert_refused(result: Result, *words: str) -> str:
    """Exit 2, nothing on standard output, exactly one line on standard error."""
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert result.stdout == b""
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err
    return err


def test_json_plan_of_the_sales_sample_follows_the_format() -> None:
    result = run("plan", str(SALES), "--format", "json")

    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["format"] == "negotiation-plan/1"
    assert [o["name"] for o in plan["offers"]] == [
        "Brightline Software",
        "Harbor Logistics",
        "Current job",
    ]
    brightline, harbor, current = plan["offers"]
    assert brightline["verdict"] == "negotiate"
    assert brightline["asks"] == ["Commission (on-target)", "Base salary", "Signing bonus"]
    assert harbor["verdict"] == "walk_away"
    assert current["verdict"] == "current"
    assert current["asks"] == []
    health = next(t for t in harbor["terms"] if t["term"] == "Health coverage")
    assert health["status"] == "deal_breaker"
    assert result.stderr == b""


def test_table_is_the_default_and_names_verdicts_and_asks() -> None:
    result = run("plan", str(SALES))

    text = result.stdout.decode()
    assert result.returncode == 0
    assert "Brightline Software: NEGOTIATE" in text
    assert "Harbor Logistics: WALK AWAY" in text
    assert "1. Commission (on-target): 70,000 USD a year" in text
    assert "DEAL BREAKER" in text


def test_csv_is_the_comparison_table_with_a_row_per_term() -> None:
    result = run("plan", str(SALES), "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    terms = [r for r in rows if r["Section"] == "term"]
    assert result.returncode == 0
    assert [r["Term"] for r in terms] == [t["name"] for t in json.loads(SALES.read_text())["terms"]]
    assert rows[0]["Brightline Software: status"] == "push"
    assert rows[0]["Brightline Software: value"] == "74000"
    assert rows[3]["Harbor Logistics: status"] == "deal_breaker"


def test_a_scenario_can_come_from_standard_input() -> None:
    result = run("plan", "-", "--format", "json", stdin=SALES.read_bytes())

    assert result.returncode == 0
    assert json.loads(result.stdout)["offers"][1]["verdict"] == "walk_away"


def test_the_formats_example_error_is_one_line_naming_the_field() -> None:
    data = scenario_data([term("Base salary")], [offer(values={"Base salary": "sixty thousand"})])

    result = run("plan", "-", stdin=json.dumps(data).encode())

    err = assert_refused(result)
    assert err == 'offers[0].values.Base salary: must be a finite number, got "sixty thousand"\n'


BAD_INPUTS = {
    "empty": b"",
    "not json": b"salary: 60000",
    "truncated": SALES.read_bytes()[:200],
    "binary": bytes(range(256)) * 4,
    "utf-16": SALES.read_text().encode("utf-16"),
    "nan": b'{"format": "negotiation-planner/1", "terms": [{"name": "a", "type": "money", "target": NaN}], "offers": [{"name": "x"}]}',
    "infinity": b'{"format": "negotiation-planner/1", "terms": [{"name": "a", "type": "number", "target": Infinity}], "offers": [{"name": "x"}]}',
    "huge number": b'{"format": "negotiation-planner/1", "terms": [{"name": "a", "type": "number", "target": 1'
    + b"0" * 400
    + b'}], "offers": [{"name": "x"}]}',
    "deep nesting": b"[" * 200_000 + b"]" * 200_000,
    "a 5,000-digit integer": b'{"format": "negotiation-planner/1", "terms": [{"name": "a", "type": "number", "target": 1'
    + b"0" * 5000
    + b'}], "offers": [{"name": "x"}]}',
    "huge file": b'{"title": "' + b"x" * 6_000_000 + b'"}',
    "array": b"[]",
    "rule broken": json.dumps(scenario_data([term(bottom_line=60, target=50)], [offer()])).encode(),
    "unknown field": json.dumps(scenario_data(colour="red")).encode(),
    "wrong format tag": json.dumps({**scenario_data(), "format": "negotiation-planner/2"}).encode(),
}


@pytest.mark.parametrize("form", ["table", "json", "csv"])
@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_exits_2_with_one_line_and_no_output(name: str, form: str) -> None:
    result = run("plan", "-", "--format", form, stdin=BAD_INPUTS[name])

    assert_refused(result, "standard input" if name in {"empty", "binary", "huge file"} else "")


def test_a_missing_file_is_named_in_the_one_line() -> None:
    result = run("plan", "no-such-scenario.json")

    assert_refused(result, "no-such-scenario.json", "cannot be read")


def test_a_directory_is_not_a_scenario() -> None:
    result = run("plan", str(ROOT / "planner" / "data"))

    assert_refused(result, "data")


@pytest.mark.parametrize(
    "args",
    [["plan"], ["plan", str(SALES), "--format", "xml"], ["plot", str(SALES)], []],
)
def test_wrong_words_on_the_command_line_get_one_line_too(args: list[str]) -> None:
    result = run(*args)

    assert_refused(result)


def test_help_works_and_exits_0() -> None:
    result = run("plan", "--help")

    assert result.returncode == 0
    assert b"--format" in result.stdout


def test_the_command_line_does_not_load_streamlit_or_altair() -> None:
    code = (
        "import sys, planner.cli; planner.cli.main(['plan', sys.argv[1], '--format', 'json']); "
        "print(sorted(m for m in ('streamlit', 'altair', 'pandas') if m in sys.modules), file=sys.stderr)"
    )

    result = subprocess.run(
        [sys.executable, "-c", code, str(SALES)], capture_output=True, cwd=ROOT, check=False
    )

    assert result.returncode == 0
    assert result.stderr.decode().strip() == "[]"


def test_a_bad_base_url_for_a_link_is_one_line() -> None:
    assert_refused(run("link", str(SALES), "--base-url", "http://[::1"), "--base-url")


def test_the_json_plan_is_strict_json_even_for_extreme_figures() -> None:
    data = scenario_data(
        [
            term("Days", "number", target=1e-308),
            term("Far", "number", bottom_line=-1e308, target=1e308),
        ],
        [
            offer(
                values={"Days": -100, "Far": -1e308},
                flexibility={"Days": "negotiable", "Far": "limited"},
            )
        ],
    )

    result = run("plan", "-", "--format", "json", stdin=json.dumps(data).encode())

    def refuse(constant: str) -> None:
        raise AssertionError(f"not strict JSON: {constant}")

    plan = json.loads(result.stdout, parse_constant=refuse)
    assert result.returncode == 0
    assert plan["offers"][0]["terms"][0]["status"] == "push"


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["plan", str(SALES)], None),
        (["plan", "-", "--format", "json"], SALES.read_bytes()),
        (["plan", "-"], b"{not json"),
        (["script", str(SALES), "--offer", "current job"], None),
        (["plan", "--help"], None),
    ],
    ids=["table", "stdin-json", "bad-input", "refused-offer", "help"],
)
def test_python_dash_m_planner_does_what_main_does(args: list[str], stdin: bytes | None) -> None:
    in_process = run(*args, stdin=stdin)

    user = run_process(*args, stdin=stdin)

    assert user.returncode == in_process.returncode
    assert user.stderr == in_process.stderr
    assert user.stdout == in_process.stdout
    assert b"Traceback" not in user.stderr
