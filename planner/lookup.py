"""Finding an offer by the name someone typed: the one lookup every command and tab uses.

It works on the scenario's offers and on the plan's alike, ignoring case and
surrounding space, and says plainly when there is no such offer or when the one
named is your current job, which is compared and never negotiated.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from planner.errors import ScenarioError
from planner.models import name_key


class _Offer(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def current(self) -> bool: ...


OfferT = TypeVar("OfferT", bound=_Offer)


def find_offer(offers: Sequence[OfferT], name: str, *, negotiated: bool = False) -> OfferT:
    """The offer of that name (ignoring case and surrounding space).

    Raises :class:`ScenarioError` (path ``offer``) naming the offers when there is
    none, and, with ``negotiated``, when it is your current job.
    """
    for offer in offers:
        if name_key(offer.name) == name_key(name):
            return check_negotiated(offer) if negotiated else offer
    names = ", ".join(f"'{o.name}'" for o in offers)
    raise ScenarioError("offer", f"no offer named '{name.strip()}' (the offers are: {names})")


def check_negotiated(offer: OfferT) -> OfferT:
    """The offer itself; raises :class:`ScenarioError` (path ``offer``) for your current job."""
    if offer.current:
        raise ScenarioError("offer", f"'{offer.name}' is your current job: it is not negotiated")
    return offer
