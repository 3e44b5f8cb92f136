"""Fixes from users' and an auditor's reports: unlinked custody, a commutation that ended the
prison term, fines and restitution owed, court-martial sentences served, the January 6 check's
bounding dates, missing-fact paths, Article 125 spellings, and wording. Expected values worked by
hand from the texts quoted in each comment."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from secondchance.engine.determination import Outcome
from secondchance.record.statute import ucmj_articles
from tests.clemency.helpers import CITIZEN, COMMUTATION, MARIJUANA, PARDON, ask, served, text


def federal(cid: str | None = "c1", **extra: Any) -> dict[str, Any]:
    conviction: dict[str, Any] = {
        "jurisdiction": "federal",
        "conviction_date": "2014-06-02",
        "offense_date": "2013-11-01",
        "counts": [{"statute": "18 U.S.C. 1343", "description": "Wire fraud"}],
        "sentence": {"imprisonment": "36 months"},
    }
    if cid is not None:
        conviction["id"] = cid
    conviction.update(extra)
    return conviction


# --- 1. custody naming no conviction -------------------------------------------------------------


def _unlinked_home_confinement() -> dict[str, Any]:
    # Prison for c1 to 2017-03-30, then home confinement (prerelease custody, part of the term of
    # imprisonment: 18 U.S.C. 3624(c)) recorded without conviction_id, to 2017-06-15.
    return {
        "person": {"status": CITIZEN},
        "convictions": [federal()],
        "custody": [
            {
                "kind": "designated_facility",
                "conviction_id": "c1",
                "start": "2014-08-01",
                "end": "2017-03-30",
            },
            {"kind": "home_confinement", "start": "2017-03-31", "end": "2017-06-15"},
        ],
    }


def test_unlinked_home_confinement_is_the_only_convictions_release() -> None:
    # The only federal conviction: the unlinked home confinement is its custody, so release from
    # confinement is 2017-06-15 and the wait ends 2017-06-15 + 5 years = 2022-06-15 (not
    # 2022-03-30, five years after the prison stay alone).
    det = ask(PARDON, _unlinked_home_confinement(), "2022-05-01")
    assert det.outcome is Outcome.eligible_from
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert det.date == date(2022, 6, 16)


def test_unlinked_custody_for_a_conviction_with_no_id() -> None:
    # One federal conviction without an id; its only custody names none: released 2016-09-30,
    # so eligible from 2021-09-30.
    data = {
        "person": {"status": CITIZEN},
        "convictions": [federal(None)],
        "custody": [{"kind": "designated_facility", "start": "2014-08-01", "end": "2016-09-30"}],
    }
    det = ask(PARDON, data, "2020-01-01")
    assert det.outcome is Outcome.eligible_from
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert det.date == date(2021, 10, 1)


def test_unlinked_pretrial_detention_is_not_release_from_confinement() -> None:
    # Pretrial detention is not service of the sentence: the 36-month sentence has no custody
    # of its own, so the release is missing (named by index: the conviction has no id).
    data = {
        "person": {"status": CITIZEN},
        "convictions": [federal(None)],
        "custody": [{"kind": "pretrial_detention", "start": "2014-01-01", "end": "2014-06-01"}],
    }
    det = ask(PARDON, data, "2020-01-01")
    assert det.outcome is Outcome.insufficient_facts
    assert "custody[] (a period for convictions[0], and its end)" in det.missing_facts
    assert not any("?" in m for m in det.missing_facts)


def _two_convictions(unlinked_end: str | None) -> dict[str, Any]:
    # c1: 36 months, custody to 2012-12-31. c2: probation only, convicted 2011-01-03. The latest
    # start found is c1's release 2012-12-31. Then a federal custody period naming no conviction.
    probation = federal(
        "c2",
        conviction_date="2011-01-03",
        sentencing_date="2011-01-03",
        offense_date="2010-09-01",
        sentence={"imprisonment": "0 days", "probation": "12 months"},
    )
    return {
        "person": {"status": CITIZEN},
        "convictions": [
            federal(conviction_date="2010-05-03", offense_date="2009-11-02"),
            probation,
        ],
        "custody": [
            {
                "kind": "designated_facility",
                "conviction_id": "c1",
                "start": "2010-06-01",
                "end": "2012-12-31",
            },
            {"kind": "designated_facility", "start": "2011-02-01", "end": unlinked_end},
        ],
    }


def test_several_convictions_unlinked_custody_that_could_be_the_latest_release() -> None:
    # Unlinked custody ending 2016-05-01, after 2012-12-31: if it served c1 or c2 the wait would
    # run from 2016-05-01, else from 2012-12-31. Which is not recorded → insufficient_facts.
    det = ask(PARDON, _two_convictions("2016-05-01"), "2017-06-01")
    assert det.outcome is Outcome.insufficient_facts
    assert "custody[1].conviction_id" in det.missing_facts


def test_several_convictions_unlinked_custody_that_cannot_decide() -> None:
    # Unlinked custody ending 2011-03-01, before the latest start 2012-12-31: whichever sentence
    # it served, the wait runs from 2012-12-31 and ends 2017-12-31.
    det = ask(PARDON, _two_convictions("2011-03-01"), "2017-06-01")
    assert det.outcome is Outcome.eligible_from
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert det.date == date(2018, 1, 1)


# --- 2. a commutation that ended the prison term -------------------------------------------------


def _johnson(**sentence: Any) -> dict[str, Any]:
    # examples/clemency/alice-marie-johnson.yaml without the 2020 pardon, plus her federal custody
    # recorded without an end or conviction id (the end is the commutation's release date).
    return {
        "person": {"name": "Alice Marie Johnson"},
        "convictions": [
            {
                "id": "drug-conspiracy",
                "jurisdiction": "federal",
                "counts": [{"statute": "21 U.S.C. 846", "conspiracy": True}],
                "sentence": {
                    "imprisonment": "life",
                    "commutations": [
                        {"granted_on": "2018-06-06", "new_release_date": "2018-06-06"}
                    ],
                    **sentence,
                },
            }
        ],
        "custody": [{"kind": "designated_facility", "start": "1996-10-01"}],
    }


@pytest.mark.parametrize("as_of", ["2019-01-01", "2021-01-01"])
def test_commuted_and_released_serves_no_prison_term(as_of: str) -> None:
    # Commuted with release 2018-06-06: no prison term is served after it, whatever the open
    # custody period says; nothing else recorded remains → not_eligible (route: pardon).
    det = ask(COMMUTATION, _johnson(), as_of)
    assert det.outcome is Outcome.not_eligible
    assert "serving a prison sentence" not in text(det)


def test_commuted_release_starts_the_pardon_wait() -> None:
    # 28 CFR 1.2: five years after release 2018-06-06 → 2023-06-06.
    det = ask(PARDON, _johnson(), "2019-01-01")
    assert det.outcome is Outcome.eligible_from
    # The anniversary itself is for review (28 CFR 1.2 vs the Office's form): the day after.
    assert det.date == date(2023, 6, 7)


def _lifer(offense_date: str) -> dict[str, Any]:
    # A life term, no commutation, in custody with no end: the person cannot state a release.
    return {
        "person": {"name": "A"},
        "convictions": [
            federal(
                offense_date=offense_date,
                conviction_date="1998-01-20",
                counts=[{"statute": "21 U.S.C. 848(a)"}],
                sentence={"imposed_on": "1998-04-24", "imprisonment": "life"},
            )
        ],
        "custody": [{"kind": "designated_facility", "start": "1998-06-01", "conviction_id": "c1"}],
    }


def test_life_term_served_names_the_commutation_not_a_release_day() -> None:
    # 28 CFR 1.2: the wait runs from release; a life term has no end by serving it (no good
    # conduct time, 3624(b)(1)) and, for an offense of 1996 (after parole was abolished for
    # offenses from 1987-11-01), no parole: only a commutation (or reduction) would end it. So
    # not_eligible, naming convictions[0].sentence.commutations, never custody[0].end.
    det = ask(PARDON, _lifer("1996-09-30"), "2026-12-08")
    assert det.outcome is Outcome.not_eligible
    assert det.missing_facts == ["convictions[0].sentence.commutations"]
    assert "on a life sentence comes only by commutation" in (det.reason or "")
    # An offense of 1986 (before 1987-11-01) may be paroled: then the custody's end decides too.
    det = ask(PARDON, _lifer("1986-09-30"), "2026-12-08")
    assert det.outcome is Outcome.not_eligible
    assert det.missing_facts == ["convictions[0].sentence.commutations", "custody[0].end"]


def test_commuted_with_supervised_release_kept_but_undated() -> None:
    # A 5-year supervised release term imposed; the warrant does not end it, so it stays in
    # effect, its dates not recorded: only supervision remains → needs_review.
    det = ask(COMMUTATION, _johnson(supervised_release="5 years"), "2019-01-01")
    assert det.outcome is Outcome.needs_review
    assert "supervised release term imposed" in text(det)


def test_commuted_with_restitution_owed_is_remission() -> None:
    # Restitution $1,000.00 still owed after the prison term ended: a request for remission.
    det = ask(COMMUTATION, _johnson(restitution=5000.0, restitution_owed=1000.0), "2019-01-01")
    assert det.outcome is Outcome.eligible
    assert "remission" in (det.reason or "")
    assert "Serving a federal sentence" not in (det.reason or "")
    assert "restitution of $1,000.00 still owed" in text(det)


# --- 3. fine or restitution owed -----------------------------------------------------------------


def test_fine_owed_before_the_wait_ends_is_a_finding() -> None:
    # Released 2013-02-28 → the wait ends 2018-02-28; a $2,500.00 fine still owed is said (the
    # Office's instructions: "should have satisfied the penalty imposed"). On 2018-02-28 the fine
    # makes the answer needs_review, so the answer is not "eligible from 2018-02-28": it is not
    # eligible now and changes to needs_review on that day.
    data = served("2013-02-28")
    data["convictions"][0]["sentence"].update(fine=5000.0, fine_owed=2500.0)
    det = ask(PARDON, data, "2017-01-01")
    assert det.outcome is Outcome.not_eligible
    assert det.date is None
    assert det.next_change == date(2018, 2, 28)
    assert det.next_change_outcome is Outcome.needs_review
    assert det.next_change_reason == "five years after release from confinement"
    assert det.eligible_from_date is None
    assert "fine of $2,500.00 still owed" in text(det)
    assert "should have satisfied the penalty imposed" in text(det)
    assert "not of 28 CFR 1.2" in text(det)


def test_fine_owed_after_the_wait_is_for_review() -> None:
    data = served("2013-02-28")
    data["convictions"][0]["sentence"].update(restitution=800.0, restitution_owed=800.0)
    det = ask(PARDON, data, "2019-01-01")
    assert det.outcome is Outcome.needs_review
    assert "satisfied the penalty imposed" in (det.reason or "")


def test_fine_paid_says_nothing_and_is_eligible() -> None:
    data = served("2013-02-28")
    data["convictions"][0]["sentence"].update(fine=800.0, fine_owed=0.0)
    det = ask(PARDON, data, "2019-01-01")
    assert det.outcome is Outcome.eligible
    assert "penalty imposed" not in text(det)


# --- 4. court-martial sentences ------------------------------------------------------------------


def _court_martial(**extra: Any) -> dict[str, Any]:
    # Convicted 1997-03-03, 2 years' confinement served in military custody to 1999-03-02.
    return {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "cm",
                "jurisdiction": "military",
                "conviction_date": "1997-03-03",
                "counts": [{"statute": "UCMJ art. 121", "description": "Larceny"}],
                "sentence": {"imprisonment": "2 years"},
            }
        ],
        "custody": [
            {"kind": "military_custody", "start": "1997-03-03", "end": "1999-03-02", **extra}
        ],
    }


def test_court_martial_sentence_served_leaves_nothing_to_commute() -> None:
    det = ask(COMMUTATION, _court_martial(), "2006-01-01")
    assert det.outcome is Outcome.not_eligible
    assert "only supervision (or a court-martial sentence) remains" not in text(det)


def test_court_martial_confinement_being_served_is_for_the_military_department() -> None:
    det = ask(COMMUTATION, _court_martial(), "1998-01-01")
    assert det.outcome is Outcome.needs_review
    assert "military department" in (det.reason or "")


def test_court_martial_pardon_reason_says_the_procedures_are_not_encoded() -> None:
    det = ask(PARDON, _court_martial(), "2006-01-01")
    assert det.outcome is Outcome.needs_review
    assert "whose procedures are not encoded here" in (det.reason or "")
    assert "not 28 CFR 1.2, are encoded" not in text(det)


# --- 5. January 6 check --------------------------------------------------------------------------


def _undated_in_prison(**conviction: Any) -> dict[str, Any]:
    # No offense or conviction date; in custody (open) for it since the start given.
    data = {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "c1",
                "jurisdiction": "federal",
                "counts": [{"statute": "18 U.S.C. 2113(a)", "description": "Bank robbery"}],
                "sentence": {"imprisonment": "20 years"},
                **conviction,
            }
        ],
        "custody": [{"kind": "designated_facility", "conviction_id": "c1", "start": "2015-04-01"}],
    }
    return data


def test_custody_begun_before_2021_rules_out_january_6() -> None:
    # Custody for the conviction began 2015-04-01, so the offense came before 2021-01-06: still in
    # prison → not_eligible (not needs_review).
    det = ask(PARDON, _undated_in_prison(), "2025-06-01")
    assert det.outcome is Outcome.not_eligible
    assert "January 20, 2025" not in text(det)


@pytest.mark.parametrize(
    "dates", [{"sentencing_date": "2016-01-05"}, {"sentence_imposed_on": "2016-01-05"}]
)
def test_sentencing_before_2021_rules_out_january_6(dates: dict[str, str]) -> None:
    data = _undated_in_prison()
    data["custody"] = [{"kind": "designated_facility", "conviction_id": "c1"}]
    conviction = data["convictions"][0]
    if "sentencing_date" in dates:
        conviction["sentencing_date"] = dates["sentencing_date"]
    else:
        conviction["sentence"]["imposed_on"] = dates["sentence_imposed_on"]
    det = ask(PARDON, data, "2025-06-01")
    assert "January 20, 2025" not in text(det)


def test_nothing_bounding_the_offense_still_flags_january_6() -> None:
    # No date at all before 2021-01-06 → the offense may be of that day: needs_review.
    data = _undated_in_prison()
    data["custody"] = [{"kind": "designated_facility", "conviction_id": "c1", "end": "2023-01-01"}]
    det = ask(PARDON, data, "2025-06-01")
    assert det.outcome is Outcome.needs_review
    assert "January 20, 2025" in text(det)


def test_marijuana_findings_cite_the_january_2025_proclamation() -> None:
    data = {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "m1",
                "jurisdiction": "federal",
                "conviction_date": "2021-05-03",
                "offense_date": "2021-01-06",
                "counts": [{"statute": "21 U.S.C. 844", "substance": "marijuana"}],
                "sentence": {"fine": 100.0, "fine_owed": 0.0},
            }
        ],
    }
    det = ask(MARIJUANA, data, "2025-06-01")
    j6 = [f for f in det.findings if "January 20, 2025" in f.finding]
    assert j6
    assert all("2025" in f.citation and "10467" not in f.citation for f in j6)
    # Proclamation 10887, Federal Register document 2025-01950 (90 FR 8331).
    assert all("2025-01950" in (f.url or "") for f in j6)


# --- 6. missing facts name convictions by index --------------------------------------------------


def test_missing_release_for_a_conviction_without_id_among_several() -> None:
    # Two federal convictions without ids, both with prison and no custody: a custody period can
    # name one only once it has an id → convictions[i].id is among the missing facts.
    data = {
        "person": {"status": CITIZEN},
        "convictions": [federal(None), federal(None, conviction_date="2015-01-05")],
    }
    det = ask(PARDON, data, "2020-01-01")
    assert det.outcome is Outcome.insufficient_facts
    assert "convictions[0].id" in det.missing_facts
    assert "convictions[1].id" in det.missing_facts
    assert not any("?" in m for m in det.missing_facts)


# --- 7. Article 125 spellings --------------------------------------------------------------------


@pytest.mark.parametrize(
    "statute",
    [
        "Article 125, UCMJ (10 U.S.C. 925)",
        "UCMJ art. 125",
        "Art. 125, UCMJ",
        "10 U.S.C. § 925",
        "10 USC 925",
        "UCMJ Article 125(a)",
    ],
)
def test_article_125_spellings(statute: str) -> None:
    assert ucmj_articles(statute) == {"125"}
    data = {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "jurisdiction": "military",
                "conviction_date": "1990-04-02",  # within 1951-05-31 .. 2013-12-26
                "counts": [{"statute": statute}],
            }
        ],
    }
    det = ask(PARDON, data, "2025-01-01")
    assert "Article 125" in text(det)
    assert "may already be pardoned" in (det.reason or "")


@pytest.mark.parametrize("statute", ["Article 1250", "10 U.S.C. 1925", "UCMJ art. 12"])
def test_not_article_125(statute: str) -> None:
    assert "125" not in ucmj_articles(statute)


def test_article_80_attempt_of_article_125_in_long_form() -> None:
    assert ucmj_articles("Article 80, UCMJ (10 U.S.C. 880)") == {"80"}


# --- 8. wording ----------------------------------------------------------------------------------


def test_an_before_a_vowel_state() -> None:
    data = {"convictions": [{"jurisdiction": "state", "state": "Ohio"}]}
    body = text(ask(PARDON, data, "2020-01-01"))
    assert "an Ohio state conviction" in body
    assert "a Ohio" not in body
    data = {"convictions": [{"jurisdiction": "state", "state": "Texas"}]}
    assert "a Texas state conviction" in text(ask(PARDON, data, "2020-01-01"))


def test_where_to_file_other_offenses_reads_plainly() -> None:
    data = {
        "person": {"status": CITIZEN},
        "convictions": [
            {
                "id": "m1",
                "jurisdiction": "federal",
                "conviction_date": "2015-07-20",
                "offense_date": "2015-03-14",
                "counts": [{"statute": "21 U.S.C. 844", "substance": "marijuana"}],
                "sentence": {"fine": 200.0, "fine_owed": 0.0},
            }
        ],
    }
    body = text(ask(MARIJUANA, data, "2023-01-01"))
    assert "a clemency petition for any other federal or D.C. Code offense" in body
    assert "for other offenses for a federal" not in body
