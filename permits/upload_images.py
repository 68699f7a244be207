"""The image half of upload validation: ``image_check`` proves that a JPEG or PNG upload really is one
picture and nothing else. ``check_upload`` (uploads.py) calls it once the size, extension and leading
bytes have passed.

Pillow must decode the whole image, with only the plugin for its kind: truncated images are refused even
when WeasyPrint has told Pillow to accept them, and so are images with more pixels than Pillow's
decompression-bomb limit (checked from the header, before any pixel is decoded). Then the image's own
structure is walked to where it ends: anything after it but padding, or markup a browser would act on
anywhere in the file, makes it a polyglot ("image" that is also HTML/JS), which would be an XSS vector if
it were ever served or sniffed as something else.

Pure module: no models, no database, no settings; Pillow is imported only when an image is checked.
"""

from __future__ import annotations

import io
import re

from . import upload_rejections

# Pillow plugin used to open each kind, and the format names it may report. Phone cameras often write
# multi-picture JPEGs, which Pillow's JPEG plugin reports as "MPO"; every viewer shows them as JPEGs.
_PILLOW_PLUGIN: dict[str, str] = {"jpg": "JPEG", "png": "PNG"}
_PILLOW_FORMATS: dict[str, tuple[str, ...]] = {"jpg": ("JPEG", "MPO"), "png": ("PNG",)}

# The PNG signature, which check_upload has matched before the image is checked; chunks follow it.
_PNG_SIGNATURE_SIZE = 8

# Bytes allowed after the end of an image: some encoders pad files with zeros or newlines.
_TRAILING_PADDING = b"\x00 \t\r\n\f\v"

# Markup that browsers or interpreters would act on. Tag names must be followed by a character that
# ends a tag name (whitespace, "/" or ">"), as a browser requires: a bare 4-byte "<svg" turns up by
# chance in roughly 1 of 50 ten-megabyte photos' compressed pixel data, which would reject honest uploads.
_MARKUP_RE = re.compile(
    rb"<(?:script|html|svg|iframe)[\s/>]|<!doctype[\s>]|<\?php\s|javascript:",
    re.IGNORECASE,
)


def image_check(*, content: bytes, kind: str) -> None:
    """Checks the bytes of a "jpg" or "png" upload whose leading bytes already match its kind.

    Raises UploadRejected (codes image_too_large, image_invalid, image_polyglot)."""
    _check_decodes(content=content, kind=kind)
    _check_not_polyglot(content=content, kind=kind)


def _check_decodes(*, content: bytes, kind: str) -> None:
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
                raise upload_rejections.image_invalid()
            image.load()
    except upload_rejections.UploadRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow raises the error itself above 2x MAX_IMAGE_PIXELS; the warning only arrives here as an
        # exception when warnings are configured as errors. Both mean "too many pixels".
        raise upload_rejections.image_too_large(max_pixels=Image.MAX_IMAGE_PIXELS) from exc
    except Exception as exc:
        raise upload_rejections.image_invalid() from exc


def _check_dimensions(size: tuple[int, int]) -> None:
    from PIL import Image

    # Checked explicitly because Pillow only warns between 1x and 2x the limit; done right after the
    # header is read, so a small file claiming huge dimensions is refused before anything is decoded.
    limit = Image.MAX_IMAGE_PIXELS
    width, height = size
    if limit is not None and width * height > limit:
        raise upload_rejections.image_too_large(max_pixels=limit)


def _check_not_polyglot(*, content: bytes, kind: str) -> None:
    end = _jpeg_end(content) if kind == "jpg" else _png_end(content)
    if end is None:
        # Pillow decoded it, but we cannot find where it ends: do not guess, refuse.
        raise upload_rejections.image_invalid()
    if content[end:].strip(_TRAILING_PADDING):
        raise upload_rejections.image_polyglot()
    if _MARKUP_RE.search(content):
        raise upload_rejections.image_polyglot()


def _png_end(content: bytes) -> int | None:
    """Offset just past the IEND chunk, walking the chunk list; None if the structure is broken."""
    pos = _PNG_SIGNATURE_SIZE
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
