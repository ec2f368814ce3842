"""Every command, run with ``--lang nl`` and with ``--lang en`` over the demo and the seed
registers, reads in that one language (issue 12, item 7): none of the other language's status
words, no raw status codes, fact keys or subject kinds, and every date as people write it
(a date in a command line to type or in a link stays ISO).

The JSON formats are for systems (codes and ISO dates by design) and are not read here; every
format for people is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from integriteit import cli
from integriteit.api import example_text
from integriteit.engine import STATUS_WORDS, Status
from integriteit.exporters._common import STATUS_LABELS
from integriteit.fact_words import FACT_LABELS
from integriteit.i18n import Lang
from integriteit.plugins import default_registry
from integriteit.policy import PARAMETERS

SEEDS = Path(__file__).parent / "data" / "seeds"
AT = "2026-06-01"


def _runs(tmp: Path) -> Iterator[tuple[str, list[str]]]:
    """Every command for people, with the inputs it takes (name, arguments)."""
    demo = tmp / "demo.json"
    demo.write_text(example_text(), encoding="utf-8")
    yield "demo", ["demo"]
    yield "check", ["check", str(demo), "--at", AT]
    yield "check --explain", ["check", str(demo), "--at", AT, "--explain"]
    yield "check markdown", ["check", str(demo), "--at", AT, "--format", "markdown"]
    yield "check html", ["check", str(demo), "--at", AT, "--format", "html"]
    yield "check markdown --explain", ["check", str(demo), "--at", AT, "--format", "markdown",
                                       "--explain"]
    yield "checklist", ["checklist", str(demo), "--at", AT]
    yield "checklist (no document)", ["checklist", "--kind", "gemeente", "--headcount", "80",
                                      "--at", AT]
    yield "policy", ["policy", str(demo), "--at", AT]
    yield "rules", ["rules"]
    yield "plugins", ["plugins"]
    yield "coverage", ["coverage", "--to", AT]
    for rule in default_registry().rules:
        yield f"explain {rule}", ["explain", rule, "--at", AT]
    for seed, year in (("groningen-2021.json", "2021"), ("zuid-holland-2019.json", "2019")):
        for fmt in ("markdown", "html"):
            yield f"report {seed} {fmt}", ["report", str(SEEDS / seed), "--year", year,
                                           "--years", "1", "--format", fmt]


def _output(argv: list[str], lang: Lang, capsys: pytest.CaptureFixture[str]) -> str:
    code = cli.main([*argv, "--lang", lang])
    out, err = capsys.readouterr()
    assert code in (0, 1), f"{argv}: exit {code}: {err}"
    return out + err


def _words(texts: list[str]) -> re.Pattern[str]:
    # Not inside a longer word, nor a part of a dotted name: a rule id
    # (wbk.meldprocedure.adviseur_in_vertrouwen) or a field of the document a message tells
    # the reader to fill in (oath.earlier_employment) is a name to type, not a code to read.
    return re.compile(r"(?<![\w.-])(" + "|".join(
        re.escape(t) for t in sorted(set(texts), key=len, reverse=True)) + r")(?![\w-])")


# Status words and headings of the other language (a word the same in both is not a sign).
_NL_ONLY = [t.nl for t in [*STATUS_WORDS.values(), *STATUS_LABELS.values()] if t.nl != t.en]
_EN_ONLY = [t.en for t in [*STATUS_WORDS.values(), *STATUS_LABELS.values()] if t.nl != t.en
            and t.en.lower() not in {"ok"}]
# Codes that a person should never read: statuses with an underscore, fact keys, subject kinds.
_CODES = _words([*(s.value for s in Status if "_" in s.value),
                 # a policy parameter's name is a key people write in the document: shown
                 *(k for k in FACT_LABELS if "_" in k and k not in PARAMETERS),
                 "register_entry",
                 *(f"[{s.value}]" for s in Status)])




def _problems(lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str],
              checks: list[tuple[re.Pattern[str], str]]) -> list[str]:
    problems: list[str] = []
    for name, argv in _runs(tmp_path):
        text = _output(argv, lang, capsys)
        if "html" in name:
            text = _html_text(text)
        for line in text.splitlines():
            for pattern, what in checks:
                found = pattern.search(line)
                if found:
                    problems.append(f"{name} [{lang}]: {what} {found.group(0)!r} in: "
                                    f"{line.strip()[:160]}")
    return problems


def _html_text(page: str) -> str:
    """What a reader of an HTML page sees: its text, without the markup and the style (a
    class name is no word of the page), one line per element."""
    from html.parser import HTMLParser

    parts: list[str] = []

    class Text(HTMLParser):
        skipping = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.skipping = tag == "style"
            parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            self.skipping = False

        def handle_data(self, data: str) -> None:
            if not self.skipping:
                parts.append(data)

    reader = Text(convert_charrefs=True)
    reader.feed(page)
    reader.close()
    return "".join(parts)


def _report(problems: list[str]) -> str:
    return "\n".join(problems[:40]) + (
        f"\n... and {len(problems) - 40} more" if len(problems) > 40 else "")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_command_reads_in_one_language(lang: Lang, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    other = _words(_EN_ONLY if lang == "nl" else _NL_ONLY)
    problems = _problems(lang, tmp_path, capsys, [(other, "word of the other language"),
                                                  (_CODES, "code")])
    assert not problems, _report(problems)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_command_writes_dates_as_people_do(lang: Lang, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    # A command line quoted for the reader keeps its ISO date (--at 2026-06-01), and a link to
    # wetten.overheid.nl names the day of the text it links to (&g=2020-01-01).
    iso = re.compile(r"(?<![\w=-])(?<!--at )\d{4}-\d{2}-\d{2}(?![\w-])")
    problems = _problems(lang, tmp_path, capsys, [(iso, "ISO date")])
    assert not problems, _report(problems)


def test_the_dates_the_run_itself_writes_are_as_people_write_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What the text writes from dates itself (header, the due column, a date fact in a
    message, a deadline's computation), in both languages."""
    for lang, words in (("nl", ["peildatum 1 juni 2026", "uiterlijk 2 mei 2026",
                                "indiensttreding op 2 maart 2026",
                                "2 maanden na 2 maart 2026 = 2 mei 2026"]),
                        ("en", ["as of 1 June 2026", "due 2 May 2026",
                                "start of employment on 2 March 2026",
                                "2 months after 2 March 2026 = 2 May 2026"])):
        demo = tmp_path / "demo.json"
        demo.write_text(example_text(), encoding="utf-8")
        text = _output(["check", str(demo), "--at", AT, "--explain"], lang,  # type: ignore[arg-type]
                       capsys)
        squeezed = " ".join(text.split())
        for w in words:
            assert w in squeezed, (lang, w)
        assert "2026-05-02" not in text


def test_iso_dates_keep_iso_for_people_who_prefer_it(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    long = _output(["demo"], "nl", capsys)
    assert "peildatum 1 juni 2026" in long and "uiterlijk 2 mei 2026" in long
    iso = _output(["demo", "--iso-dates"], "nl", capsys)
    assert "peildatum 2026-06-01" in iso and "uiterlijk 2026-05-02" in iso
    assert "1 juni 2026" not in iso


def test_every_code_valued_fact_has_words_in_both_languages() -> None:
    """The facts that hold a code of the document (a channel, a kind of employment, an
    organisation kind, where a term was set) are shown in words, every code of them."""
    from integriteit.fact_words import VALUE_WORDS, fact_value
    from integriteit.model import Channel, EmploymentKind, OrganisationKind
    from integriteit.policy import ValueSource

    for key, codes in (("channel", Channel), ("employment", EmploymentKind),
                       ("kind", OrganisationKind), ("term_set_by", ValueSource)):
        for code in codes:
            assert code.value in VALUE_WORDS[key], (key, code)
            nl, en = (fact_value(key, code.value, lang) for lang in ("nl", "en"))
            assert "_" not in nl and "_" not in en, (key, code, nl, en)
