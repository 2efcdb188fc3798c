"""Resolve the words of one time expression to a TIMEX3 type and value.

Pure functions over lower-cased words, the anchor (publication) date and the clause tense, so
every rule can be unit-tested without spaCy. Calendar arithmetic uses dateutil's relativedelta.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from dateutil.relativedelta import relativedelta

from .timex_lexicon import lexicon

Tense = Literal["past", "present", "future"]
Resolution = tuple[str, str | None]  # (type, value); value None when it needs a missing anchor

_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$")
_CLOCK_AMPM = re.compile(r"^(\d{1,2})(?::(\d{2}))?(am|pm|a\.m\.|p\.m\.)$")
_ORDINAL_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
_DECADE = re.compile(r"^'?(\d{1,3})0'?s$")
_PERIOD = re.compile(r"^([qh])([1-4])$")
_HYPHENATED = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_DATE_UNITS = "YMWD"
_FRACTION_DOWN = {"Y": (12, "M"), "W": (7, "D"), "D": (24, "H"), "H": (60, "TM"), "TM": (60, "S")}
_UNIT_SCALE = {"F": (2, "W"), "DE": (10, "Y"), "CE": (100, "Y"), "ML": (1000, "Y"), "Q": (3, "M"), "N": (1, "D")}


@dataclass
class Parts:
    """What the words of an expression say, before any anchoring."""

    year: int | None = None
    bc: bool = False
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    decade: int | None = None
    century: int | None = None
    pod: str | None = None
    clock: tuple[int, int, int | None] | None = None
    ampm: int | None = None
    relative_day: int | None = None
    shift: int | None = None
    unit: str | None = None
    quantities: list[tuple[float | None, str]] = field(default_factory=list)
    direction: int | None = None
    is_set: bool = False
    set_value: str | None = None
    age: bool = False
    relative_modifier: bool = False
    vague_shift: str | None = None


def _compose(words: list[str]) -> float:
    """Sum number words, multiplying by "hundred"/"dozen": "one hundred twenty" -> 120."""
    numbers, total = lexicon()["numbers"], 0.0
    for w in words:
        value = float(w.replace(",", "")) if _NUMBER.match(w.replace(",", "")) else float(numbers[w])
        total = (total or 1) * value if w in ("hundred", "dozen") else total + value
    return total


def _number_value(run: list[str]) -> float:
    """Value of a number phrase: "two and a half" -> 2.5, "a quarter of a" -> 0.25, "a couple" -> 2."""
    total = 0.0
    for group in " ".join(w for w in run if w not in ("of", "-")).split(" and "):
        words = group.split()
        fractions = [w for w in words if w in ("half", "quarter", "quarters")]
        nums = [w for w in words if w not in ("a", "an", "half", "quarter", "quarters")]
        base = _compose(nums) if nums else 1.0
        for w in fractions:
            base *= 0.5 if w == "half" else 0.25
        total += base
    return total


def _number_run(words: list[str], i: int) -> tuple[float | None, int] | None:
    """Parse a (possibly vague or fractional) quantity starting at i: value (None = vague), end index."""
    lex = lexicon()
    numbers, vague = lex["numbers"], set(lex["vague_numbers"]) - {"recent", "coming"}
    j, run = i, []
    while j < len(words):
        w = words[j]
        if (_NUMBER.match(w.replace(",", "")) or w in numbers or w in vague or w == "quarters"
                or (run and w in ("and", "of", "-"))):
            run.append(w)
            j += 1
        else:
            break
    if not run or all(w in ("a", "an") for w in run):
        return (1.0, j) if run else None
    if any(w in vague for w in run):
        return None, j
    return _number_value(run), j


def parse(words: list[str]) -> Parts:
    """Collect the calendar fields, quantities and modifiers that the words express."""
    lex = lexicon()
    p = Parts()
    i, n = 0, len(words)
    while i < n:
        w, nxt = words[i], words[i + 1] if i + 1 < n else ""
        prev = words[i - 1] if i else ""
        if m := _ISO_DATE.match(w):
            p.year, p.month, p.day = (int(g) for g in m.groups())
        elif m := _SLASH_DATE.match(w):
            year = int(m.group(3))
            year += 2000 if year < 50 else 1900 if year < 100 else 0
            p.year, p.month, p.day = year, int(m.group(1)), int(m.group(2))
        elif m := _CLOCK_AMPM.match(w):
            p.clock, p.ampm = (int(m.group(1)), int(m.group(2) or 0), None), lex["am_pm"][m.group(3)]
        elif (m := _CLOCK.match(w)) and not (nxt in lex["units"] and "." in w):
            p.clock = (int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
        elif w in lex["am_pm"] and (p.clock or _NUMBER.match(prev)):
            p.ampm = lex["am_pm"][w]
            if not p.clock:
                p.clock = (int(float(prev)), 0, None)
                p.quantities.clear()
        elif w in lex["clock_words"] and not (w in lex["parts_of_day"] and prev in lex["shifts"]):
            h, mnt = lex["clock_words"][w].split(":")
            p.clock = (int(h), int(mnt), None)
        elif m := _DECADE.match(w):
            digits = m.group(1)
            p.decade = int(digits) if len(digits) == 3 else 190 + int(digits[0])
        elif m := _PERIOD.match(w):
            p.quarter = int(m.group(2)) if m.group(1) == "q" else None
            p.half = int(m.group(2)) if m.group(1) == "h" else None
        elif (m := _ORDINAL_DAY.match(w)) or w in lex["ordinals"]:
            value = int(m.group(1)) if m else lex["ordinals"][w]
            if nxt in ("century", "centuries"):
                p.century = value
            elif nxt in ("quarter", "quarters"):
                p.quarter = value if value > 0 else None
                i += 1
            elif m and 1 <= value <= 31:
                p.day = value
            elif w in lex["shifts"]:
                p.shift = lex["shifts"][w]
        elif w in lex["era_before"] and p.year is None and _NUMBER.match(prev):
            p.year, p.bc = int(prev), True
            p.quantities.clear()
        elif w in lex["era_after"] and _NUMBER.match(nxt):
            p.year = int(nxt)
            i += 1
        elif w in lex["months"] and not (w == "may" and p.month):
            p.month = lex["months"][w]
        elif w in lex["weekdays"]:
            p.weekday = lex["weekdays"][w]
        elif w in lex["seasons"]:
            p.season = lex["seasons"][w]
        elif w in lex["relative_days"]:
            p.relative_day = lex["relative_days"][w]
            if w == "tonight":
                p.pod = "NI"
        elif w in lex["set_words"]:
            p.is_set, p.set_value = True, lex["set_words"][w]
        elif w in lex["set_markers"] or w in lex["frequency_words"]:
            p.is_set = True
        elif w == "old" and p.quantities and p.quantities[-1][1] == "Y":
            p.age = True
        elif w in ("ago", "hence") or (w == "from" and nxt == "now"):
            p.direction = lex["directions"]["from now" if w == "from" else w]
            i += w == "from"
        elif w in lex["units"] and not (w in lex["parts_of_day"] and (p.weekday or p.relative_day is not None
                                                                      or p.shift is not None)):
            unit = lex["units"][w]
            if w in lex["plural_units"]:
                p.quantities.append((None, unit))
            else:
                p.unit = unit
        elif w in lex["parts_of_day"]:
            p.pod = lex["parts_of_day"][w]
        elif w in lex["shifts"]:
            p.shift = 0 if p.shift == 0 and w == "coming" else lex["shifts"][w]  # "this coming week"
            if w == "coming":
                p.vague_shift = "FUTURE_REF"
        elif w in lex["vague_plural_shift"]:
            p.vague_shift = lex["vague_plural_shift"][w]
        elif w in lex["relative_modifiers"]:
            p.relative_modifier = True
        elif (run := _number_run(words, i)) is not None:
            value, end = run
            unit_word = words[end] if end < n else ""
            if unit_word in lex["units"]:
                if words[end + 1:end + 4] == ["and", "a", "half"] and value is not None:
                    value, end = value + 0.5, end + 3
                p.quantities.append((value, lex["units"][unit_word]))
                i = end + 1
                continue
            if value is not None and end == i + 1 and _NUMBER.match(w):
                number = int(float(w))
                before_month = nxt in lex["months"] or (nxt == "of" and " ".join(words[i + 2:i + 3]) in lex["months"])
                if 1000 <= number <= 2999 or (p.month and number > 31):
                    p.year = number
                elif (p.month or before_month) and 1 <= number <= 31:
                    p.day = number
                elif nxt in lex["era_before"]:
                    pass
                else:
                    p.quantities.append((value, "?"))
            i = max(end, i + 1)
            continue
        i += 1
    if p.unit and p.quantities and p.quantities[-1][0] is None and p.quantities[-1][1] == p.unit:
        p.quantities.pop()
    return p


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def format_duration(quantities: list[tuple[float | None, str]]) -> str | None:
    """`[(2, "H"), (30, "TM")]` -> `PT2H30M`; a vague quantity gives `PX<unit>`."""
    if not quantities:
        return None
    totals: dict[str, float] = {}
    for value, unit in quantities:
        if unit == "?":
            return None
        if value is None:
            return _vague_duration(unit)
        scale, unit = _UNIT_SCALE.get(unit, (1, unit))
        value *= scale
        while not float(value).is_integer() and unit in _FRACTION_DOWN:
            factor, unit = _FRACTION_DOWN[unit]
            value *= factor
        totals[unit] = totals.get(unit, 0) + value
    date_part = "".join(f"{_fmt_number(totals[u])}{u}" for u in _DATE_UNITS if u in totals)
    time_part = "".join(f"{_fmt_number(totals[u])}{u[-1]}" for u in ("H", "TM", "S") if u in totals)
    if "WE" in totals:
        date_part += f"{_fmt_number(totals['WE'])}WE"
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def _vague_duration(unit: str) -> str:
    if unit in ("H", "TM", "S"):
        return f"PTX{unit[-1]}"
    return "PX" + {"F": "W", "N": "D"}.get(unit, unit)


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _year_str(year: int, bc: bool = False) -> str:
    return f"BC{year:04d}" if bc else f"{year:04d}"


def shifted(anchor: dt.date, unit: str, amount: float) -> str | None:
    """The calendar period `amount` units away from the anchor, at that unit's granularity."""
    n = int(amount)
    scale, base = _UNIT_SCALE.get(unit, (1, unit))
    if unit == "DE":
        return str((anchor.year + 10 * n) // 10)
    if unit == "CE":
        return f"{(anchor.year + 100 * n) // 100:02d}"
    if unit == "Q":
        quarter = (anchor.month - 1) // 3 + n
        return f"{anchor.year + quarter // 4}-Q{quarter % 4 + 1}"
    if unit == "WE":
        return iso_week(anchor + relativedelta(weeks=n)) + "-WE"
    if base == "Y":
        return _year_str(anchor.year + n * scale)
    if base == "M":
        return (anchor + relativedelta(months=n * scale)).strftime("%Y-%m")
    if base == "W":
        return iso_week(anchor + relativedelta(weeks=n * scale))
    if base in ("D", "N"):
        return (anchor + relativedelta(days=n)).isoformat()
    if base in ("H", "TM", "S"):
        return anchor.isoformat()
    return None


def resolve_weekday(anchor: dt.date, weekday: int, tense: Tense, shift: int | None = None) -> dt.date:
    """Weekday (1 = Monday) nearest the anchor that fits the tense; past/future include the anchor day."""
    delta = weekday - anchor.isoweekday()
    if shift == 0:
        return anchor + relativedelta(days=delta)
    back = anchor - relativedelta(days=(-delta) % 7 or (7 if shift == -1 else 0))
    ahead = anchor + relativedelta(days=delta % 7 or (7 if shift == 1 else 0))
    if shift == -1 or (shift is None and tense == "past"):
        return back
    if shift == 1 or (shift is None and tense == "future"):
        return ahead
    return back if (anchor - back) <= (ahead - anchor) else ahead


def _month_year(anchor: dt.date, month: int, tense: Tense, shift: int | None) -> int:
    """Year of a bare month: past = on or before the anchor month, future = on or after, else nearest."""
    if shift == 0:
        return anchor.year
    if shift == -1:
        return anchor.year if month < anchor.month else anchor.year - 1
    if shift == 1:
        return anchor.year if month > anchor.month else anchor.year + 1
    if tense == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if tense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    diff = month - anchor.month
    return anchor.year + (1 if diff < -6 else -1 if diff >= 6 else 0)


def resolve_month_day(anchor: dt.date, month: int, day: int, tense: Tense) -> dt.date | None:
    """Month and day without a year: the anchor's year unless the tense puts it a year away."""
    try:
        candidate = dt.date(anchor.year, month, day)
    except ValueError:
        return None
    gap = (candidate - anchor).days
    year = anchor.year
    if (tense == "past" and gap > 31) or (tense != "future" and gap > 183):
        year -= 1
    elif (tense == "future" and gap < -31) or (tense != "past" and gap < -183):
        year += 1
    try:
        return candidate.replace(year=year)
    except ValueError:
        return None


def _season_year(anchor: dt.date, season: str, tense: Tense, shift: int | None) -> int:
    """Year of a season instance (winter belongs to the year it starts in)."""
    start, end = lexicon()["season_months"][season]
    length = (end - start) % 12
    now = anchor.year * 12 + anchor.month - 1
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    spans = {y: (y * 12 + start - 1, y * 12 + start - 1 + length) for y in years}
    if shift == -1:
        return max(y for y in years if spans[y][1] < now)
    if shift == 1:
        return min(y for y in years if spans[y][0] > now)
    if tense == "past":
        return max(y for y in years if spans[y][0] <= now)
    if tense == "future":
        return min(y for y in years if spans[y][1] >= now)
    return min(years, key=lambda y: (0 if spans[y][0] <= now <= spans[y][1] else
                                     min(abs(spans[y][0] - now), abs(spans[y][1] - now)), -y))


def _with_time(day: str, p: Parts) -> Resolution:
    if p.clock:
        hour, minute, _ = p.clock
        if p.ampm is not None:
            hour = hour % 12 + p.ampm
        return "TIME", f"{day}T{hour:02d}:{minute:02d}"
    if p.pod:
        return "TIME", f"{day}T{p.pod}"
    return "DATE", day


@lru_cache(maxsize=4096)
def read(words: tuple[str, ...]) -> tuple[Resolution | None, Parts | None]:
    """What the words alone say: the value of a vague phrase ("the past"), else their Parts.

    Cached because the same phrases recur in every article; the Parts are shared, so nothing
    may change them."""
    words = [part for w in words for part in (
        w.lower().replace("-", " - ").split() if _HYPHENATED.match(w.lower()) else [w.lower()])]
    vague = lexicon()["vague"]
    phrase = " ".join(words)
    for text in (phrase, " ".join(words[1:]) if words and words[0] == "the" else None):
        if text in vague:
            return ("DATE", vague[text]), None
    return None, parse(words)


LOOKBACK_WORDS = frozenset({"past"})
LOOKBACK_UNITS = frozenset({"Y", "M", "W", "DE", "CE"})
""""the past year": the period up to now (TIMEX3 DURATION P1Y), unlike "last year", the calendar
year before (DATE). "the last week" stays a DATE: TimeML annotators read it as the week before
(TempEval-3 platinum)."""


def resolve(words: list[str], anchor: dt.date | None, tense: Tense | Callable[[], Tense] = "present",
            day: dt.date | None = None) -> Resolution | None:
    """TIMEX3 (type, value) for an expression's words; None if they are not a time expression.

    `anchor` is the publication date; `day` is a date the context attaches to a clock time.
    `tense` may be a function, called only for the expressions that need it (bare months,
    weekdays, seasons, quarters), since finding a clause's tense costs more than most resolutions.
    """
    vague, p = read(tuple(words))
    if p is None:
        return vague
    if p.is_set:
        return _resolve_set(p)
    if p.age and p.quantities:
        return "DURATION", format_duration(p.quantities[-1:])
    if p.clock and p.clock[2] is not None and p.ampm is None and not (p.weekday or p.month):
        h, m, s = p.clock
        return "DURATION", f"PT{h}H{m}M{s}S" if h else f"PT{m}M{s}S"
    calendar = (p.year, p.month, p.day, p.weekday, p.relative_day, p.season)
    only_vague_quantities = all(v is None for v, _ in p.quantities) and any(f is not None for f in calendar)
    if p.quantities and not only_vague_quantities and not p.clock:
        return _resolve_quantity(p, anchor)
    if p.decade is not None:
        return "DATE", str(p.decade)
    if p.century is not None:
        return "DATE", f"{p.century - 1:02d}"
    if p.year is not None:
        return _resolve_year(p)
    if anchor is None:
        has_content = any((p.month, p.weekday, p.season, p.quarter, p.clock, p.pod, p.unit))
        kind = "TIME" if p.clock or p.pod else "DATE"
        return (kind, None) if has_content or p.relative_day is not None else None
    if p.relative_day is not None:
        return _with_time((anchor + relativedelta(days=p.relative_day)).isoformat(), p)
    if callable(tense) and any(f is not None for f in (p.month, p.weekday, p.season, p.quarter)):
        tense = tense()
    if p.month is not None:
        if p.day is not None:
            date = resolve_month_day(anchor, p.month, p.day, tense)
            return _with_time(date.isoformat(), p) if date else None
        return "DATE", f"{_month_year(anchor, p.month, tense, p.shift)}-{p.month:02d}"
    if p.weekday is not None:
        return _with_time(resolve_weekday(anchor, p.weekday, tense, p.shift).isoformat(), p)
    if p.season is not None:
        return "DATE", f"{_season_year(anchor, p.season, tense, p.shift)}-{p.season}"
    if p.quarter is not None:
        quarter_now = (anchor.month - 1) // 3 + 1
        year = anchor.year - (tense == "past" and p.quarter > quarter_now)
        return "DATE", f"{year}-Q{p.quarter}"
    shift = p.shift if p.shift is not None else 0 if p.relative_modifier else None
    if p.unit and shift == -1 and words[0].lower() == "the" and words[1].lower() in LOOKBACK_WORDS \
            and p.unit in LOOKBACK_UNITS:
        return "DURATION", format_duration([(1, p.unit)])
    if p.unit and shift is not None:
        value = shifted(anchor, p.unit, shift)
        return ("DATE", value) if value else None
    if p.clock:
        return _with_time((day or anchor).isoformat(), p)
    if p.pod and p.shift is not None:
        base = anchor - relativedelta(days=1) if p.shift == -1 and p.pod == "NI" else anchor
        return "TIME", f"{base.isoformat()}T{p.pod}"
    return None


def _resolve_set(p: Parts) -> Resolution:
    if p.set_value:
        return "SET", p.set_value
    if p.weekday:
        return "SET", f"XXXX-WXX-{p.weekday}" + (f"T{p.pod}" if p.pod else "")
    if p.pod:
        return "SET", f"XXXX-XX-XXT{p.pod}"
    if p.month:
        return "SET", f"XXXX-{p.month:02d}"
    if p.season:
        return "SET", f"XXXX-{p.season}"
    if p.quantities and p.quantities[-1][0] is not None and p.quantities[-1][1] != "?":
        return "SET", format_duration(p.quantities[-1:])
    return "SET", format_duration([(1, p.unit)]) if p.unit else None


def _resolve_quantity(p: Parts, anchor: dt.date | None) -> Resolution | None:
    value, unit = p.quantities[-1]
    if p.direction is not None:
        if value is None or unit == "?":
            return "DATE", "PAST_REF" if p.direction < 0 else "FUTURE_REF"
        return "DATE", shifted(anchor, unit, p.direction * value) if anchor else None
    if value is None and p.vague_shift and len(p.quantities) == 1:
        return "DATE", p.vague_shift
    duration = format_duration(p.quantities)
    return ("DURATION", duration) if duration else None


def _resolve_year(p: Parts) -> Resolution:
    year = _year_str(p.year, p.bc)
    if p.month and p.day:
        return _with_time(f"{year}-{p.month:02d}-{p.day:02d}", p)
    if p.month:
        return "DATE", f"{year}-{p.month:02d}"
    if p.season:
        return "DATE", f"{year}-{p.season}"
    if p.quarter:
        return "DATE", f"{year}-Q{p.quarter}"
    if p.half:
        return "DATE", f"{year}-H{p.half}"
    return "DATE", year
