"""Helpers for the wall tests: raise a screen by import (enforced) or by hand (not yet enforced)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from bot.app.bootstrap import Bot
from bot.app.commands.matters import WalledImport, import_matters_behind_walls
from bot.sample import SAMPLE_MATTERS, sample_file
from storage import matters as matter_store
from storage import staff as staff_store
from storage.outbox import list_messages
from storage.tables import OutboxMessage

CLIENTS = ("Lorraine Whitfield", "Desmond Achebe", "Rosalind Kwan", "Ignacio Ferreira",
           "Harriet Oduya", "Gideon Lark", "Marisol Teague", "Bernard Ashby")


def matters_csv(screens: dict[str, tuple[str, ...]]) -> bytes:
    """The sample matters file with these matters' screened emails added."""
    rows = list(csv.DictReader(io.StringIO(sample_file(SAMPLE_MATTERS).decode("utf-8"))))
    for row in rows:
        extra = screens.get(row["matter_number"], ())
        current = [email for email in row["screened_emails"].split(";") if email]
        row["screened_emails"] = ";".join(current + list(extra))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


async def import_screen(bot: Bot, number: str, *emails: str) -> WalledImport:
    """`lpo-bot matters import` with these people screened from `number`, then deliver."""
    async with bot.database.transaction() as session:
        summary = await import_matters_behind_walls(bot.settings, session,
                                                    matters_csv({number: emails}),
                                                    source="matters.csv")
    await bot.dispatcher.drain()
    return summary


async def screen_by_hand(bot: Bot, number: str, *emails: str) -> None:
    """A wall written straight to the table: nothing withdrawn yet, so only re-checks hold it."""
    async with bot.database.transaction() as session:
        matter = await matter_store.get_matter_by_number(session, number=number)
        assert matter is not None and matter.id is not None
        current = (await matter_store.list_screens(session)).get(matter.id, set())
        ids = set(current)
        for email in emails:
            person = await staff_store.get_staff_by_email(session, email=email)
            assert person is not None and person.id is not None
            ids.add(person.id)
        await matter_store.set_screens(session, matter_id=matter.id, staff_ids=ids)


async def outbox(bot: Bot) -> list[OutboxMessage]:
    async with bot.database.transaction() as session:
        return await list_messages(session)


async def staff_id(bot: Bot, email: str) -> int:
    async with bot.database.transaction() as session:
        person = await staff_store.get_staff_by_email(session, email=email)
    assert person is not None and person.id is not None
    return person.id


def text_of(row: OutboxMessage) -> str:
    return json.dumps(row.payload, ensure_ascii=False)


def to(rows: list[OutboxMessage], recipient: int, after: int = 0) -> list[dict[str, Any]]:
    return [row.payload for row in rows if row.recipient_id == recipient and (row.id or 0) > after]
