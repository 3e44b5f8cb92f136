"""The first tables: organisations, users, API tokens, settings, cases, record versions,
determinations, notes, audit log.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", _TS, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("org_id", sa.Integer, sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("email", sa.String(320), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
    )
    op.create_index("ix_users_org_id", "users", ["org_id"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("org_id", sa.Integer, sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", _TS, nullable=False),
    )
    op.create_index("ix_api_tokens_org_id", "api_tokens", ["org_id"])
    op.create_table(
        "settings",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    _case_tables()


def _case_fk() -> sa.ForeignKey:
    return sa.ForeignKey("cases.id", ondelete="CASCADE")


def _case_tables() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("org_id", sa.Integer, sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("goal", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("unknown_facts", sa.Text, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
    )
    op.create_index("ix_cases_org_id", "cases", ["org_id"])
    op.create_table(
        "record_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.String(32), _case_fk(), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("record_json", sa.Text, nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.UniqueConstraint("case_id", "version"),
    )
    op.create_index("ix_record_versions_case_id", "record_versions", ["case_id"])
    op.create_table(
        "determinations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.String(32), _case_fk(), nullable=False),
        sa.Column("record_version", sa.Integer, nullable=False),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("program", sa.String(60), nullable=False),
        sa.Column("outcome", sa.String(30), nullable=False),
        sa.Column("on_date", sa.Date, nullable=True),
        sa.Column("next_change", sa.Date, nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("current", sa.Integer, nullable=False),
        sa.Column("evaluated_at", _TS, nullable=False),
    )
    op.create_index("ix_determinations_case_id", "determinations", ["case_id"])
    op.create_index("ix_determinations_current", "determinations", ["current"])
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.String(32), _case_fk(), nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
    )
    op.create_index("ix_notes_case_id", "notes", ["case_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", _TS, nullable=False),
        sa.Column("org_id", sa.Integer, sa.ForeignKey("organisations.id"), nullable=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("case_id", sa.String(32), nullable=True),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])


def downgrade() -> None:
    for table in (
        "audit_log",
        "notes",
        "determinations",
        "record_versions",
        "cases",
        "settings",
        "api_tokens",
        "users",
        "organisations",
    ):
        op.drop_table(table)
