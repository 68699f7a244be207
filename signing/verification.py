"""Checking an SK: by the token its QR code carries, or by the PDF a citizen uploads.

An uploaded PDF is judged in this order (the first that applies wins):

* INVALID_FILE — pyHanko cannot read it as a PDF.
* NOT_SIGNED — it has no signature.
* MODIFIED — a signature is broken, something beyond form filling changed after a signature, the
  certification's DocMDP rules were broken, or the last signature does not cover the whole file.
* UNKNOWN_SIGNER — the signatures are intact but do not chain to an active TrustRoot.
* NOT_OURS — validly signed and trusted, but the file's SHA-256 is no SkDocument's `final_sha256`
  (another office's document, or one of our intermediate files such as a certified but unnumbered SK).
* AUTHENTIC — all of the above pass and the bytes are exactly an SK this office issued.

Validation never fetches anything from the network (no OCSP, CRL or AIA): the trust roots come from the
database and the chain from the signature itself. Nothing from the file is logged. A file too complex to
read within bounded time and memory (core.pdf_guard) is INVALID_FILE before pyHanko sees it here.
"""

import hashlib
import io
import logging
from dataclasses import dataclass, field
from datetime import date, datetime

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from django.utils import timezone
from django.utils.translation import gettext as _

from core.pdf_guard import TOO_COMPLEX, PdfRefused, pdf_check
from permits.models import ApplicationStatus

from .models import SkDocument, TrustRoot
from .pdf_signing import SEAL_FIELD, SIGNATURE_FIELD

logger = logging.getLogger(__name__)

AUTHENTIC = "AUTHENTIC"
MODIFIED = "MODIFIED"
UNKNOWN_SIGNER = "UNKNOWN_SIGNER"
NOT_SIGNED = "NOT_SIGNED"
NOT_OURS = "NOT_OURS"
INVALID_FILE = "INVALID_FILE"

# Standing of an issued SK, from the stored record.
VALID = "VALID"
EXPIRED = "EXPIRED"
REVOKED = "REVOKED"

_SK_RELATED = ("application__permit_type", "application__applicant", "application__issued_number", "signer")


def trust_roots() -> list[asn1_x509.Certificate]:
    """The certificates of the active TrustRoot rows. A row may hold several PEM blocks; a row that does not
    parse is skipped with a warning, so one bad row never stops verification altogether."""
    roots: list[asn1_x509.Certificate] = []
    for row in TrustRoot.objects.filter(is_active=True).order_by("pk"):
        try:
            data = row.certificate_pem.strip().encode("ascii")
            if not pem.detect(data):
                raise ValueError("not PEM")
            certificates = []
            for type_name, _headers, der in pem.unarmor(data, multiple=True):
                if type_name != "CERTIFICATE":
                    continue
                certificate = asn1_x509.Certificate.load(der)
                certificate.native  # noqa: B018 — asn1crypto parses lazily; force it here
                certificates.append(certificate)
            if not certificates:
                raise ValueError("no certificate")
        except Exception as exc:  # asn1crypto raises ValueError, TypeError and others on bad input
            logger.warning("Trust root %s skipped: unparsable (%s)", row.pk, type(exc).__name__)
            continue
        roots.extend(certificates)
    return roots


@dataclass(frozen=True)
class SignatureInfo:
    field_name: str
    signer_name: str
    signed_at: datetime | None  # as reported by the signer: not a trusted timestamp
    intact: bool
    trusted: bool
    modification_level: str  # pyHanko ModificationLevel name, "" when unknown
    coverage: str  # pyHanko SignatureCoverageLevel name, "" when unknown

    @property
    def field_label(self) -> str:
        labels = {
            SIGNATURE_FIELD: _("Tanda tangan elektronik Kepala Dinas"),
            SEAL_FIELD: _("Segel elektronik instansi"),
        }
        return labels.get(self.field_name, self.field_name)

    @property
    def modification_label(self) -> str:
        labels = {
            "NONE": _("Tidak ada perubahan"),
            "LTA_UPDATES": _("Hanya data arsip tanda tangan"),
            "FORM_FILLING": _("Hanya pengisian formulir dan tanda tangan berikutnya"),
            "ANNOTATIONS": _("Ada anotasi yang ditambahkan"),
            "OTHER": _("Ada perubahan lain pada isi dokumen"),
        }
        return labels.get(self.modification_level, _("Tidak dapat ditentukan"))

    @property
    def coverage_label(self) -> str:
        labels = {
            "ENTIRE_FILE": _("Seluruh berkas"),
            "ENTIRE_REVISION": _("Berkas saat ditandatangani; ada tambahan sesudahnya"),
            "CONTIGUOUS_BLOCK_FROM_START": _("Sebagian berkas"),
            "UNCLEAR": _("Tidak jelas"),
        }
        return labels.get(self.coverage, _("Tidak dapat ditentukan"))


@dataclass
class VerificationResult:
    verdict: str
    explanation: str
    sk: SkDocument | None = None
    signatures: list[SignatureInfo] = field(default_factory=list)

    @property
    def is_authentic(self) -> bool:
        return self.verdict == AUTHENTIC


def _explanation(verdict: str) -> str:
    texts = {
        AUTHENTIC: _(
            "Berkas ini sama persis dengan surat izin yang diterbitkan kantor ini. Tanda tangan elektronik "
            "dan segel elektroniknya sah, dan isinya tidak diubah sejak ditandatangani."
        ),
        MODIFIED: _(
            "Isi berkas ini telah diubah setelah ditandatangani, atau tanda tangan elektroniknya rusak. "
            "Jangan mengandalkan berkas ini; mintalah berkas asli kepada pemegang izin atau hubungi "
            "kantor ini."
        ),
        UNKNOWN_SIGNER: _(
            "Tanda tangan elektronik pada berkas ini utuh, tetapi sertifikatnya tidak diterbitkan oleh "
            "penyelenggara sertifikasi elektronik yang dipercaya kantor ini. Keaslian penanda tangan "
            "tidak dapat dipastikan."
        ),
        NOT_SIGNED: _(
            "Berkas ini tidak memuat tanda tangan elektronik, sehingga keasliannya tidak dapat diperiksa. "
            "Surat izin dari kantor ini selalu ditandatangani dan disegel secara elektronik; hasil cetak "
            "atau pindaian dapat diperiksa dengan memindai kode QR-nya."
        ),
        NOT_OURS: _(
            "Tanda tangan elektronik pada berkas ini sah dan tepercaya, tetapi berkas ini tidak tercatat "
            "sebagai surat izin yang diterbitkan kantor ini. Bisa jadi ini dokumen lain atau salinan yang "
            "belum lengkap. Periksa kode QR pada surat atau hubungi kantor ini."
        ),
        INVALID_FILE: _("Berkas ini tidak dapat dibaca sebagai dokumen PDF."),
    }
    return texts[verdict]


def _result(verdict: str, *, signatures=(), sk: SkDocument | None = None) -> VerificationResult:
    return VerificationResult(
        verdict=verdict, explanation=_explanation(verdict), sk=sk, signatures=list(signatures)
    )


def _signer_name(status) -> str:
    subject = status.signing_cert.subject
    return subject.native.get("common_name") or subject.human_friendly


def _signature_check(embedded, roots: list[asn1_x509.Certificate]):
    """Validates one embedded signature. Returns its SignatureInfo, whether what changed after it is
    acceptable (form filling at most, DocMDP respected), and whether it covers the whole file."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    # allow_fetching=False: no OCSP/CRL/AIA requests; an uploaded file must never make us call out.
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    if embedded.sig_object_type == "/DocTimeStamp":
        status = validate_pdf_timestamp(embedded, validation_context=context)
        signed_at = status.timestamp
    else:
        status = validate_pdf_signature(embedded, context)
        signed_at = status.signer_reported_dt
    level = status.modification_level
    coverage = status.coverage
    info = SignatureInfo(
        field_name=str(embedded.field_name or ""),
        signer_name=_signer_name(status),
        signed_at=signed_at,
        intact=bool(status.intact and status.valid),
        trusted=bool(status.trusted),
        modification_level=level.name if level is not None else "",
        coverage=coverage.name if coverage is not None else "",
    )
    acceptable = (
        level is not None
        and level <= ModificationLevel.FORM_FILLING
        and status.docmdp_ok is not False
        and coverage is not None
        and coverage >= SignatureCoverageLevel.ENTIRE_REVISION
    )
    return info, acceptable, coverage == SignatureCoverageLevel.ENTIRE_FILE


def sk_verify_pdf(*, pdf: bytes) -> VerificationResult:
    """Judges a PDF (see the module docstring). Never raises on bad input."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    # pyHanko's reader first runs in a child process with time and memory limits, after a structural
    # check of the raw bytes; only a file it reads there within bounds is parsed and validated here.
    try:
        pdf_check(content=pdf, parser="pyhanko")
    except PdfRefused as refused:
        if refused.verdict == TOO_COMPLEX:
            logger.warning("PDF refused: %s", refused.reason)
        else:
            logger.info("Uploaded PDF unreadable (%s)", refused.reason)
        return _result(INVALID_FILE)
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded_signatures = list(reader.embedded_signatures)
    except Exception as exc:  # pyHanko raises many kinds on malformed input; the file is simply unreadable
        logger.info("Uploaded PDF unreadable (%s)", type(exc).__name__)
        return _result(INVALID_FILE)
    if not embedded_signatures:
        return _result(NOT_SIGNED)

    roots = trust_roots()
    signatures: list[SignatureInfo] = []
    acceptable_changes = True
    covers_whole_file = False
    for embedded in embedded_signatures:
        try:
            info, acceptable, whole = _signature_check(embedded, roots)
        except Exception as exc:  # a signature that cannot even be checked is treated as broken
            logger.info("Signature validation failed (%s)", type(exc).__name__)
            signatures.append(
                SignatureInfo(
                    field_name=str(getattr(embedded, "field_name", "") or ""),
                    signer_name="",
                    signed_at=None,
                    intact=False,
                    trusted=False,
                    modification_level="",
                    coverage="",
                )
            )
            acceptable_changes = False
            continue
        signatures.append(info)
        acceptable_changes = acceptable_changes and acceptable
        covers_whole_file = covers_whole_file or whole

    if not (acceptable_changes and covers_whole_file and all(s.intact for s in signatures)):
        return _result(MODIFIED, signatures=signatures)
    if not all(s.trusted for s in signatures):
        return _result(UNKNOWN_SIGNER, signatures=signatures)
    sk = sk_lookup_by_sha256(sha256=hashlib.sha256(pdf).hexdigest())
    if sk is None:
        return _result(NOT_OURS, signatures=signatures)
    return _result(AUTHENTIC, signatures=signatures, sk=sk)


def sk_lookup_by_sha256(*, sha256: str) -> SkDocument | None:
    """The SK whose final file has this SHA-256, whatever its application's status now (it was issued)."""
    if not sha256:
        return None
    return SkDocument.objects.select_related(*_SK_RELATED).filter(final_sha256=sha256).first()


def sk_lookup_by_token(*, token: str) -> SkDocument | None:
    """The issued SK (application TERBIT, final PDF stored) with this verification token, else None."""
    if not token:
        return None
    return (
        SkDocument.objects.select_related(*_SK_RELATED)
        .filter(verification_token=token, application__status=ApplicationStatus.TERBIT)
        .exclude(final_pdf="")
        .first()
    )


@dataclass(frozen=True)
class SkPublicFacts:
    """What the public may learn about an issued SK: what is printed on it, minus anything personal
    beyond the holder's name."""

    holder_name: str
    permit_name: str
    letter_number: str
    issued_on: date | None
    valid_until: date | None
    signer_position: str
    standing: str  # VALID | EXPIRED | REVOKED

    @property
    def standing_label(self) -> str:
        if self.standing == REVOKED:
            return _("Dicabut")
        if self.standing == EXPIRED:
            return _("Tidak berlaku lagi")
        return _("Berlaku")


def sk_standing(*, sk: SkDocument, today: date) -> str:
    if sk.application.status != ApplicationStatus.TERBIT:
        return REVOKED
    if sk.valid_until is not None and sk.valid_until < today:
        return EXPIRED
    return VALID


def sk_public_facts(*, sk: SkDocument, today: date) -> SkPublicFacts:
    application = sk.application
    # A missing reverse one-to-one raises an AttributeError subclass, which getattr's default absorbs.
    issued = getattr(application, "issued_number", None)
    issued_at = sk.issued_at or (issued.issued_at if issued else None)
    return SkPublicFacts(
        holder_name=(application.data or {}).get("nama_dengan_gelar") or application.applicant.full_name,
        permit_name=application.permit_type.name,
        letter_number=issued.number if issued else "",
        issued_on=timezone.localdate(issued_at) if issued_at else None,
        valid_until=sk.valid_until,
        signer_position=sk.signer.signed_position if sk.signer else "",
        standing=sk_standing(sk=sk, today=today),
    )
