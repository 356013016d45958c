"""After the interview and at the end: follow-up, a calendar reminder, and the decision.

The advice this product grew out of: follow up after the interview (a personal
email, or a handwritten note, with the interviewer's name spelled correctly; go
back to the contacts who helped); and once you accept, show up, because
accepting and then rescinding is the worst outcome for your reputation.

Nothing here writes a bottom line or any other figure of the scenario: the
drafts take names and dates only. Names are used exactly as given (surrounding
space aside), never re-capitalised: spell them as the person writes them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

import icalendar

from planner.coach import fails_words
from planner.lookup import check_negotiated
from planner.models import Frozen, OfferPlan
from planner.wording import join_words as _names

PRODID = "-//negotiation-planner//follow-up//EN"
YOUR_NAME = "[Your name]"


class Email(Frozen):
    """A drafted email: edit it, then copy it into your mail program."""

    subject: str
    body: str

    def text(self) -> str:
        return f"Subject: {self.subject}\n\n{self.body}\n"


class ChecklistItem(Frozen):
    text: str
    due: dt.date | None = None
    optional: bool = False


def _day(day: dt.date) -> str:
    """``Thursday 5 March 2026``."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def followup_checklist(
    *,
    interviewer: str = "",
    interview_date: dt.date | None = None,
    contacts: Sequence[str] = (),
) -> list[ChecklistItem]:
    """What to do after an interview, in order; dated where the interview's date is given."""
    name = interviewer.strip()
    due = interview_date + dt.timedelta(days=1) if interview_date else None
    by = f" (by {_day(due)})" if due else ""
    items = [ChecklistItem(text=f"Send a thank-you email within a day{by}.", due=due)]
    if not name:
        items.append(
            ChecklistItem(
                text="Find the interviewer's name as they write it (their email signature or "
                "profile) and spell it exactly so."
            )
        )
    elif any(c.isalpha() for c in name) and not any(c.isupper() for c in name):
        items.append(
            ChecklistItem(
                text=f'You typed "{name}" all in lower case: check how they write their name '
                "(their email signature) and spell it exactly so."
            )
        )
    else:
        items.append(
            ChecklistItem(
                text=f'Spell the interviewer\'s name exactly as they write it: "{name}" '
                "(check it against their email signature)."
            )
        )
    items.append(
        ChecklistItem(
            text="A short handwritten note as well, if you like: it stands out.", optional=True
        )
    )
    helpers = _names([c.strip() for c in contacts])
    items.append(
        ChecklistItem(
            text=f"Go back to the contacts who helped ({helpers}): thank them and tell them how "
            "it went."
            if helpers
            else "Go back to the contacts who helped (a referral, a former colleague): thank "
            "them and tell them how it went."
        )
    )
    return items


def thank_you_email(
    interviewer: str, company: str, role: str, *, topic: str = "", sender: str = ""
) -> Email:
    """A thank-you email to send within a day of the interview.

    ``topic`` is something you talked about, to make it personal. Blanks are left
    as bracketed placeholders to fill in.
    """
    name = interviewer.strip() or "[interviewer's name, spelled as they write it]"
    role_words = role.strip() or "[role]"
    company_words = company.strip() or "[company]"
    about = f", especially about {topic.strip()}" if topic.strip() else ""
    body = "\n".join(
        [
            f"Dear {name},",
            "",
            f"Thank you for taking the time to meet me about the {role_words} role at "
            f"{company_words}. I enjoyed our conversation{about}, and it made me more excited "
            "about the chance to join the team.",
            "",
            "If anything else would help you, I am happy to send it.",
            "",
            "Best regards,",
            sender.strip() or YOUR_NAME,
        ]
    )
    subject = f"Thank you: {role.strip()} interview" if role.strip() else "Thank you"
    return Email(subject=subject, body=body)


def reminder_ics(
    summary: str,
    when: dt.date | dt.datetime,
    description: str = "",
    *,
    stamp: dt.datetime | None = None,
) -> bytes:
    """A calendar file (.ics, RFC 5545) with one event and a reminder at its start.

    ``when`` is a date (an all-day event, reminding at 9:00 that day) or a
    datetime (a 30-minute event; a naive datetime is in the calendar's own time
    zone). Made with the ``icalendar`` library. ``stamp`` is when the file was
    made (now, in UTC, unless given); the event's UID is derived from its
    content, so the same reminder made twice is the same event.
    """
    summary = " ".join(summary.split())
    if not summary:
        raise ValueError("a reminder needs a summary: say what to do")
    if isinstance(when, dt.datetime):
        end: dt.date | dt.datetime = when + dt.timedelta(minutes=30)
        trigger = dt.timedelta(0)
    else:
        end = when + dt.timedelta(days=1)
        trigger = dt.timedelta(hours=9)
    key = f"{summary}\n{when.isoformat()}\n{description}"
    uid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"negotiation-planner:{key}"))
    event = icalendar.Event.new(
        summary=summary,
        start=when,
        end=end,
        description=description or None,
        stamp=stamp or dt.datetime.now(dt.UTC),
        uid=f"{uid}@negotiation-planner",
    )
    alarm = icalendar.Alarm.new(description=summary)
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", trigger)
    event.add_component(alarm)
    calendar = icalendar.Calendar.new(prodid=PRODID, uid=uid)
    calendar.add_component(event)
    if isinstance(when, dt.datetime) and when.tzinfo is not None:
        calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data


def thank_you_reminder(interview_date: dt.date, company: str = "", interviewer: str = "") -> bytes:
    """A reminder for the day after the interview: send the thank-you email."""
    at = f" at {company.strip()}" if company.strip() else ""
    to = f" to {interviewer.strip()}" if interviewer.strip() else ""
    return reminder_ics(
        f"Send the thank-you email{to}",
        interview_date + dt.timedelta(days=1),
        f"Within a day of the interview{at}. Spell their name exactly as they write it.",
    )


# --- the decision ---------------------------------------------------------------------

ACCEPT_MEANS = (
    "Accepting means you will show up: on the start date, for this role, and you stop your "
    "other applications. Rescinding an acceptance later is the worst outcome for your "
    "reputation: recruiters and hiring managers remember, and the field is smaller than it "
    "looks. Only accept what you mean to take."
)
ACCEPT_CONFIRM_LABEL = "I mean to take this offer, and I will show up"


def acceptance_confirmation_text(plan: OfferPlan | None = None) -> str:
    """What accepting means, to confirm before accepting; with what the plan still says.

    Given the offer's plan, it also says plainly when the offer (as the company's
    answers left it) fails your bottom line, still needs a must-win, or has a
    term you do not know yet: never a figure. Raises
    :class:`~planner.errors.ScenarioError` for your current job.
    """
    if plan is None:
        return ACCEPT_MEANS
    check_negotiated(plan)
    before = ""
    if plan.verdict == "walk_away":
        before = f"{fails_words(plan)} Taking it means going below your own bottom line. "
    else:
        must = [t.term for t in plan.terms if t.must_win]
        unknown = [t.term for t in plan.terms if t.status == "unknown"]
        if must:
            before = (
                f"{_names(must)} {'is' if len(must) == 1 else 'are'} still below your bottom "
                "line: accepting now means giving that up. "
            )
        elif unknown:
            before = f"You do not know {_names(unknown)} yet: find out before you accept. "
        elif plan.asks:
            before = (
                f"The plan still has asks worth making ({_names(plan.asks)}): accepting now "
                "means leaving them. "
            )
    return before + ACCEPT_MEANS


def acceptance_email(
    company: str,
    role: str,
    *,
    recruiter: str = "",
    start_date: dt.date | None = None,
    sender: str = "",
) -> Email:
    """A short acceptance, in writing, on the terms of the offer letter."""
    name = recruiter.strip() or "[recruiter's name]"
    role_words = role.strip() or "[role]"
    company_words = company.strip() or "[company]"
    start = f", starting on {_day(start_date)}" if start_date else ""
    body = "\n".join(
        [
            f"Dear {name},",
            "",
            "Thank you for the offer and for your help throughout the process. I am glad to "
            f"accept the {role_words} position at {company_words}{start}, on the terms set out "
            "in your offer letter.",
            "",
            "Please let me know what you need from me before my first day; I will sign the "
            "paperwork as soon as it is ready.",
            "",
            "I look forward to joining the team.",
            "",
            "Best regards,",
            sender.strip() or YOUR_NAME,
        ]
    )
    subject = f"Accepting your offer: {role.strip()}" if role.strip() else "Accepting your offer"
    return Email(subject=subject, body=body)


def decline_email(
    company: str, role: str, *, recruiter: str = "", sender: str = "", reason: str = ""
) -> Email:
    """A polite decline that keeps the door open; ``reason`` is optional, in your words."""
    name = recruiter.strip() or "[recruiter's name]"
    role_words = role.strip() or "[role]"
    company_words = company.strip() or "[company]"
    why = " ".join(reason.split())
    if why:
        why = " " + why[:1].upper() + why[1:] + ("" if why[-1] in ".!?" else ".")
    body = "\n".join(
        [
            f"Dear {name},",
            "",
            f"Thank you for the offer for the {role_words} role at {company_words}, and for the "
            "time you and the team gave me. After careful thought, I have decided not to "
            f"accept it.{why}",
            "",
            "It was not an easy decision: I was impressed by the team, and I hope our paths "
            "cross again.",
            "",
            "Best regards,",
            sender.strip() or YOUR_NAME,
        ]
    )
    subject = f"Your offer: {role.strip()}" if role.strip() else "Your offer"
    return Email(subject=subject, body=body)
