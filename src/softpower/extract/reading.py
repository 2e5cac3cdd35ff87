"""The reading view of a document: the text the rules and models read, mapped back to the stored text.

Web and PDF copies carry characters a reader does not see but a pattern does: a soft hyphen
inside "Philip\\u00adpines" (HTML ``&shy;``), a zero-width space or joiner inside a name, a bidi mark,
a ligature ("Paci\\ufb01c" from a PDF), or full-width forms ("\\uff35\\uff33\\uff04\\uff15" in text
typed on a Japanese keyboard); a file saved with Windows ("\\r\\n") or old Mac ("\\r") line ends breaks
lines where every step looks for "\\n". The extractor reads a view where invisible format characters
are dropped, compatibility forms folded (NFKC: ligatures to letters, full-width forms to ASCII), the
three letters a case-blind pattern takes for ASCII ones read as those ("\u017f", "\u0131", "\u0130") and
line ends read as "\\n", then maps every record's span back, so spans and quotes index into the
stored text unchanged.
A text with none of these characters is read as it is (one scan decides).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# soft hyphen; zero-width space, non-joiner, joiner; left-to-right and right-to-left marks;
# word joiner and invisible operators; bidi embeddings, overrides and isolates; a BOM inside the text
_DROP = "\u00ad\u200b-\u200f\u2060-\u2064\u202a-\u202e\u2066-\u2069\ufeff"
# Latin ligatures (ff, fi, fl, ffi, ffl, long st, st) and full-width ASCII forms
_FOLD = "\ufb00-\ufb06\uff01-\uff5e"
# the letters outside ASCII that a case-blind pattern matches to ASCII ones: the long s, the dotless i and
# the dotted capital I ("thou\u017fand", "m\u0131llion" match "thousand", "million", but no table has them)
_LETTERS = {"\u017f": "s", "\u0131": "i", "\u0130": "I"}
_SPECIAL = re.compile(f"[{_DROP}{_FOLD}{''.join(_LETTERS)}\\r]")
_LETTERS_TABLE = str.maketrans(_LETTERS)


def table_key(word: str) -> str:
    """The key a word matched case-blind has in a lower-case table ("Thou\u017fand" -> "thousand")."""
    return word.translate(_LETTERS_TABLE).lower()


_DROPPED = re.compile(f"[{_DROP}]")


@dataclass(frozen=True)
class ReadingView:
    """A reading of ``text``: ``origin[i]`` is the stored-text index of the view's character ``i``."""

    text: str
    origin: tuple[int, ...]

    def stored_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the stored text that the view's ``[start, end)`` was read from."""
        if end <= start:
            a = (
                self.origin[start]
                if start < len(self.origin)
                else (self.origin[-1] + 1 if self.origin else 0)
            )
            return a, a
        return self.origin[start], self.origin[end - 1] + 1

    def restore(self, records: list[dict[str, Any]], stored: str) -> list[dict[str, Any]]:
        """``records`` read from the view, with spans and quotes of the stored text."""
        for rec in records:
            a, b = self.stored_span(*rec["span"])
            rec["span"] = (a, b) if isinstance(rec["span"], tuple) else [a, b]
            rec["quote"] = stored[a:b]
        return records


def reading_view(text: str) -> ReadingView | None:
    """The reading view of ``text``, or ``None`` when the text reads as it is stored."""
    if _SPECIAL.search(text) is None:
        return None
    chars: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(text):
        i = m.start()
        chars.append(text[pos:i])
        origin.extend(range(pos, i))
        pos = i + 1
        if text[i] == "\r":  # a line end: "\r\n" is read as its "\n", a lone "\r" as "\n"
            if not text.startswith("\n", i + 1):
                chars.append("\n")
                origin.append(i)
        elif text[i] in _LETTERS:
            chars.append(_LETTERS[text[i]])
            origin.append(i)
        elif _DROPPED.match(text, i) is None:
            folded = unicodedata.normalize("NFKC", text[i])
            chars.append(folded)
            origin.extend([i] * len(folded))
    chars.append(text[pos:])
    origin.extend(range(pos, len(text)))
    return ReadingView("".join(chars), tuple(origin))
