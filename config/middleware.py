from django.db import DatabaseError, connection
from django.http import HttpResponse


class IndonesianByDefaultMiddleware:
    """Pintu speaks Indonesian unless the user picks another language with the switch (a cookie).

    The browser's Accept-Language is ignored on purpose: a public-service portal answers in the national
    language first, and many phones in Indonesia are set to English."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class HealthCheckMiddleware:
    """`/sehat/` answers 200 when this process can reach its database, before host validation and the https
    redirect, so that container health checks and load balancers can ask over plain HTTP on 127.0.0.1.
    It says nothing else (no versions, no timings). The cache is left out on purpose: a cache outage degrades
    rate limiting only and must not take the site out of a load balancer."""

    PATH = "/sehat/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != self.PATH:
            return self.get_response(request)
        try:
            connection.ensure_connection()
        except DatabaseError:
            return HttpResponse("database unreachable\n", status=503, content_type="text/plain")
        return HttpResponse("ok\n", content_type="text/plain")
