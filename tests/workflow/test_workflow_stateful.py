"""Random sequences of officers' and applicants' actions never reach an invalid state or skip a stage."""

import contextlib

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from accounts.roles import Role
from permits import services as permit_services
from permits.models import ApplicationStatus, ReviewStatus
from tests.factories import UserFactory
from tests.files import pdf_upload
from workflow import services
from workflow.models import TechnicalReviewDocument, TransitionLog
from workflow.routes import role_for_stage, stage_route
from workflow.runner import TransitionRefused

from .conftest import make_permit_type, submitted_application

S = ApplicationStatus
TERMINAL = {S.DITOLAK, S.DIBATALKAN}
ROLES = [role for role in Role if role != Role.PEMOHON]


class ApplicationLifecycle(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.applicant = UserFactory()
        self.officers = {role: UserFactory(roles=[role]) for role in ROLES}
        self.permit_type = make_permit_type(front_office=True, technical=True)
        self.route = stage_route(self.permit_type)
        self.application = submitted_application(permit_type=self.permit_type, applicant=self.applicant)

    def refresh(self):
        self.application.refresh_from_db()
        return self.application.status

    def _prepare(self, status):
        if status in (S.VERIFIKASI_FRONT_OFFICE, S.VERIFIKASI_BERKAS):
            officer = self.officers[role_for_stage(status)]
            services.documents_review(
                application_id=self.application.pk,
                expected_status=status,
                by=officer,
                judgements=[
                    services.DocumentJudgement(document_id=d.pk, status=ReviewStatus.SESUAI)
                    for d in self.application.documents.filter(superseded_at__isnull=True)
                ],
            )
        if status == S.TINJAUAN_TEKNIS:
            for kind in TechnicalReviewDocument.Kind:
                services.technical_document_upload(
                    application_id=self.application.pk,
                    kind=kind,
                    uploaded_file=pdf_upload(),
                    by=self.officers[Role.TIM_TEKNIS],
                )

    @rule(role=st.sampled_from(ROLES), prepared=st.booleans())
    def approve(self, role, prepared):
        status = self.refresh()
        if prepared and role_for_stage(status) == role:
            with contextlib.suppress(TransitionRefused):
                self._prepare(status)
        try:
            services.application_approve(
                application_id=self.application.pk, expected_status=status, by=self.officers[role]
            )
        except (TransitionRefused, services.DecisionInvalid):
            assert self.refresh() == status

    @rule(role=st.sampled_from(ROLES), final=st.booleans())
    def tolak(self, role, final):
        status = self.refresh()
        action = services.application_reject if final else services.application_return
        try:
            action(
                application_id=self.application.pk,
                expected_status=status,
                by=self.officers[role],
                reason="Alasan uji.",
            )
        except TransitionRefused:
            assert self.refresh() == status

    @precondition(lambda self: self.application.status == S.PERBAIKAN)
    @rule()
    def resubmit(self):
        self.refresh()
        for document in self.application.documents.filter(
            superseded_at__isnull=True, review_status=ReviewStatus.TIDAK_SESUAI
        ):
            permit_services.document_upload(
                application=self.application,
                requirement=document.requirement,
                uploaded_file=pdf_upload(),
                by=self.applicant,
            )
        permit_services.application_resubmit(application=self.application, by=self.applicant)

    @invariant()
    def status_is_known_and_no_stage_was_skipped(self):
        status = self.refresh()
        assert status in S.values
        previous = None
        returned_from = None
        for log in TransitionLog.objects.filter(application=self.application).order_by("created_at", "pk"):
            if previous is not None:
                assert log.from_status == previous, "the log is a continuous chain"
            assert previous not in TERMINAL, "nothing happens after a terminal state"
            if log.transition == "approve":
                index = self.route.index(log.from_status)
                assert log.to_status == self.route[index + 1], "approval moves exactly one stage"
            if log.transition == "return_for_correction":
                returned_from = log.from_status
            if log.transition == "resubmit":
                assert log.to_status == returned_from, "a correction returns to the stage that sent it back"
            previous = log.to_status
        assert previous == status


@pytest.mark.django_db
def test_random_action_sequences_keep_the_lifecycle_valid():
    ApplicationLifecycle.TestCase.settings = settings(
        max_examples=25,
        stateful_step_count=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    ApplicationLifecycle.TestCase().runTest()
