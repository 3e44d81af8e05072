"""What went wrong in a Slack Web API call, in a few words fit for a log line (never a token)."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError


def error_code(error: SlackApiError) -> str:
    """Slack's `error` field (`channel_not_found`, `ratelimited`, ...), or "" without one."""
    data = getattr(error.response, "data", None)
    return str(data.get("error", "")) if isinstance(data, dict) else ""


def describe(error: Exception) -> str:
    if isinstance(error, SlackApiError):
        status = getattr(error.response, "status_code", "?")
        return f"{error_code(error) or 'error'} (HTTP {status})"
    return repr(error)
