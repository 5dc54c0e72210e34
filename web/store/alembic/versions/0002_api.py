"""The JSON API (issue 7): keys (only a hash of each), idempotency records, webhooks.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("key_hash", sa.Text, nullable=False, unique=True),
        sa.Column("webhook_secret", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("last_used_at", sa.Text),
        sa.Column("revoked_at", sa.Text),
    )
    op.create_table(
        "api_idempotency",
        sa.Column("key_id", sa.Text, sa.ForeignKey("api_keys.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("idempotency_key", sa.Text, primary_key=True),
        sa.Column("body_hash", sa.Text, nullable=False),
        sa.Column("briefing_id", sa.Text, sa.ForeignKey("briefings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_table(
        "api_webhooks",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("briefing_id", sa.Text, sa.ForeignKey("briefings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key_id", sa.Text, sa.ForeignKey("api_keys.id", ondelete="CASCADE"), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("base_url", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("api_webhooks_briefing", "api_webhooks", ["briefing_id"])


def downgrade() -> None:
    op.drop_table("api_webhooks")
    op.drop_table("api_idempotency")
    op.drop_table("api_keys")
