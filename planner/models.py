"""The scenario and plan models: the public contract of SCENARIO_FORMAT.md.

Every model is frozen and refuses unknown fields, so a typo in a scenario file
is caught instead of silently ignored. Rules that need more than one field
(unique names, values that fit their term) are checked on the scenario as a
whole and raised as :class:`ScenarioError` with the exact path of the place.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Iterable
from functools import cache
from typing import Annotated, Any, Literal, Self

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
Per = Literal["year", "once"]
Better = Literal["higher", "lower"]
Stance = Literal["fixed", "limited", "negotiable", "unknown"]
Status = Literal["unknown", "met", "deal_breaker", "drop", "push", "trade"]
Verdict = Literal["walk_away", "accept", "negotiate", "current"]

STANCES: tuple[Stance, ...] = ("fixed", "limited", "negotiable", "unknown")
STATUSES: tuple[Status, ...] = ("unknown", "met", "deal_breaker", "drop", "push", "trade")


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


@cache
def _field_names(model: type[BaseModel]) -> frozenset[str]:
    """Every field of a model (immutable, so one copy can serve every instance)."""
    return frozenset(model.model_fields)


class Frozen(BaseModel):
    """Base of every model here: immutable, and unknown fields are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=False)

    @classmethod
    def trusted(cls, **values: Any) -> Self:
        """Build from values the planner computed itself (every field given, already valid).

        Skips validation like ``model_construct`` but also its per-call work on
        defaults: a plan has a row per offer and term (2,000 in the largest
        scenario), and this is most of the cost of planning.
        """
        model = cls.__new__(cls)
        object.__setattr__(model, "__dict__", values)
        object.__setattr__(model, "__pydantic_fields_set__", _field_names(cls))
        object.__setattr__(model, "__pydantic_extra__", None)
        object.__setattr__(model, "__pydantic_private__", None)
        return model


class Term(Frozen):
    """Something you negotiate over, with your own bottom line and target."""

    name: Name
    type: TermType
    per: Per | None = None
    unit: Annotated[str, StringConstraints(max_length=20)] | None = None
    better: Better | None = None
    options: list[Option] | None = Field(default=None, validate_default=True)
    variable: StrictBool = False
    bottom_line: Value | None = None
    target: Value | None = None
    priority: Annotated[Whole, Field(ge=1, le=5)] = 3

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

    @field_validator("per", "unit", "better", "options", "variable")
    @classmethod
    def _only_for_its_type(cls, value: Any, info: ValidationInfo) -> Any:
        kind = info.data.get("type")
        allowed = {
            "per": ("money",),
            "unit": ("number",),
            "better": ("money", "number"),
            "options": ("choice",),
            "variable": ("money",),
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

    @property
    def is_money(self) -> bool:
        return self.type == "money"

    @property
    def is_recurring(self) -> bool:
        return self.type == "money" and self.per == "year"

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
    rounds: list[Round] = Field(default_factory=list, max_length=MAX_ROUNDS)

    @field_validator("values", "flexibility", "notes", mode="before")
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
            for field in ("values", "flexibility", "notes"):
                for key in getattr(offer, field):
                    if key not in terms:
                        raise ScenarioError(
                            f"offers[{i}].{field}.{key}",
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


class TermPlan(Frozen):
    """What the plan says about one term of one offer."""

    term: str
    status: Status
    must_win: bool
    offer: Value | None
    bottom_line: Value | None
    target: Value | None
    ask: Value | None
    reason: str
    stance: Stance
    shortfall: float | None = None
    note: str = ""


class OfferPlan(Frozen):
    """The verdict, ask list and per-term labels of one offer."""

    name: str
    current: bool
    verdict: Verdict
    why: str
    asks: list[str]
    terms: list[TermPlan]

    def term(self, name: str) -> TermPlan:
        for term in self.terms:
            if term.term == name:
                return term
        raise KeyError(name)


class Plan(Frozen):
    """The plan result: one entry per offer, in the scenario's order."""

    format: Literal["negotiation-plan/1"] = "negotiation-plan/1"
    title: str = ""
    currency: str = "USD"
    max_asks: int = 3
    offers: list[OfferPlan]

    def offer(self, name: str) -> OfferPlan:
        for offer in self.offers:
            if name_key(offer.name) == name_key(name):
                return offer
        raise KeyError(name)
