"""Jobs through the gateway: each service runs its jobs on schedule in its own process, staff run
one for a day on demand and read the recorded runs (libs.jobs, libs.job_routes)."""

from __future__ import annotations

from libs.testing.api import Api, assert_problem, wait_until

RUN = "/v1/ordering/jobs/expire-trials/run"
RUNS = "/v1/ordering/jobs/expire-trials/runs"


def test_the_ordering_process_runs_expire_trials_on_its_schedule(api: Api) -> None:
    """Nobody calls it: the scheduler inside the service ran this hour's period at start-up."""

    def scheduled() -> list[dict]:
        runs = api.admin("GET", RUNS).json()["data"]
        return [r for r in runs if r["trigger"] == "schedule" and r["outcome"] == "succeeded"]

    runs = wait_until(scheduled, timeout=30, what="a scheduled run of expire-trials")
    assert runs[0]["period"].endswith(":00")  # hourly periods
    assert runs[0]["finished_at"] >= runs[0]["started_at"]
    assert set(runs[0]["counts"]) == {"expired"}


def test_staff_run_a_job_for_a_day_and_see_it_recorded(api: Api) -> None:
    ran = api.admin("POST", RUN, json={"as_of": "2020-01-01"})
    assert ran.status_code == 200, ran.text
    run = ran.json()
    assert run["job"] == "expire-trials" and run["trigger"] == "manual" and run["outcome"] == "succeeded"
    assert run["as_of"] == "2020-01-01" and run["counts"] == {"expired": 0} and run["affected"] == 0

    listed = api.admin("GET", RUNS, params={"limit": 5})
    assert listed.status_code == 200, listed.text
    assert run["id"] in [r["id"] for r in listed.json()["data"]]


def test_jobs_are_staff_only_and_named(api: Api) -> None:
    reseller = api.onboard_reseller()
    assert_problem(api.call("POST", RUN, reseller.key, json={"as_of": "2026-01-01"}), 403)
    assert_problem(api.call("GET", RUNS, reseller.key), 403)
    assert_problem(api.admin("POST", "/v1/ordering/jobs/no-such-job/run", json={"as_of": "2026-01-01"}), 422)
    assert_problem(api.admin("POST", RUN, json={"as_of": "yesterday"}), 422)
    assert_problem(api.admin("POST", RUN, json={"as_of": "2026-01-01", "extra": 1}), 422)
