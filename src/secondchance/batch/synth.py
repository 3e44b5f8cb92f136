"""A synthetic population in the batch table layout, for demos and benchmarks.

Proportions are plausible, not a sample of anyone: sentence lengths follow the Bureau of
Prisons' published "sentences imposed" shares (BOP Quick Facts, 2012, archived at
https://cybercemetery.unt.edu/archive/oilspill/20121014003317/http:/www.bop.gov/about/facts.jsp),
offenses loosely its "offenses" shares, with statutes that bar First Step Act time credits and
statutes that do not, a few statutes spelt the way clerks spell them, and a few left unreadable.
The same ``seed`` gives the same population. docs/batch-format.md lists the proportions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from secondchance.law.parameters import value

CHUNK = 100_000
AS_OF = dt.date(2026, 1, 1)
_GCT_SHARE = value("sentence.gct.days_per_year", on=AS_OF) / value(
    "sentence.gct.days_in_year", on=AS_OF
)
_MOST_REDUCTION_DAYS = (
    365 / 12 * max(int(row[1]) for row in value("sentence.rdap.reduction_months", on=AS_OF))
)
"""The longest RDAP reduction (3621(e)(2)(B)). First Step Act credits are left out of the
synthetic release: they can end a term early only as far as the time in custody since
2018-12-21 earned them, which ``law.clemency.facts.earliest_end`` checks."""

SENTENCE_MONTHS = (  # (share, lowest months, highest months); life is 0
    (0.020, 1, 11),
    (0.124, 12, 35),
    (0.145, 36, 59),
    (0.289, 60, 119),
    (0.203, 120, 179),
    (0.091, 180, 239),
    (0.097, 240, 480),
    (0.031, 0, 0),
)
OFFENSES = (  # share, statute, substance, violence, weapon, conspiracy
    (0.33, "21 U.S.C. 841(a)(1)", "methamphetamine", False, False, False),
    (0.10, "21 U.S.C. 846", "cocaine", False, False, True),
    (0.06, "21 U.S.C. 841(b)(1)(D)", "marijuana", False, False, False),
    (0.03, "21 USC 841(a)(1)", "fentanyl", False, False, False),  # a clerk's spelling
    (0.10, "18 U.S.C. 922(g)(1)", None, False, True, False),
    (0.04, "18 U.S.C. 924(c)", None, None, True, False),
    (0.11, "8 U.S.C. 1326", None, False, False, False),
    (0.05, "18 U.S.C. 2113(a)", None, True, False, False),
    (0.05, "18 U.S.C. 1343", None, False, False, False),
    (0.03, "18 U.S.C. 2252(a)(2)", None, False, False, False),
    (0.08, "18 U.S.C. 1791", None, False, False, False),
    (0.02, "section 841 (see judgment)", None, None, None, None),  # unreadable
)
RISK = (("minimum", 0.25), ("low", 0.35), ("medium", 0.20), ("high", 0.15), (None, 0.05))
MARIJUANA_POSSESSION = 0.02
"""Share with an old simple-possession conviction (21 U.S.C. 844, before 2022-10-06)."""
POSSESSION_STATUS = (("us_citizen", 0.85), ("lawful_permanent_resident", 0.05), (None, 0.10))
"""Their status recorded (Proclamation 10467 covers citizens and lawful permanent residents);
10% have none recorded."""
CERTIFICATE = 0.25
"""Share of them holding the Pardon Attorney's certificate under Proclamation 10467."""
BUSINESS = 0.03
"""Share who own a business applying to the SBA."""
SECOND_COUNT = 0.25
"""Share whose judgment has a second count (its offense drawn as the first one's)."""
COMMUTED = 0.01
"""Share of the people still in custody, with over 60 days to serve, whose sentence was
commuted in the past year to end earlier."""
PARDONED = 0.01
"""Share of the people released over six years ago who were pardoned since."""
PENDING = 0.02
"""Share with a charge pending (an indictment, information or complaint; federal or state)."""


@dataclass
class _Tables:
    out: Path
    fmt: str
    last_id: str | None = None
    """Rows of people after this id are left out (a chunk drawn whole, written in part)."""

    def __post_init__(self) -> None:
        self.writers: dict[str, Any] = {}
        self.pending: dict[str, list[pa.Table]] = {}

    def write(self, name: str, columns: dict[str, Any]) -> None:
        self.pending.setdefault(name, []).append(pa.table(columns))

    def flush(self) -> None:
        """Write what the chunk gathered, each table sorted by person id (a stable sort: a
        person's rows keep their order)."""
        for name, parts in self.pending.items():
            table = pa.concat_tables(parts, promote_options="default")
            if self.last_id is not None:
                table = table.filter(pc.less_equal(table["person_id"], self.last_id))
            self._write(name, table.sort_by([("person_id", "ascending")]))
        self.pending.clear()

    def _write(self, name: str, table: pa.Table) -> None:
        if self.fmt == "csv":
            table = _joined(table)
        writer = self.writers.get(name)
        if writer is None:
            path = self.out / f"{name}.{self.fmt}"
            writer = (
                pq.ParquetWriter(path, table.schema)
                if self.fmt == "parquet"
                else pacsv.CSVWriter(path, table.schema)
            )
            self.writers[name] = writer
        writer.write_table(table)

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def _joined(table: pa.Table) -> pa.Table:
    """For CSV: each list cell written as the layout reads it, its values separated by ';'
    (an empty or missing list: an empty cell, a list left out)."""
    for i, field in enumerate(table.schema):
        if pa.types.is_list(field.type) or pa.types.is_large_list(field.type):
            cells = [";".join(v) if v else None for v in table.column(i).to_pylist()]
            table = table.set_column(i, field.name, pa.array(cells, pa.string()))
    return table


def _pick(rng: np.random.Generator, shares: list[float], size: int) -> Any:
    p = np.asarray(shares, dtype=float)
    return rng.choice(len(p), size=size, p=p / p.sum())


def _days(base: Any, offset: Any) -> Any:
    return base + offset.astype("timedelta64[D]")


def _dates(values: np.ndarray, mask: np.ndarray | None = None) -> pa.Array:
    return pa.array(values.astype("datetime64[D]"), pa.date32(), mask=mask)


def _strings(values: Any, mask: np.ndarray | None = None) -> pa.Array:
    return pa.array(np.asarray(values, dtype=object), pa.string(), mask=mask)


def _last_days(start: Any, years: Any, mask: Any) -> Any:
    """The last day of a term of ``years`` from ``start`` (the day before the anniversary), for
    the rows of ``mask``; the others keep their start. A supervised release period then runs
    its whole term, as a term not ended early or revoked does (18 U.S.C. 3583(e))."""
    ends = start.copy()
    for i in np.flatnonzero(mask):
        first = start[i].astype(dt.date)
        try:
            later = first.replace(year=first.year + int(years[i]))
        except ValueError:  # 29 February: the anniversary falls on 1 March
            later = dt.date(first.year + int(years[i]), 3, 1)
        ends[i] = np.datetime64(later - dt.timedelta(days=1))
    return ends


def _months(rng: np.random.Generator, size: int) -> Any:
    bucket = _pick(rng, [b[0] for b in SENTENCE_MONTHS], size)
    low = np.array([b[1] for b in SENTENCE_MONTHS])[bucket]
    high = np.array([b[2] for b in SENTENCE_MONTHS])[bucket]
    return rng.integers(low, high + 1)


def _chunk(rng: np.random.Generator, start: int, size: int, tables: _Tables) -> None:
    ids = np.array([f"P{i:09d}" for i in range(start, start + size)], dtype=object)
    as_of: Any = np.datetime64(AS_OF.isoformat())
    months = _months(rng, size)
    life = months == 0
    term_days = np.where(life, 20000, months * 30.44).astype(int)
    imposed = _days(as_of, -rng.integers(30, 365 * 25, size))
    born = _days(imposed, -rng.integers(19 * 365, 60 * 365, size))
    offense = _pick(rng, [o[0] for o in OFFENSES], size)
    share = (term_days * rng.uniform(0.75, 0.9, size)).astype(int)
    # No release before the law allows one by serving the term (the bound the petitions read,
    # ``law.clemency.facts.earliest_end``): the most good conduct time and the longest RDAP
    # reduction off the term, and a month more (the term's days here count months of 30.44
    # days, the law calendar months). A term of a year or less earns no good conduct time
    # (3624(b)(1)) and is too short for the residential drug program: served whole, in whole
    # calendar months at least.
    lawful = (term_days * (1 - _GCT_SHARE) - _MOST_REDUCTION_DAYS + 31).astype(int)
    served = np.minimum(term_days, np.maximum(share, lawful))
    served = np.where(~life & (months <= 12), months * 31, served)
    arrive = _days(imposed, rng.integers(0, 60, size))
    release = _days(arrive, served)
    released = (release < as_of) & ~life
    pretrial = rng.random(size) < 0.6
    detained = rng.integers(30, 400, size)
    risk = _pick(rng, [r[1] for r in RISK], size)
    owner = _extras(rng, ids, imposed, tables)
    _people(rng, ids, born, released, release, owner, as_of, tables)
    imprisonment = np.where(life, "life", np.char.add(months.astype(str), " months"))
    convicted = _days(imposed, -rng.integers(60, 200, size))
    sr_years = rng.integers(2, 6, size)
    tables.write(
        "convictions",
        {
            "person_id": _strings(ids),
            "conviction_id": _strings(["c1"] * size),
            "jurisdiction": _strings(["federal"] * size),
            "conviction_date": _dates(convicted),
            "imposed_on": _dates(imposed),
            "imprisonment": _strings(imprisonment),
            "supervised_release": _strings(np.char.add(sr_years.astype(str), " years")),
        },
    )
    _counts(ids, offense, imposed, rng, tables)
    _second_counts(ids, imposed, rng, tables)
    _clemency(ids, release, released, as_of, rng, tables)
    _pending(ids, as_of, rng, tables)
    _custody(ids, imposed, detained, pretrial, arrive, release, released, tables)
    sr_start = _days(release, np.ones(size, dtype=int))
    on_sr = released
    sr_end = _last_days(sr_start, sr_years, on_sr)
    tables.write(
        "supervision",
        {
            "person_id": _strings(ids[on_sr]),
            "kind": _strings(["supervised_release"] * on_sr.sum()),
            "start": _dates(sr_start[on_sr]),
            "end": _dates(sr_end[on_sr]),
            "conviction_id": _strings(["c1"] * on_sr.sum()),
        },
    )
    known = risk < len(RISK) - 1
    tables.write(
        "risk_assessments",
        {
            "person_id": _strings(ids[known]),
            "assessed_on": _dates(_days(arrive[known], rng.integers(30, 120, known.sum()))),
            "level": _strings(np.array([r[0] for r in RISK[:-1]], dtype=object)[risk[known]]),
        },
    )
    tables.flush()


def _people(
    rng: np.random.Generator,
    ids: Any,
    born: Any,
    released: Any,
    release: Any,
    owner: Any,
    as_of: Any,
    tables: _Tables,
) -> None:
    size = len(ids)
    drift = rng.choice([0, 0, 0, 0, 15, -20, 120, 365], size=size)
    status = np.where(
        released, "released", np.where(rng.random(size) < 0.08, "prerelease_custody", "in_custody")
    )
    tables.write(
        "people",
        {
            "person_id": _strings(ids),
            "name": _strings([f"Person {i[1:].lstrip('0') or '0'}" for i in ids]),
            "date_of_birth": _dates(born),
            "application_date": _dates(
                _days(np.full(size, as_of), -rng.integers(0, 1000, size)), mask=~owner
            ),
            "bureau_stated_on": _dates(np.full(size, as_of)),
            "bureau_projected_release_date": _dates(_days(release, drift)),
            "bureau_release_method": _strings(
                np.where(rng.random(size) < 0.5, "fsa_release", "good_conduct_time")
            ),
            "bureau_custody_status": _strings(status),
        },
    )


def _counts(
    ids: Any, offense: Any, imposed: Any, rng: np.random.Generator, tables: _Tables
) -> None:
    size = len(ids)
    col = list(zip(*OFFENSES, strict=True))
    statute = np.array(col[1], dtype=object)[offense]
    substance = np.array(col[2], dtype=object)[offense]
    flags = {
        name: np.array(col[i], dtype=object)[offense]
        for i, name in ((3, "violence"), (4, "weapon"), (5, "conspiracy"))
    }
    tables.write(
        "counts",
        {
            "person_id": _strings(ids),
            "conviction_id": _strings(["c1"] * size),
            "statute": _strings(statute),
            "substance": _strings(substance, mask=np.array([v is None for v in substance])),
            "felony": pa.array(np.ones(size, dtype=bool)),
            **{n: pa.array(list(v), pa.bool_()) for n, v in flags.items()},
            "offense_date": _dates(_days(imposed, -rng.integers(200, 700, size))),
        },
    )


def _second_counts(ids: Any, imposed: Any, rng: np.random.Generator, tables: _Tables) -> None:
    """A second count in the judgment for ``SECOND_COUNT`` of the people (its rows after the
    first count's: the table is sorted stably by person)."""
    two = rng.random(len(ids)) < SECOND_COUNT
    offense = _pick(rng, [o[0] for o in OFFENSES], int(two.sum()))
    _counts(ids[two], offense, imposed[two], rng, tables)


def _clemency(
    ids: Any, release: Any, released: Any, as_of: Any, rng: np.random.Generator, tables: _Tables
) -> None:
    """Commutations of the sentence being served and pardons of a sentence served long ago."""
    size = len(ids)
    left = (release - as_of).astype(int)
    commuted = ~released & (left > 60) & (rng.random(size) < COMMUTED)
    n = int(commuted.sum())
    tables.write(
        "commutations",
        {
            "person_id": _strings(ids[commuted]),
            "conviction_id": _strings(["c1"] * n),
            "granted_on": _dates(_days(np.full(n, as_of), -rng.integers(10, 365, n))),
            "new_release_date": _dates(
                _days(np.full(n, as_of), (left[commuted] * rng.uniform(0.1, 0.9, n)).astype(int))
            ),
        },
    )
    old = released & ((as_of - release).astype(int) > 6 * 365)
    pardoned = old & (rng.random(size) < PARDONED)
    k = int(pardoned.sum())
    tables.write(
        "grants",
        {
            "person_id": _strings(ids[pardoned]),
            "kind": _strings(["pardon"] * k),
            "granted_on": _dates(_days(np.full(k, as_of), -rng.integers(10, 365, k))),
            "conviction_ids": pa.array([["c1"]] * k, pa.list_(pa.string())),
        },
    )


def _pending(ids: Any, as_of: Any, rng: np.random.Generator, tables: _Tables) -> None:
    pending = rng.random(len(ids)) < PENDING
    n = int(pending.sum())
    federal = rng.random(n) < 0.5
    tables.write(
        "pending_charges",
        {
            "person_id": _strings(ids[pending]),
            "charge_id": _strings(["p1"] * n),
            "instrument": _strings(
                np.array(["indictment", "information", "complaint"], dtype=object)[
                    _pick(rng, [0.7, 0.2, 0.1], n)
                ]
            ),
            "jurisdiction": _strings(np.where(federal, "federal", "state")),
            "state": _strings(np.full(n, "TX", dtype=object), mask=federal),
            "filed_on": _dates(_days(np.full(n, as_of), -rng.integers(10, 300, n))),
        },
    )


def _custody(
    ids: Any,
    imposed: Any,
    detained: Any,
    pretrial: Any,
    arrive: Any,
    release: Any,
    released: Any,
    tables: _Tables,
) -> None:
    size = len(ids)
    p = pretrial
    tables.write(
        "custody",
        {
            "person_id": _strings(np.concatenate([ids[p], ids])),
            "kind": _strings(["pretrial_detention"] * p.sum() + ["designated_facility"] * size),
            "start": _dates(np.concatenate([_days(imposed[p], -detained[p]), arrive])),
            "end": _dates(
                np.concatenate([_days(imposed[p], -np.ones(p.sum(), dtype=int)), release]),
                mask=np.concatenate([np.zeros(p.sum(), dtype=bool), ~released]),
            ),
            "conviction_id": _strings(["c1"] * (p.sum() + size)),
        },
    )


def _possession_status(ids: Any, rng: np.random.Generator, tables: _Tables) -> None:
    """Citizenship or residence for the people with an old possession conviction (what the
    marijuana proclamations ask), and a certificate for some of those covered."""
    n = len(ids)
    names = [name for name, _ in POSSESSION_STATUS]
    drawn = rng.choice(len(names), size=n, p=[share for _, share in POSSESSION_STATUS])
    stated = np.array([names[k] is not None for k in drawn], dtype=bool)
    # A citizen's status is held from birth (no start); a permanent resident's began on a day,
    # drawn from 1985 to 2009.
    resident = np.array(
        [names[k] == "lawful_permanent_resident" for k in drawn[stated]], dtype=bool
    )
    since = _days(np.datetime64("1985-01-01"), rng.integers(0, 25 * 365, int(stated.sum())))
    tables.write(
        "status",
        {
            "person_id": _strings(ids[stated]),
            "status": _strings([names[k] for k in drawn[stated]]),
            "start": _dates(since, mask=~resident),
        },
    )
    certified = stated & (rng.random(n) < CERTIFICATE)
    k = int(certified.sum())
    tables.write(
        "grants",
        {
            "person_id": _strings(ids[certified]),
            "kind": _strings(["pardon"] * k),
            "granted_on": _dates(np.full(k, np.datetime64("2022-10-06"))),
            "conviction_ids": pa.array([["c0"]] * k, pa.list_(pa.string())),
            "proclamation": _strings(["Proclamation 10467"] * k),
            "certificate_issued": pa.array(np.ones(k, dtype=bool)),
        },
    )


def _extras(rng: np.random.Generator, ids: Any, imposed: Any, tables: _Tables) -> Any:
    """Old marijuana possession convictions and business owners, for those programs; returns
    who owns a business."""
    size = len(ids)
    pot = rng.random(size) < MARIJUANA_POSSESSION
    n = int(pot.sum())
    convicted = _days(imposed[pot], -rng.integers(400, 3000, n))
    tables.write(
        "convictions",
        {
            "person_id": _strings(ids[pot]),
            "conviction_id": _strings(["c0"] * n),
            "jurisdiction": _strings(["federal"] * n),
            "conviction_date": _dates(convicted),
            "imposed_on": _dates(convicted),
            "probation": _strings(["1 year"] * n),
        },
    )
    tables.write(
        "counts",
        {
            "person_id": _strings(ids[pot]),
            "conviction_id": _strings(["c0"] * n),
            "statute": _strings(["21 U.S.C. 844(a)"] * n),
            "substance": _strings(["marijuana"] * n),
            "felony": pa.array(np.zeros(n, dtype=bool)),
            "offense_date": _dates(_days(convicted, -rng.integers(30, 300, n))),
        },
    )
    _possession_status(ids[pot], rng, tables)
    owner = rng.random(size) < BUSINESS
    k = int(owner.sum())
    tables.write(
        "businesses",
        {
            "person_id": _strings(ids[owner]),
            "name": _strings([f"Business of {i}" for i in ids[owner]]),
            "child_care": pa.array(np.zeros(k, dtype=bool)),
        },
    )
    tables.write(
        "business_people",
        {
            "person_id": _strings(ids[owner]),
            "associate_id": _strings(["self"] * k),
            "name": _strings([f"Person {i[1:].lstrip('0') or '0'}" for i in ids[owner]]),
            "is_subject": pa.array(np.ones(k, dtype=bool)),
            "role": _strings(["owner"] * k),
            "ownership_percent": pa.array(np.full(k, 100.0)),
            "start": _dates(_days(imposed[owner], -rng.integers(400, 4000, k))),
        },
    )
    return owner


def synth_people(
    count: int, out: Path, seed: int = 0, fmt: str = "parquet", patterns: int | None = None
) -> None:
    """Write ``count`` synthetic people into ``out`` in the table layout, sorted by id.

    ``patterns``: the people repeat the facts of the first ``patterns`` people (person ``i``
    has the facts of person ``i mod patterns``, with their own id): a population of any size
    whose answers are worked out ``patterns`` times, to measure the streaming and memory of a
    very large run apart from the engine's speed."""
    out.mkdir(parents=True, exist_ok=True)
    chunk = min(patterns, CHUNK) if patterns else CHUNK
    if patterns and patterns > CHUNK:
        raise ValueError(f"patterns: at most {CHUNK:,}")
    rng = np.random.default_rng(seed)
    tables = _Tables(out, fmt, last_id=f"P{count - 1:09d}" if patterns else None)
    try:
        for start in range(0, count, chunk):
            if patterns:  # every chunk repeats the first one's facts, drawn whole
                rng = np.random.default_rng(seed)
                _chunk(rng, start, chunk, tables)
            else:
                _chunk(rng, start, min(chunk, count - start), tables)
    finally:
        tables.close()
