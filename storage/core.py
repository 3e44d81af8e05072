"""Typed bridges to SQLAlchemy Core: a table model's `Table`, and a DML statement's row count."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CursorResult, Result, Table, inspect
from sqlmodel import SQLModel


def table_of(model: type[SQLModel]) -> Table:
    """The Core table behind a table model, for statements that skip the ORM layer.

    SQLModel does not declare `__table__` to type checkers; the mapper knows it.
    """
    table = inspect(model).local_table
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not a table model")
    return table


def rowcount(result: Result[Any]) -> int:
    """How many rows an INSERT, UPDATE or DELETE touched.

    DML runs return a `CursorResult`, though `AsyncSession.execute` is typed to return `Result`.
    """
    if not isinstance(result, CursorResult):
        raise TypeError("rowcount is only known for INSERT, UPDATE and DELETE results")
    return result.rowcount
