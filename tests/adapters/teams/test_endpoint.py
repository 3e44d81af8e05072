"""/api/messages refuses what it must: 401 without proof of the caller, 4xx for bad bodies."""

from __future__ import annotations

import logging

import pytest

from tests.adapters.teams.harness import AVA, teams_bot

APP_ID = "3f6c2a10-5a3e-4c1d-9b00-0000000000aa"
AUTH_ON = {"MICROSOFT_APP_ID": APP_ID, "MICROSOFT_APP_PASSWORD": "not-a-real-secret",
           "LPO_TEAMS_ALLOW_UNAUTHENTICATED": False}


async def test_without_an_app_id_every_request_is_refused(database_url: str,
                                                          caplog: pytest.LogCaptureFixture
                                                          ) -> None:
    caplog.set_level(logging.INFO)
    async with teams_bot(database_url, LPO_TEAMS_ALLOW_UNAUTHENTICATED=False) as teams:
        response = await teams.post(teams.activity(AVA, text="tasks"))
        assert response.status == 401
        assert "MICROSOFT_APP_ID" in (await response.json())["error"]
        assert teams.connector.calls == []
    assert "Teams is off" in caplog.text


async def test_emulator_mode_warns_at_start_up(database_url: str,
                                               caplog: pytest.LogCaptureFixture) -> None:
    async with teams_bot(database_url):
        pass
    warning = [r for r in caplog.records if r.levelno == logging.WARNING
               and "LPO_TEAMS_ALLOW_UNAUTHENTICATED" in r.getMessage()]
    assert warning and "emulator" in warning[0].getMessage()


@pytest.mark.parametrize("authorization", [
    None,                            # no header at all
    "",                              # an empty one
    "Bearer",                        # a scheme without a token
    "Basic YWxhZGRpbjpvcGVuc2VzYW1l",  # the wrong scheme
    "Bearer not-a-jwt",              # malformed: the stock adapter raises DecodeError (500)
    "Bearer a.b.c",                  # three segments that are not base64url JSON
])
async def test_auth_on_refuses_missing_or_malformed_tokens(
        database_url: str, authorization: str | None, caplog: pytest.LogCaptureFixture) -> None:
    async with teams_bot(database_url, **AUTH_ON) as teams:
        headers = {} if authorization is None else {"Authorization": authorization}
        response = await teams.post(teams.activity(AVA, text="tasks"), **headers)
        assert response.status == 401
        assert teams.connector.calls == []
    assert "not-a-jwt" not in caplog.text  # tokens are never logged


@pytest.mark.parametrize(("body", "content_type", "status"), [
    (b"{not json", "application/json", 400),
    (b"[1, 2]", "application/json", 400),
    (b'{"text": "hi"}', "application/json", 400),                         # no type
    (b'{"type": "message", "conversation": {"id": "a:1"}}', "application/json", 400),
    (b'{"type": "message", "serviceUrl": "file:///etc", "conversation": {"id": "a"}}',
     "application/json", 400),
    (b'{"type": "message", "serviceUrl": "http://x/"}', "application/json", 400),
    ((b'{"type": "message", "from": "nobody", "serviceUrl": "http://x/", '
      b'"conversation": {"id": "a"}}'), "application/json", 400),
    (b"type=message", "application/x-www-form-urlencoded", 415),
    ("\u00ff".encode("latin-1"), "application/json", 400),
])
async def test_bad_bodies_get_a_4xx(database_url: str, body: bytes, content_type: str,
                                    status: int) -> None:
    async with teams_bot(database_url) as teams:
        response = await teams.client.post("/api/messages", data=body,
                                           headers={"Content-Type": content_type})
        assert response.status == status
        assert "error" in await response.json()


async def test_auth_settings_gaps_are_one_clear_line(database_url: str) -> None:
    from bot.settings import SettingsError

    with pytest.raises(SettingsError, match="MICROSOFT_APP_PASSWORD"):
        async with teams_bot(database_url, MICROSOFT_APP_ID=APP_ID):
            pass
    with pytest.raises(SettingsError, match="MICROSOFT_APP_TENANT_ID"):
        async with teams_bot(database_url, MICROSOFT_APP_ID=APP_ID, MICROSOFT_APP_PASSWORD="x",
                             MICROSOFT_APP_TYPE="SingleTenant"):
            pass
