"""The seed permit catalog and office profile, as plain Python data (no Django imports).

`PERMIT_TYPES` lists one dict per permit type with the keys slug, code, name, category, description,
sla_working_days, fee_rupiah, product, legal_basis, uses_front_office, uses_technical_review, risk_level,
source, fields, requirements, procedure, components ({component number: text}; always 6 and 8–14,
sometimes notes under 1–4) and blank_forms. `OFFICE` is the demo office profile.

Types transcribed from `shared/seeds/` name their source office in "source"; the ones composed for the
demo say "Disusun untuk demo".
"""

from .health import PERMIT_TYPES as _HEALTH_PERMIT_TYPES
from .kbli_71204 import KBLI_71204
from .lkp import IZIN_LKP
from .office import OFFICE
from .reklame import IZIN_REKLAME
from .sip_bidan import SIP_BIDAN
from .sipop import SIPOP

PERMIT_TYPES: list[dict] = [*_HEALTH_PERMIT_TYPES, SIPOP, KBLI_71204, SIP_BIDAN, IZIN_REKLAME, IZIN_LKP]

__all__ = ["OFFICE", "PERMIT_TYPES"]
