"""Crafted PDFs that cost a parser seconds and flood the log are refused quickly, with one log line and a
clear message, on every path that parses an uploaded PDF: applicant documents, complaint attachments,
the anonymous verification page. Every fixture is generated in code.

The 2-second bounds are a security property (how long one such file may hold a worker), not a benchmark:
on this machine the structural check refuses most shapes in tens of milliseconds, the child refuses the
bomb in about 0.2 s. A shape nobody has thought of yet meets the child's limits (one second of CPU).
"""

from __future__ import annotations

import ast
import functools
import logging
import re
import time
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from complaints.models import Complaint, ComplaintAttachment
from core import pdf_guard
from core.pdf_guard import PdfRefused, pdf_check, pdf_precheck
from permits import services
from permits.models import ApplicationDocument
from permits.upload_rejections import UploadRejected
from permits.uploads import check_upload
from signing import verification
from tests.complaints.test_public_complaints import form_data
from tests.factories import PermitTypeFactory
from tests.files import pdf_bytes

SECURITY_BOUND_SECONDS = 2.0
MB = 1024 * 1024
MESSAGE = (
    "Berkas PDF terlalu rumit atau rusak untuk diperiksa. Simpan ulang sebagai PDF biasa "
    "(mis. “Cetak ke PDF”) lalu unggah kembali."
)


# --- builders ----------------------------------------------------------------------------------------


def assemble(objects: dict[int, bytes], *, size: int | None = None, xref_entries: int | None = None) -> bytes:
    """A PDF of the given objects (1 is the catalog) with a classic xref table. ``xref_entries`` pads the
    table with free entries; ``size`` overrides the trailer's /Size."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    entries = max(xref_entries or 0, max(offsets) + 1)
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % entries
    for number in range(1, entries):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 00000 f \n"
    declared = entries if size is None else size
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (declared, xref_at)
    return bytes(out)


def one_page(*, page_extra: bytes = b"", more: dict[int, bytes] | None = None, **kwargs) -> bytes:
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + page_extra + b" >>",
        **(more or {}),
    }
    return assemble(objects, **kwargs)


def nested_dictionaries(depth: int) -> bytes:
    # 9 bytes a level: 540 000 levels are 4.9 MB, just under the 5 MiB upload limit.
    return one_page(page_extra=b"/X " + b"<< /A " * depth + b"1" + b" >>" * depth)


def nested_arrays(depth: int) -> bytes:
    return one_page(page_extra=b"/X " + b"[" * depth + b"]" * depth)


def tiny_objects(count: int) -> bytes:
    # The xref lists the four real objects only; a lenient parser that does not trust it (the
    # startxref points nowhere) rebuilds it by reading every object in the file.
    pdf = bytearray(one_page())
    body = b"".join(b"%d 0 obj 0 endobj\n" % number for number in range(10, 10 + count))
    at = pdf.index(b"xref\n")
    pdf[at:at] = body
    return re.sub(rb"startxref\n\d+", b"startxref\n1", bytes(pdf))


def decompression_bomb() -> bytes:
    # 128 MiB of zeros deflate to about 130 KB: the page's content stream.
    deflater = zlib.compressobj(9)
    chunk = bytes(16 * MB)
    data = b"".join(deflater.compress(chunk) for _ in range(8)) + deflater.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)
    return one_page(page_extra=b"/Contents 4 0 R", more={4: stream})


SHAPES = {
    "nested-dictionaries-5mb": lambda: nested_dictionaries(540_000),
    "nested-dictionaries-deep": lambda: nested_dictionaries(150_000),
    "nested-arrays": lambda: nested_arrays(2_400_000),
    "tiny-objects": lambda: tiny_objects(220_000),
    "huge-xref": lambda: one_page(xref_entries=240_000),
    "huge-xref-small-size": lambda: one_page(xref_entries=240_000, size=4),
    "decompression-bomb": decompression_bomb,
}


@functools.cache
def shape(name: str) -> bytes:
    content = SHAPES[name]()
    assert content.startswith(b"%PDF-") and len(content) <= 5 * MB, (name, len(content))
    return content


def upload(content: bytes, name: str = "lampiran.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def refusal_records(caplog) -> list[logging.LogRecord]:
    # django.request's "Bad Request" line for a 400 response is the access log, not about the file.
    return [record for record in caplog.records if record.name != "django.request"]


def assert_one_refusal_line(caplog) -> None:
    records = refusal_records(caplog)
    assert len(records) == 1, [r.getMessage() for r in records]
    assert records[0].levelno == logging.WARNING
    assert records[0].getMessage().startswith("PDF refused: ")


def stored_files() -> set[Path]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


# --- the generated files are what they claim ---------------------------------------------------------


def test_every_shape_is_too_complex_and_the_control_passes():
    # Each shape trips a limit of the structural check or of the child, and nothing else does.
    for name in SHAPES:
        with pytest.raises(PdfRefused) as refused:
            pdf_check(content=shape(name))
        assert refused.value.verdict == pdf_guard.TOO_COMPLEX, name
    pdf_check(content=pdf_bytes())


# --- check_upload (applicant documents, Tim Teknis documents, complaint attachments) -----------------


@pytest.mark.parametrize("name", SHAPES)
def test_check_upload_refuses_each_shape_quickly_with_one_log_line(name, caplog):
    content = shape(name)

    with caplog.at_level(logging.INFO):
        started = time.perf_counter()
        with pytest.raises(UploadRejected) as rejected:
            check_upload(uploaded_file=upload(content), accepted_kinds=["pdf"], max_bytes=5 * MB)
        elapsed = time.perf_counter() - started

    assert elapsed <= SECURITY_BOUND_SECONDS, f"{name}: {elapsed:.2f} s"
    assert rejected.value.code == "pdf_too_complex"
    assert rejected.value.messages == [MESSAGE]
    assert_one_refusal_line(caplog)


def test_the_message_is_translated():
    with translation.override("en"), pytest.raises(UploadRejected) as rejected:
        check_upload(uploaded_file=upload(shape("tiny-objects")), accepted_kinds=["pdf"], max_bytes=5 * MB)
    assert rejected.value.messages == [
        "The PDF file is too complex or too damaged to be checked. Save it again as an ordinary PDF "
        "(e.g. with “Print to PDF”) and upload it again."
    ]


def test_a_small_valid_pdf_still_passes_every_parser():
    content = pdf_bytes()
    checked = check_upload(uploaded_file=upload(content), accepted_kinds=["pdf"], max_bytes=5 * MB)
    assert checked.kind == "pdf" and checked.size == len(content)
    pdf_check(content=content, parser="pyhanko")


# --- the applicant's upload page ---------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", SHAPES)
def test_applicant_upload_refuses_each_shape_and_stores_nothing(client, permit_type, applicant, name, caplog):
    draft = services.application_start(permit_type=permit_type, applicant=applicant)
    requirement = permit_type.requirements.first()  # PDF, JPG or PNG up to 5 MB
    client.force_login(applicant)
    url = reverse("permits:document_upload", kwargs={"pk": draft.pk, "requirement_pk": requirement.pk})
    before = stored_files()

    with caplog.at_level(logging.INFO):
        started = time.perf_counter()
        response = client.post(url, {f"req{requirement.pk}-file": upload(shape(name), "ktp.pdf")})
        elapsed = time.perf_counter() - started

    assert elapsed <= SECURITY_BOUND_SECONDS, f"{name}: {elapsed:.2f} s"
    assert response.status_code == 400
    assert escape(MESSAGE) in response.content.decode()
    assert not ApplicationDocument.objects.exists() and stored_files() == before
    assert_one_refusal_line(caplog)


# --- a complaint's attachment ------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.urls("tests.complaints.public_urls")
@pytest.mark.parametrize("name", SHAPES)
def test_complaint_attachment_refuses_each_shape_and_stores_nothing(client, name, caplog):
    service = PermitTypeFactory(name="Izin Praktik Bidan")
    data = form_data(service, attachments=[upload(shape(name), "bukti.pdf")])
    before = stored_files()

    with caplog.at_level(logging.INFO):
        started = time.perf_counter()
        response = client.post(reverse("complaints:complaint_new"), data)
        elapsed = time.perf_counter() - started

    assert elapsed <= SECURITY_BOUND_SECONDS, f"{name}: {elapsed:.2f} s"
    assert response.status_code == 200
    assert escape(MESSAGE) in response.content.decode()
    assert not Complaint.objects.exists() and not ComplaintAttachment.objects.exists()
    assert stored_files() == before
    assert_one_refusal_line(caplog)


# --- the anonymous verification page -----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.urls("tests.signing.verify_urls")
@pytest.mark.parametrize("name", SHAPES)
def test_verification_upload_refuses_each_shape_and_stores_nothing(client, name, caplog):
    before = stored_files()

    with caplog.at_level(logging.INFO):
        started = time.perf_counter()
        response = client.post(reverse("signing:verify_upload"), {"berkas": upload(shape(name), "sk.pdf")})
        elapsed = time.perf_counter() - started

    assert elapsed <= SECURITY_BOUND_SECONDS, f"{name}: {elapsed:.2f} s"
    assert response.status_code == 400
    assert escape(MESSAGE) in response.content.decode()
    assert stored_files() == before
    assert_one_refusal_line(caplog)


@pytest.mark.django_db
@pytest.mark.parametrize("name", SHAPES)
def test_sk_verify_pdf_calls_each_shape_an_invalid_file_quickly(name, caplog):
    with caplog.at_level(logging.INFO):
        started = time.perf_counter()
        result = verification.sk_verify_pdf(pdf=shape(name))
        elapsed = time.perf_counter() - started

    assert elapsed <= SECURITY_BOUND_SECONDS, f"{name}: {elapsed:.2f} s"
    assert result.verdict == verification.INVALID_FILE
    assert_one_refusal_line(caplog)


# --- the structural check ----------------------------------------------------------------------------


def skeleton(body: bytes) -> bytes:
    return b"%PDF-1.7\n1 0 obj\n" + body + b"\nendobj\nstartxref\n0\n%%EOF\n"


def test_nesting_up_to_the_limit_passes_and_one_level_more_is_refused():
    depth = pdf_guard.MAX_NESTING
    pdf_precheck(skeleton(b"<< /A " * depth + b"1" + b" >>" * depth))
    pdf_precheck(skeleton(b"<< /A " * (depth - 1) + b"[ 1 ]" + b" >>" * (depth - 1)))
    with pytest.raises(PdfRefused, match="nesting depth"):
        pdf_precheck(skeleton(b"<< /A " * depth + b"[ 1 ]" + b" >>" * depth))


def test_stream_data_and_hex_strings_do_not_count_as_nesting():
    binary = b"<<[" * 100_000  # what compressed data may look like, a thousand times over
    hex_strings = b" ".join(b"<%02X>" % n for n in range(256))
    pdf_precheck(
        skeleton(b"<< /Length %d /ID [%s] >>\nstream\n%s\nendstream" % (len(binary), hex_strings, binary))
    )


def test_closing_brackets_cannot_hide_a_deep_nest():
    with pytest.raises(PdfRefused, match="nesting depth"):
        pdf_precheck(skeleton(b">>" * 100_000 + b"<<" * 100 + b">>" * 100))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(b"%PDF-1.7\n1 0 obj 0 endobj\n", "no %%EOF", id="no-eof"),
        pytest.param(b"<html>%PDF-1.7 %%EOF", "no %PDF- header", id="no-header"),
    ],
)
def test_a_file_without_header_or_end_marker_is_invalid(content, reason):
    with pytest.raises(PdfRefused, match=reason) as refused:
        pdf_precheck(content)
    assert refused.value.verdict == pdf_guard.INVALID


def test_an_absurd_declared_size_is_refused_not_parsed():
    with pytest.raises(PdfRefused, match="declared xref size"):
        pdf_precheck(skeleton(b"<< /Size " + b"9" * 100_000 + b" >>"))


def test_too_many_revisions_are_refused():
    with pytest.raises(PdfRefused, match="revisions"):
        pdf_precheck(skeleton(b"0") + b"startxref\n0\n%%EOF\n" * pdf_guard.MAX_REVISIONS)


# --- the child's limits ------------------------------------------------------------------------------


def test_the_wall_clock_timeout_refuses(monkeypatch, caplog):
    monkeypatch.setattr(pdf_guard, "WALL_SECONDS", 0.001)
    with caplog.at_level(logging.INFO), pytest.raises(UploadRejected) as rejected:
        check_upload(uploaded_file=upload(pdf_bytes()), accepted_kinds=["pdf"], max_bytes=5 * MB)
    assert rejected.value.code == "pdf_too_complex"
    assert_one_refusal_line(caplog)
    assert "parse took over" in caplog.records[0].getMessage()


def test_the_memory_limit_refuses(monkeypatch):
    # The child needs about 35 MB to parse a small file and 65 MB for this table of 240 000 entries.
    monkeypatch.setattr(pdf_guard, "MAX_XREF_ENTRIES", 10**9)
    monkeypatch.setattr(pdf_guard, "MEMORY_BYTES", 48 * MB)
    pdf_check(content=pdf_bytes())
    with pytest.raises(PdfRefused, match="MemoryError") as refused:
        pdf_check(content=shape("huge-xref"))
    assert refused.value.verdict == pdf_guard.TOO_COMPLEX


def test_the_cpu_limit_kills_a_parse_the_structural_check_let_through(monkeypatch):
    # Without the structural check pypdf spends several seconds (and a warning per level) on this file.
    for limit in ("MAX_CONTAINERS", "MAX_NESTING"):
        monkeypatch.setattr(pdf_guard, limit, 10**9)
    started = time.perf_counter()
    with pytest.raises(PdfRefused, match="SIGXCPU|SIGKILL"):
        pdf_check(content=shape("nested-dictionaries-5mb"))
    assert time.perf_counter() - started < pdf_guard.WALL_SECONDS


def test_the_probe_imports_no_project_code_and_no_django():
    tree = ast.parse(Path(pdf_guard.__file__).with_name("pdf_probe.py").read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or ".").split(".")[0])
    assert imported <= {"io", "json", "logging", "resource", "sys", "warnings", "zlib", "pypdf", "pyhanko"}
