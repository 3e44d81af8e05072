"""Choose the least expensive qualified person for one task, and say why in plain words."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from matching.eligibility import (
    Requirements,
    is_qualified,
    load_ratio,
    reasons_against,
    skill_gap,
    skill_surplus,
)
from matching.model import MatterRef, StaffProfile, TaskType

# When nobody is eligible, this many "closest" people are reported with their reasons.
CLOSEST_LIMIT = 5
# An explanation names at most this many skipped or closest people, then counts the rest.
NAMED_IN_TEXT = 3

Rank = tuple[int, int, float, tuple[bool, datetime | None], str]


@dataclass(frozen=True, slots=True)
class TaskSpec:
    """One task to place: its type, who delegates it, and the optional hints."""

    task_type: TaskType
    delegator_email: str
    matter: MatterRef | None = None
    est_hours: float | None = None
    named_assignee: str | None = None
    # Who may not be offered this task in its current round (declined it, let it expire,
    # had it withdrawn); a batch carries each task's own, on top of `MatchContext.excluded`.
    excluded: frozenset[str] = frozenset()

    @property
    def hours(self) -> float:
        """The estimate to cost and to load: the delegator's own, else the catalogue's."""
        return self.task_type.est_hours if self.est_hours is None else self.est_hours


@dataclass(frozen=True, slots=True)
class MatchContext:
    """The moment and the live state the rules look at; the matcher never reads the clock.

    `loads` and `last_offered` are keyed by the email as the roster spells it; the email sets
    (`excluded`, `unreachable`, a matter's screen) are compared without regard to case.
    """

    now: datetime
    loads: Mapping[str, float] = field(default_factory=dict)
    excluded: frozenset[str] = frozenset()
    last_offered: Mapping[str, datetime] = field(default_factory=dict)
    unreachable: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Candidate:
    """One evaluated person: what they would cost and, when ineligible, every reason why."""

    email: str
    name: str
    role: str
    hourly_rate: float
    cost: float
    eligible: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The decision, the people weighed, and the explanation shown to the delegator."""

    chosen: Candidate | None
    savings: float
    est_hours: float
    candidates: tuple[Candidate, ...]
    explanation: str
    named_assignee_note: str | None
    # The explanation without its leading "Name (role, $rate/h): ", for an answer whose
    # headline already names the chosen person; the whole explanation when nobody was chosen.
    rationale: str = ""


class StaffIndex:
    """The roster indexed by skill level and rate, built once and reused for many matches."""

    def __init__(self, staff: Sequence[StaffProfile]) -> None:
        self._by_email: dict[str, StaffProfile] = {}
        for person in staff:
            key = person.email.casefold()
            if key in self._by_email:
                raise ValueError(f"{person.email} appears twice in the roster")
            self._by_email[key] = person
        self._by_rate = tuple(sorted(staff, key=_rate_order))
        # Attorney-only work walks attorneys alone: paralegals there are noise, not "skipped".
        attorneys = tuple(p for p in self._by_rate if p.is_attorney)
        self._everyone = {False: self._by_rate, True: attorneys}
        self._pools = {False: _skill_pools(self._by_rate), True: _skill_pools(attorneys)}

    def get(self, email: str) -> StaffProfile | None:
        return self._by_email.get(email.casefold())

    @property
    def staff(self) -> tuple[StaffProfile, ...]:
        """Everyone, cheapest first."""
        return self._by_rate

    def __len__(self) -> int:
        return len(self._by_rate)

    def pool(
        self, skills: tuple[tuple[str, int], ...], *, attorneys_only: bool = False
    ) -> tuple[StaffProfile, ...]:
        """A cheapest-first list holding everyone qualified in kind (and maybe others).

        The most selective single skill requirement gives the shortest list to walk.
        """
        by_skill = self._pools[attorneys_only]
        pools = [
            _at_level(by_skill.get(skill, []), minimum) for skill, minimum in skills if minimum > 0
        ]
        return min(pools, key=len) if pools else self._everyone[attorneys_only]


@dataclass(frozen=True, slots=True)
class _Evaluated:
    """A person with their verdict and their place in the ranking."""

    person: StaffProfile
    candidate: Candidate
    rank: Rank
    qualified: bool

    @property
    def eligible(self) -> bool:
        return self.candidate.eligible

    @property
    def cents(self) -> int:
        return self.rank[0]


@dataclass(frozen=True, slots=True)
class _Survey:
    """What a match looked at: eligible people tied at the lowest cost, the cheaper-or-equal
    qualified people who failed another rule, the named person, and (when needed) everyone."""

    tied: tuple[_Evaluated, ...]
    skipped: tuple[_Evaluated, ...]
    named: _Evaluated | None
    everyone: tuple[_Evaluated, ...] | None


def match(
    spec: TaskSpec, index: StaffIndex, ctx: MatchContext, *, evaluate_all: bool = False
) -> MatchResult:
    """The least expensive qualified person for `spec`, or nobody and who came closest."""
    req = requirements_for(spec, ctx)
    named = index.get(spec.named_assignee) if spec.named_assignee else None
    survey = (_survey_all if evaluate_all else _survey_walk)(req, index, ctx, named)
    cheapest = survey.tied[0] if survey.tied else None
    chosen = survey.named if survey.named and survey.named.eligible else cheapest
    closest = () if chosen else _closest(survey, req, index, ctx)
    note = _named_note(spec, survey.named, chosen)
    delegator = index.get(spec.delegator_email)
    savings = _savings_cents(delegator, chosen, spec.hours)
    dearer = _extra_cents(delegator, chosen, spec.hours)
    label, rationale = _explain(survey, cheapest, chosen, closest, note, savings, dearer)
    return MatchResult(
        chosen=chosen.candidate if chosen else None,
        savings=savings / 100,
        est_hours=spec.hours,
        candidates=_reported(survey, cheapest, chosen, closest),
        explanation=f"{label}: {rationale}" if label else rationale,
        named_assignee_note=note,
        rationale=rationale,
    )


def requirements_for(spec: TaskSpec, ctx: MatchContext) -> Requirements:
    """Normalise the task and the context once, so each person costs a few lookups."""
    if spec.hours < 0:
        raise ValueError(f"est_hours must not be negative, got {spec.hours}")
    matter = spec.matter
    jurisdiction = matter.jurisdiction if matter else None
    return Requirements(
        skills=tuple(spec.task_type.skills.items()),
        hours=spec.hours,
        now=ctx.now,
        attorney_only=spec.task_type.attorney_only,
        jurisdiction=jurisdiction.strip().upper() if jurisdiction else None,
        matter_number=matter.number if matter else None,
        screened=_casefolded(matter.screened) if matter else frozenset(),
        delegator=spec.delegator_email.casefold(),
        excluded=_casefolded(ctx.excluded | spec.excluded),
        unreachable=_casefolded(ctx.unreachable),
        loads=ctx.loads,
    )


def eligible_by_cost(
    spec: TaskSpec, index: StaffIndex, ctx: MatchContext
) -> Iterator[tuple[StaffProfile, int]]:
    """Every eligible person with their cost in cents, cheapest first (for the optimiser)."""
    req = requirements_for(spec, ctx)
    for person in index.pool(req.skills, attorneys_only=req.attorney_only):
        if is_qualified(person, req) and not reasons_against(person, req):
            yield person, cost_cents(person.hourly_rate, req.hours)


def cost_cents(hourly_rate: float, hours: float) -> int:
    """Cost in whole cents; monotone in the rate, so a rate-ordered walk is cost-ordered."""
    return round(hourly_rate * hours * 100)


def format_money(cents: int) -> str:
    """'$352' for whole dollars, '$37.50' otherwise."""
    dollars, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}${dollars:,}" if rest == 0 else f"{sign}${dollars:,}.{rest:02d}"


def _survey_walk(
    req: Requirements,
    index: StaffIndex,
    ctx: MatchContext,
    named: StaffProfile | None,
) -> _Survey:
    """Walk qualified people cheapest first; stop once nobody left can cost less than the best."""
    tied: list[_Evaluated] = []
    skipped: list[_Evaluated] = []
    for person in index.pool(req.skills, attorneys_only=req.attorney_only):
        if not is_qualified(person, req):
            continue
        if tied and cost_cents(person.hourly_rate, req.hours) > tied[0].cents:
            break
        evaluated = _evaluate(person, req, ctx)
        if evaluated.eligible:
            tied.append(evaluated)
        elif _passed_over(evaluated, req):
            skipped.append(evaluated)
    return _Survey(
        tied=tuple(sorted(tied, key=_by_rank)),
        skipped=tuple(sorted(skipped, key=_by_rank)),
        named=_evaluate(named, req, ctx) if named else None,
        everyone=None,
    )


def _survey_all(
    req: Requirements,
    index: StaffIndex,
    ctx: MatchContext,
    named: StaffProfile | None,
) -> _Survey:
    """Evaluate the whole roster (dry runs): the same verdicts, nothing left out."""
    everyone = tuple(sorted((_evaluate(p, req, ctx) for p in index.staff), key=_by_rank))
    eligible = [e for e in everyone if e.eligible]
    best = eligible[0].cents if eligible else None
    return _Survey(
        tied=tuple(e for e in eligible if e.cents == best),
        skipped=tuple(
            e for e in everyone if _passed_over(e, req) and (best is None or e.cents <= best)
        ),
        named=next((e for e in everyone if e.person is named), None),
        everyone=everyone,
    )


def _evaluate(person: StaffProfile, req: Requirements, ctx: MatchContext) -> _Evaluated:
    reasons = reasons_against(person, req)
    cents = cost_cents(person.hourly_rate, req.hours)
    offered = ctx.last_offered.get(person.email)
    return _Evaluated(
        person=person,
        candidate=Candidate(
            email=person.email,
            name=person.name,
            role=person.role,
            hourly_rate=person.hourly_rate,
            cost=cents / 100,
            eligible=not reasons,
            reasons=reasons,
        ),
        # Cost, then least over-qualified, then least loaded, then never/least recently offered.
        rank=(
            cents,
            skill_surplus(person, req.skills),
            load_ratio(person, req.loads),
            (offered is not None, offered),
            person.email,
        ),
        qualified=is_qualified(person, req),
    )


def _closest(
    survey: _Survey, req: Requirements, index: StaffIndex, ctx: MatchContext
) -> tuple[_Evaluated, ...]:
    """Who nearly qualified: the cheapest qualified people, topped up with the right role
    missing the fewest skill levels (a full scan, but it only runs when nobody is eligible)."""
    if len(survey.skipped) >= CLOSEST_LIMIT:
        return survey.skipped[:CLOSEST_LIMIT]
    everyone = survey.everyone or tuple(_evaluate(p, req, ctx) for p in index.staff)
    others = [e for e in everyone if e.person.email.casefold() != req.delegator]

    def distance(e: _Evaluated) -> tuple[bool, int, Rank]:
        wrong_role = req.attorney_only and not e.person.is_attorney
        return wrong_role, skill_gap(e.person, req.skills), e.rank

    return tuple(sorted(others, key=distance)[:CLOSEST_LIMIT])


def _reported(
    survey: _Survey,
    cheapest: _Evaluated | None,
    chosen: _Evaluated | None,
    closest: tuple[_Evaluated, ...],
) -> tuple[Candidate, ...]:
    """The candidates a caller shows: everyone on a full evaluation, else those the text names."""
    if survey.everyone is not None:
        return tuple(e.candidate for e in survey.everyone)
    named_in_text = survey.skipped if chosen else closest
    extras = [e for e in (cheapest, chosen, survey.named) if e is not None]
    shown = {e.person.email: e for e in (*named_in_text, *extras)}
    return tuple(e.candidate for e in sorted(shown.values(), key=_by_rank))


def _named_note(
    spec: TaskSpec, named: _Evaluated | None, chosen: _Evaluated | None
) -> str | None:
    """Why the person the delegator asked for did not get the task, if they did not."""
    if not spec.named_assignee:
        return None
    if named is None:
        return f"{spec.named_assignee} is not on the roster."
    if _same(named, chosen):
        return None
    return f"{named.person.name} can't take it: {_reason_list(named)}."


def _extra_cents(
    delegator: StaffProfile | None, chosen: _Evaluated | None, hours: float
) -> int:
    """What the choice costs beyond the delegator doing it themselves; zero when it does not."""
    if delegator is None or chosen is None:
        return 0
    return max(0, round((chosen.person.hourly_rate - delegator.hourly_rate) * hours * 100))


def _savings_cents(
    delegator: StaffProfile | None, chosen: _Evaluated | None, hours: float
) -> int:
    """What the firm saves against the delegator doing it themselves; never negative."""
    if delegator is None or chosen is None:
        return 0
    return max(0, round((delegator.hourly_rate - chosen.person.hourly_rate) * hours * 100))


def _explain(
    survey: _Survey,
    cheapest: _Evaluated | None,
    chosen: _Evaluated | None,
    closest: tuple[_Evaluated, ...],
    note: str | None,
    savings: int,
    dearer: int,
) -> tuple[str, str]:
    """One paragraph: who and why, who was cheaper and why not. Matter numbers, never clients.

    Returned as the chosen person's label (empty when nobody) and the rest, which reads on its
    own under a headline that names them.
    """
    if chosen is None or cheapest is None:
        return "", _explain_nobody([e for e in closest if not _same(e, survey.named)], note)
    clauses = [_why(survey, cheapest, chosen)]
    if savings > 0:
        still = "" if _same(chosen, cheapest) else "still "
        clauses.append(f"{still}saves {format_money(savings)} vs your rate")
    skipped = [e for e in survey.skipped if not _same(e, survey.named)]
    if dearer:
        clauses.append(_dearer_clause(dearer, skipped if _same(chosen, cheapest) else None))
    sentences = ["; ".join(clauses) + "."]
    # A dearer-than-you clause already names the cheaper people and why not.
    if _same(chosen, cheapest) and skipped and not dearer:
        sentences.append(f"Skipped: {_people_with_reasons(skipped)}.")
    if note:
        sentences.append(note)
    return _label(chosen), " ".join(sentences)


def _dearer_clause(extra_cents: int, skipped: Sequence[_Evaluated] | None) -> str:
    """`costs $410 more than doing it yourself; nobody cheaper is qualified: Noor — not
    admitted in FL`. `skipped` is None when the person was asked for by name: who was cheaper
    is said already."""
    clause = f"costs {format_money(extra_cents)} more than doing it yourself"
    if skipped is None:
        return clause
    if not skipped:
        return f"{clause}; nobody cheaper is qualified"
    return f"{clause}; nobody cheaper is qualified: {_people_with_reasons(skipped)}"


def _why(survey: _Survey, cheapest: _Evaluated, chosen: _Evaluated) -> str:
    """The main clause: the rule that picked `chosen`."""
    if not _same(chosen, cheapest):
        extra = chosen.cents - cheapest.cents
        other = cheapest.person.name
        compare = f"would cost {format_money(extra)} less" if extra else "costs the same"
        return f"you asked for them and they are eligible; {other} {compare}"
    if _same(chosen, survey.named):
        return "you asked for them; they are eligible and the cheapest qualified"
    return f"cheapest qualified{_tie_note(survey.tied)}"


def _tie_note(tied: tuple[_Evaluated, ...]) -> str:
    """Name the tie-break that decided between people of equal cost."""
    if len(tied) < 2:
        return ""
    winner, runner_up = tied[0], tied[1]
    decided_by = next(i for i in range(1, 5) if winner.rank[i] != runner_up.rank[i])
    why = ("closer skill fit", "lighter load", "offered work less recently",
           "first by email")[decided_by - 1]
    others = len(tied) - 2
    who = runner_up.person.name + (f" and {others} other{'s' * (others > 1)}" if others else "")
    return f" (same cost as {who}; chosen for {why})"


def _explain_nobody(closest: Sequence[_Evaluated], note: str | None) -> str:
    """'Nobody is eligible', what became of the named person, and who came closest."""
    parts = ["Nobody is eligible."]
    if note:
        parts.append(note)
    if closest:
        parts.append(f"Closest: {_people_with_reasons(closest)}.")
    if len(parts) == 1:
        return "Nobody is eligible: nobody else is on the roster."
    return " ".join(parts)


def _people_with_reasons(people: Sequence[_Evaluated]) -> str:
    named = [f"{e.person.name} — {_reason_list(e)}" for e in people[:NAMED_IN_TEXT]]
    rest = len(people) - NAMED_IN_TEXT
    return "; ".join(named) + (f"; and {rest} more" if rest > 0 else "")


def _reason_list(evaluated: _Evaluated) -> str:
    return " and ".join(evaluated.candidate.reasons)


def _label(evaluated: _Evaluated) -> str:
    person = evaluated.person
    rate = format_money(round(person.hourly_rate * 100))
    return f"{person.name} ({person.role.replace('_', ' ')}, {rate}/h)"


def _skill_pools(
    people: tuple[StaffProfile, ...],
) -> dict[str, list[tuple[StaffProfile, ...]]]:
    """pools[skill][level - 1]: everyone at that level or above, in the order given."""
    top: dict[str, int] = {}
    for person in people:
        for skill, level in person.skills.items():
            top[skill] = max(top.get(skill, 0), level)
    return {
        skill: [
            tuple(p for p in people if p.skills.get(skill, 0) >= level)
            for level in range(1, highest + 1)
        ]
        for skill, highest in top.items()
    }


def _at_level(
    levels: list[tuple[StaffProfile, ...]], minimum: int
) -> tuple[StaffProfile, ...]:
    return levels[minimum - 1] if minimum <= len(levels) else ()


def _passed_over(evaluated: _Evaluated, req: Requirements) -> bool:
    """Qualified but failing another rule: worth naming. The delegator is not news to
    themselves, so they are left out."""
    return (
        evaluated.qualified
        and not evaluated.eligible
        and evaluated.person.email.casefold() != req.delegator
    )


def _same(a: _Evaluated | None, b: _Evaluated | None) -> bool:
    """Same person (the named person is evaluated apart from the walk, so not `is`)."""
    return a is not None and b is not None and a.person is b.person


def _by_rank(evaluated: _Evaluated) -> Rank:
    return evaluated.rank


def _rate_order(person: StaffProfile) -> tuple[float, str]:
    return person.hourly_rate, person.email


def _casefolded(emails: frozenset[str]) -> frozenset[str]:
    return frozenset(e.casefold() for e in emails)
