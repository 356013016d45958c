"""Share links: the whole scenario inside the URL, so nothing is stored on a server.

A link's ``plan`` query parameter is ``1.`` (the link format's version) followed
by the scenario as compact JSON, compressed with zlib against a fixed preset
dictionary of the format's common words, in URL-safe base64 without padding.
Decoding checks the size before decoding and caps what decompression may
produce, so a crafted link cannot exhaust memory; what comes out is validated
as strictly as a scenario file.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Sequence
from urllib.parse import parse_qs, urlsplit

from planner.errors import ScenarioError
from planner.models import Scenario
from planner.scenario_file import MAX_BYTES, read_scenario, scenario_to_dict

PARAM = "plan"
VERSION = "1"
DEFAULT_BASE_URL = "http://localhost:8501/"
"""Where ``streamlit run streamlit_app.py`` serves the app by default."""

MAX_LINK_CHARS = 8000
"""Longest link made: longer URLs are cut by some mail and chat programs; the
scenario file is the way to share a plan that does not fit."""

MAX_PARAM_CHARS = 16_000
"""Longest ``plan`` parameter read; anything longer is refused before decoding."""

MAX_JSON_BYTES = MAX_BYTES
"""Most bytes decompression may produce (a decompression bomb stops here)."""

# The preset dictionary of link format 1. It must never change: links made
# with it must open for good. zlib favours its end, so the commonest go last.
_DICTIONARY_1 = (
    b"Health coverageVacation daysTitleRemote days per weekRelocationLearning budget"
    b"Retirement matchParental leaveWeeks until startCommute minutesEquity per year"
    b"Annual bonusCommission (on-target)Signing bonus"
    b'"unit":"days/year""unit":"days/week""unit":"weeks""unit":"min/day"'
    b'"better":"lower""variable":true"current":true"per":"once""options":["None","Basic",'
    b'"Standard","Comprehensive"]"title":"Offers"currency":"EUR"currency":"GBP"'
    b'{"format":"negotiation-planner/1","currency":"USD","max_asks":3,"terms":[{"name":"'
    b'Base salary","type":"money","per":"year","bottom_line":,"target":,"priority":5},'
    b'{"name":"","type":"number","type":"choice","priority":3},"offers":[{"name":"'
    b'","values":{"Base salary":,"flexibility":{"Base salary":"negotiable","'
    b'":"fixed","":"limited","":"unknown","":"negotiable"},"notes":{"'
)


class LinkError(ScenarioError):
    """A link that is not a planner link, is damaged, or is too large."""


def _compress(data: bytes) -> bytes:
    packer = zlib.compressobj(level=9, wbits=-15, zdict=_DICTIONARY_1)
    return packer.compress(data) + packer.flush()


def _decompress(data: bytes) -> bytes:
    unpacker = zlib.decompressobj(wbits=-15, zdict=_DICTIONARY_1)
    try:
        out = unpacker.decompress(data, MAX_JSON_BYTES + 1)
    except zlib.error:
        raise LinkError("link", "is damaged: its data cannot be unpacked") from None
    if len(out) > MAX_JSON_BYTES or unpacker.unconsumed_tail:
        raise LinkError("link", "holds more data than a scenario can have")
    if not unpacker.eof:
        raise LinkError("link", "is cut short: copy the whole link")
    return out


def encode(scenario: Scenario) -> str:
    """The value of the ``plan`` query parameter that carries this scenario."""
    data = json.dumps(scenario_to_dict(scenario), ensure_ascii=False, separators=(",", ":"))
    packed = base64.urlsafe_b64encode(_compress(data.encode("utf-8"))).rstrip(b"=")
    return f"{VERSION}.{packed.decode('ascii')}"


def make_link(scenario: Scenario, base_url: str = DEFAULT_BASE_URL) -> str:
    """A link that opens this scenario's plan in the app.

    Raises :class:`LinkError` when the link would be longer than
    :data:`MAX_LINK_CHARS`; share the scenario file instead then.
    """
    return link_with(encode(scenario), base_url)


def link_with(param: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """The link for an already encoded ``plan`` parameter (see :func:`make_link`)."""
    base = base_url.split("?", 1)[0].split("#", 1)[0]
    try:
        parts = urlsplit(base)
    except ValueError as error:
        raise LinkError("--base-url", f"is not a web address ({error})") from None
    if parts.netloc and not parts.path:
        base += "/"
    link = f"{base}?{PARAM}={param}"
    if len(link) > MAX_LINK_CHARS:
        raise LinkError(
            "link",
            f"would be {len(link):,} characters, too long to share safely (at most "
            f"{MAX_LINK_CHARS:,}): share the scenario file instead",
        )
    return link


def decode(param: str, max_chars: int = MAX_PARAM_CHARS) -> Scenario:
    """The scenario a ``plan`` parameter carries, or :class:`LinkError` saying what is wrong.

    ``max_chars`` is the longest accepted: a link's limit unless the text comes from
    somewhere roomier (the browser's own storage keeps plans too large for a link).
    """
    param = param.strip()
    if not param:
        raise LinkError("link", "carries no plan")
    if len(param) > max_chars:
        raise LinkError("link", f"is too long to be a planner link ({len(param):,} characters)")
    version, dot, payload = param.partition(".")
    if not dot or not version.isdigit():
        raise LinkError("link", "is not a negotiation planner link")
    if version != VERSION:
        raise LinkError(
            "link", f"was made by another version of the planner (link format {version[:5]})"
        )
    try:
        padded = payload + "=" * (-len(payload) % 4)
        packed = base64.b64decode(padded, altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise LinkError("link", "is damaged: it has characters a planner link never has") from None
    raw = _decompress(packed)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LinkError("link", "is damaged: its data is not text") from None
    try:
        return read_scenario(text)
    except ScenarioError as error:
        where = f"link: {error.path}" if error.path else "link"
        raise LinkError(where, error.problem) from None


def single_param(values: Sequence[str]) -> str:
    """The one ``plan`` value of a link; a link with two or more is refused.

    Readers disagree on which of several to take (the first, the last), so a link
    checked with one could open a different plan in another.
    """
    if len(values) > 1:
        raise LinkError(
            "link",
            f"has {len(values)} {PARAM}= parts, and a planner link has one: ask for the link again",
        )
    if not values:
        raise LinkError("link", f"has no {PARAM}= part: it is not a negotiation planner link")
    return values[0]


def param_of(link: str) -> str:
    """The ``plan`` parameter of a full link, or the text itself when it is bare.

    The plan may be in the query (``?plan=``) or in the fragment (``#plan=``, which a
    browser never sends to the server).
    """
    link = link.strip()
    if f"#{PARAM}=" in link:
        link = link.split("#", 1)[1]
    if "?" in link or link.startswith(("http://", "https://")):
        try:
            query = urlsplit(link).query
        except ValueError:
            raise LinkError("link", "is not a web address") from None
    elif link.startswith(f"{PARAM}="):
        query = link
    else:
        return link
    return single_param(parse_qs(query, keep_blank_values=True).get(PARAM, []))


def read_link(link: str) -> Scenario:
    """The scenario a link carries: a full URL, ``plan=...`` or the bare parameter."""
    return decode(param_of(link))
