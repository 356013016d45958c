"""Altair charts of the plan: where each offer stands, and what each offer is worth.

The data behind each chart comes from a pure function (``position_data``,
``money_data``) so that it can be checked without drawing anything.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from typing import Any

import altair as alt
import pandas as pd

from planner import formatting as fmt
from planner.models import Plan, Scenario, Term
from planner.rules import make_plan
from planner.valuation import PART_LABELS, value_offers
from planner.wording import STATUS_WORDS

STATUS_COLOURS = {
    "met": "#2e7d32",
    "drop": "#9e9e9e",
    "trade": "#f9a825",
    "push": "#1565c0",
    "deal_breaker": "#c62828",
    "unknown": "#bdbdbd",
    "reference": "#616161",
}
STATUS_LABELS = STATUS_WORDS
LOW, HIGH = -1.0, 2.0


def _as_number(value: float | str, term: Term) -> float:
    return float(term.rank(value)) if isinstance(value, str) else value


def position(value: float | str | None, term: Term) -> float | None:
    """Where a value stands: 0 at your bottom line, 1 at your target (direction-aware).

    With only a target, 1 is the target and 0 is nothing at all; with only a
    bottom line, 0 is the bottom line and 1 is twice as good. ``None`` when the
    value is not known or the term has neither. Clipped to [-1, 2].
    """
    if value is None or (term.bottom_line is None and term.target is None):
        return None
    v = _as_number(value, term)
    sign = -1.0 if term.better == "lower" else 1.0
    if term.bottom_line is not None and term.target is not None:
        low, high = _as_number(term.bottom_line, term), _as_number(term.target, term)
        if high == low:
            spot = 1.0 if sign * (v - high) >= 0 else -1.0
        else:
            spot = (v - low) / (high - low)
    elif term.target is not None:
        high = _as_number(term.target, term)
        if term.type == "choice":
            assert term.options is not None
            spot = 1 - (high - v) / (len(term.options) - 1)
        else:
            spot = 1 - sign * (high - v) / abs(high) if high else (1.0 if sign * v >= 0 else 0.0)
    else:
        assert term.bottom_line is not None
        low = _as_number(term.bottom_line, term)
        if term.type == "choice":
            assert term.options is not None
            spot = (v - low) / (len(term.options) - 1)
        else:
            spot = sign * (v - low) / abs(low) if low else (0.0 if sign * v >= 0 else -1.0)
    return max(LOW, min(HIGH, spot))


def position_data(scenario: Scenario, plan: Plan | None = None) -> pd.DataFrame:
    """A row per offer and term: the position, status and the figures behind them."""
    plan = plan if plan is not None else make_plan(scenario)
    rows: list[dict[str, Any]] = []
    for offer in plan.offers:
        for term, labels in zip(scenario.terms, offer.terms, strict=True):
            rows.append(
                {
                    "offer": offer.name,
                    "term": term.name,
                    "position": position(labels.offer, term),
                    "status": STATUS_LABELS[labels.status],
                    "value": fmt.value(labels.offer, term, scenario.currency),
                    "bottom line": fmt.cell(term.bottom_line) or "none",
                    "target": fmt.cell(term.target) or "none",
                    "must win": "yes" if labels.must_win else "no",
                }
            )
    return pd.DataFrame(rows)


POSITION_COLUMNS = [
    "kind",
    "offer",
    "term",
    "position",
    "status",
    "value",
    "bottom line",
    "target",
    "must win",
]


def position_frame(data: pd.DataFrame) -> pd.DataFrame:
    """The chart's one dataset: a point per known value, and the two reference lines."""
    points = data.dropna(subset=["position"]).assign(kind="point")
    lines = pd.DataFrame(
        {"kind": ["line", "line"], "position": [0.0, 1.0], "term": ["bottom line", "target"]}
    )
    return pd.concat([points, lines], ignore_index=True).reindex(columns=POSITION_COLUMNS)


def _position_layers(frame: pd.DataFrame) -> alt.LayerChart:
    colour = alt.Color(
        "status:N",
        scale=alt.Scale(
            domain=list(STATUS_LABELS.values()),
            range=[STATUS_COLOURS[s] for s in STATUS_LABELS],
        ),
        legend=alt.Legend(title="Status", orient="bottom"),
    )
    points = (
        alt.Chart()
        .transform_filter(alt.datum.kind == "point")
        .mark_point(filled=True, size=140)
        .encode(
            x=alt.X(
                "position:Q",
                scale=alt.Scale(domain=[LOW, HIGH]),
                axis=alt.Axis(title="0 = your bottom line, 1 = your target", values=[-1, 0, 1, 2]),
            ),
            y=alt.Y("term:N", sort=None, title=None),
            yOffset=alt.YOffset("offer:N"),
            color=colour,
            shape=alt.Shape("offer:N", legend=alt.Legend(title="Offer", orient="bottom")),
            tooltip=[
                alt.Tooltip(f"{field}:N")
                for field in (
                    "offer",
                    "term",
                    "value",
                    "bottom line",
                    "target",
                    "status",
                    "must win",
                )
            ],
        )
    )
    rules = (
        alt.Chart()
        .transform_filter(alt.datum.kind == "line")
        .mark_rule(strokeDash=[4, 4])
        .encode(
            x="position:Q",
            color=alt.value("#616161"),
            tooltip=[alt.Tooltip("term:N", title="line")],
        )
    )
    chart = alt.layer(rules, points, data=frame).properties(
        title="Where each offer stands, term by term"
    )
    assert isinstance(chart, alt.LayerChart)
    return chart


@cache
def position_spec() -> str:
    """The position chart's Vega-Lite spec without its data, as JSON text.

    The chart is the same for every scenario but its data, so the (slow)
    Altair-to-Vega-Lite step runs once per process; each rerun only passes
    :func:`position_frame` beside it.
    """
    return _spec_without_data(_position_layers(pd.DataFrame(columns=POSITION_COLUMNS)))


def _spec_without_data(chart: alt.TopLevelMixin) -> str:
    spec: dict[str, Any] = chart.to_dict()
    spec.pop("data", None)
    spec.pop("datasets", None)
    return json.dumps(spec)


def money_data(scenario: Scenario) -> pd.DataFrame:
    """A row per offer and kind of money; ``amount`` is ``None`` where a part is not known."""
    rows: list[dict[str, Any]] = []
    for valuation in value_offers(scenario):
        for part, label in PART_LABELS.items():
            amount = valuation.part(part)
            if not amount.terms:
                continue
            rows.append(
                {
                    "offer": valuation.offer,
                    "kind": label,
                    "amount": amount.total,
                    "known": amount.known,
                    "not known": ", ".join(amount.missing),
                }
            )
    return pd.DataFrame(rows, columns=["offer", "kind", "amount", "known", "not known"])


def money_frame(data: pd.DataFrame) -> pd.DataFrame:
    """The money chart's dataset: whether each part is complete, beside its known amount."""
    return data.assign(
        complete=data["amount"].notna().map({True: "complete", False: "incomplete: not known"}),
    )


@lru_cache(maxsize=16)
def money_spec(currency: str) -> str:
    """The money chart's Vega-Lite spec without its data, as JSON text (built once).

    Bounded: a client cycling through currency codes must not grow the server's
    memory by one spec (about 4 kB) for each of the 17,576 possible codes.
    """
    empty = pd.DataFrame(columns=["offer", "kind", "amount", "known", "not known"])
    return _spec_without_data(money_chart(empty, currency))


def money_chart(data: pd.DataFrame, currency: str) -> alt.Chart:
    """The offers side by side: guaranteed, variable and one-off money stacked.

    A part with an unknown value shows only its known amount, hatched in a
    lighter colour and labelled as incomplete in the tooltip.
    """
    shown = money_frame(data)
    chart: alt.Chart = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            x=alt.X("offer:N", sort=None, title=None),
            y=alt.Y("known:Q", stack="zero", title=f"{currency} (first year)"),
            color=alt.Color(
                "kind:N",
                sort=list(PART_LABELS.values()),
                scale=alt.Scale(domain=list(PART_LABELS.values())),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            opacity=alt.Opacity(
                "complete:N",
                scale=alt.Scale(domain=["complete", "incomplete: not known"], range=[1.0, 0.4]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("offer:N"),
                alt.Tooltip("kind:N"),
                alt.Tooltip("known:Q", format=",.0f", title=f"known ({currency})"),
                alt.Tooltip("complete:N"),
                alt.Tooltip("not known:N"),
            ],
        )
        .properties(title="What each offer is worth")
    )
    return chart
