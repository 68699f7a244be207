"""Who may see a complaint, and who may move it on. Selectors, views and the runner ask these (through
permits.rules.may); templates ask the same for links and buttons (`{% may %}`).

- complaints.view_complaints (no object): the pengaduan staff (their queue).
- complaints.view_complaint: the Operator and the Kepala Bidang Pengaduan, every complaint; a Bidang Terkait,
  the complaints disposed to a unit they belong to (in any later state too).
- complaints.see_identity (name, e-mail, phone): the Operator and the Kepala Bidang Pengaduan; when the
  complainant did not ask for confidentiality, also the unit it was disposed to and the application roles
  (on a linked application's page).
- complaints.view_attachments: the Operator and the Kepala Bidang Pengaduan; the unit it was disposed to
  unless it is confidential (a scan or a photo may show who complained).
- complaints.<action>: the lifecycle below (DESIGN §6).

The linked application is not the complaint's: who sees the complaint sees the application's number, type and
stage; its content only through workflow.view_application (permits.rules).

`complaints_visible_q(user)` is the queryset twin of complaints.view_complaint, for lists and counts.
"""

import rules
from django.db.models import Q

from accounts.roles import Role
from permits.rules import may, works_on_applications

from .models import ComplaintStatus as CS


def _has(role: Role):
    @rules.predicate(name=f"has_role_{role.name.lower()}")
    def predicate(user) -> bool:
        return user.is_authenticated and user.has_role(role)

    return predicate


is_operator = _has(Role.OPERATOR_PENGADUAN)
is_kabid_pengaduan = _has(Role.KEPALA_BIDANG_PENGADUAN)
is_bidang = _has(Role.BIDANG_TERKAIT)
is_complaint_staff = is_operator | is_kabid_pengaduan | is_bidang
# Who sees every complaint, and a confidential complainant's identity.
is_pengaduan_desk = is_operator | is_kabid_pengaduan


def unit_ids_of(user) -> frozenset[int]:
    """The complaint units the user belongs to; one query per user object (request)."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_complaint_unit_ids"):
        user._complaint_unit_ids = frozenset(user.complaint_units.values_list("pk", flat=True))
    return user._complaint_unit_ids


@rules.predicate
def disposed_to_users_unit(user, complaint) -> bool:
    return (
        complaint is not None
        and complaint.disposed_unit_id is not None
        and complaint.disposed_unit_id in unit_ids_of(user)
    )


@rules.predicate
def is_confidential(user, complaint) -> bool:
    return complaint is not None and complaint.is_confidential


def _in(*statuses):
    @rules.predicate(name="status_in_" + "_".join(s.lower() for s in statuses))
    def predicate(user, complaint) -> bool:
        return complaint is not None and complaint.status in statuses

    return predicate


its_unit = is_bidang & disposed_to_users_unit

rules.add_perm("complaints.view_complaints", is_complaint_staff)
rules.add_perm("complaints.view_complaint", is_pengaduan_desk | its_unit)
rules.add_perm(
    "complaints.see_identity", is_pengaduan_desk | (~is_confidential & (its_unit | works_on_applications))
)
rules.add_perm("complaints.view_attachments", is_pengaduan_desk | (its_unit & ~is_confidential))
rules.add_perm("complaints.record_complaint", is_pengaduan_desk)
rules.add_perm("complaints.classify", is_operator & _in(CS.DITERIMA))
rules.add_perm("complaints.answer_directly", is_operator & _in(CS.DIKLASIFIKASI))
rules.add_perm("complaints.dispose", is_kabid_pengaduan & _in(CS.DIKLASIFIKASI))
rules.add_perm("complaints.submit_answer", its_unit & _in(CS.DIDISPOSISI))
rules.add_perm("complaints.validate", is_kabid_pengaduan & _in(CS.DIJAWAB))
rules.add_perm("complaints.invalidate", is_kabid_pengaduan & _in(CS.DIJAWAB))
rules.add_perm("complaints.close", is_pengaduan_desk & _in(CS.DISAMPAIKAN))

STAFF_ACTIONS = ["classify", "answer_directly", "dispose", "submit_answer", "validate", "invalidate", "close"]


def complaints_visible_q(user) -> Q:
    """The complaints `user` may see (complaints.view_complaint), as a filter: all for the pengaduan desk, the
    ones disposed to their units for a Bidang Terkait, none for anyone else."""
    if is_pengaduan_desk(user):
        return Q()
    if is_bidang(user):
        return Q(disposed_unit_id__in=unit_ids_of(user))
    return Q(pk__in=[])


def available_actions(*, user, complaint) -> list[str]:
    return [action for action in STAFF_ACTIONS if may(user, f"complaints.{action}", complaint)]


def _reads_ikm_report(user) -> bool:
    from .survey_services import reads_ikm_report

    return reads_ikm_report(user)


rules.add_perm("complaints.view_ikm_report", rules.predicate(_reads_ikm_report))
