from tests.adapters.slack.slack_world import AVA, BEN, DELEGATION, slack_world, texts
async def test_dbg(tmp_path, sqlite_template):
    import shutil
    p = tmp_path / "x.db"; shutil.copy(sqlite_template, p)
    async with slack_world(f"sqlite:///{p}") as world:
        fake = world.fake
        await world.command(AVA, "/delegate", DELEGATION)
        offer = await fake.dm(BEN)
        await world.click(BEN, offer, "Accept")
        accepted = (await fake.nth("chat.update", 1))[0]
        await fake.dm(AVA)
        await world.click(BEN, accepted, "Mark done")
        review = await fake.dm(AVA, 2)
        await world.click(AVA, review, "Approve")
        try:
            await fake.nth("chat.postMessage", 5)
        except Exception: pass
        for c in fake.calls:
            print(c.method, c.payload.get("channel"), c.payload.get("ts"), c.payload.get("text"), c.answer.get("ts"))
        assert 0
