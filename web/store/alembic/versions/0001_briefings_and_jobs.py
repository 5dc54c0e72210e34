"""Briefings and the job queue (the first schema, issue 5).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "briefings",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("source_url", sa.Text),
        sa.Column("source_kind", sa.Text, nullable=False),
        sa.Column("source_name", sa.Text),
        sa.Column("input_hash", sa.Text, nullable=False),
        sa.Column("options", sa.Text, nullable=False, server_default="{}"),
        sa.Column("article", sa.Text, nullable=False),
        sa.Column("briefing", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False, server_default="queued"),
        sa.Column("error", sa.Text),
        sa.Column("audio", sa.Text),
    )
    op.create_index("briefings_input_hash", "briefings", ["input_hash"])
    op.create_index("briefings_created", "briefings", [sa.text("created_at DESC"), "id"])
    op.create_table(
        "jobs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("briefing_id", sa.Text, sa.ForeignKey("briefings.id", ondelete="CASCADE")),
        sa.Column("payload", sa.Text, nullable=False, server_default="{}"),
        sa.Column("status", sa.Text, nullable=False, server_default="queued"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("max_attempts", sa.Integer, nullable=False, server_default="3"),
        sa.Column("run_after", sa.Float, nullable=False, server_default="0"),
        sa.Column("lease_until", sa.Float),
        sa.Column("worker", sa.Text),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sqlite_autoincrement=True,  # ids never reused (webhook event ids are made from them)
    )
    op.create_index("jobs_ready", "jobs", ["status", "run_after", "id"])
    op.create_index("jobs_briefing", "jobs", ["briefing_id"])


def downgrade() -> None:
    op.drop_table("jobs")
    op.drop_table("briefings")
