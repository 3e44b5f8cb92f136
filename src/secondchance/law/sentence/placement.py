"""Second Chance Act prerelease custody (18 U.S.C. 3624(c); 28 CFR 570.21), and how it stacks
with First Step Act prerelease credits.

The Bureau shall, to the extent practicable, let a prisoner spend a portion of the final months
of the term, not more than 12, in conditions that prepare for reentry, which may include a
residential reentry centre; home confinement is limited to the shorter of 10 percent of the
term of imprisonment or 6 months (3624(c)(1), (2)). The Bureau decides the length on an
individual basis (3624(c)(6); 3621(b)): the dates here are the statutory window, the earliest
day the law allows, never a promise.

Time credits placed in prerelease custody under 3624(g) are not bound by those limits
(3624(g)(10)); the Bureau treats the two as cumulative (news release of June 2025, as reported;
PS 5410.01: the placement recommendation adds the remaining time credit days to the days
recommended under the five-factor review). The combined earliest placement is therefore the
Second Chance Act window counted back from the transfer out of the Bureau's custody (the FSA
release date, or the release date), less the time credit days placed in prerelease custody.
No date is before commencement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from secondchance.law.sentence.days import NO_DATE, Days, months_back
from secondchance.law.units import PERCENT

if TYPE_CHECKING:
    from secondchance.law.sentence.kernel import KernelLaw

CITATION = "18 U.S.C. 3624(c)(1), (2); 28 CFR 570.21"
URL = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section3624"
STACK_CITATION = "18 U.S.C. 3624(g)(10); BOP PS 5410.01; BOP news release, June 2025 (reported)"
STACK_URL = "https://www.bop.gov/news/pdfs/20250618-fsa-directive-and-sca.pdf"


@dataclass
class PlacementColumns:
    rrc_date: Days
    """Earliest placement in a residential reentry centre under 3624(c)(1)."""
    home_confinement_date: Days
    """Earliest home confinement under 3624(c)(2)."""
    home_confinement_days: npt.NDArray[np.int64]
    combined_date: Days
    """Earliest placement with the Second Chance Act window and FSA prerelease credits."""


def window(
    leave: Days,
    commenced: Days,
    term_days: npt.NDArray[np.int64],
    prerelease_credits: npt.NDArray[np.int64],
    law: KernelLaw,
) -> PlacementColumns:
    """The 3624(c) window before ``leave`` (the day the prisoner leaves the Bureau's custody;
    NO_DATE: none) and the date combined with ``prerelease_credits``."""
    has = (leave != NO_DATE) & (leave > commenced)  # a term served at commencement: none
    out = np.where(has, leave, commenced)
    rrc = np.maximum(months_back(out, law.sca_rrc_months), commenced)
    six_back = months_back(out, law.sca_home_months)
    hc_days = np.minimum(term_days * law.sca_home_percent // PERCENT, out - six_back)
    hc = np.maximum(out - hc_days, commenced)
    combined = np.maximum(rrc - prerelease_credits, commenced)
    return PlacementColumns(
        rrc_date=np.where(has, rrc, NO_DATE),
        home_confinement_date=np.where(has, hc, NO_DATE),
        home_confinement_days=np.where(has, out - hc, 0),
        combined_date=np.where(has, combined, NO_DATE),
    )
