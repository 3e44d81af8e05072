"""The dashboard's HTTP side: sign-in, the session cookie, the pages, the CSV and the assets."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlencode

from aiohttp import web

from adapters.dashboard import render
from bot.application import Application
from bot.outbox import Notifier
from bot.replies import Actor, Refusal
from bot.settings import Settings
from bot.sign_in import SESSION_LIFETIME
from bot.usecases.dashboard import Dashboard
from bot.usecases.rebalance import Rebalancing
from matching.model import StaffProfile

log = logging.getLogger(__name__)

COOKIE = "lpo_dashboard"
OUTCOME_COOKIE = "lpo_dashboard_outcome"  # one line after applying a plan, read once
OUTCOME_LIFETIME = 60  # seconds: the redirect follows at once
PLAN_TOKEN = re.compile(r"[0-9a-f]{10}")
STATIC = Path(__file__).parent / "static"
STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".md": "text/markdown"}
MAX_RANGE = timedelta(days=5 * 366)
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; "
                                "img-src 'self'; object-src 'none'; base-uri 'none'; "
                                "form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    # The sign-in URL carries its token: no page of ours ever passes its address on.
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
HOW_TO_SIGN_IN = ("Ask lpo-bot for a sign-in link: type /lpo dashboard in Slack, or "
                  "dashboard to the bot in Microsoft Teams or the console. Links are for "
                  "managers, work once, and last ten minutes; a session lasts eight hours.")

DASHBOARD_KEY = web.AppKey("dashboard", Dashboard)
SETTINGS_KEY = web.AppKey("dashboard_settings", Settings)
REBALANCING_KEY = web.AppKey("rebalancing", Rebalancing)
VIEWER_KEY = web.RequestKey("viewer", StaffProfile)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class BadRequest(Exception):
    """A query parameter we cannot use; the message says which and how to fix it."""


def _secure(headers: Any, request: web.Request) -> None:
    for name, value in SECURITY_HEADERS.items():
        headers.setdefault(name, value)
    if request.path.startswith("/dashboard"):
        headers.setdefault("Cache-Control", "no-store")  # a manager's numbers stay off disk


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as error:  # 404s, 405s: they too get the headers
        _secure(error.headers, request)
        raise
    _secure(response.headers, request)
    return response


@web.middleware
async def signed_in(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every dashboard URL but the sign-in link needs a live session of a current manager."""
    if request.path == "/dashboard/login":
        return await handler(request)
    viewer = await request.app[DASHBOARD_KEY].viewer(request.cookies.get(COOKIE))
    if viewer is None:
        return _page("message.html", status=401, heading="Please sign in",
                     paragraphs=("Your session has ended, or you have not signed in yet.",
                                 HOW_TO_SIGN_IN))
    request[VIEWER_KEY] = viewer
    return await handler(request)


def _page(template: str, *, status: int = 200, **context: Any) -> web.Response:
    return web.Response(text=render.render(template, **context), status=status,
                        content_type="text/html", charset="utf-8")


def _firm_wide(request: web.Request) -> bool:
    return request.query.get("scope") == "firm"


def _link_maker(request: web.Request) -> Callable[..., str]:
    """Page links that keep the scope switch (and the savings range) as they are."""
    def link(path: str, firm: bool | None = None) -> str:
        query = {}
        if firm if firm is not None else _firm_wide(request):
            query["scope"] = "firm"
        return f"{path}?{urlencode(query)}" if query else path

    return link


def _context(request: web.Request, current: str, scope_title: str) -> dict[str, Any]:
    viewer: StaffProfile = request[VIEWER_KEY]
    now = request.app[DASHBOARD_KEY].local_now()
    return {"viewer": viewer, "current": current, "firm": _firm_wide(request),
            "scope_title": scope_title, "link": _link_maker(request), "charts": True,
            "as_of": f"{now:%a %b} {now.day}, {now:%I:%M %p}".replace(" 0", " ") +
                     f" {now.tzname()}"}


async def login(request: web.Request) -> web.StreamResponse:
    grant = await request.app[DASHBOARD_KEY].sign_in(request.query.get("token"))
    if grant is None:
        return _page("message.html", status=401, heading="This sign-in link no longer works",
                     paragraphs=("Each link works once, for ten minutes, and only for managers.",
                                 HOW_TO_SIGN_IN))
    response = web.Response(status=303, headers={"Location": "/dashboard"})
    response.set_cookie(COOKIE, grant.secret, max_age=int(SESSION_LIFETIME.total_seconds()),
                        path="/dashboard",
                        httponly=True, samesite="Lax",
                        secure=request.app[SETTINGS_KEY].public_https)
    return response


async def logout(request: web.Request) -> web.StreamResponse:
    await request.app[DASHBOARD_KEY].sign_out(request.cookies.get(COOKIE))
    response = _page("message.html", heading="Signed out",
                     paragraphs=("You are signed out of the dashboard.", HOW_TO_SIGN_IN))
    response.del_cookie(COOKIE, path="/dashboard")
    return response


async def overview(request: web.Request) -> web.StreamResponse:
    page = await request.app[DASHBOARD_KEY].overview(request[VIEWER_KEY],
                                                     firm_wide=_firm_wide(request))
    open_total = sum(count for label, count in page.counts
                     if label not in ("completed", "cancelled"))
    return _page("overview.html", page=page, open_total=open_total,
                 state_rows=render.state_rows(page),
                 **_context(request, "/dashboard", page.scope))


async def people(request: web.Request) -> web.StreamResponse:
    page = await request.app[DASHBOARD_KEY].people(request[VIEWER_KEY],
                                                   firm_wide=_firm_wide(request))
    columns, rows = render.refusal_table(page)
    return _page("people.html", page=page, load_rows=render.load_rows(page),
                 refusal_columns=columns, refusal_rows=rows,
                 **_context(request, "/dashboard/people", page.scope))


def _range(request: web.Request) -> tuple[date | None, date | None]:
    """`from` and `to` as dates (both or neither), in order, at most five years apart."""
    raw = {name: request.query.get(name, "").strip() for name in ("from", "to")}
    if not any(raw.values()):
        return None, None
    try:
        first, last = date.fromisoformat(raw["from"]), date.fromisoformat(raw["to"])
    except ValueError:
        raise BadRequest("Give both dates as YYYY-MM-DD, for example from=2027-01-01 and "
                         "to=2027-03-31.") from None
    if last < first:
        raise BadRequest("The range ends before it starts: swap the dates.")
    if last - first > MAX_RANGE:
        raise BadRequest("Pick a range of at most five years.")
    return first, last


def _bad_request(message: str) -> web.Response:
    return _page("message.html", status=400, heading="That range doesn't work",
                 paragraphs=(message,), back="/dashboard/savings")


async def savings(request: web.Request) -> web.StreamResponse:
    try:
        first, last = _range(request)
    except BadRequest as problem:
        return _bad_request(str(problem))
    page = await request.app[DASHBOARD_KEY].savings(
        request[VIEWER_KEY], firm_wide=_firm_wide(request), first=first, last=last)
    query = {"from": page.first.isoformat(), "to": page.last.isoformat()}
    if _firm_wide(request):
        query["scope"] = "firm"
    return _page("savings.html", page=page,
                 week_rows=render.period_rows(page.weeks),
                 month_rows=render.period_rows(page.months),
                 export_link=f"/dashboard/savings.csv?{urlencode(query)}",
                 **_context(request, "/dashboard/savings", page.scope))


async def savings_csv(request: web.Request) -> web.StreamResponse:
    try:
        first, last = _range(request)
    except BadRequest as problem:
        return _bad_request(str(problem))
    if first is None or last is None:
        return _bad_request("Say which days to export: from=YYYY-MM-DD and to=YYYY-MM-DD.")
    response = web.StreamResponse(headers={
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="lpo-completed-{first}-to-{last}.csv"'})
    await response.prepare(request)
    async for line in request.app[DASHBOARD_KEY].export(
            first, last, viewer=request[VIEWER_KEY], firm_wide=_firm_wide(request)):
        await response.write(line.encode())
    await response.write_eof()
    return response


def csrf_token(session_secret: str) -> str:
    """The form token of a session: a MAC of a fixed label under the session's own secret,
    which only that browser holds (the cookie is HttpOnly), so another site cannot know it."""
    return hmac.new(session_secret.encode(), b"lpo-dashboard form", hashlib.sha256).hexdigest()


def _csrf_ok(request: web.Request, sent: object) -> bool:
    expected = csrf_token(request.cookies.get(COOKIE, ""))
    return isinstance(sent, str) and hmac.compare_digest(sent.encode(), expected.encode())


async def rebalance(request: web.Request) -> web.StreamResponse:
    """The plan for the viewer's team, with its Apply button (or that it would save nothing)."""
    viewer: StaffProfile = request[VIEWER_KEY]
    try:
        plan = await request.app[REBALANCING_KEY].view(Actor(email=viewer.email))
    except Refusal as refusal:
        return _page("message.html", status=403, heading=refusal.title,
                     paragraphs=(refusal.body,), back="/dashboard")
    response = _page("rebalance.html", plan=plan, outcome=_outcome(request),
                     csrf=csrf_token(request.cookies.get(COOKIE, "")),
                     **{**_context(request, "/dashboard/rebalance", "your team"),
                        "charts": False, "switch": False})
    if OUTCOME_COOKIE in request.cookies:
        response.del_cookie(OUTCOME_COOKIE, path="/dashboard/rebalance")
    return response


def _outcome(request: web.Request) -> str | None:
    raw = request.cookies.get(OUTCOME_COOKIE)
    return unquote(raw)[:300] if raw else None


async def rebalance_apply(request: web.Request) -> web.StreamResponse:
    """Apply the plan shown (the form carries its token), then back to the page (303) with
    what happened: what moved, or that the plan changed and here is the new one."""
    form = await request.post()
    if not _csrf_ok(request, form.get("csrf")):
        return _page("message.html", status=403, heading="That form has expired",
                     paragraphs=("Nothing was changed. Open the Rebalance page again and "
                                 "apply from there.",), back="/dashboard/rebalance")
    token = form.get("plan")
    if not isinstance(token, str) or not PLAN_TOKEN.fullmatch(token):
        return _page("message.html", status=400, heading="Which plan?",
                     paragraphs=("Nothing was changed. Apply from the Rebalance page, which "
                                 "names the plan it shows.",), back="/dashboard/rebalance")
    viewer: StaffProfile = request[VIEWER_KEY]
    reply = await request.app[REBALANCING_KEY].apply(Actor(email=viewer.email), token)
    if reply.status == "forbidden":
        return _page("message.html", status=403, heading=reply.message.title,
                     paragraphs=(reply.message.body,), back="/dashboard")
    outcome = reply.message.title
    if reply.status == "already_handled":
        outcome = f"{outcome} {reply.message.body}"
    elif reply.message.actions:  # a plan that changed comes back with a new Apply
        outcome = f"{outcome}: here is the new one."
    response = web.Response(status=303, headers={"Location": "/dashboard/rebalance"})
    response.set_cookie(OUTCOME_COOKIE, quote(outcome, safe=""), max_age=OUTCOME_LIFETIME,
                        path="/dashboard/rebalance", httponly=True, samesite="Lax",
                        secure=request.app[SETTINGS_KEY].public_https)
    return response


def _static_files() -> dict[str, Path]:
    return {path.name: path for path in STATIC.iterdir()
            if path.is_file() and path.suffix in STATIC_TYPES}


async def static(request: web.Request) -> web.StreamResponse:
    path = _static_files().get(request.match_info["name"])
    if path is None:
        raise web.HTTPNotFound(text="No such file.")
    return web.FileResponse(path, headers={"Content-Type": STATIC_TYPES[path.suffix],
                                           "Cache-Control": "public, max-age=3600"})


def dashboard_app(dashboard: Dashboard, settings: Settings,
                  rebalancing: Rebalancing) -> web.Application:
    """The `/dashboard` sub-application: its own middlewares guard only its own routes."""
    app = web.Application(middlewares=[security_headers, signed_in])
    app[DASHBOARD_KEY] = dashboard
    app[SETTINGS_KEY] = settings
    app[REBALANCING_KEY] = rebalancing
    app.router.add_get("", overview)
    app.router.add_get("/", overview)
    app.router.add_get("/login", login)
    app.router.add_post("/logout", logout)
    app.router.add_get("/people", people)
    app.router.add_get("/savings", savings)
    app.router.add_get("/savings.csv", savings_csv)
    app.router.add_get("/rebalance", rebalance)
    app.router.add_post("/rebalance/apply", rebalance_apply)
    return app


def static_app() -> web.Application:
    app = web.Application(middlewares=[security_headers])
    app.router.add_get("/{name}", static)
    return app


def mount(app: web.Application, bot: Application) -> Notifier | None:
    """Serve `/dashboard` (pages, sign-in, CSV) and `/static/dashboard` (our own assets).
    The dashboard delivers no chat messages itself (a rebalance's offers go through the
    outbox to the chat adapters), so: no notifier."""
    app.add_subapp("/dashboard", dashboard_app(bot.dashboard, bot.settings, bot.rebalancing))
    app.add_subapp("/static/dashboard", static_app())
    return None
