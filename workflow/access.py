"""Officers' access to applications: fetch *and* check in one place ("not allowed" looks like "missing")."""

from django.db.models import Prefetch

from permits.models import Application, ApplicationDocument, ApplicationStatus
from permits.selectors import NotFound  # one 'not found, or not yours' for every app

from .models import TransitionLog


def application_get_for_officer(*, user, pk: int) -> Application:
    if not (user.is_authenticated and user.has_perm("workflow.view_application")):
        raise NotFound
    try:
        return (
            Application.objects.exclude(status=ApplicationStatus.DRAFT)
            .select_related("permit_type", "applicant")
            .prefetch_related(
                "permit_type__fields",
                "permit_type__requirements",
                Prefetch(
                    "documents",
                    queryset=ApplicationDocument.objects.select_related("requirement").order_by(
                        "requirement__order", "-uploaded_at"
                    ),
                ),
                "technical_documents",
                Prefetch(
                    "transitions",
                    queryset=TransitionLog.objects.select_related("actor").order_by("created_at", "pk"),
                ),
            )
            .get(pk=pk)
        )
    except (Application.DoesNotExist, ValueError) as exc:
        raise NotFound from exc
