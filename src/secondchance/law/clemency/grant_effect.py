"""What a grant of clemency does and does not do.

A pardon is the President's forgiveness: it removes punishment and restores rights the
conviction took, but it does not expunge or seal the record of the conviction. A commutation
reduces the punishment being served; it does not change the fact of conviction, imply innocence
or remove civil disabilities, and the parts of the sentence the warrant does not reduce —
supervised release, a fine, restitution — stay in effect unless the warrant says otherwise.
(Office of the Pardon Attorney; Department of Justice definitions; the terms of published
warrants, e.g. "leaving intact and in effect the ... term of supervised release".)

That a pardoned offense stays on the record is the Justice Department's statement as quoted in a
newspaper (the Waterloo-Cedar Falls Courier, Jan. 24, 2020): the pardoned offense is not removed
from the criminal record; the conviction and the pardon both appear on it. The
Department's own FAQ page was not found among the stored pages (a forum post quotes it as the
Office of the Pardon Attorney's FAQs); the Office of Legal Counsel's opinion "Whether a
Presidential Pardon Expunges Judicial and Executive Branch Records of a Crime" (Aug. 11, 2006),
found only in a secondary copy (cetient.com), concludes the same. Only secondary copies were
found for both: the Office of the Pardon Attorney's site (``URL``) and the Office of Legal
Counsel's opinions site (``OLC_URL``) are cited.
"""

from __future__ import annotations

from secondchance.engine.determination import Finding, FindingRole
from secondchance.record.schema import Commutation

CITATION = "U.S. Const. art. II, sec. 2; Department of Justice, Office of the Pardon Attorney"
PARDON_CITATION = (
    "U.S. Const. art. II, sec. 2; Office of the Pardon Attorney (its statement, found only as "
    "quoted in a newspaper); Office of Legal Counsel, Whether a Presidential Pardon Expunges "
    "Judicial and Executive Branch Records of a Crime (Aug. 11, 2006; found only in a secondary "
    "copy)"
)
URL = "https://www.justice.gov/pardon"
"""The Office of the Pardon Attorney, whose statement (a pardoned offense is not removed from the
record; the conviction and the pardon both appear) was found only as quoted in a newspaper."""
OLC_URL = "https://www.justice.gov/olc"
"""The Office of Legal Counsel's opinions (the 2006 opinion: a pardon does not expunge; its text
was read from a secondary copy)."""
COMMUTATION_WARRANTS_URL = "https://www.justice.gov/pardon"
"""The Office of the Pardon Attorney, which publishes the warrants; the warrant wording quoted was
read from a White House clemency recipient list of Apr. 24, 2024 (now on the National Archives'
copy of the former White House site)."""


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
