"""The draft SK (surat keputusan / izin) that the Kepala Dinas signs: one template per permit type, falling
back to a generic one, rendered by WeasyPrint with PDF form fields.

The template reserves three fields that `signing.pdf_signing` works with: `nomor_surat` (filled with the
letter number after signing), `kotak_ttd` (where the visible e-signature goes) and `kotak_segel` (where
the office seal goes). Everything an applicant typed reaches the PDF through Django's autoescaping and the
local-only URL fetcher, so it can neither add markup nor make the renderer fetch anything.
"""

import base64
import re
from datetime import date

from django.utils import translation

from core.periods import MONTH_NAMES
from permits.field_schema import display_value
from permits.models import ApplicationDocument, FieldKind, Office

from .pdf import render_pdf, static_file_url
from .qr import qr_svg_data_uri

# Permit types whose SK is a practice licence: valid 5 years (UU 17/2023), and never beyond the
# registration certificate (STR) when that has an end date.
PRACTICE_LICENCE_YEARS = {"SIPDU": 5, "SIPDG": 5, "SIPOP": 5, "SIPB": 5}
STR_EXPIRY_FIELDS = ("str_berlaku_sampai", "str_op_berlaku_sampai")
SEQUENCE_FIELDS = ("sip_ke", "sipop_ke", "sipb_ke")
NUMBER_WORDS = {"1": "satu", "2": "dua", "3": "tiga"}
PHOTO_LABEL = "pas foto"
FONTS = {
    "serif_regular": "fonts/NotoSerif-Regular.ttf",
    "serif_bold": "fonts/NotoSerif-Bold.ttf",
    "sans_regular": "fonts/NotoSans-Regular.ttf",
    "sans_bold": "fonts/NotoSans-Bold.ttf",
}
# Only these images are embedded, recognised by their leading bytes rather than by a stored name.
IMAGE_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))
MAX_IMAGE_BYTES = 5 * 2**20


def date_long(value: date | None) -> str:
    """`22 November 2026`: an SK is an Indonesian document, whatever language the page is in."""
    if value is None:
        return ""
    with translation.override("id"):
        return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def years_after(value: date, years: int) -> date:
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February into a common year
        return value.replace(year=value.year + years, day=28)


def _date_or_none(raw) -> date | None:
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        return None


def sk_template_names(permit_type) -> list[str]:
    # The code is admin-editable: only letters, digits, dash and underscore may reach a template path.
    code = re.sub(r"[^a-z0-9_-]", "", (permit_type.code or "").lower())
    names = [f"permits/pdf/sk/{code}.html"] if code else []
    return [*names, "permits/pdf/sk/generic.html"]


def sk_valid_until(*, application, issued_on: date) -> date | None:
    """End of validity printed on the SK: for practice licences 5 years from issue, or the STR's end date
    when that comes first; None when the permit holds as long as the activity runs."""
    years = PRACTICE_LICENCE_YEARS.get(application.permit_type.code)
    if years is None:
        return None
    until = years_after(issued_on, years)
    for name in STR_EXPIRY_FIELDS:
        str_until = _date_or_none(application.data.get(name))
        if str_until is not None and str_until < until:
            until = str_until
    return until


def _field_values(application) -> tuple[dict[str, str], list[tuple[str, str]]]:
    values: dict[str, str] = {}
    rows: list[tuple[str, str]] = []
    for spec in application.permit_type.fields.order_by("order", "pk"):
        raw = application.data.get(spec.name)
        parsed = _date_or_none(raw) if spec.kind == FieldKind.DATE else None
        shown = date_long(parsed) if parsed else display_value(spec, raw)
        values[spec.name] = shown
        rows.append((spec.label, shown))
    return values, rows


def _image_data_uri(content: bytes) -> str | None:
    for signature, mime in IMAGE_SIGNATURES:
        if content.startswith(signature):
            return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"
    return None


def _read_limited(file) -> bytes:
    with file.open("rb") as handle:
        return handle.read(MAX_IMAGE_BYTES + 1)


def _photo_data_uri(application) -> str:
    """The applicant's pas foto as a data: URI (the renderer may not read the private storage itself)."""
    documents = ApplicationDocument.objects.filter(
        application=application,
        superseded_at__isnull=True,
        requirement__label__icontains=PHOTO_LABEL,
        extension__in=[".jpg", ".png"],
    ).order_by("requirement__order")
    for document in documents:
        try:
            content = _read_limited(document.file)
        except OSError:
            continue
        if len(content) <= MAX_IMAGE_BYTES and (uri := _image_data_uri(content)):
            return uri
    return ""


def _logo_data_uri(office) -> str:
    if office is None or not office.logo:
        return ""
    try:
        content = _read_limited(office.logo)
    except OSError:
        return ""
    if len(content) > MAX_IMAGE_BYTES:
        return ""
    return _image_data_uri(content) or ""


def _region_name(office) -> str:
    """`KABUPATEN TANGERANG` from `PEMERINTAH KABUPATEN TANGERANG`."""
    government = (office.government_name if office else "").upper()
    return government.removeprefix("PEMERINTAH").strip()


def _signer_position(office, signer) -> str:
    """The position line above the signature, e.g. `Plt. KEPALA DINAS … KABUPATEN TANGERANG`."""
    if signer is not None and signer.position:
        position = signer.position.upper()
        return f"{signer.capacity} {position}".strip()
    office_name = (office.name if office else "").upper()
    if not office_name:
        return "KEPALA DINAS"
    return " ".join(part for part in ("KEPALA", office_name, _region_name(office)) if part)


def _sequence_text(application) -> str:
    """`1 (satu)` for SIP ke-1: which of the holder's (at most three) practice licences this is."""
    for name in SEQUENCE_FIELDS:
        raw = str(application.data.get(name) or "")
        if raw in NUMBER_WORDS:
            return f"{raw} ({NUMBER_WORDS[raw]})"
    return ""


def sk_context(*, application, verification_url: str, signer, issued_on: date) -> dict:
    office = Office.current()
    permit_type = application.permit_type
    fields, field_rows = _field_values(application)
    valid_until = sk_valid_until(application=application, issued_on=issued_on)
    legal_basis_lines = [line.strip() for line in permit_type.legal_basis.splitlines() if line.strip()]
    str_until = next(
        (d for name in STR_EXPIRY_FIELDS if (d := _date_or_none(application.data.get(name)))), None
    )
    return {
        "office": office,
        "office_region": _region_name(office),
        # The kop surat has room for one address line, whatever line breaks the admin typed.
        "office_address_line": ", ".join(
            line.strip().rstrip(",")
            for line in (office.address if office else "").splitlines()
            if line.strip()
        ),
        "logo_data_uri": _logo_data_uri(office),
        "office_website": re.sub(r"^https?://", "", office.website if office else "").rstrip("/"),
        "application": application,
        "permit_type": permit_type,
        "fields": fields,
        "field_rows": field_rows,
        "legal_basis_lines": legal_basis_lines,
        # One regulation reads as a sentence ("Berdasarkan …, …"); several as a list.
        "legal_basis_single": legal_basis_lines[0].rstrip(".") if len(legal_basis_lines) == 1 else "",
        "sequence_text": _sequence_text(application),
        "signer": signer,
        "signer_position": _signer_position(office, signer),
        "issued_on": issued_on,
        "issued_on_text": date_long(issued_on),
        "valid_until": valid_until,
        "valid_until_text": date_long(valid_until),
        "valid_until_is_str": bool(str_until and valid_until == str_until),
        "str_valid_until_text": date_long(str_until),
        "photo_data_uri": _photo_data_uri(application),
        "qr_data_uri": qr_svg_data_uri(content=verification_url),
        "verification_url": verification_url,
        "font_urls": {key: static_file_url(path) for key, path in FONTS.items()},
    }


def sk_draft_render(*, application, verification_url: str, signer, issued_on: date) -> bytes:
    """The unsigned SK as PDF bytes, with the form fields `nomor_surat`, `kotak_ttd` and `kotak_segel`."""
    return render_pdf(
        template_name=sk_template_names(application.permit_type),
        context=sk_context(
            application=application, verification_url=verification_url, signer=signer, issued_on=issued_on
        ),
        pdf_forms=True,
    )
