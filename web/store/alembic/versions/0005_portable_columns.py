"""Columns that make every statement portable (issue 21, PostgreSQL beside SQLite).

``content_hash``: the audio's media folder, beside the audio JSON, indexed (it replaces an
index on SQLite's ``json_extract``). ``added_ns``: the order briefings were added, to break
ties of ``created_at`` (it replaces SQLite's ``rowid``). Existing SQLite rows get both from
what they hold.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("briefings", sa.Column("content_hash", sa.Text))
    op.add_column("briefings", sa.Column("added_ns", sa.BigInteger, nullable=False, server_default="0"))
    op.execute("DROP INDEX IF EXISTS briefings_content_hash")  # SQLite files from before: json_extract
    if op.get_bind().dialect.name == "sqlite":
        op.execute("UPDATE briefings SET content_hash = json_extract(audio, '$.content_hash') WHERE audio IS NOT NULL")
        op.execute("UPDATE briefings SET added_ns = CAST(strftime('%s', created_at) AS INTEGER) * 1000000000 + rowid")
    op.create_index("briefings_audio_hash", "briefings", ["content_hash"])


def downgrade() -> None:
    op.drop_index("briefings_audio_hash", "briefings")
    with op.batch_alter_table("briefings") as batch:
        batch.drop_column("added_ns")
        batch.drop_column("content_hash")
