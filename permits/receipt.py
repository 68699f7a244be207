"""The submission receipt (tanda terima) as a PDF with a QR code to the public tracking page."""

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode

from signing.pdf import render_pdf
from signing.qr import qr_svg_data_uri


def tracking_url(*, number: str) -> str:
    return f"{settings.PINTU_SITE_URL}{reverse('workflow:tracking')}?{urlencode({'nomor': number})}"


def receipt_pdf(*, context: dict, request=None) -> bytes:
    url = tracking_url(number=context["application"].number)
    return render_pdf(
        template_name="permits/pdf/receipt.html",
        context={**context, "tracking_url": url, "qr_data_uri": qr_svg_data_uri(content=url)},
        request=request,
    )
