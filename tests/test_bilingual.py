"""Every text a person reads exists in Dutch and in English (issue 12).

The package's texts are :class:`~integriteit.Text` values: message templates, labels, rule
titles, summaries and explanations, parameter notes. This test finds every one reachable from
the modules' names (dicts, tuples, attrs records such as rules and parameters, a few levels
deep) and from the registered rules, and fails on one that is empty in a language, identical
in both (unless the word is the same in both languages: the allow-list), or that uses a field
(``{name}``) in one language and not the other.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from typing import Any

import attrs

import integriteit
from integriteit.i18n import Text
from integriteit.plugins import default_registry

SAME_IN_BOTH = {
    "document",  # where a policy value was set (a word the document's reader knows)
    "week",
    "ambtenaren",  # a Dutch term of art, kept in English text
    "Verantwoording: {problems}.",  # a term of art and a list of problems in the language
    "Status",  # a column heading: the same word in Dutch
}
"""Texts that are rightly the same in Dutch and English."""


def _walk(value: Any, where: str, found: dict[int, tuple[str, Text]], depth: int = 0) -> None:
    if depth > 4 or isinstance(value, str | int | float | bool | type(None)):
        return
    if isinstance(value, Text):
        found.setdefault(id(value), (where, value))
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _walk(item, f"{where}[{key!r}]", found, depth + 1)
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            _walk(item, f"{where}[{i}]", found, depth + 1)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            _walk(getattr(value, field.name, None), f"{where}.{field.name}", found, depth + 1)


def _texts() -> dict[int, tuple[str, Text]]:
    found: dict[int, tuple[str, Text]] = {}
    for info in pkgutil.walk_packages(integriteit.__path__, "integriteit."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if not name.startswith("__"):
                _walk(value, f"{info.name}.{name}", found)
    for rule in default_registry().rules.values():
        _walk(rule, f"rule {rule.id}", found)
    return found


def _fields(text: str) -> set[str]:
    try:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}
    except ValueError:
        return set()


def test_every_text_is_in_both_languages() -> None:
    texts = _texts()
    assert len(texts) > 300  # the walk reaches the messages, rules and parameters
    problems = []
    for where, text in texts.values():
        if not text.nl.strip() or not text.en.strip():
            if text.nl != text.en:  # "" in both: a deliberately empty text (e.g. a suffix)
                problems.append(f"{where}: empty in one language: {text!r}")
        elif text.nl == text.en and text.nl not in SAME_IN_BOTH:
            problems.append(f"{where}: the same in both languages: {text.nl!r}")
        if _fields(text.nl) != _fields(text.en):
            problems.append(f"{where}: fields differ: {sorted(_fields(text.nl))} vs "
                            f"{sorted(_fields(text.en))}")
    assert not problems, "\n".join(problems)
