"""The floor page: the same kinds and numbers of elements as the app, and no planning.

Everything it shows is computed once per process from the sales sample; each
rerun only draws. Like the app, its tabs are keyed and only the open one is
drawn, and each offer's terms are labelled inputs in bordered boxes. The
benchmark compares the app with this page served the same way, so that the
ratio is the planner's own cost, not Streamlit's.
"""

import json

import streamlit as st

from planner import make_plan, read_scenario_bytes, write_scenario
from planner.brief import brief
from planner.catalog import sample_files
from planner.charts import money_data, money_frame, money_spec, position_data, position_frame
from planner.charts import position_spec as position_chart_spec
from planner.compare import csv_table, offer_plan_table
from planner.export import csv_bytes
from planner.models import STANCES
from planner.share import make_link
from ui.cards import CARD_CSS, terms_html
from ui.views import coaching_of

TABS = ["① Start", "② Your terms", "③ Offers", "④ Plan", "⑤ Share & export", "⑥ Coach"]


@st.cache_resource
def payload() -> dict:  # type: ignore[type-arg]
    """Everything the page shows, computed once (read-only afterwards)."""
    scenario = read_scenario_bytes(sample_files()["Account executive offers"].read_bytes())
    plan = make_plan(scenario)
    money = money_data(scenario, plan)
    return {
        "scenario": scenario,
        "plans": [
            (o.name, o.why, terms_html(offer_plan_table(scenario, o, plan))) for o in plan.offers
        ],
        "positions": position_frame(position_data(scenario, plan)),
        "position_spec": json.loads(position_chart_spec()),
        "money": [money_frame(money, o.name) for o in plan.offers],
        "money_spec": json.loads(money_spec(scenario.currency, scenario.years)),
        "json": write_scenario(scenario).encode(),
        "csv": csv_bytes(csv_table(scenario, plan)),
        "brief": brief(scenario, plan),
        "link": make_link(scenario),
        "coaching": coaching_of(scenario, plan.offers[0]),
    }


st.set_page_config(page_title="Floor page", layout="wide")
data = payload()
scenario = data["scenario"]
st.title("Negotiation planner")
st.caption("The floor page: the app's elements, no planning.")
tabs = st.tabs(TABS, key="main_tab", on_change="rerun")
start, terms, offers, plan_tab, share, coach = tabs
if start.open is not False:
    with start:
        st.selectbox("Sample", ["Account executive offers"], key="sample")
        st.text_input("Title", key="title")
if terms.open is not False:
    with terms:
        for i, term in enumerate(scenario.terms):
            with st.container(border=True):
                st.markdown(f"**{term.name}**")
                st.text_input("Name", value=term.name, key=f"term_name_{i}")
                st.text_input("Bottom line", key=f"term_bottom_{i}")
                st.text_input("Target", key=f"term_target_{i}")
if offers.open is not False:
    with offers:
        names = [o.name for o in scenario.offers]
        chosen = st.pills("Offer", names, key="offer_pick", default=names[0]) or names[0]
        offer = scenario.offer(chosen)
        for i, term in enumerate(scenario.terms):
            with st.container(border=True, key=f"cellbox-o0-t{i}"):
                st.markdown(f"**{term.name}**  \n:gray[your line]")
                value, stance = st.columns(2)
                if term.options:
                    value.selectbox("Their offer", ["", *term.options], key=f"value_{chosen}_{i}")
                else:
                    value.text_input("Their offer", key=f"value_{chosen}_{i}")
                stance.selectbox("Their stance", list(STANCES), key=f"stance_{chosen}_{i}")
                reason, note = st.columns(2)
                reason.text_input("✉️ Reason you will give them", key=f"reason_{chosen}_{i}")
                note.text_input("🔒 Private note", key=f"note_{chosen}_{i}")
if plan_tab.open is not False:
    with plan_tab:
        st.html(CARD_CSS)
        for (name, why, html), money in zip(data["plans"], data["money"], strict=True):
            with st.container(border=True):
                st.markdown(f"### {name}")
                st.markdown(why)
                st.html(html)
                st.vega_lite_chart(money, data["money_spec"], width="stretch")
        st.vega_lite_chart(data["positions"], data["position_spec"], width="stretch")
if share.open is not False:
    with share:
        st.code(data["link"], language=None, wrap_lines=True)
        for kind in ("json", "csv", "brief"):
            st.download_button(kind, data=data[kind], key=f"share_{kind}", on_click="ignore")
if coach.open is not False:
    with coach:
        coaching = data["coaching"]
        st.selectbox("Offer", [coaching.offer], key="coach_offer")
        st.text_area("Email", value=coaching.script.email, key="email", height=260)
        st.markdown("\n".join(f"- {p}" for p in coaching.script.talking_points))
with st.sidebar:
    typed = {k: v for k, v in st.session_state.items() if str(k).startswith("value_") and v}
    st.markdown(f"**At a glance** {json.dumps(typed, sort_keys=True)}")
