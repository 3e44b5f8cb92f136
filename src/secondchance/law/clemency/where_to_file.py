"""Where a clemency petition goes (28 CFR 1.1 and the Office of the Pardon Attorney's pages).

Petitions for federal and D.C. Code offenses are addressed to the President and submitted to the
Office of the Pardon Attorney, Department of Justice, "except for petitions relating to military
offenses" (28 CFR 1.1), which go directly to the Secretary of the military department that had
original jurisdiction over the court-martial; for a Coast Guard court-martial that is the
Department of Homeland Security, as the Article 125 proclamation (June 26, 2024) directs its
certificate applications. The Office's commutation page says it does not process commutation
requests from persons convicted in courts-martial; it says nothing of the kind for pardons, so
that statement is kept to commutations (in ``commutation_petition``). The President cannot pardon
or commute a state conviction: the state's governor or pardon board is the authority.
"""

from __future__ import annotations

from datetime import date

from secondchance.engine.determination import Finding, FindingRole
from secondchance.law.clemency.facts import FEDERAL, indexed, label, with_article
from secondchance.record.schema import Jurisdiction, PersonRecord

CITATION = "28 CFR 1.1"
URL = "https://www.ecfr.gov/current/title-28/chapter-I/part-1/section-1.1"
ARTICLE_125_URL = "https://www.federalregister.gov/d/2024-14584"
"""Proclamation 10780 (June 26, 2024), 89 FR 54329."""
STATE_URL = "https://www.justice.gov/pardon/apply-commutation"
"""The Office of the Pardon Attorney's commutation page. The instructions' words on state
convictions (para. 2) were read from a secondary copy (docslib.org); the Office's page is cited."""


def where_to_file(
    record: PersonRecord, day: date, rule_version: str, what: str, other: bool = False
) -> list[Finding]:
    """One finding per kind of conviction in the record saying where ``what`` is filed;
    ``other``: for offenses other than those the caller answers (e.g. the marijuana counts a
    proclamation already pardoned)."""
    findings: list[Finding] = []
    any_other = "any other" if other else "a"
    federal = indexed(record, day, *FEDERAL)
    if federal:
        findings.append(
            Finding(
                finding=f"Where to file: a {what} for {any_other} federal or D.C. Code offense is "
                "addressed to the President and submitted to the Office of the Pardon Attorney, "
                "U.S. Department of Justice, 950 Pennsylvania Avenue, Washington, D.C. 20530 (a "
                "prisoner preferably through the warden).",
                facts={f"{label(i, c)}.jurisdiction": c.jurisdiction.value for i, c in federal},
                citation=CITATION,
                rule_version=rule_version,
                role=FindingRole.where_to_file,
                url=URL,
            )
        )
    military = indexed(record, day, Jurisdiction.military)
    if military:
        findings.append(
            Finding(
                finding=f"Where to file: a {what} relating to {any_other} military offense goes "
                "directly to the Secretary of the military department that had original "
                "jurisdiction over the court-martial, not to the Office of the Pardon Attorney "
                "(28 CFR 1.1: petitions go to the Pardon Attorney 'except for petitions relating "
                "to military offenses').",
                facts={f"{label(i, c)}.jurisdiction": "military" for i, c in military},
                citation=CITATION,
                rule_version=rule_version,
                role=FindingRole.where_to_file,
                url=URL,
            )
        )
        findings.append(
            Finding(
                finding="For a Coast Guard court-martial the department is the Department of "
                "Homeland Security: the Article 125 proclamation sends Coast Guard certificate "
                "applications there, and Army, Navy and Air Force ones to the Military Department "
                "that conducted the court-martial.",
                facts={f"{label(i, c)}.jurisdiction": "military" for i, c in military},
                citation="Proclamation 10780 of June 26, 2024 (Article 125, UCMJ), 89 FR 54329",
                rule_version=rule_version,
                role=FindingRole.where_to_file,
                url=ARTICLE_125_URL,
            )
        )
    findings += state_findings(record, day, rule_version, FindingRole.where_to_file)
    return findings


def state_findings(
    record: PersonRecord, day: date, rule_version: str, role: FindingRole
) -> list[Finding]:
    """One finding per state conviction: outside federal clemency, and whose authority it is."""
    findings: list[Finding] = []
    for i, conviction in indexed(record, day, Jurisdiction.state):
        findings.append(
            Finding(
                finding=f"{label(i, conviction)} is {with_article(conviction.state)} state "
                "conviction: it is outside federal clemency (the President cannot pardon or "
                f"commute a state sentence); the authority is the State of {conviction.state} "
                "(its governor or board of pardons and paroles).",
                facts={
                    f"convictions[{i}].jurisdiction": "state",
                    f"convictions[{i}].state": (conviction.state),
                },
                citation="U.S. Const. art. II, sec. 2; Office of the Pardon Attorney, "
                "Commutation Instructions, para. 2",
                rule_version=rule_version,
                role=role,
                url=STATE_URL,
            )
        )
    return findings


def outside_scope(record: PersonRecord, day: date, rule_version: str, what: str) -> list[Finding]:
    """Why a petition to the President does not concern a record with no federal, D.C. or
    court-martial conviction: 28 CFR 1.1 sets the petitions the Pardon Attorney receives, for
    offenses against the United States (and D.C. Code offenses); a state conviction is a matter
    for the state."""
    general = Finding(
        finding=f"A {what} to the President concerns offenses against the United States, "
        "including D.C. Code offenses, and military offenses; the record has none.",
        citation=CITATION,
        rule_version=rule_version,
        url=URL,
    )
    return [general, *state_findings(record, day, rule_version, FindingRole.decisive)]
