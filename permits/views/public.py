"""Pages anyone may read: the catalog, a permit's service standard, its blank forms."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.errors import NotFound

from ..models import BlankForm
from ..selectors import permit_type_get_published, permit_type_list
from ..service_standard import service_standard_sections


@require_GET
def home(request):
    query = request.GET.get("q", "")[:100]
    permit_types = list(permit_type_list(query=query))
    categories: dict[str, list] = {}
    for permit_type in permit_types:
        categories.setdefault(permit_type.category, []).append(permit_type)
    return render(
        request,
        "permits/public/home.html",
        {"query": query, "categories": categories, "result_count": len(permit_types)},
    )


@require_GET
def permit_detail(request, slug: str):
    try:
        permit_type = permit_type_get_published(slug=slug)
    except NotFound as exc:
        raise Http404 from exc
    return render(
        request,
        "permits/public/permit_detail.html",
        {"permit_type": permit_type, "sections": service_standard_sections(permit_type=permit_type)},
    )


@require_GET
def blank_form_download(request, slug: str, form_slug: str):
    try:
        blank_form = BlankForm.objects.select_related("permit_type").get(
            permit_type__slug=slug, permit_type__is_published=True, slug=form_slug
        )
    except BlankForm.DoesNotExist as exc:
        raise Http404 from exc
    return FileResponse(
        blank_form.file.open("rb"),
        as_attachment=True,
        filename=f"{blank_form.slug}.pdf",
        content_type="application/pdf",
    )
