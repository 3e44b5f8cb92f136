"""clemency.commutation_petition — 28 CFR 1.3 and the Office of the Pardon Attorney's commutation
instructions: a commutation reduces a sentence being served (prison, or an unpaid fine or
restitution); requests are "generally not accepted unless and until a person has begun serving
that sentence" nor "from a person who is currently challenging his or her conviction or sentence
through appeal or other court proceeding"."""

from __future__ import annotations

from typing import Any

from secondchance.engine.determination import Outcome
from tests.clemency.helpers import COMMUTATION, ask, served, text

LAST_DAY = "2013-02-28"  # custody 2010-03-01 .. 2013-02-28 (helpers.served)


def test_serving_a_prison_sentence_may_petition() -> None:
    det = ask(COMMUTATION, served(LAST_DAY), "2011-06-01")
    assert det.outcome is Outcome.eligible
    body = text(det)
    assert "Office of the Pardon Attorney" in body  # where to file (28 CFR 1.1)
    assert "other remedies" in body  # other remedies weighed first
    assert "supervised release" in body  # what a commutation does not end


def test_the_day_after_custody_points_to_a_pardon() -> None:
    # On 2013-03-01 nothing is served (no supervised release imposed): the answer points to a
    # pardon petition. With the 3-year supervised release term of served(), which runs from
    # release (18 U.S.C. 3624(e)), only supervision may remain: needs_review
    # (cases/clemency/commutation_petition/serving-the-sentence.yaml).
    data = served(LAST_DAY)
    del data["convictions"][0]["sentence"]["supervised_release"]
    after = ask(COMMUTATION, data, "2013-03-01")
    assert after.outcome is Outcome.not_eligible
    assert "petition for pardon" in text(after)
    # The facts it used: the release, the last day of custody (2013-02-28, custody[0].end).
    decisive = [f for f in after.findings if f.role.value == "decisive"]
    assert any(
        "released from confinement on 2013-02-28 (custody[0].end" in f.finding for f in decisive
    )


def test_probation_only_says_no_prison_term_was_imposed() -> None:
    # Three years' probation from 2015-01-05 (ended 2018-01-04), no prison, nothing owed: on
    # 2020-01-01 nothing is served; the explanation names the sentence without prison.
    data = {
        "convictions": [
            {
                "jurisdiction": "federal",
                "conviction_date": "2015-01-05",
                "sentence": {"imposed_on": "2015-01-05", "probation": "3 years"},
            }
        ],
        "supervision": [
            {"kind": "probation", "start": "2015-01-05", "end": "2018-01-04", "conviction_id": None}
        ],
    }
    det = ask(COMMUTATION, data, "2020-01-01")
    assert det.outcome is Outcome.not_eligible, text(det)
    assert "the sentence imposed no term of imprisonment (convictions[0].sentence)" in text(det)


def test_fine_still_owed_may_petition_for_remission() -> None:
    # "including the authority to remit ... a fine or restitution order that has not already
    # been paid": released, but $2,500 of restitution owed.
    data = served(LAST_DAY)
    data["convictions"][0]["sentence"].update(restitution=10000, restitution_owed=2500)
    det = ask(COMMUTATION, data, "2016-01-01")
    assert det.outcome is Outcome.eligible
    assert "restitution of $2,500.00 still owed" in text(det)


def test_state_conviction_is_outside_federal_clemency() -> None:
    data = {"convictions": [{"jurisdiction": "state", "state": "Alabama"}]}
    det = ask(COMMUTATION, data, "2020-01-01")
    assert det.outcome is Outcome.not_applicable
    assert "State of Alabama" in text(det)


def test_military_sentence_goes_to_the_military_branch() -> None:
    data = {"convictions": [{"jurisdiction": "military", "conviction_date": "2019-01-01"}]}
    det = ask(COMMUTATION, data, "2020-01-01")
    assert det.outcome is Outcome.needs_review
    assert "does not process commutation requests" in text(det)


def test_recorded_commutation_says_what_the_warrant_kept() -> None:
    data = served(LAST_DAY)
    data["convictions"][0]["sentence"]["commutations"] = [
        {
            "granted_on": "2012-06-01",
            "new_release_date": "2012-12-31",
            "supervised_release_kept": True,
        }
    ]
    det = ask(COMMUTATION, data, "2012-07-01")
    assert det.outcome is Outcome.eligible  # still in custody until 2012-12-31
    assert any(
        f.facts.get("convictions[0].sentence.commutations[0].supervised_release_kept") is True
        for f in det.findings
    )


def test_unrecorded_supervised_release_says_when_the_answer_changes() -> None:
    # Released 2013-02-28 (last day in custody); the judgment's 3-year supervised release term
    # runs from that release (18 U.S.C. 3624(e)) with no supervision period recorded: counting
    # the release day as its first, it runs 2013-02-28 .. 2016-02-27 (the case
    # cases/clemency/commutation_petition/serving-the-sentence.yaml reads it so), so from
    # 2016-02-28 nothing is served and the answer turns to a pardon petition. On 2014-01-01
    # only supervision remains (needs_review) and the next change is 2016-02-28, not "none".
    det = ask(COMMUTATION, served(LAST_DAY), "2014-01-01")
    assert det.outcome is Outcome.needs_review
    assert str(det.next_change) == "2016-02-28"
    assert det.next_change_outcome is Outcome.not_eligible


def _surrender_later(custody: bool) -> dict[str, Any]:
    # Sentenced 2024-01-04 to 36 months with $100,000 of restitution, none paid; ordered to
    # self-surrender, custody beginning 2024-06-03 (or not recorded at all).
    data = served(LAST_DAY, conviction_date="2024-01-04")
    data["convictions"][0]["sentence"].update(restitution=100000, restitution_owed=100000)
    if custody:
        data["custody"][0].update(start="2024-06-03", end=None)
    else:
        del data["custody"]
    return data


def test_restitution_owed_before_the_prison_term_begins_is_not_yet_a_petition() -> None:
    # The Office's instructions, para. 4: "you should not complete and submit this petition
    # until ... you have begun serving your sentence". On 2024-03-01 the prison term has not
    # begun (custody from 2024-06-03): the restitution owed does not make a petition timely
    # now. Not eligible now, eligible from the first day in custody, 2024-06-03 (it was
    # "eligible", remission of restitution).
    det = ask(COMMUTATION, _surrender_later(custody=True), "2024-03-01")
    assert det.outcome is Outcome.eligible_from
    assert str(det.date) == "2024-06-03"
    on_surrender = ask(COMMUTATION, _surrender_later(custody=True), "2024-06-03")
    assert on_surrender.outcome is Outcome.eligible


def test_restitution_owed_with_no_custody_recorded_asks_for_the_custody() -> None:
    # The same sentence with no custody recorded on 2024-03-01, two months after sentencing:
    # whether the prison term has begun is not recorded -> insufficient_facts naming the
    # custody for c1 (it was "eligible", remission of restitution).
    det = ask(COMMUTATION, _surrender_later(custody=False), "2024-03-01")
    assert det.outcome is Outcome.insufficient_facts
    assert any(p.startswith("custody[]") for p in det.missing_facts)


def _completed(owed: int | None) -> dict[str, Any]:
    # Prison (2010-03-01 .. 2013-02-28) and supervision stated completed
    # (sentence.completed: "prison and supervision"), with $900,000 of restitution imposed.
    data = served(LAST_DAY)
    data["convictions"][0]["sentence"].update(completed=True, restitution=900000)
    if owed is not None:
        data["convictions"][0]["sentence"]["restitution_owed"] = owed
    return data


def test_completed_sentence_with_restitution_owed_may_seek_remission() -> None:
    # "completed" covers prison and supervision only; $850,000 of restitution still owed "has
    # not already been paid" and may be remitted (the Office's instructions, para. 3; 28 CFR
    # 1.1): eligible (it was not_applicable, "nothing left to commute").
    det = ask(COMMUTATION, _completed(850000), "2020-01-01")
    assert det.outcome is Outcome.eligible
    assert "restitution of $850,000.00 still owed" in text(det)


def test_completed_sentence_with_restitution_balance_unknown_asks_for_it() -> None:
    # The balance not recorded decides whether anything is left to remit -> insufficient_facts
    # naming it; with nothing owed, nothing is left: not_applicable, as before.
    det = ask(COMMUTATION, _completed(None), "2020-01-01")
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["convictions[0].sentence.restitution_owed"]
    assert ask(COMMUTATION, _completed(0), "2020-01-01").outcome is Outcome.not_applicable


def test_awaiting_sentencing_says_when_the_sentence_is_imposed() -> None:
    # Convicted 2024-01-04, sentenced 2024-05-01 to 3 years' probation and $5,000 restitution
    # (none paid). On 2024-03-01 no sentence is imposed (not_applicable); from 2024-05-01 the
    # unpaid restitution may be remitted (eligible). The next change is 2024-05-01 (there was
    # none).
    data: dict[str, Any] = {
        "person": {"status": [{"status": "us_citizen"}]},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2024-01-04",
                "sentencing_date": "2024-05-01",
                "counts": [{"statute": "18 U.S.C. 1343", "description": "Wire fraud"}],
                "sentence": {
                    "probation": "3 years",
                    "restitution": 5000,
                    "restitution_owed": 5000,
                },
            }
        ],
    }
    det = ask(COMMUTATION, data, "2024-03-01")
    assert det.outcome is Outcome.not_applicable
    assert str(det.next_change) == "2024-05-01"
    assert det.next_change_outcome is Outcome.eligible


def _second(data: dict[str, Any], jurisdiction: str) -> dict[str, Any]:
    """A second conviction, like the first, its own custody 2010-03-01 .. 2013-02-28."""
    other = {**data["convictions"][0], "id": "c2", "jurisdiction": jurisdiction}
    custody = [{**period, "conviction_id": "c2"} for period in data["custody"]]
    return {
        **data,
        "convictions": [*data["convictions"], other],
        "custody": data["custody"] + custody,
    }


def test_a_dc_code_sentence_is_not_called_federal() -> None:
    # In custody on 2011-06-01 (2010-03-01 .. 2013-02-28) on a D.C. Code conviction: D.C. Code
    # offenses are prosecuted by the United States and the President's clemency reaches them
    # (28 CFR 1.1), so a commutation petition may be filed (eligible), but the sentence is a
    # D.C. Code sentence, not a federal one: the reason says so.
    data = served(LAST_DAY)
    data["convictions"][0]["jurisdiction"] = "dc"
    det = ask(COMMUTATION, data, "2011-06-01")
    assert det.outcome is Outcome.eligible
    assert (det.reason or "").startswith("Serving a D.C. Code sentence:")
    assert "federal sentence" not in (det.reason or "")
    # Federal alone: "a federal sentence"; both served at once: both named.
    assert (ask(COMMUTATION, served(LAST_DAY), "2011-06-01").reason or "").startswith(
        "Serving a federal sentence:"
    )
    both = ask(COMMUTATION, _second(served(LAST_DAY), "dc"), "2011-06-01")
    assert both.outcome is Outcome.eligible
    assert (both.reason or "").startswith("Serving a federal sentence and a D.C. Code sentence:")
