"""The Teams app package: manifest.json with this bot's id, and its two icons, in one zip."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from dataclasses import dataclass
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

MANIFEST = "manifest.json"
ICONS = ("color.png", "outline.png")


class PackageError(ValueError):
    """A setting the package needs is missing or malformed; the message says which."""


def _resource(name: str) -> bytes:
    return files("adapters").joinpath("teams", name).read_bytes()


def _app_id(value: str) -> str:
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        raise PackageError(f"MICROSOFT_APP_ID {value!r} is not a Microsoft App ID (a GUID like "
                           "3f6c2a10-5a3e-4c1d-9b00-000000000001)") from None


@dataclass(frozen=True, slots=True)
class Links:
    """Where the package sends people: the bot's site, its privacy statement and terms of use."""

    website: str
    privacy: str
    terms: str

    @property
    def domain(self) -> str:
        return urlsplit(self.website).hostname or ""


def links(public_url: str, *, privacy_url: str | None = None,
          terms_url: str | None = None) -> Links:
    """The bot's public https base URL and the pages under it (/privacy and /terms, which
    lpo-bot serves) unless the firm names its own."""
    parts = urlsplit(public_url.strip())
    if parts.scheme != "https" or not parts.hostname:
        raise PackageError(f"the Teams package needs the bot's public https address, not "
                           f"{public_url!r}: set LPO_PUBLIC_URL (or pass --endpoint), like "
                           "https://lpo.example.com")
    site = public_url.strip().rstrip("/")
    return Links(website=site, privacy=privacy_url or f"{site}/privacy",
                 terms=terms_url or f"{site}/terms")


def manifest(app_id: str, *, links: Links, version: str) -> dict[str, Any]:
    """The bundled manifest with this bot's id, version, site and links."""
    document: dict[str, Any] = json.loads(_resource(MANIFEST))
    document["id"] = _app_id(app_id)
    document["version"] = version
    for bot in document["bots"]:
        bot["botId"] = document["id"]
    document["developer"].update(websiteUrl=links.website, privacyUrl=links.privacy,
                                 termsOfUseUrl=links.terms)
    document["validDomains"] = [links.domain]
    return document


def build_package(app_id: str, *, links: Links, version: str) -> bytes:
    """The zip to upload in Teams (Apps > Manage your apps > Upload an app)."""
    content = json.dumps(manifest(app_id, links=links, version=version), indent=2)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, content)
        for icon in ICONS:
            archive.writestr(icon, _resource(icon))
    return buffer.getvalue()
