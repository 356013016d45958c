"""The floor page: the same kinds and numbers of elements as the app, and no planning.

Everything it shows is computed once per process from the sales sample; each
rerun only draws. The benchmark compares the app with this page served the
same way, so that the ratio is the planner's own cost, not Streamlit's.
"""

import json

import pandas as pd
import streamlit as st

from planner import make_plan, read_scenario_bytes, write_scenario
from planner.brief import brief
from planner.catalog import load_catalog, sample_files
from planner.charts import (
    money_data,
    money_frame,
    money_spec,
    position_data,
    position_frame,
    position_spec,
)
from planner.coach import call_sheet_markdown
from planner.compare import comparison_table, offer_plan_table
from planner.draft import draft_from_scenario
from planner.export import csv_bytes
from planner.share import make_link
from ui.views import coaching_of

TERM_COLUMNS = ("name", "type", "per", "unit", "better", "options", "bottom_line", "target")
OFFER_COLUMNS = ("term", "value", "stance", "note", "advice")


@st.cache_resource
def payload() -> dict:  # type: ignore[type-arg]
    """Everything the page shows, computed once (read-only afterwards)."""
    scenario = read_scenario_bytes(sample_files()["Account executive offers"].read_bytes())
    plan = make_plan(scenario)
    draft = draft_from_scenario(scenario)
    catalog = load_catalog()
    terms = [{c: getattr(row, c) for c in TERM_COLUMNS} for row in draft.terms]
    offers = [
        (
            o.name,
            pd.DataFrame(
                [
                    {
                        "term": row.name,
                        "value": o.cell(row.id).value,
                        "stance": o.cell(row.id).stance,
                        "note": o.cell(row.id).note,
                        "advice": " ".join(rule for rule, _ in catalog.advice(row.name)),
                    }
                    for row in draft.terms
                ],
                columns=list(OFFER_COLUMNS),
            ),
        )
        for o in draft.offers
    ]
    return {
        "terms": pd.DataFrame(terms, columns=list(TERM_COLUMNS)),
        "offers": offers,
        "plans": [(o.name, o.why, offer_plan_table(scenario, o)) for o in plan.offers],
        "positions": position_frame(position_data(scenario, plan)),
        "position_spec": json.loads(position_spec()),
        "money": money_frame(money_data(scenario)),
        "money_spec": json.loads(money_spec(scenario.currency)),
        "json": write_scenario(scenario).encode(),
        "csv": csv_bytes(comparison_table(scenario, plan)),
        "brief": brief(scenario, plan),
        "link": make_link(scenario),
        "coaching": coaching_of(scenario, plan.offers[0]),
    }


st.set_page_config(page_title="Floor page", layout="wide")
data = payload()
st.title("Negotiation planner")
st.caption("The floor page: the app's elements, no planning.")
start, terms, offers, plan_tab, share, coach = st.tabs(
    ["① Start", "② Your terms", "③ Offers", "④ Plan", "⑤ Share & export", "⑥ Coach"]
)
with start:
    st.selectbox("Sample", ["Account executive offers"], key="sample")
    st.text_input("Title", key="title")
with terms:
    st.data_editor(data["terms"], key="terms", num_rows="dynamic", hide_index=True)
with offers:
    for tab, (name, frame) in zip(
        st.tabs([n for n, _ in data["offers"]]), data["offers"], strict=True
    ):
        with tab:
            st.text_input("Offer name", value=name, key=f"name_{name}")
            st.data_editor(frame, key=f"offer_{name}", hide_index=True)
            st.markdown(f"Offer {name}")
with plan_tab:
    for name, why, table in data["plans"]:
        with st.container(border=True):
            st.markdown(f"### {name}")
            st.markdown(why)
            st.dataframe(table, hide_index=True)
    st.vega_lite_chart(data["positions"], data["position_spec"], width="stretch")
    st.vega_lite_chart(data["money"], data["money_spec"], width="stretch")
    for kind in ("json", "csv", "brief"):
        st.download_button(kind, data=data[kind], key=f"plan_{kind}", on_click="ignore")
with share:
    st.code(data["link"], language=None, wrap_lines=True)
    for kind in ("json", "csv", "brief"):
        st.download_button(kind, data=data[kind], key=f"share_{kind}", on_click="ignore")
    with st.expander("Preview the brief"):
        st.markdown(data["brief"])
with coach:
    coaching = data["coaching"]
    st.selectbox("Offer", [coaching.offer], key="coach_offer")
    st.text_area("Email", value=coaching.script.email, key="email", height=260)
    st.markdown("\n".join(f"- {p}" for p in coaching.script.talking_points))
    st.dataframe(
        pd.DataFrame([{"Package": p.name, "Asks for": p.summary} for p in coaching.packages])
    )
    st.markdown(call_sheet_markdown(coaching.call_sheet))
    with st.form("round"):
        st.selectbox("Term", ["a", "b"], key="round_term")
        st.text_input("Value", key="round_value")
        st.selectbox("Stance", ["fixed", "limited"], key="round_stance")
        st.text_input("Note", key="round_note")
        st.date_input("Date", value=None, key="round_date")
        st.form_submit_button("Record the answer")
    for n in range(3):
        st.text_input(f"Follow-up {n}", key=f"fu_{n}")
    for n in range(5):
        st.checkbox(f"Check {n}", key=f"check_{n}")
    st.text_area("Thank-you email", value=coaching.script.subject, key="thanks")
    st.checkbox("I mean it", key="sure")
    st.text_area("Decline email", value=coaching.script.subject, key="decline")
with st.sidebar:
    edits = st.session_state.get(f"offer_{data['offers'][0][0]}") or {}
    st.markdown(f"**At a glance** {json.dumps(edits.get('edited_rows', {}))}")
