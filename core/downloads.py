"""Streaming a privately stored file to a user whose access was already checked."""

from csp.utils import build_policy
from django.http import FileResponse

# An uploaded document may run nothing and reach nothing, even when shown inline in the browser. Because the
# header is set here, django-csp's middleware leaves it alone (it never adds a second policy).
SANDBOX_POLICY = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"


def private_file_response(
    file_field, *, filename: str, content_type: str, inline: bool = False, sandbox: bool = True
) -> FileResponse:
    """`sandbox=False` only for PDFs Pintu produced itself (the SK preview is shown in an iframe)."""
    response = FileResponse(
        file_field.open("rb"), as_attachment=not inline, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    if sandbox:
        response["Content-Security-Policy"] = SANDBOX_POLICY
    elif inline:
        # Pintu's own PDF shown in an iframe on Pintu's own page (the draft SK): the site's policy, except
        # that the page which frames it may be ours. Chromium's PDF viewer renders under this policy.
        response["Content-Security-Policy"] = build_policy(replace={"frame-ancestors": ["'self'"]})
        response["X-Frame-Options"] = "SAMEORIGIN"
    return response
