"""schemathesis against the API served by waitress on 127.0.0.1: every operation, valid
and invalid requests, at least 500 cases in all; no answer may be a 5xx, and every
answer must match the OpenAPI document (status, content type, headers, body).

The fake voice keeps POSTs quick; worker threads finish briefings during the run, so
GETs see queued, running and done briefings."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("flask")
schemathesis = pytest.importorskip("schemathesis")

from conftest import SHORT  # noqa: E402

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

CASES_PER_MODE = 65  # (4 operations x 2 modes + 1) x 65 = 585 cases


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from briefing.text.extract import source_from_text

    from web import create_app
    from web.api import create_key
    from web.briefings import brief
    from doubles import fake_render
    from web.serve import LiveServer

    app = create_app(
        {
            "INSTANCE_PATH": str(tmp_path_factory.mktemp("api-instance")),
            "SECRET_KEY": "schemathesis",
            "RENDER": fake_render,
            "JOB_POLL_SECONDS": 0.05,
            "JOB_RETRY_SECONDS": 0,
            "API_RATE_LIMIT": 100_000,
            # Generated URLs and webhook URLs name hosts that do not exist: refuse them
            # before any DNS look-up, as a site with an allow-list would.
            "BRIEFING": {"allowed_hosts": ["127.0.0.1"]},
        }
    )
    store = app.extensions["briefing.store"]
    key = create_key(store, "schemathesis")
    with app.app_context():
        for day in ("Monday", "Friday", "Sunday"):
            brief(app, source_from_text(SHORT.replace("Monday", day)))
    with LiveServer(app, threads=4) as server:
        yield {"url": server.url, "auth": {"Authorization": f"Bearer {key['key']}"}, "app": app}
    app.extensions["briefing.jobs"].stop()
    store.close()


def test_every_operation_conforms_to_the_spec(served):
    from schemathesis.checks import not_a_server_error
    from schemathesis.generation.modes import GenerationMode
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_headers_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    checks = [not_a_server_error, status_code_conformance, content_type_conformance,
              response_headers_conformance, response_schema_conformance]
    schema = schemathesis.openapi.from_url(served["url"] + "/api/v1/openapi.json")
    base = served["url"] + "/api/v1"
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} == {
        "POST /briefings", "GET /briefings", "GET /briefings/{briefing_id}", "DELETE /briefings/{briefing_id}",
    }
    statuses: dict[str, set[int]] = {}
    calls = 0
    started = time.monotonic()
    store = served["app"].extensions["briefing.store"]
    existing = [row[0] for row in store.db.execute("SELECT id FROM briefings ORDER BY created_at").fetchall()]
    runs = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            runs.append((operation, operation.as_strategy(generation_mode=mode)))
    # Also read briefings that exist (generated ids almost never do).
    for operation in operations:
        if operation.label == "GET /briefings/{briefing_id}":
            runs.append((operation, operation.as_strategy(path_parameters={"briefing_id": existing[0]})))
    for operation, strategy in runs:

        @given(case=strategy)
        @settings(max_examples=CASES_PER_MODE, deadline=None, database=None, derandomize=True,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        def run(case):
            nonlocal calls
            headers = dict(case.headers or {})
            headers.update(served["auth"])
            case.headers = headers
            response = case.call(base_url=base, headers=headers, timeout=30)
            calls += 1
            statuses.setdefault(operation.label, set()).add(response.status_code)
            case.validate_response(response, checks=checks, headers=headers)

        run()
    elapsed = time.monotonic() - started
    assert calls >= 500, calls
    # The run reached real answers, not only refusals.
    assert 202 in statuses["POST /briefings"] and 422 in statuses["POST /briefings"]
    assert 200 in statuses["GET /briefings"] and 200 in statuses["GET /briefings/{briefing_id}"]
    print(f"schemathesis: {calls} cases in {elapsed:.1f} s; statuses {statuses}")
