"""The project's URLs with the public complaint pages inside the `complaints` namespace.

Once config/urls.py includes complaints.public_urls within `complaints`, this is the project's urlconf
unchanged (and this file can go). Until then it keeps whatever `complaints` namespace exists and adds them.
"""

from django.urls import include, path

from config import urls as project

PUBLIC = "complaints.public_urls"


def _includes(patterns, name: str) -> bool:
    for pattern in patterns:
        urlconf = getattr(pattern, "urlconf_name", None)
        if urlconf == name or getattr(urlconf, "__name__", None) == name:
            return True
        if hasattr(pattern, "url_patterns") and _includes(pattern.url_patterns, name):
            return True
    return False


_complaints = [p for p in project.urlpatterns if getattr(p, "namespace", None) == "complaints"]

if any(_includes(p.url_patterns, PUBLIC) for p in _complaints):
    urlpatterns = project.urlpatterns
else:
    urlpatterns = [
        path(
            "",
            include(
                ([path("", include(PUBLIC)), *(q for p in _complaints for q in p.url_patterns)], "complaints")
            ),
        ),
        *(p for p in project.urlpatterns if getattr(p, "namespace", None) != "complaints"),
    ]
