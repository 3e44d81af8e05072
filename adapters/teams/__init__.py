"""Microsoft Teams adapter: Bot Framework CloudAdapter, Adaptive Cards and proactive DMs."""
