"""Every answer cites (issue 8.6) and the glance is honest (issue 7.6), over generated records."""

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondchance.api import evaluate
from secondchance.engine import Outcome
from secondchance.record import validate
from secondchance.report import render_report

from .strategies import records

AS_OF = st.integers(0, 365 * 45).map(lambda n: date(1990, 1, 1) + timedelta(days=n))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=records(), as_of=AS_OF)
def test_every_determination_has_a_cited_finding(data: dict[str, Any], as_of: date) -> None:
    report = evaluate(validate(data, "generated"), as_of=as_of)
    for det in report.determinations:
        cited = [f for f in det.findings if f.citation.strip() and f.rule_version.strip()]
        assert cited, (det.program, det.outcome, det.reason)
        if det.outcome is Outcome.not_applicable:
            assert det.reason
        assert det.headline
        # Never a bare "ELIGIBLE FROM": a later date is always said with what it depends on.
        assert "ELIGIBLE FROM" not in det.headline
        if det.outcome is Outcome.eligible_from:
            assert det.eligible_from_date == det.date
        if det.eligible_from_date is not None:
            assert det.outcome is not Outcome.eligible
    text = render_report(report) + render_report(report, verbose=True)
    assert ": True" not in text and ": False" not in text
