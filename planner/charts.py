"""Altair charts of the plan, and the words that say what each chart shows.

Every chart is drawn from a pure function that returns its data (``money_data``,
``ranking_data``, ``market_data``, ``position_data``), so the figures can be
checked without drawing anything, and each chart has a text alternative in
plain words (``money_text``, ``ranking_words``, ``market_text``,
``position_text``) that says the same: nothing is only in a tooltip.

The charts' Vega-Lite specs are the same for every scenario but their data, so
each is built once per process (``*_spec``) and the page passes the data beside
it. Stacks and label positions are computed here, not by Vega-Lite, so what a
bar shows is exactly what the data says.
"""

from __future__ import annotations

import json
import math
from functools import cache, lru_cache
from typing import Any, Literal

import altair as alt
import pandas as pd

from planner import formatting as fmt
from planner.models import Market, Money, OfferPlan, Plan, Scenario, Term, YearMoney
from planner.money_words import ranked, span, the_current_job
from planner.rules import make_plan
from planner.valuation import COLUMN_LABELS, PAY_COLUMNS, Column
from planner.wording import STATUS_WORDS

# --- colours and words ---------------------------------------------------------

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
"""The legend's words: the wording module's, in its order."""
NOT_KNOWN = "Not known (not counted)"
ON_PAPER = "On paper: every payout at 100%"
KIND_COLOURS: dict[str, str] = {
    # Okabe-Ito: told apart with every common colour-vision deficiency.
    COLUMN_LABELS["guaranteed"]: "#0072B2",
    COLUMN_LABELS["variable"]: "#E69F00",
    COLUMN_LABELS["equity"]: "#CC79A7",
    COLUMN_LABELS["one_off"]: "#009E73",
    NOT_KNOWN: "#D9D9D9",
}
INK = "#262730"
"""Text and rule colour in the charts: 14.6:1 on white."""
LOW, HIGH = -1.0, 2.0


def short(value: float) -> str:
    """A figure short enough to print on a narrow bar: ``98000`` -> ``98k``, ``1250000`` -> ``1.25M``."""
    size = abs(value)
    if size >= 1e6:
        text, unit = f"{value / 1e6:.2f}", "M"
    elif size >= 1e4:
        text, unit = f"{value / 1e3:.1f}", "k"
    elif size >= 1e3:
        text, unit = f"{value / 1e3:.2f}", "k"
    else:
        return fmt.number(round(value, 2))
    return text.rstrip("0").rstrip(".") + unit


def _years_words(years: list[int]) -> str:
    if len(years) == 1:
        return f"year {years[0]}"
    return f"years {years[0]}–{years[-1]}"


def _spec_without_data(chart: alt.TopLevelMixin) -> str:
    """The spec as JSON text, without data, fitted to the page's width only.

    Fitting the width alone keeps the plot its own height: fitting both would
    squeeze the plot to make room for the legends under it.
    """
    spec: dict[str, Any] = chart.to_dict()
    spec.pop("data", None)
    spec.pop("datasets", None)
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    # Room for the rotated axis title's glyphs at the very edge (an object: Streamlit adds to it).
    spec["padding"] = {"left": 6, "right": 6, "top": 6, "bottom": 6}
    ink = {"labelColor": INK, "titleColor": INK}
    spec["config"] = {**spec.get("config", {}), "axis": ink, "legend": ink}
    return json.dumps(spec)


def _legend(
    title: str | None = None, columns: int = 1, orient: Literal["top", "bottom"] = "bottom"
) -> alt.Legend:
    """A legend under (or above) the chart, one entry per line or in columns, never cut short.

    A chart has at most one legend on each side: side by side they would not
    fit a phone's width.
    """
    return alt.Legend(
        title=title,
        orient=orient,
        direction="vertical",
        columns=columns,
        labelLimit=0,
        labelFontSize=12,
        symbolStrokeColor=INK,
    )


# --- where each offer stands, term by term ---------------------------------------


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
            must = labels.must_win
            rows.append(
                {
                    "offer": offer.name,
                    "term": term.name,
                    "position": position(labels.offer, term),
                    "status": STATUS_LABELS[labels.status],
                    "value": fmt.value(labels.offer, term, scenario.currency),
                    "bottom line": fmt.cell(term.bottom_line) or "none",
                    "target": fmt.cell(term.target) or "none",
                    "must win": "yes" if must else "no",
                    "label": fmt.cell(labels.offer) + (" ◎ must win" if must else ""),
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
    "label",
]


def position_frame(data: pd.DataFrame) -> pd.DataFrame:
    """The chart's one dataset: a point per known value, and the two reference lines."""
    points = data.dropna(subset=["position"]).assign(kind="point")
    lines = pd.DataFrame(
        {"kind": ["line", "line"], "position": [0.0, 1.0], "term": ["bottom line", "target"]}
    )
    return pd.concat([points, lines], ignore_index=True).reindex(columns=POSITION_COLUMNS)


_LABEL_SIDES: tuple[tuple[Any, Literal["left", "right"], int], ...] = (
    (alt.datum.position <= 0.5, "left", 10),
    (alt.datum.position > 0.5, "right", -10),
)


def _position_layers(frame: pd.DataFrame) -> alt.LayerChart:
    x = alt.X(
        "position:Q",
        scale=alt.Scale(domain=[LOW, HIGH]),
        axis=alt.Axis(
            title="0 = your bottom line, 1 = your target",
            values=[-1, 0, 1, 2],
            labelFontSize=12,
            titleFontSize=12,
        ),
    )
    y = alt.Y("term:N", sort=None, title=None, axis=alt.Axis(labelLimit=150, labelFontSize=12))
    y_offset = alt.YOffset("offer:N")
    point = alt.datum.kind == "point"
    colour = alt.Color(
        "status:N",
        scale=alt.Scale(
            domain=list(STATUS_LABELS.values()),
            range=[STATUS_COLOURS[s] for s in STATUS_LABELS],
        ),
        legend=_legend("Status", columns=2),
    )
    points = (
        alt.Chart()
        .transform_filter(point)
        .mark_point(filled=True, size=140, stroke=INK, strokeWidth=0.5)
        .encode(
            x=x,
            y=y,
            yOffset=y_offset,
            color=colour,
            shape=alt.Shape("offer:N", legend=_legend("Offer", orient="top")),
            tooltip=[
                alt.Tooltip(f"{field}:N")
                for field in ("offer", "term", "value", "bottom line", "target", "status")
            ]
            + [alt.Tooltip("must win:N")],
        )
    )
    must_wins = (
        alt.Chart()
        .transform_filter(point & (alt.datum["must win"] == "yes"))
        .mark_point(shape="circle", size=420, filled=False, strokeWidth=2.5, color="#c62828")
        .encode(x=x, y=y, yOffset=y_offset)
    )
    # The figure beside each point, so that nothing needs a hover (or a mouse) to be read;
    # on the right half it goes to the left of its point, so that it is never cut off.
    labels = [
        alt.Chart()
        .transform_filter(point & side)
        .mark_text(align=align, dx=dx, fontSize=11, color=INK)
        .encode(x=x, y=y, yOffset=y_offset, text="label:N")
        for side, align, dx in _LABEL_SIDES
    ]
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
    # With an offset per offer, the step is each offer's own row within a term.
    chart = alt.layer(rules, must_wins, points, *labels, data=frame).properties(height=alt.Step(24))
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


def position_text(plan: Plan) -> str:
    """What the position chart shows, in words (its text alternative)."""
    parts = []
    for offer in plan.offers:
        below = [t.term for t in offer.terms if _below_bottom_line(t.offer, t.standing, t)]
        must = [t.term for t in offer.terms if t.must_win]
        unknown = [t.term for t in offer.terms if t.offer is None]
        said = []
        if below:
            said.append("below your bottom line on " + _join(below))
        if must:
            said.append("must win " + _join(must))
        if unknown:
            said.append(f"{len(unknown)} not known")
        if not said:
            said.append("at or above your bottom line on every known term")
        parts.append(f"{offer.name}: " + "; ".join(said))
    return (
        "Each term of each offer as a dot: 0 is your bottom line, 1 your target; "
        "the figure is printed beside it and a must-win is ringed. " + ". ".join(parts) + "."
    )


def _below_bottom_line(value: object, standing: str | None, labels: Any) -> bool:
    if value is None:
        return False
    if standing is not None:
        return bool(standing == "below_bottom_line")
    return bool(labels.status == "deal_breaker" or labels.must_win)


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# --- money over the years, per offer ---------------------------------------------

MONEY_COLUMNS = [
    "layer",
    "offer",
    "year",
    "kind",
    "amount",
    "y0",
    "y1",
    "top",
    "total",
    "on_paper",
    "label",
    "paper",
]
HEADROOM = 1.25
"""The money charts' scale reaches 25% above the tallest bar, for the figures on top."""
UPRIGHT_YEARS = 6
"""Up to this many years the totals are printed across their bars; beyond, along them
(bars on a phone are then too narrow for a figure written across)."""
PLACEHOLDER = 0.08
"""A part that is not known is drawn as a grey block this share of the scale tall."""


def money_data(scenario: Scenario, plan: Plan | None = None) -> pd.DataFrame:
    """Every offer's money, year by year, ready to draw (a pure function of the plan).

    Rows of three layers:

    - ``part``: one per offer, year and kind of pay (guaranteed, variable,
      equity, one-off), the kind's ``amount`` (``None``: not known) and where its
      block sits in the stack (``y0`` to ``y1``); a kind that is not known gets a
      grey ``Not known`` block of a fixed height on top of the known ones;
    - ``year``: one per offer and year, with the expected ``total`` and the
      ``on_paper`` total (``None`` when not known), the ``label`` printed on the
      bar and the ``top`` it sits on (above the stack and the on-paper line);
      ``paper`` is the on-paper total where it differs from the expected one
      (drawn as a line);
    - ``pad``: one row, the top of the scale every offer's chart shares (so
      that bars compare across offers).

    Benefits are not pay: they are not drawn (:func:`money_text` names them apart).
    """
    plan = plan if plan is not None else make_plan(scenario)
    moneys = [(offer.name, offer.money) for offer in plan.offers if offer.money is not None]
    tallest = 0.0
    for _, money in moneys:
        for year in money.years:
            known = math.fsum(getattr(year, c) or 0.0 for c in PAY_COLUMNS)
            tallest = max(tallest, known, year.on_paper or 0.0)
    block = (tallest or 1.0) * PLACEHOLDER
    rows: list[dict[str, Any]] = []
    for name, money in moneys:
        for year in money.years:
            base = 0.0
            unknown: list[str] = []
            for column in PAY_COLUMNS:
                amount = getattr(year, column)
                if amount is None:
                    unknown.append(COLUMN_LABELS[column])
                    continue
                rows.append(_part(name, year.year, COLUMN_LABELS[column], amount, base, amount))
                base += amount
            if unknown:
                missing = ", ".join(unknown)
                rows.append(_part(name, year.year, NOT_KNOWN, None, base, block, missing=missing))
                base += block
            paper = year.on_paper
            rows.append(
                {
                    "layer": "year",
                    "offer": name,
                    "year": year.year,
                    "top": max(base, paper or 0.0),
                    "total": year.total,
                    "on_paper": paper,
                    "label": "?" if year.total is None else short(year.total),
                    "paper": paper if paper is not None and paper != year.total else None,
                }
            )
    rows.append({"layer": "pad", "y1": (tallest + block) * HEADROOM})
    return pd.DataFrame(rows, columns=MONEY_COLUMNS).astype({"year": "Int64"})


def _part(
    offer: str, year: int, kind: str, amount: float | None, base: float, height: float, **more: str
) -> dict[str, Any]:
    return {
        "layer": "part",
        "offer": offer,
        "year": year,
        "kind": kind,
        "amount": amount,
        "y0": base,
        "y1": base + height,
        "label": more.get("missing", ""),
    }


def money_frame(data: pd.DataFrame, offer: str | None = None) -> pd.DataFrame:
    """One offer's rows of :func:`money_data` and the shared top of the scale (every offer's
    rows when ``offer`` is not given)."""
    if offer is None:
        return data
    return data[(data["offer"] == offer) | (data["layer"] == "pad")].reset_index(drop=True)


def _money_colour(field: str) -> alt.Color:
    """One colour scale, and so one legend, for the kinds of pay and the on-paper line."""
    domain = [*KIND_COLOURS, ON_PAPER]
    return alt.Color(
        field,
        scale=alt.Scale(domain=domain, range=[*KIND_COLOURS.values(), INK]),
        legend=_legend(None),
    )


def money_chart(data: pd.DataFrame, currency: str, years: int = 4) -> alt.LayerChart:
    """One offer's money, a stacked bar per year by kind, the expected total printed on top.

    A kind that is not known is a grey, outlined block labelled "Not known" (it
    has no size: it is never counted as zero, nor guessed); the on-paper total,
    where it differs from the expected one, is a black line across the bar.
    """
    part = alt.datum.layer == "part"
    year_row = alt.datum.layer == "year"
    x = alt.X(
        "year:O",
        title="Year",
        axis=alt.Axis(labelAngle=0, labelFontSize=12, titleFontSize=12),
    )
    y_scale = alt.Scale(zero=True, nice=False)
    unknown = alt.datum.kind == NOT_KNOWN
    bars = (
        alt.Chart()
        .transform_filter(part)
        .mark_bar(strokeWidth=1.5)
        .encode(
            x=x,
            y=alt.Y(
                "y0:Q",
                scale=y_scale,
                title=currency,
                axis=alt.Axis(format="~s", labelFontSize=12, titleFontSize=12),
            ),
            y2="y1:Q",
            color=_money_colour("kind:N"),
            stroke=alt.condition(unknown, alt.value("#595959"), alt.value(None)),
            strokeDash=alt.condition(unknown, alt.value([3, 2]), alt.value([1, 0])),
            tooltip=[
                alt.Tooltip("year:O"),
                alt.Tooltip("kind:N"),
                alt.Tooltip("amount:Q", format=",.2~f", title=currency),
                alt.Tooltip("label:N", title="not known"),
            ],
        )
    )
    paper = (
        alt.Chart()
        .transform_filter(year_row & alt.expr.isValid(alt.datum.paper))
        .transform_calculate(line=f"'{ON_PAPER}'")
        .mark_tick(thickness=2.5, bandSize=28)
        .encode(
            x=x,
            y=alt.Y("paper:Q", scale=y_scale),
            color=_money_colour("line:N"),
            tooltip=[alt.Tooltip("paper:Q", format=",.2~f", title=f"on paper ({currency})")],
        )
    )
    across = years <= UPRIGHT_YEARS
    totals = (
        alt.Chart()
        .transform_filter(year_row)
        .mark_text(
            baseline="bottom" if across else "middle",
            align="center" if across else "left",
            angle=0 if across else 270,
            dx=0 if across else 6,  # a rotated figure moves along itself: up, off the line
            dy=-3 if across else 0,
            fontSize=12,
            fontWeight="bold",
            color=INK,
        )
        .encode(x=x, y=alt.Y("top:Q", scale=y_scale), text="label:N")
    )
    pad = (
        alt.Chart()
        .transform_filter(alt.datum.layer == "pad")
        .mark_point(opacity=0)
        .encode(y=alt.Y("y1:Q", scale=y_scale))
    )
    chart = alt.layer(bars, paper, totals, pad, data=data).properties(height=220)
    assert isinstance(chart, alt.LayerChart)
    return chart


@lru_cache(maxsize=16)
def money_spec(currency: str, years: int = 4) -> str:
    """The money chart's Vega-Lite spec without its data, as JSON text (built once)."""
    return _spec_without_data(money_chart(pd.DataFrame(columns=MONEY_COLUMNS), currency, years))


def _year_parts(year: YearMoney, currency: str) -> str:
    parts = []
    for column in PAY_COLUMNS:
        amount = getattr(year, column)
        if amount is None:
            parts.append(f"{_kind_words(column)} not known")
        elif amount:
            parts.append(f"{_kind_words(column)} {fmt.number(amount)}")
    total = "total not known" if year.total is None else fmt.money(year.total, currency)
    return total + (f" ({', '.join(parts)})" if parts else "")


def _kind_words(column: Column) -> str:
    return COLUMN_LABELS[column].lower()


def _same(a: YearMoney, b: YearMoney) -> bool:
    return (a.guaranteed, a.variable, a.equity, a.one_off, a.benefits, a.on_paper) == (
        b.guaranteed,
        b.variable,
        b.equity,
        b.one_off,
        b.benefits,
        b.on_paper,
    )


def money_text(offer: OfferPlan, currency: str) -> str:
    """What one offer's money chart shows, year by year, in words (its text alternative)."""
    money = offer.money
    if money is None:
        return f"{offer.name}: no money terms."
    groups: list[list[YearMoney]] = []
    for year in money.years:
        if groups and _same(groups[-1][-1], year):
            groups[-1].append(year)
        else:
            groups.append([year])
    said = []
    for group in groups:
        each = " each" if len(group) > 1 else ""
        said.append(
            f"{_years_words([y.year for y in group]).capitalize()}: "
            f"{_year_parts(group[0], currency)}{each}."
        )
    over = span(len(money.years))
    if money.total is None:
        said.append(f"Total {over}: not known (a value is missing, not counted as zero).")
    else:
        said.append(f"Total {over}: {fmt.money(money.total, currency)} expected")
        if money.on_paper is not None and money.on_paper != money.total:
            said[-1] += f", {fmt.money(money.on_paper, currency)} on paper"
        said[-1] += "."
    benefits = [y.benefits for y in money.years]
    if any(b is None or b for b in benefits):
        shown = (
            "not known"
            if any(b is None for b in benefits)
            else " / ".join(dict.fromkeys(fmt.money(b or 0.0, currency) for b in benefits))
            + " a year"
        )
        said.append(f"Benefits, not pay and not added: {shown}.")
    return f"{offer.name}, money by year: " + " ".join(said)


# --- the offers ranked by what they pay over the years -----------------------------

RANKING_COLUMNS = ["layer", "offer", "rank", "total", "paper", "label", "x", "end"]


def ranking_data(plan: Plan) -> pd.DataFrame:
    """A bar per offer, best expected total over the years first; your current job as a line.

    ``total`` is ``None`` (and the ``label`` says "not known") where a value is
    missing; ``paper`` is the on-paper total where it differs; the label is
    printed after ``end``, past the bar and the on-paper line.
    """
    rows: list[dict[str, Any]] = []
    tallest = 0.0
    for rank, offer in enumerate(ranked(plan), start=1):
        money = offer.money or Money(years=[], total=None, on_paper=None)
        total, paper = money.total, money.on_paper
        tallest = max(tallest, total or 0.0, paper or 0.0)
        rows.append(
            {
                "layer": "offer",
                "offer": offer.name,
                "rank": rank,
                "total": total,
                "paper": paper if paper is not None and paper != total else None,
                "label": "not known" if total is None else short(total),
                "x": total or 0.0,
                "end": max(total or 0.0, paper or 0.0),
            }
        )
    current = the_current_job(plan)
    if current is not None and current.money is not None and current.money.total is not None:
        total = current.money.total
        tallest = max(tallest, total)
        rows.append(
            {
                "layer": "current",
                "offer": current.name,
                "total": total,
                "label": f"{current.name}: {short(total)}",
                "x": total,
            }
        )
    rows.append({"layer": "pad", "x": (tallest or 1.0) * 1.3})
    return pd.DataFrame(rows, columns=RANKING_COLUMNS)


def ranking_chart(data: pd.DataFrame, currency: str, years: int) -> alt.LayerChart:
    """Horizontal bars, best first, the total printed at the end of each; the current job a rule."""
    offer_row = alt.datum.layer == "offer"
    scale = alt.Scale(zero=True, nice=False)
    x = alt.X(
        "x:Q",
        scale=scale,
        title=f"{currency} over {years} year{'s' if years != 1 else ''} (expected)",
        axis=alt.Axis(format="~s", labelFontSize=12, titleFontSize=12, tickCount=5),
    )
    y = alt.Y(
        "offer:N",
        sort=alt.EncodingSortField("rank"),
        title=None,
        axis=alt.Axis(labelLimit=150, labelFontSize=12),
    )
    bars = (
        alt.Chart()
        .transform_filter(offer_row)
        .mark_bar(color="#0072B2")
        .encode(
            x=x,
            y=y,
            tooltip=[alt.Tooltip("offer:N"), alt.Tooltip("total:Q", format=",.2~f")],
        )
    )
    labels = (
        alt.Chart()
        .transform_filter(offer_row)
        .mark_text(align="left", dx=5, fontSize=12, fontWeight="bold", color=INK)
        .encode(x=alt.X("end:Q", scale=scale), y=y, text="label:N")
    )
    paper = (
        alt.Chart()
        .transform_filter(offer_row & alt.expr.isValid(alt.datum.paper))
        .transform_calculate(line=f"'{ON_PAPER}'")
        .mark_tick(thickness=2.5, orient="vertical")
        .encode(
            x=alt.X("paper:Q", scale=scale),
            y=y,
            color=alt.Color(
                "line:N", scale=alt.Scale(domain=[ON_PAPER], range=[INK]), legend=_legend(None)
            ),
        )
    )
    current = alt.datum.layer == "current"
    rule = (
        alt.Chart()
        .transform_filter(current)
        .mark_rule(color="#b00020", strokeWidth=2, strokeDash=[6, 4])
        .encode(x=alt.X("x:Q", scale=scale))
    )
    rule_label = (
        alt.Chart()
        .transform_filter(current)
        .mark_text(align="left", baseline="bottom", dx=4, dy=-2, fontSize=12, color="#b00020")
        .encode(x=alt.X("x:Q", scale=scale), y=alt.value(0), text="label:N")
    )
    pad = (
        alt.Chart()
        .transform_filter(alt.datum.layer == "pad")
        .mark_point(opacity=0)
        .encode(x=alt.X("x:Q", scale=scale))
    )
    chart = alt.layer(bars, paper, labels, rule, rule_label, pad, data=data).properties(
        height=alt.Step(36)
    )
    assert isinstance(chart, alt.LayerChart)
    return chart


@lru_cache(maxsize=16)
def ranking_spec(currency: str, years: int) -> str:
    """The ranking chart's Vega-Lite spec without its data, as JSON text (built once)."""
    return _spec_without_data(ranking_chart(pd.DataFrame(columns=RANKING_COLUMNS), currency, years))


# --- against the market ----------------------------------------------------------

MARKET_COLUMNS = ["layer", "row", "x", "x2", "label", "who"]
MARKET_ROW = "Market"
BOTTOM_LINE = "Your bottom line"
TARGET = "Your target"


def market_terms(scenario: Scenario) -> list[Term]:
    """The money terms that have market data, in the scenario's order."""
    return [t for t in scenario.terms if t.type == "money" and t.market is not None]


def _position_words(position: float | str | None) -> str:
    if position is None:
        return ""
    if isinstance(position, str):
        return ("below " if position.startswith("<") else "above ") + position[1:]
    return f"p{fmt.number(position, 0)}"


def market_data(scenario: Scenario, plan: Plan, term_name: str) -> pd.DataFrame:
    """One money term against its market: the percentile band, your line and each offer's value.

    Layers: ``band`` (the lowest to the highest percentile given), ``middle``
    (p25 to p75, when both are given), ``pct`` (each percentile given, labelled),
    and ``mark`` (a row each for your bottom line, your target and each offer
    with a known value, labelled with the figure and its percentile).
    """
    term = scenario.term(term_name)
    market = term.market
    assert market is not None
    points = market.points()
    given = dict(points)
    rows: list[dict[str, Any]] = [
        {"layer": "band", "x": points[0][1], "x2": points[-1][1]},
    ]
    if 25 in given and 75 in given:
        rows.append({"layer": "middle", "x": given[25], "x2": given[75]})
    for percentile, figure in points:
        rows.append(
            {"layer": "pct", "row": MARKET_ROW, "x": figure, "label": f"p{percentile}", "who": ""}
        )
    first = plan.offers[0].term(term.name) if plan.offers else None
    marks: list[tuple[str, float | str | None, float | str | None, str]] = [
        (
            BOTTOM_LINE,
            term.bottom_line,
            first.bottom_line_position if first else None,
            "yours",
        ),
        (TARGET, term.target, first.target_position if first else None, "yours"),
    ]
    for offer in plan.offers:
        labels = offer.term(term.name)
        marks.append((offer.name, labels.offer, labels.market_position, "offer"))
    for row, value, where, who in marks:
        if not isinstance(value, float):
            continue
        label = short(value) + (f" · {_position_words(where)}" if where is not None else "")
        rows.append({"layer": "mark", "row": row, "x": value, "label": label, "who": who})
    return pd.DataFrame(rows, columns=MARKET_COLUMNS)


def market_chart(data: pd.DataFrame, unit: str) -> alt.LayerChart:
    """A range bar: the market's band behind a row per figure (your line, each offer)."""
    scale = alt.Scale(zero=False, nice=True, padding=24)
    x = alt.X(
        "x:Q",
        scale=scale,
        title=unit,
        axis=alt.Axis(format="~s", labelFontSize=12, titleFontSize=12),
    )
    y = alt.Y("row:N", sort=None, title=None, axis=alt.Axis(labelLimit=150, labelFontSize=12))
    band = (
        alt.Chart()
        .transform_filter(alt.datum.layer == "band")
        .mark_rect(color="#DCE9F5")
        .encode(x=x, x2="x2:Q")
    )
    middle = (
        alt.Chart()
        .transform_filter(alt.datum.layer == "middle")
        .mark_rect(color="#A9C8E8")
        .encode(x=x, x2="x2:Q")
    )
    pct = alt.datum.layer == "pct"
    ticks = (
        alt.Chart().transform_filter(pct).mark_tick(color="#1F4E79", thickness=2).encode(x=x, y=y)
    )
    pct_labels = (
        alt.Chart()
        .transform_filter(pct)
        .mark_text(baseline="bottom", dy=-9, fontSize=11, color=INK)
        .encode(x=x, y=y, text="label:N")
    )
    mark = alt.datum.layer == "mark"
    dots = (
        alt.Chart()
        .transform_filter(mark)
        .mark_point(filled=True, size=110, stroke=INK, strokeWidth=1)
        .encode(
            x=x,
            y=y,
            shape=alt.Shape(
                "who:N",
                scale=alt.Scale(domain=["yours", "offer"], range=["diamond", "circle"]),
                legend=None,
            ),
            color=alt.Color(
                "who:N",
                scale=alt.Scale(domain=["yours", "offer"], range=["#262730", "#0072B2"]),
                legend=None,
            ),
        )
    )
    dot_labels = (
        alt.Chart()
        .transform_filter(mark)
        .mark_text(baseline="bottom", dy=-8, fontSize=11, color=INK)
        .encode(x=x, y=y, text="label:N")
    )
    chart = alt.layer(band, middle, ticks, pct_labels, dots, dot_labels, data=data).properties(
        height=alt.Step(40)
    )
    assert isinstance(chart, alt.LayerChart)
    return chart


@lru_cache(maxsize=16)
def market_spec(unit: str) -> str:
    """The market chart's Vega-Lite spec without its data, as JSON text (built once per unit)."""
    return _spec_without_data(market_chart(pd.DataFrame(columns=MARKET_COLUMNS), unit))


def market_unit(term: Term, currency: str) -> str:
    """The unit a term's market figures are in: ``USD a year``, ``USD an hour``..."""
    per = {"year": "a year", "month": "a month", "hour": "an hour", "once": "once"}
    return f"{currency} {per[term.per or 'year']}"


def market_text(scenario: Scenario, plan: Plan, term_name: str) -> str:
    """What one market chart shows, in words (its text alternative), naming the source."""
    term = scenario.term(term_name)
    market: Market | None = term.market
    assert market is not None
    unit = market_unit(term, scenario.currency)
    band = ", ".join(f"p{p} {fmt.number(v)}" for p, v in market.points())
    said = [f"{term.name} against the market ({unit}; {market.source}): {band}."]
    first = plan.offers[0].term(term.name) if plan.offers else None
    for words, value, where in (
        ("Your bottom line", term.bottom_line, first.bottom_line_position if first else None),
        ("Your target", term.target, first.target_position if first else None),
    ):
        if isinstance(value, float):
            said.append(f"{words}: {fmt.number(value)} ({_position_words(where)}).")
    for offer in plan.offers:
        labels = offer.term(term.name)
        if isinstance(labels.offer, float):
            said.append(
                f"{offer.name}: {fmt.number(labels.offer)} "
                f"({_position_words(labels.market_position)})."
            )
        else:
            said.append(f"{offer.name}: not known.")
    return " ".join(said)


def market_notices(plan: Plan, term_name: str) -> list[str]:
    """The plan's notices about one term's market (each once, whichever offer raised it)."""
    prefix = f"{term_name}: "
    found = [n for offer in plan.offers for n in offer.notices if n.startswith(prefix)]
    return list(dict.fromkeys(found))
