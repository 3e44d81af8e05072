"""Settings: defaults, `.env`, and one clear line per invalid value (no traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app.cli import main
from bot.settings import SettingsError, load_settings

CASES = [
    ("LPO_TIMEZONE", "Mars/Olympus", "LPO_TIMEZONE: unknown timezone 'Mars/Olympus'"),
    ("LPO_BUSINESS_HOURS", "9-5", "LPO_BUSINESS_HOURS: expected HH:MM-HH:MM"),
    ("LPO_BUSINESS_HOURS", "17:00-09:00", "LPO_BUSINESS_HOURS: start 17:00 is not before"),
    ("LPO_DIGEST_TIME", "25:00", "LPO_DIGEST_TIME: expected HH:MM"),
    ("LPO_DATABASE_URL", "mysql://root@localhost/x", "LPO_DATABASE_URL: unsupported database"),
    ("LPO_OFFER_TIMEOUT_MINUTES", "soon", "LPO_OFFER_TIMEOUT_MINUTES:"),
    ("LPO_MAX_OFFERS", "0", "LPO_MAX_OFFERS:"),
    ("LPO_TAXONOMY", "/nowhere/catalogue.toml", "LPO_TAXONOMY: no such file"),
    ("MICROSOFT_APP_TYPE", "Personal", "MICROSOFT_APP_TYPE: expected one of"),
]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("LPO_DATABASE_URL", "LPO_TIMEZONE", "LPO_BUSINESS_HOURS", "LPO_DIGEST_TIME",
                 "LPO_TAXONOMY", "LPO_MAX_OFFERS", "SLACK_BOT_TOKEN"):
        monkeypatch.delenv(name, raising=False)


def test_defaults_match_the_design() -> None:
    settings = load_settings()
    assert settings.database_url == "sqlite:///./lpo.db"
    assert settings.timezone == "America/New_York"
    assert settings.business_hours == "09:00-17:00"
    assert (settings.offer_timeout_minutes, settings.max_offers) == (30, 3)
    assert settings.digest_time == "08:00" and settings.digest_channel is None
    assert settings.teams_allow_unauthenticated is False
    assert settings.slack_api_base == "https://slack.com/api/"
    assert not settings.slack_enabled


def test_dotenv_is_honoured(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("LPO_TIMEZONE=America/Chicago\nLPO_MAX_OFFERS=5\n")
    settings = load_settings()
    assert settings.timezone == "America/Chicago" and settings.max_offers == 5


def test_secrets_never_show_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-very-secret")
    assert "xoxb-very-secret" not in repr(load_settings())


@pytest.mark.parametrize(("name", "value", "expected"), CASES)
def test_invalid_values_name_the_variable(monkeypatch: pytest.MonkeyPatch, name: str,
                                          value: str, expected: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert str(raised.value).startswith(expected)
    assert "\n" not in str(raised.value)


def test_cli_reports_bad_settings_in_one_line(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LPO_TIMEZONE", "Atlantis/Capital")
    assert main(["roster", "list"]) == 2
    error = capsys.readouterr().err
    assert error.strip().splitlines() == [
        "lpo-bot: configuration error: LPO_TIMEZONE: unknown timezone 'Atlantis/Capital' "
        "(use an IANA name like America/New_York)"]
    assert "Traceback" not in error
