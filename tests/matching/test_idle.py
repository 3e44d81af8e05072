"""Messages that ask no one for work, those that read as news, and asks for work outside the
catalogue, which still ask."""

from __future__ import annotations

import pytest

from matching.parse.asks import cues
from matching.parse.forwarded import quoted_spans
from matching.parse.idle import asks_no_work, reads_as_news
from matching.text import fold


def _asks_no_work(text: str) -> bool:
    folded = fold(text)
    return asks_no_work(folded, cues(text, folded, quoted_spans(text)))


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


def _reads_as_news(text: str) -> bool:
    return _asks_no_work(text) and reads_as_news(fold(text))


@pytest.mark.parametrize(
    "text",
    [
        # replies in a thread: taking work on, reporting it done, declining it
        "Will do, Marta. I'll work from her intake sheet and send you the gaps list by Monday.",
        "Done, Ravi. The Okoro 341 on 3/4 at 9am is on the calendar, reminders set.",
        "Hello Lena,\n\nThank you, I would be happy to take the Brightwater memo. One question: "
        "should I also cover the arbitration clause?\n\nBest,\nSam",
        "can't take anything new today - Pruitt exhibits, Lowe demand, Ames ltr by 2",
        "Sol can't do the Fenwick scans today - the portal is still down",
        # questions after work's progress
        "@nadia did the Okoro objection get filed this morning? nothing on PACER yet",
        "ravi - whats the status on the Brightwater SOL memo?",
        "Tomas, any update on the Lowe discovery responses?",
        # offers
        "marta, the clerk moved the Okoro hearing to 4/2 at 10. want me to docket it?",
        "Ravi, Lowe agreed to $50 a month. Shall I send him the stipulation to sign?",
        # updates, reports, summaries and notices
        "okoro update: midland offered 30%. he can pay 20, they want an answer by friday",
        "Ames v. Cavalry answer filed and served by mail, proof of service in the file. FYI Sam",
        "Monday board\nStill open: Lena (Ames), Sol (Fenwick scans), Ravi (Lowe answer)",
        "Hi all, the clinic referrals are in the intake folder. Please don't call any of them "
        "until conflicts clear.",
    ],
)
def test_a_reply_a_report_or_a_question_reads_as_news(text: str) -> None:
    assert _reads_as_news(text)


@pytest.mark.parametrize(
    "text",
    [
        # terse orders ask though no word of asking is left
        "Fenwick DV ltr to Cavalry, next Tue",
        "Wed board\nOkoro | answer | Fri | @Lena",
        "Ames: prefiling screen on the Transworld calls, EOW",
        # news, then an ask
        "Will do. Can you send me her intake sheet first?",
        "did the Okoro answer go out? if not pls file it today",
        "Ames update: Cavalry wants to settle. Ravi, draft a counter at 20% by Friday",
        "I can't make the Lowe hearing at 2, can someone cover it?",
        "can't do the Ames call today but could someone else take it?",
    ],
)
def test_an_order_or_an_ask_is_no_news(text: str) -> None:
    assert not _reads_as_news(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lena - the Ames answer looks fine. Fix the caption and go ahead and file it Monday.",
        "Sol, you're up on the Fenwick demand. The collector's letters are in the folder.",
        "Ames: (1) e-file the petition tomorrow (2) update her address in the system",
    ],
)
def test_work_handed_over_without_a_word_of_asking_is_asked(text: str) -> None:
    assert not _asks_no_work(text)


def test_a_client_update_heading_names_a_task_not_news() -> None:
    assert not _reads_as_news("Lowe client update: tell him the 341 moved to 3/9, COB")
    assert _reads_as_news("Lowe update: the trustee moved the 341 to 3/9")


@pytest.mark.parametrize(
    "text",
    [
        # questions after an answer, put to a colleague or to everyone
        "Tomas, quick question on Okoro - do you know if Equifax ever sent the ACDV? I'm "
        "trying to work out whether we need a second dispute.",
        "Sure thing! Quick question - do we have her signed retainer, or is it still out?",
        "Does anyone know if the courthouse closes early Friday? Lena said 2 but I'm not sure",
        "Ravi, Mrs. Ames called, she wants to know if she should mail the lease or bring it. "
        "What do I tell her?",
        "@Lena the Brightwater reply came in, they'll drop the fees claim. thoughts?",
        "Sol, is the Fenwick demand for me or for Tomas? happy to take it",
        "Lena - I'm conflicted off Lowe (my cousin works at the lender). who should take it?",
        "Ravi - Midland's lawyer rang me about a payment plan on Ames. want to talk Monday "
        "morning?",
        'ha, Dana\'s auto-reply: "I am out of the office until Monday 4/8. For anything urgent '
        'please contact Sol Baptiste." Sol, are you in today?',
        # work handed back with the news
        "Spoke to Mr. Okoro. He wants to counter at $9k plus deletion. Lena, over to you.",
        # an errand or a lunch for everyone, with its time
        "Placing a sandwich order at 11:45 if anyone on 3 wants in",
        "anyone want Chipotle? heading out at 12:15, can grab for you too",
        "Lunch - anyone on the second floor want to walk over to the deli? I'm buying. "
        "Leaving at 12:30.",
        # away, and how to reach the writer
        "Off to Dane Co. Back Thurs. Call cell if urgent. -LK",
        # a firm-wide chore of everyone's own
        "Month-end reminder: @Lena @Sol @Ravi pls get your March time in tonight, invoices go "
        "out tomorrow",
        # an ask taken back
        "Tomas, could you call Mrs. Ames about her hearing date? Actually wait, Lena already "
        "did. Never mind!! Ignore me",
    ],
)
def test_a_question_an_errand_or_a_hand_back_asks_no_work(text: str) -> None:
    assert _asks_no_work(text)


@pytest.mark.parametrize(
    "text",
    [
        "how long do we have on the Okoro FCRA claim? pls check the SOL by noon tomorrow",
        "do we have anyone who can cover the Lowe hearing at 2?",
        "Lena, over to you - pls draft the counter by Friday",
        "anyone want to take the Ames hearing on Thursday? I'm stuck in Dane Co.",
        "Tomas, could you call Mrs. Ames? never mind the letter, just the call, by 3",
    ],
)
def test_a_question_that_asks_for_work_still_asks(text: str) -> None:
    assert not _asks_no_work(text)
