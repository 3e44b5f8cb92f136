"""What a grant of clemency does and does not do.

A pardon is the President's forgiveness: it removes punishment and restores rights the
conviction took, but it does not expunge or seal the record of the conviction. A commutation
reduces the punishment being served; it does not change the fact of conviction, imply innocence
or remove civil disabilities, and the parts of the sentence the warrant does not reduce —
supervised release, a fine, restitution — stay in effect unless the warrant says otherwise.
(Office of the Pardon Attorney; Department of Justice definitions; the terms of published
warrants, e.g. "leaving intact and in effect the ... term of supervised release".)

That a pardoned offense stays on the record is the Justice Department's statement as quoted in a
newspaper (``URL``): "the pardoned offense would not be removed from your criminal record ...
both the federal conviction as well as the pardon would both appear on your record". The
Department's own FAQ page was not found among the stored pages (a forum post quotes it as the
Office of the Pardon Attorney's FAQs); the Office of Legal Counsel's opinion "Whether a
Presidential Pardon Expunges Judicial and Executive Branch Records of a Crime" (Aug. 11, 2006),
found in a stored copy (``OLC_URL``), concludes the same.
"""

from __future__ import annotations

from secondchance.engine.determination import Finding, FindingRole
from secondchance.record.schema import Commutation

CITATION = "U.S. Const. art. II, sec. 2; Department of Justice, Office of the Pardon Attorney"
PARDON_CITATION = (
    "U.S. Const. art. II, sec. 2; the Department of Justice's statement as quoted in the Waterloo-"
    "Cedar Falls Courier (Jan. 24, 2020); Office of Legal Counsel, Whether a Presidential Pardon "
    "Expunges Judicial and Executive Branch Records of a Crime (Aug. 11, 2006)"
)
URL = (
    "https://wcfcourier.com/special-section/call-the-courier/jan/"
    "article_0c07f2dc-4803-5a4f-8815-039383c400a3.html"
)
"""Where the Department's statement (a pardoned offense is not removed from the record; the
conviction and the pardon both appear) was found, quoted; the Department's own page was not."""
OLC_URL = (
    "https://cetient.com/case/4119408/"
    "whether-a-presidential-pardon-expunges-judicial-and-executive-branch-records-of-a-crime"
)
"""A stored copy of the 2006 Office of Legal Counsel opinion (a pardon does not expunge)."""
COMMUTATION_WARRANTS_URL = (
    "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2024/04/24/"
    "clemency-recipient-list-6/"
)


def pardon_effect(rule_version: str, facts: dict[str, object] | None = None) -> Finding:
    return Finding(
        finding="What a pardon does: it forgives the offense and restores rights the conviction "
        "took, but it does not expunge or seal the record; the conviction still appears on the "
        "record, with the pardon (the Justice Department's statement, as quoted).",
        facts=dict(facts or {}),
        citation=PARDON_CITATION,
        rule_version=rule_version,
        url=URL,
        role=FindingRole.decisive if facts else FindingRole.background,
    )


def commutation_effect(
    rule_version: str, commutation: Commutation | None = None, path: str | None = None
) -> Finding:
    """The general rule, and, for a recorded commutation, what its warrant kept."""
    facts: dict[str, object] = {}
    kept = ""
    if commutation is not None and path is not None:
        facts[f"{path}.granted_on"] = commutation.granted_on.isoformat()
        for name in ("supervised_release_kept", "fine_restitution_kept", "terms"):
            value = getattr(commutation, name)
            if value is not None:
                facts[f"{path}.{name}"] = value
        if commutation.supervised_release_kept is False:
            kept += " This warrant ended the supervised release term."
        if commutation.fine_restitution_kept is False:
            kept += " This warrant remitted the fine or restitution."
    return Finding(
        finding="What a commutation does: it reduces the punishment but does not change the fact "
        "of conviction, imply innocence or restore rights; the term of supervised release, a "
        "fine and restitution stay in effect unless the warrant says otherwise." + kept,
        facts=facts,
        citation=CITATION,
        rule_version=rule_version,
        url=COMMUTATION_WARRANTS_URL,
        role=FindingRole.decisive if facts else FindingRole.background,
    )
