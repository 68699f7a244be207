from .models import Office


def office(request) -> dict:
    # One small row, read per page; cached on the request so templates and views share it.
    if not hasattr(request, "_pintu_office"):
        request._pintu_office = Office.current()
    return {"office": request._pintu_office}
