"""Shared plain-words templates for the supervision findings (``{kind}`` is filled in)."""

from __future__ import annotations

from secondchance.law.declarative import Verdict
from secondchance.law.sba.decide import rule_change_day

OLD_PROBATION_PAROLE = {
    Verdict.bars: "the rule bars a business with an Associate who is on probation or on parole.",
    Verdict.review: "the rule names probation and parole only and does not say whether {kind} "
    "counts as either, so this needs review.",
    Verdict.clear: "{kind} is not named by the rule.",
    Verdict.unknown: "the record does not say enough to apply the rule.",
}

NO_LONGER_A_BAR = {
    Verdict.clear: f"from {rule_change_day().isoformat()} the rule no longer names probation or "
    "parole: {kind} is not a bar by itself, and it is not imprisonment.",
    Verdict.bars: "the rule bars it.",
    Verdict.review: "whether {kind} counts needs review.",
    Verdict.unknown: "the record does not say enough to apply the rule.",
}

NOT_NAMED = {
    Verdict.clear: "the rule does not name {kind}; it is not imprisonment, so it is not a bar.",
    Verdict.bars: "the rule bars it.",
    Verdict.review: "whether {kind} counts needs review.",
    Verdict.unknown: "the record does not say enough to apply the rule.",
}
