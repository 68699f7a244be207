import segno


def qr_svg_data_uri(*, content: str, scale: int = 4) -> str:
    """An SVG data URI of a QR code (error correction M), usable in HTML pages and WeasyPrint alike."""
    return segno.make(content, error="m").svg_data_uri(scale=scale, border=2)
