"""The migrations build exactly the tables the models describe, and unwind cleanly."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
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


def test_0003_moves_typed_words_out_of_reasons_and_titles(database_url: str) -> None:
    """Decline notes leave the reason code; escalation reasons and titles lose typed text."""
    downgrade(database_url, "0002")
    engine = make_sync_engine(database_url)
    now = "2027-03-02 15:00:00+00:00"
    try:
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO staff (id, email, name, role, hourly_rate, skills, "
                "weekly_capacity_hours, bar_admissions, is_manager, active, created_at, "
                "updated_at) VALUES (1, 'a@x.test', 'Ann', 'paralegal', 50, '{}', 40, '[]', "
                "false, true, :now, :now)"), {"now": now})
            connection.execute(text(
                "INSERT INTO matters (id, number, client_name, title, created_at, updated_at) "
                "VALUES (1, '2027-0302', 'Desmond Achebe', '', :now, :now)"), {"now": now})
            connection.execute(text(
                "INSERT INTO tasks (id, text, title, task_type, matter_id, delegator_id, state, "
                "priority, est_hours, offers_made, escalation_reason, reminder_stage, source, "
                "created_at, updated_at) VALUES (1, 'Redline the NDA for Baker Corp', "
                "'Redline the NDA for Baker Corp', 'demand_letter', 1, 1, 'unassigned', "
                "'normal', 1.5, 1, 'Offered 1 times without an acceptance: Ann declined "
                "(conflict: I know Desmond Achebe)', 0, 'console', :now, :now)"), {"now": now})
            for offer_id, state, reason in ((1, "declined", "conflict: I know Desmond Achebe"),
                                            (2, "declined", "no capacity"),
                                            (3, "expired", "timed out"),
                                            (4, "withdrawn", "Cancelled by the delegator.")):
                connection.execute(text(
                    "INSERT INTO offers (id, task_id, staff_id, state, explanation, offered_at, "
                    "reason) VALUES (:id, 1, 1, :state, '', :now, :reason)"),
                    {"id": offer_id, "state": state, "reason": reason, "now": now})
        upgrade(database_url)
        with engine.connect() as connection:
            offers = connection.execute(text(
                "SELECT reason, note FROM offers ORDER BY id")).all()
            task = connection.execute(text(
                "SELECT title, escalation_reason, text FROM tasks")).one()
    finally:
        engine.dispose()
    assert [tuple(row) for row in offers] == [("conflict", "conflict: I know Desmond Achebe"),
                                              ("no_capacity", None), ("expired", None),
                                              ("cancelled", None)]
    assert tuple(task) == ("demand letter — 2027-0302", "no acceptance",
                           "Redline the NDA for Baker Corp")


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


def _add_partner(connection: sa.Connection, at: datetime) -> None:
    """Staff member 1, a partner: the delegator the data tests' old rows point at."""
    when = UTCDateTime()
    staff = _rows("staff", id=sa.Integer(), email=sa.String(), name=sa.String(),
                  role=sa.String(), hourly_rate=sa.Numeric(), skills=sa.JSON(),
                  weekly_capacity_hours=sa.Float(), bar_admissions=sa.JSON(),
                  is_manager=sa.Boolean(), active=sa.Boolean(), created_at=when,
                  updated_at=when)
    connection.execute(sa.insert(staff).values(
        id=1, email="a@firm.test", name="A", role="partner", hourly_rate=500, skills={},
        weekly_capacity_hours=40, bar_admissions=[], is_manager=False, active=True,
        created_at=at, updated_at=at))


def test_review_rounds_are_counted_from_the_audit_trail_once(database_url: str) -> None:
    """0004 stores the review round that used to be recounted from "done" events."""
    downgrade(database_url, "0003")
    if database_url.startswith("sqlite"):  # a plain DROP COLUMN keeps 0002's triggers
        assert len(_triggers(database_url)) == 9
    at = datetime(2027, 3, 2, 15, 0, tzinfo=UTC)
    when = UTCDateTime()
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
            _add_partner(connection, at)
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


def test_offer_rounds_start_at_one_and_waiting_escalations_keep_their_code(
        database_url: str) -> None:
    """0007: earlier offers belong to round 1; an unassigned task with an escalation reason is
    escalated (its code from the reason), one that moved on since is not."""
    downgrade(database_url, "0006")
    at = datetime(2027, 3, 2, 15, 0, tzinfo=UTC)
    when = UTCDateTime()
    tasks = _rows("tasks", id=sa.Integer(), text=sa.String(), title=sa.String(),
                  task_type=sa.String(), delegator_id=sa.Integer(), state=sa.String(),
                  priority=sa.String(), est_hours=sa.Float(), offers_made=sa.Integer(),
                  escalation_reason=sa.String(), reminder_stage=sa.Integer(),
                  source=sa.String(), created_at=when, updated_at=when)
    offers = _rows("offers", id=sa.Integer(), task_id=sa.Integer(), staff_id=sa.Integer(),
                   state=sa.String(), explanation=sa.String(), offered_at=when)
    engine = make_sync_engine(database_url)
    try:
        with engine.begin() as connection:
            _add_partner(connection, at)
            connection.execute(sa.insert(tasks), [
                {"id": task_id, "text": "t", "title": "t", "task_type": "demand_letter",
                 "delegator_id": 1, "state": state, "priority": "normal", "est_hours": 1.0,
                 "offers_made": 3, "escalation_reason": reason, "reminder_stage": 0,
                 "source": "console", "created_at": at, "updated_at": at}
                for task_id, state, reason in (
                    (1, "unassigned", "no acceptance after 3 offers: A didn't answer in time"),
                    (2, "unassigned", "nobody eligible"), (3, "offered", "nobody eligible"))])
            connection.execute(sa.insert(offers), [
                {"id": 1, "task_id": 1, "staff_id": 1, "state": "expired", "explanation": "",
                 "offered_at": at}])
        upgrade(database_url)
        with engine.connect() as connection:
            codes = connection.execute(sa.text(
                "SELECT id, offer_round, escalation_code FROM tasks ORDER BY id")).all()
            offer_rounds = connection.execute(sa.text("SELECT offer_round FROM offers")).all()
    finally:
        engine.dispose()
    assert [tuple(row) for row in codes] == [(1, 1, "max_offers"), (2, 1, "nobody_eligible"),
                                             (3, 1, None)]
    assert [tuple(row) for row in offer_rounds] == [(1,)]
