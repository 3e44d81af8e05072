"""Plays Microsoft's Bot Framework token service at the HTTP boundary: its OpenID metadata and
signing keys (fetched by botbuilder with `requests`), and tokens signed like the real ones."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import jwt
import requests
import responses
from botframework.connector.auth import AuthenticationConstants, JwtTokenExtractor
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CHANNEL_METADATA = AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
EMULATOR_METADATA = AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL
KEYS_URL = "https://login.botframework.test/v1/.well-known/keys"
ISSUER = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
KID = "lpo-test-key"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class MicrosoftKeys:
    """The published key set (one key, endorsed for msteams) and who asked for it."""

    app_id: str
    key: rsa.RSAPrivateKey = field(default_factory=new_key)
    endorsements: list[str] = field(default_factory=lambda: ["msteams"])

    def published(self) -> dict[str, Any]:
        public = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": KID, "use": "sig", "endorsements": self.endorsements}]}

    def token(self, service_url: str, *, key: rsa.RSAPrivateKey | None = None,
              kid: str | None = KID, expires_in: float = 3600, **claims: Any) -> str:
        """A token as the Bot Framework signs one; override any claim or the key to forge."""
        now = int(time.time())
        body = {"iss": ISSUER, "aud": self.app_id, "serviceurl": service_url,
                "nbf": now - 60, "iat": now - 60, "exp": int(now + expires_in), **claims}
        headers = {"kid": kid} if kid is not None else {}
        return jwt.encode(body, key or self.key, algorithm="RS256", headers=headers)


@contextmanager
def microsoft_keys(app_id: str, *, reachable: bool = True,
                   endorsements: tuple[str, ...] = ("msteams",)
                   ) -> Iterator[tuple[MicrosoftKeys, responses.RequestsMock]]:
    """Answer botbuilder's key fetches (or fail them, as an outage would)."""
    keys = MicrosoftKeys(app_id, endorsements=list(endorsements))
    JwtTokenExtractor.metadataCache.clear()  # botbuilder keeps keys for a day, per process
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        for metadata in (CHANNEL_METADATA, EMULATOR_METADATA):
            if reachable:
                mock.get(metadata, json={"issuer": ISSUER, "jwks_uri": KEYS_URL})
            else:
                mock.get(metadata, body=requests.ConnectionError("no route to login"))
        mock.get(KEYS_URL, json=keys.published())
        try:
            yield keys, mock
        finally:
            JwtTokenExtractor.metadataCache.clear()
