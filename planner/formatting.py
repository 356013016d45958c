"""Figures in plain words: money in the scenario's currency, numbers with their unit."""

from __future__ import annotations

from planner.models import Term
from planner.wording import unit_for


def number(value: float, decimals: int = 2) -> str:
    """``66000.0`` -> ``66,000``; ``2.5`` -> ``2.5``; ``1234.567`` -> ``1,234.57``."""
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(value: float, currency: str) -> str:
    """``66000`` -> ``66,000 EUR``; cents are kept when there are any."""
    if float(value).is_integer():
        return f"{int(value):,} {currency}"
    return f"{value:,.2f} {currency}"


def amount(value: float, term: Term, currency: str) -> str:
    """A quantity of this term: money in the currency, a number with its unit."""
    if term.type == "money":
        return money(value, currency)
    return f"{number(value)} {unit_for(value, term.unit)}" if term.unit else number(value)


def value(value: float | str | None, term: Term, currency: str) -> str:
    """A value of this term as the user would say it; an unknown value is said so."""
    if value is None:
        return "not known"
    if isinstance(value, str):
        return value
    text = amount(value, term, currency)
    if term.type == "money":
        text += " a year" if term.per == "year" else " once"
    return text


def cell(value: float | str | None) -> str:
    """A value for a table cell: no unit, empty when not known."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return number(value)
