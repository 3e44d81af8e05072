"""Parse and match without writing anything: the engine behind `lpo-bot parse` and `match`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.catalogue import load_vocabulary
from bot.firm import Firm, load_firm
from bot.settings import Settings, check_timezone
from matching.matcher import MatchContext, MatchResult, StaffIndex, TaskSpec, match
from matching.model import TaskDraft, Taxonomy
from matching.parse import Catalogue, Parser
from storage import tasks as task_store
from storage.db import Database


class DryRunError(ValueError):
    """A request the dry run cannot answer (unknown delegator, bad timezone, ...)."""


async def load_context(settings: Settings) -> tuple[Firm, dict[str, float], str | None]:
    """The firm and everyone's open hours; an empty firm (and a note) without a schema."""
    database = Database(settings.database_url)
    try:
        async with database.transaction() as session:
            firm = await load_firm(session, settings=settings)
            loads = await task_store.open_loads(session)
            return firm, {firm.email_of(k) or "": v for k, v in loads.items()}, None
    except SQLAlchemyError:
        return Firm(staff=(), matters=()), {}, "no database schema: run `lpo-bot init` first"
    finally:
        await database.dispose()


def firm_parser(taxonomy: Taxonomy, firm: Firm) -> Parser:
    """A parser for the firm as loaded, built once for a whole run of requests."""
    return Parser(Catalogue(taxonomy, load_vocabulary()), firm.matters, firm.staff)


def parse_one(text: str, *, now: datetime, tz: str, parser: Parser) -> TaskDraft:
    try:
        check_timezone(tz)
    except ValueError as error:
        raise DryRunError(str(error)) from None
    return parser.parse(text, now=now, tz=tz)


def match_one(text: str, *, now: datetime, as_email: str, tz: str | None, taxonomy: Taxonomy,
              firm: Firm, parser: Parser, index: StaffIndex,
              loads: dict[str, float]) -> dict[str, Any]:
    delegator = firm.by_email(as_email.strip().lower())
    if delegator is None:
        raise DryRunError(f"{as_email} is not on the roster")
    draft = parse_one(text, now=now, tz=tz or delegator.timezone, parser=parser)
    task_type = taxonomy.get(draft.task_type)
    if task_type is None:
        return {"task": draft.as_contract(), "chosen": None, "candidates": [],
                "explanation": "I couldn't tell what kind of task this is; pick a task type."}
    spec = TaskSpec(task_type=task_type, delegator_email=delegator.email,
                    matter=firm.matter(draft.matter) if draft.matter else None,
                    named_assignee=draft.assignee)
    result = match(spec, index, MatchContext(now=now, loads=loads), evaluate_all=True)
    return {"task": draft.as_contract(), **match_contract(result)}


def match_contract(result: MatchResult) -> dict[str, Any]:
    """The `match` JSON result of DESIGN.md §4 (without the task)."""
    chosen = result.chosen
    return {
        "chosen": None if chosen is None else {
            "email": chosen.email, "name": chosen.name, "role": chosen.role,
            "hourly_rate": chosen.hourly_rate, "cost": chosen.cost, "savings": result.savings},
        "candidates": [{"email": c.email, "eligible": c.eligible, "cost": c.cost,
                        "reasons": list(c.reasons)} for c in result.candidates],
        "explanation": result.explanation,
    }
