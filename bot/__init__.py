"""lpo-bot: delegate legal work to the least expensive qualified person."""
