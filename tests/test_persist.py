"""The Python side of keeping the work in the browser, of the mentor's diff and of kept drafts.

AppTest runs no JavaScript, so these tests play the browser's part: what the
component is told to do is read from its data, and what the browser reports
is handed to :func:`ui.persist.arrival` before the app runs, as the component's
callback does.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from devtools.scenarios import largest_scenario
from planner import Scenario, read_scenario_bytes
from planner.catalog import sample_files
from planner.scenario_file import parse_scenario, scenario_to_dict
from planner.share import LinkError, decode, encode, read_link
from tests.apptest import APP, open_tab, page_text

SALES = read_scenario_bytes(sample_files()["Account executive offers"].read_bytes())
ENGINEER = read_scenario_bytes(sample_files()["Two engineering offers"].read_bytes())

HARNESS = f"""
import runpy
import streamlit as st
from ui import persist

report = st.session_state.pop("test_browser_report", None)
if report is not None:
    persist.arrival(report)
runpy.run_path({APP!r}, run_name="__main__")
"""


def start(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_string(HARNESS, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def told(at: AppTest) -> dict[str, Any]:
    """What the page told the browser's component to do on the last run."""
    (component,) = at.get("bidi_component")
    data: dict[str, Any] = json.loads(component.proto.json)
    return data


def aside_told(at: AppTest) -> Scenario:
    """The copy kept aside that the page told the browser to store."""
    return decode(json.loads(told(at)["aside"])["param"])


def browser_reports(at: AppTest, **report: Any) -> AppTest:
    at.session_state["test_browser_report"] = {
        "link": None,
        "tab": None,
        "saved": None,
        "aside": None,
        "drafts": None,
        **report,
    }
    at.run()
    assert not at.exception
    return at


def shown(at: AppTest) -> Scenario:
    scenario: Scenario = at.session_state["scenario"]
    return scenario


def salary_raised(scenario: Scenario, offer: str, to: float) -> Scenario:
    data = scenario_to_dict(scenario)
    for item in data["offers"]:
        if item["name"] == offer:
            item["values"]["Base salary"] = to
    return parse_scenario(data)


MINE = salary_raised(SALES, "Brightline Software", 76500)


def test_nothing_is_stored_before_the_browser_said_what_it_keeps() -> None:
    at = start()
    assert told(at) == {"mode": "load"}


def test_the_work_the_browser_kept_comes_back_and_is_stored_after_each_change() -> None:
    at = browser_reports(start(), saved=encode(MINE))

    assert shown(at) == MINE
    assert "Your work is back" in page_text(at)
    assert told(at)["mode"] == "save"
    assert decode(told(at)["work"]) == MINE

    open_tab(at, "offers")
    ws = at.session_state["workspace"]
    at.text_input(key=ws.cell_key("o0", "t0", "value")).input("81234").run()
    assert decode(told(at)["work"]).offer("Brightline Software").values["Base salary"] == 81234


def test_this_tabs_own_work_wins_over_the_last_work_on_the_device() -> None:
    at = browser_reports(start(), tab=encode(MINE), saved=encode(ENGINEER))
    assert shown(at) == MINE


def test_a_second_report_in_the_same_session_changes_nothing() -> None:
    at = browser_reports(start(), saved=encode(MINE))
    at = browser_reports(at, saved=encode(ENGINEER))
    assert shown(at) == MINE


def test_unreadable_stored_work_says_so_and_the_page_works() -> None:
    at = browser_reports(start(), saved="1.not-a-plan")
    assert "could not be read back" in page_text(at)
    assert [o.name for o in shown(at).offers] == ["Offer 1"]  # the blank start


def test_a_link_wins_over_saved_work_which_is_kept_aside_to_bring_back() -> None:
    at = start({"plan": encode(ENGINEER)})
    at = browser_reports(at, saved=encode(MINE))

    assert shown(at) == ENGINEER
    assert "plan" not in at.query_params
    assert "You opened a link" in page_text(at)
    assert "Kept aside: your own work from this device" in page_text(at)
    assert aside_told(at) == MINE

    next(b for b in at.button if b.label == "Bring it back").click().run()
    assert shown(at) == MINE
    assert aside_told(at) == ENGINEER
    assert "Kept aside: the version from the link, as you left it" in page_text(at)


def test_a_link_in_the_fragment_opens_like_a_query_link() -> None:
    at = browser_reports(start(), link=f"plan={encode(ENGINEER)}")
    assert shown(at) == ENGINEER


def test_taking_a_ticked_change_from_the_link_into_your_own_work() -> None:
    mentor = salary_raised(MINE, "Harbor Logistics", 83000)
    data = scenario_to_dict(mentor)
    data["terms"][0]["target"] = 99000
    mentor = parse_scenario(data)
    at = browser_reports(start({"plan": encode(mentor)}), saved=encode(MINE))

    boxes = [c for c in at.checkbox if "Harbor Logistics, Base salary" in said(c.label)]
    assert [said(c.label) for c in boxes] == [
        "Harbor Logistics, Base salary: value 80,000 → 83,000"
    ]
    assert any("your target 82,000 → 99,000" in said(c.label) for c in at.checkbox)
    boxes[0].check().run()
    next(b for b in at.button if b.label == "Take selected").click().run()

    taken = shown(at)
    assert taken.offer("Harbor Logistics").values["Base salary"] == 83000
    assert taken.term("Base salary").target == MINE.term("Base salary").target
    assert aside_told(at) == mentor


def test_forget_clears_the_browser_and_stops_storing() -> None:
    at = browser_reports(start(), saved=encode(MINE))
    next(b for b in at.button if b.label == "Forget this on this device").click().run()

    assert told(at) == {"mode": "off"}
    assert "Forgotten on this device" in page_text(at)
    open_tab(at, "offers")
    ws = at.session_state["workspace"]
    at.text_input(key=ws.cell_key("o0", "t0", "value")).input("81234").run()
    assert told(at) == {"mode": "off"}
    next(b for b in at.button if b.label == "Keep my work on this device").click().run()
    assert told(at)["mode"] == "save"


def test_the_share_tab_compares_a_pasted_link_with_your_work() -> None:
    at = browser_reports(start(), saved=encode(MINE))
    open_tab(at, "share")
    at.text_input(key="mentor_link").input(
        "http://localhost:8501/?plan=" + encode(salary_raised(MINE, "Brightline Software", 79000))
    ).run()

    assert "1 difference" in page_text(at)
    box = next(c for c in at.checkbox if "Brightline Software, Base salary" in said(c.label))
    assert said(box.label) == "Brightline Software, Base salary: value 76,500 → 79,000"
    next(b for b in at.button if b.label == "Take all 1").click().run()
    assert shown(at).offer("Brightline Software").values["Base salary"] == 79000
    assert aside_told(at) == MINE


def test_the_share_link_keeps_the_plan_after_the_hash() -> None:
    at = browser_reports(start(), saved=encode(MINE))
    open_tab(at, "share")
    link = next(c.value for c in at.code if "plan=" in c.value)
    assert "#plan=" in link
    assert "?" not in link


def said(label: str) -> str:
    """A checkbox label as it reads on the page (its Markdown escapes removed)."""
    return label.replace("\\", "")


def email(at: AppTest) -> Any:
    return next(t for t in at.text_area if t.label.startswith("Email"))


def test_an_edited_email_is_kept_when_the_plan_changes_until_the_user_asks_for_the_new_one() -> (
    None
):
    at = browser_reports(start(), saved=encode(MINE))
    open_tab(at, "coach")
    first = email(at).value
    email(at).input(first + "\nP.S. Looking forward to it.").run()

    open_tab(at, "terms")
    ws = at.session_state["workspace"]
    at.text_input(key=ws.term_key("t0", "target")).input("84000").run()
    open_tab(at, "coach")

    assert email(at).value.endswith("P.S. Looking forward to it.")
    assert "The plan changed since you edited this draft" in page_text(at)
    stored = json.loads(told(at)["drafts"])
    assert any(d["text"].endswith("Looking forward to it.") for d in stored.values())

    replace = next(b for b in at.button if b.label.startswith("Replace my text"))
    replace.click().run()
    assert "P.S." not in email(at).value
    assert email(at).value != first
    assert "The plan changed since you edited" not in page_text(at)


def test_an_untouched_email_follows_the_plan() -> None:
    at = browser_reports(start(), saved=encode(MINE))
    open_tab(at, "coach")
    first = email(at).value
    open_tab(at, "terms")
    ws = at.session_state["workspace"]
    at.text_input(key=ws.term_key("t0", "target")).input("84000").run()
    open_tab(at, "coach")
    assert email(at).value != first
    assert "The plan changed since you edited" not in page_text(at)


def test_edited_drafts_come_back_with_the_work() -> None:
    at = browser_reports(start(), saved=encode(MINE))
    open_tab(at, "coach")
    email(at).input(email(at).value + "\nKept through a reload.").run()
    drafts = told(at)["drafts"]

    again = open_tab(browser_reports(start(), saved=encode(MINE), drafts=drafts), "coach")
    assert email(again).value.endswith("Kept through a reload.")


def test_the_share_tab_compares_two_links_with_each_other() -> None:
    at = browser_reports(start(), saved=encode(MINE))
    open_tab(at, "share")
    at.radio(key="mentor_base").set_value("another link or file").run()
    at.text_input(key="mentor_b_link").input("http://localhost:8501/#plan=" + encode(ENGINEER))
    at.text_input(key="mentor_link").input(
        "http://localhost:8501/?plan=" + encode(salary_raised(ENGINEER, "Acme Cloud", 99000))
    ).run()

    assert "1 difference" in page_text(at)
    assert any(said(c.label).startswith("Acme Cloud, Base salary: value") for c in at.checkbox)
    next(b for b in at.button if b.label == "Take all 1").click().run()
    assert shown(at).offer("Acme Cloud").values["Base salary"] == 99000
    assert aside_told(at) == MINE


def test_a_pasted_link_that_is_not_a_plan_gets_one_line() -> None:
    at = browser_reports(start(), saved=encode(MINE))
    open_tab(at, "share")
    at.text_input(key="mentor_link").input("http://localhost:8501/?plan=1.broken").run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "This link could not be read: link: is damaged: its data cannot be unpacked"
    ]


def test_a_broken_link_in_the_fragment_says_so_and_shows_your_own_work() -> None:
    at = browser_reports(start(), link="plan=1.broken", saved=encode(MINE))
    assert shown(at) == MINE
    assert [e.value for e in at.error] == [
        "This link could not be opened: link: is damaged: its data cannot be unpacked. "
        "Ask for the link again, or for the scenario file. Your own work is shown."
    ]


def test_the_copy_kept_aside_comes_back_with_what_it_is() -> None:
    at = browser_reports(start({"plan": encode(ENGINEER)}), saved=encode(MINE))
    next(b for b in at.button if b.label == "Bring it back").click().run()
    stored_aside = told(at)["aside"]

    again = browser_reports(start(), tab=encode(MINE), aside=stored_aside)
    assert shown(again) == MINE
    assert "Kept aside: the version from the link, as you left it" in page_text(again)
    assert aside_told(again) == ENGINEER


def test_a_link_with_the_plan_after_the_hash_reads_like_a_query_link() -> None:
    param = encode(SALES)
    assert read_link(f"https://planner.example.org/#plan={param}") == SALES
    assert read_link(f"https://planner.example.org/?plan={param}") == SALES


def test_work_too_large_for_a_link_still_comes_back_from_the_browser() -> None:
    big = parse_scenario(largest_scenario())
    param = encode(big)
    assert len(param) > 16_000
    with pytest.raises(LinkError, match="too long to be a planner link"):
        decode(param)
    at = browser_reports(start(), saved=param)
    assert shown(at) == big
