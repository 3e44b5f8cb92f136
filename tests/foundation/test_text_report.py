"""The text report: a glance first, programs that do not concern the record folded together."""

from datetime import date

from secondchance.engine import Determination, Finding, Outcome, Report, Subject
from secondchance.report import render_report

NO_BUSINESS = "The record names no business."


def report(sentence: dict[str, object] | None = None) -> Report:
    return Report(
        as_of=date(2025, 6, 1),
        subject=Subject(name="A"),
        determinations=[
            Determination(program="sba.7a", outcome=Outcome.not_applicable, reason=NO_BUSINESS),
            Determination(program="sba.504", outcome=Outcome.not_applicable, reason=NO_BUSINESS),
            Determination(
                program="clemency.pardon_petition",
                outcome=Outcome.eligible_from,
                date=date(2027, 3, 1),
                next_change=date(2027, 3, 1),
                reason="Five years after release.",
                findings=[
                    Finding(
                        finding="The wait runs from release.",
                        citation="28 CFR 1.2",
                        rule_version="clemency.pardon_petition@x",
                    )
                ],
            ),
        ],
        computations={"sentence": sentence},
    )


def test_glance_lists_each_program_with_its_date() -> None:
    text = render_report(report())
    assert "  clemency.pardon_petition  NOT YET ELIGIBLE — eligible from 2027-03-01\n" in text
    assert "ELIGIBLE FROM" not in text
    assert "  - The wait runs from release. [28 CFR 1.2]" in text


def test_not_applicable_programs_with_one_reason_are_folded() -> None:
    text = render_report(report())
    assert f"Not applicable (sba.7a, sba.504): {NO_BUSINESS}" in text
    assert "sba.7a: NOT APPLICABLE" not in text
    assert "sba.7a: NOT APPLICABLE" in render_report(report(), verbose=True)


def test_release_dates_at_a_glance() -> None:
    block = {
        "as_of": "2025-06-01",
        "gct_release_date": "2029-04-05",
        "fsa": {"release_date": "2028-04-05", "prerelease_custody_date": "2027-12-02"},
        "findings": [],
        "missing_facts": [],
        "needs_review": [],
    }
    text = render_report(report(block))
    assert (
        "Projected release with good conduct time: 2029-04-05; with First Step Act time "
        "credits: 2028-04-05 (prerelease custody from 2027-12-02)"
    ) in text


def test_someone_released_is_not_shown_a_projection() -> None:
    block = {
        "as_of": "2025-06-01",
        "released_on": "2022-03-15",
        "gct_release_date": "2022-01-01",
        "fsa": {},
        "findings": [],
        "missing_facts": [],
        "needs_review": [],
    }
    text = render_report(report(block))
    assert "Released on 2022-03-15 (per the record)" in text
    assert "Projected release" not in text
    # The short report leaves a released person's computation out: the glance says where it is.
    assert "2022-01-01 (the computation: --verbose)" in text
    assert "see the sentence computation below" not in text
    assert "(see the sentence computation below)" in render_report(report(block), verbose=True)


def test_booleans_read_as_words() -> None:
    block = {
        "as_of": "2025-06-01",
        "gct_release_date": "2029-04-05",
        "fsa": {"eligible": False},
        "findings": [],
        "missing_facts": [],
        "needs_review": [],
    }
    text = render_report(report(block))
    assert "FSA: eligible for time credits: no" in text
    assert "False" not in text


def test_a_projected_release_already_past_is_pointed_out() -> None:
    # RDAP reduction of 12 months: 2027-05-29 less 12 months is 2026-05-29, before the as-of
    # day, and the record shows no release.
    block = {
        "as_of": "2026-12-07",
        "gct_release_date": "2027-05-29",
        "rdap": {"status": "applied", "reduction_months": 12, "release_date": "2026-05-29"},
        "fsa": {},
        "findings": [],
        "missing_facts": [],
        "needs_review": [],
    }
    text = render_report(report(block))
    assert "good conduct time: 2027-05-29; with the RDAP reduction: 2026-05-29" in text
    assert "2026-05-29 is already past and the record shows no release: ask the Bureau" in text
    block["as_of"] = "2026-05-29"  # the day itself is not past
    assert "already past" not in render_report(report(block))


def test_a_prerelease_custody_date_already_past_is_pointed_out() -> None:
    # Release with credits 2027-05-18 is ahead of the as-of day 2026-12-07, but the projected
    # prerelease custody date 2026-05-18 is behind it: the person may be overdue for placement.
    block = {
        "as_of": "2026-12-07",
        "gct_release_date": "2028-01-28",
        "fsa": {"release_date": "2027-05-18", "prerelease_custody_date": "2026-05-18"},
        "findings": [],
        "missing_facts": [],
        "needs_review": [],
    }
    text = render_report(report(block))
    assert "The prerelease custody date 2026-05-18 is already past: if the person is not" in text
    assert "First settle the points for review" not in text
    block["needs_review"] = ["custody[0].start is approximate."]
    # the same date resting on a point for review: settle it before asking the Bureau
    assert "First settle the points for review: the date rests on them." in render_report(
        report(block)
    )
    block["as_of"] = "2026-05-18"  # the day itself is not past
    assert "already past" not in render_report(report(block))


def test_release_dates_at_a_glance_say_when_the_computation_needs_review() -> None:
    # A date the computation itself calls unsettled is never read alone at a glance.
    block = {
        "as_of": "2025-06-01",
        "gct_release_date": "2029-04-05",
        "fsa": {},
        "findings": [],
        "missing_facts": [],
        "needs_review": ["The record states that custody is not known.", "Another point."],
    }
    text = render_report(report(block))
    assert (
        "Projected release with good conduct time: 2029-04-05 — NEEDS REVIEW (2 points: see "
        "the sentence computation below)"
    ) in text


def test_a_good_conduct_release_past_for_someone_still_held() -> None:
    from secondchance import evaluate
    from secondchance.record.schema import Record

    # 60 months from 2019-01-02 run to 2024-01-01 (the day before the fifth anniversary);
    # good conduct time 54 x 5 = 270 days; 2024-01-01 less 270 days is 2023-04-06
    # (24 days of April after the 6th + 31+30+31+31+30+31+30+31 + 1 day of January = 270).
    record = Record.model_validate(
        {
            "person": {"name": "B"},
            "convictions": [
                {
                    "id": "c1",
                    "jurisdiction": "federal",
                    "counts": [{"statute": "18 U.S.C. 1343"}],
                    "sentencing_date": "2018-12-20",
                    "sentence": {"imposed_on": "2018-12-20", "imprisonment": "60 months"},
                }
            ],
            "custody": [
                {"kind": "designated_facility", "start": "2019-01-02", "conviction_id": "c1"}
            ],
        }
    )
    text = render_report(evaluate(record, as_of=date(2026, 12, 7)))
    assert "Projected release with good conduct time: 2023-04-06" in text
    assert "2023-04-06 is already past and the record shows no release" in text


def test_verbose_says_a_reason_the_headline_gives_once() -> None:
    # A record with no business: each SBA program is not_applicable, its headline already
    # "NOT APPLICABLE: <reason>", and its one finding the same words with the citation. The
    # verbose report gave the words three times per program; once now, with the citation.
    from secondchance.api import evaluate
    from secondchance.record.schema import Record

    record = Record.model_validate({"person": {"name": "A"}})
    text = render_report(evaluate(record, as_of=date(2025, 6, 1)), verbose=True)
    block = text.split("\nsba.7a: ", 1)[1].split("\n\n", 1)[0]
    assert block.count("The record names no business") == 1
    assert block.endswith("[13 CFR 120.110(n)]")


def test_a_computation_that_gives_no_date_says_so_and_what_would_settle_it() -> None:
    # The block the sentence computation gives when it computes no date (needs_review with a
    # reason): the short report must not hide it, or a family sees no release line and no why.
    block = {
        "as_of": "2025-06-01",
        "status": "needs_review",
        "reason": "custody[1] is linked to a conviction whose term had ended",
        "missing_facts": ["custody[1].conviction_id", "convictions[0].sentence.revocations"],
    }
    text = render_report(report(block))
    assert (
        "  Release date: not computed — needs review (see the sentence computation below)\n" in text
    )
    assert "Sentence computation as of 2025-06-01: needs review\n" in text
    assert "  custody[1] is linked to a conviction whose term had ended\n" in text
    assert (
        "  Facts that would decide it: custody[1].conviction_id, "
        "convictions[0].sentence.revocations\n"
    ) in text


def test_an_unsettled_computation_of_someone_released_offers_no_release_date() -> None:
    # Custody recorded as ended (custody_ended_on): the short report neither says "Release date:
    # not computed" nor shows the section (it answers nothing the person still faces).
    block = {
        "as_of": "2025-06-01",
        "status": "needs_review",
        "reason": "the day the sentence was imposed is not in the record",
        "missing_facts": ["convictions[0].sentence.imposed_on"],
        "custody_ended_on": "2019-06-30",
    }
    text = render_report(report(block))
    assert "Release date" not in text and "Sentence computation" not in text
    assert "Sentence computation as of 2025-06-01: needs review" in render_report(
        report(block), verbose=True
    )


def test_a_released_person_whose_sentence_cannot_be_computed_is_marked_released() -> None:
    # 60 months, the day imposed not recorded: no commencement (18 U.S.C. 3585(a)), so no
    # date; custody 2015-01-01 to 2019-06-30 has ended by 2026-12-08: released 2019-06-30.
    from secondchance.law.sentence import sentence_block
    from secondchance.record import validate

    record = validate(
        {
            "schema_version": "1.2",
            "person": {"name": "N"},
            "convictions": [
                {
                    "id": "c1",
                    "jurisdiction": "federal",
                    "conviction_date": "2014-10-01",
                    "counts": [{"statute": "18 U.S.C. 1343"}],
                    "sentence": {"imprisonment": "60 months"},
                }
            ],
            "custody": [
                {
                    "kind": "designated_facility",
                    "start": "2015-01-01",
                    "end": "2019-06-30",
                    "conviction_id": "c1",
                }
            ],
        },
        "t",
    )
    block = sentence_block(record, date(2026, 12, 8))
    assert block is not None and "reason" in block
    assert block["custody_ended_on"] == "2019-06-30"
    # Still in custody on 2019-06-01: not released.
    earlier = sentence_block(record, date(2019, 6, 1))
    assert earlier is not None and "custody_ended_on" not in earlier


def test_readings_that_differ_but_all_released_say_released() -> None:
    # Two readings of an approximate record ("2020" release) give different blocks, both
    # released (2020-01-01 and 2020-12-31): the merged block is unsettled but released on the
    # latest day; one reading not released gives no release day.
    from secondchance.engine.approximate import merge_blocks
    from secondchance.record.approximate import parse_date

    approx = {("custody", 0, "end"): parse_date("2020")}
    day = date(2026, 12, 8)
    first = {"as_of": "2026-12-08", "released_on": "2020-01-01", "gct_release_date": "2020-01-01"}
    last = {"as_of": "2026-12-08", "released_on": "2020-12-31", "gct_release_date": "2020-12-31"}
    assert merge_blocks([first, last], approx, day)["custody_ended_on"] == "2020-12-31"  # type: ignore[index]
    serving = {"as_of": "2026-12-08", "gct_release_date": "2027-01-01"}
    assert "custody_ended_on" not in merge_blocks([first, serving], approx, day)  # type: ignore[operator]
