"""Tests for permits.uploads.check_upload. Every fixture is generated in code; no files on disk."""

from __future__ import annotations

import hashlib
import io
import random
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin
from pypdf import PdfWriter

from permits.upload_rejections import UploadRejected
from permits.uploads import ALLOWED_KINDS, CheckedUpload, check_upload

MB = 1024 * 1024
ALL_KINDS = ("pdf", "jpg", "png")


# --- fixture builders -------------------------------------------------------------------------------


def make_pdf(*, user_password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if user_password is not None:
        # RC4 works without the optional cryptography package.
        writer.encrypt(user_password=user_password, owner_password="pemilik", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_image(fmt: str, *, size: tuple[int, int] = (16, 16), noise: bool = False, **save_kwargs) -> bytes:
    if noise:
        # High-entropy pixels give long entropy-coded/IDAT data full of 0xFF bytes and near-markers.
        rng = random.Random(1234)
        image = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    else:
        image = Image.new("RGB", size, (200, 30, 30))
    buffer = io.BytesIO()
    image.save(buffer, fmt, **save_kwargs)
    return buffer.getvalue()


def make_png(**kwargs) -> bytes:
    return make_image("PNG", **kwargs)


def make_jpeg(**kwargs) -> bytes:
    return make_image("JPEG", **kwargs)


def png_with_dimensions(width: int, height: int) -> bytes:
    """A small PNG whose IHDR claims other dimensions, with a valid CRC so only the size is wrong."""
    data = bytearray(make_png(size=(4, 4)))
    ihdr_start = 8  # after the signature: length(4) type(4) data(13) crc(4)
    assert data[ihdr_start + 4 : ihdr_start + 8] == b"IHDR"
    struct.pack_into(">II", data, ihdr_start + 8, width, height)
    crc = zlib.crc32(bytes(data[ihdr_start + 4 : ihdr_start + 8 + 13]))
    struct.pack_into(">I", data, ihdr_start + 8 + 13, crc)
    return bytes(data)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


class RawFile:
    """File-like that keeps .name verbatim (Django's UploadedFile already strips "/" paths)."""

    def __init__(self, name: str, content: bytes, *, size: int | None = None) -> None:
        self.name = name
        self._buffer = io.BytesIO(content)
        self.size = len(content) if size is None else size

    def read(self, n: int = -1) -> bytes:
        return self._buffer.read(n)

    def seek(self, pos: int) -> int:
        return self._buffer.seek(pos)

    def tell(self) -> int:
        return self._buffer.tell()


class UnreadableFile:
    """Declares a size but explodes if anything tries to read it."""

    def __init__(self, name: str, size: int) -> None:
        self.name = name
        self.size = size

    def _boom(self, *args, **kwargs):
        raise AssertionError("content must not be read")

    read = seek = chunks = tell = _boom


def check(file, *, kinds=ALL_KINDS, max_bytes: int = 5 * MB) -> CheckedUpload:
    return check_upload(uploaded_file=file, accepted_kinds=kinds, max_bytes=max_bytes)


def rejected_code(file, **kwargs) -> str:
    with pytest.raises(UploadRejected) as excinfo:
        check(file, **kwargs)
    return excinfo.value.code


# --- accepted files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "builder", "kind", "content_type", "extension"),
    [
        ("izin.pdf", make_pdf, "pdf", "application/pdf", ".pdf"),
        ("ktp.jpg", make_jpeg, "jpg", "image/jpeg", ".jpg"),
        ("ktp.jpeg", make_jpeg, "jpg", "image/jpeg", ".jpg"),
        ("denah.png", make_png, "png", "image/png", ".png"),
        ("IZIN.PDF", make_pdf, "pdf", "application/pdf", ".pdf"),
        ("Foto.JPEG", make_jpeg, "jpg", "image/jpeg", ".jpg"),
    ],
)
def test_valid_files_are_accepted(name, builder, kind, content_type, extension):
    content = builder()
    file = upload(name, content)

    result = check(file)

    assert result == CheckedUpload(
        kind=kind,
        content_type=content_type,
        extension=extension,
        display_name=result.display_name,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    assert result.display_name.lower() == name.lower()
    assert ALLOWED_KINDS[kind][1] == content_type


def test_file_is_rewound_for_the_caller():
    content = make_pdf()
    file = upload("izin.pdf", content)
    file.read(10)

    check(file)

    assert file.tell() == 0
    assert file.read() == content


def test_plain_file_like_without_chunks_is_supported():
    content = make_png()
    file = RawFile("denah.png", content)

    result = check(file)

    assert result.sha256 == hashlib.sha256(content).hexdigest()
    assert file.tell() == 0


def test_pdf_with_bom_and_leading_whitespace_is_accepted():
    assert check(upload("izin.pdf", b"\xef\xbb\xbf \r\n" + make_pdf())).kind == "pdf"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(make_jpeg(size=(300, 200), noise=True), id="noisy-jpeg"),
        pytest.param(make_jpeg(size=(300, 200), noise=True, progressive=True), id="progressive-jpeg"),
        pytest.param(make_jpeg(size=(64, 64), exif=Image.Exif()), id="jpeg-with-exif"),
        pytest.param(make_jpeg() + b"\x00\x00\r\n", id="jpeg-zero-padding"),
    ],
)
def test_real_world_jpeg_variants_are_accepted(content):
    assert check(upload("foto.jpg", content)).kind == "jpg"


def test_multi_picture_jpeg_from_phone_camera_is_accepted():
    buffer = io.BytesIO()
    first, second = Image.new("RGB", (32, 32), "red"), Image.new("RGB", (32, 32), "blue")
    first.save(buffer, "MPO", save_all=True, append_images=[second])

    assert check(upload("foto.jpg", buffer.getvalue())).kind == "jpg"


def test_noisy_png_is_accepted():
    assert check(upload("denah.png", make_png(size=(300, 200), noise=True))).kind == "png"


# --- size -------------------------------------------------------------------------------------------


def test_empty_file_is_rejected():
    assert rejected_code(upload("izin.pdf", b"")) == "empty"


def test_oversized_file_is_rejected_without_reading():
    file = UnreadableFile("izin.pdf", size=7549747)  # 7.2 MB

    with pytest.raises(UploadRejected) as excinfo:
        check(file, max_bytes=5 * MB)

    assert excinfo.value.code == "too_large"
    assert excinfo.value.messages == ["Ukuran berkas 7,2 MB melebihi batas 5 MB."]


def test_size_just_over_the_limit_never_reads_as_equal_to_it():
    with pytest.raises(UploadRejected) as excinfo:
        check(UnreadableFile("izin.pdf", size=5 * MB + 1), max_bytes=5 * MB)

    assert excinfo.value.messages == ["Ukuran berkas 5,1 MB melebihi batas 5 MB."]


def test_size_check_comes_before_extension_check():
    assert rejected_code(UnreadableFile("virus.exe", size=6 * MB)) == "too_large"


def test_understated_size_is_caught_while_reading():
    content = make_pdf()
    file = RawFile("izin.pdf", content, size=10)

    assert rejected_code(file, max_bytes=len(content) - 1) == "too_large"


# --- extension --------------------------------------------------------------------------------------


def test_kind_not_accepted_here_is_rejected():
    with pytest.raises(UploadRejected) as excinfo:
        check(upload("denah.png", make_png()), kinds=["pdf"])

    assert excinfo.value.code == "extension"
    assert excinfo.value.messages == ["Jenis berkas tidak diizinkan. Unggah berkas PDF."]


@pytest.mark.parametrize("name", ["dokumen", "izin.exe", "izin.pdf.exe", "izin.html", "izin.", "izin.svg"])
def test_unknown_extensions_are_rejected(name):
    with pytest.raises(UploadRejected) as excinfo:
        check(upload(name, make_pdf()))

    assert excinfo.value.code == "extension"
    assert excinfo.value.messages == ["Jenis berkas tidak diizinkan. Unggah berkas PDF, JPG, atau PNG."]


def test_two_kinds_are_listed_with_atau():
    with pytest.raises(UploadRejected) as excinfo:
        check(upload("x.doc", b"x"), kinds=["png", "jpg"])

    assert excinfo.value.messages == ["Jenis berkas tidak diizinkan. Unggah berkas JPG atau PNG."]


def test_programmer_errors_in_accepted_kinds_are_not_upload_rejections():
    with pytest.raises(ValueError):
        check(upload("izin.pdf", make_pdf()), kinds=["pdf", "docx"])
    with pytest.raises(ValueError):
        check(upload("izin.pdf", make_pdf()), kinds=[])
    with pytest.raises(TypeError):
        check(upload("izin.pdf", make_pdf()), kinds="pdf")


# --- signature --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("izin.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>", id="html-as-pdf"),
        pytest.param("izin.pdf", b"<html>\n%PDF-1.7\n" + make_pdf(), id="html-before-pdf-header"),
        pytest.param("izin.pdf", make_png(), id="png-as-pdf"),
        pytest.param("izin.pdf", b"\x00%PDF-1.7\n", id="nul-before-pdf-header"),
        pytest.param("denah.png", make_pdf(), id="pdf-as-png"),
        pytest.param("denah.png", make_jpeg(), id="jpeg-as-png"),
        pytest.param("foto.jpg", make_png(), id="png-as-jpg"),
        pytest.param("foto.jpg", b" " + make_jpeg(), id="space-before-jpeg"),
    ],
)
def test_content_must_match_the_extension(name, content):
    with pytest.raises(UploadRejected) as excinfo:
        check(upload(name, content))

    assert excinfo.value.code == "signature"
    extension = "." + name.rsplit(".", 1)[1]
    assert excinfo.value.messages == [f"Isi berkas tidak sesuai dengan jenisnya ({extension})."]


# --- PDF parsing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"%PDF-1.7\n" + bytes(range(256)) * 8, id="garbage-after-header"),
        pytest.param(b"%PDF-1.7\n<script>alert(1)</script>\n%%EOF\n", id="script-after-header"),
        pytest.param(make_pdf()[:200], id="truncated"),
    ],
)
def test_unparseable_pdf_is_rejected(content):
    with pytest.raises(UploadRejected) as excinfo:
        check(upload("izin.pdf", content))

    assert excinfo.value.code == "pdf_invalid"
    assert excinfo.value.messages == ["Berkas PDF rusak atau tidak dapat dibaca."]


def test_pdf_without_pages_is_rejected():
    buffer = io.BytesIO()
    PdfWriter().write(buffer)

    assert rejected_code(upload("izin.pdf", buffer.getvalue())) == "pdf_invalid"


@pytest.mark.parametrize("password", ["rahasia", ""])
def test_encrypted_pdf_is_rejected(password):
    with pytest.raises(UploadRejected) as excinfo:
        check(upload("izin.pdf", make_pdf(user_password=password)))

    assert excinfo.value.code == "pdf_encrypted"
    assert excinfo.value.messages == ["Berkas PDF dilindungi kata sandi. Unggah berkas tanpa kata sandi."]


# --- image parsing ----------------------------------------------------------------------------------


def _flip_byte_in_idat(png: bytes) -> bytes:
    data = bytearray(png)
    data[png.index(b"IDAT") + 6] ^= 0xFF
    return bytes(data)


def _png_with_garbage_pixel_data(png: bytes) -> bytes:
    """Valid chunk structure and CRCs, but IDAT is not zlib data: only decoding the pixels notices."""
    data = bytearray(png)
    start = png.index(b"IDAT")
    length = int.from_bytes(png[start - 4 : start], "big")
    data[start + 4 : start + 4 + length] = b"\xaa" * length
    struct.pack_into(">I", data, start + 4 + length, zlib.crc32(bytes(data[start : start + 4 + length])))
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("denah.png", make_png()[:40], id="truncated-png"),
        pytest.param("denah.png", _png_with_garbage_pixel_data(make_png()), id="png-undecodable-pixels"),
        pytest.param("denah.png", _flip_byte_in_idat(make_png()), id="png-bad-crc"),
        pytest.param("denah.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, id="png-signature-only"),
        pytest.param("foto.jpg", make_jpeg(size=(64, 64), noise=True)[:300], id="truncated-jpeg"),
        pytest.param("foto.jpg", b"\xff\xd8\xff\xe0" + b"not really a jpeg", id="jpeg-signature-only"),
    ],
)
def test_corrupt_image_is_rejected(name, content):
    with pytest.raises(UploadRejected) as excinfo:
        check(upload(name, content))

    assert excinfo.value.code == "image_invalid"
    assert excinfo.value.messages == ["Berkas gambar rusak atau tidak dapat dibaca."]


def test_decompression_bomb_header_is_rejected():
    bomb = png_with_dimensions(100_000, 100_000)
    assert len(bomb) < 200

    assert rejected_code(upload("denah.png", bomb)) == "image_too_large"


def test_image_over_max_image_pixels_is_rejected(monkeypatch):
    # 16x16 = 256 pixels: over the limit but under Pillow's own 2x hard error, so Pillow only warns and
    # our explicit check must stop the image before load().
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 200)

    with pytest.warns(Image.DecompressionBombWarning):
        code = rejected_code(upload("denah.png", make_png(size=(16, 16))))

    assert code == "image_too_large"


@pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")
def test_image_over_max_image_pixels_is_rejected_when_warnings_are_errors(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 200)

    assert rejected_code(upload("denah.png", make_png(size=(16, 16)))) == "image_too_large"


# --- polyglots --------------------------------------------------------------------------------------


def _png_with_text(text: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    return make_png(pnginfo=info)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("foto.jpg", make_jpeg() + b"<script>alert(1)</script>", id="jpeg-script-after-eoi"),
        pytest.param("foto.jpg", make_jpeg() + b"PK\x03\x04payload\xff\xd9", id="jpeg-payload-ending-in-eoi"),
        pytest.param("foto.jpg", make_jpeg(comment=b"<html><body>hi</body></html>"), id="jpeg-com-html"),
        pytest.param("foto.jpg", make_jpeg(comment=b"<?php system($_GET[1]); ?>"), id="jpeg-com-php"),
        pytest.param("foto.jpg", make_jpeg(comment=b"go JavaScript:alert(1)"), id="jpeg-com-javascript-url"),
        pytest.param(
            "denah.png", make_png() + b"<html><script>alert(1)</script></html>", id="png-html-after-iend"
        ),
        pytest.param("denah.png", make_png() + b"\x00\x00garbage", id="png-junk-after-padding"),
        pytest.param("denah.png", _png_with_text("<svg onload=alert(1)>"), id="png-text-svg"),
        pytest.param("denah.png", _png_with_text("<!DOCTYPE html>"), id="png-text-doctype"),
        pytest.param("denah.png", _png_with_text("<IFRAME/src=x>"), id="png-text-iframe-uppercase"),
    ],
)
def test_image_polyglots_are_rejected(name, content):
    with pytest.raises(UploadRejected) as excinfo:
        check(upload(name, content))

    assert excinfo.value.code == "image_polyglot"
    assert excinfo.value.messages == ["Berkas gambar mengandung data tambahan yang tidak diizinkan."]


def test_tag_like_bytes_without_a_tag_boundary_are_not_markup():
    # Such 4-byte sequences occur by chance in compressed pixel data; only real tags are refused.
    content = _png_with_text("<svgfoo <htmlx <scripts")

    assert check(upload("denah.png", content)).kind == "png"


def test_png_trailing_padding_is_allowed():
    assert check(upload("denah.png", make_png() + b"\n\x00\x00")).kind == "png"


# --- display names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw_name", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\x.pdf", "x.pdf"),
        ("a/b/c.pdf", "c.pdf"),
        ("C:\\Users\\budi\\Surat Izin.pdf", "Surat Izin.pdf"),
        ("lap\x00oran\n2024.pdf", "laporan2024.pdf"),
        ("surat\u202efdp.pdf", "suratfdp.pdf"),  # right-to-left override used to disguise extensions
        ("  spasi   ganda  .pdf", "spasi ganda.pdf"),
        ("izin.pdf. . ", "izin.pdf"),
        ("..pdf", "dokumen.pdf"),
        (".pdf", "dokumen.pdf"),
        ("/\x00\n.pdf", "dokumen.pdf"),
        ("SURAT.PDF", "SURAT.pdf"),
    ],
)
def test_display_name_is_a_safe_basename(raw_name, expected):
    result = check(RawFile(raw_name, make_pdf()))

    assert result.display_name == expected
    assert "/" not in result.display_name and "\\" not in result.display_name
    assert result.display_name.isprintable()


def test_display_name_is_capped_and_keeps_the_extension():
    result = check(RawFile("a" * 300 + ".pdf", make_pdf()))

    assert len(result.display_name) == 120
    assert result.display_name.endswith(".pdf")


def test_path_traversal_name_through_django_uploaded_file():
    result = check(upload("../../etc/passwd.pdf", make_pdf()))

    assert result.display_name == "passwd.pdf"


def test_truncated_image_is_rejected_even_after_weasyprint_was_imported():
    """Regression: importing WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES globally."""
    import weasyprint  # noqa: F401
    from PIL import ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = True  # as WeasyPrint's import leaves it
    with pytest.raises(UploadRejected) as excinfo:
        check(upload("denah.png", _png_with_garbage_pixel_data(make_png())))
    assert excinfo.value.code == "image_invalid"
