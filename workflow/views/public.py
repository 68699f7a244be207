from django.shortcuts import render
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from ..tracking import tracking_lookup


@require_GET
@ratelimit(key="ip", rate="30/m", block=False)
def tracking(request):
    number = request.GET.get("nomor", "")[:40]
    limited = getattr(request, "limited", False)
    result = None if limited or not number else tracking_lookup(number=number)
    return render(
        request,
        "workflow/public/tracking.html",
        {"number": number, "result": result, "searched": bool(number), "limited": limited},
        status=429 if limited else 200,
    )
