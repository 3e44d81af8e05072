"""structured reasons: offer reason codes with the decliner's note apart; titles without free text

Revision ID: 0003
Revises: 0002
Create Date: 2027-03-02

Decline reasons were stored as typed ("conflict: I know the client personally") and became the
escalation reason the digest channel shows; titles were cut from the request's text. Both could
carry a client's name. From here on an offer's `reason` is a code and the free text is its
`note`; a task's title is its type and matter number; an escalation reason names codes and
people only.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Labels the old code stored for each decline code, alone or as "label: note".
DECLINE_LABELS = {"no_capacity": "no capacity", "not_my_skill": "not my skill",
                  "conflict": "conflict"}
WITHDRAWN_CODES = {"Cancelled%": "cancelled", "Reassigned%": "reassigned",
                   "unreachable%": "unreachable"}


def _declined_code() -> str:
    cases = " ".join(f"WHEN reason = '{code}' OR reason LIKE '{label}%' THEN '{code}'"
                     for code, label in DECLINE_LABELS.items())
    return f"CASE {cases} ELSE 'other' END"


def _declined_note() -> str:
    bare = ", ".join(f"'{value}'" for pair in DECLINE_LABELS.items() for value in pair)
    return f"CASE WHEN reason IN ({bare}, 'other', 'no reason given') THEN NULL ELSE reason END"


def upgrade() -> None:
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.execute(f"UPDATE offers SET note = {_declined_note()}, reason = {_declined_code()} "
               "WHERE state = 'declined'")
    op.execute("UPDATE offers SET reason = 'expired' WHERE state = 'expired'")
    withdrawn = " ".join(f"WHEN reason LIKE '{pattern}' THEN '{code}'"
                         for pattern, code in WITHDRAWN_CODES.items())
    op.execute(f"UPDATE offers SET reason = CASE {withdrawn} ELSE 'withdrawn' END "
               "WHERE state = 'withdrawn'")
    op.execute("UPDATE offers SET reason = NULL WHERE state IN ('pending', 'accepted')")
    # The old escalation texts may quote decline notes: keep only what they were about.
    op.execute("UPDATE tasks SET escalation_reason = CASE "
               "WHEN escalation_reason LIKE 'Offered %' THEN 'no acceptance' "
               "ELSE 'nobody eligible' END WHERE escalation_reason IS NOT NULL")
    op.execute("UPDATE tasks SET title = REPLACE(task_type, '_', ' ') || COALESCE("
               "' — ' || (SELECT number FROM matters WHERE matters.id = tasks.matter_id), '')")


def downgrade() -> None:
    op.execute("UPDATE offers SET reason = note WHERE note IS NOT NULL")
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.drop_column('note')
