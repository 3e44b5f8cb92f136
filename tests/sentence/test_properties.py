"""Properties over many sentences at once (the kernel's columns)."""

from __future__ import annotations

from datetime import date

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from secondchance.law.sentence.days import NO_DATE, to_day
from secondchance.law.sentence.kernel import KernelLaw, SentenceColumns, compute

LAW = KernelLaw.on(date(2025, 6, 1))

sentences = st.lists(
    st.tuples(
        st.dates(date(2019, 1, 1), date(2040, 12, 31)),  # commenced
        st.integers(0, 480),  # months
        st.integers(0, 400),  # days
        st.integers(0, 300),  # prior custody
        st.integers(0, 200),  # arrival delay
        st.booleans(),  # supervised release
        st.integers(0, 4),  # risk
        st.integers(0, 400),  # non-earning days
    ),
    min_size=1,
    max_size=50,
)


def columns(rows: list[tuple[date, int, int, int, int, bool, int, int]]) -> SentenceColumns:
    cols = SentenceColumns.of(len(rows))
    for i, (start, months, days, prior, delay, sr, risk, idle) in enumerate(rows):
        cols.commenced[i] = to_day(start)
        cols.arrived[i] = to_day(start) + delay
        cols.months[i] = months
        cols.days[i] = days + (1 if months == 0 and days == 0 else 0)
        cols.prior_custody_days[i] = prior
        cols.supervised_release[i] = sr
        cols.risk[i] = risk
        cols.non_earning_days[i] = idle
    return cols


@settings(max_examples=60, deadline=None)
@given(sentences)
def test_release_never_after_full_term(
    rows: list[tuple[date, int, int, int, int, bool, int, int]],
) -> None:
    res = compute(columns(rows), LAW)
    assert (res.gct_release_date <= res.full_term_date).all()
    assert (res.release_weekday_date <= res.gct_release_date).all()
    dated = res.fsa_release_date != NO_DATE
    assert (res.fsa_release_date[dated] <= res.gct_release_date[dated]).all()
    placed = res.fsa_prerelease_custody_date != NO_DATE
    assert (res.fsa_prerelease_custody_date[placed] <= res.fsa_release_date[placed]).all()
    assert (res.fsa_supervised_release_credit_days <= 365).all()  # the Bureau's 365 days


@settings(max_examples=60, deadline=None)
@given(sentences)
def test_more_credits_never_a_later_date(
    rows: list[tuple[date, int, int, int, int, bool, int, int]],
) -> None:
    # Fewer non-earning days mean at least as many credits: never a later date.
    cols = columns(rows)
    more = columns(rows)
    more.non_earning_days[:] = 0
    less_res, more_res = compute(cols, LAW), compute(more, LAW)
    dated = less_res.fsa_release_date != NO_DATE
    assert (more_res.fsa_release_date[dated] <= less_res.fsa_release_date[dated]).all()
    assert (more_res.fsa_applied_days >= less_res.fsa_applied_days).all()


@settings(max_examples=60, deadline=None)
@given(sentences, st.integers(1, 24))
def test_dates_monotone_in_the_term(
    rows: list[tuple[date, int, int, int, int, bool, int, int]], extra: int
) -> None:
    cols = columns(rows)
    longer = columns(rows)
    longer.months[:] = cols.months + extra
    a, b = compute(cols, LAW), compute(longer, LAW)
    assert (b.full_term_date >= a.full_term_date).all()
    # Except across the one-year line of 3624(b): 7 months 123 days from 2019-01-01 (335 days)
    # earn nothing and end 2019-12-01, while 8 months 123 days (366 days, "more than 1 year")
    # earn 54 and are released 2019-11-08 - a longer term with an earlier release is the law.
    same_side = (a.gct_days > 0) | (b.gct_days == 0)
    assert (b.gct_release_date[same_side] >= a.gct_release_date[same_side]).all()
    both = (a.fsa_release_date != NO_DATE) & (b.fsa_release_date != NO_DATE) & same_side
    assert (b.fsa_release_date[both] >= a.fsa_release_date[both]).all()


def test_batch_equals_one_by_one() -> None:
    rows = [
        (date(2025, 1, 1), 60, 0, 0, 0, True, 2, 0),
        (date(2024, 2, 29), 12, 1, 10, 30, False, 1, 5),
        (date(2030, 7, 31), 7, 0, 0, 0, True, 3, 0),
    ]
    batch = compute(columns(rows), LAW)
    for i, row in enumerate(rows):
        alone = compute(columns([row]), LAW)
        assert batch.row(i) == alone.row(0)
    assert np.all(batch.term_days > 0)


def _leaves(res: object) -> np.ndarray:
    """The day of leaving the Bureau's custody: the FSA release date, else the 3621(e) date,
    else the good conduct time release date."""
    fsa = res.fsa_release_date  # type: ignore[attr-defined]
    rdap = res.rdap_release_date  # type: ignore[attr-defined]
    gct = res.gct_release_date  # type: ignore[attr-defined]
    out: np.ndarray = np.where(fsa != NO_DATE, fsa, np.where(rdap != NO_DATE, rdap, gct))
    return out


@settings(max_examples=60, deadline=None)
@given(sentences, st.lists(st.integers(-400, 400), min_size=50, max_size=50))
def test_rdap_never_gives_a_later_release(
    rows: list[tuple[date, int, int, int, int, bool, int, int]], completion: list[int]
) -> None:
    without = columns(rows)
    with_rdap = columns(rows)
    with_rdap.rdap[:] = True
    # Completion anywhere around the release (before, after), or expected (NO_DATE).
    offsets = np.array(completion[: len(rows)], dtype=np.int64)
    gct = compute(without, LAW).gct_release_date
    with_rdap.rdap_completed[:] = np.where(offsets % 3 == 0, NO_DATE, gct + offsets)
    a, b = compute(without, LAW), compute(with_rdap, LAW)
    assert (_leaves(b) <= _leaves(a)).all()
    placed = (a.fsa_prerelease_custody_date != NO_DATE) & (b.fsa_prerelease_custody_date != NO_DATE)
    assert (b.fsa_prerelease_custody_date[placed] <= a.fsa_prerelease_custody_date[placed]).all()
    assert (b.sca_combined_placement_date <= a.sca_combined_placement_date).all()


@settings(max_examples=60, deadline=None)
@given(sentences, st.booleans(), st.integers(0, 2000))
def test_placement_never_before_commencement(
    rows: list[tuple[date, int, int, int, int, bool, int, int]], rdap: bool, lost: int
) -> None:
    cols = columns(rows)
    cols.rdap[:] = rdap
    cols.fsa_credits_lost_days[:] = lost
    res = compute(cols, LAW)
    for name in (
        "sca_rrc_date",
        "sca_home_confinement_date",
        "sca_combined_placement_date",
        "rdap_release_date",
    ):
        dates = getattr(res, name)
        dated = dates != NO_DATE
        assert (dates[dated] >= cols.commenced[dated]).all(), name
    assert (res.sca_home_confinement_days >= 0).all()
    assert (res.fsa_credits_days >= 0).all()
