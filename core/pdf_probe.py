"""Parses one PDF under hard limits, in a process of its own. Run by core.pdf_guard, never imported by it:

    python -I -B core/pdf_probe.py PARSER CPU_SECONDS MEMORY_BYTES MAX_INFLATED_BYTES < upload.pdf

PARSER is "pypdf" (what the upload check needs: not encrypted, at least one page) or "pyhanko" (what
signature verification reads: the signature fields). Prints one JSON object on stdout:
``{"verdict": "ok" | "invalid" | "encrypted" | "too_complex", "reason": "..."}``. The reason names a limit
or an exception type, never anything taken from the file.

Standard library and the parser only: no Django and no project module, so a hostile file meets a process
that holds no settings, secrets or database connections, and starting it costs little. The limits are set
before a byte of the file is read; the parent also kills the process when its wall-clock time runs out.
"""

import io
import json
import logging
import resource
import sys
import warnings
import zlib

OK = "ok"
INVALID = "invalid"
ENCRYPTED = "encrypted"
TOO_COMPLEX = "too_complex"

# Optional packages pypdf would import at start-up but never needs to answer "encrypted? how many pages?".
# Blocking them halves the child's start-up time; without cryptography pypdf still recognises an encrypted
# file (it may fail setting up AES, which _pypdf_probe reads as "encrypted").
_PYPDF_UNNEEDED = ("cryptography", "Crypto", "PIL", "fontTools", "numpy")

# pyHanko's reader is run again in the web process when this probe passes: a file that makes it complain
# more than this is refused here, so that its warnings never reach the log there.
MAX_PYHANKO_WARNINGS = 50
# Our SK carries two; validating each costs real work in the web process.
MAX_SIGNATURES = 10
# The form's field tree, walked to find them (a cycle of /Kids ends here too).
MAX_FORM_FIELDS = 10_000
MAX_FIELD_DEPTH = 32

_INPUT_CHUNK = 64 * 1024
_OUTPUT_CHUNK = 1024 * 1024


class _Refused(Exception):
    def __init__(self, verdict: str, reason: str) -> None:
        super().__init__(reason)
        self.verdict = verdict
        self.reason = reason


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def main(argv: list[str]) -> int:
    parser, cpu_seconds, memory_bytes, max_inflated = argv[1], int(argv[2]), int(argv[3]), int(argv[4])
    _limit(cpu_seconds=cpu_seconds, memory_bytes=memory_bytes)
    warnings.simplefilter("ignore")
    content = sys.stdin.buffer.read()
    try:
        # Before the parser is even imported: a bomb is refused in the time it takes to inflate the budget.
        _check_inflation(content, budget=max_inflated)
        if parser == "pypdf":
            _pypdf_probe(content)
        elif parser == "pyhanko":
            _pyhanko_probe(content)
        else:
            raise ValueError(f"unknown parser {parser!r}")
        answer = {"verdict": OK, "reason": ""}
    except _Refused as refused:
        answer = {"verdict": refused.verdict, "reason": refused.reason}
    except (MemoryError, RecursionError) as exc:
        answer = {"verdict": TOO_COMPLEX, "reason": type(exc).__name__}
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()
    return 0


def _limit(*, cpu_seconds: int, memory_bytes: int) -> None:
    # CPU: SIGXCPU at the soft limit, SIGKILL a second later (also when the parent is gone). AS: a huge
    # object table or whatever else grows without end gets a MemoryError.
    _lower(resource.RLIMIT_CPU, cpu_seconds, cpu_seconds + 1)
    _lower(resource.RLIMIT_AS, memory_bytes, memory_bytes)
    _lower(resource.RLIMIT_CORE, 0, 0)


def _lower(kind: int, soft: int, hard: int) -> None:
    # Never above a hard limit the process already has (raising it is not allowed).
    _, current = resource.getrlimit(kind)
    if current != resource.RLIM_INFINITY:
        soft, hard = min(soft, current), min(hard, current)
    resource.setrlimit(kind, (soft, hard))


def _pypdf_probe(content: bytes) -> None:
    # pypdf warns once per broken object: tens of thousands of lines for a crafted file. Nobody reads them.
    logging.disable(logging.CRITICAL)
    for name in _PYPDF_UNNEEDED:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]  # None makes the import fail fast
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        encrypted = reader.is_encrypted
        page_count = 0 if encrypted else len(reader.pages)
    except LimitReachedError as exc:
        raise _Refused(TOO_COMPLEX, f"pypdf {type(exc).__name__}") from exc
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:
        # pypdf can fail while setting up decryption (e.g. AES without the cryptography package); a file
        # that mentions /Encrypt most likely failed for that reason, so say so.
        verdict = ENCRYPTED if b"/Encrypt" in content else INVALID
        raise _Refused(verdict, f"pypdf {type(exc).__name__}") from exc
    if encrypted:
        raise _Refused(ENCRYPTED, "encrypted")
    if page_count < 1:
        raise _Refused(INVALID, "no pages")


def _pyhanko_probe(content: bytes) -> None:
    counter = _WarningCounter()
    logging.basicConfig(handlers=[counter], level=logging.WARNING, force=True)
    # Only the reader: pyHanko's signing and validation packages take another 0.3 s to import, and the
    # risk lies in the parsing (cross-references, object streams, the form's field tree).
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(content), strict=False)
        signatures = _signature_fields(reader.root)
    except _Refused:
        raise
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:
        raise _Refused(INVALID, type(exc).__name__) from exc
    if counter.count > MAX_PYHANKO_WARNINGS:
        raise _Refused(TOO_COMPLEX, f"{counter.count} pyHanko warnings")
    if signatures > MAX_SIGNATURES:
        raise _Refused(TOO_COMPLEX, f"{signatures} signatures")


def _signature_fields(root) -> int:
    """Filled signature fields, walking the form's field tree as pyHanko's ``embedded_signatures`` does
    (and reading each signature dictionary), with a bound on fields and depth instead of its recursion."""
    acro_form = _value(root, "/AcroForm")
    pending = [(field, 0) for field in _items(_value(acro_form, "/Fields"))]
    visited = 0
    filled = 0
    while pending:
        field, depth = pending.pop()
        visited += 1
        if visited > MAX_FORM_FIELDS or depth > MAX_FIELD_DEPTH:
            raise _Refused(TOO_COMPLEX, "form field tree over the limit")
        value = _value(field, "/V")
        if _value(field, "/FT") == "/Sig" and value is not None:
            _value(value, "/Contents")
            filled += 1
        pending.extend((kid, depth + 1) for kid in _items(_value(field, "/Kids")))
    return filled


def _value(container, key: str):
    # pyHanko resolves indirect references on item access, not on get().
    if not isinstance(container, dict) or key not in container:
        return None
    return container[key]


def _items(array) -> list:
    return [array[index] for index in range(len(array))] if isinstance(array, list) else []


def _check_inflation(content: bytes, *, budget: int) -> None:
    """Inflates every stream that is zlib data, counting the output, and refuses the file once the total
    passes the budget: a few kilobytes of deflated zeros make gigabytes for whoever opens the file.

    Streams are found by their keyword in the raw bytes rather than through the parser, which would cost
    tens of microseconds per object; objects inside object streams cannot be streams themselves. Output is
    counted and dropped, so memory stays at one chunk whatever the stream holds."""
    view = memoryview(content)
    total = 0
    position = 0
    while (start := content.find(b"stream", position)) >= 0:
        position = start + 6
        if content[max(start - 3, 0) : start] == b"end":
            continue
        # The keyword is followed by CRLF or LF (a lone CR is tolerated by readers); anything else means
        # the six letters were part of something else.
        if content.startswith(b"\r\n", position):
            position += 2
        elif content[position : position + 1] in (b"\n", b"\r"):
            position += 1
        else:
            continue
        total += _inflated_size(view[position:], budget=budget - total)
        end = content.find(b"endstream", position)
        position = end + 9 if end >= 0 else len(content)


def _inflated_size(data: memoryview, *, budget: int) -> int:
    inflater = zlib.decompressobj()
    produced = 0
    for offset in range(0, len(data), _INPUT_CHUNK):
        piece: bytes | memoryview = data[offset : offset + _INPUT_CHUNK]
        while piece:
            try:
                produced += len(inflater.decompress(piece, _OUTPUT_CHUNK))
            except zlib.error:
                # Not zlib data (an image, an uncompressed stream) or damaged: viewers stop here too.
                return produced
            if produced > budget:
                raise _Refused(TOO_COMPLEX, "inflated streams over the limit")
            if inflater.eof:
                return produced
            piece = inflater.unconsumed_tail
    return produced


if __name__ == "__main__":
    sys.exit(main(sys.argv))
