"""`lpo-bot teams-package`: write the Teams app package (manifest and icons) to upload."""

from __future__ import annotations

import argparse
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import urlsplit

from adapters.teams.package import PackageError, build_package, links
from bot.app.commands import fail
from bot.settings import Settings

DEFAULT_VERSION = "0.1.0"


def _version() -> str:
    try:
        return version("lpo-bot")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return DEFAULT_VERSION


def _public_url(endpoint: str | None, settings: Settings) -> str:
    """--endpoint (only its origin: people pass the messaging endpoint), else LPO_PUBLIC_URL."""
    if not endpoint:
        return settings.public_url
    parts = urlsplit(endpoint.strip())
    return f"{parts.scheme}://{parts.netloc}"


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.microsoft_app_id:
        return fail("set MICROSOFT_APP_ID to the bot's Microsoft App ID first "
                    "(Azure portal: your Azure Bot > Configuration)")
    try:
        where = links(_public_url(args.endpoint, settings), privacy_url=settings.privacy_url,
                      terms_url=settings.terms_url)
        data = build_package(settings.microsoft_app_id, links=where, version=_version())
    except PackageError as error:
        return fail(str(error))
    try:
        Path(args.out).write_bytes(data)
    except OSError as error:
        return fail(f"cannot write {args.out}: {error.strerror or error}")
    print(f"Wrote {args.out} for {where.website} (privacy: {where.privacy}, terms: "
          f"{where.terms}). Upload it in Teams: Apps > Manage your apps > Upload an app.")
    return 0
