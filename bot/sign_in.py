"""Passwordless dashboard sign-in: one-time links from chat, then an 8-hour browser session.

Only the sha256 of each secret is stored, so a copy of the database signs nobody in; the
secrets themselves live in the link and the cookie.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from sqlalchemy.ext.asyncio import AsyncSession

from storage import sign_in as store

LINK_LIFETIME = timedelta(minutes=10)
SESSION_LIFETIME = timedelta(hours=8)
# token_urlsafe(32) gives 43 characters; anything far off is not ours and is not looked up.
SECRET_LENGTHS = range(40, 50)


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def fingerprint(secret: str) -> str:
    """What the database keeps of a secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


def plausible(secret: str | None) -> bool:
    return bool(secret) and len(secret or "") in SECRET_LENGTHS and (secret or "").isascii()


def login_url(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}/dashboard/login?{urlencode({'token': token})}"


@dataclass(frozen=True, slots=True)
class Grant:
    """A new browser session: the cookie's secret and when it ends."""

    secret: str
    staff_id: int
    expires_at: datetime


async def issue_link(session: AsyncSession, *, staff_id: int, now: datetime) -> str:
    """A fresh one-time token for this person, valid for LINK_LIFETIME."""
    await store.prune(session, now=now)
    token = new_secret()
    await store.add_link(session, token_hash=fingerprint(token), staff_id=staff_id, now=now,
                         expires_at=now + LINK_LIFETIME)
    return token


async def redeem(session: AsyncSession, *, token: str | None, now: datetime) -> Grant | None:
    """Use a link once: a session for its owner, or None if it is unknown, used or expired."""
    if not plausible(token):
        return None
    staff_id = await store.use_link(session, token_hash=fingerprint(token or ""), now=now)
    if staff_id is None:
        return None
    secret = new_secret()
    expires_at = now + SESSION_LIFETIME
    await store.add_session(session, session_hash=fingerprint(secret), staff_id=staff_id,
                            now=now, expires_at=expires_at)
    return Grant(secret=secret, staff_id=staff_id, expires_at=expires_at)


async def session_owner(session: AsyncSession, *, secret: str | None,
                        now: datetime) -> int | None:
    if not plausible(secret):
        return None
    return await store.session_owner(session, session_hash=fingerprint(secret or ""), now=now)


async def sign_out(session: AsyncSession, *, secret: str | None) -> None:
    if plausible(secret):
        await store.end_session(session, session_hash=fingerprint(secret or ""))


async def revoke_all(session: AsyncSession) -> tuple[int, int]:
    return await store.revoke_all(session)
