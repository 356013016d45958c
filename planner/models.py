"""The scenario and plan models: the public contract of SCENARIO_FORMAT.md.

Every model is frozen and refuses unknown fields, so a typo in a scenario file
is caught instead of silently ignored. Rules that need more than one field
(unique names, values that fit their term) are checked on the scenario as a
whole and raised as :class:`ScenarioError` with the exact path of the place.
"""

from __future__ import annotations

import datetime
import difflib
import itertools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from planner.errors import ScenarioError, show

FORMAT = "negotiation-planner/1"
PLAN_FORMAT = "negotiation-plan/1"

TermType = Literal["money", "number", "choice"]
Per = Literal["year", "once", "month", "hour"]
Kind = Literal["pay", "variable", "equity", "benefit"]
Phase = Literal["opening", "countering", "decide"]
Standing = Literal["below_bottom_line", "below_target", "meets"]
Better = Literal["higher", "lower"]
Stance = Literal["fixed", "limited", "negotiable", "unknown"]
Status = Literal["unknown", "met", "deal_breaker", "drop", "push", "trade", "reference"]
Verdict = Literal["walk_away", "accept", "negotiate", "current"]

STANCES: tuple[Stance, ...] = ("fixed", "limited", "negotiable", "unknown")
STATUSES: tuple[Status, ...] = (
    "unknown",
    "met",
    "deal_breaker",
    "drop",
    "push",
    "trade",
    "reference",
)
KINDS: tuple[Kind, ...] = ("pay", "variable", "equity", "benefit")
PERCENTILES: tuple[str, ...] = ("p10", "p25", "p50", "p75", "p90")
DEFAULT_VESTING: tuple[float, ...] = (25.0, 25.0, 25.0, 25.0)


def _compact(number: float) -> float | int:
    """Write whole numbers as JSON integers (60000, not 60000.0)."""
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


def _finite_number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"must be a finite number, got {show(value)}")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError("must be a finite number, got a number too large to use") from None
    if not math.isfinite(number):
        raise ValueError(f"must be a finite number, got {show(value)}")
    return number


def _whole_number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"must be a whole number, got {show(value)}")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"must be a whole number, got {show(value)}")
        return int(value)
    return value


def _number_or_text(value: Any) -> float | str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"must be a number or one of the term's options, got {show(value)}")
    return _finite_number(value)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> str:
    """A calendar date written ``YYYY-MM-DD`` (kept as that text)."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError(
            f"must be a date written YYYY-MM-DD, such as 2026-03-04, got {show(value)}"
        )
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"is not a date in the calendar, got {show(value)}") from None
    return value


def _dump_value(value: float | str) -> float | int | str:
    return value if isinstance(value, str) else _compact(value)


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


Number = Annotated[float, PlainValidator(_finite_number), PlainSerializer(_compact)]
"""A finite number; whole numbers are written back as integers."""

Value = Annotated[float | str, PlainValidator(_number_or_text), PlainSerializer(_dump_value)]
"""A term's value: a number for money and number terms, an option for choice terms."""

Whole = Annotated[int, PlainValidator(_whole_number)]
"""A whole number; 3.0 is read as 3 (JSON does not tell them apart)."""

Name = Annotated[str, BeforeValidator(_strip), StringConstraints(min_length=1, max_length=80)]
"""A term or offer name: surrounding space is dropped, 1 to 80 characters."""

TermKey = Annotated[str, BeforeValidator(_strip)]
Note = Annotated[str, StringConstraints(max_length=500)]
Reason = Annotated[str, StringConstraints(max_length=300)]
IsoDate = Annotated[str, PlainValidator(_iso_date)]
"""A date written ``YYYY-MM-DD``, such as ``2026-03-04``."""

MAX_ROUNDS = 100
"""Most rounds recorded for one offer (far more than any real negotiation has)."""
Option = Annotated[str, StringConstraints(min_length=1, max_length=200)]


def name_key(name: str) -> str:
    """The form in which two names count as the same: case and surrounding space ignored."""
    return name.strip().casefold()


def at_least_as_good(a: float | str, b: float | str, term: Term) -> bool:
    """True when value ``a`` is at least as good as ``b`` for this term (direction-aware)."""
    if term.type == "choice":
        return term.rank(a) >= term.rank(b)
    assert isinstance(a, float)
    assert isinstance(b, float)
    return a <= b if term.better == "lower" else a >= b


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {show(close[0])}?)" if close else ""


def _list_words(items: Iterable[str], limit: int = 8) -> str:
    items = [show(i) for i in items]
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(items[:limit]) + more


class Frozen(BaseModel):
    """Base of every model here: immutable, and unknown fields are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=False)


class Market(Frozen):
    """What the market pays for this role, in the term's own unit (per year, per hour...).

    ``source`` names where the figures come from (BLS OEWS May 2025, a salary
    survey, Levels.fyi for your level); at least two percentiles, not decreasing.
    """

    source: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    p10: Number | None = None
    p25: Number | None = None
    p50: Number | None = None
    p75: Number | None = None
    p90: Number | None = None

    @model_validator(mode="after")
    def _two_rising_percentiles(self) -> Market:
        given = self.points()
        if len(given) < 2:
            raise ValueError("must give at least two percentiles (p10, p25, p50, p75, p90)")
        for (low_p, low), (high_p, high) in itertools.pairwise(given):
            if high < low:
                raise ValueError(
                    f"p{high_p} ({show(_compact(high))}) must not be below "
                    f"p{low_p} ({show(_compact(low))})"
                )
        return self

    def points(self) -> list[tuple[int, float]]:
        """The percentiles given, lowest first: ``[(25, 61000.0), (50, 72000.0), ...]``."""
        out: list[tuple[int, float]] = []
        for key in PERCENTILES:
            figure = getattr(self, key)
            if figure is not None:
                out.append((int(key[1:]), figure))
        return out


def _vesting(value: Any) -> list[float]:
    if not isinstance(value, list):
        raise ValueError(f"must be a list of percents, year 1 first, got {show(value)}")
    if not 1 <= len(value) <= 10:
        raise ValueError(f"must list 1 to 10 yearly percents, got {len(value)}")
    out: list[float] = []
    for i, item in enumerate(value):
        try:
            number = _finite_number(item)
        except ValueError as error:
            raise ValueError(f"year {i + 1} {error}") from None
        if not 0 <= number <= 100:
            raise ValueError(f"year {i + 1} must be 0 to 100 percent, got {show(item)}")
        out.append(number)
    total = math.fsum(out)
    if abs(total - 100) > 1e-6:
        raise ValueError(f"must add up to 100 percent, got {show(_compact(total))}")
    return out


Vesting = Annotated[
    list[float],
    PlainValidator(_vesting),
    PlainSerializer(lambda v: [_compact(x) for x in v]),
]


class Term(Frozen):
    """Something you negotiate over, with your own bottom line and target."""

    name: Name
    type: TermType
    per: Per | None = None
    kind: Kind | None = None
    expected: Annotated[Number, Field(ge=0, le=200)] | None = None
    vesting: Vesting | None = None
    step: Annotated[Number, Field(gt=0)] | None = None
    unit: Annotated[str, StringConstraints(max_length=20)] | None = None
    better: Better | None = None
    options: list[Option] | None = Field(default=None, validate_default=True)
    variable: StrictBool = False
    bottom_line: Value | None = None
    target: Value | None = None
    priority: Annotated[Whole, Field(ge=1, le=5)] = 3
    market: Market | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults_by_type(cls, data: Any) -> Any:
        """Fill the format's defaults that depend on the type (money is per year, ...)."""
        if isinstance(data, dict) and data.get("type") in ("money", "number"):
            data = dict(data)
            data.setdefault("better", "higher")
            if data["type"] == "money":
                data.setdefault("per", "year")
        return data

    @field_validator("per", "unit", "better", "options", "variable", "kind", "expected")
    @classmethod
    def _only_for_its_type(cls, value: Any, info: ValidationInfo) -> Any:
        kind = info.data.get("type")
        allowed = {
            "per": ("money",),
            "unit": ("number",),
            "better": ("money", "number"),
            "options": ("choice",),
            "variable": ("money",),
            "kind": ("money",),
            "expected": ("money",),
        }[str(info.field_name)]
        if kind is not None and kind not in allowed and value not in (None, False):
            kinds = " and ".join(allowed)
            raise ValueError(f"applies only to {kinds} terms, and this is a {kind} term")
        return value

    @field_validator("options")
    @classmethod
    def _distinct_options(cls, options: list[str] | None, info: ValidationInfo) -> list[str] | None:
        if options is None:
            if info.data.get("type") == "choice":
                raise ValueError("is required for a choice term: its options, worst first")
            return None
        if not 2 <= len(options) <= 20:
            raise ValueError(f"must list 2 to 20 options, worst first; got {len(options)}")
        seen: set[str] = set()
        for option in options:
            if option in seen:
                raise ValueError(f"lists {show(option)} twice; options must be distinct")
            seen.add(option)
        return options

    @field_validator("bottom_line", "target")
    @classmethod
    def _fits_the_type(cls, value: float | str | None, info: ValidationInfo) -> float | str | None:
        if value is None:
            return None
        kind = info.data.get("type")
        if kind in ("money", "number", "choice"):
            problem = _value_problem(value, kind, info.data.get("options") or [])
            if problem:
                raise ValueError(problem)
        return value

    @field_validator("target")
    @classmethod
    def _target_not_worse_than_bottom_line(
        cls, target: float | str | None, info: ValidationInfo
    ) -> float | str | None:
        bottom = info.data.get("bottom_line")
        if target is None or bottom is None:
            return target
        if isinstance(target, str) and isinstance(bottom, str):
            options = info.data.get("options") or []
            worse = options.index(target) < options.index(bottom)
            rule = "options are listed worst first"
        elif isinstance(target, float) and isinstance(bottom, float):
            lower = info.data.get("better") == "lower"
            worse = target > bottom if lower else target < bottom
            rule = "lower is better for this term" if lower else "higher is better for this term"
        else:
            return target
        if worse:
            raise ValueError(
                f"must be at least as good as the bottom line ({show(_dump_value(bottom))}; "
                f"{rule}), got {show(_dump_value(target))}"
            )
        return target

    @field_validator("vesting", "market")
    @classmethod
    def _money_only(cls, value: Any, info: ValidationInfo) -> Any:
        kind = info.data.get("type")
        if value is not None and kind is not None and kind != "money":
            raise ValueError(f"applies only to money terms, and this is a {kind} term")
        return value

    @field_validator("step")
    @classmethod
    def _step_for_figures(cls, value: Any, info: ValidationInfo) -> Any:
        kind = info.data.get("type")
        if value is not None and kind == "choice":
            raise ValueError("applies only to money and number terms, and this is a choice term")
        return value

    @property
    def is_money(self) -> bool:
        return self.type == "money"

    @property
    def is_recurring(self) -> bool:
        return self.type == "money" and self.per != "once"

    @property
    def money_kind(self) -> Kind:
        """``pay``, ``variable``, ``equity`` or ``benefit``; ``variable: true`` reads as variable."""
        if self.kind is not None:
            return self.kind
        return "variable" if self.variable else "pay"

    @property
    def expected_percent(self) -> float:
        """The percent of the stated figure you expect (only variable and equity use it)."""
        return 100.0 if self.expected is None else self.expected

    @property
    def vesting_percents(self) -> tuple[float, ...]:
        return DEFAULT_VESTING if self.vesting is None else tuple(self.vesting)

    @property
    def reference(self) -> float | str | None:
        """What an ask on this term asks for: the target, else the bottom line."""
        return self.target if self.target is not None else self.bottom_line

    def rank(self, option: float | str) -> int:
        """Position of a choice in the options, worst first (0)."""
        assert self.options is not None
        assert isinstance(option, str)
        return self.options.index(option)


class Round(Frozen):
    """What the company answered on one term in one round of the negotiation.

    An optional field of the format (``offers[i].rounds``, oldest first): a new
    figure (``value``), a new stance (``"fixed"`` when they say it is fixed), or
    both for a counter; a ``note`` in your words and the ``date`` it was said.
    """

    term: TermKey
    value: Value | None = None
    stance: Stance | None = None
    note: Note = ""
    date: IsoDate | None = None

    @model_validator(mode="after")
    def _says_something(self) -> Round:
        if self.value is None and self.stance is None and not self.note.strip():
            raise ValueError("a round must record a new value, a stance or a note")
        return self


class Offer(Frozen):
    """One offer (or your current job) with the company's value and stance per term."""

    name: Name
    current: StrictBool = False
    values: dict[TermKey, Value] = Field(default_factory=dict)
    flexibility: dict[TermKey, Stance] = Field(default_factory=dict)
    notes: dict[TermKey, Note] = Field(default_factory=dict)
    reasons: dict[TermKey, Reason] = Field(default_factory=dict)
    deadline: IsoDate | None = None
    rounds: list[Round] = Field(default_factory=list, max_length=MAX_ROUNDS)

    @field_validator("values", "flexibility", "notes", "reasons", mode="before")
    @classmethod
    def _each_term_once(cls, entries: Any) -> Any:
        """Names ignore surrounding space, so "Base salary" and " Base salary" are one term."""
        if isinstance(entries, dict):
            seen: dict[str, str] = {}
            for key in entries:
                if isinstance(key, str):
                    if key.strip() in seen:
                        raise ValueError(
                            f"names the term {show(key.strip())} twice "
                            f"({show(seen[key.strip()])} and {show(key)})"
                        )
                    seen[key.strip()] = key
        return entries

    def stance(self, term: str) -> Stance:
        """The company's stance on a term; a term without one is ``unknown``."""
        return self.flexibility.get(term, "unknown")

    def value(self, term: str) -> float | str | None:
        return self.values.get(term)

    def learned(self) -> Offer:
        """This offer as the company's answers left it.

        Each term's latest value and latest stance from :attr:`rounds` replace
        the ones first recorded; the rounds themselves are kept. An offer
        without rounds is returned as it is.
        """
        if not self.rounds:
            return self
        values = dict(self.values)
        flexibility = dict(self.flexibility)
        for answer in self.rounds:
            if answer.value is not None:
                values[answer.term] = answer.value
            if answer.stance is not None:
                flexibility[answer.term] = answer.stance
        return self.model_copy(update={"values": values, "flexibility": flexibility})


class Scenario(Frozen):
    """Everything a candidate knows before a negotiation."""

    format: Literal["negotiation-planner/1"]
    title: Annotated[str, StringConstraints(max_length=200)] = ""
    currency: str = "USD"
    max_asks: Annotated[Whole, Field(ge=1, le=10)] = 3
    years: Annotated[Whole, Field(ge=1, le=10)] = 4
    hours_per_week: Annotated[Number, Field(gt=0, le=100)] = 40.0
    disclose_competing: StrictBool = False
    terms: Annotated[list[Term], Field(min_length=1, max_length=100)]
    offers: Annotated[list[Offer], Field(min_length=1, max_length=20)]

    @field_validator("currency")
    @classmethod
    def _iso_code(cls, code: str) -> str:
        if not (len(code) == 3 and code.isascii() and code.isalpha() and code.isupper()):
            raise ValueError(
                f"must be a 3-letter ISO 4217 code in capitals, such as USD or EUR, got {show(code)}"
            )
        return code

    @model_validator(mode="after")
    def _names_and_values_fit(self) -> Scenario:
        _check_unique("terms", [t.name for t in self.terms])
        _check_unique("offers", [o.name for o in self.offers])
        terms = {t.name: t for t in self.terms}
        for i, offer in enumerate(self.offers):
            for part in ("values", "flexibility", "notes", "reasons"):
                for key in getattr(offer, part):
                    if key not in terms:
                        raise ScenarioError(
                            f"offers[{i}].{part}.{key}",
                            "is not a term of this scenario" + _did_you_mean(key, terms),
                        )
            for key, value in offer.values.items():
                problem = _value_problem(value, terms[key].type, terms[key].options)
                if problem:
                    raise ScenarioError(f"offers[{i}].values.{key}", problem)
            for j, answer in enumerate(offer.rounds):
                where = f"offers[{i}].rounds[{j}]"
                if answer.term not in terms:
                    raise ScenarioError(
                        f"{where}.term",
                        f"{show(answer.term)} is not a term of this scenario"
                        + _did_you_mean(answer.term, terms),
                    )
                if answer.value is not None:
                    problem = _value_problem(
                        answer.value, terms[answer.term].type, terms[answer.term].options
                    )
                    if problem:
                        raise ScenarioError(f"{where}.value", problem)
        return self

    def term(self, name: str) -> Term:
        for term in self.terms:
            if term.name == name:
                return term
        raise KeyError(name)

    def offer(self, name: str) -> Offer:
        """The offer of that name (ignoring case and surrounding space)."""
        for offer in self.offers:
            if name_key(offer.name) == name_key(name):
                return offer
        raise KeyError(name)


def apply_rounds(scenario: Scenario) -> Scenario:
    """The scenario as the company's answers left it: every offer :meth:`Offer.learned`.

    The rounds are kept (the history stays), so applying twice changes nothing
    more. A scenario without rounds is returned as it is. Plan with the result,
    but save the scenario as it was read: the values first recorded live only there.
    """
    if not any(offer.rounds for offer in scenario.offers):
        return scenario
    return scenario.model_copy(update={"offers": [offer.learned() for offer in scenario.offers]})


def _check_unique(field: str, names: list[str]) -> None:
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        key = name_key(name)
        if key in seen:
            raise ScenarioError(
                f"{field}[{i}].name",
                f"{show(name)} is already the name of {field}[{seen[key]}] "
                "(names must differ, ignoring case)",
            )
        seen[key] = i


def _value_problem(value: float | str, kind: str, options: list[str] | None) -> str | None:
    """What is wrong with a value for a term of this type (and options), or ``None``."""
    if kind == "choice":
        options = options or []
        if value not in options:
            hint = _did_you_mean(value, options) if isinstance(value, str) else ""
            return f"must be one of the options {_list_words(options)}, got {show(value)}{hint}"
        return None
    if isinstance(value, str):
        return f"must be a finite number, got {show(value)}"
    if kind == "money" and value < 0:
        return f"must not be negative (money), got {show(_compact(value))}"
    return None


# --- the plan ---------------------------------------------------------------
#
# The plan is made of frozen, slotted dataclasses rather than pydantic models: a
# plan has a row per offer and term (2,000 in the largest scenario) and the
# planner builds them from values it computed itself, so validating them again
# would be most of the cost of planning. Pydantic still writes them out: a
# ``TypeAdapter`` at the boundary (:meth:`Plan.to_json`) applies the same
# serializers as the scenario (whole numbers as integers).

MarketPosition = int | float | str
"""A percentile (``37.5``), or ``"<p10"`` / ``">p90"`` outside the figures given."""


@dataclass(frozen=True, slots=True)
class YearMoney:
    """One year of an offer's money, by kind; ``None`` where a value is not known."""

    year: int
    guaranteed: float | None
    variable: float | None
    equity: float | None
    one_off: float | None
    benefits: float | None
    total: float | None
    on_paper: float | None


@dataclass(frozen=True, slots=True)
class Money:
    """An offer's money over the scenario's ``years``; totals ``None`` when any year's is."""

    years: list[YearMoney]
    total: float | None
    on_paper: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "years": [
                {
                    "year": y.year,
                    **{
                        key: _maybe_compact(getattr(y, key))
                        for key in (
                            "guaranteed",
                            "variable",
                            "equity",
                            "one_off",
                            "benefits",
                            "total",
                            "on_paper",
                        )
                    },
                }
                for y in self.years
            ],
            "total": _maybe_compact(self.total),
            "on_paper": _maybe_compact(self.on_paper),
        }


def _maybe_compact(value: float | None) -> float | int | None:
    return None if value is None else _compact(value)


class TermPlan(NamedTuple):
    """What the plan says about one term of one offer.

    A named tuple: immutable, and the cheapest object Python builds (a plan
    has a row per offer and term, 2,000 in the largest scenario).
    """

    term: str
    status: Status
    must_win: bool
    offer: float | str | None
    bottom_line: float | str | None
    target: float | str | None
    ask: float | str | None
    reason: str
    stance: Stance
    shortfall: float | None = None
    note: str = ""
    best_elsewhere: str | None = None
    market_position: MarketPosition | None = None
    bottom_line_position: MarketPosition | None = None
    target_position: MarketPosition | None = None
    has_market: bool = False
    opening_ask: float | str | None = None
    """After rounds: what you first asked for on this term (``None`` when it was not asked)."""
    answers: int = 0
    """How many rounds answered this term (with a value or a stance)."""
    standing: Standing | None = None
    """Your current job's value against your line (``None`` for offers and unknown values)."""

    def to_json(self) -> dict[str, Any]:
        """This row as the plan result writes it (market fields only with market data)."""
        data = self._asdict()
        for key in ("offer", "bottom_line", "target", "ask", "opening_ask", *_MARKET_ONLY):
            item = data[key]
            if isinstance(item, float):
                data[key] = _compact(item)
        if not self.has_market:
            for key in _MARKET_ONLY:
                del data[key]
        for key in _INTERNAL:
            del data[key]
        return data


@dataclass(frozen=True, slots=True)
class OfferPlan:
    """The verdict, ask list, per-term labels and money of one offer."""

    name: str
    current: bool
    verdict: Verdict
    why: str
    asks: list[str]
    terms: list[TermPlan]
    phase: Phase = "opening"
    opening_asks: list[str] = field(default_factory=list)
    deadline: str | None = None
    days_left: int | None = None
    behind_current: list[str] | None = None
    money: Money | None = None
    notices: list[str] = field(default_factory=list)
    """Plain-word warnings and reminders: a deadline, the market, a must-win."""

    def term(self, name: str) -> TermPlan:
        for term in self.terms:
            if term.term == name:
                return term
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "current": self.current,
            "verdict": self.verdict,
            "phase": self.phase,
            "why": self.why,
            "asks": list(self.asks),
            "opening_asks": list(self.opening_asks),
            "deadline": self.deadline,
            "days_left": self.days_left,
            "behind_current": None if self.behind_current is None else list(self.behind_current),
            "notices": list(self.notices),
            "money": None if self.money is None else self.money.to_json(),
            "terms": [term.to_json() for term in self.terms],
        }


_MARKET_ONLY = ("market_position", "bottom_line_position", "target_position")
_INTERNAL = ("has_market", "standing")


@dataclass(frozen=True, slots=True)
class Plan:
    """The plan result: one entry per offer, in the scenario's order."""

    offers: list[OfferPlan]
    format: Literal["negotiation-plan/1"] = "negotiation-plan/1"
    title: str = ""
    currency: str = "USD"
    max_asks: int = 3
    years: int = 4
    today: str | None = None

    def offer(self, name: str) -> OfferPlan:
        for offer in self.offers:
            if name_key(offer.name) == name_key(name):
                return offer
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        """The plan result of SCENARIO_FORMAT.md as JSON-ready data.

        ``market_position`` (and the positions of the bottom line and target)
        appear only for terms that have market data.
        """
        return {
            "format": self.format,
            "title": self.title,
            "currency": self.currency,
            "max_asks": self.max_asks,
            "years": self.years,
            "today": self.today,
            "offers": [offer.to_json() for offer in self.offers],
        }

    def model_dump(self, mode: str = "json") -> dict[str, Any]:
        """The same as :meth:`to_json` (the name pydantic models use)."""
        return self.to_json()
