"""Reads. Each `*_get_for_*` fetches an object *and* checks access: "not yours" equals "missing"."""

from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects

from core.errors import NotFound

from .models import (
    Application,
    ApplicationDocument,
    PermitType,
    Requirement,
)
from .rules import may


def permit_type_list(*, query: str = "") -> QuerySet[PermitType]:
    permit_types = PermitType.objects.published().annotate(requirement_count=Count("requirements"))
    query = query.strip()
    if query:
        permit_types = permit_types.filter(
            Q(name__icontains=query)
            | Q(code__icontains=query)
            | Q(description__icontains=query)
            | Q(category__icontains=query)
        )
    return permit_types.order_by("category", "name")


def permit_type_get_published(*, slug: str) -> PermitType:
    try:
        return (
            PermitType.objects.published()
            .prefetch_related("requirements", "procedure_steps", "standard_entries", "blank_forms", "fields")
            .get(slug=slug)
        )
    except PermitType.DoesNotExist as exc:
        raise NotFound from exc


def application_list_for_applicant(*, user) -> QuerySet[Application]:
    return Application.objects.filter(applicant=user).select_related("permit_type").order_by("-created_at")


def application_get_for_applicant(*, user, pk: int) -> Application:
    """The applicant's own application, in any state. Raises NotFound for a missing one and anybody else's."""
    try:
        application = Application.objects.select_related("permit_type", "applicant").get(pk=pk)
    except (Application.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound from exc
    if not may(user, "permits.view_application_as_applicant", application):
        raise NotFound
    prefetch_related_objects(
        [application],
        Prefetch("permit_type__requirements", queryset=Requirement.objects.order_by("order", "pk")),
        "permit_type__fields",
        Prefetch(
            "documents",
            queryset=ApplicationDocument.objects.filter(superseded_at__isnull=True),
            to_attr="current_documents",
        ),
    )
    return application


def document_get_for_user(*, user, application_pk: int, document_pk: int) -> ApplicationDocument:
    """A document of an application whose documents the user may read (permits.view_documents: its
    applicant; the application roles once it is submitted). Raises NotFound otherwise, as for a missing
    one."""
    try:
        document = ApplicationDocument.objects.select_related("application").get(
            pk=document_pk, application_id=application_pk
        )
    except (ApplicationDocument.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound from exc
    if not may(user, "permits.view_documents", document.application):
        raise NotFound
    return document


def current_documents_by_requirement(*, application: Application) -> dict[int, ApplicationDocument]:
    documents = getattr(application, "current_documents", None)
    if documents is None:
        documents = list(application.documents.filter(superseded_at__isnull=True))
    return {doc.requirement_id: doc for doc in documents}
