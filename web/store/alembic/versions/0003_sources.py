"""Feeds in (issue 6): followed news feeds and the items seen in them.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("etag", sa.Text),
        sa.Column("modified", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("checked_at", sa.Text),
        sa.Column("last_result", sa.Text),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "source_items",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
        sa.Column("guid", sa.Text),
        sa.Column("link", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("briefing_id", sa.Text, sa.ForeignKey("briefings.id", ondelete="SET NULL")),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("source_items_guid", "source_items", ["source_id", "guid"])
    op.create_index("source_items_link", "source_items", ["source_id", "link"])
    op.create_index("source_items_briefing", "source_items", ["briefing_id"])


def downgrade() -> None:
    op.drop_table("source_items")
    op.drop_table("sources")
