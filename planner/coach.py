"""Coaching from the plan: the texts for the company, and the call sheet to practise with.

**Plan once.** Each function takes the plan of the offer it coaches (an
:class:`~planner.models.OfferPlan` from :func:`~planner.rules.make_plan`), never a
name to plan again; :func:`planner.lookup.find_offer` finds it by name.

**What you say, and what you keep to yourself** (SCENARIO_FORMAT.md). The
counter-offer email, its talking points and the reply after the company answers
are written *for the company*. They never contain your private notes, a bottom
line (unless it is the figure asked for on that term: a term with no target asks
for its line), a value of your current job, or another offer's name or value
(unless ``disclose_competing`` is set, and then only on a term where that offer is
strictly better). The reason given for each ask is, in this order: the offer's
``reasons`` entry for the term; a sentence from the term's ``market`` data, when
the ask is at or below its 75th percentile; a neutral sentence for the kind of
term (:data:`planner.wording.NEUTRAL_REASONS`). A reason you wrote that gives a
secret away (see :func:`planner.guard.secrets_for`) is left out.

**The phase.** Before the company answers, the script opens: all the plan's asks
at once. In the ``countering`` phase it is a reply: thanks for what moved, the
counters left, and, where winning them leaves nothing below your line, a
conditional commitment. It never raises a term that is neither an opening ask
nor a must-win. In the ``decide`` phase nothing is drafted: decide.

The call sheet is for you (it may show your notes): the recruiter's questions
with answers that never give your bottom line or your current pay, and for each
ask the likely answers with the response the rounds rules imply.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal

from pydantic import Field

from planner import formatting as fmt
from planner.catalog import RuleOfThumb, load_catalog
from planner.guard import Secrets, secrets_for
from planner.lookup import check_negotiated
from planner.models import (
    Frozen,
    OfferPlan,
    Phase,
    Scenario,
    Status,
    Term,
    TermPlan,
    Value,
    Verdict,
    at_least_as_good,
)
from planner.packages import Package, package_progress, packages
from planner.rules import default_step
from planner.wording import (
    PER_WORDS,
    escape_file,
    join_words,
    neutral_reason,
    plural,
    reason_kind,
)

ReasonSource = Literal["reasons", "market", "neutral"]

SALARY_HISTORY = RuleOfThumb(
    id="salary-history",
    rule="Many US states and cities bar employers from asking about salary history (for "
    "example California Labor Code 432.3); decline politely to name current pay.",
    source="state statutes; check the rules where you live: this is not legal advice",
)
"""A rule of thumb, with its source (PRODUCT.md's table), for "What are you earning now?"."""

SHORT_NOTICE_DAYS = 2
"""With this many days left or fewer, a text for the company asks for a few more days."""


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


def said(value: Value, term: Term, currency: str) -> str:
    """A figure as a text for the company says it: ``66,000 EUR a year``, ``3 days/week``,
    ``52.50 USD an hour``, ``10,000 USD`` (a one-off sum), ``Comprehensive``."""
    if isinstance(value, str):
        return value
    text = fmt.amount(value, term, currency)
    if term.type == "money":
        text += PER_WORDS[term.per or "year"]
    return text


def _date_words(day: str) -> str:
    """``Friday 20 March``."""
    when = dt.date.fromisoformat(day)
    return f"{when:%A} {when.day} {when:%B}"


def deadline_words(plan: OfferPlan) -> str:
    """What a text for the company says about the deadline, or nothing.

    After the deadline: ask whether the offer still stands. With
    :data:`SHORT_NOTICE_DAYS` days or fewer left while you negotiate: ask politely
    for a few more days.
    """
    if plan.deadline is None or plan.days_left is None:
        return ""
    when = _date_words(plan.deadline)
    if plan.days_left < 0:
        return (
            f"I realise the date you gave me for an answer ({when}) has passed: could you "
            "let me know whether the offer still stands?"
        )
    if plan.verdict == "negotiate" and plan.days_left <= SHORT_NOTICE_DAYS:
        return (
            f"I know you would like an answer by {when}. So that I can give you a considered "
            "answer, could I ask for a few more days?"
        )
    return ""


def moved_terms(scenario: Scenario, plan: OfferPlan) -> list[str]:
    """The terms whose value the company improved in its answers, in the scenario's order."""
    first = scenario.offer(plan.name).values
    moved = []
    for labels in plan.terms:
        before = first.get(labels.term)
        now = labels.offer
        if before is None or now is None or before == now:
            continue
        if at_least_as_good(now, before, scenario.term(labels.term)):
            moved.append(labels.term)
    return moved


def remaining_asks(plan: OfferPlan) -> list[str]:
    """The asks a text for the company raises: after rounds, only opening asks and must-wins."""
    if plan.phase == "opening":
        return list(plan.asks)
    return [n for n in plan.asks if n in plan.opening_asks or plan.term(n).must_win]


def can_commit(plan: OfferPlan, asks: list[str]) -> bool:
    """Whether winning every ask in ``asks`` would leave no must-win and no unknown term
    with a bottom line: then a text may close with "I am ready to accept"."""
    if plan.verdict != "negotiate":
        return False
    for labels in plan.terms:
        if labels.must_win and labels.term not in asks:
            return False
        if labels.status == "unknown" and labels.bottom_line is not None:
            return False
    return True


# --- the counter-offer script and the reply ---------------------------------------------


class ScriptAsk(Frozen):
    """One ask of the script, with its figure and the reason given for it."""

    term: str
    figure: Value
    figure_text: str
    """The figure as said: ``82,000 USD a year``, ``20 days/year``, ``Comprehensive``."""
    justification: str
    """The reason given: yours, the market's, or a neutral sentence (see ``reason_source``)."""
    reason_source: ReasonSource
    elsewhere: str = ""
    """With ``disclose_competing``: the better offer you have on this term, in a sentence."""
    must_win: bool
    status: Status


class Script(Frozen):
    """A text for the company: an opening counter or a reply, with talking points; or why
    there is none."""

    offer: str
    verdict: Verdict
    phase: Phase = "opening"
    fails_bottom_line: bool
    warning: str = ""
    """For an offer that fails your bottom line: which term fails, and that the company fixed it."""
    notice: str = ""
    """Why nothing is drafted (empty when something is)."""
    subject: str = ""
    email: str = ""
    """The email's body; empty when nothing is drafted."""
    talking_points: list[str] = Field(default_factory=list)
    asks: list[tuple[str, Value]] = Field(default_factory=list)
    """(term, figure) for each ask, in the plan's order."""
    lines: list[ScriptAsk] = Field(default_factory=list)
    moved: list[str] = Field(default_factory=list)
    """In a reply: the terms the company improved, thanked for."""
    commits: bool = False
    """The text closes with "if we can settle these, I am ready to accept"."""
    find_out: list[str] = Field(default_factory=list)
    """Terms whose value the offer does not say yet: questions to ask, not asks."""
    rule: RuleOfThumb

    @property
    def drafted(self) -> bool:
        return bool(self.email)

    @property
    def reply(self) -> bool:
        """A reply to the company's answer (the ``countering`` phase), not an opening."""
        return self.phase == "countering" and self.drafted


def _fixed_words(names: list[str]) -> str:
    they = "it is" if len(names) == 1 else "they are"
    return f"{join_words(names)}, and the company says {they} fixed"


def fails_words(plan: OfferPlan) -> str:
    """``Harbor fails your bottom line on Health coverage, and the company says it is fixed.``"""
    breakers = [t.term for t in plan.terms if t.status == "deal_breaker"]
    return f"{plan.name} fails your bottom line on {_fixed_words(breakers)}."


def _market_reason(term: Term, ask: Value, currency: str) -> str:
    market = term.market
    if market is None or market.p75 is None or not isinstance(ask, float) or ask > market.p75:
        return ""
    source = " ".join(market.source.split()).rstrip(".")
    figure = said(market.p75, term, currency)
    return f"Market data from {source} puts the 75th percentile for this role at {figure}."


def reason_for_ask(
    scenario: Scenario, plan: OfferPlan, labels: TermPlan, secrets: Secrets
) -> tuple[str, ReasonSource]:
    """The reason given for one ask, and where it came from (see the module)."""
    term = scenario.term(labels.term)
    assert labels.ask is not None
    yours = _sentence(scenario.offer(plan.name).reasons.get(labels.term, ""))
    if yours and not secrets.said_in(yours):
        return yours, "reasons"
    market = _market_reason(term, labels.ask, scenario.currency)
    if market and not secrets.said_in(market):
        return market, "market"
    kind = term.money_kind if term.type == "money" else None
    return neutral_reason(term.name, kind, term.per), "neutral"


def _elsewhere(scenario: Scenario, plan: OfferPlan, labels: TermPlan, secrets: Secrets) -> str:
    """With ``disclose_competing``: ``I also have an offer from Harbor at 70,000 USD a year.``

    Only where another offer (never your current job) is strictly better on this
    term, and only when its figure is not one of your bottom lines.
    """
    other_name = labels.best_elsewhere
    if not scenario.disclose_competing or other_name is None:
        return ""
    other = scenario.offer(other_name)
    if other.current:
        return ""
    value = other.learned().values.get(labels.term)
    if value is None:
        return ""
    sentence = (
        f"I also have an offer from {other.name} at "
        f"{said(value, scenario.term(labels.term), scenario.currency)} on this."
    )
    return "" if secrets.lines.said_in(sentence) else sentence


def _ask_line(scenario: Scenario, plan: OfferPlan, labels: TermPlan, secrets: Secrets) -> ScriptAsk:
    term = scenario.term(labels.term)
    assert labels.ask is not None
    reason, source = reason_for_ask(scenario, plan, labels, secrets)
    return ScriptAsk(
        term=labels.term,
        figure=labels.ask,
        figure_text=said(labels.ask, term, scenario.currency),
        justification=reason,
        reason_source=source,
        elsewhere=_elsewhere(scenario, plan, labels, secrets),
        must_win=labels.must_win,
        status=labels.status,
    )


def _numbered(lines: list[ScriptAsk]) -> list[str]:
    out = []
    for n, line in enumerate(lines, start=1):
        text = f"{n}. {line.term}: {line.figure_text}. {line.justification}"
        if line.elsewhere:
            text += f" {line.elsewhere}"
        out.append(text)
    return out


def _signature() -> list[str]:
    return ["Best regards,", "[Your name]"]


def _opening_email(offer: str, lines: list[ScriptAsk], deadline: str) -> tuple[str, str]:
    subject = f"Your offer: thank you, and {plural(len(lines), 'point')} before I decide"
    body = [
        "Hello,",
        "",
        f"Thank you for the offer. I am excited about the role and about joining {offer}, "
        "and I would like to make this work.",
        "",
    ]
    if deadline:
        body += [deadline, ""]
    body += [
        "Before I decide, I would like to raise everything at once, so that we can settle "
        + ("it" if len(lines) == 1 else "it all")
        + " in one conversation"
        + (":" if len(lines) == 1 else ", most important first:"),
        "",
        *_numbered(lines),
        "",
        "I am happy to talk it through on a call, and I look forward to hearing from you.",
        "",
        *_signature(),
    ]
    return subject, "\n".join(body)


def _reply_email(
    lines: list[ScriptAsk], moved: list[str], commits: bool, deadline: str
) -> tuple[str, str]:
    subject = "Re: your offer"
    thanks = "Thank you for coming back to me"
    if moved:
        thanks += f", and for moving on {join_words(_lower_term(n) for n in moved)}"
    body = ["Hello,", "", thanks + ".", ""]
    if deadline:
        body += [deadline, ""]
    one = len(lines) == 1
    body += [
        "To settle what is left, I would ask for " + ("one more point:" if one else "these:"),
        "",
        *_numbered(lines),
        "",
    ]
    if commits:
        body.append("If we can settle " + ("this" if one else "these") + ", I am ready to accept.")
    else:
        body.append("I look forward to hearing from you.")
    body += ["", *_signature()]
    return subject, "\n".join(body)


def _lower_term(name: str) -> str:
    """A term's name inside a sentence: ``base salary`` (an acronym or a name keeps its case)."""
    first = name.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower() and first[:1].isupper():
        return name[:1].lower() + name[1:]
    return name


def _talking_points(
    plan: OfferPlan, lines: list[ScriptAsk], rule: RuleOfThumb, warning: str, moved: list[str]
) -> list[str]:
    points = []
    if warning:
        points.append(f"Know before you call: {warning} No counter changes that.")
    if plan.phase == "countering":
        thanks = "Open with thanks for coming back to you"
        if moved:
            thanks += f", and for what moved ({join_words(moved)})"
        points.append(thanks + ".")
        points.append(
            "Restate what is left, all at once: this is your one counter on each. After their "
            "answer, decide; do not bring up anything new."
        )
    else:
        points.append(
            "Open with thanks and enthusiasm: thank them for the offer and say you are "
            f"excited about joining {plan.name}."
        )
        points.append(
            f"Raise all {len(lines)} asks at once, most important first, and say how much each "
            f'matters. Rule of thumb: "{rule.rule}" ({rule.source}).'
            if len(lines) > 1
            else f'Raise your ask and say how much it matters. Rule of thumb: "{rule.rule}" '
            f"({rule.source})."
        )
    deadline = deadline_words(plan)
    if deadline:
        points.append(f"About the deadline, before your asks: {deadline}")
    for n, line in enumerate(lines, start=1):
        text = f"{n}. {line.term}: ask for {line.figure_text}. Why: {line.justification}"
        if line.must_win:
            text += " Must win: without it this offer fails your bottom line."
        elif line.status == "trade":
            text += " Their room is limited or not known: ask modestly, as here."
        points.append(text)
    points.append(
        "If they ask for your minimum, do not give it: repeat your asks and why they matter."
    )
    if any(t.status == "drop" for t in plan.terms):
        points.append("Leave out what the company has fixed: it is not worth the goodwill.")
    points.append("Close: ask when they can come back to you, and thank them again.")
    return points


def counter_script(scenario: Scenario, plan: OfferPlan, *, anyway: bool = False) -> Script:
    """The text for the company for one offer, following its phase.

    ``opening``: thanks first, then all the plan's asks at once. ``countering``:
    a reply that thanks them for what moved and restates the counters left.
    ``decide``: nothing is drafted. Each ask has a reason (see the module). For an
    offer that fails your bottom line there is a plain ``warning`` and no counter,
    unless ``anyway``. Raises :class:`~planner.errors.ScenarioError` for your
    current job (it is not negotiated).
    """
    check_negotiated(plan)
    rule = all_at_once()
    fails = plan.verdict == "walk_away"
    warning = fails_words(plan) if fails else ""
    base = Script(
        offer=plan.name,
        verdict=plan.verdict,
        phase=plan.phase,
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
    names = remaining_asks(plan)
    if not names:
        return base.model_copy(update={"notice": f"Nothing to counter: {_lower(plan.why)}."})
    asked = [plan.term(name) for name in names]
    secrets = secrets_for(scenario, plan.name, [t.ask for t in asked if t.ask is not None])
    lines = [_ask_line(scenario, plan, labels, secrets) for labels in asked]
    deadline = deadline_words(plan)
    moved: list[str] = []
    commits = False
    if plan.phase == "countering":
        moved = moved_terms(scenario, plan)
        commits = can_commit(plan, names)
        subject, email = _reply_email(lines, moved, commits, deadline)
    else:
        subject, email = _opening_email(plan.name, lines, deadline)
    return base.model_copy(
        update={
            "subject": subject,
            "email": email,
            "talking_points": _talking_points(plan, lines, rule, warning, moved),
            "asks": [(line.term, line.figure) for line in lines],
            "lines": lines,
            "moved": moved,
            "commits": commits,
        }
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
        if script.reply:
            out += ["Reply to the company's answer (your one counter; then decide):", ""]
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
    """The package you fall back to, when there is one."""


class CallItem(Frozen):
    """One ask on the call sheet with the answers to expect."""

    term: str
    ask: Value
    ask_text: str
    must_win: bool
    replies: list[Reply]


class Question(Frozen):
    """A question the recruiter is likely to ask, and an answer that keeps your secrets."""

    they_ask: str
    you_say: str
    tip: str = ""
    """Why, or a rule of thumb with its source."""


class CallSheet(Frozen):
    """One page to practise the call with: each ask, the likely answers, your responses."""

    offer: str
    verdict: Verdict
    phase: Phase = "opening"
    warning: str = ""
    opening: str
    items: list[CallItem] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    packages: list[Package] = Field(default_factory=list)
    reminders: list[str] = Field(default_factory=list)


def _between(term: Term, start: float | str, ask: float | str) -> str | None:
    """A choice strictly between the offer's and the ask, as an example of a lesser answer."""
    if not isinstance(start, str) or not isinstance(ask, str):
        return None
    assert term.options is not None
    inside = term.options[term.rank(start) + 1 : term.rank(ask)]
    return inside[-1] if inside else None


def _counter_words(scenario: Scenario, term: Term) -> str:
    """How to counter once on a term, as the rounds rules set the counter figure."""
    if term.type == "choice":
        return "ask for the next option above theirs"
    step = default_step(term, scenario.offers) or 1.0
    return (
        "ask for the figure halfway between theirs and your ask, rounded to "
        f"{fmt.amount(step, term, scenario.currency)} towards your ask"
    )


def _replies(
    scenario: Scenario,
    plan: OfferPlan,
    labels: TermPlan,
    offered: list[Package],
    *,
    last: bool,
    others: list[str],
) -> list[Reply]:
    term = scenario.term(labels.term)
    assert labels.ask is not None
    assert labels.offer is not None
    ask = said(labels.ask, term, scenario.currency)
    countered = plan.phase == "countering" and labels.answers >= 1
    replies = [
        Reply(
            answer="yes",
            they_say=f"Yes to {ask}.",
            you=f"Take it and stop asking on {labels.term}: thank them, "
            + ("and ask to have it in writing." if last else "and go on to your next ask."),
            action="take",
        )
    ]
    if term.type == "choice":
        lesser = f"an option short of {ask}"
    elif term.better == "lower":
        lesser = f"a higher figure than {ask}"
    else:
        lesser = f"a lower figure than {ask}"
    lesser = lesser[:1].upper() + lesser[1:]
    example = _between(term, labels.offer, labels.ask)
    has_lesser = term.type != "choice" or example is not None
    record = " Record their answer as a round."
    if countered:
        final = "This was your one counter, and they have answered twice: "
        meets_you = final + "take it, and decide on the offer."
    else:
        meets_you = (
            f"Counter once: {_counter_words(scenario, term)}. Whatever they say next is their "
            "final word on it." + record
        )
    if labels.must_win:
        line = term.bottom_line
        room_above = line is not None and term.target is not None and term.target != line
        if room_above and has_lesser:
            replies.append(
                Reply(
                    answer="lower",
                    they_say=f"{lesser} that still meets your bottom line.",
                    you=(final + "take it: your bottom line is met.") if countered else meets_you,
                    action="take" if countered else "counter",
                )
            )
        below = _between(term, labels.offer, line) if isinstance(line, str) else None
        if term.type != "choice" or below is not None:
            replies.append(
                Reply(
                    answer="lower_below_line",
                    they_say=f"{lesser}, still below your bottom line.",
                    you=(final + "it is still below your bottom line, so walk away politely.")
                    if countered
                    else f"Counter once: {_counter_words(scenario, term)}, never below your "
                    "bottom line. If they stay below it, walk away: this is a must-win." + record,
                    action="walk_away" if countered else "counter",
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
        met = " (your bottom line is met here)" if term.bottom_line is not None else ""
        replies.append(
            Reply(
                answer="lower",
                they_say=f"{lesser}{such}.",
                you=(final + f"take it{met}.") if countered else meets_you,
                action="take" if countered else "counter",
            )
        )
    usable = (
        []
        if countered or plan.phase != "opening"
        else [p for p in offered if package_progress(scenario, plan, p, labels.term) < 1 - 1e-9]
    )
    keep = f" and keep your other asks ({', '.join(others)})" if others else ""
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
        replies.append(
            Reply(
                answer="no",
                they_say="No.",
                you=f"Let {labels.term} go{keep}: do not bring up anything new.",
                action="fall_back" if others else "take",
            )
        )
    replies.append(
        Reply(
            answer="fixed",
            they_say="That is fixed.",
            you=f"Let {labels.term} go{keep}; never ask for it again." + record,
            action="fall_back" if others else "take",
        )
    )
    return replies


def _questions(scenario: Scenario, plan: OfferPlan, asks: list[str]) -> list[Question]:
    """The recruiter's likely questions, answered without a bottom line or your current pay."""
    money = [n for n in asks if scenario.term(n).type == "money"]
    pay = [
        n
        for n in money
        if reason_kind(n, scenario.term(n).money_kind, scenario.term(n).per) == "base"
    ]
    money_ask = next(iter(pay or money), None)
    ask_words = ""
    if money_ask is not None:
        labels = plan.term(money_ask)
        assert labels.ask is not None
        ask_words = (
            f" For this role I am asking for "
            f"{said(labels.ask, scenario.term(money_ask), scenario.currency)} "
            f"on {_lower_term(money_ask)}."
        )
    questions = [
        Question(
            they_ask="What are you earning now?",
            you_say="I would rather not share my current pay: I am focused on what this role "
            "is worth." + ask_words,
            tip=f"Rule of thumb: {SALARY_HISTORY.rule} Source: {SALARY_HISTORY.source}.",
        )
    ]
    others = [o for o in scenario.offers if not o.current and o.name != plan.name]
    if scenario.disclose_competing and others:
        better = []
        for name in asks:
            labels = plan.term(name)
            where = labels.best_elsewhere
            if where is None or scenario.offer(where).current:
                continue
            value = scenario.offer(where).learned().values.get(name)
            if value is not None:
                term = scenario.term(name)
                better.append(
                    f"{where} offers {said(value, term, scenario.currency)} on {_lower_term(name)}"
                )
        you = (
            "Yes: " + "; ".join(better) + f". {plan.name} is where I would like to make this work."
            if better
            else f"Yes, I have other options; {plan.name} is where I would like to make this work."
        )
        tip = "You chose to disclose other offers: name one only where it is better."
    elif others:
        you = (
            "I would rather keep my other conversations to myself; "
            f"{plan.name} is where I would like to make this work."
        )
        tip = "You chose not to disclose other offers (disclose_competing is off)."
    else:
        you = f"I am focused on this role: {plan.name} is where I would like to make this work."
        tip = "Say nothing you have not got: no made-up offers."
    questions.append(Question(they_ask="Do you have other offers?", you_say=you, tip=tip))
    commit = can_commit(plan, asks) and bool(asks)
    questions.append(
        Question(
            they_ask="Is this your final number?",
            you_say="I would like to settle everything in one conversation. "
            + (
                "If we can settle these points, I am ready to accept."
                if commit
                else "If we can settle these points, I can decide quickly."
            ),
            tip="Never give your minimum; repeat your asks and why they matter.",
        )
    )
    if plan.days_left is not None and plan.deadline is not None and plan.days_left < 0:
        sign = (
            f"The deadline ({_date_words(plan.deadline)}) has passed: first ask whether the "
            "offer still stands."
        )
    elif (
        plan.days_left is not None
        and plan.deadline is not None
        and plan.days_left <= SHORT_NOTICE_DAYS
    ):
        sign = (
            "I am excited about it, and I want to give you a considered answer: could I have a "
            f"few more days beyond {_date_words(plan.deadline)}?"
        )
    elif plan.deadline is not None:
        sign = (
            "I am excited about it. I would like a little time to review everything, and I "
            f"will give you my answer before {_date_words(plan.deadline)}."
        )
    else:
        sign = (
            "I am excited about it. I would like a few days to review everything: could I "
            "come back to you by [a date you name]?"
        )
    questions.append(
        Question(
            they_ask="Can you sign today?",
            you_say=sign,
            tip="Only accept what you mean to take: ask for time rather than say yes on the spot.",
        )
    )
    return questions


def call_sheet(
    scenario: Scenario,
    plan: OfferPlan,
    *,
    anyway: bool = False,
    offered: list[Package] | None = None,
) -> CallSheet:
    """The call sheet for one offer: the recruiter's questions, and per ask the likely
    answers and your response to each.

    Answers: yes; a lower figure (for a must-win, one that meets your bottom
    line and one still below it); no; "that is fixed". Responses follow the
    rounds rules: take it and stop; counter once with the counter figure; let it
    go (a package first, before the company has answered); walk away when a
    must-win fails. No answer gives a bottom line or your current pay. For an
    offer that fails your bottom line: the warning only, unless ``anyway``.
    ``offered`` are the offer's packages when they were already drafted.
    """
    check_negotiated(plan)
    fails = plan.verdict == "walk_away"
    warning = fails_words(plan) if fails else ""
    reminders = [
        "Never say your bottom line; if they ask for your minimum, repeat your asks.",
        "Leave out what the company has fixed.",
        "Record each answer as a round: the plan updates and says when to stop.",
    ]
    asks = remaining_asks(plan)
    if (fails and not anyway) or not asks:
        opening = (
            "Walk away politely, or keep your current alternative."
            if fails
            else f"Nothing to ask for: {_lower(plan.why)}."
        )
        return CallSheet(
            offer=plan.name,
            verdict=plan.verdict,
            phase=plan.phase,
            warning=warning,
            opening=opening,
            questions=[] if fails else _questions(scenario, plan, []),
        )
    if offered is None:
        offered = packages(scenario, plan, anyway=anyway) if plan.phase == "opening" else []
    items = []
    for n, name in enumerate(asks):
        labels = plan.term(name)
        term = scenario.term(name)
        assert labels.ask is not None
        items.append(
            CallItem(
                term=name,
                ask=labels.ask,
                ask_text=said(labels.ask, term, scenario.currency),
                must_win=labels.must_win,
                replies=_replies(
                    scenario,
                    plan,
                    labels,
                    offered,
                    last=n == len(asks) - 1,
                    others=[a for a in asks if a != name],
                ),
            )
        )
    if plan.phase == "countering":
        opening = (
            "Thank them for coming back to you and for what moved; then restate your counters, "
            "all at once. This is your one counter: after their answer, decide."
        )
    else:
        opening = (
            "Thank them for the offer and say you are excited about the role; then raise all "
            "your asks at once, most important first."
        )
    return CallSheet(
        offer=plan.name,
        verdict=plan.verdict,
        phase=plan.phase,
        warning=warning,
        opening=opening,
        items=items,
        questions=_questions(scenario, plan, asks),
        packages=offered if plan.phase == "opening" else [],
        reminders=reminders,
    )


_ACTION_WORDS: dict[Action, str] = {
    "take": "take it",
    "counter": "counter once",
    "fall_back": "let it go",
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
    if sheet.questions:
        out += ["", "Questions they may ask you:"]
        for question in sheet.questions:
            out.append(f"- {question.they_ask}")
            out.append(f"   You: {question.you_say}")
            if question.tip:
                out.append(f"   ({question.tip})")
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
    if sheet.questions:
        out += ["", "**Questions they may ask you:**", ""]
        for question in sheet.questions:
            tip = f" ({escape(question.tip)})" if question.tip else ""
            out.append(f"- *{escape(question.they_ask)}* {escape(question.you_say)}{tip}")
    if sheet.packages:
        out += ["", "**Packages of equal value to you**, to put on the table together:", ""]
        out += [
            f"- {escape(p.name)} ({escape(p.idea)}): {escape(p.summary)}" for p in sheet.packages
        ]
    if sheet.reminders:
        out += [""] + [f"- {escape(reminder)}" for reminder in sheet.reminders]
    out.append("")
    return "\n".join(out)
