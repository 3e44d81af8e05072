"""One typed settings object for every environment variable (README, "Configuration")."""

from __future__ import annotations

import re
from datetime import time
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

_HOURS_RANGE = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)\s*-\s*([01]?\d|2[0-3]):([0-5]\d)\s*$")
_CLOCK = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)\s*$")
SUPPORTED_SCHEMES = ("sqlite", "postgresql", "postgres")


class SettingsError(Exception):
    """A configuration value is invalid; the message is one line naming the variable."""


def shown_url(url: str) -> str:
    """A database URL fit to print: the password masked; one that does not parse, not at all."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "(not a URL)"


def parse_hours_range(value: str) -> tuple[time, time]:
    """`09:00-17:00` -> (09:00, 17:00); the start must come before the end."""
    found = _HOURS_RANGE.match(value or "")
    if not found:
        raise ValueError(f"expected HH:MM-HH:MM, got {value!r}")
    start = time(int(found[1]), int(found[2]))
    end = time(int(found[3]), int(found[4]))
    if start >= end:
        raise ValueError(f"start {start:%H:%M} is not before end {end:%H:%M}")
    return start, end


def parse_clock(value: str) -> time:
    """`08:00` -> time(8, 0)."""
    found = _CLOCK.match(value or "")
    if not found:
        raise ValueError(f"expected HH:MM, got {value!r}")
    return time(int(found[1]), int(found[2]))


def check_timezone(value: str) -> str:
    """The IANA name unchanged, or ValueError when no such zone exists."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown timezone {value!r} (use an IANA name like America/New_York)") from None
    return value


class Settings(BaseSettings):
    """Everything lpo-bot reads from the environment (or `.env`)."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field("sqlite:///./lpo.db", alias="LPO_DATABASE_URL",
                              repr=False)  # its password stays out of any repr
    timezone: str = Field("America/New_York", alias="LPO_TIMEZONE")
    business_hours: str = Field("09:00-17:00", alias="LPO_BUSINESS_HOURS")
    offer_timeout_minutes: int = Field(30, alias="LPO_OFFER_TIMEOUT_MINUTES", ge=1, le=10080)
    max_offers: int = Field(3, alias="LPO_MAX_OFFERS", ge=1, le=50)
    digest_time: str = Field("08:00", alias="LPO_DIGEST_TIME")
    digest_channel: str | None = Field(None, alias="LPO_DIGEST_CHANNEL")
    taxonomy: Path | None = Field(None, alias="LPO_TAXONOMY")
    teams_allow_unauthenticated: bool = Field(False, alias="LPO_TEAMS_ALLOW_UNAUTHENTICATED")
    slack_bot_token: SecretStr | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field("https://slack.com/api/", alias="SLACK_API_URL")
    microsoft_app_id: str | None = Field(None, alias="MICROSOFT_APP_ID")
    microsoft_app_password: SecretStr | None = Field(None, alias="MICROSOFT_APP_PASSWORD")
    microsoft_app_tenant_id: str | None = Field(None, alias="MICROSOFT_APP_TENANT_ID")
    microsoft_app_type: str = Field("MultiTenant", alias="MICROSOFT_APP_TYPE")
    # The firm's own privacy statement and terms of use, for the Teams package; without them
    # the package links the plain pages this server serves at /privacy and /terms.
    privacy_url: str | None = Field(None, alias="LPO_PRIVACY_URL")
    terms_url: str | None = Field(None, alias="LPO_TERMS_URL")
    # Slow clients: the headers of a request must arrive within this long of the connection
    # opening (or of the previous answer, which is also how long an idle connection stays).
    header_timeout_seconds: float = Field(10.0, alias="LPO_HEADER_TIMEOUT_SECONDS",
                                          gt=0, le=3600)
    body_timeout_seconds: float = Field(30.0, alias="LPO_BODY_TIMEOUT_SECONDS", gt=0, le=3600)
    # Where people reach this server: the dashboard's sign-in links start with it.
    public_url: str = Field("http://127.0.0.1:3000", alias="LPO_PUBLIC_URL")

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, value: str) -> str:
        scheme = value.split(":", 1)[0].split("+", 1)[0].lower()
        if scheme not in SUPPORTED_SCHEMES or "://" not in value:
            raise ValueError(f"unsupported database URL {shown_url(value)} "
                             "(use sqlite:///path.db or postgresql://...)")
        try:
            make_url(value)
        except (ArgumentError, ValueError):
            raise ValueError("the database URL does not parse (is the port a number? "
                             "percent-encode special characters in the password)") from None
        return value

    @field_validator("public_url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        parsed = urlsplit(value.strip())
        if parsed.scheme not in ("http", "https") or not parsed.netloc or parsed.query:
            raise ValueError(f"expected an http(s) base URL like https://lpo.example.com, "
                             f"got {value!r}")
        return value.strip().rstrip("/")

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        return check_timezone(value)

    @field_validator("business_hours")
    @classmethod
    def _hours_range(cls, value: str) -> str:
        parse_hours_range(value)
        return value.strip()

    @field_validator("digest_time")
    @classmethod
    def _clock(cls, value: str) -> str:
        parse_clock(value)
        return value.strip()

    @field_validator("taxonomy")
    @classmethod
    def _taxonomy_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"no such file: {value}")
        return value

    @field_validator("microsoft_app_type")
    @classmethod
    def _app_type(cls, value: str) -> str:
        allowed = {"multitenant": "MultiTenant", "singletenant": "SingleTenant",
                   "userassignedmsi": "UserAssignedMSI"}
        if value.lower() not in allowed:
            raise ValueError(f"expected one of {', '.join(allowed.values())}, got {value!r}")
        return allowed[value.lower()]

    @field_validator("privacy_url", "terms_url")
    @classmethod
    def _https_page(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parsed = urlsplit(value.strip())
        if parsed.scheme != "https" or not parsed.netloc:
            raise ValueError(f"expected an https address like https://firm.example/privacy, "
                             f"got {value!r}")
        return value.strip()

    @field_validator("digest_channel", "slack_api_url", "microsoft_app_id", "microsoft_app_tenant_id",
                     "privacy_url", "terms_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def working_hours(self) -> tuple[time, time]:
        return parse_hours_range(self.business_hours)

    @cached_property
    def digest_at(self) -> time:
        return parse_clock(self.digest_time)

    @property
    def public_https(self) -> bool:
        """Whether browsers reach us over https (then cookies are marked Secure)."""
        return self.public_url.startswith("https://")

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token and (self.slack_signing_secret or self.slack_app_token))

    @property
    def slack_api_base(self) -> str:
        base = self.slack_api_url or "https://slack.com/api/"
        return base if base.endswith("/") else base + "/"


def load_settings(**overrides: object) -> Settings:
    """Read the environment; on bad values raise SettingsError naming the first bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        variable = str(first["loc"][0]) if first["loc"] else "settings"
        field = Settings.model_fields.get(variable)
        name = field.alias if field and field.alias else variable
        message = str(first["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"{name}: {message}") from None
