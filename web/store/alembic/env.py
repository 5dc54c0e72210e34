"""Alembic's entry point for Briefing's migrations: they run on the connection the store
hands over (web/store/migrate.py), or on ``sqlalchemy.url`` when Alembic's own command
line is used."""

from alembic import context
from sqlalchemy import create_engine, pool

from web.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is not None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool)
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
