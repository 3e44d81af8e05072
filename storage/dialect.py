"""Small helpers for statements that differ between SQLite and PostgreSQL."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


def insert_ignoring_conflicts(session: AsyncSession, table: Any, *returning: Any) -> Any:
    """`INSERT ... ON CONFLICT DO NOTHING [RETURNING ...]` for the session's database.

    Built once per table: run it with a parameter dict, so hot paths skip statement building.
    """
    return _insert_ignoring_conflicts(session.bind.dialect.name if session.bind else "sqlite",
                                      table, returning)


@cache
def _insert_ignoring_conflicts(dialect: str, table: Table, returning: tuple[Any, ...]) -> Any:
    module = postgresql if dialect == "postgresql" else sqlite
    statement = module.insert(table).on_conflict_do_nothing()
    return statement.returning(*returning) if returning else statement


def is_postgres(session: AsyncSession) -> bool:
    return session.bind is not None and session.bind.dialect.name == "postgresql"
