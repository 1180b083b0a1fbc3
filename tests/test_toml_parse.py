"""The fast TOML path gives exactly what tomllib gave: the same tables, or the same message and place.

validate.parse_toml reads a document with toml_rs (in Rust, TOML 1.0) and,
wherever that is not safe, toml_rs refuses it or it breaks the limits, with
tomllib as before.  Each test here holds parse_toml to a reference that is the
code it replaced (tomllib, then the limits), comparing tables strictly:
types, key order, the sign of zeros and NaNs, time zones.  The documents are
generated (whole documents, token soup, edits of real files) and hand-made
hazards: deep nesting on both sides of every limit, inputs of a megabyte, NUL
and other control bytes, escaped surrogates, byte order marks, dates and times
with offsets, nan and inf, duplicate keys and tables, and TOML 1.1 syntax,
which tomllib refuses.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import validate
from briefing.i18n import localizer
from briefing.store import LoadError
from tests.conftest import FIRST_BRIEFING, REPO

PATH = Path("doc.toml")
CORPUS = Path(__file__).parent / "corpus"
REAL = [FIRST_BRIEFING, *sorted(CORPUS.rglob("*.toml"))]
EN = localizer("en")
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reference(text: str) -> dict | LoadError:
    """What validate did with a decoded document before tomli: tomllib, then the limits."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        return validate._toml_error(PATH, str(exc))
    except RecursionError:
        return LoadError(PATH, validate.TOO_DEEP, {"limit": validate.MAX_DEPTH}, validate._deep_bracket(text))
    return validate._shape_problem(PATH, data) or data


def strict(value: object) -> object:
    """A value as a tree that compares equal only when types, order, float bits and time zones agree."""
    kind = type(value)
    if isinstance(value, dict):
        return (kind, [(type(key), key, strict(item)) for key, item in value.items()])
    if isinstance(value, list):
        return (kind, [strict(item) for item in value])
    if isinstance(value, float):
        return (kind, math.copysign(1, value), "nan" if math.isnan(value) else value)
    if isinstance(value, Decimal):  # the written form: sign, digits and exponent, nan and inf included
        return (kind, str(value))
    if isinstance(value, (dt.datetime, dt.time)):
        return (kind, value.isoformat(), type(value.tzinfo), value.utcoffset())
    return (kind, value)


def assert_same(text: str) -> None:
    fast = validate.parse_toml(PATH, text)
    expected = reference(text)
    if isinstance(expected, LoadError):
        assert fast == expected
    else:
        assert strict(fast) == strict(expected)


# --- real files ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_every_corpus_file_and_the_bundled_briefing(path):
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        pytest.skip("refused before parsing")
    assert_same(text)


def test_the_bundled_briefing_is_read_by_toml_rs_alone(monkeypatch):
    """The fast path is taken for a good file: tomllib is never called."""
    monkeypatch.setattr(tomllib, "loads", lambda text: pytest.fail("tomllib was used"))
    assert validate.parse_toml(PATH, FIRST_BRIEFING.read_text("utf-8"))["id"] == "kz-iaea-far-east-2025"


# --- hazards -------------------------------------------------------------------------------------

def nested(opening: str, closing: str, depth: int, inner: str = "1", closed: bool = True) -> str:
    return "a = " + opening * depth + inner + (closing * depth if closed else "") + "\n"


LIMIT = validate.FAST_MAX_BRACKETS
NESTING = [
    *(nested("[", "]", n) for n in (15, 17, 400, LIMIT, LIMIT + 1, 100_000)),
    *(nested("{b = ", "}", n) for n in (15, 17, 300, 400, LIMIT, LIMIT + 1, 100_000)),
    *(nested("[{b = ", "}]", n) for n in (150, 200, LIMIT // 2, LIMIT // 2 + 1, 50_000)),
    nested("[", "]", LIMIT - 1, inner="{b = [1]}"),
    nested("[", "]", 100_000, closed=False),
    nested("{b = ", "}", 100_000, closed=False),
    "[" + ".".join(["t"] * 16) + "]\nx = 1\n",
    "[" + ".".join(["t"] * 17) + "]\nx = 1\n",
    ".".join(["k"] * 17) + " = " + nested("{b = ", "}", 300)[4:],
]


@pytest.mark.parametrize("text", NESTING, ids=range(len(NESTING)))
def test_deep_nesting_on_both_sides_of_every_limit(text):
    assert_same(text)


HUGE = [
    "a = [" + "1, " * 300_000 + "]\n",  # far more values than a briefing may hold
    "a = [" + "[], " * 250_000 + "]\n",
    "".join(f"k{n} = {n}\n" for n in range(60_000)),
    'a = "' + "x" * 1_000_000 + '"\n',
    "a = [" + "1, " * 300_000,  # never closed
    "# " + "x" * 1_000_000 + "\n",
]


@pytest.mark.parametrize("text", HUGE, ids=range(len(HUGE)))
def test_inputs_of_a_megabyte(text):
    assert_same(text)


CASES = [
    # control characters, NUL included, and escapes that are no Unicode scalar value
    'a = "x\x00y"', "# x\x00y\na = 1", "a = 1 # \x7f", "# \x01\na = 1", 'a = "\x1f"', 'a = "tab\there"',
    "a\x00 = 1", 'a = "\\uD800"', 'a = "\\uDFFF"', 'a = "\\U00110000"', 'a = "\\U0010FFFF"', 'a = "\\u0000"',
    "a = '\x00'", 'a = """\x7f"""', "\ufeffa = 1", "a = 1\n\ufeffb = 2", 'a = "\u2028\ud7ff\ue000"',
    # line ends
    "a = 1\r", "a = 1\r\nb = 2\r\n", 'a = """x\r\ny"""', "a = '''x\r\ny'''", 'a = """x\ry"""',
    'a = """x \\\r\n   y"""', 'a = """x \\  \n   y"""', 'a = """\r\nx"""', "a = '''\nx'''", 'a = """""x"""""',
    # dates, times and offsets
    "a = 2020-01-01T12:30:00Z", "a = 2020-01-01t12:30:00z", "a = 2020-01-01 12:30:00+05:30",
    "a = 2020-01-01T12:30:00-00:00", "a = 2020-01-01T12:30:00+23:59", "a = 2020-01-01T12:30:00+24:00",
    "a = 2020-01-01T12:30:00+05:30:10", "a = 2020-01-01T12:30:00.123456789Z", "a = 12:30:00.1",
    "a = 12:30:00.9999999", "a = 23:59:60", "a = 24:00:00", "a = 2020-02-29", "a = 2021-02-29",
    "a = 0000-01-01", "a = 2020-13-01", "a = 2020-01-01T", "a = 2020-1-01", "a = 1979-05-27T07:32:00",
    # TOML 1.1, which tomllib (TOML 1.0) refuses
    "a = {b = 1,}", "a = {\n b = 1\n}", 'a = "\\e"', 'a = "\\x41"', "a = 12:30", "a = 2020-01-01T12:30",
    # numbers
    "a = nan\nb = +nan\nc = -nan", "a = inf\nb = +inf\nc = -inf", "a = -0.0\nb = +0.0\nc = -0", "a = 1e400",
    "a = -1e400", "a = 4.9e-324", "a = 1e-400", "a = 1_000.5_5", "a = 9223372036854775808",
    "a = -9223372036854775809", "a = 0x7FFFFFFFFFFFFFFFFF", "a = 0o17\nb = 0b101\nc = 0xDEAD_beef",
    "a = 01", "a = 1__0", "a = 10_", "a = .5", "a = 5.", "a = +0x1", "a = NaN", "a = 1e_2", "a = 0.1e-1_0",
    # keys, tables and duplicates
    "a = 1\na = 2", "[a]\nb = 1\n[a]\nc = 2", "a.b = 1\n[a]\nc = 2", "[a]\nb.c = 1\n[a.b]\nd = 2",
    "a = {b = 1}\na.c = 2", "[[a]]\n[a]", "[a.b]\nc = 1\n[a]\nd = 2", "a = [1]\n[[a]]", "[[a]]\nb = 1\n[a.b]",
    'a = {b = 1, b = 2}', '"" = 1', "ключ = 1", "a . b = 1", "'a'.\"b\" = 1", "a.'b.c' = 1", "[a] b = 1",
    "a =", "= 1", "a = True", 'a = "b" "c"', "a = [1 2]", "a = [1,,2]", "a = [,]", "a = [\n1, # c\n2,\n]",
]


@pytest.mark.parametrize("text", CASES, ids=range(len(CASES)))
def test_hand_made_cases(text):
    assert_same(text)


@pytest.mark.parametrize("stack", [None, 1024 * 1024], ids=["default stack", "1 MB stack"])
def test_nesting_never_crashes_the_process(tmp_path, stack):
    """toml_rs has no nesting limit of its own: as deep as it is given, and far deeper, each file gets
    its one line, in a fresh process whose main thread has the usual stack, or a smaller one."""
    paths = []
    for depth in (LIMIT, 150_000):
        for name, opening, closing in (("arrays", "[", "]"), ("tables", "{b = ", "}"), ("mixed", "[{b = ", "}]")):
            paths.append(tmp_path / f"{name}-{depth}.toml")
            count = depth // len(closing)
            paths[-1].write_text(nested(opening, closing, count), "utf-8")

    def small_stack():
        import resource

        resource.setrlimit(resource.RLIMIT_STACK, (stack, resource.getrlimit(resource.RLIMIT_STACK)[1]))

    result = subprocess.run([sys.executable, "-m", "briefing", "check", *map(str, paths)], capture_output=True,
                            text=True, cwd=REPO, timeout=120, preexec_fn=small_stack if stack else None)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()[:-1]
    assert [line.partition(":")[0] for line in lines] == list(map(str, paths))
    assert all(line.endswith("tables and lists are nested more than 16 levels deep") for line in lines), lines


def test_outside_the_main_thread_tomllib_reads_alone(monkeypatch):
    """Another thread's stack may be small: toml_rs is never called there."""
    import threading

    monkeypatch.setattr(validate.toml_rs, "loads", lambda *args, **kwargs: pytest.fail("toml_rs was used"))
    text = nested("[", "]", LIMIT)
    results = []
    threading.stack_size(256 * 1024)
    try:
        thread = threading.Thread(target=lambda: results.append(validate.parse_toml(PATH, text)))
        thread.start()
        thread.join()
    finally:
        threading.stack_size(0)
    assert results == [reference(text)]


# --- generated documents -------------------------------------------------------------------------

TOKENS = ["[", "]", "[[", "]]", "{", "}", "=", " = ", ",", ".", '"', "'", '"""', "'''", "\n", "\r\n", "\r", "#",
          " ", "\t", "a", "b", "key", "1", "0", "-1", "+1", "1.5", "1e3", "1_0", "0x1F", "0o7", "0b1", "_", "e",
          "inf", "nan", "-0.0", "true", "false", "2020-01-01", "T", "t", "12:00:00", "12:00", ".123", "Z", "z",
          "+05:30", "-00:00", "\\", "\\n", "\\u0041", "\\U0001F600", "\\uD800", "\\x41", "\\e", "\\\n", "\x00",
          "\x7f", "\x01", "é", "\u00a0", "\ufeff", "😀", "9223372036854775808", "1e400", "01", ":", "-", "+",
          "x = ", "\n[t]\n", "\n[[t]]\n", "\nt.a = 1\n"]
KEYS = st.sampled_from(["a", "b", "c", "a.b", "b.c", "a . c", '"q"', "'l'", '"x.y"', '"a\\u00e9"', "ключ", '""'])


def _scalar() -> st.SearchStrategy[str]:
    digits = st.integers(0, 10**20)
    two = st.integers(0, 61).map("{:02d}".format)
    time = st.tuples(two, two, st.sampled_from(["", ":00", ":59", ":60", ":00.5", ":01.123456", ":02.1234567891"])).map(
        lambda t: f"{t[0]}:{t[1]}{t[2]}")
    date = st.tuples(st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32)).map(
        lambda d: f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}")
    offset = st.sampled_from(["", "Z", "z", "+01:00", "-23:59", "+00:00", "-00:00", "+24:00"])
    text = st.lists(st.sampled_from(["a", " ", "é", '\\"', "\\n", "\\t", "\\\\", "\\u00e9", "\\U0010FFFF", "\t",
                                     "\\b", "\\f", "\\r", "\\e", "\\x41", "'", "😀"]), max_size=6).map("".join)
    multi = st.lists(st.sampled_from(["a", "\n", "\r\n", '"', '""', "\\\n  ", "\\ \n", "\\n", "'", "''"]),
                     max_size=6).map("".join)
    return st.one_of(
        st.tuples(st.sampled_from(["", "-", "+"]), digits).map(lambda t: f"{t[0]}{t[1]}"),
        st.floats(allow_nan=False).map(repr),
        st.sampled_from(["nan", "+nan", "-nan", "inf", "+inf", "-inf", "-0.0", "1e-400", "6.02e+23", "1_000.000_1",
                         "0x_1", "0xDEAD", "0o777", "0b1010", "1__2", "_1", "1_", "true", "false"]),
        st.tuples(date, st.sampled_from(["T", "t", " "]), time, offset).map("".join),
        date, time,
        text.map(lambda s: f'"{s}"'),
        text.map(lambda s: "'" + s.replace("'", "").replace("\\", "\\\\") + "'"),
        multi.map(lambda s: f'"""{s}"""'),
        multi.map(lambda s: f"'''{s}'''"),
    )


VALUES = st.recursive(
    _scalar(),
    lambda inner: st.one_of(
        st.tuples(st.lists(inner, max_size=4), st.sampled_from(["", ",", ",\n", " # c\n"])).map(
            lambda t: "[" + ", ".join(t[0]) + t[1] + "]"),
        st.tuples(st.lists(st.tuples(KEYS, inner), max_size=3), st.sampled_from([", ", ",\n"]),
                  st.sampled_from(["", ",", "\n"])).map(
            lambda t: "{" + t[1].join(f"{k} = {v}" for k, v in t[0]) + t[2] + "}"),
    ),
    max_leaves=12,
)
LINES = st.one_of(
    st.tuples(KEYS, VALUES).map(lambda kv: f"{kv[0]} = {kv[1]}"),
    st.sampled_from(["[a]", "[b]", "[[c]]", "[a.b]", "[a.d]", "[[a.e]]", "[ t . u ]", "# comment", ""]),
)
DOCUMENTS = st.tuples(st.lists(LINES, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"]),
                      st.sampled_from(["", "\n"])).map(lambda d: d[1].join(d[0]) + d[2])


@FUZZ
@given(DOCUMENTS)
def test_generated_documents(text):
    assert_same(text)


@FUZZ
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=40).map("".join))
def test_token_soup(text):
    assert_same(text)


SOURCES = [path.read_text("utf-8") for path in (FIRST_BRIEFING, CORPUS / "base.toml")]


@FUZZ
@given(st.sampled_from(SOURCES), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 6),
                                                   st.sampled_from(TOKENS) | st.text(max_size=6)), max_size=3))
def test_edits_of_real_files(source, edits):
    text = source
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut:]
    assert_same(text)


#: A comment with more brackets than toml_rs is given: the text is read by tomllib.
TO_TOMLLIB = "# " + "[" * (validate.FAST_MAX_BRACKETS + 1) + "\n"


@pytest.mark.parametrize("prefix", ["", TO_TOMLLIB], ids=["toml_rs", "tomllib"])
def test_a_file_nested_exactly_to_the_limit_loads_and_one_level_more_is_refused(prefix):
    """16 levels of tables and lists (the document and 15 brackets) pass the shape check, 17 are refused, by
    either parser."""
    def result(depth):
        return validate.validate(PATH, (prefix + "a = " + "[" * depth + "1" + "]" * depth + "\n").encode())

    assert result(15).message != validate.TOO_DEEP  # refused later, by the schema
    assert result(16).message == validate.TOO_DEEP


@pytest.mark.parametrize("prefix", ["", TO_TOMLLIB], ids=["toml_rs", "tomllib"])
def test_a_file_of_exactly_the_most_values_loads_and_one_more_is_refused(prefix):
    """At most MAX_VALUES values, counting the document and every table, list and item: exactly that many pass
    the shape check, one more is refused, by either parser."""
    def result(items):
        return validate.validate(PATH, (prefix + "a = [" + "0, " * items + "]\n").encode())

    most = validate.MAX_VALUES - 2  # the document and the list count too
    assert result(most).message != validate.TOO_MANY
    assert result(most + 1).message == validate.TOO_MANY


# --- the one line a bad file gets, with its place --------------------------------------------------

def line_for(raw: str | bytes) -> str:
    result = validate.validate(PATH, raw if isinstance(raw, bytes) else raw.encode())
    assert isinstance(result, LoadError)
    return result.describe(EN)


DEEP = "tables and lists are nested more than 16 levels deep"


@pytest.mark.parametrize(("raw", "line"), [
    # a byte that is not UTF-8 is named and placed in the text as the reader sees it, a leading BOM not counted
    (b"a = \xff", "doc.toml:1:5: not UTF-8 text: byte 0xff cannot be decoded"),
    (b"\xef\xbb\xbfa = \xff", "doc.toml:1:5: not UTF-8 text: byte 0xff cannot be decoded"),
    ('a = 1\nb = "é'.encode() + b'\xff"', "doc.toml:2:7: not UTF-8 text: byte 0xff cannot be decoded"),
    # a dotted key of 17 parts (16 dots) is refused where it starts; one of 16 parts is not refused for depth
    ("x = 1\n  " + ".".join(["k"] * 17) + " = 1\n", f"doc.toml:2:3: {DEEP}"),
    # brackets nested too deeply for tomllib: placed at the 17th open one, "[" and "{" alike, a closed one
    # no longer counted (the first line's and the inner "[]" leave 1 open before the deep run)
    ("x = [[1]]\na = [[], " + "[" * 3000 + "1" + "]" * 3000 + "]\n", f"doc.toml:2:25: {DEEP}"),
    ("x = {y = {z = 1}}\na = [{}, " + "[" * 3000 + "1" + "]" * 3000 + "]\n", f"doc.toml:2:25: {DEEP}"),
    ("x = 1\nb = " + "{c = " * 3000 + "1" + "}" * 3000 + "\n", f"doc.toml:2:85: {DEEP}"),
    # tomllib's reasons, their quoted names in the reader's quotation marks, the end of the document as "end"
    ("[a]\n[a]\n", "doc.toml:2:3: invalid TOML: Cannot declare ('a',) twice"),
    ('a = {"" = 1, "" = 2}\n', "doc.toml:1:20: invalid TOML: Duplicate inline table key “”"),
    ('a = "x', "doc.toml:end: invalid TOML: Unterminated string"),
    # one value more than the limit, found by toml_rs's level-at-a-time count when the limit is reached
    # exactly at one level and the next level holds the one too many
    ("a = [[0], " + "0, " * (validate.MAX_VALUES - 3) + "]\n",
     "doc.toml: the file holds more than 20,000 values, too many for a briefing"),
])
def test_a_bad_file_gets_one_line_with_its_place(raw, line):
    assert line_for(raw) == line


def test_a_dotted_key_of_sixteen_parts_is_not_too_deep():
    result = validate.validate(PATH, (".".join(["k"] * 16) + " = 1\n").encode())
    assert result.message != validate.TOO_DEEP  # refused later, by the schema


def test_a_reason_tomllib_words_differently_is_shown_as_it_words_it():
    """A reason not in TOML_REASONS (another Python version's wording) is shown as it is, with its place."""
    assert validate._toml_error(PATH, "Some new reason (at line 3, column 4)").describe(EN) == \
        "doc.toml:3:4: invalid TOML: Some new reason"
    assert validate._toml_error(PATH, "Some new reason (at end of document)").describe(EN) == \
        "doc.toml:end: invalid TOML: Some new reason"
    assert validate._toml_error(PATH, "Some new reason").describe(EN) == "doc.toml: invalid TOML: Some new reason"


def test_a_recursion_error_in_validation_is_one_line(monkeypatch):
    """A briefing pydantic cannot validate without overflowing Python's stack is one line, never a traceback."""
    from briefing.model import Briefing

    def overflow(data):
        raise RecursionError

    monkeypatch.setattr(Briefing, "model_validate", overflow)
    assert line_for(FIRST_BRIEFING.read_bytes()) == "doc.toml: nested too deeply"


# --- which parser reads a document: toml_rs only where it is safe ------------------------------------

def _refuse(name):
    def refuse(*args, **kwargs):
        pytest.fail(f"{name} was used")
    return refuse


@pytest.mark.parametrize("comment", ["[" * LIMIT, "{" * LIMIT, "[{" * (LIMIT // 2)])
def test_toml_rs_alone_reads_a_document_of_exactly_the_most_brackets(monkeypatch, comment):
    monkeypatch.setattr(tomllib, "loads", _refuse("tomllib"))
    assert validate.parse_toml(PATH, "# " + comment + "\na = 1\n") == {"a": 1}


@pytest.mark.parametrize("comment", ["[" * (LIMIT + 1), "{" * (LIMIT + 1), "[{" * (LIMIT // 2) + "{"])
def test_one_bracket_more_is_read_by_tomllib_alone(monkeypatch, comment):
    monkeypatch.setattr(validate.toml_rs, "loads", _refuse("toml_rs"))
    assert validate.parse_toml(PATH, "# " + comment + "\na = 1\n") == {"a": 1}


def test_toml_rs_alone_reads_a_document_of_exactly_the_most_values(monkeypatch):
    monkeypatch.setattr(tomllib, "loads", _refuse("tomllib"))
    data = validate.parse_toml(PATH, "a = [" + "0, " * (validate.MAX_VALUES - 2) + "]\n")
    assert len(data["a"]) == validate.MAX_VALUES - 2


@pytest.mark.parametrize("prefix", ["", TO_TOMLLIB], ids=["toml_rs", "tomllib"])
def test_a_figure_keeps_the_decimals_it_was_written_with(prefix):
    value = validate.parse_toml(PATH, prefix + "a = 8.60\n")["a"]
    assert isinstance(value, Decimal) and str(value) == "8.60"


@pytest.mark.parametrize(("soft", "large"), [
    (8 * 1024 * 1024, True), (8 * 1024 * 1024 - 1, False), ("infinity", True)])
def test_the_main_stack_is_large_from_8_mb(monkeypatch, soft, large):
    """toml_rs is given a document only where the main thread's stack may grow to 8 MB (or without limit)."""
    import resource

    soft = resource.RLIM_INFINITY if soft == "infinity" else soft
    hard = 8 * 1024 * 1024 - 1 if large else resource.RLIM_INFINITY  # the soft limit decides, not the hard one
    monkeypatch.setattr(resource, "getrlimit", lambda which: (soft, hard))
    assert validate._main_stack_is_large() is large


def test_without_the_resource_module_the_stack_is_taken_as_small(monkeypatch):
    """Windows has no `resource` module and a main stack of 1 or 2 MB: toml_rs is not used there."""
    monkeypatch.setitem(sys.modules, "resource", None)
    assert validate._main_stack_is_large() is False
