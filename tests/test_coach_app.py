"""The Coach tab through AppTest: say it, keep track, follow up, decide."""

from __future__ import annotations

import datetime as dt

import icalendar

from planner import make_plan
from tests.apptest import downloads, open_tab, start_app


def coach(offer: str | None = None):  # type: ignore[no-untyped-def]
    at = open_tab(start_app(), "coach")
    if offer:
        at.selectbox(key="coach_offer").select(offer).run()
    return at


def email_of(at) -> str:  # type: ignore[no-untyped-def]
    return next(t.value for t in at.text_area if t.label.startswith("Email"))


def test_the_script_asks_for_the_plans_asks_with_figures_and_no_bottom_line() -> None:
    at = coach()

    email = email_of(at)

    assert not at.exception
    assert "70,000 USD a year" in email  # commission target, the first ask
    assert "82,000 USD a year" in email
    assert "10,000 USD once" in email
    for bottom_line in ("50,000", "70,000 USD a year or", "Standard"):
        assert bottom_line not in email.replace("70,000 USD a year", "")
    assert "Health coverage" not in email  # fixed by the company: never asked for


def test_an_offer_that_fails_the_bottom_line_is_called_out_with_no_counter() -> None:
    at = coach("Harbor Logistics")

    assert any("Health coverage" in e.value for e in at.error)
    assert not [t for t in at.text_area if t.label.startswith("Email")]

    at.checkbox(key="coach_anyway_Harbor Logistics").check().run()

    assert "Commission" in email_of(at)


def test_packages_and_the_call_sheet_are_shown_for_the_offer() -> None:
    at = coach()

    text = "\n".join(m.value for m in at.markdown)

    assert "Call sheet" in text
    assert "→" in text  # each likely answer, then the response the plan implies
    packages = next(d.value for d in at.dataframe if "Package" in d.value.columns)
    assert 2 <= len(packages) <= 3


def test_recording_that_a_term_is_fixed_updates_the_plan_and_says_when_to_stop() -> None:
    at = coach()
    ws = at.session_state["workspace"]
    commission = ws.terms[1].id

    at.selectbox(key="round_term").select(commission)
    at.text_input(key="round_value").input("45000")
    at.selectbox(key="round_stance").select("fixed")
    next(b for b in at.button if b.label == "Record the answer").click().run()

    assert not at.exception
    scenario = at.session_state["scenario"]
    assert scenario.offers[0].rounds[0].term == "Commission (on-target)"
    assert make_plan(scenario).offers[0].verdict == "walk_away"
    assert any("stop" in w.value.lower() or "walk" in w.value.lower() for w in at.warning)


def test_a_round_that_cannot_be_read_is_refused_beside_the_form() -> None:
    at = coach()
    ws = at.session_state["workspace"]

    at.selectbox(key="round_term").select(ws.terms[0].id)
    at.text_input(key="round_value").input("lots")
    next(b for b in at.button if b.label == "Record the answer").click().run()

    assert any("Not recorded" in e.value and "not a number" in e.value for e in at.error)
    assert at.session_state["scenario"].offers[0].rounds == []


def test_follow_up_gives_a_thank_you_email_and_a_calendar_reminder() -> None:
    with downloads() as files:
        at = coach()
        at.text_input(key="fu_interviewer").input("Dr. Ngozi Okonjo-Iweala")
        at.date_input(key="fu_date").set_value(dt.date(2026, 12, 3)).run()

    thanks = next(t.value for t in at.text_area if t.label.startswith("Thank-you"))
    assert "Ngozi Okonjo-Iweala" in thanks
    (event,) = icalendar.Calendar.from_ical(files["thank-you-reminder.ics"]).events
    assert event.start == dt.date(2026, 12, 4)  # the day after the interview, not the day itself
    assert "Ngozi Okonjo-Iweala" in str(event.get("summary"))


def test_accepting_needs_a_confirmation_first() -> None:
    at = coach()

    assert not [t for t in at.text_area if t.label.startswith("Acceptance")]
    at.checkbox(key="accept_sure_Brightline Software").check().run()

    assert [t for t in at.text_area if t.label.startswith("Acceptance")]
    said = [m.value for m in at.markdown] + [c.label for c in at.checkbox]
    assert any("show up" in text for text in said)
