"""The SK's cryptographic life, as DESIGN.md §4 prescribes (verified with pyHanko 0.38 + WeasyPrint 70):

1. certify: the Kepala Dinas certifies the draft (DocMDP FILL_FORMS) with a visible signature. In the same
   revision, before signing, the number field is made read-only, NeedAppearances is turned off and the
   empty seal field is created with a lock on all fields (a field added after certification would break it).
2. fill and seal: after numbering, one incremental update fills the number field and signs the seal field.

The template reserves where the signature and the seal go with two placeholder fields (`kotak_ttd`,
`kotak_segel`); their rectangles become the signature fields. Nothing here touches the database.
"""

import io
import textwrap
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.views.decorators.debug import sensitive_variables

NUMBER_FIELD = "nomor_surat"
SIGNATURE_FIELD = "ttd_kepala_dinas"
SEAL_FIELD = "segel"
SIGNATURE_PLACEHOLDER = "kotak_ttd"
SEAL_PLACEHOLDER = "kotak_segel"


class WrongPassphrase(Exception):
    """The PKCS#12 could not be opened with the passphrase given."""


class TemplateLacksField(Exception):
    """The draft has no field of this name: the SK template is incomplete."""


@dataclass(frozen=True)
class Placement:
    page: int
    box: tuple[int, int, int, int]


def font_path(name: str = "NotoSans-Regular.ttf") -> str:
    # Stamp fonts need 1000 units per em or letters spread apart (DejaVu has 2048): Noto, in static/fonts.
    return str(Path(settings.BASE_DIR) / "static" / "fonts" / name)


@sensitive_variables("passphrase")
def signer_load(*, pkcs12: bytes, passphrase: str):
    """Opens a PKCS#12 in memory. Raises WrongPassphrase. The passphrase goes no further than this call."""
    from pyhanko.sign import signers

    try:
        signer = signers.SimpleSigner.load_pkcs12_data(pkcs12, other_certs=[], passphrase=passphrase.encode())
    except (ValueError, TypeError):
        # `from None`: the library's message and traceback stay out of logs and error reports.
        raise WrongPassphrase from None
    if signer is None:
        raise WrongPassphrase
    return signer


def _find_field(writer, name: str):
    for ref in writer.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/T") == name:
            return ref, field
    raise TemplateLacksField(name)


def _take_placeholder(writer, name: str) -> Placement:
    """Reads a placeholder field's page and rectangle, then removes it from the form and its page."""
    from pyhanko.pdf_utils import generic

    ref, field = _find_field(writer, name)
    x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
    box = (round(min(x1, x2)), round(min(y1, y2)), round(max(x1, x2)), round(max(y1, y2)))
    acroform = writer.root["/AcroForm"]
    acroform["/Fields"] = generic.ArrayObject(r for r in acroform["/Fields"] if r.idnum != ref.idnum)
    writer.update_container(acroform)
    for index in range(writer.root["/Pages"]["/Count"]):
        page, _page_ref = _page(writer, index)
        annots = page.get("/Annots")
        if annots is None:
            continue
        annots = annots.get_object()
        kept = [a for a in annots if getattr(a, "idnum", None) != ref.idnum]
        if len(kept) != len(annots):
            page["/Annots"] = generic.ArrayObject(kept)
            writer.update_container(page)
            return Placement(page=index, box=box)
    raise TemplateLacksField(name)


def _page(writer, index: int):
    page_ref = writer.find_page_for_modification(index)[0]
    return page_ref.get_object(), page_ref


def draft_certify(
    *, draft: bytes, signer, signer_name: str, position: str, reason: str, location: str
) -> bytes:
    """Certifies the draft SK with a visible signature (name, position, time). Returns the new PDF bytes."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import FieldMDPAction, FieldMDPSpec, MDPPerm, SigFieldSpec
    from pyhanko.stamp import TextStampStyle

    writer = IncrementalPdfFileWriter(io.BytesIO(draft))
    signature_at = _take_placeholder(writer, SIGNATURE_PLACEHOLDER)
    seal_at = _take_placeholder(writer, SEAL_PLACEHOLDER)
    number_ref, number_field = _find_field(writer, NUMBER_FIELD)
    number_field["/Ff"] = generic.NumberObject(int(number_field.get("/Ff", 0)) | 1)  # read-only
    writer.mark_update(number_ref)
    acroform = writer.root["/AcroForm"]
    acroform["/NeedAppearances"] = generic.BooleanObject(False)
    writer.update_container(acroform)
    fields.append_signature_field(
        writer,
        SigFieldSpec(
            SEAL_FIELD, on_page=seal_at.page, box=seal_at.box, field_mdp_spec=FieldMDPSpec(FieldMDPAction.ALL)
        ),
    )
    # Long positions are wrapped so pyHanko does not shrink the whole stamp to fit one line.
    position_lines = "\n".join(textwrap.wrap(position, width=44))
    stamp = TextStampStyle(
        stamp_text=f"Ditandatangani secara elektronik oleh\n{signer_name}\n{position_lines}\n%(ts)s",
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(font_path()), font_size=8),
        border_width=1,
        timestamp_format="%d-%m-%Y %H:%M:%S %Z",
    )
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        certify=True,
        docmdp_permissions=MDPPerm.FILL_FORMS,
        reason=reason,
        location=location,
        name=signer_name,
    )
    output = io.BytesIO()
    signers.PdfSigner(
        meta,
        signer,
        stamp_style=stamp,
        new_field_spec=SigFieldSpec(SIGNATURE_FIELD, on_page=signature_at.page, box=signature_at.box),
    ).sign_pdf(writer, output=output)
    return output.getvalue()


def final_fill_and_seal(*, certified: bytes, number: str, seal_signer, office_name: str) -> bytes:
    """Fills the letter number and signs the pre-created seal field, in one incremental update."""
    from pyhanko.pdf_utils import form_tools
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import signers
    from pyhanko.stamp import TextStampStyle

    writer = IncrementalPdfFileWriter(io.BytesIO(certified))
    form_tools.populate_static_text_field(
        writer,
        NUMBER_FIELD,
        TextBoxStyle(font=GlyphAccumulatorFactory(font_path("NotoSerif-Regular.ttf")), font_size=11),
        number,
    )
    stamp = TextStampStyle(
        stamp_text="Segel elektronik\n" + "\n".join(textwrap.wrap(office_name, width=30)) + "\n%(ts)s",
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(font_path()), font_size=6),
        border_width=1,
        timestamp_format="%d-%m-%Y %H:%M:%S %Z",
    )
    output = io.BytesIO()
    signers.PdfSigner(
        signers.PdfSignatureMetadata(field_name=SEAL_FIELD, reason="Segel elektronik instansi"),
        seal_signer,
        stamp_style=stamp,
    ).sign_pdf(writer, output=output)
    return output.getvalue()
