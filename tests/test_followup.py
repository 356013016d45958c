"""After the interview and at the end: the follow-up checklist, the reminder, the decision."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from planner import ScenarioError
from planner.catalog import SAMPLES
from planner.followup import (
    ACCEPT_MEANS,
    acceptance_confirmation_text,
    acceptance_email,
    decline_email,
    followup_checklist,
    reminder_ics,
    thank_you_email,
    thank_you_reminder,
)
from planner.rounds import record_round
from planner.scenario_file import read_scenario_bytes
from tests.builders import plan_of

ROOT = Path(__file__).resolve().parent.parent
SALES = read_scenario_bytes((SAMPLES / "sales-hire.json").read_bytes())
STAMP = dt.datetime(2026, 3, 4, 18, 0, tzinfo=dt.UTC)
SALES_LINES = ["70,000", "70000", "50,000", "50000", "Standard", "15 days", "Account Executive"]


def only_event(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = calendar.events
    return event


# --- the calendar reminder -------------------------------------------------------------------


def test_the_reminder_parses_back_with_its_summary_date_and_description() -> None:
    data = reminder_ics("Send the thank-you email", dt.date(2026, 3, 5), "To Ana", stamp=STAMP)

    event = only_event(data)

    assert event.get("summary") == "Send the thank-you email"
    assert event.start == dt.date(2026, 3, 5)
    assert event.end == dt.date(2026, 3, 6)
    assert event.get("description") == "To Ana"
    assert event.stamp == STAMP
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"VERSION:2.0" in data


def test_the_reminder_alarms_at_9_on_an_all_day_date_and_at_the_start_of_a_timed_one() -> None:
    all_day = only_event(reminder_ics("Call", dt.date(2026, 3, 5), stamp=STAMP))
    timed = only_event(reminder_ics("Call", dt.datetime(2026, 3, 5, 14, 30), stamp=STAMP))

    assert [a.TRIGGER for a in all_day.walk("VALARM")] == [dt.timedelta(hours=9)]
    assert [a.TRIGGER for a in timed.walk("VALARM")] == [dt.timedelta(0)]
    assert timed.start == dt.datetime(2026, 3, 5, 14, 30)
    assert timed.end == dt.datetime(2026, 3, 5, 15, 0)


def test_a_reminder_in_a_time_zone_carries_that_zone() -> None:
    when = dt.datetime(2026, 3, 5, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))

    data = reminder_ics("Call the recruiter", when, stamp=STAMP)

    assert only_event(data).start == when
    assert b"BEGIN:VTIMEZONE" in data


def test_the_same_reminder_made_twice_is_the_same_event() -> None:
    first = reminder_ics("Call", dt.date(2026, 3, 5), stamp=STAMP)
    second = reminder_ics("Call", dt.date(2026, 3, 5), stamp=STAMP)
    other = reminder_ics("Call", dt.date(2026, 3, 6), stamp=STAMP)

    assert first == second
    assert only_event(first).uid != only_event(other).uid


def test_a_reminder_without_a_summary_is_refused_in_plain_words() -> None:
    with pytest.raises(ValueError, match="a reminder needs a summary"):
        reminder_ics("  ", dt.date(2026, 3, 5))


def test_the_thank_you_reminder_is_for_the_day_after_the_interview() -> None:
    event = only_event(thank_you_reminder(dt.date(2026, 3, 4), "Northwind", "Ana López"))

    assert event.start == dt.date(2026, 3, 5)
    assert event.get("summary") == "Send the thank-you email to Ana López"


# --- the follow-up checklist and the thank-you email -------------------------------------------


def test_the_checklist_dates_the_thank_you_email_within_a_day_of_the_interview() -> None:
    items = followup_checklist(interviewer="Ana López", interview_date=dt.date(2026, 3, 4))

    assert items[0].due == dt.date(2026, 3, 5)
    assert items[0].text == "Send a thank-you email within a day (by Thursday 5 March 2026)."


def test_the_checklist_asks_for_the_name_as_they_write_it_a_note_and_the_contacts() -> None:
    items = followup_checklist(interviewer="Ana López", contacts=["Sam Park", " Kim Lee "])

    texts = [item.text for item in items]
    assert texts[1] == (
        'Spell the interviewer\'s name exactly as they write it: "Ana López" '
        "(check it against their email signature)."
    )
    assert items[2].optional
    assert "handwritten note" in texts[2]
    assert "(Sam Park and Kim Lee)" in texts[3]


def test_a_name_typed_all_in_lower_case_is_flagged_for_checking() -> None:
    items = followup_checklist(interviewer="ana lópez")

    assert items[1].text.startswith('You typed "ana lópez" all in lower case')


@pytest.mark.parametrize("name", ["Siobhán Ní Bhriain", "DeShawn McAllister-Nuñez", "bell hooks"])
def test_the_thank_you_email_spells_the_name_exactly_as_given(name: str) -> None:
    email = thank_you_email(f"  {name} ", "Northwind", "Data analyst", topic="the forecasts")

    assert email.body.startswith(f"Dear {name},\n")
    assert "the Data analyst role at Northwind" in email.body
    assert "especially about the forecasts" in email.body
    assert email.subject == "Thank you: Data analyst interview"


def test_blanks_in_a_draft_are_left_as_placeholders_to_fill_in() -> None:
    email = thank_you_email("", "", "")

    assert email.body.startswith("Dear [interviewer's name, spelled as they write it],")
    assert "[role]" in email.body
    assert email.body.endswith("[Your name]")


# --- the decision ------------------------------------------------------------------------------


def test_accepting_asks_for_a_confirmation_of_what_accepting_means() -> None:
    text = acceptance_confirmation_text()

    assert text == ACCEPT_MEANS
    assert "you will show up" in text
    assert "Rescinding" in text
    assert "reputation" in text


def test_the_confirmation_says_plainly_when_the_offer_fails_the_bottom_line() -> None:
    text = acceptance_confirmation_text(plan_of(SALES, "Harbor Logistics"))

    assert text.startswith("Harbor Logistics fails your bottom line on Health coverage")
    assert "going below your own bottom line" in text
    assert text.endswith(ACCEPT_MEANS)
    assert not any(figure in text for figure in SALES_LINES)


def test_the_confirmation_names_a_must_win_still_below_the_line() -> None:
    answered = record_round(SALES, "Brightline Software", "Base salary", value=65000)

    text = acceptance_confirmation_text(plan_of(answered, "Brightline Software"))

    assert text.startswith("Base salary is still below your bottom line")
    assert "65,000" not in text
    assert "70,000" not in text


def test_the_confirmation_mentions_asks_still_worth_making() -> None:
    text = acceptance_confirmation_text(plan_of(SALES, "Brightline Software"))

    assert text.startswith("The plan still has asks worth making (Commission (on-target), ")


def test_the_current_job_cannot_be_accepted_as_an_offer() -> None:
    with pytest.raises(ScenarioError, match="is your current job"):
        acceptance_confirmation_text(plan_of(SALES, "Current job"))


def test_the_acceptance_draft_accepts_in_writing_on_the_letters_terms() -> None:
    email = acceptance_email(
        "Northwind", "Data analyst", recruiter="Jo Baker", start_date=dt.date(2026, 5, 4)
    )

    assert email.body.startswith("Dear Jo Baker,")
    assert "glad to accept the Data analyst position at Northwind" in email.body
    assert "starting on Monday 4 May 2026" in email.body
    assert "terms set out in your offer letter" in email.body
    assert email.text().startswith("Subject: Accepting your offer: Data analyst\n\n")


def test_the_decline_draft_is_polite_and_keeps_the_door_open() -> None:
    email = decline_email("Northwind", "Data analyst", reason="i have accepted another offer")

    assert "decided not to accept it. I have accepted another offer." in email.body
    assert "hope our paths cross again" in email.body
    assert "Thank you for the offer" in email.body


def test_no_draft_contains_a_figure() -> None:
    drafts = [
        thank_you_email("Ana", "Northwind", "Analyst"),
        acceptance_email("Northwind", "Analyst"),
        decline_email("Northwind", "Analyst"),
    ]

    for email in drafts:
        assert not any(ch.isdigit() for ch in email.text())
