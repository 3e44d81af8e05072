"""Hostile requests on /api/messages: forged tokens get 401, bad bodies 400, never a 5xx."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import jwt
import pytest

from tests.adapters.teams.harness import AVA, Teams, teams_bot
from tests.security.log_checks import assert_clean
from tests.security.microsoft_keys import ISSUER, KID, MicrosoftKeys, microsoft_keys, new_key

APP_ID = "3f6c2a10-5a3e-4c1d-9b00-0000000000aa"
AUTH_ON: dict[str, Any] = {"MICROSOFT_APP_ID": APP_ID, "MICROSOFT_APP_PASSWORD": "not-a-real-secret",
           "LPO_TEAMS_ALLOW_UNAUTHENTICATED": False}
DEEP = "[" * 50_000 + "]" * 50_000


def segment(value: str) -> str:
    return base64.urlsafe_b64encode(value.encode()).rstrip(b"=").decode()


def claims(service_url: str) -> dict[str, Any]:
    now = int(time.time())
    return {"iss": ISSUER, "aud": APP_ID, "serviceurl": service_url, "nbf": now - 60,
            "exp": now + 3600}


def face_forgeries(service_url: str) -> dict[str, str]:
    """Tokens that are refused by their header alone, before Microsoft's keys are needed."""
    body = claims(service_url)
    return {
        "alg none": jwt.encode(body, "", algorithm="none", headers={"kid": KID}),
        "HS256": jwt.encode(body, "a-shared-secret-anyone-could-guess", algorithm="HS256", headers={"kid": KID}),
        "no kid": jwt.encode(body, new_key(), algorithm="RS256"),
        "empty kid": jwt.encode(body, new_key(), algorithm="RS256", headers={"kid": ""}),
        "kid not a string": ".".join([segment('{"alg": "RS256", "kid": 7}'),
                                      segment(json.dumps(body)), "c2ln"]),
        "nested header": ".".join([segment('{"alg": "RS256", "x": ' + "[" * 2000 + "]" * 2000
                                           + "}"), segment(json.dumps(body)), "c2ln"]),
        "nested claims": ".".join([segment(f'{{"alg": "RS256", "kid": "{KID}"}}'),
                                   segment('{"a": ' + "[" * 2000 + "]" * 2000 + "}"), "c2ln"]),
        "not base64": "%%%.%%%.%%%",
    }


def signed_forgeries(keys: MicrosoftKeys, service_url: str) -> dict[str, str]:
    """Tokens that only Microsoft's published keys can tell from genuine ones."""
    return {
        "unknown kid": keys.token(service_url, kid="not-published"),
        "wrong key": keys.token(service_url, key=new_key()),
        "expired": keys.token(service_url, expires_in=-3600),
        "wrong audience": keys.token(service_url, aud="another-bot"),
        "wrong issuer": keys.token(service_url, iss="https://login.evil.test"),
        "wrong service url": keys.token("https://evil.test/"),
    }


async def post_with(teams: Teams, token: str) -> int:
    response = await teams.post(teams.activity(AVA, kind="typing"),
                                Authorization=f"Bearer {token}")
    return response.status


async def test_a_genuine_token_is_accepted(sqlite_url: str) -> None:
    """The control for the forgeries below: the same harness, a token signed as Microsoft does."""
    async with teams_bot(sqlite_url, **AUTH_ON) as teams:
        with microsoft_keys(APP_ID) as (keys, _fetches):
            assert await post_with(teams, keys.token(teams.connector.url)) == 200


@pytest.mark.parametrize("forgery", list(face_forgeries("http://x/")))
async def test_a_token_refused_on_its_face_gets_401_without_fetching_keys(
        sqlite_url: str, server_log: pytest.LogCaptureFixture, forgery: str) -> None:
    async with teams_bot(sqlite_url, **AUTH_ON) as teams:
        token = face_forgeries(teams.connector.url)[forgery]
        with microsoft_keys(APP_ID, reachable=False) as (_keys, fetches):
            assert await post_with(teams, token) == 401
            assert len(fetches.calls) == 0  # an outage at Microsoft would not delay the answer
    assert_clean(server_log, token)


@pytest.mark.parametrize("forgery", list(signed_forgeries(MicrosoftKeys(APP_ID), "http://x/")))
async def test_a_forged_signed_token_gets_401(
        sqlite_url: str, server_log: pytest.LogCaptureFixture, forgery: str) -> None:
    async with teams_bot(sqlite_url, **AUTH_ON) as teams:
        with microsoft_keys(APP_ID) as (keys, _fetches):
            token = signed_forgeries(keys, teams.connector.url)[forgery]
            assert await post_with(teams, token) == 401
    assert_clean(server_log, token)


async def test_a_key_not_endorsed_for_teams_gets_401(
        sqlite_url: str, server_log: pytest.LogCaptureFixture) -> None:
    async with teams_bot(sqlite_url, **AUTH_ON) as teams:
        # botbuilder refuses a key endorsed for other channels only with a bare Exception
        with microsoft_keys(APP_ID, endorsements=("skype",)) as (keys, _fetches):
            assert await post_with(teams, keys.token(teams.connector.url)) == 401
    assert_clean(server_log)


async def test_keys_out_of_reach_get_503_for_tokens_only_they_can_judge(
        sqlite_url: str, server_log: pytest.LogCaptureFixture) -> None:
    async with teams_bot(sqlite_url, **AUTH_ON) as teams:
        with microsoft_keys(APP_ID, reachable=False) as (keys, _fetches):
            assert await post_with(teams, keys.token(teams.connector.url)) == 503
    assert_clean(server_log)


@pytest.mark.parametrize("auth", [AUTH_ON, {}], ids=["auth on", "emulator"])
async def test_deeply_nested_json_gets_400(
        sqlite_url: str, server_log: pytest.LogCaptureFixture, auth: dict[str, Any]) -> None:
    async with teams_bot(sqlite_url, **auth) as teams:
        body = '{"type": "message", "value": ' + DEEP + "}"
        response = await teams.client.post("/api/messages", data=body.encode(),
                                           headers={"Content-Type": "application/json"})
        assert response.status == 400
        assert "nested" in (await response.json())["error"]
    assert_clean(server_log, "[[[[")


async def test_an_oversized_header_gets_400_and_one_quiet_line(
        sqlite_url: str, server_log: pytest.LogCaptureFixture) -> None:
    async with teams_bot(sqlite_url, **AUTH_ON) as teams:
        response = await teams.post(teams.activity(AVA, kind="typing"),
                                    Authorization="Bearer " + "oversized" * 1000)
        assert response.status == 400
    assert_clean(server_log, "oversized")
