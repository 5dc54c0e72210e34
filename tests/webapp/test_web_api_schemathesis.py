"""schemathesis against the API served by waitress on 127.0.0.1: every operation, valid
and invalid requests, at least 500 cases in all (set BRIEFING_SCHEMATHESIS_CASES to a
number of cases per operation and mode for a longer run: 150 gives 2,100).

Every built-in check runs (no 5xx; status, content type, headers and body as the OpenAPI
document says; invalid data rejected; ignored authentication, missing headers,
unsupported methods ...), except schemathesis' ``positive_data_acceptance``, whose fixed
list of statuses cannot tell a schema-valid request refused as malformed (a bug) from one
refused for what it says: an article that cannot be briefed (valid JSON, but "0" is no
English news), a webhook address the URL rules refuse, an id that is not this key's (404). :func:`schema_valid_requests_are_accepted` checks that
instead, by the problem's ``type``.

Two keys share the server: the run's key owns three briefings, another key owns one,
and the site one; the other key's and the site's answer 404 to the run's key, always.
The fake voice keeps POSTs quick; worker threads finish briefings during the run, so
GETs see queued, running and done briefings.
"""

from __future__ import annotations

import os
import time

import pytest

pytest.importorskip("flask")
schemathesis = pytest.importorskip("schemathesis")

from conftest import SHORT  # noqa: E402

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

# (4 operations x 2 modes + 6 runs on existing ids) x 65 = 910 cases, in about 20 s.
CASES_PER_MODE = int(os.environ.get("BRIEFING_SCHEMATHESIS_CASES") or 65)

# What a schema-valid request may be refused for: the problem types that are about what the
# request says, not how it is written.
REFUSALS_OF_CONTENT = {422: {"unbriefable", "webhook-refused", "idempotency-mismatch"}}


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
    other = create_key(store, "another tool")
    with app.app_context():
        own = [brief(app, source_from_text(SHORT.replace("Monday", day)), key_id=key["id"]).record.id
               for day in ("Monday", "Friday", "Sunday")]
        foreign = [brief(app, source_from_text(SHORT.replace("Monday", "Tuesday")), key_id=other["id"]).record.id,
                   brief(app, source_from_text(SHORT.replace("Monday", "Tuesday"))).record.id]
    with LiveServer(app, threads=4) as server:
        yield {"url": server.url, "auth": {"Authorization": f"Bearer {key['key']}"}, "app": app,
               "own": own, "foreign": foreign}
    app.extensions["briefing.jobs"].stop()
    store.close()


def schema_valid_requests_are_accepted(ctx, response, case):
    """A request the OpenAPI document allows is answered 2xx, or refused only for what it
    says (``REFUSALS_OF_CONTENT``), for an id this key does not have (404), or for the rate
    limit (429): never as malformed."""
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return None
    status = response.status_code
    if 200 <= status < 300 or status in (404, 429):
        return None
    kind = None
    try:
        problem = response.json()
        kind = problem["type"].rsplit("#problem-", 1)[-1]
    except (ValueError, KeyError, TypeError, AttributeError):
        pass
    if kind in REFUSALS_OF_CONTENT.get(status, ()):
        return None
    raise AssertionError(f"A schema-valid request was refused with {status} ({kind}): {response.text[:500]}")


def foreign_ids_are_not_found(ctx, response, case):
    """Another key's briefing, or the site's, is 404 to this key, whatever it asks."""
    if response.status_code != 404:
        raise AssertionError(f"{case.method} {case.formatted_path} answered {response.status_code}, not 404")


def test_every_operation_conforms_to_the_spec(served):
    from schemathesis.checks import CHECKS, load_all_checks
    from schemathesis.generation.modes import GenerationMode

    load_all_checks()
    checks = [c for c in CHECKS.get_all() if c.__name__ != "positive_data_acceptance"]
    checks.append(schema_valid_requests_are_accepted)
    schema = schemathesis.openapi.from_url(served["url"] + "/api/v1/openapi.json")
    base = served["url"] + "/api/v1"
    operations = {result.ok().label: result.ok() for result in schema.get_all_operations()}
    assert set(operations) == {
        "POST /briefings", "GET /briefings", "GET /briefings/{briefing_id}", "DELETE /briefings/{briefing_id}",
    }
    statuses: dict[str, set[int]] = {}
    calls = 0
    started = time.monotonic()
    runs = []
    for operation in operations.values():
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            runs.append((operation, operation.as_strategy(generation_mode=mode), checks))
    # Briefings that exist: this key's (generated ids almost never do), then another key's
    # and the site's, which must be 404 to this key. The DELETE of its own comes last.
    get_one, delete_one = operations["GET /briefings/{briefing_id}"], operations["DELETE /briefings/{briefing_id}"]
    runs.append((get_one, get_one.as_strategy(path_parameters={"briefing_id": served["own"][0]}), checks))
    for foreign in served["foreign"]:
        for operation in (get_one, delete_one):
            runs.append((operation, operation.as_strategy(path_parameters={"briefing_id": foreign}),
                         [*checks, foreign_ids_are_not_found]))
    runs.append((delete_one, delete_one.as_strategy(path_parameters={"briefing_id": served["own"][2]}), checks))
    for operation, strategy, run_checks in runs:

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
            case.validate_response(response, checks=run_checks, headers=headers,
                                   transport_kwargs={"base_url": base, "headers": headers})

        run()
    elapsed = time.monotonic() - started
    assert calls >= 500, calls
    # The run reached real answers, not only refusals.
    assert 202 in statuses["POST /briefings"] and 422 in statuses["POST /briefings"]
    assert 200 in statuses["GET /briefings"] and 200 in statuses["GET /briefings/{briefing_id}"]
    assert 204 in statuses["DELETE /briefings/{briefing_id}"]
    store = served["app"].extensions["briefing.store"]
    assert all(store.get_briefing(i) is not None for i in served["foreign"])  # untouched by this key
    print(f"schemathesis: {calls} cases in {elapsed:.1f} s; statuses {statuses}")
