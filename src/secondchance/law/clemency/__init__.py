"""Executive clemency (28 CFR Part 1 and the categorical pardon proclamations).

Programs: ``clemency.pardon_petition`` (28 CFR 1.2), ``clemency.commutation_petition``
(28 CFR 1.3), ``clemency.marijuana_pardon`` (Proclamations 10467 and 10688). Every answer says
where to file (28 CFR 1.1) and what a grant does and does not do.
"""

from secondchance.engine.rules import Program
from secondchance.law.clemency import commutation_petition, marijuana_pardon, pardon_petition

PROGRAMS: tuple[Program, ...] = (
    pardon_petition.PROGRAM_DEF,
    commutation_petition.PROGRAM_DEF,
    marijuana_pardon.PROGRAM_DEF,
)
