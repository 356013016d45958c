"""Coaching from the plan: the counter-offer script and the call sheet to practise with.

**Plan once.** Each function takes the plan of the offer it coaches (an
:class:`~planner.models.OfferPlan` from :func:`~planner.rules.make_plan`), never a
name to plan again; :func:`planner.lookup.find_offer` finds it by name.

**Never the bottom line.** Nothing here writes a bottom-line figure, with one
exception that is no exception: where a term has no target, what you ask for on
it *is* its bottom line (that is the format's ask), so that figure is said as the
ask. Every other figure in a script is an ask (a target). The only text not made
here is your own notes, quoted as the reason for an ask: a note that mentions one
of your bottom lines is not quoted (see :mod:`planner.guard`), and the reason
falls back to how much the term matters to you.

**Never a fixed term.** The script asks for exactly the plan's asks, in the
plan's order; the plan never asks for a term the company fixed.

**An offer that fails the bottom line** (verdict ``walk_away``) is called out
plainly, and no counter is drafted unless you ask for one anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import Field

from planner import formatting as fmt
from planner.catalog import RuleOfThumb, load_catalog
from planner.guard import BottomLines, bottom_lines
from planner.lookup import check_negotiated
from planner.models import Frozen, OfferPlan, Scenario, Status, Term, TermPlan, Value, Verdict
from planner.packages import Package, package_progress, packages
from planner.rules import ask_order
from planner.wording import escape_file, join_words, plural

PRIORITY_REASONS = {
    5: "This matters most to me.",
    4: "This matters a lot to me.",
    3: "This matters to me.",
    2: "This would help me.",
    1: "A smaller point, but it would help.",
}
MUST_WIN_REASON = "This one is essential for me."

COUNTER_BETWEEN_PRIORITY = 4
"""A lower figure that meets your bottom line, on a term of at least this priority
that the company negotiates, is worth one counter halfway; any other is taken."""


def all_at_once() -> RuleOfThumb:
    """The rule of thumb the script follows, with its source (Malhotra, HBR 2014)."""
    return load_catalog().rule("all-at-once")


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


# --- the counter-offer script --------------------------------------------------------


class ScriptAsk(Frozen):
    """One ask of the script, with its figure and the reason given for it."""

    term: str
    figure: Value
    figure_text: str
    """The figure as said: ``82,000 USD a year``, ``20 days/year``, ``Comprehensive``."""
    justification: str
    from_note: bool
    """True when the reason is your note on this term; else it says how much the term matters."""
    must_win: bool
    status: Status


class Script(Frozen):
    """A counter-offer: an email and talking points for a call, or why there is none."""

    offer: str
    verdict: Verdict
    fails_bottom_line: bool
    warning: str = ""
    """For an offer that fails your bottom line: which term fails, and that the company fixed it."""
    notice: str = ""
    """Why no counter is drafted (empty when one is)."""
    subject: str = ""
    email: str = ""
    """The email's body; empty when no counter is drafted."""
    talking_points: list[str] = Field(default_factory=list)
    asks: list[tuple[str, Value]] = Field(default_factory=list)
    """(term, figure) for each ask, in the plan's order."""
    lines: list[ScriptAsk] = Field(default_factory=list)
    find_out: list[str] = Field(default_factory=list)
    """Terms whose value the offer does not say yet: questions to ask, not asks."""
    rule: RuleOfThumb

    @property
    def drafted(self) -> bool:
        return bool(self.email)


def _fixed_words(names: list[str]) -> str:
    they = "it is" if len(names) == 1 else "they are"
    return f"{join_words(names)}, and the company says {they} fixed"


def fails_words(plan: OfferPlan) -> str:
    """``Harbor fails your bottom line on Health coverage, and the company says it is fixed.``"""
    breakers = [t.term for t in plan.terms if t.status == "deal_breaker"]
    return f"{plan.name} fails your bottom line on {_fixed_words(breakers)}."


def _ask_line(scenario: Scenario, labels: TermPlan, secrets: BottomLines) -> ScriptAsk:
    term = scenario.term(labels.term)
    assert labels.ask is not None
    note = " ".join(labels.note.split())
    usable = bool(note) and not secrets.said_in(note)
    if usable:
        justification = _sentence(note)
    elif labels.must_win:
        justification = MUST_WIN_REASON
    else:
        justification = PRIORITY_REASONS[term.priority]
    return ScriptAsk(
        term=labels.term,
        figure=labels.ask,
        figure_text=fmt.value(labels.ask, term, scenario.currency),
        justification=justification,
        from_note=usable,
        must_win=labels.must_win,
        status=labels.status,
    )


def _email(offer: str, lines: list[ScriptAsk]) -> tuple[str, str]:
    subject = f"Your offer: thank you, and {plural(len(lines), 'point')} before I decide"
    body = [
        "Hello,",
        "",
        f"Thank you for the offer. I am excited about the role and about joining {offer}, "
        "and I would like to make this work.",
        "",
        "Before I decide, I would like to raise everything at once, so that we can settle "
        + ("it" if len(lines) == 1 else "it all")
        + " in one conversation"
        + (":" if len(lines) == 1 else ", most important first:"),
        "",
    ]
    for n, line in enumerate(lines, start=1):
        body.append(f"{n}. {line.term}: {line.figure_text}. {line.justification}")
    body += [
        "",
        "I am happy to talk it through on a call, and I look forward to hearing from you.",
        "",
        "Best regards,",
        "[Your name]",
    ]
    return subject, "\n".join(body)


def _talking_points(
    offer: str, lines: list[ScriptAsk], rule: RuleOfThumb, plan: OfferPlan, warning: str
) -> list[str]:
    points = []
    if warning:
        points.append(f"Know before you call: {warning} No counter changes that.")
    points += [
        f"Open with thanks and enthusiasm: thank them for the offer and say you are excited "
        f"about joining {offer}.",
        f"Raise all {len(lines)} asks at once, most important first, and say how much each "
        f'matters. Rule of thumb: "{rule.rule}" ({rule.source}).'
        if len(lines) > 1
        else f'Raise your ask and say how much it matters. Rule of thumb: "{rule.rule}" '
        f"({rule.source}).",
    ]
    for n, line in enumerate(lines, start=1):
        why = f"{line.justification} (from your notes)" if line.from_note else line.justification
        text = f"{n}. {line.term}: ask for {line.figure_text}. Why: {why}"
        if line.must_win:
            text += " Must win: without it this offer fails your bottom line."
        elif line.status == "trade":
            text += " Their room is limited or not known: ask, and be ready to trade it."
        points.append(text)
    points.append(
        "If they ask for your minimum, do not give it: repeat your asks and why they matter."
    )
    if any(t.status == "drop" for t in plan.terms):
        points.append("Leave out what the company has fixed: it is not worth the goodwill.")
    points.append("Close: ask when they can come back to you, and thank them again.")
    return points


def counter_script(scenario: Scenario, plan: OfferPlan, *, anyway: bool = False) -> Script:
    """The counter-offer for one offer: thanks first, then all the plan's asks at once.

    The asks are exactly the plan's, in its order, with their figures; each has
    a reason from your note on that term of that offer, else from its priority.
    For an offer that fails your bottom line there is a plain ``warning`` and no
    counter, unless ``anyway``. Raises :class:`~planner.errors.ScenarioError`
    for your current job (it is not negotiated).
    """
    check_negotiated(plan)
    rule = all_at_once()
    fails = plan.verdict == "walk_away"
    warning = fails_words(plan) if fails else ""
    base = Script(
        offer=plan.name,
        verdict=plan.verdict,
        fails_bottom_line=fails,
        warning=warning,
        find_out=[t.term for t in plan.terms if t.status == "unknown"],
        rule=rule,
    )
    if fails and not anyway:
        return base.model_copy(
            update={
                "notice": "No counter is drafted for an offer that fails your bottom line. "
                "Walk away, or ask for a counter anyway on the terms the company can move."
            }
        )
    asked = [plan.term(name) for name in plan.asks]
    if not asked:
        return base.model_copy(update={"notice": f"Nothing to counter: {_lower(plan.why)}."})
    secrets = bottom_lines(scenario, [labels.ask for labels in asked if labels.ask is not None])
    lines = [_ask_line(scenario, labels, secrets) for labels in asked]
    subject, email = _email(plan.name, lines)
    return Script(
        offer=plan.name,
        verdict=plan.verdict,
        fails_bottom_line=fails,
        warning=warning,
        find_out=base.find_out,
        rule=rule,
        subject=subject,
        email=email,
        talking_points=_talking_points(plan.name, lines, rule, plan, warning),
        asks=[(line.term, line.figure) for line in lines],
        lines=lines,
    )


def script_text(script: Script, *, hint: str = "") -> str:
    """The script as plain text: the email, then the talking points (or why there is none).

    ``hint`` follows the notice when no counter was drafted for an offer that
    fails your bottom line (how to ask for one anyway).
    """
    out: list[str] = []
    if script.warning:
        out += [f"Warning: {script.warning}", ""]
    if not script.drafted:
        out += [script.notice]
        if hint and script.fails_bottom_line:
            out += [hint]
    else:
        out += [f"Subject: {script.subject}", "", script.email, "", "Talking points for a call:"]
        out += [f"- {point}" for point in script.talking_points]
    if script.find_out:
        out += [
            "",
            "Find out before you decide (questions, not asks): " + ", ".join(script.find_out),
        ]
    return "\n".join(out) + "\n"


# --- the call sheet ---------------------------------------------------------------------

Answer = Literal["yes", "lower", "lower_below_line", "no", "fixed"]
Action = Literal["take", "counter", "fall_back", "walk_away"]


class Reply(Frozen):
    """One likely answer from the company and the response the plan implies."""

    answer: Answer
    they_say: str
    you: str
    action: Action
    fallback: str = ""
    """The trade (another term) or package you fall back to, when there is one."""


class CallItem(Frozen):
    """One ask on the call sheet with the answers to expect."""

    term: str
    ask: Value
    ask_text: str
    must_win: bool
    replies: list[Reply]


class CallSheet(Frozen):
    """One page to practise the call with: each ask, the likely answers, your responses."""

    offer: str
    verdict: Verdict
    warning: str = ""
    opening: str
    items: list[CallItem] = Field(default_factory=list)
    packages: list[Package] = Field(default_factory=list)
    reminders: list[str] = Field(default_factory=list)


def _between(term: Term, start: float | str, ask: float | str) -> str | None:
    """A choice strictly between the offer's and the ask, as an example of a lesser answer."""
    if not isinstance(start, str) or not isinstance(ask, str):
        return None
    assert term.options is not None
    inside = term.options[term.rank(start) + 1 : term.rank(ask)]
    return inside[-1] if inside else None


def _fallback_trade(scenario: Scenario, plan: OfferPlan, name: str) -> TermPlan | None:
    """The best term the company can move that is not on the ask list (left out to stay moderate)."""
    priorities = {term.name: term.priority for term in scenario.terms}
    for other in ask_order(plan.terms, priorities):
        if other != name and other not in plan.asks and not plan.term(other).must_win:
            return plan.term(other)
    return None


def _let_go(
    scenario: Scenario, plan: OfferPlan, labels: TermPlan, answer: Answer, they_say: str
) -> Reply:
    """The response when a term that is not a must-win is refused or fixed."""
    trade = _fallback_trade(scenario, plan, labels.term)
    record = " Record their answer as a round." if answer == "fixed" else ""
    if trade is not None:
        term = scenario.term(trade.term)
        assert trade.ask is not None
        figure = fmt.value(trade.ask, term, scenario.currency)
        return Reply(
            answer=answer,
            they_say=they_say,
            you=f"Let {labels.term} go and ask for {trade.term} instead ({figure}).{record}",
            action="fall_back",
            fallback=trade.term,
        )
    others = [name for name in plan.asks if name != labels.term]
    if others:
        return Reply(
            answer=answer,
            they_say=they_say,
            you=f"Let {labels.term} go and keep your other asks ({', '.join(others)}).{record}",
            action="fall_back",
        )
    return Reply(
        answer=answer,
        they_say=they_say,
        you=f"Let it go: the offer already meets your bottom line on {labels.term}.{record}",
        action="take",
    )


def _replies(
    scenario: Scenario, plan: OfferPlan, labels: TermPlan, offered: list[Package]
) -> list[Reply]:
    term = scenario.term(labels.term)
    assert labels.ask is not None
    assert labels.offer is not None
    ask = fmt.value(labels.ask, term, scenario.currency)
    more = len(plan.asks) > 1
    replies = [
        Reply(
            answer="yes",
            they_say=f"Yes to {ask}.",
            you="Take it, thank them"
            + (", and go on to your next ask." if more else ", and ask to have it in writing."),
            action="take",
        )
    ]
    if term.type == "choice":
        lesser = f"an option short of {ask}"
    elif term.better == "lower":
        lesser = f"a higher figure than {ask}"
    else:
        lesser = f"a lower figure than {ask}"
    example = _between(term, labels.offer, labels.ask)
    has_lesser = term.type != "choice" or example is not None
    counter = labels.stance == "negotiable" and term.priority >= COUNTER_BETWEEN_PRIORITY
    meets = (
        "Counter once, halfway between their answer and your ask; then take what they come "
        "back with."
        if counter
        else "Take it: your bottom line is met here, and more is not worth the goodwill."
    )
    if labels.must_win:
        line = term.bottom_line
        room_above = line is not None and term.target is not None and term.target != line
        if room_above:
            replies.append(
                Reply(
                    answer="lower",
                    they_say=f"{lesser[:1].upper()}{lesser[1:]} that still meets your bottom line.",
                    you=meets,
                    action="counter" if counter else "take",
                )
            )
        below = _between(term, labels.offer, line) if isinstance(line, str) else None
        if term.type != "choice" or below is not None:
            replies.append(
                Reply(
                    answer="lower_below_line",
                    they_say=f"{lesser[:1].upper()}{lesser[1:]}, still below your bottom line.",
                    you="Say it still does not work for you and ask what room there is; if "
                    "they cannot reach your line, walk away: this is a must-win.",
                    action="walk_away",
                )
            )
        replies.append(
            Reply(
                answer="no",
                they_say="No.",
                you=f"Say plainly that {labels.term} is essential for you; if it stays no, "
                "walk away: a must-win failed.",
                action="walk_away",
            )
        )
        replies.append(
            Reply(
                answer="fixed",
                they_say="That is fixed.",
                you="Then this offer fails your bottom line: walk away politely. Record their "
                "answer as a round and the plan will say so.",
                action="walk_away",
            )
        )
        return replies
    if has_lesser:
        such = f" (such as {example})" if example else ""
        replies.append(
            Reply(
                answer="lower",
                they_say=f"{lesser[:1].upper()}{lesser[1:]}{such}.",
                you=meets,
                action="counter" if counter else "take",
            )
        )
    usable = [p for p in offered if package_progress(scenario, plan, p, labels.term) < 1 - 1e-9]
    if usable:
        easiest = min(usable, key=lambda p: package_progress(scenario, plan, p, labels.term))
        replies.append(
            Reply(
                answer="no",
                they_say="No.",
                you=f"Put {easiest.name} on the table: it asks less of {labels.term} "
                f"({easiest.idea[:1].lower()}{easiest.idea[1:]}).",
                action="fall_back",
                fallback=easiest.name,
            )
        )
    else:
        replies.append(_let_go(scenario, plan, labels, "no", "No."))
    replies.append(_let_go(scenario, plan, labels, "fixed", "That is fixed."))
    return replies


def call_sheet(
    scenario: Scenario,
    plan: OfferPlan,
    *,
    anyway: bool = False,
    offered: list[Package] | None = None,
) -> CallSheet:
    """The call sheet for one offer: per ask, the likely answers and your response to each.

    Answers: yes; a lower figure (for a must-win, one that meets your bottom
    line and one still below it); no; "that is fixed". Responses: take it,
    counter once between, fall back to a named trade or package, or walk away
    because a must-win failed. No figure on it is a bottom line. For an offer
    that fails your bottom line: the warning only, unless ``anyway``. ``offered``
    are the offer's packages when they were already drafted (else they are drafted here).
    """
    check_negotiated(plan)
    fails = plan.verdict == "walk_away"
    warning = fails_words(plan) if fails else ""
    reminders = [
        "Never say your bottom line; if they ask for your minimum, repeat your asks.",
        "Leave out what the company has fixed.",
        "Record each answer as a round: the plan updates and says when to stop.",
    ]
    if (fails and not anyway) or not plan.asks:
        opening = (
            "Walk away politely, or keep your current alternative."
            if fails
            else f"Nothing to ask for: {_lower(plan.why)}."
        )
        return CallSheet(offer=plan.name, verdict=plan.verdict, warning=warning, opening=opening)
    if offered is None:
        offered = packages(scenario, plan, anyway=anyway)
    items = []
    for name in plan.asks:
        labels = plan.term(name)
        term = scenario.term(name)
        assert labels.ask is not None
        items.append(
            CallItem(
                term=name,
                ask=labels.ask,
                ask_text=fmt.value(labels.ask, term, scenario.currency),
                must_win=labels.must_win,
                replies=_replies(scenario, plan, labels, offered),
            )
        )
    return CallSheet(
        offer=plan.name,
        verdict=plan.verdict,
        warning=warning,
        opening="Thank them for the offer and say you are excited about the role; then raise "
        "all your asks at once, most important first.",
        items=items,
        packages=offered,
        reminders=reminders,
    )


_ACTION_WORDS: dict[Action, str] = {
    "take": "take it",
    "counter": "counter",
    "fall_back": "fall back",
    "walk_away": "walk away",
}


def call_sheet_lines(sheet: CallSheet) -> list[str]:
    """The call sheet as plain lines (what the command line prints)."""
    out = [f"Call sheet: {sheet.offer}", ""]
    if sheet.warning:
        out += [f"Warning: {sheet.warning}", ""]
    out.append(sheet.opening)
    for n, item in enumerate(sheet.items, start=1):
        must = " (must win)" if item.must_win else ""
        out += ["", f"{n}. {item.term}: ask for {item.ask_text}{must}"]
        for reply in item.replies:
            out.append(f"   If they say: {reply.they_say}")
            out.append(f"      You ({_ACTION_WORDS[reply.action]}): {reply.you}")
    if sheet.packages:
        out += ["", "Packages of equal value to you, to put on the table together:"]
        out += [f"- {p.name} ({p.idea}): {p.summary}" for p in sheet.packages]
    if sheet.reminders:
        out += [""] + [f"- {reminder}" for reminder in sheet.reminders]
    return out


def call_sheet_text(sheet: CallSheet) -> str:
    return "\n".join(call_sheet_lines(sheet)) + "\n"


def call_sheet_markdown(sheet: CallSheet, escape: Callable[[str], str] = escape_file) -> str:
    """The call sheet as Markdown; everything the user typed is escaped.

    ``escape`` is :func:`~planner.wording.escape_file` for the brief (the default)
    and :func:`~planner.wording.escape_page` for the page.
    """
    out = [f"## Call sheet: {escape(sheet.offer)}", ""]
    if sheet.warning:
        out += [f"**Warning:** {escape(sheet.warning)}", ""]
    out += [escape(sheet.opening), ""]
    for n, item in enumerate(sheet.items, start=1):
        must = " (must win)" if item.must_win else ""
        out.append(f"{n}. **{escape(item.term)}**: ask for {escape(item.ask_text)}{must}")
        for reply in item.replies:
            out.append(
                f"    - *{escape(reply.they_say)}* → {_ACTION_WORDS[reply.action]}: "
                f"{escape(reply.you)}"
            )
    if sheet.packages:
        out += ["", "**Packages of equal value to you**, to put on the table together:", ""]
        out += [
            f"- {escape(p.name)} ({escape(p.idea)}): {escape(p.summary)}" for p in sheet.packages
        ]
    if sheet.reminders:
        out += [""] + [f"- {escape(reminder)}" for reminder in sheet.reminders]
    out.append("")
    return "\n".join(out)
