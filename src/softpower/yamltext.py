"""User YAML (scenario and framework files) read as plain data: aliases are refused.

An alias (``*name``) repeats an anchored node without copying it, so a file of a few hundred
bytes can stand for a structure of billions of items (the "billion laughs" file); whatever walks
it afterwards (validation, merging, line numbers) runs out of time and memory. Scenario and
framework files never need aliases, so the loader refuses the first one with its line, before
anything is built.
"""

from __future__ import annotations

from typing import Any

import yaml

from softpower.errors import InputError

ALIAS_REFUSED = "an alias (*name) repeats another node"
#: What an error line expects instead of an alias.
PLAIN = "plain YAML with every value written out (no anchors or aliases)"


class _Alias(yaml.YAMLError):
    """An alias met on 1-based ``line``."""

    def __init__(self, line: int) -> None:
        super().__init__(ALIAS_REFUSED)
        self.line = line


class _PlainLoader(yaml.SafeLoader):
    """PyYAML's safe loader that stops at the first alias."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise _Alias(self.peek_event().start_mark.line + 1)
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


def load(text: str, file: str) -> Any:
    """The data of YAML ``text``: an alias is an :class:`InputError` naming ``file`` and its
    line; other bad YAML raises ``yaml.YAMLError`` for the caller to word."""
    return load_with_nodes(text, file)[0]


def load_with_nodes(text: str, file: str) -> tuple[Any, yaml.Node | None]:
    """The data of YAML ``text`` and its node tree (for line numbers), parsed once; the same
    refusals as :func:`load`."""
    loader = _PlainLoader(text)
    try:
        node = loader.get_single_node()
        return (None if node is None else loader.construct_document(node)), node
    except _Alias as exc:
        raise InputError(file, exc.line, None, ALIAS_REFUSED, PLAIN) from None
    finally:
        loader.dispose()  # type: ignore[no-untyped-call]
