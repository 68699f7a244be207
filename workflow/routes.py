"""Which stages an application passes through, and which role acts at each. Configuration on the permit
type (Front Office check, Tim Teknis inspection) decides the optional stages; the order is fixed here."""

from accounts.roles import Role
from permits.models import DECISION_STAGES, REVIEW_STAGES, ApplicationStatus, PermitType

S = ApplicationStatus

STAGE_ROLE: dict[str, Role] = {
    S.VERIFIKASI_FRONT_OFFICE: Role.FRONT_OFFICE,
    S.VERIFIKASI_BERKAS: Role.BACK_OFFICE,
    S.TINJAUAN_TEKNIS: Role.TIM_TEKNIS,
    S.VERIFIKASI_KASI: Role.KEPALA_SEKSI,
    S.VERIFIKASI_KABID: Role.KEPALA_BIDANG,
    S.VERIFIKASI_SEKRETARIS: Role.SEKRETARIS,
    S.MENUNGGU_TTE: Role.KEPALA_DINAS,
    S.PENOMORAN: Role.SEKRETARIAT,
}
# Who is reminded, besides the stage's own officers, when a file is overdue there.
SUPERIOR_ROLE: dict[Role, Role] = {
    Role.FRONT_OFFICE: Role.KEPALA_SEKSI,
    Role.BACK_OFFICE: Role.KEPALA_SEKSI,
    Role.TIM_TEKNIS: Role.KEPALA_BIDANG,
    Role.KEPALA_SEKSI: Role.KEPALA_BIDANG,
    Role.KEPALA_BIDANG: Role.SEKRETARIS,
    Role.SEKRETARIS: Role.KEPALA_DINAS,
    Role.KEPALA_DINAS: Role.SEKRETARIS,
    Role.SEKRETARIAT: Role.SEKRETARIS,
}
__all__ = ["DECISION_STAGES", "REVIEW_STAGES", "STAGE_ROLE", "SUPERIOR_ROLE", "stage_route", "next_stage"]
# Where the office holds the file (the SLA clock runs); PERBAIKAN is the applicant's time.
OFFICE_STAGES = (*REVIEW_STAGES, S.MENUNGGU_TTE, S.PENOMORAN, S.PENERBITAN)


def stage_route(permit_type: PermitType) -> list[str]:
    """The ordered office stages for this permit type, from first check to the Kepala Dinas' signature."""
    route: list[str] = []
    if permit_type.uses_front_office:
        route.append(S.VERIFIKASI_FRONT_OFFICE)
        if permit_type.uses_technical_review:
            route.append(S.TINJAUAN_TEKNIS)
        route.append(S.VERIFIKASI_BERKAS)
    else:
        route.append(S.VERIFIKASI_BERKAS)
        if permit_type.uses_technical_review:
            route.append(S.TINJAUAN_TEKNIS)
    route += [S.VERIFIKASI_KASI, S.VERIFIKASI_KABID, S.VERIFIKASI_SEKRETARIS, S.MENUNGGU_TTE]
    return route


def first_stage(permit_type: PermitType) -> str:
    return stage_route(permit_type)[0]


def next_stage(permit_type: PermitType, current: str) -> str:
    route = stage_route(permit_type)
    return route[route.index(current) + 1]


def role_for_stage(status: str) -> Role | None:
    return STAGE_ROLE.get(status)


def stages_for_user(user) -> list[str]:
    roles = user.role_names()
    return [stage for stage, role in STAGE_ROLE.items() if role.value in roles]
