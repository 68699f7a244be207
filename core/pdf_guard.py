"""Every PDF Pintu parses passes through here first: a structural check of the raw bytes, then the parse
itself in a child process with CPU, memory and wall-clock limits (core/pdf_probe.py).

A PDF parser does work in proportion to what the file declares, and a crafted file of a few megabytes
(hundreds of thousands of nested dictionaries or tiny objects, a huge cross-reference table, deflated
zeros) declares a great deal: tens of seconds of a worker and tens of thousands of parser warnings. The
structural check refuses those shapes in milliseconds without parsing anything; whatever gets past it is
parsed where running out of time or memory costs only the child.

Pure module: no Django, no models, no settings; the caller turns a refusal into a message and writes the
one log line.
"""

from __future__ import annotations

import json
import operator
import os
import re
import signal
import subprocess
import sys
from itertools import accumulate, tee
from pathlib import Path

__all__ = ["ENCRYPTED", "INVALID", "TOO_COMPLEX", "PdfRefused", "pdf_check", "pdf_precheck"]

INVALID = "invalid"
ENCRYPTED = "encrypted"
TOO_COMPLEX = "too_complex"

# --- limits of the structural check ------------------------------------------------------------------
# Ordinary permit documents (scans, letters, drawings, an office suite's export of a long report) stay far
# below each of these; each crafted shape we know is far above one of them.

# Uncompressed objects. pypdf opens 50 000 in about 0.35 s here, pyHanko in about 0.3 s.
MAX_OBJECTS = 50_000
# Declared cross-reference entries (/Size, and the length of xref tables).
MAX_XREF_ENTRIES = 100_000
# Incremental updates (startxref keywords): pyHanko's validation compares revisions.
MAX_REVISIONS = 100
# Dictionaries and arrays outside stream data. Legitimate files nest a handful deep; pypdf recurses per
# level, so thousands of levels cost it a RecursionError or a warning per level.
MAX_NESTING = 64
MAX_CONTAINERS = 200_000
# Readers look for %%EOF at the end; this tolerates padding and junk after it.
EOF_WINDOW = 64 * 1024
HEADER_WINDOW = 1024

# --- limits of the child -----------------------------------------------------------------------------
# A normal 100 KB upload costs the child about 0.13 s (pypdf) or 0.2 s (pyHanko), nearly all of it the
# interpreter and the parser starting; the largest ordinary files we tried about 0.5 s. The bound that
# matters is CPU time: it does not stretch when the machine is busy, so a busy server refuses no honest
# file, yet no file costs more than a second of CPU (SIGXCPU; SIGKILL a second later). The wall-clock
# timeout only catches a child that stops making progress.
CPU_SECONDS = 1  # RLIMIT_CPU counts whole seconds
WALL_SECONDS = 5.0
MEMORY_BYTES = 256 * 1024 * 1024  # address space; the child peaks at 35-110 MB on the files we tried
# Total bytes the file's zlib streams may inflate to: generous for scans stored losslessly, a small
# fraction of what a bomb would make. Inflating 256 MiB of zeros takes about 0.7 s.
MIN_INFLATED_BYTES = 64 * 1024 * 1024
INFLATION_RATIO = 25
MAX_INFLATED_BYTES = 256 * 1024 * 1024

PARSERS = ("pypdf", "pyhanko")
_PROBE = Path(__file__).with_name("pdf_probe.py")
_CHILD_ENVIRONMENT = ("PATH", "LD_LIBRARY_PATH")

# Twelve digits are enough to exceed any limit, and keep int() away from megabytes of digits.
_SIZE_RE = re.compile(rb"/Size\s*(\d{1,12})")
_UTF8_BOM = b"\xef\xbb\xbf"
_LEADING_WHITESPACE = b" \t\r\n\f"
# byte -> change of nesting depth, after "<<" and ">>" became "{" and "}".
_STEP = tuple(1 if b in b"{[" else -1 if b in b"}]" else 0 for b in range(256))
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"{}[]")


class PdfRefused(Exception):
    """The PDF is refused. ``verdict`` is INVALID, ENCRYPTED or TOO_COMPLEX; ``reason`` (for the log) names a
    limit or an exception type and never contains anything taken from the file."""

    def __init__(self, verdict: str, reason: str) -> None:
        super().__init__(reason)
        self.verdict = verdict
        self.reason = reason


def pdf_check(*, content: bytes, parser: str = "pypdf") -> None:
    """Checks that ``content`` is a PDF the given parser reads within bounded time and memory.

    ``parser="pypdf"`` also requires at least one page and no encryption; ``"pyhanko"`` requires that
    pyHanko can list the signatures. Raises PdfRefused."""
    if parser not in PARSERS:
        raise ValueError(f"Unknown parser {parser!r}")
    pdf_precheck(content)
    _probe(content=content, parser=parser)


def pdf_precheck(content: bytes) -> None:
    """The structural check alone: a few passes of C-speed searches over the bytes. Raises PdfRefused."""
    head = content[:HEADER_WINDOW].removeprefix(_UTF8_BOM).lstrip(_LEADING_WHITESPACE)
    if not head.startswith(b"%PDF-"):
        raise PdfRefused(INVALID, "no %PDF- header")
    if b"%%EOF" not in content[-EOF_WINDOW:]:
        raise PdfRefused(INVALID, "no %%EOF near the end")
    # "obj" counts both "N G obj" and "endobj"; "stream" both "stream" and "endstream".
    _at_most(content.count(b"obj"), 2 * MAX_OBJECTS, "objects")
    _at_most(content.count(b"stream"), 2 * MAX_OBJECTS, "streams")
    _at_most(content.count(b"startxref"), MAX_REVISIONS, "revisions")
    _at_most(content.count(b"/Size"), MAX_OBJECTS, "/Size keys")
    _at_most(max(map(int, _SIZE_RE.findall(content)), default=0), MAX_XREF_ENTRIES, "declared xref size")
    _at_most(content.count(b"xref"), 2 * MAX_REVISIONS + 2, "xref sections")
    _at_most(_xref_table_entries(content), MAX_XREF_ENTRIES, "xref table entries")
    _check_nesting(_outside_streams(content))


def _at_most(value: int, limit: int, what: str) -> None:
    if value > limit:
        raise PdfRefused(TOO_COMPLEX, f"{what}: {value} over {limit}")


def _xref_table_entries(content: bytes) -> int:
    # Entries are 20 bytes each; the bytes between "xref" and "trailer" bound their number without
    # reading them.
    entries = 0
    position = 0
    while (start := content.find(b"xref", position)) >= 0:
        position = start + 4
        if content[max(start - 5, 0) : start] == b"start":
            continue
        end = content.find(b"trailer", position)
        entries += ((end if end >= 0 else len(content)) - position) // 20
    return entries


def _outside_streams(content: bytes) -> bytes:
    # Stream data is binary (or content-stream operators), full of bytes that look like brackets.
    parts = []
    position = 0
    while (start := content.find(b"stream", position)) >= 0:
        if content[max(start - 3, 0) : start] == b"end":
            position = start + 6
            continue
        parts.append(content[position:start])
        end = content.find(b"endstream", start + 6)
        position = end + 9 if end >= 0 else len(content)
    parts.append(content[position:])
    return b"".join(parts)


def _check_nesting(text: bytes) -> None:
    # Counted first: the rewriting below costs in proportion to the number of dictionaries.
    _at_most(text.count(b"<<") + text.count(b"["), MAX_CONTAINERS, "dictionaries and arrays")
    # "<<" and ">>" become single bytes so that hex strings ("<AB>") are dropped with everything else.
    brackets = text.replace(b"<<", b"{").replace(b">>", b"}").translate(None, _NOT_BRACKETS)
    # Deepest nesting = largest rise of the running depth above its lowest point so far (stray closers
    # cannot hide an opening run). Iterators all the way: C speed, constant memory.
    depths, lows = tee(accumulate(map(_STEP.__getitem__, brackets), initial=0))
    deepest = max(map(operator.sub, depths, accumulate(lows, min)))
    _at_most(deepest, MAX_NESTING, "nesting depth")


def _inflation_budget(size: int) -> int:
    return min(max(MIN_INFLATED_BYTES, INFLATION_RATIO * size), MAX_INFLATED_BYTES)


def _probe(*, content: bytes, parser: str) -> None:
    command = [
        sys.executable,
        "-I",  # no current directory or PYTHON* variables on the path: only the interpreter's packages
        "-B",  # writes no bytecode
        str(_PROBE),
        parser,
        str(CPU_SECONDS),
        str(MEMORY_BYTES),
        str(_inflation_budget(len(content))),
    ]
    # Only what an interpreter may need to start: nothing else of our environment, least of all secrets.
    environment = {name: os.environ[name] for name in _CHILD_ENVIRONMENT if name in os.environ}
    try:
        completed = subprocess.run(  # noqa: S603 — a fixed command; the file goes in on stdin
            command,
            input=content,
            capture_output=True,
            timeout=WALL_SECONDS,
            env=environment,
            cwd="/",
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PdfRefused(TOO_COMPLEX, f"parse took over {WALL_SECONDS} s") from None
    if completed.returncode < 0:
        raise PdfRefused(TOO_COMPLEX, f"parser killed by {_signal_name(-completed.returncode)}")
    try:
        answer = json.loads(completed.stdout)
        verdict, reason = answer["verdict"], answer["reason"]
    except (ValueError, KeyError, TypeError):
        # No answer: the interpreter itself failed (out of memory while starting, or a broken install).
        raise PdfRefused(
            TOO_COMPLEX,
            f"parser exited with status {completed.returncode} ({_last_exception(completed.stderr)})",
        ) from None
    if verdict != "ok":
        # The child writes only limits and exception names; kept short and printable all the same.
        reason = "".join(ch for ch in str(reason)[:100] if ch.isprintable())
        raise PdfRefused(verdict if verdict in (INVALID, ENCRYPTED) else TOO_COMPLEX, reason)


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _last_exception(stderr: bytes) -> str:
    # The exception's type from the traceback's last line; its message could quote the file.
    lines = stderr.strip().splitlines()
    name = lines[-1].split(b":", 1)[0].decode("ascii", "replace")[:80] if lines else ""
    return name if name.replace(".", "").replace("_", "").isalnum() else "no answer"
