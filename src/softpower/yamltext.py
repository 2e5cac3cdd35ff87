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
from yaml.composer import ComposerError

ALIAS_REFUSED = "an alias (*name) repeats another node"
#: What an error line expects instead of an alias.
PLAIN = "plain YAML with every value written out (no anchors or aliases)"


class _PlainLoader(yaml.SafeLoader):
    """PyYAML's safe loader that stops at the first alias."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise ComposerError(None, None, ALIAS_REFUSED, self.peek_event().start_mark)
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


def load(text: str) -> Any:
    """The data of YAML ``text`` (``yaml.YAMLError`` on bad YAML or an alias)."""
    return yaml.load(text, Loader=_PlainLoader)  # noqa: S506 - a SafeLoader subclass


def compose(text: str) -> yaml.Node | None:
    """The node tree of YAML ``text``, for line numbers (same refusals as :func:`load`)."""
    return yaml.compose(text, Loader=_PlainLoader)
