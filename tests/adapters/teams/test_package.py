"""`lpo-bot teams-package` writes an uploadable app package with this bot's id."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest

from bot.app.cli import main

APP_ID = "3f6c2a10-5a3e-4c1d-9b00-0000000000aa"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in ("MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TYPE",
                 "LPO_PUBLIC_URL", "LPO_PRIVACY_URL", "LPO_TERMS_URL"):
        monkeypatch.delenv(name, raising=False)


def _manifest(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))


def test_the_package_carries_the_bot_id_commands_scopes_and_icons(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
        ) -> None:
    monkeypatch.setenv("MICROSOFT_APP_ID", APP_ID.upper())
    out = tmp_path / "lpo.zip"
    assert main(["teams-package", "--out", str(out),
                 "--endpoint", "https://lpo.example.com/api/messages"]) == 0
    assert "Upload an app" in capsys.readouterr().out
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
        assert _png_size(archive.read("color.png")) == (192, 192)
        assert _png_size(archive.read("outline.png")) == (32, 32)
    assert manifest["id"] == APP_ID and manifest["bots"][0]["botId"] == APP_ID
    assert manifest["manifestVersion"] == "1.17"
    assert manifest["validDomains"] == ["lpo.example.com"]
    assert manifest["developer"]["privacyUrl"] == "https://lpo.example.com/privacy"
    bot = manifest["bots"][0]
    assert bot["scopes"] == ["personal", "team"]
    commands = bot["commandLists"][0]["commands"]
    assert [c["title"] for c in commands] == ["delegate", "tasks", "away", "back", "digest",
                                             "help"]
    # Teams' own limits on these fields.
    assert len(manifest["name"]["short"]) <= 30 and len(manifest["name"]["full"]) <= 100
    assert len(manifest["description"]["short"]) <= 80
    assert len(manifest["description"]["full"]) <= 4000
    assert all(len(c["title"]) <= 32 and len(c["description"]) <= 128 for c in commands)
    assert len(manifest["accentColor"]) == 7


def test_without_an_app_id_it_explains(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["teams-package"]) == 2
    assert "MICROSOFT_APP_ID" in capsys.readouterr().err


@pytest.mark.parametrize(("app_id", "endpoint", "complaint"), [
    ("not-a-guid", "https://lpo.example.com", "not a Microsoft App ID"),
    (APP_ID, "http://plain.example.com", "public https address"),
    (APP_ID, None, "set LPO_PUBLIC_URL (or pass --endpoint)"),  # the default is http://127...
])
def test_bad_values_are_named(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                              app_id: str, endpoint: str | None, complaint: str) -> None:
    monkeypatch.setenv("MICROSOFT_APP_ID", app_id)
    args = ["teams-package"] + (["--endpoint", endpoint] if endpoint else [])
    assert main(args) == 2
    captured = capsys.readouterr()
    assert complaint in captured.err and len(captured.err.splitlines()) == 1
    assert captured.out == "" and not (Path.cwd() / "lpo-bot-teams.zip").exists()


def test_the_public_url_fills_every_link(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MICROSOFT_APP_ID", APP_ID)
    monkeypatch.setenv("LPO_PUBLIC_URL", "https://bots.firm.example/lpo/")
    assert main(["teams-package", "--out", "p.zip"]) == 0
    assert "https://bots.firm.example/lpo/privacy" in capsys.readouterr().out
    manifest = _manifest(tmp_path / "p.zip")
    assert manifest["developer"] == {
        "name": "lpo-bot", "websiteUrl": "https://bots.firm.example/lpo",
        "privacyUrl": "https://bots.firm.example/lpo/privacy",
        "termsOfUseUrl": "https://bots.firm.example/lpo/terms"}
    assert manifest["validDomains"] == ["bots.firm.example"]
    assert "invalid" not in json.dumps(manifest)


def test_a_firms_own_privacy_and_terms_go_into_the_package(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MICROSOFT_APP_ID", APP_ID)
    monkeypatch.setenv("LPO_PUBLIC_URL", "https://lpo.firm.example")
    monkeypatch.setenv("LPO_PRIVACY_URL", "https://www.firm.example/privacy-notice")
    monkeypatch.setenv("LPO_TERMS_URL", "https://www.firm.example/it-terms")
    assert main(["teams-package", "--out", "p.zip",
                 "--endpoint", "https://override.firm.example/api/messages"]) == 0
    developer = _manifest(tmp_path / "p.zip")["developer"]
    assert developer["websiteUrl"] == "https://override.firm.example"
    assert developer["privacyUrl"] == "https://www.firm.example/privacy-notice"
    assert developer["termsOfUseUrl"] == "https://www.firm.example/it-terms"


def test_a_privacy_url_that_is_not_https_is_a_configuration_error(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MICROSOFT_APP_ID", APP_ID)
    monkeypatch.setenv("LPO_PRIVACY_URL", "http://www.firm.example/privacy")
    assert main(["teams-package", "--endpoint", "https://lpo.example.com"]) == 2
    assert capsys.readouterr().err.startswith("lpo-bot: configuration error: LPO_PRIVACY_URL: ")
