"""The project's URLs with the public verification pages inside the `signing` namespace.

Once config/urls.py includes signing.public_urls within `signing`, this is the project's urlconf unchanged
(and this file can go). Until then it keeps whatever `signing` namespace the project has and adds the pages.
"""

from django.urls import include, path

from config import urls as project

PUBLIC = "signing.public_urls"


def _includes(patterns, name: str) -> bool:
    for pattern in patterns:
        urlconf = getattr(pattern, "urlconf_name", None)
        if urlconf == name or getattr(urlconf, "__name__", None) == name:
            return True
        if hasattr(pattern, "url_patterns") and _includes(pattern.url_patterns, name):
            return True
    return False


_signing = [p for p in project.urlpatterns if getattr(p, "namespace", None) == "signing"]

if any(_includes(p.url_patterns, PUBLIC) for p in _signing):
    urlpatterns = project.urlpatterns
else:
    urlpatterns = [
        *(p for p in project.urlpatterns if getattr(p, "namespace", None) != "signing"),
        path(
            "",
            include(([*(q for p in _signing for q in p.url_patterns), path("", include(PUBLIC))], "signing")),
        ),
    ]
