"""Every cell of state × transition × actor: allowed, refused (wrong actor), or invalid (wrong state).

The expectations are written out here from DESIGN.md §3, not derived from the code under test."""

import pytest
from django_fsm import can_proceed

from accounts.roles import Role
from permits.models import Application, ApplicationStatus
from tests.factories import UserFactory
from workflow.models import TransitionLog
from workflow.runner import TransitionRefused, transition_run

from .conftest import make_permit_type

S = ApplicationStatus
# Who acts at each stage (DESIGN.md §3).
ACTOR_AT = {
    S.VERIFIKASI_FRONT_OFFICE: Role.FRONT_OFFICE,
    S.VERIFIKASI_BERKAS: Role.BACK_OFFICE,
    S.TINJAUAN_TEKNIS: Role.TIM_TEKNIS,
    S.VERIFIKASI_KASI: Role.KEPALA_SEKSI,
    S.VERIFIKASI_KABID: Role.KEPALA_BIDANG,
    S.VERIFIKASI_SEKRETARIS: Role.SEKRETARIS,
    S.MENUNGGU_TTE: Role.KEPALA_DINAS,
}
# Route of a permit type using both optional stages: FO → Tim Teknis → BO → Kasi → Kabid → Sekretaris → TTE.
NEXT = {
    S.VERIFIKASI_FRONT_OFFICE: S.TINJAUAN_TEKNIS,
    S.TINJAUAN_TEKNIS: S.VERIFIKASI_BERKAS,
    S.VERIFIKASI_BERKAS: S.VERIFIKASI_KASI,
    S.VERIFIKASI_KASI: S.VERIFIKASI_KABID,
    S.VERIFIKASI_KABID: S.VERIFIKASI_SEKRETARIS,
    S.VERIFIKASI_SEKRETARIS: S.MENUNGGU_TTE,
}
APPROVABLE = set(NEXT)  # the Kepala Dinas signs instead of approving (issue 4)
DECIDABLE = set(ACTOR_AT)
OWNER = "owner"
STRANGER = "other applicant"
ACTORS = [*[role for role in Role if role != Role.PEMOHON], OWNER, STRANGER]

TRANSITIONS = {
    "approve": (
        "workflow.approve_application",
        lambda state: {"next_status": NEXT.get(state, S.MENUNGGU_TTE)},
    ),
    "return_for_correction": (
        "workflow.return_application",
        lambda state: {"working_days_used": 1, "fields": []},
    ),
    "reject": ("workflow.reject_application", lambda state: {}),
    "resubmit": ("permits.resubmit_application", lambda state: {"due_date": None}),
    "cancel": ("permits.cancel_application", lambda state: {}),
}


def expected(transition: str, state: str, actor) -> str:
    valid_states = {
        "approve": APPROVABLE,
        "return_for_correction": DECIDABLE,
        "reject": DECIDABLE,
        "resubmit": {S.PERBAIKAN},
        "cancel": {S.DRAFT, S.PERBAIKAN},
    }[transition]
    if state not in valid_states:
        return "invalid"
    if transition in ("resubmit", "cancel"):
        return "allowed" if actor == OWNER else "refused"
    return "allowed" if actor == ACTOR_AT[state] else "refused"


@pytest.mark.django_db
@pytest.mark.parametrize("transition", list(TRANSITIONS))
def test_every_state_and_actor(transition):
    from django.utils import timezone

    permit_type = make_permit_type(front_office=True, technical=True)
    owner = UserFactory()
    people = {actor: UserFactory(roles=[actor]) for actor in ACTORS if isinstance(actor, Role)}
    people[OWNER] = owner
    people[STRANGER] = UserFactory()
    permission, arguments = TRANSITIONS[transition]
    mismatches = []
    for state in S:
        for actor in ACTORS:
            application = Application.objects.create(
                permit_type=permit_type,
                applicant=owner,
                status=state,
                returned_from_status=S.VERIFIKASI_BERKAS if state == S.PERBAIKAN else "",
            )
            want = expected(transition, state, actor)
            if want == "invalid":
                assert not can_proceed(getattr(application, transition)), (transition, state)
            try:
                transition_run(
                    application_id=application.pk,
                    transition=transition,
                    actor=people[actor],
                    actor_role=str(actor),
                    expected_status=state,
                    permission=permission,
                    arguments={"now": timezone.now(), **arguments(state)},
                )
                got = "allowed"
            except TransitionRefused:
                got = "refused" if want != "invalid" else "invalid"
            logs = TransitionLog.objects.filter(application=application).count()
            application.refresh_from_db()
            if got == "allowed":
                assert logs == 1 and application.status != state
            else:
                assert logs == 0 and application.status == state
            if got != want:
                mismatches.append((state, str(actor), want, got))
    assert mismatches == []
