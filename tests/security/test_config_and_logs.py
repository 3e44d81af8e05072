"""Configuration errors print no password; the log format lets no input forge a line."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from adapters.slack.logs import WITHHELD, sdk_logger
from bot.app.cli import main
from bot.logs import LINE_FORMAT, TRACEBACK_MARGIN, OneLineFormatter
from bot.settings import load_settings
from tests.security.log_checks import FORGED

PASSWORD = "Hunter2-Sekrit"


@pytest.mark.parametrize("url", [
    f"mysql://lpo:{PASSWORD}@db.firm.test/lpo",            # an unsupported database
    f"postgres:lpo:{PASSWORD}@db.firm.test",               # not a URL at all
    f"postgresql://lpo:{PASSWORD}@db.firm.test:port/lpo",  # a URL that does not parse
])
def test_a_configuration_error_prints_no_password(
        url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.chdir(tmp_path)  # no .env
    monkeypatch.setenv("LPO_DATABASE_URL", url)
    code = main(["tasks", "list"])
    err = capsys.readouterr().err
    assert code != 0 and "LPO_DATABASE_URL" in err
    assert PASSWORD not in err + caplog.text
    assert "Traceback" not in err


def test_an_unreachable_database_is_named_without_its_password(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LPO_DATABASE_URL", f"postgresql://lpo:{PASSWORD}@127.0.0.1:1/lpo")
    assert main(["roster", "list"]) != 0
    err = capsys.readouterr().err
    assert "lpo:***@127.0.0.1" in err and PASSWORD not in err


def test_settings_never_show_the_database_password() -> None:
    settings = load_settings(LPO_DATABASE_URL=f"postgresql://lpo:{PASSWORD}@db/lpo",
                             _env_file=None)
    assert PASSWORD not in repr(settings) + str(settings)


def record(message: str, *args: object, exc_info: object = None) -> logging.LogRecord:
    return logging.LogRecord("adapters.test", logging.INFO, __file__, 1, message, args,
                             exc_info)  # type: ignore[arg-type]


def test_a_line_break_in_a_logged_value_stays_on_its_line() -> None:
    formatter = OneLineFormatter(LINE_FORMAT)
    for value in (f"hello\n{FORGED}", f"hello\r\n{FORGED}", f"hello\r{FORGED}",
                  f"hello\u2028{FORGED}", f"hello\x85{FORGED}"):
        written = formatter.format(record("refused %s", value))
        assert len(written.splitlines()) == 1, written
        assert "hello\\" in written


def test_a_traceback_sits_behind_a_margin_even_when_its_message_has_line_breaks() -> None:
    try:
        raise ValueError(f"bad value\n{FORGED}")
    except ValueError:
        written = OneLineFormatter(LINE_FORMAT).format(record("failed", exc_info=sys.exc_info()))
    first, *rest = written.split("\n")
    assert first.endswith("failed") and rest
    assert all(line.startswith(TRACEBACK_MARGIN) for line in rest)
    assert not any(line.startswith(FORGED) for line in written.splitlines())


def test_sdk_messages_at_info_and_above_carry_no_payload(
        caplog: pytest.LogCaptureFixture) -> None:
    """What Bolt and slack_sdk put in their messages: a body, a repr'd request."""
    caplog.set_level(logging.DEBUG)
    logger = sdk_logger()
    logger.warning("Unhandled request ({'type': 'block_suggestion', 'value': 'Marisol Garcia'})")
    logger.info("Unsuccessful Bolt execution result (status: 404, body: Marisol Garcia)")
    logger.debug("Sending a request: body: Marisol Garcia")  # DEBUG keeps it for troubleshooting
    messages = [r.getMessage() for r in caplog.records]
    assert messages[:2] == [f"Unhandled request ({WITHHELD}",
                            f"Unsuccessful Bolt execution result (status: 404, {WITHHELD}"]
    assert "Marisol Garcia" in messages[2]
