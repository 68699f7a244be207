"""Demo accounts for the embedded default: one per role, all with the documented demo password."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from .models import User
from .roles import Role

DEMO_PASSWORD = "pintu-demo-2026"  # noqa: S105 — documented in the README; refused outside demo settings

DEMO_ACCOUNTS: list[tuple[str, Role, str, str]] = [
    ("pemohon", Role.PEMOHON, "dr. Ayu Lestari", "3603014506900002"),
    ("frontoffice", Role.FRONT_OFFICE, "Rina Marlina, S.Sos.", ""),
    ("backoffice", Role.BACK_OFFICE, "Dedi Supriadi, S.Kom.", ""),
    ("timteknis", Role.TIM_TEKNIS, "Ir. Bambang Hartono", ""),
    ("kasi", Role.KEPALA_SEKSI, "Siti Nurhaliza, S.H.", ""),
    ("kabid", Role.KEPALA_BIDANG, "Drs. Agus Salim, M.Si.", ""),
    ("sekretaris", Role.SEKRETARIS, "Hj. Nurlaela, S.E., M.M.", ""),
    ("kadis", Role.KEPALA_DINAS, "Dr. H. Ahmad Fauzi, S.STP., M.Si.", ""),
    ("sekretariat", Role.SEKRETARIAT, "Yuni Kartika, A.Md.", ""),
    ("operatorpengaduan", Role.OPERATOR_PENGADUAN, "Fajar Nugraha", ""),
    ("kabidpengaduan", Role.KEPALA_BIDANG_PENGADUAN, "Dra. Ratna Sari", ""),
    ("bidangterkait", Role.BIDANG_TERKAIT, "Hendra Gunawan, S.T.", ""),
    ("admin", Role.ADMINISTRATOR, "Administrator Pintu", ""),
]


class DemoDataRefused(ImproperlyConfigured):
    """Demo data may only be loaded with local or test settings."""


def ensure_demo_allowed() -> None:
    if not getattr(settings, "PINTU_DEMO_DATA_ALLOWED", False):
        raise DemoDataRefused("Demo data is refused with these settings (production?).")


@transaction.atomic
def demo_accounts_create() -> list[User]:
    ensure_demo_allowed()
    users = []
    for username, role, full_name, nik in DEMO_ACCOUNTS:
        email = f"{username}@demo.pintu.localhost"
        user, _created = User.objects.get_or_create(username=username, defaults={"email": email})
        user.full_name, user.email, user.nik = full_name, email, nik
        user.phone = "081200000000"
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([Group.objects.get_or_create(name=role.value)[0]])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        users.append(user)
    return users


def demo_applicant_create(*, username: str, full_name: str) -> User:
    """An extra demo applicant (for demo applications), with the demo password and a verified e-mail."""
    ensure_demo_allowed()
    email = f"{username}@demo.pintu.localhost"
    user, _created = User.objects.get_or_create(
        username=username, defaults={"email": email, "full_name": full_name}
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    user.groups.set([Group.objects.get_or_create(name=Role.PEMOHON.value)[0]])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user
