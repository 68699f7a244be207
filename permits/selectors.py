"""Reads. Each `*_get_for_*` fetches an object *and* checks access: "not yours" equals "missing"."""

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import (
    Application,
    ApplicationDocument,
    PermitType,
    Requirement,
)


class NotFound(Exception):
    """No such object for this user (it may exist, but they may not see it)."""


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
    try:
        return (
            Application.objects.select_related("permit_type", "applicant")
            .prefetch_related(
                Prefetch("permit_type__requirements", queryset=Requirement.objects.order_by("order", "pk")),
                "permit_type__fields",
                Prefetch(
                    "documents",
                    queryset=ApplicationDocument.objects.filter(superseded_at__isnull=True),
                    to_attr="current_documents",
                ),
            )
            .get(pk=pk, applicant=user)
        )
    except (Application.DoesNotExist, ValueError) as exc:
        raise NotFound from exc


def document_get_for_user(*, user, application_pk: int, document_pk: int) -> ApplicationDocument:
    """A document the user may download: their own application's, or any for an officer."""
    documents = ApplicationDocument.objects.select_related("application")
    if not (user.is_authenticated and user.is_officer):
        documents = documents.filter(application__applicant=user)
    try:
        return documents.get(pk=document_pk, application_id=application_pk)
    except ApplicationDocument.DoesNotExist as exc:
        raise NotFound from exc


def current_documents_by_requirement(*, application: Application) -> dict[int, ApplicationDocument]:
    documents = getattr(application, "current_documents", None)
    if documents is None:
        documents = list(application.documents.filter(superseded_at__isnull=True))
    return {doc.requirement_id: doc for doc in documents}
