"""The Teams app package: manifest.json with this bot's id, and its two icons, in one zip."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
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


def _https_host(endpoint: str) -> str:
    parts = urlsplit(endpoint.strip())
    if parts.scheme != "https" or not parts.hostname:
        raise PackageError(f"--endpoint {endpoint!r} must be the bot's public https URL, "
                           "like https://lpo.example.com")
    return parts.hostname


def manifest(app_id: str, *, endpoint: str | None, version: str) -> dict[str, Any]:
    """The bundled manifest with this bot's id, version and (when given) public site."""
    document: dict[str, Any] = json.loads(_resource(MANIFEST))
    document["id"] = _app_id(app_id)
    document["version"] = version
    for bot in document["bots"]:
        bot["botId"] = document["id"]
    if endpoint:
        host = _https_host(endpoint)
        site = f"https://{host}"
        document["developer"].update(websiteUrl=site, privacyUrl=f"{site}/privacy",
                                     termsOfUseUrl=f"{site}/terms")
        document["validDomains"] = [host]
    return document


def build_package(app_id: str, *, endpoint: str | None, version: str) -> bytes:
    """The zip to upload in Teams (Apps > Manage your apps > Upload an app)."""
    content = json.dumps(manifest(app_id, endpoint=endpoint, version=version), indent=2)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, content)
        for icon in ICONS:
            archive.writestr(icon, _resource(icon))
    return buffer.getvalue()
