"""work version: a counter of changes to tasks, offers and reachability (SQLite triggers)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What the matcher reads: open loads (tasks), last offers (offers), who Teams can't reach.
WATCHED = {
    "tasks": ("INSERT", "UPDATE OF state, assignee_id, est_hours", "DELETE"),
    "offers": ("INSERT", "UPDATE OF staff_id, offered_at", "DELETE"),
    "conversation_refs": ("INSERT", "UPDATE OF teams_user_id, conversation_id", "DELETE"),
}


def _triggers() -> list[tuple[str, str]]:
    return [(f"{table}_{change.split()[0].lower()}_bumps_work", f"AFTER {change} ON {table}")
            for table, changes in WATCHED.items() for change in changes]


def upgrade() -> None:
    with op.batch_alter_table('firm_version', schema=None) as batch_op:
        batch_op.add_column(sa.Column('work_version', sa.Integer(), server_default='0',
                                      nullable=False))
    op.execute("INSERT INTO firm_version (id, version, work_version) "
               "SELECT 1, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM firm_version WHERE id = 1)")
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL reads loads live: a shared counter would serialize its writers
    for name, when in _triggers():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN "
                   "UPDATE firm_version SET work_version = work_version + 1 WHERE id = 1; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, _when in _triggers():
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('firm_version', schema=None) as batch_op:
        batch_op.drop_column('work_version')
