"""Officers' access to applications: fetch *and* check in one place ("not allowed" looks like "missing").
The checks are the rules of workflow/rules.py and permits/rules.py, asked through `may`."""

from django.db.models import Prefetch, prefetch_related_objects

from core.errors import NotFound  # one 'not found, or not yours' for every app
from permits.models import Application, ApplicationDocument
from permits.rules import may

from .models import TechnicalReviewDocument, TransitionLog


def application_get_for_officer(*, user, pk: int) -> Application:
    """A submitted application, with what the officer's page shows, for the roles that work on applications
    (workflow.view_application). Raises NotFound for a missing one and for anybody else alike."""
    try:
        application = Application.objects.select_related("permit_type", "applicant").get(pk=pk)
    except (Application.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound from exc
    if not may(user, "workflow.view_application", application):
        raise NotFound
    prefetch_related_objects(
        [application],
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
    return application


def document_get_for_officer(*, user, application: Application, document_pk: int) -> ApplicationDocument:
    """One of the (prefetched) documents of an application already fetched with `application_get_for_officer`,
    current or superseded. Raises NotFound."""
    if not may(user, "permits.view_documents", application):
        raise NotFound
    document = next((d for d in application.documents.all() if d.pk == document_pk), None)
    if document is None:
        raise NotFound
    return document


def technical_document_get_for_officer(
    *, user, application: Application, document_pk: int
) -> TechnicalReviewDocument:
    """A Tim Teknis file (Berita Acara, rekomendasi) of an application fetched with
    `application_get_for_officer`. Raises NotFound."""
    if not may(user, "workflow.view_technical_documents", application):
        raise NotFound
    document = next((d for d in application.technical_documents.all() if d.pk == document_pk), None)
    if document is None:
        raise NotFound
    return document
