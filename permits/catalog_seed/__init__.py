"""The seed permit catalog and office profile, as plain Python data (no Django imports).

`PERMIT_TYPES` lists one dict per permit type with the keys slug, code, name, category, description,
sla_working_days, fee_rupiah, product, legal_basis, uses_front_office, uses_technical_review, risk_level,
source, fields, requirements, procedure, components ({component number: text}; always 6 and 8–14,
sometimes notes under 1–4) and blank_forms. `OFFICE` is the demo office profile.

Types transcribed from `shared/seeds/` name their source office in "source"; the ones composed for the
demo say "Disusun untuk demo".
"""

from .business import PERMIT_TYPES as _BUSINESS_PERMIT_TYPES
from .health import PERMIT_TYPES as _HEALTH_PERMIT_TYPES
from .office import OFFICE

PERMIT_TYPES: list[dict] = [*_HEALTH_PERMIT_TYPES, *_BUSINESS_PERMIT_TYPES]

__all__ = ["OFFICE", "PERMIT_TYPES"]
