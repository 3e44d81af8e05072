"""request examples: the firm's confirmed and corrected requests, and the model's last training

Revision ID: 0008
Revises: 0007
Create Date: 2027-03-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import storage.types

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'request_examples',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('text', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column('task_type', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'))
    op.create_table(
        'request_model_training',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('trained_at', storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('cv_accuracy', sa.Float(), nullable=True),
        sa.Column('by_source', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    op.drop_table('request_model_training')
    op.drop_table('request_examples')
