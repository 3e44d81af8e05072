"""Parse and match without writing anything: the engine behind `lpo-bot parse` and `match`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.catalogue import load_vocabulary
from bot.clock import system_clock
from bot.firm import Firm, load_firm
from bot.nicknames import load_nicknames
from bot.request_model import ReviewedParser, model_for
from bot.settings import Settings, check_timezone
from matching.estimates import MEDIAN_AFTER_RECORDS, Median, estimate_for
from matching.matcher import MatchContext, MatchResult, StaffIndex, TaskSpec, match
from matching.model import TaskDraft, Taxonomy
from matching.parse import Catalogue, Parser
from matching.second_opinion import NameBook
from storage import reports
from storage import tasks as task_store
from storage.db import Database


class DryRunError(ValueError):
    """A request the dry run cannot answer (unknown delegator, bad timezone, ...)."""


@dataclass(frozen=True, slots=True)
class FirmReading:
    """What a dry run matches against: the firm, everyone's open hours, the firm's medians."""

    firm: Firm
    loads: dict[str, float]
    medians: Mapping[str, Median]


async def load_context(database: Database, settings: Settings) -> FirmReading:
    """The firm, open hours and median actual hours, read without taking the write lock."""
    async with database.read_session() as session:
        firm = await load_firm(session, settings=settings)
        loads = await task_store.open_loads(session)
        medians = await reports.median_actual_hours(session, min_records=MEDIAN_AFTER_RECORDS)
    return FirmReading(firm=firm, loads={firm.email_of(k) or "": v for k, v in loads.items()},
                       medians={row.task_type: Median(hours=row.hours, records=row.records)
                                for row in medians})


def firm_parser(taxonomy: Taxonomy, firm: Firm) -> ReviewedParser:
    """A parser for the firm as loaded, with its request model; built once for a whole run."""
    catalogue = Catalogue(taxonomy, load_vocabulary())
    return ReviewedParser(Parser(catalogue, firm.matters, firm.staff, load_nicknames()),
                          model_for(taxonomy, clock=system_clock),
                          NameBook.of_firm(firm.matters, firm.staff, catalogue.shorthand))


def parse_one(text: str, *, now: datetime, tz: str, parser: ReviewedParser,
              writer: str | None = None) -> TaskDraft:
    """One request read as the bot reads it; `writer`: the roster e-mail of its writer."""
    try:
        check_timezone(tz)
    except ValueError as error:
        raise DryRunError(str(error)) from None
    return parser.parse(text, now=now, tz=tz, writer=writer)


def match_one(text: str, *, now: datetime, as_email: str, tz: str | None, taxonomy: Taxonomy,
              reading: FirmReading, parser: ReviewedParser, index: StaffIndex
              ) -> dict[str, Any]:
    """The `match` contract for one request: costed with the firm's median hours once known."""
    firm = reading.firm
    delegator = firm.by_email(as_email.strip().lower())
    if delegator is None:
        raise DryRunError(f"{as_email} is not on the roster")
    draft = parse_one(text, now=now, tz=tz or delegator.timezone, parser=parser,
                      writer=delegator.email)
    task_type = taxonomy.get(draft.task_type)
    if task_type is None:
        return {"task": draft.as_contract(), "chosen": None, "candidates": [],
                "explanation": "I couldn't tell what kind of task this is; pick a task type."}
    spec = TaskSpec(task_type=task_type, delegator_email=delegator.email,
                    matter=firm.matter(draft.matter) if draft.matter else None,
                    est_hours=estimate_for(task_type, reading.medians).hours,
                    named_assignee=draft.assignee)
    result = match(spec, index, MatchContext(now=now, loads=reading.loads), evaluate_all=True)
    contract = {"task": draft.as_contract(), **match_contract(result)}
    if "task_type" in draft.unsure:
        offered = ", ".join(draft.candidates)
        contract["explanation"] = (f"I'd ask first which task this is ({offered}). "
                                   f"If it is {draft.task_type}: {result.explanation}")
    return contract


def match_contract(result: MatchResult) -> dict[str, Any]:
    """The `lpo-bot match --json` result (README, "Command line"), without the task."""
    chosen = result.chosen
    return {
        "chosen": None if chosen is None else {
            "email": chosen.email, "name": chosen.name, "role": chosen.role,
            "hourly_rate": chosen.hourly_rate, "cost": chosen.cost, "savings": result.savings},
        "candidates": [{"email": c.email, "eligible": c.eligible, "cost": c.cost,
                        "reasons": list(c.reasons)} for c in result.candidates],
        "explanation": result.explanation,
    }
