"""Console adapter: a local REPL over the bot services."""
