"""Fixes from the petitions review (records under review r01-r26): each test's expected answer is
worked by hand from 28 CFR 1.2 (five years after release from confinement, or after conviction
where no prison sentence was imposed; generally not while on probation, parole or supervised
release) and the Office of the Pardon Attorney's instructions, as the comments say."""

from __future__ import annotations

from typing import Any

from secondchance.engine.determination import Outcome
from tests.clemency.helpers import CITIZEN, COMMUTATION, PARDON, ask, text


def _one(sentence: dict[str, Any], custody: list[dict[str, Any]], **conv: Any) -> dict[str, Any]:
    """One federal wire-fraud conviction c1 (convicted 2010-01-04 unless given)."""
    conviction: dict[str, Any] = {
        "id": "c1",
        "jurisdiction": "federal",
        "conviction_date": "2010-01-04",
        "counts": [{"statute": "18 U.S.C. 1343"}],
        "sentence": sentence,
        **conv,
    }
    return {"person": {"status": CITIZEN}, "convictions": [conviction], "custody": custody}


# --- r20: pretrial detention is not release from confinement ------------------------------------


def test_pretrial_detention_alone_is_not_the_release_from_a_prison_term() -> None:
    # 120 months imposed 2010-04-01; the only custody is pretrial detention 2009-06-01 to
    # 2010-03-31, before sentence. Detention before sentence is not service of the sentence (at
    # most credit, 18 U.S.C. 3585(b)), so its end is not "release from confinement" (28 CFR
    # 1.2): the release is not recorded. Before the fix: eligible, the wait counted from
    # 2010-03-31 (ended 2015-03-31).
    data = _one(
        {"imprisonment": "120 months"},
        [
            {
                "kind": "pretrial_detention",
                "conviction_id": "c1",
                "start": "2009-06-01",
                "end": "2010-03-31",
            }
        ],
        sentencing_date="2010-04-01",
    )
    for program in (PARDON, COMMUTATION):
        det = ask(program, data, "2026-06-01")
        assert det.outcome is Outcome.insufficient_facts
        assert "custody[] (a period with conviction_id c1, and its end)" in det.missing_facts


# --- r21: custody ending far short of the term imposed ------------------------------------------


def test_custody_ending_long_before_the_term_could_end_is_not_the_release() -> None:
    # 120 months; convicted 2010-01-04 (no sentencing date: the conviction, which comes no
    # later, is the earliest day to count from); federal custody 2010-03-01 to 2010-04-15 only.
    # The earliest the term could end by serving it:
    #   2010-01-04 + 120 months = 2020-01-04, 3,652 days (2012 and 2016 are leap years);
    #   most good conduct time 54 days a year of the term (18 U.S.C. 3624(b)):
    #     54 x 3,652 / 365 = 540.3, rounded up 541 days → 2020-01-04 - 541 days = 2018-07-12;
    #   less 12 months of drug-program reduction (18 U.S.C. 3621(e)(2)(B)) → 2017-07-12
    #   (its residential component, at least 6 months from 2010-01-04, 28 CFR 550.53(a)(1),
    #   is done by 2010-07-04, long before). No First Step Act transfer to supervised release:
    #   time credits are earned only for days from 2018-12-21 (18 U.S.C. 3632(d)(4)(B)(i)),
    #   after 2018-07-12, so none could move a release before it (the bound was 2016-07-12
    #   when a full 12 months of credits were taken off whatever the time in custody).
    # Custody ending 2010-04-15 is far before that, and nothing else records a release: the
    # release from confinement (28 CFR 1.2) is not known; the custody's end or a commutation
    # (a sentence reduction is recorded as one) would settle it. Before the fix: eligible, the
    # wait counted from 2010-04-15.
    data = _one(
        {"imprisonment": "120 months"},
        [
            {
                "kind": "federal_custody",
                "conviction_id": "c1",
                "start": "2010-03-01",
                "end": "2010-04-15",
            }
        ],
    )
    det = ask(PARDON, data, "2026-06-01")
    assert det.outcome is Outcome.insufficient_facts
    assert det.missing_facts == ["convictions[0].sentence.commutations", "custody[0].end"]
    assert "not before 2017-07-12" in text(det)
    det = ask(COMMUTATION, data, "2026-06-01")
    assert det.outcome is Outcome.insufficient_facts
    assert "custody[0].end" in det.missing_facts


def test_custody_ending_after_the_earliest_end_is_the_release() -> None:
    # The same term, custody to 2017-07-12 (the earliest end worked above): it may be a lawful
    # release, so the wait runs from it and ends on its fifth anniversary, 2022-07-12.
    data = _one(
        {"imprisonment": "120 months"},
        [
            {
                "kind": "federal_custody",
                "conviction_id": "c1",
                "start": "2010-03-01",
                "end": "2017-07-12",
            }
        ],
    )
    det = ask(PARDON, data, "2026-06-01")
    assert det.outcome is Outcome.eligible
    assert det.details is not None
    assert det.details["waiting_period_starts"] == "2017-07-12"


# --- r07, r10: a pardon covers only offenses committed before it ---------------------------------


def _pardon_then_conviction(conviction_ids: list[str] | None) -> dict[str, Any]:
    # c2: bank fraud committed 2017-05-01, convicted 2018-01-04, 24 months, custody to
    # 2020-01-31; a pardon granted 2015-06-01, before the offense.
    data = _one(
        {"imprisonment": "24 months"},
        [
            {
                "kind": "designated_facility",
                "conviction_id": "c2",
                "start": "2018-03-01",
                "end": "2020-01-31",
            }
        ],
        id="c2",
        offense_date="2017-05-01",
        conviction_date="2018-01-04",
    )
    grant: dict[str, Any] = {"kind": "pardon", "granted_on": "2015-06-01", "by": "Barack Obama"}
    if conviction_ids is not None:
        grant["conviction_ids"] = conviction_ids
    data["clemency"] = [grant]
    return data


def test_a_pardon_naming_no_conviction_does_not_cover_a_later_one() -> None:
    # A pardon reaches only offenses committed before it (Ex parte Garland): the 2015 grant does
    # not cover the 2018 conviction. Wait: five years from release 2020-01-31 → 2025-01-31.
    # Before the fix: not_applicable ("already pardoned").
    det = ask(PARDON, _pardon_then_conviction(None), "2026-06-01")
    assert det.outcome is Outcome.eligible
    assert det.details is not None
    assert det.details["waiting_period_ends"] == "2025-01-31"
    det = ask(COMMUTATION, _pardon_then_conviction(None), "2026-06-01")
    assert det.outcome is Outcome.not_eligible  # nothing served: the route is a pardon petition


def test_a_pardon_naming_a_later_conviction_is_a_contradiction_for_review() -> None:
    # The 2015 grant names c2, whose offense (2017) and conviction (2018) come after it: the
    # record contradicts itself → needs_review in both programs (before: not_applicable).
    for program in (PARDON, COMMUTATION):
        det = ask(program, _pardon_then_conviction(["c2"]), "2026-06-01")
        assert det.outcome is Outcome.needs_review
        assert "contradicts itself" in text(det)


# --- r22, r23: custody after a commutation's release date ---------------------------------------


def _commuted(granted: str, release: str, custody: list[tuple[str, str | None]]) -> dict[str, Any]:
    # 240 months for a drug offense, commuted (granted ``granted``) to expire on ``release``.
    return _one(
        {
            "imprisonment": "240 months",
            "commutations": [{"granted_on": granted, "new_release_date": release}],
        },
        [
            {"kind": "designated_facility", "conviction_id": "c1", "start": start, "end": end}
            for start, end in custody
        ],
        counts=[{"statute": "21 U.S.C. 841(a)(1)"}],
    )


def test_custody_ending_after_the_commuted_release_is_the_release() -> None:
    # Commuted 2020-05-01 to expire 2020-06-30, but custody is recorded to 2020-09-01: the
    # release from confinement is the later, 2020-09-01; the wait (28 CFR 1.2) ends
    # 2025-09-01. On 2025-07-01 (the commuted date's fifth anniversary, 2025-06-30, passed)
    # the answer is eligible from 2025-09-01 (before the fix: eligible). On 2020-08-01 the
    # person is in custody: a commutation petition is for a sentence being served (before:
    # not_eligible, the term taken as over on 2020-06-30).
    data = _commuted("2020-05-01", "2020-06-30", [("2010-03-01", "2020-09-01")])
    det = ask(PARDON, data, "2025-07-01")
    assert det.outcome is Outcome.eligible_from
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert str(det.date) == "2025-09-02"
    assert ask(COMMUTATION, data, "2020-08-01").outcome is Outcome.eligible


def test_custody_after_the_commuted_release_is_further_confinement() -> None:
    # Commuted to expire 2016-06-30 (custody ends that day), then custody again 2018-01-10 to
    # 2019-01-09: the last release from confinement is 2019-01-09, and the wait ends
    # 2024-01-09. On 2022-01-01: eligible from 2024-01-09 (before: eligible, from 2016-06-30
    # → 2021-06-30). On 2018-06-01 in custody: commutation petition eligible (before: the term
    # taken as over).
    data = _commuted(
        "2016-05-01", "2016-06-30", [("2010-03-01", "2016-06-30"), ("2018-01-10", "2019-01-09")]
    )
    det = ask(PARDON, data, "2022-01-01")
    assert det.outcome is Outcome.eligible_from
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert str(det.date) == "2024-01-10"
    assert ask(COMMUTATION, data, "2018-06-01").outcome is Outcome.eligible


def test_open_custody_begun_after_the_commuted_release_is_still_confinement() -> None:
    # The same, custody from 2018-01-10 with no end: on 2026-06-01 the person is still
    # confined; the release is not recorded → not_eligible (pardon), eligible (commutation).
    data = _commuted(
        "2016-05-01", "2016-06-30", [("2010-03-01", "2016-06-30"), ("2018-01-10", None)]
    )
    det = ask(PARDON, data, "2026-06-01")
    assert det.outcome is Outcome.not_eligible
    assert det.missing_facts == ["custody[1].end"]
    assert ask(COMMUTATION, data, "2026-06-01").outcome is Outcome.eligible


# --- r01, r08, r09: a sentence without prison, but custody recorded after the conviction ------


def test_sentence_without_prison_but_custody_after_it_is_for_review() -> None:
    # Convicted 2012-01-04 and sentenced to probation (3 years), or a fine paid, or 0 months
    # with probation; yet custody in a designated facility 2014-03-01 to 2016-02-28 is recorded
    # for it. No revocation is recorded: the record contradicts itself. Counting from the
    # conviction would end the wait 2017-01-04; from the release, 2021-02-28. Which applies is
    # for review (before the fix: eligible from the 2012 conviction).
    custody = [
        {
            "kind": "designated_facility",
            "conviction_id": "c1",
            "start": "2014-03-01",
            "end": "2016-02-28",
        }
    ]
    for sentence in (
        {"probation": "3 years"},
        {"fine": 5000.0, "fine_owed": 0.0},
        {"imprisonment": "0 months", "probation": "5 years"},
    ):
        data = _one(sentence, custody, conviction_date="2012-01-04")
        det = ask(PARDON, data, "2019-06-01")
        assert det.outcome is Outcome.needs_review
        assert det.missing_facts == ["convictions[0].sentence.revocations"]
        assert "contradicts itself" in (det.reason or "")


# --- r05: supervised release imposed, no supervision recorded ------------------------------------


def test_supervised_release_imposed_but_not_recorded_is_read_from_the_sentence() -> None:
    # 36 months and 10 years of supervised release; released 2013-02-28. Supervised release
    # commences on release (18 U.S.C. 3624(e)): 2013-02-28 + 10 years = 2023-02-28, so it runs
    # to 2023-02-27. No supervision period is recorded. On 2018-03-01 the wait is over
    # (2013-02-28 + 5 years = 2018-02-28) but the person may be on supervised release:
    # "generally, no petition" → needs_review, changing 2023-02-28 (before the fix: eligible).
    # The commutation petition reads the same term: only supervision remains → needs_review
    # (before: not_eligible).
    data = _one(
        {"imprisonment": "36 months", "supervised_release": "10 years"},
        [
            {
                "kind": "designated_facility",
                "conviction_id": "c1",
                "start": "2010-03-01",
                "end": "2013-02-28",
            }
        ],
        counts=[{"statute": "21 U.S.C. 841(a)(1)"}],
    )
    det = ask(PARDON, data, "2018-03-01")
    assert det.outcome is Outcome.needs_review
    assert str(det.next_change) == "2023-02-28"
    assert "to 2023-02-27" in text(det)
    assert ask(COMMUTATION, data, "2018-03-01").outcome is Outcome.needs_review
    # On 2023-02-28 the term is over: eligible (the wait ended 2018-02-28).
    assert ask(PARDON, data, "2023-02-28").outcome is Outcome.eligible


# --- r06: a fine or restitution imposed, its payment not recorded --------------------------------


def test_restitution_whose_payment_is_not_recorded_leaves_the_pardon_answer_open() -> None:
    # Released 2013-02-28 → the wait ends 2018-02-28. Restitution of $500,000 imposed;
    # restitution_owed not recorded. Owed, it would make the answer needs_review (the Office's
    # instructions: "should have satisfied the penalty imposed"); paid, eligible. So on
    # 2026-06-01: insufficient_facts naming restitution_owed, as the commutation petition
    # answers (before the fix: eligible).
    data = _one(
        {"imprisonment": "36 months", "restitution": 500000.0},
        [
            {
                "kind": "designated_facility",
                "conviction_id": "c1",
                "start": "2010-03-01",
                "end": "2013-02-28",
            }
        ],
    )
    for program in (PARDON, COMMUTATION):
        det = ask(program, data, "2026-06-01")
        assert det.outcome is Outcome.insufficient_facts
        assert det.missing_facts == ["convictions[0].sentence.restitution_owed"]


# --- r02: a state conviction with no date ---------------------------------------------------------


def test_an_undated_state_conviction_may_be_later_and_is_for_review() -> None:
    # Released 2013-02-28 → the wait ends 2018-02-28. An Ohio conviction with no date may have
    # been entered after 2013-02-28; a later state conviction makes the end of the wait a matter
    # for review (the project's reading), so: needs_review naming its date (before: eligible).
    data = _one(
        {"imprisonment": "36 months"},
        [
            {
                "kind": "designated_facility",
                "conviction_id": "c1",
                "start": "2010-03-01",
                "end": "2013-02-28",
            }
        ],
    )
    data["convictions"].append(
        {
            "id": "s1",
            "jurisdiction": "state",
            "state": "Ohio",
            "counts": [{"statute": "Ohio Rev. Code 2925.11"}],
        }
    )
    det = ask(PARDON, data, "2026-06-01")
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["convictions[1].conviction_date"]
    assert "an Ohio state conviction whose date is not recorded" in text(det)


def _remitted_fine(grant: str) -> dict[str, object]:
    """A $50,000 fine with $40,000 recorded owed, probation over in 2016, and a remission grant."""
    return {
        "person": {"name": "T", "status": [{"status": "us_citizen"}]},
        "convictions": [
            {
                "id": "a",
                "jurisdiction": "federal",
                "offense_date": "2015-03-01",
                "conviction_date": "2015-09-01",
                "counts": [{"statute": "18 U.S.C. 1343"}],
                "sentence": {"probation": "1 years", "fine": 50000, "fine_owed": 40000},
            }
        ],
        "supervision": [
            {"kind": "probation", "conviction_id": "a", "start": "2015-09-01", "end": "2016-09-01"}
        ],
        "clemency": [{"kind": "remission", "granted_on": grant, "conviction_ids": ["a"]}],
    }


def test_remission_granted_beside_a_fine_still_owed_is_for_review() -> None:
    # 28 CFR 1.1: remission of fine is clemency of its own; a remission granted 2020-01-01 with
    # $40,000 still recorded owed on 2023-01-01 is either a stale balance (nothing left to remit)
    # or what the grant left: not "eligible" for remission, but needs_review naming both facts.
    det = ask(COMMUTATION, _remitted_fine("2020-01-01"), "2023-01-01")
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == ["clemency[0]", "convictions[0].sentence.fine_owed"]


def test_remission_granted_after_the_day_asked_leaves_the_fine_owed() -> None:
    # On 2019-01-01 the 2020 grant has not acted: $40,000 owed, remission may be asked (eligible).
    det = ask(COMMUTATION, _remitted_fine("2020-01-01"), "2019-01-01")
    assert det.outcome is Outcome.eligible


def test_a_later_court_martial_release_is_shown_beside_the_federal_wait() -> None:
    # Federal probation-only conviction 2005-01-04 (wait 2005 + 5 = 2010-01-04); court-martial
    # 2015 with confinement to 2016-12-01: the Office counts from release for the most recent
    # conviction, so counting it the wait ends 2016-12-01 + 5 years = 2021-12-01.
    data = {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2005-01-04",
                "sentencing_date": "2005-01-04",
                "counts": [{"statute": "18 U.S.C. 1343"}],
                "sentence": {"probation": "2 years"},
            },
            {
                "id": "m1",
                "jurisdiction": "military",
                "conviction_date": "2015-01-04",
                "counts": [{"statute": "UCMJ art. 121"}],
                "sentence": {"imprisonment": "24 months"},
            },
        ],
        "custody": [
            {
                "kind": "military_custody",
                "conviction_id": "m1",
                "start": "2015-01-04",
                "end": "2016-12-01",
            }
        ],
    }
    det = ask(PARDON, data, "2020-06-01")
    assert det.outcome is Outcome.needs_review
    assert det.details["waiting_period_ends_counting_court_martial"] == "2021-12-01"
    assert "2021-12-01" in text(det)


def _no_prison(sentencing_date: str, imposed_on: str) -> dict[str, object]:
    return {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "conviction_date": "2016-01-04",
                "sentencing_date": sentencing_date,
                "counts": [{"statute": "18 U.S.C. 1343"}],
                "sentence": {"probation": "1 year", "imposed_on": imposed_on},
            }
        ],
        "supervision": [
            {"kind": "probation", "conviction_id": "c1", "start": imposed_on, "end": "2017-09-19"}
        ],
    }


def test_no_prison_sentence_imposed_after_the_recorded_sentencing_is_for_review() -> None:
    # No prison: the Office runs the wait from sentencing. sentencing_date 2016-01-04 gives
    # 2021-01-04, sentence.imposed_on 2016-09-20 gives 2021-09-20; on 2021-06-01 the first says
    # eligible, the second not yet: needs_review naming both.
    det = ask(PARDON, _no_prison("2016-01-04", "2016-09-20"), "2021-06-01")
    assert det.outcome is Outcome.needs_review
    assert det.missing_facts == [
        "convictions[0].sentence.imposed_on",
        "convictions[0].sentencing_date",
    ]


def test_no_prison_sentenced_after_the_verdict_runs_from_sentencing() -> None:
    # r26: convicted 2016-01-04, sentenced (both fields) 2016-09-20 to probation ending
    # 2017-09-19: 2016-09-20 + 5 years = 2021-09-20, over by 2024-01-01: eligible.
    det = ask(PARDON, _no_prison("2016-09-20", "2016-09-20"), "2024-01-01")
    assert det.outcome is Outcome.eligible
    assert det.details["waiting_period_ends"] == "2021-09-20"
