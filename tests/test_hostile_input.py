"""Hostile input at every door: files, uploads, links, names and notes, the CSV."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import Scenario, ScenarioError, make_plan, read_scenario, read_scenario_bytes
from planner.brief import brief
from planner.compare import comparison_table
from planner.export import csv_bytes
from planner.share import encode, read_link
from planner.wording import escape_page
from tests.apptest import page_text, start_app
from tests.builders import offer, scenario_data, term
from tests.markdown_checks import GFM_AUTOLINK, unescaped

ROOT = Path(__file__).resolve().parent.parent

HOSTILE_TEXT = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](http://evil.example/pixel.png)",
    "http://evil.example/track",
    "**bold** _it_ `code` # heading",
    "$\\LaTeX$",
    ":red[coloured] :material/warning:",
]


LIVE_MARKUP = re.compile(r"(?<!\\)<[a-z]|(?<!\\)\]\(|(?<!\\)://")
"""An unescaped HTML tag, Markdown link or bare URL: what must never reach a page."""


def hostile_scenario(text: str) -> Scenario:
    return read_scenario(
        json.dumps(
            scenario_data(
                [term(text[:80]), term("Title", "choice", options=["Junior", text[:80] + " lead"])],
                [offer(text[:80], values={text[:80]: 1000}, notes={text[:80]: text})],
                title=text,
            )
        )
    )


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_csv_cells_from_hostile_names_and_notes_cannot_run_as_formulas(text: str) -> None:
    scenario = hostile_scenario(text)

    text = csv_bytes(comparison_table(scenario)).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))

    for cell in [c for row in rows for c in row]:
        assert not cell.startswith(("=", "+", "@", "\t", "\r", "\n")), cell
        assert not cell.startswith("-") or cell.lstrip("-").replace(".", "").isdigit(), cell


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_the_brief_shows_hostile_text_as_written_never_as_markup(text: str) -> None:
    scenario = hostile_scenario(text)

    page = brief(scenario, make_plan(scenario))

    assert not re.search(r"(?<!\\)<[a-z]|(?<!\\)\]\(", page)
    assert not GFM_AUTOLINK.search(unescaped(page))


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_escaped_text_has_no_live_markdown(text: str) -> None:
    escaped = escape_page(text)

    assert not LIVE_MARKUP.search(escaped)
    assert "://" not in escaped


@pytest.mark.parametrize("text", HOSTILE_TEXT[6:10])
def test_the_page_renders_hostile_names_as_plain_text(text: str) -> None:
    at = start_app({"plan": encode(hostile_scenario(text))})

    assert not at.exception
    shown = page_text(at)
    assert not LIVE_MARKUP.search(shown)
    assert all("unsafe_allow_html" not in str(m.proto) for m in at.markdown)


UPLOADS = {
    "empty": b"",
    "binary": bytes(range(256)),
    "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "zip bomb header": b"PK\x03\x04" + b"\x00" * 64,
    "json array": b"[1, 2, 3]",
    "huge string": b'{"title": "' + b"x" * 5_100_000 + b'"}',
    "deep": b"[" * 100_000,
    "nan": b'{"format": "negotiation-planner/1", "max_asks": NaN}',
    "utf-16": '{"format": "negotiation-planner/1"}'.encode("utf-16"),
    "wrong version": b'{"format": "negotiation-planner/2", "terms": [], "offers": []}',
}


@pytest.mark.parametrize("name", sorted(UPLOADS))
def test_hostile_uploads_are_refused_with_one_clear_line(name: str) -> None:
    with pytest.raises(ScenarioError) as error:
        read_scenario_bytes(UPLOADS[name])

    assert "\n" not in str(error.value)
    assert len(str(error.value)) < 300


@given(st.binary(max_size=2000))
def test_random_bytes_as_an_upload_give_a_scenario_or_a_scenario_error(data: bytes) -> None:
    try:
        scenario = read_scenario_bytes(data)
    except ScenarioError as error:
        assert str(error)
        return
    assert isinstance(scenario, Scenario)


@given(st.text(max_size=300))
def test_random_text_as_a_link_never_raises_anything_else(text: str) -> None:
    for link in (text, f"http://localhost:8501/?plan={text}", f"1.{text}"):
        try:
            read_link(link)
        except ScenarioError as error:
            assert str(error).startswith("link")


def test_streamlit_config_keeps_telemetry_off_errors_hidden_and_uploads_small() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())

    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert 1 <= config["server"]["maxUploadSize"] <= 5
    assert config["server"]["enableXsrfProtection"] is True
