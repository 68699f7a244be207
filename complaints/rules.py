"""Who may move a complaint on. The runner checks these; templates ask the same for buttons."""

import rules

from accounts.roles import Role

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


def _in(*statuses):
    @rules.predicate(name="status_in_" + "_".join(s.lower() for s in statuses))
    def predicate(user, complaint) -> bool:
        return complaint is not None and complaint.status in statuses

    return predicate


rules.add_perm("complaints.view_complaints", is_complaint_staff)
rules.add_perm("complaints.record_complaint", is_operator | is_kabid_pengaduan)
rules.add_perm("complaints.see_identity", is_complaint_staff)
rules.add_perm("complaints.classify", is_operator & _in(CS.DITERIMA))
rules.add_perm("complaints.answer_directly", is_operator & _in(CS.DIKLASIFIKASI))
rules.add_perm("complaints.dispose", is_kabid_pengaduan & _in(CS.DIKLASIFIKASI))
rules.add_perm("complaints.submit_answer", is_bidang & _in(CS.DIDISPOSISI))
rules.add_perm("complaints.validate", is_kabid_pengaduan & _in(CS.DIJAWAB))
rules.add_perm("complaints.invalidate", is_kabid_pengaduan & _in(CS.DIJAWAB))
rules.add_perm("complaints.close", (is_operator | is_kabid_pengaduan) & _in(CS.DISAMPAIKAN))

STAFF_ACTIONS = ["classify", "answer_directly", "dispose", "submit_answer", "validate", "invalidate", "close"]


def available_actions(*, user, complaint) -> list[str]:
    return [action for action in STAFF_ACTIONS if user.has_perm(f"complaints.{action}", complaint)]


def _reads_ikm_report(user) -> bool:
    from .survey_services import reads_ikm_report

    return reads_ikm_report(user)


rules.add_perm("complaints.view_ikm_report", rules.predicate(_reads_ikm_report))
