"""Every cell of complaint status × transition × actor: allowed, refused (wrong actor) or invalid (wrong
state).

The expectations are written out here from DESIGN.md §6 and the consultation flow of seed 002 (operator
classifies and answers if able → Kepala Bidang Pengaduan distributes to a bidang/OPD → the bidang answers →
the Kepala Bidang Pengaduan validates, "belum valid" back to the bidang → answer published), not derived
from complaints/rules.py."""

from datetime import date

import pytest
from django.utils import timezone
from django_fsm import can_proceed

from accounts.roles import Role
from complaints.models import Complaint, ComplaintKind, ComplaintUnit, Outcome
from complaints.models import ComplaintStatus as CS
from tests.factories import UserFactory
from workflow.models import TransitionLog
from workflow.runner import TransitionRefused, transition_run

OPERATOR, KABID, BIDANG = Role.OPERATOR_PENGADUAN, Role.KEPALA_BIDANG_PENGADUAN, Role.BIDANG_TERKAIT
APPLICANT = Role.PEMOHON
# Every office role (the pengaduan staff and the permit officers: Front/Back Office, Tim Teknis, Kasi,
# Kabid, Sekretaris, Kepala Dinas, Sekretariat, Administrator) and an applicant.
ACTORS = list(Role)

# transition: (the one state it leaves from, who may run it there)
EXPECTED = {
    # "received → classified": the operator classifies.
    "classify": (CS.DITERIMA, {OPERATOR}),
    # "the operator may answer a simple one at once" — once it is classified.
    "answer_directly": (CS.DIKLASIFIKASI, {OPERATOR}),
    # "disposed to a bidang or OPD" by the Kepala Bidang Pengaduan (seed 002, step 3).
    "dispose": (CS.DIKLASIFIKASI, {KABID}),
    # "answered" by the bidang/OPD it was disposed to (the Bidang Terkait here belongs to that unit; one of
    # another unit is refused: test_a_bidang_of_another_unit_may_not_answer).
    "submit_answer": (CS.DIDISPOSISI, {BIDANG}),
    # "validated by the Kepala Bidang Pengaduan (not valid → back to the bidang)".
    "validate": (CS.DIJAWAB, {KABID}),
    "invalidate": (CS.DIJAWAB, {KABID}),
    # §6 gives the staff no closing step of its own; the pengaduan desk that delivered the answer (operator
    # or its Kepala Bidang) closes the ticket. The complainant closes it by rating, by ticket (no account).
    "close": (CS.DISAMPAIKAN, {OPERATOR, KABID}),
}


def unit() -> ComplaintUnit:
    return ComplaintUnit.objects.get_or_create(name="Bidang Perizinan Kesehatan")[0]


def arguments(transition: str, permit_type=None) -> dict:
    now = timezone.now()
    return {
        "classify": {
            "now": now,
            "kind": ComplaintKind.PENGADUAN,
            "handled_as": ComplaintKind.PENGADUAN,
            "component": 3,
            "permit_type": permit_type,
        },
        "answer_directly": {"now": now, "answer": "Jawaban.", "outcome": Outcome.INTERNAL},
        "dispose": {"now": now, "unit": unit(), "outcome": Outcome.INTERNAL},
        "submit_answer": {"now": now, "answer": "Jawaban bidang."},
        "validate": {"now": now},
        "invalidate": {"now": now},
        "close": {"now": now},
    }[transition]


def expected(transition: str, state: str, actor: Role) -> str:
    source, actors = EXPECTED[transition]
    if state != source:
        return "invalid"
    return "allowed" if actor in actors else "refused"


def complaint_in(state: str, number: int) -> Complaint:
    return Complaint.objects.create(
        ticket=f"ADU-2607-M{number:05d}",
        kind=ComplaintKind.PENGADUAN,
        handled_as=ComplaintKind.PENGADUAN,
        description="Berkas saya belum diproses.",
        name="Budi",
        email="budi@example.test",
        status=state,
        received_at=timezone.now(),
        acknowledge_due=date(2026, 7, 2),
        answer_due=date(2026, 7, 21),
        answer="Jawaban bidang." if state in (CS.DIJAWAB, CS.DISAMPAIKAN, CS.SELESAI) else "",
        disposed_unit=unit() if state in (CS.DIDISPOSISI, CS.DIJAWAB, CS.DISAMPAIKAN, CS.SELESAI) else None,
    )


def test_the_table_covers_every_transition_of_the_model():
    transitions = {t.name for t in Complaint._meta.get_field("status").get_all_transitions(Complaint)}
    # reopen belongs to the complainant (by ticket, no account): not a staff transition.
    assert transitions - {"reopen"} == set(EXPECTED)


@pytest.mark.django_db
@pytest.mark.parametrize("transition", list(EXPECTED))
def test_every_state_and_actor(transition):
    people = {actor: UserFactory(roles=[actor]) for actor in ACTORS}
    unit().members.add(people[BIDANG])
    mismatches = []
    number = 0
    for state in CS:
        for actor in ACTORS:
            number += 1
            complaint = complaint_in(state, number)
            want = expected(transition, state, actor)
            if want == "invalid":
                assert not can_proceed(getattr(complaint, transition)), (transition, state)
            try:
                transition_run(
                    complaint_id=complaint.pk,
                    transition=transition,
                    actor=people[actor],
                    actor_role=str(actor),
                    expected_status=state,
                    permission=f"complaints.{transition}",
                    arguments=arguments(transition),
                )
                got = "allowed"
            except TransitionRefused:
                got = "refused" if want != "invalid" else "invalid"
            logs = TransitionLog.objects.filter(complaint=complaint).count()
            complaint.refresh_from_db()
            if got == "allowed":
                assert logs == 1 and complaint.status != state, (transition, state, actor)
            else:
                assert logs == 0 and complaint.status == state, (transition, state, actor)
            if got != want:
                mismatches.append((str(state), str(actor), want, got))
    assert mismatches == []


@pytest.mark.django_db
def test_a_bidang_of_another_unit_may_not_answer():
    complaint = complaint_in(CS.DIDISPOSISI, 80000)
    elsewhere = ComplaintUnit.objects.create(name="Dinas PUPR (uji)")
    outsider = UserFactory(roles=[BIDANG])
    elsewhere.members.add(outsider)
    with pytest.raises(TransitionRefused):
        transition_run(
            complaint_id=complaint.pk,
            transition="submit_answer",
            actor=outsider,
            actor_role=str(BIDANG),
            expected_status=CS.DIDISPOSISI,
            permission="complaints.submit_answer",
            arguments=arguments("submit_answer"),
        )
    complaint.refresh_from_db()
    assert complaint.status == CS.DIDISPOSISI


@pytest.mark.django_db
def test_anonymous_visitor_may_run_no_staff_transition():
    from django.contrib.auth.models import AnonymousUser

    visitor = AnonymousUser()
    for number, (transition, (source, _actors)) in enumerate(EXPECTED.items()):
        complaint = complaint_in(source, 90000 + number)
        with pytest.raises(TransitionRefused):
            transition_run(
                complaint_id=complaint.pk,
                transition=transition,
                actor=visitor,
                actor_role="",
                expected_status=source,
                permission=f"complaints.{transition}",
                arguments=arguments(transition),
            )
        complaint.refresh_from_db()
        assert complaint.status == source
