"""Large rule alternations matched through the alternatives that can start with the character at hand.

Python's regular-expression engine tries every alternative of ``A|B|C|...`` at every position it
scans. A cue table of a few hundred alternatives behind a word-start guard therefore costs a few
hundred failed attempts at each word of a sentence, although only the alternatives whose first
character can be that word's first letter can match there.

:class:`FirstCharAlternation` keeps the exact semantics of
``re.compile(guard + "(?:(?P<n0>p0)|(?P<n1>p1)|...)", flags).finditer(text, start, end)`` (leftmost
match, first alternative in table order wins, the scan resumes after a match) and changes only the
work done: each row pattern is split into its top-level alternatives, the set of ASCII characters
each alternative can start with is read from the parsed pattern (``re._parser``; a construct it
cannot bound counts as "any character"), and for every ASCII character one smaller regex holds, in
the original order, only the alternatives that can start with it. A position whose character is
not ASCII is matched with the full regex, so the result is the same on any text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any, ClassVar

_ASCII = frozenset(range(128))
_FLAG_MASK = re.IGNORECASE | re.ASCII | re.LOCALE | re.UNICODE | re.DOTALL


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (a ``|`` outside groups and classes splits).

    A pattern that is one group wrapping an alternation (``(?i:a|b)``, ``(?:a|b)``) is split inside
    the group, each piece keeping the group's opening (``(?i:a)``, ``(?i:b)``). Named groups are not
    split (their name must stay unique).
    """
    parts, start = [], 0
    for i, ch, depth in _structure(pattern, 0):
        if ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    if len(parts) > 1:
        return [leaf for part in parts for leaf in split_alternatives(part)]
    opener = _wrapping_group(pattern)
    if opener is not None:
        inner = split_alternatives(pattern[len(opener) : -1])
        if len(inner) > 1:
            return [opener + alt + ")" for alt in inner]
    # "\b(?:a|b)rest": a zero-width word boundary matches one way only, so trying a then b
    # is trying "\b(?:a)rest" then "\b(?:b)rest"
    lead = 0
    while pattern.startswith("\\b", lead):
        lead += 2
    if lead:
        group = _leading_group(pattern, lead)
        if group is not None:
            opener, close = group
            inner = split_alternatives(pattern[lead + len(opener) : close])
            if len(inner) > 1:
                head, tail = pattern[:lead], pattern[close + 1 :]
                return [leaf for alt in inner for leaf in split_alternatives(f"{head}{opener}{alt}){tail}")]
    return parts


def _structure(pattern: str, start: int) -> Iterator[tuple[int, str, int]]:
    """Each ``(``, ``)`` and ``|`` of ``pattern`` from ``start`` on that is neither escaped nor inside
    a character class: (index, character, group depth after it, counted from ``start``)."""
    depth, i = 0, start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch in "()|":
            yield i, ch, depth
        i += 1


def _class_end(pattern: str, i: int) -> int:
    """Index just past the character class opening at ``pattern[i] == "["``."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1  # a "]" first in a class is a literal
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


_OPENER = re.compile(r"\((?:\?(?:[aiLmsux]*(?:-[imsx]+)?:|:))?")


def _leading_group(pattern: str, at: int) -> tuple[str, int] | None:
    """(opening, index of the closing parenthesis) of a non-capturing group opening at ``pattern[at]``
    that no quantifier follows, or None."""
    m = _OPENER.match(pattern, at)
    if m is None or m.group() == "(":
        return None
    for i, ch, depth in _structure(pattern, at):
        if ch == ")" and depth == 0:
            if pattern[i + 1 : i + 2] in ("?", "*", "+", "{"):
                return None
            return m.group(), i
    return None


def _wrapping_group(pattern: str) -> str | None:
    """The opening of a non-capturing group that spans all of ``pattern`` (``(?i:``, ``(?:``), or None."""
    group = _leading_group(pattern, 0)
    return group[0] if group is not None and group[1] == len(pattern) - 1 else None


def _chars_matching(one_char_pattern: str, flags: int) -> frozenset[int]:
    rx = re.compile(one_char_pattern, flags & _FLAG_MASK)
    return frozenset(c for c in range(128) if rx.fullmatch(chr(c)))


_CATEGORY = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


def _class_chars(items: Sequence[tuple[Any, Any]], flags: int) -> frozenset[int]:
    """ASCII characters a parsed character class accepts (all of them when a part is not understood)."""
    body: list[str] = []
    for op, av in items:
        if op is _c.NEGATE:
            body.insert(0, "^")
        elif op is _c.LITERAL:
            body.append(re.escape(chr(av)))
        elif op is _c.RANGE:
            lo, hi = av
            body.append(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
        elif op is _c.CATEGORY and av in _CATEGORY:
            body.append(_CATEGORY[av])
        else:
            return _ASCII
    return _chars_matching("[" + "".join(body) + "]", flags)


def _first(items: Sequence[tuple[Any, Any]], flags: int) -> tuple[frozenset[int], bool]:
    """(ASCII characters a parsed sequence can start with, whether it can match the empty string)."""
    out: frozenset[int] = frozenset()
    for op, av in items:
        if op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
            continue  # zero width: the next item decides (a superset, never fewer characters)
        if op is _c.LITERAL:
            return out | _chars_matching(re.escape(chr(av)), flags), False
        if op is _c.IN:
            return out | _class_chars(av, flags), False
        if op is _c.SUBPATTERN:
            _group, add, delete, sub = av
            first, empty = _first(sub, (flags | add) & ~delete)
        elif op is _c.BRANCH:
            first, empty = frozenset(), False
            for alt in av[1]:
                f, e = _first(alt, flags)
                first, empty = first | f, empty or e
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
            lo, _hi, sub = av
            first, empty = _first(sub, flags)
            empty = empty or lo == 0
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            first, empty = _first(av, flags)
        else:  # any character, a back reference, ...: no bound
            return _ASCII, False
        out |= first
        if not empty:
            return out, False
    return out, True


def first_chars(pattern: str, flags: int = 0) -> frozenset[int]:
    """The ASCII code points a match of ``pattern`` can start with (all when the match may be empty)."""
    parsed = _p.parse(pattern, flags)
    first, empty = _first(list(parsed), parsed.state.flags)
    return _ASCII if empty else first


def _first_of_rest(items: Sequence[tuple[Any, Any, int]]) -> frozenset[int] | None:
    """ASCII characters the sequence of (op, av, flags) items can start with; None when it may be empty."""
    out: frozenset[int] = frozenset()
    for op, av, flags in items:
        first, empty = _first([(op, av)], flags)
        out |= first
        if not empty:
            return out
    return None


def _pairs(items: Sequence[tuple[Any, Any, int]]) -> dict[int, frozenset[int] | None] | None:
    """For the sequence of parsed (op, av, flags) items: each ASCII first character of a match, with
    the ASCII characters that can come second (None: any, or the match may end after one); None
    when the construct before the first character is not understood (every pair is possible)."""
    for i, (op, av, flags) in enumerate(items):
        if op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
            continue  # zero width: the next item decides (a superset, never fewer pairs)
        rest = items[i + 1 :]
        if op is _c.LITERAL or op is _c.IN:
            second = _first_of_rest(rest)
            return dict.fromkeys(_first([(op, av)], flags)[0], second)
        if op is _c.SUBPATTERN:
            _group, add, delete, sub = av
            inner = (flags | add) & ~delete
            return _pairs([(o, a, inner) for o, a in sub] + list(rest))
        if op is _c.BRANCH:
            return _union([_pairs([(o, a, flags) for o, a in alt] + list(rest)) for alt in av[1]])
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
            lo, hi, sub = av
            if _first(sub, flags)[1]:
                return None  # a body that may match nothing: not bounded here
            # one pass of the body, then at most hi - 1 more (as a repeat the next item reads), then the rest
            again = [(_c.MAX_REPEAT, (0, hi - 1, sub), flags)] if hi > 1 else []
            once = _pairs([(o, a, flags) for o, a in sub] + again + list(rest))
            return _union([once, _pairs(list(rest))]) if lo == 0 else once
        first, empty = _first([(op, av)], flags)
        return None if empty else dict.fromkeys(first, None)  # any other item: its first characters only
    return None


def _union(options: list[dict[int, frozenset[int] | None] | None]) -> dict[int, frozenset[int] | None] | None:
    """The pairs any of ``options`` allows (None when one of them is not bounded)."""
    out: dict[int, frozenset[int] | None] = {}
    for pairs in options:
        if pairs is None:
            return None
        for c, second in pairs.items():
            have = out.get(c, frozenset())
            out[c] = None if second is None or have is None else have | second
    return out


def first_pairs(pattern: str, flags: int = 0) -> dict[int, frozenset[int] | None] | None:
    """Each ASCII character a match of ``pattern`` can start with, mapped to the ASCII characters that
    can follow it (None: any character, or the match may end after one); None: not bounded.

    Read from the parsed pattern like :func:`first_chars`; every bound is a superset of what the
    pattern can match (zero-width items are skipped, a construct not understood allows everything).
    """
    parsed = _p.parse(pattern, flags)
    return _pairs([(op, av, parsed.state.flags) for op, av in parsed])


class FirstCharAlternation:
    """``guard(?:(?P<name>pattern)|...)`` over ``rows``, scanned through per-character sub-alternations.

    Parameters
    ----------
    rows : sequence of (name, pattern)
        Group names and patterns, in priority order (the first alternative that matches wins).
    guard : str
        A zero-width assertion every match must satisfy at its start (for example a word-start
        lookbehind); it is also used to find candidate positions.
    flags : int
        Flags of the whole regex.

    Attributes
    ----------
    full : re.Pattern
        The regex without the per-character split; :meth:`finditer` gives exactly its matches.
    """

    def __init__(self, rows: Sequence[tuple[str, str]], guard: str = "", flags: int = 0) -> None:
        self.full = re.compile(guard + "(?:" + "|".join(f"(?P<{n}>{p})" for n, p in rows) + ")", flags)
        self._flags = flags
        self._leaves: list[tuple[str, list[tuple[str, frozenset[int], Any, bool]]]] = []
        floating_words: set[str] = set()
        for name, pattern in rows:
            leaves = []
            for a in split_alternatives(pattern):
                first = first_chars(a, flags)
                # an alternative that can start at almost any word ("[A-Z]*(?:CEPA?|FTA|EPA)", "\w+n't")
                # but holds a literal word in every match: tried only up to the last place that word occurs
                words = required_words(re.compile(a, flags)) if len(first) > _FLOATING_FIRST else None
                if words is not None:
                    floating_words.update(words)
                leaves.append((a, first, first_pairs(a, flags), words is not None))
            self._leaves.append((name, leaves))
        #: the words of the floating alternatives (lower case): where none occurs at or after a position,
        #: no floating alternative can match there
        self._floating_words = tuple(sorted(floating_words))
        starts = sorted({c for _, alts in self._leaves for _, first, _, _ in alts for c in first})
        # compiled on first use: most documents meet only some first letters and pairs; [0] with the
        # floating alternatives, [1] without them
        self._by_char: tuple[dict[str, re.Pattern[str] | None], dict[str, re.Pattern[str] | None]] = ({}, {})
        self._by_pair: tuple[dict[str, re.Pattern[str] | None], dict[str, re.Pattern[str] | None]] = ({}, {})
        cls = "".join(re.escape(chr(c)) for c in starts)
        # candidate positions: the guard holds and the character can start a match (or is not ASCII)
        self._candidates = re.compile(guard + f"(?:[{cls}]|[^\\x00-\\x7f])", flags)
        # ... and, past the last floating word, the first two characters can start a fixed alternative
        fixed = [
            (first, pairs) for _, alts in self._leaves for _, first, pairs, floating in alts if not floating
        ]
        self._fixed_candidates = re.compile(guard + "(?-i:" + _pair_class(fixed) + ")", flags)

    def _for_char(self, ch: str, fixed: bool) -> re.Pattern[str] | None:
        """The alternation of the alternatives that can start with ``ch`` (None: none can); ``fixed``:
        without the floating alternatives."""
        if ord(ch) >= 128:
            return self.full
        rx = self._compile(lambda first, pairs: ord(ch) in first, fixed)
        self._by_char[fixed][ch] = rx
        return rx

    def _for_pair(self, two: str, fixed: bool) -> re.Pattern[str] | None:
        """The alternation of the alternatives that can start with the two ASCII characters ``two``."""
        c1, c2 = ord(two[0]), ord(two[1])

        def can(first: frozenset[int], pairs: dict[int, frozenset[int] | None] | None) -> bool:
            if c1 not in first:
                return False
            second = pairs.get(c1) if pairs is not None else None
            return second is None or c2 in second

        rx = self._compile(can, fixed)
        self._by_pair[fixed][two] = rx
        return rx

    def _compile(self, can: Callable[[frozenset[int], Any], bool], fixed: bool) -> re.Pattern[str] | None:
        """The alternation of the alternatives for which ``can(first characters, pairs)`` holds, in order
        (with ``fixed``, leaving out the floating ones)."""
        groups, absent = [], []
        for name, alts in self._leaves:
            keep = [a for a, first, pairs, floating in alts if can(first, pairs) and not (fixed and floating)]
            if keep:
                groups.append(f"(?P<{name}>{'|'.join(keep)})")
            else:
                absent.append(f"(?P<{name}>)")
        rx = None
        if groups:
            # the other groups exist (``m.group(name)`` is None, as with the full regex) but are never tried
            never = [f"(?!){''.join(absent)}"] if absent else []
            rx = re.compile("(?:" + "|".join(groups + never) + ")", self._flags)
        return rx

    def horizon(self, text: str, start: int, stop: int) -> int:
        """The last position of ``text[start:stop]`` at which a floating alternative can start: where
        the last of their words occurs (every match holds one of them, inside the match); ``start - 1``
        where none occurs; ``stop`` on text outside ASCII (where case-blind matching reaches beyond
        ``str.lower``)."""
        if not self._floating_words:
            return start - 1
        chunk = text[start:stop]
        if not chunk.isascii():
            return stop
        low = chunk.lower()
        last = -1
        for w in self._floating_words:
            i = low.rfind(w)
            if i > last:
                last = i
        return start + last

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The first match of :attr:`full` in ``text[start:end]``, or None."""
        return next(self.finditer(text, start, end), None)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """The matches of :attr:`full` in ``text[start:end]``, in order (same spans and groups)."""
        stop = len(text) if end is None else min(end, len(text))
        pos = start
        full = self.full
        # up to ``horizon`` every alternative may match; after it only the fixed ones (fewer candidate
        # positions, smaller sub-alternations), with the same matches: a floating one cannot match there
        horizon = self.horizon(text, start, stop)
        fixed = pos > horizon
        candidates = self._fixed_candidates if fixed else self._candidates
        by_char, by_pair = self._by_char[fixed], self._by_pair[fixed]
        while True:
            c = candidates.search(text, pos, stop)
            if c is None:
                return
            p = c.start()
            if not fixed and p > horizon:
                fixed = True
                candidates = self._fixed_candidates
                by_char, by_pair = self._by_char[True], self._by_pair[True]
            two = text[p : p + 2]
            if p + 1 < stop and two.isascii():  # the alternatives that can start with these two characters
                rx = by_pair[two] if two in by_pair else self._for_pair(two, fixed)
            else:
                ch = text[p]
                rx = by_char[ch] if ch in by_char else self._for_char(ch, fixed)
            m = rx.match(text, p, stop) if rx is not None else None
            if m is None or m.end() == p:
                if m is not None:  # an empty match: let the full regex decide, as finditer would
                    yield from full.finditer(text, p, stop)
                    return
                pos = p + 1
                continue
            yield m
            pos = m.end()


def _pair_class(alts: Sequence[tuple[frozenset[int], dict[int, frozenset[int] | None] | None]]) -> str:
    """A regex (case-exact: for ``(?-i:...)``) that matches at the positions whose first two
    characters some of ``alts`` (first characters, :func:`first_pairs`) can start with: an ASCII
    first character with an allowed second character, with one that is not ASCII or at the end of
    the window, or any character outside ASCII first."""
    seconds: dict[int, frozenset[int] | None] = {}
    for first, pairs in alts:
        for c in first:
            sec = pairs.get(c) if pairs is not None else None
            have = seconds.get(c, frozenset())
            seconds[c] = None if sec is None or have is None else have | sec
    pieces = []
    for c in sorted(seconds):
        sec = seconds[c]
        lead = re.escape(chr(c))
        if sec is None:
            pieces.append(lead)
        else:
            cls = "".join(re.escape(chr(x)) for x in sorted(sec))
            pieces.append(f"{lead}(?:[{cls}]|(?![\\x00-\\x7f]))" if cls else f"{lead}(?![\\x00-\\x7f])")
    pieces.append("[^\\x00-\\x7f]")
    return "(?:" + "|".join(pieces) + ")"


#: an alternative that can start with more ASCII characters than this is floating when its matches
#: hold a literal word (:func:`required_words`): it is tried only up to that word's last occurrence
_FLOATING_FIRST = 26


#: at most this many words in a derived literal gate (more would cost more than the scan they spare)
_MAX_WORDS = 40


def _folds_to_ascii(ch: str, flags: int) -> bool:
    """Whether the pattern character ``ch`` (not ASCII) can match an ASCII character under ``flags``."""
    rx = re.compile(re.escape(ch), flags & _FLAG_MASK)
    return any(rx.fullmatch(chr(c)) for c in range(128))


def _literal_set(op: Any, av: Any, flags: int) -> list[str] | None:
    """The strings one parsed item matches when it is a literal or a small class of literals."""
    if op is _c.LITERAL:
        chars = [chr(av)]
    elif op is _c.IN and 0 < len(av) <= 4 and all(o is _c.LITERAL for o, _ in av):
        chars = [chr(a) for _, a in av]
    else:
        return None
    out = []
    for ch in chars:
        if not ch.isascii() and _folds_to_ascii(ch, flags):
            return None  # "ſ" or the Kelvin sign under re.IGNORECASE: the lower-case test would miss it
        out.append(ch.lower())
    return out


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several sufficient word sets: shortest word of at least 5 characters
    (or the longest shortest word), then the fewest words, then the longest shortest word."""
    usable = [o for o in options if o and len(o) <= _MAX_WORDS]
    return max(usable, key=lambda o: (min(5, *map(len, o)), -len(o), min(map(len, o)))) if usable else None


def _required(items: Sequence[tuple[Any, Any]], flags: int) -> frozenset[str] | None:
    """Lower-case words of which every match of the parsed sequence ``items`` contains one, or None."""
    options: list[frozenset[str]] = []
    runs = [""]

    def flush() -> None:
        nonlocal runs
        if runs != [""]:
            options.append(frozenset(runs))
        runs = [""]

    for op, av in items:
        lits = _literal_set(op, av, flags)
        if lits is not None and len(runs) * len(lits) <= _MAX_WORDS:
            runs = [r + ch for r in runs for ch in lits]
            continue
        flush()
        if lits is not None:
            options.append(frozenset(lits))
            continue
        sub: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            _group, add, delete, inner = av
            sub = _required(inner, (flags | add) & ~delete)
        elif op is _c.BRANCH:
            alts = [_required(alt, flags) for alt in av[1]]
            if all(a is not None for a in alts):
                sub = frozenset().union(*alts)  # type: ignore[arg-type]
        elif (op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None)) and av[
            0
        ] >= 1:
            sub = _required(av[2], flags)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            sub = _required(av, flags)
        if sub is not None:
            options.append(sub)
    flush()
    return _best(options)


def required_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case words of which every match of ``pattern`` contains one (read from the parsed
    pattern: a run of literal characters, or for an alternation one such run per alternative;
    lookarounds and optional parts are never counted), or None when no such set is found.

    With these words :class:`LiteralGate` skips the scan of an ASCII span that holds none of them:
    a match's characters lie inside the span, and on ASCII text a literal matches case-blind only
    what its lower-case form finds in the lower-cased text (literals outside ASCII that fold to an
    ASCII character, such as "ſ", are never used).
    """
    found = _required(list(_p.parse(pattern.pattern, pattern.flags)), pattern.flags)
    return tuple(sorted(found)) if found is not None else None


class LiteralGate:
    """``pattern.search`` as a yes/no test, behind the literal pre-check of :func:`required_words`.

    ``gate.possible(text, start, end)`` is False only where ``pattern`` cannot match in
    ``text[start:end]`` (an ASCII span holding none of the words); ``gate(text, start, end)`` is
    ``pattern.search(text, start, end) is not None``. A pattern without derivable words is always
    scanned.
    """

    #: the span the gates read last and its lower-cased text (None: not ASCII), shared by every gate:
    #: the rules ask several gates about the same sentence in a row (one tuple, replaced whole: safe
    #: across threads)
    _last: ClassVar[tuple[Any, int, int, str | None]] = (None, -1, -1, None)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.words = required_words(pattern)

    def possible(self, text: str, start: int, end: int) -> bool:
        """False only when no match can lie in ``text[start:end]``."""
        words = self.words
        if words is None:
            return True
        last = LiteralGate._last
        if last[0] is text and last[1] == start and last[2] == end:
            low = last[3]
        else:
            chunk = text[start:end]
            low = chunk.lower() if chunk.isascii() else None
            LiteralGate._last = (text, start, end, low)
        if low is None:
            return True
        for w in words:  # noqa: SIM110 (a plain loop: cheaper than any() over a generator here)
            if w in low:
                return True
        return False

    def __call__(self, text: str, start: int, end: int) -> bool:
        return self.possible(text, start, end) and self.pattern.search(text, start, end) is not None
