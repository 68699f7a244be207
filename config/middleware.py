class IndonesianByDefaultMiddleware:
    """Pintu speaks Indonesian unless the user picks another language with the switch (a cookie).

    The browser's Accept-Language is ignored on purpose: a public-service portal answers in the national
    language first, and many phones in Indonesia are set to English."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
