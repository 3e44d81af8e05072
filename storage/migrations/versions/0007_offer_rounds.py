"""offer rounds: the round of each task and offer, and the escalation's reason code

Revision ID: 0007
Revises: 0006
Create Date: 2027-03-09
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('tasks', sa.Column('offer_round', sa.Integer(), server_default='1',
                                     nullable=False))
    op.add_column('tasks', sa.Column('escalation_code', sa.String(length=20), nullable=True))
    op.add_column('offers', sa.Column('offer_round', sa.Integer(), server_default='1',
                                      nullable=False))
    # Every earlier offer counts as round 1. An unassigned task with an escalation reason is
    # waiting for a manager (0003 left those reasons as "no acceptance" or "nobody eligible").
    op.execute("UPDATE tasks SET escalation_code = CASE "
               "WHEN escalation_reason LIKE 'no acceptance%' THEN 'max_offers' "
               "ELSE 'nobody_eligible' END "
               "WHERE state = 'unassigned' AND escalation_reason IS NOT NULL")


def downgrade() -> None:
    # Plain DROP COLUMNs (SQLite 3.35+): batch mode would copy the tables and lose the
    # work-version triggers of 0002.
    op.drop_column('offers', 'offer_round')
    op.drop_column('tasks', 'escalation_code')
    op.drop_column('tasks', 'offer_round')
