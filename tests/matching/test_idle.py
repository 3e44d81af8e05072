"""Messages that ask no one for work, and asks for work outside the catalogue, which still ask."""

from __future__ import annotations

import pytest

from matching.parse.asks import cues
from matching.parse.idle import asks_no_work
from matching.text import fold


def _asks_no_work(text: str) -> bool:
    folded = fold(text)
    return asks_no_work(folded, cues(text, folded))


@pytest.mark.parametrize(
    "text",
    [
        # notices, a command to use something else included
        "The shredder on 4 is broken again. Tech comes Wednesday 2-4, until then use the one "
        "in the mailroom",
        "@Sam the label printer is out of tape, supplies come after the holiday. Use the one "
        "by the front desk.",
        "at the eye doctor 10-12 today, back after",
        # greetings and thanks
        "Happy Mother's Day to all the moms here! Hope you're being pampered today",
        "Thanks @dana for sorting out the VPN!! lifesaver",
        "Enjoy the long weekend everyone! Please don't answer email Monday",
        "Have a great weekend all. I'm out Monday morning (vet), back by 1.",
        # invitations, and help offered should anyone want it
        "Anyone free for lunch? Thai place at 12:30?",
        "heading to the bagel shop, anybody want anything? back by 10",
        "I'm around till 7 if you need anything signed for the Ruiz motion",
        "Want me to draft the reply to Midland? I can have it to you by Thursday.",
    ],
)
def test_a_note_that_asks_no_one_for_work(text: str) -> None:
    assert _asks_no_work(text)


@pytest.mark.parametrize(
    "text",
    [
        # office chores outside the task catalogue, asked as bare commands
        "order sandwiches for the board meeting, needs to be here at noon",
        "restock the printer paper on 3, Mon",
        "renew the office parking permits, to Sam, by Fri",
        "set up the new hire's laptop in 2 days",
        "print 15 copies of the intake form before the clinic",
        # asked in words
        "Could somebody call the copier repair line and get them here by noon?",
        "Who has the storage key? Need it open by 9",
        "can someone help me with the Ruiz stuff tomorrow, swamped",
        "Please don't forget to file the Ruiz answer Friday",
        "Have a paralegal pull the Ruiz bank statements by Friday",
        # what everyone has to do, reminded
        "Reminder that expense reports have to be in by the 28th",
        # an offer, then an ask
        "Want me to call her? Either way pls send the letter today",
    ],
)
def test_an_ask_for_work_is_one_whatever_the_work(text: str) -> None:
    assert not _asks_no_work(text)
