"""⑥ Coach: say it (script, packages, call sheet), keep track (rounds), follow up, decide."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from planner import ScenarioError
from planner.catalog import load_catalog
from planner.coach import CallSheet, Script, call_sheet_markdown
from planner.draft import Draft, Problem
from planner.followup import (
    ACCEPT_CONFIRM_LABEL,
    acceptance_confirmation_text,
    acceptance_email,
    decline_email,
    followup_checklist,
    thank_you_email,
    thank_you_reminder,
)
from planner.models import STANCES
from planner.packages import Package
from planner.rounds import round_lines, stop_advice
from planner.wording import STANCE_CHOICES, escape_page
from ui import persist, session
from ui.views import Views

NO_CHANGE = "no change"


def _editable(label: str, text: str, key: str, height: int = 260) -> None:
    """An editable draft; the user's edits are kept until they ask for the plan's new one."""
    persist.draft_area(label, text, key, height)


def _script(script: Script, offer: str) -> None:
    st.markdown("#### Counter-offer")
    if script.warning:
        st.error(escape_page(script.warning), icon="⛔")
    if not script.drafted:
        st.info(escape_page(script.notice or "Nothing to ask for: this offer meets your targets."))
        return
    _editable(
        "Email (edit it, then copy it into your mail)",
        f"Subject: {script.subject}\n\n{script.email}",
        f"email_{offer}",
    )
    st.markdown(
        "**Talking points for a call**\n\n"
        + "\n".join(f"- {escape_page(p)}" for p in script.talking_points)
    )
    st.caption(
        f"{escape_page(script.rule.rule)} ({escape_page(script.rule.source)}; a rule of thumb)."
    )


def _packages(found: tuple[Package, ...]) -> None:
    st.markdown("#### Packages of equal value to you")
    if not found:
        st.caption(
            "No set of two or three packages of about equal value: too few terms the company "
            "can move. Put your asks on the table as the script does."
        )
        return
    rows = [
        {
            "Package": p.name,
            "Leans on": p.idea,
            "Asks for": p.summary,
            "Value to you (points)": round(p.value_to_you, 1),
        }
        for p in found
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    meso = load_catalog().rule("meso")
    st.caption(
        f"Offer them together and let the company choose: {escape_page(meso.rule)} "
        f"({escape_page(meso.source)}; a rule of thumb). Value to you is priority x the share of "
        "the gap to your ask each package closes; the packages are within 15% of each other."
    )


def _call_sheet(sheet: CallSheet) -> None:
    st.caption("Practise before the call: each likely answer, and what the plan says to do.")
    if not sheet.items:
        st.caption("No asks, so nothing to rehearse for this offer.")
        return
    st.markdown(call_sheet_markdown(sheet, escape_page))


def _rounds(views: Views, draft: Draft, offer_id: str, offer: str) -> None:
    st.markdown("#### What the company answered")
    lines = round_lines(views.scenario, offer)
    if lines:
        st.markdown("\n".join(f"- {escape_page(line)}" for line in lines))
    advice = stop_advice(views.scenario, views.plan.offer(offer))
    if advice:
        st.warning(escape_page(advice), icon="🛑")
    named = [row for row in draft.terms if row.name.strip()]
    with st.form(key=f"round_{offer_id}", clear_on_submit=True, border=True):
        term, value, stance = st.columns(3)
        term.selectbox(
            "Term",
            [r.id for r in named],
            key="round_term",
            format_func=lambda i: next(r.name for r in named if r.id == i),
        )
        value.text_input(
            "Their new figure or option",
            key="round_value",
            placeholder="leave empty if only the stance changed",
        )
        stance.selectbox(
            "What they said of it",
            [NO_CHANGE, *STANCES],
            key="round_stance",
            format_func=lambda s: STANCE_CHOICES.get(s, s),
        )
        note, when = st.columns([3, 1])
        note.text_input("Your note (what they said, who said it)", key="round_note", max_chars=500)
        when.date_input("Date", value=None, key="round_date")
        st.form_submit_button("Record the answer", on_click=session.record_answer, args=(offer_id,))
    message = st.session_state.get("round_error")
    if message:
        st.error(escape_page(message), icon="⚠️")
    if lines:
        st.button(
            "Take back the last answer",
            key=f"undo_round_{offer_id}",
            on_click=session.undo_answer,
            args=(offer_id,),
        )


def _follow_up(offer: str) -> None:
    st.markdown("#### Follow up after the interview")
    who, role, day = st.columns(3)
    interviewer = who.text_input(
        "Interviewer's name, spelled as they write it", key="fu_interviewer"
    )
    job = role.text_input("Role", key="fu_role")
    when = day.date_input("Interview date", value=None, key="fu_date")
    contacts = st.text_input("Contacts who helped (comma-separated)", key="fu_contacts")
    names = [c.strip() for c in contacts.split(",") if c.strip()]
    for n, item in enumerate(
        followup_checklist(interviewer=interviewer, interview_date=when, contacts=names)
    ):
        suffix = " (optional)" if item.optional else ""
        st.checkbox(escape_page(item.text) + suffix, key=f"fu_check_{n}")
    email = thank_you_email(interviewer, offer, job)
    _editable("Thank-you email", email.text(), f"thanks_{offer}", height=220)
    if when is not None:
        st.download_button(
            "Reminder for your calendar (.ics)",
            data=thank_you_reminder(when, offer, interviewer),
            file_name="thank-you-reminder.ics",
            mime="text/calendar",
            key="fu_ics",
            on_click="ignore",
        )


def _decision(views: Views, offer: str) -> None:
    st.markdown("#### The decision")
    st.markdown(escape_page(acceptance_confirmation_text(views.plan.offer(offer))))
    sure = st.checkbox(ACCEPT_CONFIRM_LABEL, key=f"accept_sure_{offer}")
    role = st.session_state.get("fu_role", "")
    if sure:
        _editable(
            "Acceptance email", acceptance_email(offer, role).text(), f"accept_{offer}", height=200
        )
    else:
        st.caption("Tick the box above to draft the acceptance: only accept what you mean to take.")
    with st.expander("Decline politely instead"):
        _editable(
            "Decline email", decline_email(offer, role).text(), f"decline_{offer}", height=200
        )


def render(views: Views | None, draft: Draft, problems: list[Problem]) -> None:
    st.subheader("Coach")
    if views is None:
        st.info("Fill in at least one term and one offer first.")
        return
    negotiated = [o for o in views.scenario.offers if not o.current]
    if not negotiated:
        st.info("Every offer is marked as your current job: add the offer you are negotiating.")
        return
    names = [o.name for o in negotiated]
    offer = st.selectbox("Offer", names, key="coach_offer")
    if offer not in names:
        offer = names[0]
    offer_id = next((o.id for o in draft.offers if o.name.strip() == offer), None)
    anyway = False
    if views.plan.offer(offer).verdict == "walk_away":
        anyway = st.checkbox(
            "This offer fails your bottom line: draft a counter anyway, for the terms the "
            "company can move",
            key=f"coach_anyway_{offer}",
        )
    try:
        coaching = session.coaching(views, offer, anyway)
    except ScenarioError as error:
        st.error(escape_page(str(error)), icon="⚠️")
    else:
        _script(coaching.script, offer)
        _packages(coaching.packages)
        _call_sheet(coaching.call_sheet)
    if offer_id is not None and not problems:
        _rounds(views, draft, offer_id, offer)
    _follow_up(offer)
    _decision(views, offer)
    today = dt.date.today()
    st.caption(
        f"Drafts are yours to edit; nothing here is sent anywhere. Today is {today:%A %d %B}."
    )
