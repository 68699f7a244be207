import pytest


@pytest.mark.django_db
def test_health_answers_over_plain_http_for_any_host(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["pintu.example.go.id"]
    response = client.get("/sehat/", HTTP_HOST="172.18.0.5:8000")
    assert response.status_code == 200 and response.content == b"ok\n"


@pytest.mark.django_db
def test_other_paths_still_validate_the_host(client, settings):
    settings.ALLOWED_HOSTS = ["pintu.example.go.id"]
    assert client.get("/lacak/", HTTP_HOST="172.18.0.5:8000").status_code == 400
