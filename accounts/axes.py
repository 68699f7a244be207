# No username (150) or e-mail address (254) is longer; axes keeps the identifier in a 255-character column,
# where a longer value would fail the insert (a 500 on PostgreSQL).
IDENTIFIER_MAX_LENGTH = 255


def login_identifier(request, credentials) -> str:
    """What axes counts failures against: allauth posts the username or e-mail as `login`."""
    credentials = credentials or {}
    value = (
        credentials.get("username")
        or credentials.get("email")
        or credentials.get("login")
        or (request.POST.get("login", "") if request is not None else "")
    )
    return str(value).strip().lower()[:IDENTIFIER_MAX_LENGTH]
