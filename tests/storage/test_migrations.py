"""The migrations build exactly the tables the models describe, and unwind cleanly."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

import storage.tables  # noqa: F401  (registers every table on SQLModel.metadata)
from storage.db import downgrade, make_sync_engine, upgrade
from storage.types import UTCDateTime


def _tables(url: str) -> set[str]:
    engine = make_sync_engine(url)
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def _drift(url: str) -> list[object]:
    engine = make_sync_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, SQLModel.metadata))
    finally:
        engine.dispose()


def test_head_has_every_model_table(database_url: str) -> None:
    assert _tables(database_url) == set(SQLModel.metadata.tables)


def test_migration_matches_the_models(database_url: str) -> None:
    assert _drift(database_url) == []


def test_downgrade_to_base_and_upgrade_again(database_url: str) -> None:
    downgrade(database_url, "base")
    assert _tables(database_url) == set()
    upgrade(database_url)
    assert _tables(database_url) == set(SQLModel.metadata.tables)
    upgrade(database_url)  # already at head: nothing to do, nothing breaks
    assert _drift(database_url) == []


def _triggers(url: str) -> list[str]:
    engine = make_sync_engine(url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(sa.text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
    finally:
        engine.dispose()


def _rows(table: str, **types: sa.types.TypeEngine[object]) -> sa.TableClause:
    return sa.table(table, *(sa.column(name, kind) for name, kind in types.items()))


def test_review_rounds_are_counted_from_the_audit_trail_once(database_url: str) -> None:
    """0003 stores the review round that used to be recounted from "done" events."""
    downgrade(database_url, "0002")
    if database_url.startswith("sqlite"):  # a plain DROP COLUMN keeps 0002's triggers
        assert len(_triggers(database_url)) == 9
    at = datetime(2027, 3, 2, 15, 0, tzinfo=UTC)
    when = UTCDateTime()
    staff = _rows("staff", id=sa.Integer(), email=sa.String(), name=sa.String(),
                  role=sa.String(), hourly_rate=sa.Numeric(), skills=sa.JSON(),
                  weekly_capacity_hours=sa.Float(), bar_admissions=sa.JSON(),
                  is_manager=sa.Boolean(), active=sa.Boolean(), created_at=when,
                  updated_at=when)
    tasks = _rows("tasks", id=sa.Integer(), text=sa.String(), title=sa.String(),
                  task_type=sa.String(), delegator_id=sa.Integer(), state=sa.String(),
                  priority=sa.String(), est_hours=sa.Float(), offers_made=sa.Integer(),
                  reminder_stage=sa.Integer(), source=sa.String(), created_at=when,
                  updated_at=when)
    events = _rows("audit_events", task_id=sa.Integer(), action=sa.String(),
                   to_state=sa.String(), detail=sa.JSON(), at=when)
    engine = make_sync_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.insert(staff).values(
                id=1, email="a@firm.test", name="A", role="partner", hourly_rate=500, skills={},
                weekly_capacity_hours=40, bar_admissions=[], is_manager=False, active=True,
                created_at=at, updated_at=at))
            connection.execute(sa.insert(tasks), [
                {"id": task_id, "text": "t", "title": "t", "task_type": "demand_letter",
                 "delegator_id": 1, "state": state, "priority": "normal", "est_hours": 1.0,
                 "offers_made": 1, "reminder_stage": 0, "source": "console",
                 "created_at": at, "updated_at": at}
                for task_id, state in ((1, "submitted"), (2, "completed"), (3, "offered"))])
            connection.execute(sa.insert(events), [
                {"task_id": task_id, "action": action, "to_state": to_state, "detail": {},
                 "at": at}
                for task_id, action, to_state in (
                    (1, "done", "submitted"), (1, "changes_requested", "changes_requested"),
                    (1, "done", "submitted"), (2, "done", "completed"))])
        upgrade(database_url)
        with engine.connect() as connection:
            rounds = connection.execute(sa.text("SELECT id, review_round FROM tasks ORDER BY id"))
            assert [tuple(row) for row in rounds] == [(1, 2), (2, 0), (3, 0)]
    finally:
        engine.dispose()
