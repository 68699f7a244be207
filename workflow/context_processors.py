from .notifications import unread_notification_count


def unread_notifications(request) -> dict:
    """The navbar's unread badge: one COUNT per request, shared by every template rendered for it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notification_count": 0}
    if not hasattr(request, "_pintu_unread_notifications"):
        request._pintu_unread_notifications = unread_notification_count(user=user)
    return {"unread_notification_count": request._pintu_unread_notifications}
