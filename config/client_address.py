"""The client's address, as every rate limit and lockout sees it (django-ratelimit, allauth, django-axes).

Behind N reverse proxies that we run (`PINTU_PROXY_COUNT`), each proxy appends the address of the peer it
talked to to X-Forwarded-For, and the innermost one is REMOTE_ADDR. So the N-th entry from the right is the
address the outermost proxy saw: the client. Everything left of it was written by the client and can say
anything; everything right of it is our own proxies.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's IP address: REMOTE_ADDR when no proxy is trusted (X-Forwarded-For is then ignored),
    else the `PINTU_PROXY_COUNT`-th address from the right of X-Forwarded-For. Falls back to REMOTE_ADDR
    when the header is missing, shorter than that, or its entry is not an IP address."""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    fallback = _normalized(remote_addr) or remote_addr
    proxy_count = getattr(settings, "PINTU_PROXY_COUNT", 0)
    if proxy_count <= 0:
        return fallback
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if not forwarded[-1] or len(forwarded) < proxy_count:
        return fallback
    return _normalized(forwarded[-proxy_count]) or fallback


def _normalized(text: str) -> str | None:
    """The address in canonical form (an IPv4-mapped IPv6 address as plain IPv4, so that it is limited as
    itself and not as part of `::ffff:0:0/64`), or None when `text` is not a plain IP address."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return None
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
    return str(address)
