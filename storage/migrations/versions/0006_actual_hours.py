"""actual hours: what completed work really took, and a counter for the firm's medians

Revision ID: 0006
Revises: 0005
Create Date: 2027-03-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The completion index of 0005 covers what the dashboard sums; it now sums actual hours too.
REPORT_COLUMNS = ('savings', 'task_type', 'delegator_id', 'assignee_id', 'est_hours', 'cost')


def upgrade() -> None:
    op.add_column('tasks', sa.Column('actual_hours', sa.Float(), nullable=True))
    # The medians per task type read this index alone.
    op.create_index('ix_tasks_type_actual', 'tasks', ['task_type', 'actual_hours'],
                    unique=False)
    # A plain ADD COLUMN: batch mode would copy the table and lose 0002's triggers.
    op.add_column('firm_version', sa.Column('hours_version', sa.Integer(), server_default='0',
                                            nullable=False))
    _completion_index(*REPORT_COLUMNS, 'actual_hours')


def downgrade() -> None:
    # Plain DROP COLUMNs (SQLite 3.35+), for the same reason.
    _completion_index(*REPORT_COLUMNS)
    op.drop_column('firm_version', 'hours_version')
    op.drop_index('ix_tasks_type_actual', table_name='tasks')
    op.drop_column('tasks', 'actual_hours')


def _completion_index(*columns: str) -> None:
    op.drop_index('ix_tasks_state_completed', table_name='tasks')
    op.create_index('ix_tasks_state_completed', 'tasks', ['state', 'completed_at', *columns],
                    unique=False)
