"""What a refused upload tells the uploader: ``UploadRejected`` and one constructor per rejection code.

``check_upload`` (uploads.py) and the image checks (upload_images.py) decide *whether* to refuse; this
module says *what* the uploader reads. Every code a rejection can carry is listed here, with its message
and parameters (sizes in Indonesian number notation). Messages go through ``gettext`` when a rejection
is built (not at import), so they follow the active language.
"""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

# Label shown to the applicant; order fixes the order in "PDF, JPG, atau PNG".
_KIND_LABELS: dict[str, str] = {"pdf": "PDF", "jpg": "JPG", "png": "PNG"}

_BYTES_PER_KB = 1024
_BYTES_PER_MB = 1024 * 1024


class UploadRejected(ValidationError):
    """A rejected upload; ``code`` says which check failed, the message is for the applicant."""

    def __init__(self, message: str, *, code: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(message, code=code, params=params)


# --- any file ---------------------------------------------------------------------------------------


def extension_not_allowed(*, kinds: tuple[str, ...]) -> UploadRejected:
    return UploadRejected(
        gettext("Jenis berkas tidak diizinkan. Unggah berkas %(allowed)s."),
        code="extension",
        params={"allowed": _allowed_label(kinds)},
    )


def _allowed_label(kinds: tuple[str, ...]) -> str:
    labels = [_KIND_LABELS[kind] for kind in kinds]
    if len(labels) == 1:
        return labels[0]
    # "PDF atau JPG", "PDF, JPG, atau PNG" — the conjunction is translated ("or" in English).
    conjunction = gettext("atau")
    separator = f", {conjunction} " if len(labels) > 2 else f" {conjunction} "
    return ", ".join(labels[:-1]) + separator + labels[-1]


def empty() -> UploadRejected:
    return UploadRejected(gettext("Berkas kosong. Unggah berkas yang berisi dokumen."), code="empty")


def too_large(*, size: int, max_bytes: int) -> UploadRejected:
    return UploadRejected(
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


def signature_mismatch(*, extension: str) -> UploadRejected:
    return UploadRejected(
        gettext("Isi berkas tidak sesuai dengan jenisnya (%(extension)s)."),
        code="signature",
        params={"extension": extension},
    )


# --- PDF --------------------------------------------------------------------------------------------


def pdf_too_complex() -> UploadRejected:
    return UploadRejected(
        gettext(
            "Berkas PDF terlalu rumit atau rusak untuk diperiksa. Simpan ulang sebagai PDF biasa "
            "(mis. “Cetak ke PDF”) lalu unggah kembali."
        ),
        code="pdf_too_complex",
    )


def pdf_encrypted() -> UploadRejected:
    return UploadRejected(
        gettext("Berkas PDF dilindungi kata sandi. Unggah berkas tanpa kata sandi."), code="pdf_encrypted"
    )


def pdf_invalid() -> UploadRejected:
    return UploadRejected(gettext("Berkas PDF rusak atau tidak dapat dibaca."), code="pdf_invalid")


# --- images -----------------------------------------------------------------------------------------


def image_too_large(*, max_pixels: int | None) -> UploadRejected:
    """``max_pixels`` is Pillow's ``Image.MAX_IMAGE_PIXELS`` (None when the limit is switched off)."""
    limit = max_pixels or 0
    return UploadRejected(
        gettext(
            "Dimensi gambar terlalu besar (maksimum %(limit)s megapiksel). "
            "Perkecil ukuran gambar lalu unggah kembali."
        ),
        code="image_too_large",
        params={"limit": _format_decimal(math.floor(limit / 100_000) / 10)},
    )


def image_invalid() -> UploadRejected:
    return UploadRejected(gettext("Berkas gambar rusak atau tidak dapat dibaca."), code="image_invalid")


def image_polyglot() -> UploadRejected:
    return UploadRejected(
        gettext("Berkas gambar mengandung data tambahan yang tidak diizinkan."), code="image_polyglot"
    )
