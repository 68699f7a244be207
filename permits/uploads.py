"""Server-side validation of uploaded documents (permit documents, complaint attachments, Tim Teknis files).

Nothing an uploader claims is trusted: the declared size is checked before any byte is read, the
extension must be on the allow-list, the leading bytes must match the extension, and the content must
actually parse as that type. Images are additionally checked for data smuggled next to the picture
(polyglots), because an "image" that is also valid HTML/JS is an XSS vector if it is ever served or
sniffed as something else. PDFs are parsed in a child process with time and memory limits, after a
structural check of the raw bytes (pdf_guard): a crafted PDF must not hold a worker for seconds.

Pure module: no models, no database, no settings at import time. Messages go through ``gettext`` when
a rejection is raised (not at import), so they follow the active language.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from core.pdf_guard import ENCRYPTED, TOO_COMPLEX, PdfRefused, pdf_check

__all__ = ["ALLOWED_KINDS", "CheckedUpload", "UploadRejected", "check_upload"]

# kind -> (accepted extensions, content type). The first extension is the normalized one.
ALLOWED_KINDS: dict[str, tuple[tuple[str, ...], str]] = {
    "pdf": ((".pdf",), "application/pdf"),
    "jpg": ((".jpg", ".jpeg"), "image/jpeg"),
    "png": ((".png",), "image/png"),
}

# Label shown to the applicant; order fixes the order in "PDF, JPG, atau PNG".
_KIND_LABELS: dict[str, str] = {"pdf": "PDF", "jpg": "JPG", "png": "PNG"}

# Pillow plugin used to open each kind, and the format names it may report. Phone cameras often write
# multi-picture JPEGs, which Pillow's JPEG plugin reports as "MPO"; every viewer shows them as JPEGs.
_PILLOW_PLUGIN: dict[str, str] = {"jpg": "JPEG", "png": "PNG"}
_PILLOW_FORMATS: dict[str, tuple[str, ...]] = {"jpg": ("JPEG", "MPO"), "png": ("PNG",)}

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

# Bytes allowed after the end of an image: some encoders pad files with zeros or newlines.
_TRAILING_PADDING = b"\x00 \t\r\n\f\v"

# Markup that browsers or interpreters would act on. Tag names must be followed by a character that
# ends a tag name (whitespace, "/" or ">"), as a browser requires: a bare 4-byte "<svg" turns up by
# chance in roughly 1 of 50 ten-megabyte photos' compressed pixel data, which would reject honest uploads.
_MARKUP_RE = re.compile(
    rb"<(?:script|html|svg|iframe)[\s/>]|<!doctype[\s>]|<\?php\s|javascript:",
    re.IGNORECASE,
)

_BYTES_PER_KB = 1024
_BYTES_PER_MB = 1024 * 1024

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckedUpload:
    kind: str  # "pdf" | "jpg" | "png"
    content_type: str  # "application/pdf" | "image/jpeg" | "image/png"
    extension: str  # normalized: ".pdf" | ".jpg" | ".png"
    display_name: str  # sanitized basename, safe to show; never empty
    size: int
    sha256: str  # hex digest of the content


class UploadRejected(ValidationError):
    """A rejected upload; ``code`` says which check failed, the message is for the applicant."""

    def __init__(self, message: str, *, code: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(message, code=code, params=params)


def check_upload(*, uploaded_file: Any, accepted_kinds: Iterable[str], max_bytes: int) -> CheckedUpload:
    """Validates a django UploadedFile (or any file-like with .name, .size, .read/.seek/.chunks).

    Raises UploadRejected. On success the file position is back at 0 so the caller can save it.
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
        raise UploadRejected(
            gettext("Jenis berkas tidak diizinkan. Unggah berkas %(allowed)s."),
            code="extension",
            params={"allowed": _allowed_label(kinds)},
        )

    try:
        content, sha256 = _read_capped(uploaded_file, max_bytes=max_bytes)
        # The declared size may be missing or wrong; the bytes actually read are what count.
        _check_size(size=len(content), max_bytes=max_bytes)
        # 3. Magic bytes.
        _check_signature(content=content, kind=kind, extension=extension)
        # 4 + 5. Parse, then look for smuggled data.
        if kind == "pdf":
            _check_pdf(content)
        else:
            _check_image(content=content, kind=kind)
            _check_image_polyglot(content=content, kind=kind)
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


def _allowed_label(kinds: tuple[str, ...]) -> str:
    labels = [_KIND_LABELS[kind] for kind in kinds]
    if len(labels) == 1:
        return labels[0]
    # "PDF atau JPG", "PDF, JPG, atau PNG" — the conjunction is translated ("or" in English).
    conjunction = gettext("atau")
    separator = f", {conjunction} " if len(labels) > 2 else f" {conjunction} "
    return ", ".join(labels[:-1]) + separator + labels[-1]


def _check_size(*, size: int, max_bytes: int) -> None:
    if size <= 0:
        raise UploadRejected(gettext("Berkas kosong. Unggah berkas yang berisi dokumen."), code="empty")
    if size > max_bytes:
        raise UploadRejected(
            gettext("Ukuran berkas %(size)s melebihi batas %(limit)s."),
            code="too_large",
            # Size rounded up and limit rounded down, so the message never reads "5 MB exceeds 5 MB".
            params={
                "size": _format_size(size, round_up=True),
                "limit": _format_size(max_bytes, round_up=False),
            },
        )


def _format_size(num_bytes: int, *, round_up: bool) -> str:
    if num_bytes < _BYTES_PER_KB:
        return f"{num_bytes} bita"
    unit, divisor = ("MB", _BYTES_PER_MB) if num_bytes >= _BYTES_PER_MB else ("KB", _BYTES_PER_KB)
    tenths = num_bytes * 10 / divisor
    tenths = math.ceil(tenths) if round_up else math.floor(tenths)
    return f"{_format_decimal(tenths / 10)} {unit}"


def _format_decimal(value: float) -> str:
    # Indonesian notation: "." groups thousands, "," marks decimals; drop a trailing ",0".
    text = f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return text.removesuffix(",0")


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
        raise UploadRejected(
            gettext("Isi berkas tidak sesuai dengan jenisnya (%(extension)s)."),
            code="signature",
            params={"extension": extension},
        )


# --- PDF --------------------------------------------------------------------------------------------


def _check_pdf(content: bytes) -> None:
    # Parsed in a child process with time and memory limits, after a structural check of the raw bytes:
    # see pdf_guard. The refusal's one log line is written here, never the parser's own warnings.
    try:
        pdf_check(content=content, parser="pypdf")
    except PdfRefused as refused:
        level = logging.WARNING if refused.verdict == TOO_COMPLEX else logging.INFO
        logger.log(level, "PDF refused: %s", refused.reason)
        rejections = {TOO_COMPLEX: _pdf_too_complex, ENCRYPTED: _pdf_encrypted}
        raise rejections.get(refused.verdict, _pdf_invalid)() from None


def _pdf_too_complex() -> UploadRejected:
    return UploadRejected(
        gettext(
            "Berkas PDF terlalu rumit atau rusak untuk diperiksa. Simpan ulang sebagai PDF biasa "
            "(mis. “Cetak ke PDF”) lalu unggah kembali."
        ),
        code="pdf_too_complex",
    )


def _pdf_encrypted() -> UploadRejected:
    return UploadRejected(
        gettext("Berkas PDF dilindungi kata sandi. Unggah berkas tanpa kata sandi."), code="pdf_encrypted"
    )


def _pdf_invalid() -> UploadRejected:
    return UploadRejected(gettext("Berkas PDF rusak atau tidak dapat dibaca."), code="pdf_invalid")


# --- images -----------------------------------------------------------------------------------------


def _check_image(*, content: bytes, kind: str) -> None:
    from PIL import Image, ImageFile

    # WeasyPrint sets this Pillow-wide flag to True when it is imported, which would make load() accept
    # truncated images silently. Uploads must decode completely, so it is forced off before every check.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    plugin = [_PILLOW_PLUGIN[kind]]
    try:
        # verify() checks structure/CRCs but leaves the image unusable, hence the second open + load()
        # which actually decodes the pixels. formats= keeps Pillow from trying any other decoder.
        with Image.open(io.BytesIO(content), formats=plugin) as image:
            _check_dimensions(image.size)
            image.verify()
        with Image.open(io.BytesIO(content), formats=plugin) as image:
            if image.format not in _PILLOW_FORMATS[kind]:
                raise _image_invalid()
            image.load()
    except UploadRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow raises the error itself above 2x MAX_IMAGE_PIXELS; the warning only arrives here as an
        # exception when warnings are configured as errors. Both mean "too many pixels".
        raise _image_too_large() from exc
    except Exception as exc:
        raise _image_invalid() from exc


def _check_dimensions(size: tuple[int, int]) -> None:
    from PIL import Image

    # Checked explicitly because Pillow only warns between 1x and 2x the limit; done right after the
    # header is read, so a small file claiming huge dimensions is refused before anything is decoded.
    limit = Image.MAX_IMAGE_PIXELS
    width, height = size
    if limit is not None and width * height > limit:
        raise _image_too_large()


def _image_too_large() -> UploadRejected:
    from PIL import Image

    limit = Image.MAX_IMAGE_PIXELS or 0
    return UploadRejected(
        gettext(
            "Dimensi gambar terlalu besar (maksimum %(limit)s megapiksel). "
            "Perkecil ukuran gambar lalu unggah kembali."
        ),
        code="image_too_large",
        params={"limit": _format_decimal(math.floor(limit / 100_000) / 10)},
    )


def _image_invalid() -> UploadRejected:
    return UploadRejected(gettext("Berkas gambar rusak atau tidak dapat dibaca."), code="image_invalid")


def _image_polyglot() -> UploadRejected:
    return UploadRejected(
        gettext("Berkas gambar mengandung data tambahan yang tidak diizinkan."), code="image_polyglot"
    )


def _check_image_polyglot(*, content: bytes, kind: str) -> None:
    end = _jpeg_end(content) if kind == "jpg" else _png_end(content)
    if end is None:
        # Pillow decoded it, but we cannot find where it ends: do not guess, refuse.
        raise _image_invalid()
    if content[end:].strip(_TRAILING_PADDING):
        raise _image_polyglot()
    if _MARKUP_RE.search(content):
        raise _image_polyglot()


def _png_end(content: bytes) -> int | None:
    """Offset just past the IEND chunk, walking the chunk list; None if the structure is broken."""
    pos = len(_PNG_MAGIC)
    while pos + 8 <= len(content):
        length = int.from_bytes(content[pos : pos + 4], "big")
        chunk_type = content[pos + 4 : pos + 8]
        end = pos + 12 + length  # length + type + data + CRC
        if length > 0x7FFFFFFF or end > len(content):
            return None
        if chunk_type == b"IEND":
            return end
        pos = end
    return None


def _jpeg_end(content: bytes) -> int | None:
    """Offset just past the last EOI of the JPEG stream(s), walking segments; None if broken.

    Walking the markers (rather than searching for the last FFD9) finds where the image really
    ends: an appended ZIP/HTML payload cannot hide by ending itself with FFD9. Back-to-back JPEG
    streams (MPO pictures from phone cameras) are accepted as image data.
    """
    pos = 0
    end = None
    while content.startswith(b"\xff\xd8", pos):
        end = _jpeg_stream_end(content, pos + 2)
        if end is None:
            return None
        pos = end
        # MPO: the next picture may follow after padding.
        while pos < len(content) and content[pos] in _TRAILING_PADDING:
            pos += 1
    return end


def _jpeg_stream_end(content: bytes, pos: int) -> int | None:
    size = len(content)
    while pos < size:
        # Like libjpeg, skip stray bytes before a marker and any 0xFF fill bytes.
        pos = content.find(b"\xff", pos)
        if pos < 0:
            return None
        while pos < size and content[pos] == 0xFF:
            pos += 1
        if pos >= size:
            return None
        marker = content[pos]
        pos += 1
        if marker == 0xD9:  # EOI
            return pos
        if marker == 0x00 or 0xD0 <= marker <= 0xD8 or marker == 0x01:
            continue  # stuffed byte, RSTn, SOI or TEM: no length field
        if pos + 2 > size:
            return None
        length = int.from_bytes(content[pos : pos + 2], "big")
        if length < 2:
            return None
        pos += length
        if marker == 0xDA:  # SOS: entropy-coded data follows until the next real marker
            pos = _skip_entropy_coded(content, pos)
    return None


def _skip_entropy_coded(content: bytes, pos: int) -> int:
    # In scan data 0xFF is followed by 0x00 (stuffing), RSTn or fill 0xFF; anything else is a marker.
    size = len(content)
    while True:
        pos = content.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= size:
            return size
        following = content[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1 if following == 0xFF else 2
            continue
        return pos
