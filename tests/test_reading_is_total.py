"""Reading is total: any text at any door gives a Scenario or one plain error, never a crash."""

from __future__ import annotations

import base64
import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import Scenario, ScenarioError, read_scenario, read_scenario_bytes
from planner.cli import main
from planner.share import _compress, encode, read_link
from tests.apptest import as_read, page_text, start_app
from tests.builders import make_scenario, offer, scenario_data, term

SURROGATE = "Base\ud800salary"

any_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=40)
"""Every code point, lone surrogates and control characters included."""


def valid_scenario(text: str) -> dict[str, Any]:
    """A valid scenario with the text put into every place that holds text."""
    name = (text.strip() or "x")[:80]
    return scenario_data(
        [
            term(name),
            term("Dental", "choice", options=["None", (text.strip() or "y")[:200] + "!"]),
            term("Remote", "number", unit=text[:20]),
        ],
        [
            offer(
                name,
                values={name: 1000},
                notes={name: text[:500]},
                rounds=[{"term": name, "note": text[:500]}],
            )
        ],
        title=text[:200],
    )


def raw_link(json_text: str) -> str:
    """A link made the way the app makes one, around any JSON text (valid or not)."""
    packed = _compress(json_text.encode("utf-8", "surrogatepass"))
    return "1." + base64.urlsafe_b64encode(packed).rstrip(b"=").decode()


def bare_text(error: ScenarioError) -> str:
    """The message, which must itself be text that any page or terminal can take."""
    message = str(error)
    message.encode("utf-8")
    assert "\n" not in message
    return message


PLACES = [
    ("title", lambda data: data.update(title=SURROGATE), "title"),
    ("term name", lambda data: data["terms"][0].update(name=SURROGATE), "terms[0].name"),
    ("offer name", lambda data: data["offers"][0].update(name=SURROGATE), "offers[0].name"),
    ("unit", lambda data: data["terms"][2].update(unit="d\udfff"), "terms[2].unit"),
    (
        "option",
        lambda data: data["terms"][1].update(options=["None", SURROGATE]),
        "terms[1].options[1]",
    ),
    (
        "note",
        lambda data: data["offers"][0].update(notes={"Base salary": SURROGATE}),
        "offers[0].notes.Base salary",
    ),
    (
        "round note",
        lambda data: data["offers"][0].update(rounds=[{"term": "Base salary", "note": SURROGATE}]),
        "offers[0].rounds[0].note",
    ),
    (
        "key of values",
        lambda data: data["offers"][0].update(values={SURROGATE: 1}),
        "offers[0].values",
    ),
]


def scenario_with(change: Any) -> dict[str, Any]:
    data = scenario_data(
        [term("Base salary"), term("Dental", "choice"), term("Remote", "number")],
        [offer("Northwind", values={"Base salary": 50000})],
    )
    change(data)
    return data


@pytest.mark.parametrize(("what", "change", "place"), PLACES, ids=[p[0] for p in PLACES])
def test_a_lone_surrogate_anywhere_is_refused_with_the_place_named(
    what: str, change: Any, place: str
) -> None:
    text = json.dumps(scenario_with(change))  # JSON spells it "\ud800"

    with pytest.raises(ScenarioError) as refused:
        read_scenario(text)

    assert refused.value.path == place
    assert "cannot be encoded" in bare_text(refused.value)
    assert "lone surrogate at character" in str(refused.value)


def test_the_message_says_where_in_the_text_the_surrogate_is() -> None:
    text = json.dumps(scenario_data([term(SURROGATE)]))

    with pytest.raises(ScenarioError) as refused:
        read_scenario(text)

    assert str(refused.value) == (
        "terms[0].name: contains text that cannot be encoded (a lone surrogate at character 5)"
    )


def test_a_file_whose_bytes_encode_a_surrogate_is_not_utf8() -> None:
    data = json.dumps(scenario_data([term("Base")]), ensure_ascii=False).replace("Base", "B\x00")
    raw = data.encode().replace(b"\x00", b"\xed\xa0\x80")  # a surrogate, UTF-8 style

    with pytest.raises(ScenarioError, match="not UTF-8 text"):
        read_scenario_bytes(raw)


def test_a_surrogate_in_a_link_is_refused_as_the_link() -> None:
    good = encode(make_scenario([term("Base salary")]))
    bad = raw_link(json.dumps(scenario_data([term(SURROGATE)])))

    assert read_link(good).terms[0].name == "Base salary"
    with pytest.raises(ScenarioError) as refused:
        read_link(bad)
    assert str(refused.value).startswith("link: terms[0].name: contains text that cannot be")


def cli(*args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    raw = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    status = main(list(args), stdout=out, stderr=err, stdin=raw)
    return status, out.getvalue(), err.getvalue()


def assert_one_line_refusal(status: int, out: str, err: str) -> None:
    assert status == 2, err
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.endswith("\n")
    err.encode("utf-8")


COMMANDS = [
    ("plan", "-"),
    ("plan", "-", "--format", "json"),
    ("plan", "-", "--format", "csv"),
    ("link", "-"),
    ("script", "-", "--offer", "Northwind"),
    ("packages", "-", "--offer", "Northwind"),
    ("callsheet", "-", "--offer", "Northwind"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
@pytest.mark.parametrize(("what", "change", "place"), PLACES[:3], ids=[p[0] for p in PLACES[:3]])
def test_every_command_refuses_a_surrogate_with_exit_2_and_one_line(
    args: tuple[str, ...], what: str, change: Any, place: str
) -> None:
    status, out, err = cli(*args, stdin=json.dumps(scenario_with(change)).encode())

    assert_one_line_refusal(status, out, err)
    assert err.startswith(f"{place}: contains text that cannot be encoded")


def test_unlink_refuses_a_link_with_a_surrogate_and_stdin_that_is_not_utf8() -> None:
    status, out, err = cli("unlink", f"http://x/?plan=1.{SURROGATE}")
    assert_one_line_refusal(status, out, err)

    status, out, err = cli("unlink", "-", stdin=b"\xff\xfe plan=1.abc")
    assert_one_line_refusal(status, out, err)
    assert err == "standard input: is not UTF-8 text\n"


def test_a_file_name_that_is_not_text_is_named_escaped() -> None:
    status, out, err = cli("plan", "/nonexistent/\udcff\x1b[2J.json")

    assert_one_line_refusal(status, out, err)
    assert "\x1b" not in err
    assert "\\udcff\\x1b[2J" in err


# Two plan parameters: the command line and the app refuse them alike.


@pytest.fixture(scope="module")
def two_links() -> tuple[str, str]:
    first = encode(make_scenario([term("Base salary")], [offer("First")]))
    second = encode(make_scenario([term("Base salary")], [offer("Second")]))
    return first, second


def test_unlink_refuses_a_link_with_two_plan_parameters(two_links: tuple[str, str]) -> None:
    first, second = two_links
    with pytest.raises(ScenarioError) as refused:
        read_link(f"http://localhost:8501/?plan={first}&plan={second}")

    status, out, err = cli("unlink", f"http://localhost:8501/?plan={first}&plan={second}")

    assert_one_line_refusal(status, out, err)
    assert err == f"{refused.value}\n"
    assert str(refused.value) == (
        "link: has 2 plan= parts, and a planner link has one: ask for the link again"
    )
    assert read_link(f"plan={first}").offers[0].name == "First"
    with pytest.raises(ScenarioError, match="has 2 plan= parts"):
        read_link(f"plan={first}&plan={second}")


def test_the_app_refuses_a_link_with_two_plan_parameters_with_the_same_words(
    two_links: tuple[str, str],
) -> None:
    first, second = two_links
    at = start_app({"plan": [first, second]})  # type: ignore[dict-item]

    assert not at.exception
    shown = as_read(page_text(at))
    assert "has 2 plan= parts, and a planner link has one" in shown
    assert "Second" not in shown
    assert "First" not in shown


def test_the_app_refuses_a_link_carrying_a_surrogate_with_a_notice() -> None:
    bad = raw_link(json.dumps(scenario_data([term(SURROGATE)])))

    at = start_app({"plan": bad})

    assert not at.exception
    assert "terms[0].name: contains text that cannot be encoded" in as_read(page_text(at))


# Hypothesis: arbitrary Unicode, surrogates included, at every door.


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_any_text_in_a_file_gives_a_scenario_or_a_scenario_error(text: str) -> None:
    data = json.dumps(valid_scenario(text))

    for reader in (
        read_scenario,
        lambda t: read_scenario_bytes(t.encode("utf-8", "surrogatepass")),
    ):
        try:
            assert isinstance(reader(data), Scenario)
        except ScenarioError as error:
            bare_text(error)


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_any_text_as_raw_file_text_or_bytes_gives_a_scenario_or_an_error(text: str) -> None:
    for attempt in (
        lambda: read_scenario(text),
        lambda: read_scenario_bytes(text.encode("utf-8", "surrogatepass")),
        lambda: read_link(text),
        lambda: read_link(f"http://localhost:8501/?plan={text}"),
        lambda: read_link("1." + text),
    ):
        try:
            attempt()
        except ScenarioError as error:
            bare_text(error)


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_any_text_inside_a_link_gives_a_scenario_or_a_link_error(text: str) -> None:
    link = raw_link(json.dumps(valid_scenario(text)))

    try:
        scenario = read_link(link)
    except ScenarioError as error:
        bare_text(error)
    else:
        assert read_link(encode(scenario)) == scenario


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, st.sampled_from([*COMMANDS, ("unlink", "-")]))
def test_any_text_on_the_command_line_exits_0_or_2_with_one_line(
    text: str, args: tuple[str, ...]
) -> None:
    stdin = json.dumps(valid_scenario(text)).encode()
    if args[0] == "unlink":
        stdin = text.encode("utf-8", "surrogatepass")
    name = (text.strip() or "x")[:80]
    args = tuple(name if a == "Northwind" else a for a in args)

    status, out, err = cli(*args, stdin=stdin)

    assert status in (0, 2), err
    if status == 2:
        assert_one_line_refusal(status, out, err)
    else:
        assert err == ""
        assert out
        out.encode("utf-8")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text_in_a_link_opens_the_page_or_shows_a_notice_never_an_exception(
    text: str,
) -> None:
    link = raw_link(json.dumps(valid_scenario(text)))

    at = start_app({"plan": link})

    assert not at.exception
    shown = as_read(page_text(at))
    assert "Opened the plan from the link." in shown or "This link could not be opened" in shown
