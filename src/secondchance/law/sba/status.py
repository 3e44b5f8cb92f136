"""A person's custody and supervision on the decisive day, as the SBA rules test them.

Each test reads one person's record on one day and returns :class:`Check` s. The program
modules choose which tests their rule text names and with which words; the reading of the
record is written here once:

* **in custody** — any custody period covering the day (pretrial detention, a prison, a
  residential re-entry centre or home confinement). Used for "incarcerated" and "serving a
  sentence of imprisonment". Prerelease custody (re-entry centre, home confinement) is part of
  a term of imprisonment (18 U.S.C. 3624(c)), so it is "serving a sentence of imprisonment"
  under the texts from 2024-05-30; the older texts say only "incarcerated", so there it needs
  review (``prerelease=Verdict.review``).
* **on supervision** — a probation, parole, supervised-release or deferred-prosecution period
  covering the day. Supervised release is not imprisonment: its term "commences on the day the
  person is released from imprisonment" (18 U.S.C. 3624(e)); parole, too, is release.
* **a term the sentence states, with no period recorded** — a prison, probation or
  supervised-release term in ``convictions[].sentence`` that could still be running on the day
  (:func:`unrecorded_terms`) while the record has no custody or supervision period for that
  conviction: whether the person is in custody or on supervision that day is then unknown
  (``Verdict.unknown`` naming ``custody`` or ``supervision``, or ``review`` where the rule
  leaves the status itself to review), never taken as none. Probation is counted from the day
  the sentence was imposed ("commences on the day that the sentence of probation is imposed",
  18 U.S.C. 3564(a)); a prison term with no custody recorded for it could be running on any day
  from the sentencing, with no known end (it commences when the person is received in custody
  to serve it, 3585(a)); supervised release runs from the release (3624(e)), when the custody
  recorded for the conviction gives it.
* **under indictment** and **convicted** — in :mod:`secondchance.law.sba.charges` and
  :mod:`secondchance.law.sba.convictions`.

Each person's record is ``Subject.record``: their own, or the top-level one when they are
marked ``is_subject`` (field paths then have no ``business.people[i].record.`` prefix).

Facts unknown to the record give ``Verdict.unknown`` naming the field paths.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from secondchance.law.declarative import Verdict
from secondchance.law.early_termination import still_running
from secondchance.law.sba.charges import charge_pending, unrecorded_charges
from secondchance.law.sba.checks import Check, Subject, and3, any3, counts_have, words
from secondchance.law.sentence.projection import CITATION as PROJECTION_CITATION
from secondchance.law.sentence.projection import URL as PROJECTION_URL
from secondchance.law.sentence.projection import Projection
from secondchance.record.query import conviction_by_id, covers, sentenced_on
from secondchance.record.schema import (
    Conviction,
    CustodyKind,
    PersonRecord,
    SupervisionKind,
    SupervisionPeriod,
    _Span,
)
from secondchance.record.terms import Term
from secondchance.record.timeline import SERVING, timeline
from secondchance.record.unrecorded import release_from_custody, served, tolled_end
from secondchance.record.unrecorded import unrecorded_terms as shared_unrecorded

PRERELEASE = (CustodyKind.residential_reentry_center, CustodyKind.home_confinement)


def _span_facts(path: str, span: _Span) -> dict[str, Any]:
    return {f"{path}.start": span.start, f"{path}.end": span.end}


# --- custody ------------------------------------------------------------------------------------


def in_custody(
    s: Subject,
    *,
    rule: str,
    prerelease: Verdict = Verdict.bars,
    not_yet_in: Verdict = Verdict.review,
) -> list[Check]:
    """A custody period covering the day bars under a rule naming incarceration or a sentence
    of imprisonment; ``rule`` says in plain words what the rule bars. ``prerelease`` is the
    verdict for a re-entry centre or home confinement (``review`` where the text says only
    "incarcerated"). ``not_yet_in`` is the verdict for a prison term imposed by the day whose
    custody begins after it (:func:`imposed_not_begun`: ``review`` where the text names a
    sentence of imprisonment, ``clear`` where it says only "incarcerated")."""
    checks: list[Check] = []
    shared = timeline(s.record)
    for k, period in enumerate(s.record.custody):
        covered = shared.in_custody(k, s.day)
        if covered is False:
            continue
        path = f"{s.prefix}custody[{k}]"
        facts = {f"{path}.kind": period.kind, **_span_facts(path, period)}
        if covered is None:
            checks.append(
                Check(
                    Verdict.unknown,
                    f"{s.name} has a custody period ({words(period.kind)}) with no start date "
                    f"that may cover {s.day}.",
                    facts,
                    (f"{path}.start",),
                )
            )
            continue
        projected = _projected(s, k)
        if projected is not None and s.day > projected.release:
            checks.append(_released_by_projection(s, k, projected, facts))
            continue
        text = f"{s.name} is in custody ({words(period.kind)}) on {s.day}"
        if projected is not None:
            text += (
                f", with no custody end recorded: release projected for "
                f"{projected.release.isoformat()} ({_projection_words(projected)})"
            )
        if period.kind not in PRERELEASE:
            checks.append(Check(Verdict.bars, f"{text}; the rule bars {rule}.", facts))
            continue
        text += (
            " — prerelease custody, which is part of a term of imprisonment (18 U.S.C. 3624(c): "
            "a prisoner serving a term of imprisonment spends a portion of its final months in "
            "prerelease custody)"
        )
        if prerelease is Verdict.bars:
            checks.append(Check(Verdict.bars, f"{text}; the rule bars {rule}.", facts))
        else:
            checks.append(
                Check(
                    prerelease,
                    f"{text}. But this text's word is 'incarcerated', which it does not define "
                    "(it names no sentence of imprisonment), so whether a re-entry centre or "
                    "home confinement counts needs review.",
                    facts,
                )
            )
    if not_yet_in is not Verdict.clear:
        checks += imposed_not_begun(s, verdict=not_yet_in)
    return checks + unrecorded_custody(s, rule=rule)


def imposed_not_begun(s: Subject, *, verdict: Verdict) -> list[Check]:
    """A prison term imposed on or before the day whose custody (the custody that may serve it,
    pretrial detention apart) begins after it: the person is sentenced to imprisonment but not
    in custody on the day (voluntary surrender, release pending appeal). The shared reading
    decides whether custody for the term had begun (``Timeline.term_begun``: a start not
    recorded leaves it open, and :func:`in_custody` asks for it). A term of imprisonment
    commences when the defendant is received in custody (18 U.S.C. 3585(a)), but whether a
    person so sentenced is "serving a sentence of imprisonment imposed upon adjudication of
    guilty" the texts from 2024-05-30 do not say: ``verdict`` (``review``). With no custody
    serving the conviction, :func:`unrecorded_custody` asks for it instead."""
    checks: list[Check] = []
    shared = timeline(s.record)
    for i, conviction in enumerate(s.record.convictions):
        imposed = sentenced_on(conviction)
        term = shared.prison_term(i)
        if imposed is None or imposed > s.day or (term.term is None and not term.unknown_length):
            continue
        begun = shared.term_begun(i, s.day)
        if begun.begun is not False or begun.first is None:
            continue
        k, first = begun.first, s.record.custody[begun.first]
        path = f"{s.prefix}custody[{k}]"
        term_words = str(term.term) if term.term is not None else "a length not recorded"
        checks.append(
            Check(
                verdict,
                f"{s.name} was sentenced on {imposed} to imprisonment ({term_words}), and the "
                f"custody serving it begins on {first.start}, after {s.day}: on that day "
                f"{s.name} is sentenced to prison but not yet in custody (a voluntary "
                "surrender, or release pending appeal). A term of imprisonment commences when "
                "the defendant is received in custody (18 U.S.C. 3585(a)), but the rule does "
                "not say whether a person so sentenced is 'serving a sentence of imprisonment "
                "imposed upon adjudication of guilty', so this needs review.",
                {
                    f"{s.prefix}convictions[{i}].sentence.imposed_on": imposed,
                    f"{path}.kind": first.kind,
                    f"{path}.start": first.start,
                },
            )
        )
    return checks


def _projected(s: Subject, k: int) -> Projection | None:
    """The projected release (the shared timeline's) that stands for custody period ``k``'s
    missing end: only for federal service of the term projected, begun within it, with no end
    recorded."""
    period = s.record.custody[k]
    if period.end is not None or period.kind not in SERVING:
        return None
    found = timeline(s.record).projected_release(s.day)
    if not isinstance(found, Projection) or period.start is None:
        return None
    return found if _unbroken(s.record, period.start, found) else None


def _unbroken(record: PersonRecord, last: date, found: Projection) -> bool:
    """Custody has run without a break from the term's commencement to the open period's start
    ``last``: a release in between (a later return to custody, a revocation) makes the
    projection of the original term no measure of the open custody's end."""
    if not found.commenced <= last <= found.release:
        return False
    spans = sorted(
        (p.start, p.end)
        for p in record.custody
        if p.kind in SERVING and p.start is not None and found.commenced <= p.start <= last
    )
    reached = found.commenced
    for start, end in spans:
        if start > reached + timedelta(days=1):
            return False
        if end is None:
            return start == last
        reached = max(reached, end)
    return False


def _projection_words(p: Projection) -> str:
    return (
        f"a projection: the term of {p.term} commenced {p.commenced.isoformat()}, less the "
        "good conduct time the sentence computation allows, 18 U.S.C. 3624(b); no First Step "
        "Act time credits assumed"
    )


def _released_by_projection(
    s: Subject, k: int, projected: Projection, facts: dict[str, Any]
) -> Check:
    """Custody with no recorded end, past the projected release: a projection is not a
    release, so whether the custody has ended is unknown (never taken as ended)."""
    return Check(
        Verdict.unknown,
        f"{s.name}'s custody ({words(s.record.custody[k].kind)}) has no end recorded; release "
        f"was projected for {projected.release.isoformat()} ({_projection_words(projected)}), "
        f"before {s.day}, but whether it has happened is not recorded.",
        {**facts, "projected_release": projected.release.isoformat()},
        (f"{s.prefix}custody[{k}].end",),
        citation=PROJECTION_CITATION,
        url=PROJECTION_URL,
    )


def custody_without_conviction(s: Subject, *, rule: str) -> list[Check]:
    """Custody that ordinarily serves a sentence (any kind but pretrial detention), begun on or
    before the day, that the record links to no recorded conviction: a conviction lies behind
    it and may be a felony, so the answer turns on the link (``rule``: what a felony bars)."""
    return _without_conviction(
        s,
        "custody",
        CustodyKind.pretrial_detention,
        lambda kind: (
            f"{s.name} has been in custody ({words(kind)})",
            "Custody of this kind ordinarily serves a sentence after a conviction",
        ),
        rule,
    )


def _without_conviction(
    s: Subject,
    section: str,
    skip: object,
    said: Callable[[Any], tuple[str, str]],
    rule: str,
) -> list[Check]:
    """Periods of ``section`` (custody or supervision; not of kind ``skip``) begun on or before
    the day that the record links to no recorded conviction: unknown, naming the link."""
    checks: list[Check] = []
    for k, period in enumerate(getattr(s.record, section)):
        if period.kind is skip:
            continue
        if period.start is not None and period.start > s.day:
            continue
        if conviction_by_id(s.record, period.conviction_id) is not None:
            continue  # the linked conviction is tested by convicted_of_felony
        path = f"{s.prefix}{section}[{k}]"
        facts = {
            f"{path}.kind": period.kind,
            f"{path}.conviction_id": period.conviction_id,
            **_span_facts(path, period),
        }
        if period.conviction_id is None:
            what, missing = "links it to no conviction", f"{path}.conviction_id"
        else:
            what = f"links it to conviction '{period.conviction_id}', which the record lacks"
            missing = f"{s.prefix}convictions"
        status, follows = said(period.kind)
        checks.append(
            Check(
                Verdict.unknown,
                f"{status}; the record {what}. {follows}; if that conviction is for a felony, "
                f"{rule}.",
                facts,
                (missing,),
            )
        )
    return checks


def deferral_without_charge(s: Subject, *, rule: str) -> list[Check]:
    """A deferred-prosecution (pretrial diversion) period that may cover the day while the record
    has no charge pending on it: such an agreement defers the prosecution of a charge, which is
    often filed (by indictment or information) and held in abeyance while it runs, and may be an
    indictment for a felony; so the answer turns on the charge (``rule``: what such an
    indictment bars). A charge recorded as pending is judged by ``under_indictment``."""
    if any(charge_pending(c, s.day) is not False for c in s.record.pending_charges):
        return []
    checks: list[Check] = []
    for k, period in enumerate(s.record.supervision):
        if period.kind is not SupervisionKind.deferred_prosecution:
            continue
        if covers(period, s.day) is False:
            continue
        path = f"{s.prefix}supervision[{k}]"
        checks.append(
            Check(
                Verdict.unknown,
                f"{s.name} is (or may be) under a deferred prosecution (pretrial diversion) "
                f"agreement on {s.day}, and the record has no charge pending on that day: the "
                "agreement defers the prosecution of a charge, often filed and held in abeyance "
                f"while it runs; if that charge is an indictment for a felony, {rule}. Record "
                "the charge (its instrument and whether it is a felony) to decide.",
                {f"{path}.kind": period.kind, **_span_facts(path, period)},
                (f"{s.prefix}pending_charges",),
            )
        )
    return checks


def supervision_without_conviction(s: Subject, *, rule: str) -> list[Check]:
    """Probation, parole or supervised release begun on or before the day that the record links
    to no recorded conviction: each follows a conviction, which may be a felony, so the answer
    turns on the link (``rule``: what a felony bars). Deferred prosecution follows none."""
    return _without_conviction(
        s,
        "supervision",
        SupervisionKind.deferred_prosecution,
        lambda kind: (
            f"{s.name} has been on {words(kind)}",
            f"{words(kind).capitalize()} follows a conviction",
        ),
        rule,
    )


# --- terms a sentence states, with no period recorded for them ------------------------------------


@dataclass(frozen=True)
class Unrecorded:
    """A term the sentence of conviction ``index`` states that could be running on the day, with
    no custody (``kind`` None) or supervision period recorded for that conviction."""

    index: int
    kind: SupervisionKind | None
    term: Term | None  # None: a prison term of unknown length
    since: str  # when it runs from, in words ('from the sentencing on 2024-01-15')
    facts: dict[str, Any]
    why: str | None = None  # why its start or end is not known (the shared reading's)
    missing: tuple[str, ...] = ()  # the facts that would decide it, with the prefix
    unsentenced: bool = False  # the conviction has no sentence recorded (kind not known)


def unrecorded_terms(s: Subject) -> list[Unrecorded]:
    """Terms stated in the sentences of ``s``'s record that could be running on the day with no
    custody or supervision period recorded for their conviction: the shared reading
    (:func:`secondchance.record.unrecorded.unrecorded_terms`), in words and facts."""
    found: list[Unrecorded] = []
    for u in shared_unrecorded(s.record, s.day):
        conviction = s.record.convictions[u.index]
        sentence = conviction.sentence
        missing = tuple(f"{s.prefix}{m}" for m in u.missing)
        if sentence is None:  # no sentence recorded: of a kind, and from a day, not known
            facts0: dict[str, Any] = {
                f"{s.prefix}convictions[{u.index}].conviction_date": conviction.conviction_date,
                f"{s.prefix}{u.path}": None,
            }
            since = "with no sentence recorded"
            if u.start is not None:  # custody recorded: supervision after the release
                since = f"from the release on {u.start}"
            found.append(Unrecorded(u.index, u.kind, None, since, facts0, u.why, missing, True))
            continue
        imposed = sentence.imposed_on or conviction.sentencing_date
        facts: dict[str, Any] = {
            f"{s.prefix}convictions[{u.index}].sentence.imposed_on": sentence.imposed_on,
            f"{s.prefix}{u.path}": str(u.term) if u.term else "length unknown",
        }
        if u.kind is None:  # a commutation releasing before its grant leaves the term open
            for j, c in enumerate(sentence.commutations):
                if c.new_release_date is not None and c.new_release_date < c.granted_on:
                    at = f"{s.prefix}convictions[{u.index}].sentence.commutations[{j}]"
                    facts[f"{at}.granted_on"] = c.granted_on.isoformat()
                    facts[f"{at}.new_release_date"] = c.new_release_date.isoformat()
        if u.kind is SupervisionKind.supervised_release:
            release = u.start
            since = f"from the release on {release}" if release else "from a release not recorded"
        elif u.start is None and u.why:
            since = (
                f"imposed on {imposed}, starting on a day the record does not give"
                if imposed
                else "from a day the record does not give"
            )
        else:
            since = (
                f"from the sentencing on {imposed}" if imposed else "from a sentencing not recorded"
            )
        found.append(Unrecorded(u.index, u.kind, u.term, since, facts, u.why, missing))
    return found


def sentence_term_ends(record: PersonRecord) -> list[tuple[date | None, str]]:
    """The days on which a term a sentence states (:func:`unrecorded_terms`) begins or is over,
    counted as there: the sentencing, the day after a probation term counted from it, and the
    day after a supervised-release term counted from the recorded release. A prison term with
    no custody recorded has no end to count (it commences on a day not recorded, 18 U.S.C.
    3585(a)); with custody, its days are the custody's."""
    points: list[tuple[date | None, str]] = []
    for conviction in record.convictions:
        sentence = conviction.sentence
        if sentence is None:
            continue
        imposed = sentence.imposed_on or conviction.sentencing_date
        if imposed is not None:
            points.append((imposed, "the sentencing"))
            if sentence.probation is not None:
                end = tolled_end(record, imposed, sentence.probation)
                points.append((end, "the end of the probation term"))
        # the release as read before and on each commutation's grant (it may set the release)
        grants = sorted({c.granted_on for c in sentence.commutations})
        days = [g - timedelta(days=1) for g in grants] + grants
        releases = {release_from_custody(record, conviction, d) for d in days or [date.min]}
        for release in sorted(r for r in releases if r is not None):
            if sentence.supervised_release is not None:
                end = tolled_end(record, release, sentence.supervised_release)
                points.append((end, "the end of the supervised release term"))
    return points


def _unrecorded_words(s: Subject, u: Unrecorded) -> str:
    conviction = s.record.convictions[u.index]
    name = f"conviction '{conviction.id}'" if conviction.id else f"convictions[{u.index}]"
    why = f" ({u.why})" if u.why else ""
    if u.unsentenced and u.kind is not None:
        return (
            f"{s.name}'s {name} has no sentence recorded, and the record has no supervision "
            f"period for it: whether {s.name} is on supervised release or parole for it "
            f"({u.since}) on {s.day} is not recorded"
        )
    if u.unsentenced:
        return (
            f"{s.name}'s {name} has no sentence recorded, and the record has no custody or "
            f"supervision period for it: whether {s.name} is in custody (or on probation, "
            f"parole or supervised release) for it on {s.day} is not recorded"
        )
    if u.kind is None:
        what = f"a prison term of {u.term}" if u.term is not None else "a prison term"
        part = "all of " if served(s.record, conviction) else ""
        return (
            f"{s.name}'s sentence on {name} includes {what} ({u.since}), and the record has no "
            f"custody period for {part}it{why}: whether {s.name} is in "
            f"custody on {s.day} is not "
            "recorded"
        )
    kind = words(u.kind)
    term = str(u.term) if u.term is not None else "a term not recorded"
    return (
        f"{s.name}'s sentence on {name} includes {term} of {kind} ({u.since}), and the "
        f"record has no {kind} period for it{why}: whether {s.name} is on {kind} on {s.day} is "
        "not recorded"
    )


def unrecorded_custody(s: Subject, *, rule: str) -> list[Check]:
    """A prison term the sentence states that could be running on the day, with no custody
    recorded for its conviction: whether the person is in custody is unknown (``rule``: what
    custody bars)."""
    return [
        Check(
            Verdict.unknown,
            f"{_unrecorded_words(s, u)}. If {s.name} is"
            + (
                f" in custody, the rule bars {rule}. Record the sentence, and any custody "
                "serving it (its start and end), to decide."
                if u.unsentenced
                else f", the rule bars {rule}. Record the custody (its start and end) to decide."
            ),
            u.facts,
            (f"{s.prefix}custody", *u.missing, *(k for k in u.facts if ".commutations[" in k)),
        )
        for u in unrecorded_terms(s)
        if u.kind is None
    ]


# --- supervision --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OffenseCondition:
    """Supervision counts only for some offenses: when any count of the supervised conviction
    has one of ``any_of``, or, in a child care business, one of ``child_care_any_of``; it then
    gives ``verdict`` (``bars``, or ``review`` where the text does not name the kind)."""

    any_of: tuple[str, ...] = ()
    child_care_any_of: tuple[str, ...] = ()
    description: str = ""
    verdict: Verdict = Verdict.bars


SupervisionRule = Verdict | OffenseCondition

NOT_NAMED_SUPERVISION: Mapping[SupervisionKind, SupervisionRule] = {
    kind: Verdict.clear for kind in SupervisionKind
}
"""For a rule that names no kind of supervision: none is a bar (none is imprisonment)."""


def _supervised_offense(
    s: Subject, k: int, period: SupervisionPeriod, cond: OffenseCondition
) -> tuple[bool | None, dict[str, Any], list[str]]:
    conviction = conviction_by_id(s.record, period.conviction_id)
    link = f"{s.prefix}supervision[{k}].conviction_id"
    hit, facts, missing = _offense_of(s, conviction, link, cond)
    if conviction is not None:
        facts[link] = conviction.id
    return hit, facts, missing


def _offense_of(
    s: Subject, conviction: Conviction | None, link: str, cond: OffenseCondition
) -> tuple[bool | None, dict[str, Any], list[str]]:
    """Whether the supervised ``conviction`` meets ``cond`` (None: unknown, with the fields;
    no conviction: ``link``, the field that would name it, is missing)."""
    child_care = s.business.child_care if cond.child_care_any_of else False
    facts: dict[str, Any] = {"business.child_care": child_care} if cond.child_care_any_of else {}
    if not cond.any_of and child_care is False:
        return False, facts, []  # only a child care business is concerned, and this is not one
    if conviction is None:
        return None, facts, [link] + (["business.child_care"] if child_care is None else [])
    ci = s.record.convictions.index(conviction)
    cpath = f"{s.prefix}convictions[{ci}]"
    general, missing = counts_have(conviction.counts, cond.any_of, cpath)
    children, missing_children = counts_have(conviction.counts, cond.child_care_any_of, cpath)
    via_children = and3(child_care, children)
    result = any3([general, via_children])
    if result is not None:
        return result, facts, []
    if via_children is None and child_care is None:
        missing.append("business.child_care")
    if via_children is None:
        missing.extend(missing_children)
    return None, facts, missing


def on_supervision(
    s: Subject, *, kinds: Mapping[SupervisionKind, SupervisionRule], say: Mapping[Verdict, str]
) -> list[Check]:
    """A supervision period covering the day, judged per kind: a fixed verdict, or a verdict
    that depends on the supervised offense. ``say`` gives, per verdict, the rule's words (with
    ``{kind}`` filled in); kinds not in ``kinds`` are not mentioned by the rule."""
    checks: list[Check] = []
    for k, period in enumerate(s.record.supervision):
        covered = covers(period, s.day)
        if period.kind not in kinds:
            continue
        if covered is False:
            checks += _may_still_run(s, k, kinds[period.kind], say)
            continue
        path = f"{s.prefix}supervision[{k}]"
        facts: dict[str, Any] = {f"{path}.kind": period.kind, **_span_facts(path, period)}
        kind = words(period.kind)
        if covered is None:
            checks.append(
                Check(
                    Verdict.unknown,
                    f"{s.name} has a {kind} period with no start date that may cover {s.day}.",
                    facts,
                    (f"{path}.start",),
                )
            )
            continue
        rule = kinds[period.kind]
        missing: list[str] = []
        if isinstance(rule, OffenseCondition):
            hit, more, missing = _supervised_offense(s, k, period, rule)
            facts.update(more)
            verdict = {True: rule.verdict, False: Verdict.clear, None: Verdict.unknown}[hit]
            tail = rule.description
        else:
            verdict, tail = rule, ""
        text = f"{s.name} is on {kind} on {s.day}; " + say[verdict].format(kind=kind)
        if tail:
            text = text.rstrip(".") + f" ({tail})."
        checks.append(Check(verdict, text, facts, tuple(missing)))
    return checks + _unrecorded_supervision(s, kinds=kinds, say=say)


def _may_still_run(
    s: Subject, k: int, rule: SupervisionRule, say: Mapping[Verdict, str]
) -> list[Check]:
    """Supervision period ``k``, over by its recorded end, when that end is an early
    termination sooner than the law allows (``law.early_termination``) and it may still run on
    the day: judged as that supervision would be, and for review unless the rule clears it
    either way."""
    doubt = still_running(s.record, k, s.day)
    if doubt is None:
        return []
    period = s.record.supervision[k]
    path = f"{s.prefix}supervision[{k}]"
    facts: dict[str, Any] = {
        f"{path}.kind": period.kind,
        **_span_facts(path, period),
        f"{path}.ended_early": True,
    }
    if isinstance(rule, OffenseCondition):
        hit, more, _ = _supervised_offense(s, k, period, rule)
        facts.update(more)
        verdict = {True: rule.verdict, False: Verdict.clear, None: Verdict.unknown}[hit]
    else:
        verdict = rule
    if verdict is Verdict.clear:
        return []
    kind = words(period.kind)
    text = f"{s.name} may still be on {kind} on {s.day}: {doubt.why(s.prefix)}. If so, " + say[
        verdict
    ].format(kind=kind)
    return [Check(Verdict.review, text, facts)]


def _unrecorded_supervision(
    s: Subject, *, kinds: Mapping[SupervisionKind, SupervisionRule], say: Mapping[Verdict, str]
) -> list[Check]:
    """A probation or supervised-release term the sentence states that could be running on the
    day, with no supervision period recorded for its conviction: judged as that supervision
    would be, except that a bar becomes unknown (whether it is running is not recorded); a
    status the rule leaves to review stays review."""
    checks: list[Check] = []
    for u in unrecorded_terms(s):
        if u.kind is None:
            continue
        # with no sentence recorded, the supervision after custody may be parole or
        # supervised release: judged as the graver of the two
        possible = (SupervisionKind.parole, u.kind) if u.unsentenced else (u.kind,)
        judged = [_judge(s, u, kinds[k]) for k in possible if k in kinds]
        if not judged:
            continue
        verdict, facts, missing, tail = max(judged, key=lambda j: _GRAVITY.index(j[0]))
        if verdict is Verdict.clear:
            continue
        kind = "supervised release or parole" if u.unsentenced else words(u.kind)
        text = f"{_unrecorded_words(s, u)}. If {s.name} is, " + say[verdict].format(kind=kind)
        if tail:
            text = text.rstrip(".") + f" ({tail})."
        if verdict is Verdict.review:
            text += f" Recording the {kind} period (its start and end) may settle it."
            checks.append(Check(Verdict.review, text, facts))
            continue
        text += f" Record the {kind} period (its start and end) to decide."
        needed = (f"{s.prefix}supervision", *u.missing, *missing)
        checks.append(Check(Verdict.unknown, text, facts, needed))
    return checks


_GRAVITY = (Verdict.clear, Verdict.review, Verdict.unknown, Verdict.bars)
"""Verdicts from the mildest to the gravest."""


def _judge(
    s: Subject, u: Unrecorded, rule: SupervisionRule
) -> tuple[Verdict, dict[str, Any], list[str], str]:
    """How ``rule`` judges the supervision ``u`` could be: (verdict, facts, missing, tail)."""
    facts = dict(u.facts)
    if not isinstance(rule, OffenseCondition):
        return rule, facts, [], ""
    conviction = s.record.convictions[u.index]
    hit, more, missing = _offense_of(s, conviction, f"{s.prefix}convictions", rule)
    facts.update(more)
    verdict = {True: rule.verdict, False: Verdict.clear, None: Verdict.unknown}[hit]
    return verdict, facts, missing, rule.description


# --- any status, for a rule whose text is missing -------------------------------------------------


def any_status_for_review(s: Subject, *, gap: str) -> list[Check]:
    """Where the rule text in force is not known: any custody, supervision or pending charge
    on the day needs review (naming the gap), as does a term the sentence states that may be
    running with no period recorded (:func:`unrecorded_terms`) or a charge the record shows may
    have been pending without recording it (:func:`~secondchance.law.sba.charges.
    unrecorded_charges`); none of them, and every reading found agrees."""
    found: list[tuple[str, dict[str, Any]]] = []
    shared = timeline(s.record)
    for k, custody in enumerate(s.record.custody):
        if shared.in_custody(k, s.day) is not False:
            path = f"{s.prefix}custody[{k}]"
            found.append((f"in custody ({words(custody.kind)})", _span_facts(path, custody)))
    for k, period in enumerate(s.record.supervision):
        path = f"{s.prefix}supervision[{k}]"
        if covers(period, s.day) is not False:
            found.append((f"on {words(period.kind)}", _span_facts(path, period)))
        elif (doubt := still_running(s.record, k, s.day)) is not None:
            found.append(
                (
                    f"possibly still on {words(period.kind)} ({doubt.why(s.prefix)})",
                    _span_facts(path, period),
                )
            )
    for u in unrecorded_terms(s):
        if u.unsentenced:
            found.append(
                (
                    "possibly on supervised release or parole (a conviction with no sentence "
                    f"recorded, released {u.since.removeprefix('from the release ')} from the "
                    "custody recorded for it, and no supervision period recorded for it)"
                    if u.kind is not None
                    else "possibly in custody or on supervision (a conviction with no sentence "
                    "recorded, and no custody or supervision period recorded for it)",
                    u.facts,
                )
            )
            continue
        what = words(u.kind) if u.kind is not None else "in custody"
        found.append(
            (
                f"possibly {'on ' if u.kind is not None else ''}{what} (a term the sentence "
                f"states, {u.since}, with no period recorded for it)",
                u.facts,
            )
        )
    for k, charge in enumerate(s.record.pending_charges):
        if charge_pending(charge, s.day) is not False:
            path = f"{s.prefix}pending_charges[{k}]"
            found.append(
                (
                    f"facing a pending charge by {words(charge.instrument)}",
                    {
                        f"{path}.filed_on": charge.filed_on,
                        f"{path}.resolved_on": charge.resolved_on,
                    },
                )
            )
    for shown in unrecorded_charges(s.record, s.day):
        found.append(
            (
                f"possibly facing a charge not recorded ({s.name} {shown.shows})",
                {f"{s.prefix}{key}": v for key, v in shown.facts.items()},
            )
        )
    return [
        Check(
            Verdict.review,
            f"{s.name} is {what} on {s.day}; {gap}, so whether this bars the loan needs review.",
            facts,
        )
        for what, facts in found
    ]
