"""Slack front end: Bolt on /slack/events, Block Kit rendering, and the outbox's Slack notifier."""
