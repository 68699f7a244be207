"""HTML → PDF with WeasyPrint. Only local assets may be loaded: nothing an applicant types can make the
renderer fetch a remote URL or read a file outside the static folders."""

from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def _allowed_roots() -> list[Path]:
    roots = [Path(p).resolve() for p in settings.STATICFILES_DIRS]
    roots.append(Path(settings.STATIC_ROOT).resolve())
    return roots


def is_local_asset(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme == "data":
        return True
    if parsed.scheme == "file":
        path = Path(unquote(parsed.path)).resolve()
        return any(path.is_relative_to(root) for root in _allowed_roots())
    return False


def _local_only_fetcher():
    # WeasyPrint is imported lazily: importing it costs seconds, which every manage.py command would pay.
    from weasyprint.urls import URLFetcher, URLFetchingError

    class LocalOnlyURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not is_local_asset(url):
                raise URLFetchingError(f"Blocked non-local resource: {url[:80]}")
            return super().fetch(url, headers)

    return LocalOnlyURLFetcher()


def static_file_url(path: str) -> str:
    """A file:// URL for a static asset, for use inside PDF templates."""
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(path)
    return Path(found).resolve().as_uri()


def render_pdf(
    *, template_name: str | list[str], context: dict, request=None, pdf_forms: bool = False
) -> bytes:
    """`pdf_forms`: HTML <input>s become PDF form fields (the SK's number field and signature boxes)."""
    from PIL import ImageFile
    from weasyprint import HTML

    # Importing WeasyPrint turns on Pillow's global "load truncated images"; our PDF assets are whole, and
    # uploaded images must never be accepted half-decoded, so it is turned back off.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    html = render_to_string(template_name, context, request=request)
    base_url = Path(settings.STATICFILES_DIRS[0]).resolve().as_uri() + "/"
    return HTML(string=html, base_url=base_url, url_fetcher=_local_only_fetcher()).write_pdf(
        pdf_forms=pdf_forms
    )
