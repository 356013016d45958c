"""Negotiation planner: the Streamlit shell. All the thinking is in planner/."""

import streamlit as st

from ui import coach, offers, persist, plan, session, share, start, terms

st.set_page_config(page_title="Negotiation planner", page_icon="🤝", layout="wide")
session.init()

draft = session.current_draft()
scenario, problems = session.read_draft(draft)
if scenario is not None:
    session.remember(scenario)
views = session.views()  # of the last valid scenario: what the plan shows

st.title("Negotiation planner")
st.caption(
    "Your terms, the company's stance, your bottom line: what to push, what to drop, "
    "what you must win. Private: nothing you type is stored on the server."
)
start.notice()
persist.render(views)  # kept in the browser: reload, Back and reopen bring the work back

# The tabs are keyed and stateful: the open tab stays open through every rerun (a
# rename, a button, a notice above), and a callback can open another one. Only the
# open tab is drawn: every input has written what was typed into the draft already,
# so a hidden one loses nothing, and an edit costs the tab it is made in, not six.
tab_start, tab_terms, tab_offers, tab_plan, tab_share, tab_coach = st.tabs(
    list(session.TABS.values()), key=session.MAIN_TAB, on_change="rerun"
)
if tab_start.open is not False:
    with tab_start:
        start.render(draft, problems)
if tab_terms.open is not False:
    with tab_terms:
        terms.render(draft, problems)
if tab_offers.open is not False:
    with tab_offers:
        offers.render(draft, problems, views.plan if views else None)
if tab_plan.open is not False:
    with tab_plan:
        plan.render(views, problems, draft)
if tab_share.open is not False:
    with tab_share:
        share.render(views, problems)
if tab_coach.open is not False:
    with tab_coach:
        coach.render(views, draft, problems)
offers.sidebar(draft, views.plan if views else None, problems)
persist.keep(views)  # last: the browser's part of keeping the work
