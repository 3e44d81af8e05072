"""Mounts Teams on the server: authentication from settings, the endpoint and the notifier."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import ActivityTypes
from msrest.exceptions import ClientException

from adapters.teams.activities import card_message
from adapters.teams.cards import message_card
from adapters.teams.endpoint import MessagesEndpoint, refuse_all
from adapters.teams.handler import TeamsBot
from adapters.teams.notifier import TeamsNotifier
from bot.application import Application
from bot.settings import Settings, SettingsError
from bot.views import plain

log = logging.getLogger(__name__)

MESSAGES_PATH = "/api/messages"
PROACTIVE_EVENTS = frozenset({"ContinueConversation", "CreateConversation"})
SORRY = plain("Sorry, something went wrong on my side.",
              "Nothing was changed. Please try again in a moment.", kind="error")


@dataclass(frozen=True, slots=True)
class SdkConfiguration:
    """The attribute names botbuilder's configuration classes read."""

    APP_ID: str | None
    APP_PASSWORD: str | None
    APP_TYPE: str
    APP_TENANTID: str | None


def sdk_configuration(settings: Settings) -> SdkConfiguration:
    """Settings as botbuilder wants them, checked first so a gap is one clear line."""
    app_id = settings.microsoft_app_id
    password = (settings.microsoft_app_password.get_secret_value()
                if settings.microsoft_app_password else None)
    app_type, tenant = settings.microsoft_app_type, settings.microsoft_app_tenant_id
    if app_id and app_type != "UserAssignedMSI" and not password:
        raise SettingsError("MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID "
                            f"for a {app_type} bot")
    if app_id and app_type != "MultiTenant" and not tenant:
        raise SettingsError(f"MICROSOFT_APP_TENANT_ID: required for a {app_type} bot")
    return SdkConfiguration(APP_ID=app_id, APP_PASSWORD=password, APP_TYPE=app_type,
                            APP_TENANTID=tenant)


async def on_turn_error(context: TurnContext, error: Exception) -> None:
    """Apologise for an inbound turn that failed; let a proactive send's error reach the outbox."""
    activity = context.activity
    if activity.type == ActivityTypes.event and activity.name in PROACTIVE_EVENTS:
        raise error
    log.error("Teams turn failed on a %s activity", activity.type, exc_info=error)
    try:
        await context.send_activity(card_message(message_card(SORRY), SORRY.title))
    except ClientException:
        log.warning("could not tell the user that their turn failed")


def mount(app: web.Application, bot: Application) -> TeamsNotifier | None:
    """Serve `/api/messages` and deliver through Teams, or refuse every request when off."""
    settings = bot.settings
    if not settings.microsoft_app_id and not settings.teams_allow_unauthenticated:
        log.info("Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to enable it")
        app.router.add_post(MESSAGES_PATH, refuse_all)
        return None
    if not settings.microsoft_app_id:
        log.warning("LPO_TEAMS_ALLOW_UNAUTHENTICATED=true: %s accepts requests without a "
                    "token. Use this only with a local emulator.", MESSAGES_PATH)
    elif settings.teams_allow_unauthenticated:
        log.warning("LPO_TEAMS_ALLOW_UNAUTHENTICATED is ignored: MICROSOFT_APP_ID is set")
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(sdk_configuration(settings)))
    adapter.on_turn_error = on_turn_error
    handler = TeamsBot(bot, bot.conversations)
    app.router.add_post(MESSAGES_PATH, MessagesEndpoint(adapter, handler).handle)
    return TeamsNotifier(adapter, bot.conversations, app_id=settings.microsoft_app_id,
                         on_unreachable=bot.respond.staff_unreachable)
