"""The migrations build exactly the tables the models describe, and unwind cleanly."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

import storage.tables  # noqa: F401  (registers every table on SQLModel.metadata)
from storage.db import downgrade, make_sync_engine, upgrade


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
