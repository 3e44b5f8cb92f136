"""The facts ``fsa.time_credits`` decides on: the aggregate term being served (18 U.S.C.
3584(c)) and the named conditions its tests read, each worked out once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from secondchance.engine.determination import Determination
from secondchance.law.declarative import once
from secondchance.law.sentence import immigration, standing
from secondchance.law.sentence.aggregate import Served, commutation_in_force, custody_ended
from secondchance.law.sentence.count_screen import CountScreen, screen_counts
from secondchance.law.sentence.versions import FSA_ENACTED
from secondchance.record.schema import Commutation, Record

PROGRAM_ID = "fsa.time_credits"
ENACTED = FSA_ENACTED
"""Enactment of the First Step Act; no time credits for days before it (28 CFR 523.42(b)(1))."""

Commuted = tuple[str, Commutation]
"""A commutation to a release date in force, and where it is in the record."""


def _recommuted(served: Served, day: date) -> bool:
    """A commutation in force on ``day`` gives the sentence a new term or release date."""
    found = commutation_in_force(served, day)
    return found is not None and (
        found[1].new_release_date is not None or found[1].new_imprisonment is not None
    )


@dataclass
class Term:
    """The aggregate term being served on ``day`` (3584(c)): a conviction whose supervised
    release has started stays in its aggregate, which is released as one."""

    record: Record
    day: date
    version_id: str
    current: list[Served]

    @once
    def ended(self) -> tuple[date, str] | None:
        """The day custody for the term ended, with its path (None while it lasts)."""
        return custody_ended(self.record, self.current, self.day)

    @property
    def ended_before_act(self) -> bool:
        """Custody for the term ended before the Act (28 CFR 523.42(b)(1))."""
        return self.ended is not None and self.ended[0] < ENACTED

    @once
    def commuted(self) -> list[Commuted]:
        """The commutations to a release date in force on the day, term by term."""
        return [
            found
            for s in self.current
            if (found := commutation_in_force(s, self.day)) is not None
            and found[1].new_release_date is not None
        ]

    @property
    def commuted_to_date(self) -> bool:
        """A sentence of the term is commuted to a release date."""
        return bool(self.commuted)

    @once
    def commuted_before_act(self) -> bool:
        """Every sentence of the term commuted to end before the Act. A release date before its own
        grant is a contradiction (a warrant cannot release anyone before it is granted), never an
        end before the Act: the answer is then the commutation's review."""
        early = [
            g
            for _, g in self.commuted
            if g.new_release_date and g.granted_on <= g.new_release_date < ENACTED
        ]
        return bool(self.commuted) and len(early) == len(self.commuted) == len(self.current)

    @once
    def life(self) -> list[Served]:
        """The sentences of the term to life imprisonment with no commutation in force: a life
        term has no remainder for credits to equal (18 U.S.C. 3624(g)(1)(A)), so none can be
        applied toward prerelease custody or supervised release."""
        return [s for s in self.current if s.term.life and not _recommuted(s, self.day)]

    @property
    def life_term(self) -> bool:
        """A sentence of the term is to life imprisonment, not commuted."""
        return bool(self.life)

    @once
    def screen(self) -> CountScreen:
        """Every count of the term screened against 3632(d)(4)(D)."""
        return screen_counts(self.current, self.version_id)

    @property
    def listed(self) -> bool:
        """A count of the term is listed in 3632(d)(4)(D)."""
        return bool(self.screen.listed)

    @property
    def undecided(self) -> bool:
        """A clause may reach a count, or a count could not be read: the record does not
        settle the fact it needs."""
        return bool(self.screen.undecided)

    @property
    def counts_missing(self) -> bool:
        """The counts of a conviction of the term are not in the record."""
        return bool(self.screen.missing)

    @once
    def removal(self) -> immigration.Removal:
        """The orders of removal and detainers the record states, as of the day."""
        return immigration.removal(self.record, self.day)

    @property
    def removal_ordered(self) -> bool:
        """A final order of removal dated on or before the day (3632(d)(4)(E))."""
        return self.removal.ordered_on is not None and self.removal.path is not None

    @once
    def open_questions(self) -> Determination | None:
        """The facts of standing that leave an otherwise eligible answer open (a sentence to
        come, a treaty transfer, an undated removal order, a detainer)."""
        return standing.open_questions(
            self.record, self.current, self.removal, self.day, self.version_id
        )
