"""The Streamlit app through AppTest: each step a user takes, and what must not happen."""

from __future__ import annotations

import csv
import io
import json

from planner import Scenario, make_plan, read_scenario_bytes
from planner.catalog import sample_files
from planner.share import encode, read_link
from planner.wording import escape_page as escape
from tests.apptest import chart_data, downloads, open_tab, page_text, start_app
from tests.markdown_checks import unescaped

SALES = sample_files()["Account executive offers"]


def sales():  # type: ignore[no-untyped-def]
    return read_scenario_bytes(SALES.read_bytes())


def test_a_fresh_start_asks_what_to_do_and_shows_no_verdict() -> None:
    at = start_app(sample=None)

    assert not at.exception
    assert at.session_state["main_tab"] == "① Start"
    text = page_text(at)
    assert "What would you like to do?" in text
    for choice in ("Look around a sample", "Enter your own offers", "Open a file", "Open a link"):
        assert choice in text
    sidebar = "\n".join(m.value for m in at.sidebar.markdown)
    assert "nothing entered yet" in sidebar
    assert "Negotiate" not in sidebar
    assert "Walk away" not in sidebar
    assert not at.error


def test_opening_the_sample_shows_its_plan_without_errors() -> None:
    at = start_app()

    assert not at.exception
    assert at.session_state["main_tab"] == "④ Plan"
    text = page_text(at)
    assert "Brightline Software" in text
    assert ":blue-badge[💬 Negotiate]" in text
    assert ":red-badge[⛔ Walk away]" in text
    assert not at.error


def test_the_sample_plan_lists_the_asks_in_order_with_figures() -> None:
    at = open_tab(start_app(), "plan")

    text = page_text(at)

    assert "1. Commission \\(on\\-target\\): **70,000 USD a year**" in text
    assert "2. Base salary: **82,000 USD a year**" in text
    assert "Fails your bottom line on Health coverage" in text


def test_an_offer_edit_in_its_own_field_changes_the_status_at_once() -> None:
    at = open_tab(start_app(), "offers")
    ws = at.session_state["workspace"]

    at.selectbox(key=ws.cell_key("o0", "t3", "value", "choice")).select("Comprehensive").run()

    assert not at.exception
    scenario = at.session_state["scenario"]
    plan = make_plan(scenario)
    assert scenario.offers[0].values["Health coverage"] == "Comprehensive"
    assert plan.offers[0].term("Health coverage").status == "met"
    assert any(":blue-badge[💬 Negotiate] Worth negotiating" in m.value for m in at.markdown)
    assert scenario.offers[1].values["Health coverage"] == "Basic"  # the other offer untouched


def test_a_term_edit_that_makes_fixed_health_cover_a_deal_breaker_changes_the_verdict() -> None:
    at = open_tab(start_app(), "terms")
    ws = at.session_state["workspace"]

    at.selectbox(key=ws.term_key("t3", "bottom_line", "choice")).select("Comprehensive").run()
    open_tab(at, "plan")

    plan = make_plan(at.session_state["scenario"])
    assert plan.offers[0].verdict == "walk_away"
    assert ":red-badge[⛔ Walk away]" in page_text(at)


def test_text_in_a_number_field_is_reported_beside_it_and_kept() -> None:
    at = open_tab(start_app(), "offers")
    ws = at.session_state["workspace"]
    before = at.session_state["scenario"]
    key = ws.cell_key("o0", "t0", "value")

    at.text_input(key=key).input("sixty thousand").run()

    assert not at.exception
    errors = [e.value for e in at.error]
    said = escape('term "Base salary", value: "sixty thousand" is not a number')
    assert any(said in e for e in errors)
    assert at.text_input(key=key).value == "sixty thousand"
    assert at.session_state["scenario"] == before
    open_tab(at, "plan")
    assert any("The plan below is from before that edit" in w.value for w in at.warning)
    open_tab(at, "offers")
    assert at.text_input(key=key).value == "sixty thousand"


def test_two_terms_with_one_name_are_reported_and_the_plan_keeps_working() -> None:
    at = open_tab(start_app(), "terms")
    ws = at.session_state["workspace"]

    at.text_input(key=ws.term_key("t1", "name")).input("base salary").run()

    assert not at.exception
    assert any("already called" in e.value for e in at.error)
    open_tab(at, "plan")
    assert len(at.get("vega_lite_chart")) == plan_charts(sales())


def test_adding_a_term_shows_it_in_every_offer() -> None:
    at = open_tab(start_app(), "terms")

    at.button(key="add_term").click().run()
    ws = at.session_state["workspace"]
    new = ws.terms[-1].id
    at.text_input(key=ws.term_key(new, "name")).input("Learning budget").run()
    at.text_input(key=ws.term_key(new, "target")).input("1500").run()
    open_tab(at, "offers")
    at.text_input(key=ws.cell_key("o0", new, "value")).input("500").run()
    at.selectbox(key=ws.cell_key("o0", new, "stance")).select("negotiable").run()

    assert not at.exception
    plan = make_plan(at.session_state["scenario"])
    assert plan.offers[0].term("Learning budget").status == "push"
    assert plan.offers[1].term("Learning budget").status == "unknown"


def test_a_share_link_opens_the_same_plan_on_the_plan_tab() -> None:
    scenario = sales()

    at = start_app({"plan": encode(scenario)})

    assert not at.exception
    assert at.session_state["scenario"] == scenario
    assert at.session_state["main_tab"] == "④ Plan"
    assert any("Opened the plan from the link" in s.value for s in at.success)
    assert len(at.get("vega_lite_chart")) == plan_charts(sales())


def test_the_share_link_on_the_page_carries_the_edited_scenario() -> None:
    at = open_tab(start_app(), "offers")
    ws = at.session_state["workspace"]
    at.text_input(key=ws.cell_key("o0", "t0", "value")).input("81000").run()
    open_tab(at, "share")

    link = next(c.value for c in at.code if "plan=" in c.value)

    assert read_link(link).offers[0].values["Base salary"] == 81000
    assert read_link(link) == at.session_state["scenario"]


def test_a_broken_link_gives_a_message_and_a_working_page() -> None:
    at = start_app({"plan": "1.this-is-not-a-plan"})

    assert not at.exception
    assert any("This link could not be opened" in e.value for e in at.error)
    assert at.session_state["main_tab"] == "① Start"
    assert "What would you like to do?" in page_text(at)


def test_a_link_with_a_broken_rule_names_the_field() -> None:
    scenario = sales()
    salary = scenario.terms[0].model_copy(update={"target": 1.0})  # not validated: below the line
    broken = scenario.model_copy(update={"terms": [salary, *scenario.terms[1:]]})
    param = encode(broken)  # the app's own packing, as a link made elsewhere would carry it

    at = start_app({"plan": param})

    assert not at.exception
    assert any(
        "link: terms[0].target: must be at least as good" in unescaped(e.value) for e in at.error
    )


def test_the_csv_download_has_a_row_per_term_and_the_plan_statuses() -> None:
    with downloads() as files:
        at = open_tab(start_app(), "share")

    assert not at.exception
    data = files["account-executive-offers-comparison.csv"].decode("utf-8-sig")
    rows = [r for r in csv.DictReader(io.StringIO(data)) if r["Section"] == "term"]
    assert [r["Term"] for r in rows] == [t.name for t in sales().terms]
    assert rows[3]["Harbor Logistics: status"] == "deal_breaker"
    assert "account-executive-offers.json" in files
    assert read_scenario_bytes(files["account-executive-offers.json"]) == sales()


def test_the_charts_carry_every_offer_and_term() -> None:
    at = open_tab(start_app(), "plan")

    datasets = chart_data(at)

    positions = [r for d in datasets if d and "term" in d[0] for r in d if r["kind"] == "point"]
    money = [r for d in datasets if d and "amount" in d[0] for r in d if r["layer"] == "part"]
    assert len(positions) == sum(len(o.values) for o in sales().offers)  # known values only
    health = next(
        r for r in positions if (r["offer"], r["term"]) == ("Harbor Logistics", "Health coverage")
    )
    assert health["status"] == "deal breaker"
    assert health["position"] < 0
    assert {r["offer"] for r in money} == {"Brightline Software", "Harbor Logistics", "Current job"}


def test_two_sessions_side_by_side_do_not_see_each_others_edits() -> None:
    first = open_tab(start_app(), "offers")
    second = open_tab(start_app(), "offers")
    ws = first.session_state["workspace"]

    first.text_input(key=ws.cell_key("o0", "t0", "value")).input("99000").run()
    second.run()

    assert first.session_state["scenario"].offers[0].values["Base salary"] == 99000
    assert second.session_state["scenario"].offers[0].values["Base salary"] == 74000


def test_user_text_is_never_rendered_as_markdown_links() -> None:
    data = json.loads(SALES.read_text())
    data["offers"][0]["name"] = "[Click me](http://evil.example)"
    scenario = read_scenario_bytes(json.dumps(data).encode())

    at = start_app({"plan": encode(scenario)})

    text = page_text(at)
    assert "[Click me](http://evil.example)" not in text
    assert "\\[Click me\\]\\(http\u200d\\:" in text


def plan_charts(scenario: Scenario) -> int:
    """The plan page's charts: money by year per offer, the ranking, where each offer stands."""
    return len(scenario.offers) + 2
