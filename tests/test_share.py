"""Share links: the scenario inside the URL, strictly checked on the way back in."""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devtools.scenarios import largest_scenario
from planner import Scenario, ScenarioError, parse_scenario, read_scenario_bytes, write_scenario
from planner.catalog import sample_files
from planner.share import (
    _DICTIONARY_1,
    MAX_LINK_CHARS,
    LinkError,
    decode,
    encode,
    make_link,
    param_of,
    read_link,
)
from tests.builders import scenario_data, term
from tests.strategies import scenario_data as scenarios
from tests.test_cli import assert_refused, run


def pack(payload: bytes) -> str:
    packer = zlib.compressobj(level=9, wbits=-15, zdict=_DICTIONARY_1)
    return "1." + base64.urlsafe_b64encode(
        packer.compress(payload) + packer.flush()
    ).decode().rstrip("=")


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_a_link_reads_back_as_the_same_scenario(data: dict[str, Any]) -> None:
    scenario = parse_scenario(data)

    assert read_link(make_link(scenario)) == scenario


@pytest.mark.parametrize(
    "path", sorted(sample_files().values(), key=lambda p: p.name), ids=lambda p: p.name
)
def test_sample_links_are_short_enough_for_mail_and_chat(path) -> None:  # type: ignore[no-untyped-def]
    link = make_link(read_scenario_bytes(path.read_bytes()))

    assert len(link) <= 800


def test_a_link_names_the_app_and_carries_the_plan_parameter() -> None:
    scenario = parse_scenario(scenario_data())

    link = make_link(scenario, "https://plans.example.org/app?old=1#top")

    assert link.startswith("https://plans.example.org/app?plan=1.")
    assert param_of(link) == encode(scenario)


def test_a_scenario_too_large_for_a_link_is_refused_with_the_file_offered() -> None:
    scenario = parse_scenario(largest_scenario())

    with pytest.raises(LinkError) as error:
        make_link(scenario)

    assert "scenario file instead" in str(error.value)
    assert f"{MAX_LINK_CHARS:,}" in str(error.value)


HOSTILE_LINKS = {
    "empty": ("", "carries no plan"),
    "not a planner link": ("hello", "not a negotiation planner link"),
    "another version": ("7.abc", "another version"),
    "bad characters": ("1.ab$cd", "characters a planner link never has"),
    "cut short": (pack(b'{"format": "negotiation-planner/1"}')[:-6], "cut short"),
    "not zlib": ("1." + base64.urlsafe_b64encode(b"\xff" * 40).decode(), "damaged"),
    "too long": ("1." + "A" * 20_000, "too long"),
    "decompression bomb": (pack(b" " * 6_000_000), "more data than a scenario"),
    "not text": (pack(b"\xff\xfe\x00"), "not text"),
    "not json": (pack(b"salary=60000"), "not valid JSON"),
    "a rule broken": (
        pack(json.dumps(scenario_data([term(bottom_line=10, target=5)])).encode()),
        "terms[0].target",
    ),
    "unknown field": (pack(json.dumps(scenario_data(colour="red")).encode()), "colour"),
    "url without plan": ("http://localhost:8501/?foo=1", "no plan= part"),
    "a 5,000-digit number": (
        pack(b'{"format": "negotiation-planner/1", "max_asks": 1' + b"0" * 5000 + b"}"),
        "too many digits",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_LINKS))
def test_a_bad_link_is_refused_with_a_message_never_another_error(name: str) -> None:
    link, words = HOSTILE_LINKS[name]

    with pytest.raises(LinkError) as error:
        read_link(link)

    assert words in str(error.value)
    assert str(error.value).startswith("link")


def test_the_bomb_is_refused_without_unpacking_it_all() -> None:
    bomb = pack(b"0" * 50_000_000)

    with pytest.raises(LinkError):
        decode(bomb)


@given(st.text(max_size=200))
def test_any_text_as_a_link_gives_a_scenario_or_a_link_error(text: str) -> None:
    try:
        scenario = read_link(text)
    except ScenarioError as error:
        assert str(error).startswith("link")
        return
    assert isinstance(scenario, Scenario)


@given(st.binary(max_size=300))
def test_any_bytes_packed_as_a_link_give_a_scenario_or_a_link_error(data: bytes) -> None:
    for link in (pack(data), "1." + base64.urlsafe_b64encode(data).decode()):
        try:
            scenario = read_link(link)
        except ScenarioError as error:
            assert str(error).startswith("link")
            continue
        assert isinstance(scenario, Scenario)


def test_link_and_unlink_on_the_command_line_round_trip() -> None:
    path = sample_files()["Account executive offers"]

    link = run("link", str(path), "--base-url", "https://plans.example.org/")
    back = run("unlink", link.stdout.decode().strip())

    assert link.returncode == 0
    assert link.stdout.decode().startswith("https://plans.example.org/?plan=1.")
    assert back.returncode == 0
    assert read_scenario_bytes(back.stdout) == read_scenario_bytes(path.read_bytes())
    assert back.stdout.decode() == write_scenario(read_scenario_bytes(path.read_bytes()))


def test_unlink_reads_a_link_from_standard_input() -> None:
    link = run("link", str(sample_files()["First job offer"])).stdout

    back = run("unlink", "-", stdin=link)

    assert back.returncode == 0
    assert json.loads(back.stdout)["title"] == "First job offer"


@pytest.mark.parametrize("link", ["nonsense", "1.AAAA", "http://localhost:8501/?plan=2.xyz", ""])
def test_unlink_refuses_what_is_not_a_link_with_one_line(link: str) -> None:
    assert_refused(run("unlink", link), "link")


def test_link_refuses_a_scenario_too_large_with_one_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "large.json"
    path.write_text(json.dumps(largest_scenario()))

    result = run("link", str(path))

    assert_refused(result, "scenario file instead")
