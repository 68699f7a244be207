"""Writes and rules for the IKM satisfaction survey."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import rules
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.roles import Role
from permits.models import Application, ApplicationStatus

from .survey_models import SCALE, SurveyAnswer, SurveyChannel, SurveyElement, SurveyResponse

# Who reads the IKM report (the office's leadership and the complaints desk).
IKM_REPORT_ROLES = (
    Role.KEPALA_DINAS,
    Role.KEPALA_BIDANG,
    Role.SEKRETARIS,
    Role.KEPALA_BIDANG_PENGADUAN,
    Role.ADMINISTRATOR,
)
PROFILE_FIELDS = ("age_group", "sex", "education", "occupation")


class SurveyError(Exception):
    pass


class SurveyAlreadySubmitted(SurveyError):
    """This application already has its one response."""


class SurveyNotAvailable(SurveyError):
    """The application is not (or no longer) one that may be rated: not issued, or none given."""


class SurveyInvalid(SurveyError):
    """No answer, or an answer outside 1–4 or for an unknown element."""


@rules.predicate
def reads_ikm_report(user) -> bool:
    return user.is_authenticated and any(user.has_role(role) for role in IKM_REPORT_ROLES)


def survey_offer_for(*, user, application: Application) -> bool:
    """Offer the survey: the signed-in applicant's own application, issued (TERBIT), and not rated yet."""
    return bool(
        user.is_authenticated
        and application.applicant_id == user.pk
        and application.status == ApplicationStatus.TERBIT
        and not SurveyResponse.objects.filter(application=application).exists()
    )


def survey_already_submitted(*, application: Application) -> bool:
    return SurveyResponse.objects.filter(application=application).exists()


def _answers(cleaned_data: Mapping[str, Any]) -> dict[str, int]:
    answers = {
        key: cleaned_data[key] for key in SurveyElement.values if cleaned_data.get(key) not in (None, "")
    }
    if not answers:
        raise SurveyInvalid("no answer")
    for key, value in answers.items():
        if value not in SCALE:
            raise SurveyInvalid(f"{key}={value!r} is outside 1–4")
    return {key: int(value) for key, value in answers.items()}


@transaction.atomic
def survey_submit(
    *,
    cleaned_data: Mapping[str, Any],
    channel: str,
    application: Application | None = None,
    now: datetime | None = None,
) -> SurveyResponse:
    """Store one respondent's questionnaire: answers keyed by element (U1..U9), profile, suggestion.

    ONLINE needs the application, which must be TERBIT and not yet rated; the permit type comes from it.
    KIOSK takes the optional `permit_type` the respondent chose (none = "Layanan lainnya").

    Raises SurveyNotAvailable, SurveyAlreadySubmitted, SurveyInvalid.
    """
    answers = _answers(cleaned_data)
    now = now or timezone.now()
    permit_type = cleaned_data.get("permit_type")
    if channel == SurveyChannel.ONLINE:
        if application is None:
            raise SurveyNotAvailable("an online response belongs to an application")
        # The row lock makes two tabs submitting at once queue up; the unique key catches anything else.
        application = (
            Application.objects.select_for_update().select_related("permit_type").get(pk=application.pk)
        )
        if application.status != ApplicationStatus.TERBIT:
            raise SurveyNotAvailable(f"application {application.pk} is {application.status}")
        if survey_already_submitted(application=application):
            raise SurveyAlreadySubmitted(f"application {application.pk}")
        permit_type = application.permit_type
    elif channel == SurveyChannel.KIOSK:
        application = None
    else:
        raise SurveyInvalid(f"unknown channel {channel!r}")

    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                submitted_at=now,
                channel=channel,
                application=application,
                permit_type=permit_type,
                suggestion=(cleaned_data.get("suggestion") or "").strip(),
                **{name: cleaned_data.get(name) or "" for name in PROFILE_FIELDS},
            )
    except IntegrityError as exc:
        raise SurveyAlreadySubmitted(f"application {application.pk if application else None}") from exc
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(response=response, element=key, value=value) for key, value in answers.items()
    )
    return response
