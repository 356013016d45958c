"""Negotiation planner: the Streamlit shell. All the thinking is in planner/."""

import streamlit as st

from planner.draft import build_scenario
from ui import offers, plan, session, share, start, terms

st.set_page_config(page_title="Negotiation planner", page_icon="🤝", layout="wide")
session.init()

draft = session.current_draft()
scenario, problems = build_scenario(draft)
if scenario is not None:
    session.remember(scenario)

st.title("Negotiation planner")
st.caption(
    "Your terms, the company's stance, your bottom line: what to push, what to drop, "
    "what you must win. Private: nothing you type is stored on the server."
)
start.notice()

TABS = {
    "start": "① Start",
    "terms": "② Your terms",
    "offers": "③ Offers",
    "plan": "④ Plan",
    "share": "⑤ Share & export",
}
tabs = st.tabs(list(TABS.values()), default=TABS[st.session_state.start_tab or "start"])
with tabs[0]:
    start.render(draft, problems)
with tabs[1]:
    terms.render(draft, problems)
with tabs[2]:
    offers.render(draft, problems)
with tabs[3]:
    plan.render(session.last_scenario(), problems, draft)
with tabs[4]:
    share.render(session.last_scenario(), problems)
plan.sidebar(session.last_scenario(), problems)
