"""Console adapter: a local REPL over the application."""
