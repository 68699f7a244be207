import factory
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role
from permits.models import ApplicationField, FieldKind, PermitType, Requirement


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.test")
    full_name = factory.Faker("name", locale="id_ID")
    password = factory.django.Password("rahasia-uji-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        roles = extracted if extracted is not None else [Role.PEMOHON]
        if create:
            # get_or_create: transactional tests flush the groups that the data migration made.
            self.groups.set([Group.objects.get_or_create(name=role.value)[0] for role in roles])


class PermitTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PermitType

    name = factory.Sequence(lambda n: f"Izin Uji {n}")
    slug = factory.Sequence(lambda n: f"izin-uji-{n}")
    code = factory.Sequence(lambda n: f"UJ{chr(65 + n % 26)}{chr(65 + (n // 26) % 26)}")
    category = "Kesehatan"
    description = "Izin untuk pengujian."
    sla_working_days = 14
    fee_rupiah = 0
    product = "Surat izin"
    legal_basis = "Peraturan uji"


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Requirement

    permit_type = factory.SubFactory(PermitTypeFactory)
    order = factory.Sequence(lambda n: n)
    label = factory.Sequence(lambda n: f"Dokumen {n}")
    accepted_kinds = ["pdf", "jpg", "png"]
    max_size_mb = 5


class ApplicationFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationField

    permit_type = factory.SubFactory(PermitTypeFactory)
    order = factory.Sequence(lambda n: n)
    name = factory.Sequence(lambda n: f"isian_{n}")
    label = factory.Sequence(lambda n: f"Isian {n}")
    kind = FieldKind.TEXT
    required = True
