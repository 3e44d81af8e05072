"""review round: submissions for review so far, stored on the task

Revision ID: 0004
Revises: 0003
Create Date: 2027-03-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('tasks', sa.Column('review_round', sa.Integer(), server_default='0',
                                     nullable=False))
    # Until now the round was counted from the audit trail: each "done" that submitted it.
    op.execute("UPDATE tasks SET review_round = (SELECT count(*) FROM audit_events "
               "WHERE audit_events.task_id = tasks.id AND audit_events.action = 'done' "
               "AND audit_events.to_state = 'submitted')")


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+): batch mode would copy the table and lose the
    # work-version triggers of 0002.
    op.drop_column('tasks', 'review_round')
