"""The dashboard over HTTP: sign-in links, sessions and cookies, 401s, headers, escaping, CSV."""

from __future__ import annotations

import csv
import io
import logging
from datetime import date

import pytest
from sqlalchemy import update

from adapters.dashboard.web import COOKIE
from bot.replies import Actor
from storage.tables import Staff
from storage.versions import bump_firm_version
from tests.adapters.dashboard.harness import served
from tests.dashboard_support import JUNE, MIRIAM, THEO

PAGES = ("/dashboard", "/dashboard/people", "/dashboard/savings",
         "/dashboard/savings.csv?from=2027-01-01&to=2027-03-02", "/dashboard/nowhere")


async def test_every_dashboard_url_needs_a_session(database_url: str) -> None:
    async with served(database_url, tasks=20) as site:
        for path in PAGES:
            response = await site.client.get(path)
            text = await response.text()
            assert response.status == 401, path
            assert "/lpo dashboard" in text and "Lorraine" not in text
            assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        forged = await site.client.get("/dashboard", cookies={COOKIE: "x" * 43})
        assert forged.status == 401


async def test_a_link_signs_in_once_with_a_strict_cookie(database_url: str) -> None:
    async with served(database_url, tasks=50) as site:
        link = await site.link(MIRIAM)
        first = await site.client.get(link, allow_redirects=False)
        assert (first.status, first.headers["Location"]) == (303, "/dashboard")
        cookie = first.headers["Set-Cookie"]
        for flag in ("HttpOnly", "SameSite=Lax", "Path=/dashboard", "Max-Age=28800"):
            assert flag in cookie
        assert "Secure" not in cookie  # the public URL is plain http here
        assert first.headers["Referrer-Policy"] == "no-referrer"
        page = await site.client.get("/dashboard")
        assert page.status == 200 and "Miriam Castellanos" in await page.text()
        assert page.headers["Cache-Control"] == "no-store"
        again = await site.client.get(link, allow_redirects=False)
        assert again.status == 401 and "no longer works" in await again.text()


async def test_links_last_ten_minutes_and_sessions_eight_hours(database_url: str) -> None:
    async with served(database_url, tasks=20) as site:
        stale = await site.link(MIRIAM)
        site.clock.advance(minutes=10)
        assert (await site.client.get(stale, allow_redirects=False)).status == 401
        await site.sign_in(MIRIAM)
        site.clock.advance(hours=7, minutes=59)
        assert (await site.client.get("/dashboard/people")).status == 200
        site.clock.advance(minutes=1)
        assert (await site.client.get("/dashboard/people")).status == 401


async def test_https_public_url_makes_the_cookie_secure(database_url: str) -> None:
    async with served(database_url, tasks=5, LPO_PUBLIC_URL="https://lpo.example.com/") as site:
        reply = await site.application.dashboard.link_for(Actor(email=MIRIAM))
        url = next(f.value for f in reply.message.facts if f.label == "Link")
        assert url.startswith("https://lpo.example.com/dashboard/login?token=")
        response = await site.client.get(await site.link(MIRIAM), allow_redirects=False)
        assert "Secure" in response.headers["Set-Cookie"]


async def test_non_managers_get_no_link_and_lose_the_dashboard(database_url: str) -> None:
    async with served(database_url, tasks=5) as site:
        refused = await site.application.dashboard.link_for(Actor(email=THEO))
        assert refused.status == "forbidden" and "managers" in refused.message.title
        await site.sign_in(JUNE)
        async with site.seeded.database.transaction() as session:
            await session.execute(update(Staff).where(Staff.email == JUNE)
                                  .values(is_manager=False))
            await bump_firm_version(session)
        assert (await site.client.get("/dashboard")).status == 401


async def test_revoke_all_and_sign_out_end_sessions(database_url: str) -> None:
    async with served(database_url, tasks=5) as site:
        await site.sign_in(MIRIAM)
        unused = await site.link(JUNE)
        assert await site.application.dashboard.revoke_all() == (1, 1)
        assert (await site.client.get("/dashboard")).status == 401
        assert (await site.client.get(unused, allow_redirects=False)).status == 401
        await site.sign_in(MIRIAM)
        out = await site.client.post("/dashboard/logout")
        assert out.status == 200 and "Signed out" in await out.text()
        assert (await site.client.get("/dashboard")).status == 401


async def test_names_are_escaped(database_url: str) -> None:
    async with served(database_url, tasks=80) as site:
        async with site.seeded.database.transaction() as session:
            await session.execute(update(Staff).where(Staff.email == THEO).values(
                name="<script>alert(1)</script> & <b>Theo</b>"))
            await bump_firm_version(session)
        await site.sign_in(MIRIAM)
        for path in ("/dashboard/people?scope=firm", "/dashboard/savings?scope=firm"):
            text = await (await site.client.get(path)).text()
            assert "<script>alert" not in text and "<b>Theo" not in text
            assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Theo" in text


async def test_bad_ranges_get_a_friendly_400(database_url: str) -> None:
    async with served(database_url, tasks=5) as site:
        await site.sign_in(MIRIAM)
        for query in ("from=yesterday&to=2027-03-01", "from=2027-03-02&to=2027-03-01",
                      "from=2000-01-01&to=2027-03-01", "from=2027-01-01"):
            response = await site.client.get(f"/dashboard/savings?{query}")
            assert response.status == 400, query
            assert "range" in (await response.text()).lower()
        assert (await site.client.get("/dashboard/savings.csv")).status == 400


async def test_the_csv_download_is_the_export(database_url: str) -> None:
    async with served(database_url, tasks=200) as site:
        await site.sign_in(MIRIAM)
        response = await site.client.get(
            "/dashboard/savings.csv?from=2027-01-01&to=2027-03-02&scope=firm")
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/csv")
        assert "attachment" in response.headers["Content-Disposition"]
        body = await response.text()
        expected = "".join([line async for line in site.application.dashboard.export(
            date(2027, 1, 1), date(2027, 3, 2))])
        assert body == expected and len(list(csv.reader(io.StringIO(body)))) > 20


async def test_assets_are_ours_and_nothing_else(database_url: str) -> None:
    async with served(database_url, tasks=1) as site:
        chart = await site.client.get("/static/dashboard/chart.umd.min.js")
        assert chart.status == 200 and chart.headers["Content-Type"].startswith("text/javascript")
        assert "Chart.js" in (await chart.text())[:200]
        for path in ("/static/dashboard/..%2Fweb.py", "/static/dashboard/web.py",
                     "/static/dashboard/nope.js"):
            assert (await site.client.get(path)).status == 404


async def test_the_access_log_never_holds_a_token(database_url: str,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    async with served(database_url, tasks=1) as site:
        link = await site.link(MIRIAM)
        with caplog.at_level(logging.INFO, logger="aiohttp.access"):
            await site.client.get(link, allow_redirects=False)
            await site.client.get("/dashboard/savings?from=2027-01-01&to=2027-03-01")
    lines = [record.getMessage() for record in caplog.records if record.name == "aiohttp.access"]
    assert any('"GET /dashboard/login" 303' in line for line in lines), lines
    token = link.split("token=")[1]
    assert all(token not in line and "from=" not in line for line in lines)
