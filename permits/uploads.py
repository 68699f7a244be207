"""Server-side validation of uploaded documents (permit documents, complaint attachments, Tim Teknis files):
``check_upload``, the one entry point, and the checks every kind shares.

Nothing an uploader claims is trusted: the declared size is checked before any byte is read, the
extension must be on the allow-list, the leading bytes must match the extension, and the content must
actually parse as that type. PDFs are parsed in a child process with time and memory limits, after a
structural check of the raw bytes (core.pdf_guard): a crafted PDF must not hold a worker for seconds.
Images are decoded and checked for data smuggled next to the picture in upload_images. What a refused
uploader reads (``UploadRejected`` and its codes) is in upload_rejections.

Pure module: no models, no database, no settings at import time.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from core.pdf_guard import ENCRYPTED, TOO_COMPLEX, PdfRefused, pdf_check

from . import upload_rejections
from .upload_images import image_check

__all__ = ["ALLOWED_KINDS", "CheckedUpload", "check_upload"]

# kind -> (accepted extensions, content type). The first extension is the normalized one.
ALLOWED_KINDS: dict[str, tuple[tuple[str, ...], str]] = {
    "pdf": ((".pdf",), "application/pdf"),
    "jpg": ((".jpg", ".jpeg"), "image/jpeg"),
    "png": ((".png",), "image/png"),
}

_DISPLAY_NAME_MAX = 120
_FALLBACK_STEM = "dokumen"
_READ_CHUNK = 64 * 1024

_PDF_MAGIC = b"%PDF-"
# ISO 32000 readers tolerate some junk before the header; we only tolerate a BOM and whitespace so that
# an HTML/JS payload can never sit in front of the PDF.
_PDF_HEADER_WINDOW = 1024
_PDF_LEADING_WHITESPACE = b" \t\r\n\f"
_UTF8_BOM = b"\xef\xbb\xbf"
_JPEG_MAGIC = b"\xff\xd8\xff"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckedUpload:
    kind: str  # "pdf" | "jpg" | "png"
    content_type: str  # "application/pdf" | "image/jpeg" | "image/png"
    extension: str  # normalized: ".pdf" | ".jpg" | ".png"
    display_name: str  # sanitized basename, safe to show; never empty
    size: int
    sha256: str  # hex digest of the content


def check_upload(*, uploaded_file: Any, accepted_kinds: Iterable[str], max_bytes: int) -> CheckedUpload:
    """Validates a django UploadedFile (or any file-like with .name, .size, .read/.seek/.chunks).

    Raises upload_rejections.UploadRejected. On success the file position is back at 0 so the caller can
    save it.
    """
    kinds = _validate_kinds(accepted_kinds)
    if max_bytes <= 0:
        raise ValueError("max_bytes must be positive")

    # 1. Size, from the declared size only: an oversized upload is refused without reading it.
    declared_size = getattr(uploaded_file, "size", None)
    if declared_size is not None:
        _check_size(size=declared_size, max_bytes=max_bytes)

    # 2. Extension of the basename.
    basename = _clean_basename(str(getattr(uploaded_file, "name", None) or ""))
    stem, extension = _split_extension(basename)
    kind = _kind_for_extension(extension=extension, kinds=kinds)
    if kind is None:
        raise upload_rejections.extension_not_allowed(kinds=kinds)

    try:
        content, sha256 = _read_capped(uploaded_file, max_bytes=max_bytes)
        # The declared size may be missing or wrong; the bytes actually read are what count.
        _check_size(size=len(content), max_bytes=max_bytes)
        # 3. Magic bytes.
        _check_signature(content=content, kind=kind, extension=extension)
        # 4 + 5. Parse, then (images) look for smuggled data.
        if kind == "pdf":
            _check_pdf(content)
        else:
            image_check(content=content, kind=kind)
    finally:
        _rewind(uploaded_file)

    extensions, content_type = ALLOWED_KINDS[kind]
    return CheckedUpload(
        kind=kind,
        content_type=content_type,
        extension=extensions[0],
        display_name=_display_name(stem=stem, extension=extension, normalized_extension=extensions[0]),
        size=len(content),
        sha256=sha256,
    )


# --- kinds and sizes -------------------------------------------------------------------------------


def _validate_kinds(accepted_kinds: Iterable[str]) -> tuple[str, ...]:
    # A bare string would iterate per character ("pdf" -> "p", "d", "f"); refuse it loudly.
    if isinstance(accepted_kinds, str):
        raise TypeError("accepted_kinds must be an iterable of kinds, not a string")
    requested = set(accepted_kinds)
    unknown = requested - ALLOWED_KINDS.keys()
    if unknown:
        raise ValueError(f"Unknown upload kinds: {sorted(unknown)}")
    if not requested:
        raise ValueError("accepted_kinds must not be empty")
    return tuple(kind for kind in ALLOWED_KINDS if kind in requested)


def _check_size(*, size: int, max_bytes: int) -> None:
    if size <= 0:
        raise upload_rejections.empty()
    if size > max_bytes:
        raise upload_rejections.too_large(size=size, max_bytes=max_bytes)


# --- names ------------------------------------------------------------------------------------------


def _clean_basename(raw: str) -> str:
    # Browsers (old IE, some mobile clients) send full client paths, with either separator.
    basename = re.split(r"[/\\]", unicodedata.normalize("NFC", raw))[-1]
    # Drop control, format (incl. bidi overrides that disguise extensions), surrogate and unassigned
    # characters; they have no place in a name we show back or put in a header.
    basename = "".join(ch for ch in basename if not unicodedata.category(ch).startswith("C"))
    basename = " ".join(basename.split())
    # Windows ignores trailing dots and spaces, so "x.pdf." must be treated as "x.pdf".
    return basename.rstrip(". ")


def _split_extension(basename: str) -> tuple[str, str]:
    stem, dot, suffix = basename.rpartition(".")
    if not dot or not suffix:
        return basename, ""
    return stem, "." + suffix.lower()


def _kind_for_extension(*, extension: str, kinds: tuple[str, ...]) -> str | None:
    for kind in kinds:
        if extension in ALLOWED_KINDS[kind][0]:
            return kind
    return None


def _display_name(*, stem: str, extension: str, normalized_extension: str) -> str:
    # Leading dots would make hidden files or leave ".." behind.
    stem = stem.strip().lstrip(".").strip()
    if not stem:
        return _FALLBACK_STEM + normalized_extension
    stem = stem[: _DISPLAY_NAME_MAX - len(extension)].rstrip(". ")
    return (stem or _FALLBACK_STEM) + extension


# --- reading ----------------------------------------------------------------------------------------


def _iter_chunks(uploaded_file: Any) -> Iterator[bytes]:
    chunks = getattr(uploaded_file, "chunks", None)
    if callable(chunks):
        # Django's File.chunks() rewinds before reading.
        yield from chunks()
        return
    _rewind(uploaded_file)
    while block := uploaded_file.read(_READ_CHUNK):
        yield block


def _read_capped(uploaded_file: Any, *, max_bytes: int) -> tuple[bytes, str]:
    digest = hashlib.sha256()
    buffer = bytearray()
    for chunk in _iter_chunks(uploaded_file):
        digest.update(chunk)
        buffer += chunk
        # Stop as soon as the content proves larger than allowed, whatever .size claimed.
        if len(buffer) > max_bytes:
            break
    return bytes(buffer), digest.hexdigest()


def _rewind(uploaded_file: Any) -> None:
    seek = getattr(uploaded_file, "seek", None)
    # Unseekable or closed: there is nothing left for the caller to save from anyway.
    if callable(seek):
        with contextlib.suppress(OSError, ValueError):
            seek(0)


# --- signatures -------------------------------------------------------------------------------------


def _check_signature(*, content: bytes, kind: str, extension: str) -> None:
    if kind == "pdf":
        head = content[:_PDF_HEADER_WINDOW].removeprefix(_UTF8_BOM).lstrip(_PDF_LEADING_WHITESPACE)
        matches = head.startswith(_PDF_MAGIC)
    elif kind == "jpg":
        matches = content.startswith(_JPEG_MAGIC)
    else:
        matches = content.startswith(_PNG_MAGIC)
    if not matches:
        raise upload_rejections.signature_mismatch(extension=extension)


# --- PDF --------------------------------------------------------------------------------------------


def _check_pdf(content: bytes) -> None:
    # Parsed in a child process with time and memory limits, after a structural check of the raw bytes:
    # see pdf_guard. The refusal's one log line is written here, never the parser's own warnings.
    try:
        pdf_check(content=content, parser="pypdf")
    except PdfRefused as refused:
        level = logging.WARNING if refused.verdict == TOO_COMPLEX else logging.INFO
        logger.log(level, "PDF refused: %s", refused.reason)
        rejections = {
            TOO_COMPLEX: upload_rejections.pdf_too_complex,
            ENCRYPTED: upload_rejections.pdf_encrypted,
        }
        raise rejections.get(refused.verdict, upload_rejections.pdf_invalid)() from None
