"""What a categorical pardon other than the marijuana ones says about a conviction."""

from __future__ import annotations

from typing import NamedTuple


class Categorical(NamedTuple):
    """Another categorical pardon that may cover a conviction: the proclamation, why it may
    (what the record cannot show), and the address of its text."""

    id: str
    reason: str
    url: str
