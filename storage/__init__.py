"""Persistence: SQLModel tables, repositories, migrations and the unit of work."""
