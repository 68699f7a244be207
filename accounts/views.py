import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileForm


@login_required
def after_login(request):
    """Applicants land on their applications, officers on their verification queue, administrators on
    the admin."""
    from workflow.routes import stages_for_user

    if stages_for_user(request.user):
        return redirect("workflow:queue")
    # The rule itself, not User.has_perm: a superuser passes every has_perm, yet reads no complaints here.
    if rules.has_perm("complaints.view_complaints", request.user):
        return redirect("complaints:staff_queue")
    if request.user.is_staff:
        return redirect("admin:index")
    if request.user.is_officer:
        return redirect("workflow:staff_tracking")
    return redirect("permits:application_list")


@login_required
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            user.full_name = form.cleaned_data["full_name"]
            user.phone = form.cleaned_data["phone"]
            user.preferred_language = form.cleaned_data["preferred_language"]
            user.save(update_fields=["full_name", "phone", "preferred_language"])
            messages.success(request, _("Profil tersimpan."))
            return redirect("account_profile")
    else:
        form = ProfileForm(
            initial={
                "full_name": user.full_name,
                "phone": user.phone,
                "preferred_language": user.preferred_language,
            }
        )
    return render(request, "account/profile.html", {"form": form})


def set_language(request):
    """Django's language switch, which also remembers the choice for the signed-in user's e-mails."""
    from django.views.i18n import set_language as django_set_language

    response = django_set_language(request)
    language = request.POST.get("language")
    if request.method == "POST" and request.user.is_authenticated and language in dict(settings.LANGUAGES):
        request.user.preferred_language = language
        request.user.save(update_fields=["preferred_language"])
    return response
