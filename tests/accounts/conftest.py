import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture
def english_then_back():
    """A request in English leaves English active in this thread; later tests expect Indonesian."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
