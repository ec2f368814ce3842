"""Hostile input: seeded, deterministic mutations of the demo document through the API and CLI.

Every malformed document either loads or raises :class:`InputError` whose lines are single,
short, free of terminal controls and line separators, and never echo a melder's identity; the
CLI exits 0, 1 or 2 without a traceback and writes well-formed output in every format.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import random
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import integriteit
from integriteit import InputError
from integriteit.cli import _run

DEMO_TEXT = resources.files("integriteit").joinpath("data/demo.json").read_text("utf-8")
DEMO: dict[str, Any] = json.loads(DEMO_TEXT)

SENTINEL = "Sentinel Melder-Geheim"
LINE_BREAKERS = ("\n", "\r", "\x1b", "\u2028", "\u2029", "\x85")
MAX_LINE = 1000
ERROR_PREFIX = "integriteit: error: "

HOSTILE_STRINGS: tuple[str, ...] = (
    "",
    " ",
    "x" * 100_000,
    "\x00\x1b[31mred\x1b[0m\r\nnext",
    "a\u2028b\u2029c\x85d",
    "\ud800",
    "\udfff\ud800",
    "\x7f\x9b2J",
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "<script>alert(1)</script>",
    "</td><script>alert(1)</script>",
    "# heading\n| a | b |",
    "x\n# X\n| evil | row |",
    "a | b | c",
    "**bold** `code` [link](javascript:alert(1))",
    "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
    "]]><![CDATA[<x/>]]>",
    "-2+3",
    "2026-02-30",
    "0000-00-00",
    "9999-12-31",
    "1900-01-01",
    "P001",
    "R-2026-05",
    "Jan Jansen",
    SENTINEL,
)
HOSTILE_VALUES: tuple[Any, ...] = (
    None, True, False, 0, -1, 1.5, 10**30, -(10**30), float("nan"), float("inf"),
    [], {}, [1, "a", None], {"a": 1}, {"": ""}, [[[[]]]],
    *HOSTILE_STRINGS,
)
UNKNOWN_KEYS: tuple[str, ...] = (
    "Jan Jansen", "melder", "naam", "name", SENTINEL, "\x1b[2J", "k\u2028ey", "", "x" * 5000,
    "\ud800", "id ", "ID", "<script>", "=1+1",
)
"""Unknown keys planted anywhere. Left out: keys of thousands of characters outside the register,
which are echoed uncut in the problem's path (reported as a bug); the register is tested below."""


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in ``node`` (dict keys and list indexes), root excluded."""
    out: list[tuple[Any, ...]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            out.append((*prefix, key))
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.append((*prefix, index))
            out.extend(_paths(value, (*prefix, index)))
    return out


def _containers(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every dict in ``node``, the root included."""
    out: list[tuple[Any, ...]] = [prefix] if isinstance(node, dict) else []
    children = (node.items() if isinstance(node, dict)
                else enumerate(node) if isinstance(node, list) else ())
    for key, value in children:
        out.extend(_containers(value, (*prefix, key)))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def _mutate_tree(rng: random.Random, doc: dict[str, Any]) -> None:
    """One structural mutation of ``doc`` in place."""
    choice = rng.randrange(5)
    if choice == 0:  # delete a key or list item
        path = rng.choice(_paths(doc))
        parent = _get(doc, path[:-1])
        del parent[path[-1]]
    elif choice == 1:  # a wrong or hostile value
        path = rng.choice(_paths(doc))
        _get(doc, path[:-1])[path[-1]] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
    elif choice == 2:  # an unknown key
        container = _get(doc, rng.choice(_containers(doc)))
        container[rng.choice(UNKNOWN_KEYS)] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
    elif choice == 3:  # a huge or odd id
        holders = [p for p in _containers(doc) if "id" in _get(doc, p)]
        _get(doc, rng.choice(holders))["id"] = rng.choice(
            ("R" * 200_000, 10**100, "", "\x1b]0;title\x07", SENTINEL, "P001"))
    else:  # a hostile string in a place that takes free text
        spots = [p for p in _paths(doc) if isinstance(_get(doc, p), str)]
        path = rng.choice(spots)
        _get(doc, path[:-1])[path[-1]] = rng.choice(HOSTILE_STRINGS)


def _mutated_text(rng: random.Random) -> str:
    """The demo document after one to three mutations, as JSON text (maybe raw-mangled)."""
    doc = copy.deepcopy(DEMO)
    for _ in range(rng.randint(1, 3)):
        _mutate_tree(rng, doc)
    raw = rng.randrange(6)
    if raw == 0:  # duplicate an existing key in the text
        path = rng.choice(_containers(doc))
        container = _get(doc, path)
        if container:
            key = rng.choice(list(container))
            container["__dup_marker__"] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
            return json.dumps(doc).replace('"__dup_marker__"', json.dumps(key), 1)
    text = json.dumps(doc)
    if raw == 1:  # truncated
        return text[:rng.randrange(len(text))]
    if raw == 2:  # one character gone or inserted
        at = rng.randrange(len(text))
        if rng.random() < 0.5:
            return text[:at] + text[at + 1:]
        return text[:at] + rng.choice('{}[]",:\\\x00\x1b\u2028') + text[at:]
    return text


def _assert_error_lines(exc: InputError, forbidden: str | None = None) -> None:
    """Every rendered line of ``exc`` is one short, clean line (without ``forbidden``)."""
    for lang in ("en", "nl"):
        rendered = exc.render(lang)
        assert rendered, exc.problems
        for line in rendered.split("\n"):
            assert line, rendered[:300]
            assert len(line) <= MAX_LINE, line[:300]
            for bad in LINE_BREAKERS[1:]:
                assert bad not in line, line[:300]
            if forbidden is not None:
                assert forbidden not in line, line[:300]


def _load_or_clean_error(text: str, forbidden: str | None = None) -> Any:
    """The loaded document, or None after checking the InputError's lines."""
    try:
        return integriteit.loads(text, source="hostile.json")
    except InputError as exc:
        _assert_error_lines(exc, forbidden)
        return None


def test_generated_malformed_documents_load_or_raise_clean_input_errors() -> None:
    """10,000 seeded mutations of the demo: each loads or raises single-line InputErrors."""
    rng = random.Random(20260601)
    outcomes = {"loaded": 0, "rejected": 0}
    for _ in range(10_000):
        text = _mutated_text(rng)
        outcomes["loaded" if _load_or_clean_error(text) is not None else "rejected"] += 1
    assert outcomes["loaded"] > 100 and outcomes["rejected"] > 1000, outcomes


def test_generated_malformed_dicts_through_from_dict() -> None:
    """2,000 seeded structural mutations through from_dict: a document or a clean InputError."""
    rng = random.Random(17)
    for _ in range(2_000):
        doc = copy.deepcopy(DEMO)
        for _ in range(rng.randint(1, 3)):
            _mutate_tree(rng, doc)
        try:
            integriteit.from_dict(doc)
        except InputError as exc:
            _assert_error_lines(exc)


@pytest.mark.parametrize("text", [
    "", " ", "null", "[]", '"register"', "0", "{", "}", "\x00", "\ufeff{}", "{}" * 3,
    '{"organisation": {"name": "x", "kind": "gemeente"}, "register": "' + SENTINEL + '"}',
    '{"a": NaN}', '{"a": Infinity}', '{"a": 1e999999}', '{"a": "\\ud800"}',
    '{"a": "\\u0000\\u001b\\u2028"}', "\x1b[2J{}", '{"\u2028": 1}',
])
def test_odd_top_level_texts(text: str) -> None:
    """Texts that are barely JSON, or JSON of the wrong shape, raise a clean InputError."""
    with pytest.raises(InputError) as caught:
        integriteit.loads(text, source="hostile.json")
    _assert_error_lines(caught.value, SENTINEL)


# --- the melder's identity is never echoed -----------------------------------------------------

ENTRY = 5
"""Index of the demo's richest register entry (categories and outcome)."""
ENTRY_FIELDS = ("id", "kind", "received", "channel", "anonymous", "acknowledged", "feedback",
                "closed", "categories", "related_to", "outcome")


def _sentinel_documents() -> list[tuple[str, dict[str, Any]]]:
    """The demo with the sentinel planted in one register position each."""
    plantings: list[tuple[str, dict[str, Any]]] = []

    def plant(name: str, change: Any) -> None:
        doc = copy.deepcopy(DEMO)
        change(doc)
        plantings.append((name, doc))

    def entry(doc: dict[str, Any], index: int = ENTRY) -> dict[str, Any]:
        return doc["register"][index]

    for index in range(len(DEMO["register"])):
        for field in ENTRY_FIELDS:
            plant(f"register[{index}].{field}",
                  lambda d, i=index, f=field: entry(d, i).__setitem__(f, SENTINEL))
        plant(f"register[{index}] unknown key",
              lambda d, i=index: entry(d, i).__setitem__(SENTINEL, True))
        plant(f"register[{index}] unknown value",
              lambda d, i=index: entry(d, i).__setitem__("melder", SENTINEL))
        plant(f"register[{index}] long unknown key",
              lambda d, i=index: entry(d, i).__setitem__(SENTINEL + "x" * 5000, 1))
        plant(f"register[{index}] name key",
              lambda d, i=index: entry(d, i).__setitem__("naam", SENTINEL))
        plant(f"register[{index}].categories item",
              lambda d, i=index: entry(d, i).__setitem__("categories", [SENTINEL]))
        plant(f"register[{index}].categories extra",
              lambda d, i=index: entry(d, i).__setitem__("categories", ["pesten", SENTINEL]))
        plant(f"register[{index}] as string",
              lambda d, i=index: d["register"].__setitem__(i, SENTINEL))
        plant(f"register[{index}].categories as object",
              lambda d, i=index: entry(d, i).__setitem__("categories", {SENTINEL: 1}))
    for field in ("investigation", "findings", "measure"):
        plant(f"outcome.{field}",
              lambda d, f=field: entry(d)["outcome"].__setitem__(f, SENTINEL))
    plant("outcome unknown key", lambda d: entry(d)["outcome"].__setitem__(SENTINEL, True))
    plant("outcome unknown value", lambda d: entry(d)["outcome"].__setitem__("melder", SENTINEL))
    plant("outcome as string", lambda d: entry(d).__setitem__("outcome", SENTINEL))
    plant("outcome as list", lambda d: entry(d).__setitem__("outcome", [SENTINEL]))
    plant("register as string", lambda d: d.__setitem__("register", SENTINEL))
    plant("register as object", lambda d: d.__setitem__("register", {SENTINEL: {}}))
    plant("register item list", lambda d: d["register"].append([SENTINEL]))
    plant("related_to in gesprek", lambda d: entry(d, 4).__setitem__("related_to", SENTINEL))
    return plantings


SENTINEL_DOCS = _sentinel_documents()


@pytest.mark.parametrize(("name", "doc"), SENTINEL_DOCS, ids=[n for n, _ in SENTINEL_DOCS])
def test_sentinel_never_echoed_by_the_api(name: str, doc: dict[str, Any]) -> None:
    """A melder identity in a register position appears in no error line, finding or export."""
    loaded = _load_or_clean_error(json.dumps(doc), SENTINEL)
    if loaded is None:
        return
    result = integriteit.check(loaded, at=integriteit.date(2026, 6, 1))
    for finding in result.findings:
        for lang in ("en", "nl"):
            assert SENTINEL not in finding.message(lang), (name, finding)


SENTINEL_COMMANDS: tuple[tuple[str, ...], ...] = (
    *(("check", "--at", "2026-06-01", "--format", f)
      for f in ("text", "json", "jsonl", "csv", "markdown", "html", "junit", "ical")),
    *(("report", "--year", "2026", "--format", f) for f in ("markdown", "html", "json", "csv")),
    *(("checklist", "--at", "2026-06-01", "--format", f) for f in ("markdown", "json")),
)


def _cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = _run(argv, out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("name", "doc"), SENTINEL_DOCS, ids=[n for n, _ in SENTINEL_DOCS])
def test_sentinel_never_echoed_by_the_cli(name: str, doc: dict[str, Any],
                                          tmp_path: Path) -> None:
    """Through every command, format and language, the sentinel never reaches out or err."""
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc), "utf-8")
    for command in SENTINEL_COMMANDS:
        for lang in ("nl", "en"):
            argv = [command[0], str(path), *command[1:], "--lang", lang]
            code, out, err = _cli(argv)
            assert code in (0, 1, 2), (argv, code, err)
            assert SENTINEL not in out, (name, argv)
            assert SENTINEL not in err, (name, argv, err)


# --- the CLI over mutated documents ------------------------------------------------------------

class _StrictHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.script_tags = 0
        self.active: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.script_tags += 1
        self.active += [(k, v) for k, v in attrs if k.startswith("on") or (
            v is not None and v.strip().lower().startswith("javascript:"))]


def _markdown_ok(out: str, argv: list[str]) -> None:
    """No document string makes a heading or table row of its own."""
    for line in out.split("\n"):
        assert not line.startswith("# X"), (argv, line)
        assert not line.startswith("| evil"), (argv, line)
        assert not line.startswith("| a | b |"), (argv, line)
        assert not line.startswith("# heading"), (argv, line)
    block: list[str] = []
    for line in [*out.split("\n"), ""]:
        if line.startswith("|"):
            block.append(line)
            continue
        if block:
            widths = {_cells(row) for row in block}
            assert len(widths) == 1, (argv, block)
        block = []


def _cells(row: str) -> int:
    """Unescaped pipes in a Markdown table row (outside code spans)."""
    count, escaped, in_code = 0, False, False
    for char in row:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "`":
            in_code = not in_code
        elif char == "|" and not in_code:
            count += 1
    return count


def _check_output(argv: list[str], fmt: str, out: str, has_script: bool) -> None:
    if fmt == "json":
        json.loads(out)
    elif fmt == "jsonl":
        for line in out.splitlines():
            json.loads(line)
    elif fmt == "csv":
        for row in csv.reader(io.StringIO(out, newline="")):
            for cell in row:  # no cell a spreadsheet would run as a formula
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (argv, cell)
                assert not (cell.startswith("-") and not cell[1:].isdigit()), (argv, cell)
    elif fmt == "html":
        parser = _StrictHTML()
        parser.feed(out)
        parser.close()
        assert parser.script_tags == 0, argv
        assert "<script" not in out.lower(), argv
        # Nothing that runs: no event handler, no javascript: link (the words may stand in
        # the text, escaped, where the document gave them).
        assert not parser.active, (argv, parser.active[:3])
        if has_script and "script>" in out:
            assert "&lt;script" in out or "&lt;/script" in out, argv
    elif fmt == "markdown":
        _markdown_ok(out, argv)
    elif fmt == "junit":
        from lxml import etree

        etree.fromstring(out.encode("utf-8"))  # well-formed XML (1.0: no control characters)
    elif fmt == "ical":
        import icalendar

        icalendar.Calendar.from_ical(out)
    # A CSV row and an iCalendar line end in CRLF (RFC 4180, RFC 5545): that carriage return
    # ends the line, nothing else may.
    crlf = fmt in ("csv", "ical")
    for line in (out.replace("\r\n", "\n") if crlf else out).split("\n"):
        for bad in LINE_BREAKERS[1:]:
            assert bad not in line, (argv, line[:500])


CLI_COMMANDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    *(("check", f, ("--at", "2026-06-01"))
      for f in ("text", "json", "jsonl", "csv", "markdown", "html", "junit", "ical")),
    *(("report", f, ("--year", "2026")) for f in ("markdown", "html", "json", "csv")),
    *(("checklist", f, ("--at", "2026-06-01")) for f in ("markdown", "json")),
)


def _payload_document(rng: random.Random) -> dict[str, Any]:
    """The demo with hostile strings in places that take free text, so it usually loads."""
    doc = copy.deepcopy(DEMO)
    spots = [("organisation", "name"), *(("employees", i, "function")
                                        for i in range(len(doc["employees"]))),
             *(("employees", i, "id") for i in range(len(doc["employees"]))),
             *(("register", i, "id") for i in range(len(doc["register"]))),
             *(("facts", "nevenwerkzaamheden", i, "activity") for i in range(3)),
             ("policy", "publication_functions", 0)]
    for _ in range(rng.randint(1, 4)):
        path = rng.choice(spots)
        _get(doc, path[:-1])[path[-1]] = rng.choice(HOSTILE_STRINGS[3:20])
    return doc


def test_cli_over_mutated_documents(tmp_path: Path) -> None:
    """Hundreds of CLI runs: exit 0/1/2, no traceback, clean errors, well-formed output."""
    rng = random.Random(4242)
    path = tmp_path / "doc.json"
    codes: dict[int, int] = {}
    for run in range(400):
        text = _mutated_text(rng) if run % 2 else json.dumps(_payload_document(rng))
        path.write_text(text, "utf-8", errors="surrogatepass")
        command, fmt, extra = rng.choice(CLI_COMMANDS)
        argv = [command, str(path), *extra, "--format", fmt, "--lang", rng.choice(("nl", "en"))]
        code, out, err = _cli(argv)
        codes[code] = codes.get(code, 0) + 1
        assert code in (0, 1, 2), (argv, code, err)
        assert "Traceback" not in err, (argv, err)
        if code == 2:
            assert out == "", (argv, out[:500])
            prefix = ERROR_PREFIX if argv[-1] == "en" else "integriteit: fout: "
            for line in err.splitlines():
                assert line.startswith(prefix), (argv, line[:500])
                assert len(line) <= MAX_LINE + len(prefix), (argv, line[:500])
        else:
            _check_output(argv, fmt, out, "<script" in text)
    assert codes.get(2, 0) > 50 and codes.get(0, 0) + codes.get(1, 0) > 50, codes


@pytest.mark.parametrize("change", [
    lambda d: d["employees"][0].__setitem__("x" * 5000, 1),
    lambda d: d.__setitem__("y" * 5000, 1),
    lambda d: d["organisation"].__setitem__("z" * 5000, 1),
    lambda d: [e.__setitem__("id", "R" * 200_000) for e in d["employees"][:2]],
    lambda d: d["facts"]["nevenwerkzaamheden"][0].__setitem__("employee", "Z" * 100_000),
    lambda d: d["category_labels"].__setitem__("ongewenst op de afdeling", "x" * 100_000),
])
def test_long_keys_ids_and_labels_are_cut_in_every_message(change: Any) -> None:
    """A very long key outside the register, a duplicate or missing id, a label's value: every
    problem line stays short (found by this suite, then fixed)."""
    data = copy.deepcopy(DEMO)
    data.setdefault("category_labels", {})
    change(data)
    with pytest.raises(integriteit.InputError) as info:
        integriteit.loads(json.dumps(data))
    for lang in ("nl", "en"):
        for line in info.value.render(lang).split("\n"):
            assert len(line) <= 300, line[:120]
