def login_identifier(request, credentials) -> str:
    """What axes counts failures against: allauth posts the username or e-mail as `login`."""
    credentials = credentials or {}
    value = (
        credentials.get("username")
        or credentials.get("email")
        or credentials.get("login")
        or (request.POST.get("login", "") if request is not None else "")
    )
    return str(value).strip().lower()
