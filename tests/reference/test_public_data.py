"""Independent reference check of `helpdesk-kpi report FILE --format json`.

Every figure is recomputed here with DuckDB SQL straight from the public CSV exports in
shared/data (see ../../../shared/spec/kpis.md for the definitions) and compared with the CLI's
JSON.  This file deliberately shares no logic with the Rust engine.

Environment:
  HELPDESK_KPI_BIN   path of the CLI   (default: target/release/helpdesk-kpi, relative to the repo root)
  HELPDESK_KPI_DATA  data directory    (default: ../shared/data, relative to the repo root)

`python tests/reference/test_public_data.py` prints the expected figures as JSON (no CLI needed).

Conventions used below:
  * all CSVs are read with all_varchar=true and cast explicitly; blank cells are NULL;
  * percentiles are quantile_cont (= numpy's default linear interpolation);
  * counts are compared exactly, floats with math.isclose(rel_tol=1e-9, abs_tol=1e-9);
  * a KPI the data cannot support must be present with "value": null and a non-empty "reason".
"""

import functools
import json
import math
import os
import subprocess
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]


def _from_repo(env, default):
    p = Path(os.environ.get(env, default))
    return (p if p.is_absolute() else (REPO / p)).resolve()


BIN = _from_repo("HELPDESK_KPI_BIN", "target/release/helpdesk-kpi")
DATA = _from_repo("HELPDESK_KPI_DATA", "../shared/data")

NULL = "<null with reason>"  # marker: the KPI must be null and carry a reason
ABSENT_OR_NULL = "<absent or null>"  # marker: an extra that has no data (n = 0) may be absent or null

# --------------------------------------------------------------------------------------------
# Staging: one view `tickets` per data set, with a common shape:
#   id, status (canonical), channel, priority, created_at, solved_at (TIMESTAMP),
#   is_solved, replies, reopens (INT), frt_min, frt_bus_min, res_min, res_bus_min (DOUBLE),
#   csat_score (DOUBLE, 1-5), csat_offered (BOOL: survey offered but unanswered)
# and one view `as_of_v(as_of TIMESTAMP)`: latest timestamp in the mapped datetime columns.
# --------------------------------------------------------------------------------------------

MACROS = r"""
-- Canonical status (kpis.md "Conventions"): vendor words -> new/open/pending/on_hold/solved/closed,
-- anything else kept lower-cased (and therefore unsolved).
CREATE OR REPLACE MACRO canon_status(s) AS CASE lower(trim(s))
    WHEN 'new'         THEN 'new'
    WHEN 'open'        THEN 'open'
    WHEN 'in progress' THEN 'open'
    WHEN 'pending'     THEN 'pending'
    WHEN 'hold'        THEN 'on_hold'
    WHEN 'on hold'     THEN 'on_hold'
    WHEN 'solved'      THEN 'solved'
    WHEN 'resolved'    THEN 'solved'
    WHEN 'closed'      THEN 'closed'
    ELSE lower(trim(s)) END;
-- Channel: lower-cased; Zendesk Via "Mail" is e-mail.
CREATE OR REPLACE MACRO canon_channel(s) AS CASE lower(trim(s))
    WHEN 'mail' THEN 'email' ELSE lower(trim(s)) END;
CREATE OR REPLACE MACRO blank_null(s) AS nullif(trim(s), '');
"""

STAGING = {
    # Zendesk CSV export (subset). Only the business-hours first-reply column exists.
    # "Solved at" holds 1900-01-01 00:00:00 (an Excel blank) on every unsolved ticket; it is kept
    # as it is: no figure below reads "Solved at" of an unsolved ticket, and it cannot be a max.
    "zendesk-insurer": r"""
        CREATE OR REPLACE VIEW raw AS
            SELECT * FROM read_csv('{csv}', header = true, all_varchar = true);
        CREATE OR REPLACE VIEW tickets AS SELECT
            "Id"                                                        AS id,
            canon_status("Status")                                      AS status,
            canon_channel("Via")                                        AS channel,
            lower(trim("Priority"))                                     AS priority,
            strptime(blank_null("Created at"), '%Y-%m-%d %H:%M:%S')     AS created_at,
            strptime(blank_null("Solved at"),  '%Y-%m-%d %H:%M:%S')     AS solved_at,
            canon_status("Status") IN ('solved', 'closed')              AS is_solved,
            CAST(blank_null("Replies") AS INTEGER)                      AS replies,
            CAST(blank_null("Reopens") AS INTEGER)                      AS reopens,
            CAST(NULL AS DOUBLE)                                        AS frt_min,
            CAST(blank_null("First reply time in minutes within business hours") AS DOUBLE) AS frt_bus_min,
            CAST(blank_null("Full resolution time in minutes") AS DOUBLE)                   AS res_min,
            CAST(blank_null("Full resolution time in minutes within business hours") AS DOUBLE) AS res_bus_min,
            TRY_CAST(blank_null("Satisfaction Score") AS DOUBLE)        AS csat_score,
            lower(trim("Satisfaction Score")) = 'offered'               AS csat_offered
        FROM raw;
        -- as_of: latest of Created at, Updated at, Solved at.
        CREATE OR REPLACE VIEW as_of_v AS SELECT greatest(
            max(strptime(blank_null("Created at"), '%Y-%m-%d %H:%M:%S')),
            max(strptime(blank_null("Updated at"), '%Y-%m-%d %H:%M:%S')),
            max(strptime(blank_null("Solved at"),  '%Y-%m-%d %H:%M:%S'))) AS as_of FROM raw;
    """,
    # Home-made export, dates only: a date is read as midnight of that day.
    "generic-simple": r"""
        CREATE OR REPLACE VIEW raw AS
            SELECT * FROM read_csv('{csv}', header = true, all_varchar = true);
        CREATE OR REPLACE VIEW tickets AS SELECT
            "Ticket_ID"                                                 AS id,
            canon_status("Status")                                      AS status,
            canon_channel("Channel")                                    AS channel,
            lower(trim("Priority"))                                     AS priority,
            CAST(CAST(blank_null("Created_Date")  AS DATE) AS TIMESTAMP) AS created_at,
            CAST(CAST(blank_null("Resolved_Date") AS DATE) AS TIMESTAMP) AS solved_at,
            canon_status("Status") IN ('solved', 'closed')              AS is_solved,
            CAST(NULL AS INTEGER)                                       AS replies,
            CAST(NULL AS INTEGER)                                       AS reopens,
            CAST(NULL AS DOUBLE)                                        AS frt_min,
            CAST(NULL AS DOUBLE)                                        AS frt_bus_min,
            -- no duration column: timestamp difference (source priority (2) in kpis.md)
            (epoch(CAST(CAST(blank_null("Resolved_Date") AS DATE) AS TIMESTAMP))
             - epoch(CAST(CAST(blank_null("Created_Date") AS DATE) AS TIMESTAMP))) / 60.0 AS res_min,
            CAST(NULL AS DOUBLE)                                        AS res_bus_min,
            CAST(NULL AS DOUBLE)                                        AS csat_score,
            CAST(NULL AS BOOLEAN)                                       AS csat_offered
        FROM raw;
        -- as_of: latest of Created_Date, Resolved_Date (as midnight).
        CREATE OR REPLACE VIEW as_of_v AS SELECT greatest(
            max(CAST(CAST(blank_null("Created_Date")  AS DATE) AS TIMESTAMP)),
            max(CAST(CAST(blank_null("Resolved_Date") AS DATE) AS TIMESTAMP))) AS as_of FROM raw;
    """,
    # Kaggle "Customer Support Ticket Dataset": First_Response_Time and Time_to_Resolution are
    # timestamps ("2023-06-01 7:29"), there is no creation time and no status column, so the
    # resolution timestamp decides "solved" (kpis.md: only without a status column).
    "kaggle-support-tickets": r"""
        CREATE OR REPLACE VIEW raw AS
            SELECT * FROM read_csv('{csv}', header = true, all_varchar = true);
        CREATE OR REPLACE VIEW tickets AS SELECT
            "Ticket_ID"                                                 AS id,
            CAST(NULL AS VARCHAR)                                       AS status,
            canon_channel("Ticket_Channel")                             AS channel,
            lower(trim("Ticket_Priority"))                              AS priority,
            CAST(NULL AS TIMESTAMP)                                     AS created_at,
            strptime(blank_null("Time_to_Resolution"), '%Y-%m-%d %H:%M') AS solved_at,
            blank_null("Time_to_Resolution") IS NOT NULL                AS is_solved,
            CAST(NULL AS INTEGER)                                       AS replies,
            CAST(NULL AS INTEGER)                                       AS reopens,
            CAST(NULL AS DOUBLE)                                        AS frt_min,
            CAST(NULL AS DOUBLE)                                        AS frt_bus_min,
            CAST(NULL AS DOUBLE)                                        AS res_min,
            CAST(NULL AS DOUBLE)                                        AS res_bus_min,
            CAST(blank_null("Customer_Satisfaction_Rating") AS DOUBLE)  AS csat_score,
            CAST(NULL AS BOOLEAN)                                       AS csat_offered
        FROM raw;
        -- as_of: latest of First_Response_Time, Time_to_Resolution (the data set's ticket timestamps;
        -- Date_of_Purchase is not a ticket event -- and is 2020-2021, so it could not be the max).
        CREATE OR REPLACE VIEW as_of_v AS SELECT greatest(
            max(strptime(blank_null("First_Response_Time"), '%Y-%m-%d %H:%M')),
            max(strptime(blank_null("Time_to_Resolution"),  '%Y-%m-%d %H:%M'))) AS as_of FROM raw;
    """,
}

# Which KPIs each data set can support (the rest must be null with a reason).
SUPPORTED = {
    "zendesk-insurer": {"first_response_time_business", "resolution_time", "resolution_time_business",
                        "first_contact_resolution", "reopen_rate", "replies_per_ticket",
                        "csat", "csat_response_rate"},
    "generic-simple": {"resolution_time"},
    "kaggle-support-tickets": {"csat"},
}
FORMAT = {"zendesk-insurer": "zendesk", "generic-simple": "generic", "kaggle-support-tickets": "generic"}
# Kaggle has no status column: no status breakdown is checked there.
BREAKDOWNS = {
    "zendesk-insurer": ["status", "channel", "priority"],
    "generic-simple": ["status", "channel", "priority"],
    "kaggle-support-tickets": ["channel", "priority"],
}
DATASETS = list(STAGING)


def csv_path(ds):
    return DATA / ds / "tickets.csv"


@functools.lru_cache(maxsize=None)
def con(ds):
    c = duckdb.connect()
    c.execute(MACROS)
    c.execute(STAGING[ds].replace("{csv}", str(csv_path(ds)).replace("'", "''")))
    return c


def one(ds, sql):
    """Run a query that returns exactly one row; return it as a dict."""
    cur = con(ds).execute(sql)
    cols = [d[0] for d in cur.description]
    result = cur.fetchall()
    assert len(result) == 1, sql
    return dict(zip(cols, result[0]))


def rows(ds, sql):
    return con(ds).execute(sql).fetchall()


# --------------------------------------------------------------------------------------------
# One query per KPI.  Each returns the expected JSON fragment.
# --------------------------------------------------------------------------------------------

def exp_tickets(ds):
    # tickets: number of tickets (rows) in the data set.
    return one(ds, "SELECT count(*) AS tickets FROM tickets")["tickets"]


def exp_as_of(ds):
    # as_of: latest timestamp in any mapped datetime column, printed as %Y-%m-%dT%H:%M:%S.
    return one(ds, "SELECT strftime(as_of, '%Y-%m-%dT%H:%M:%S') AS as_of FROM as_of_v")["as_of"]


def exp_tickets_created(ds):
    # tickets_created: count of tickets in the selection (no filter: all rows).
    return one(ds, "SELECT count(*) AS value FROM tickets")


def exp_tickets_solved(ds):
    # tickets_solved: tickets whose canonical status is solved or closed
    # (Kaggle: no status column -> a non-blank resolution timestamp).
    return one(ds, "SELECT count(*) FILTER (WHERE is_solved) AS value FROM tickets")


def exp_backlog(ds):
    # backlog: unsolved tickets; median_age_days = median over unsolved tickets of
    # (as_of - created_at) in days (seconds / 86400), as_of = latest timestamp in the data.
    r = one(ds, """
        SELECT count(*) AS value,
               quantile_cont((epoch(a.as_of) - epoch(t.created_at)) / 86400.0, 0.5) AS median_age_days
        FROM tickets t, as_of_v a
        WHERE NOT t.is_solved""")
    if r["median_age_days"] is None:  # no unsolved ticket with a creation time: nothing to report
        r["median_age_days"] = ABSENT_OR_NULL
    return r


def duration_stats(ds, column, where="TRUE"):
    return one(ds, f"""
        SELECT quantile_cont({column}, 0.5) AS value,
               quantile_cont({column}, 0.5) AS median,
               avg({column})                AS mean,
               quantile_cont({column}, 0.9) AS p90,
               count({column})              AS n
        FROM tickets WHERE {where} AND {column} IS NOT NULL""")


def exp_first_response_time(ds):
    # first_response_time: created -> first public agent reply, calendar minutes, replied tickets.
    # None of the three exports has a calendar first-reply column or a first-reply timestamp
    # together with a creation time, so it is null everywhere here.
    return duration_stats(ds, "frt_min")


def exp_first_response_time_business(ds):
    # first_response_time_business: Zendesk "First reply time in minutes within business hours",
    # every ticket that has it (non-blank); median (= value), mean, p90, n.
    return duration_stats(ds, "frt_bus_min")


def per_group_median(ds, column, group):
    # median and n of `column` per channel / priority value (tickets that have the column).
    return {g: {"value": v, "n": n} for g, v, n in rows(ds, f"""
        SELECT {group}, quantile_cont({column}, 0.5), count({column})
        FROM tickets WHERE {column} IS NOT NULL GROUP BY {group} ORDER BY {group}""")}


def exp_frt_business_by_channel(ds):
    # first_response_time_business.by_channel: median business first-reply minutes and n per channel.
    return per_group_median(ds, "frt_bus_min", "channel")


def exp_frt_business_by_priority(ds):
    # first_response_time_business.by_priority: median business first-reply minutes and n per priority.
    return per_group_median(ds, "frt_bus_min", "priority")


def exp_resolution_time(ds):
    # resolution_time: created -> final solve, solved tickets only. Zendesk: "Full resolution time in
    # minutes"; generic-simple: Resolved_Date - Created_Date at midnight (multiples of 1440).
    return duration_stats(ds, "res_min", "is_solved")


def exp_resolution_time_business(ds):
    # resolution_time_business: Zendesk "Full resolution time in minutes within business hours",
    # solved tickets; null where the export has no such column (no schedule is set here).
    return duration_stats(ds, "res_bus_min", "is_solved")


def exp_first_contact_resolution(ds):
    # first_contact_resolution: 100 * solved tickets with Replies = 1 and Reopens = 0
    #                           / solved tickets with a known Replies.
    # (A solved ticket with a known Replies but blank Reopens cannot be counted as one-touch; in
    #  zendesk-insurer no such ticket exists.)
    return one(ds, """
        SELECT 100.0 * count(*) FILTER (WHERE replies = 1 AND reopens = 0)
                     / nullif(count(replies), 0)   AS value,
               count(replies)                      AS n
        FROM tickets WHERE is_solved AND replies IS NOT NULL""")


def exp_reopen_rate(ds):
    # reopen_rate: 100 * solved tickets with Reopens >= 1 / solved tickets with a known Reopens.
    return one(ds, """
        SELECT 100.0 * count(*) FILTER (WHERE reopens >= 1) / nullif(count(reopens), 0) AS value,
               count(reopens) AS n
        FROM tickets WHERE is_solved AND reopens IS NOT NULL""")


def exp_replies_per_ticket(ds):
    # replies_per_ticket: mean Replies over solved tickets with a known Replies; n = that count.
    return one(ds, """
        SELECT avg(replies) AS value, count(replies) AS n
        FROM tickets WHERE is_solved AND replies IS NOT NULL""")


def exp_csat(ds):
    # csat: numeric 1-5 scale; value = 100 * count(score >= 4) / count(numeric scores),
    # mean = mean score, n = rated count. All tickets (not only solved) that carry a score.
    return one(ds, """
        SELECT 100.0 * count(*) FILTER (WHERE csat_score >= 4) / nullif(count(csat_score), 0) AS value,
               avg(csat_score)   AS mean,
               count(csat_score) AS n
        FROM tickets WHERE csat_score IS NOT NULL""")


def exp_csat_response_rate(ds):
    # csat_response_rate: 100 * rated / (rated + offered-but-unanswered ("Offered")).
    # Blank counts as neither. Null where offers are unknown (Kaggle, generic-simple).
    return one(ds, """
        SELECT 100.0 * count(csat_score)
                     / nullif(count(csat_score) + count(*) FILTER (WHERE csat_offered), 0) AS value
        FROM tickets""")


def exp_nps(ds):
    # nps: needs a 0-10 recommendation column; none of these exports has one.
    return {"value": None}


def breakdown(ds, field):
    # breakdowns.<field>: number of tickets per canonical value.
    return {k: n for k, n in rows(ds, f"""
        SELECT {field}, count(*) FROM tickets WHERE {field} IS NOT NULL GROUP BY {field} ORDER BY {field}""")}


def exp_created_vs_solved(ds):
    # series.created_vs_solved, per calendar date of the naive timestamp:
    #   created = tickets created that date;
    #   solved  = solved tickets whose solved/resolved timestamp falls on that date.
    # Only dates with created > 0 or solved > 0; missing dates count as 0 on both sides.
    # Kaggle: no creation time -> created is 0 on every date.
    return {str(d): (c, s) for d, c, s in rows(ds, """
        WITH c AS (SELECT CAST(created_at AS DATE) AS d, count(*) AS n FROM tickets
                   WHERE created_at IS NOT NULL GROUP BY 1),
             s AS (SELECT CAST(solved_at AS DATE) AS d, count(*) AS n FROM tickets
                   WHERE is_solved AND solved_at IS NOT NULL GROUP BY 1)
        SELECT coalesce(c.d, s.d) AS d, coalesce(c.n, 0), coalesce(s.n, 0)
        FROM c FULL OUTER JOIN s ON c.d = s.d ORDER BY 1""")}


KPIS = {
    "tickets_created": exp_tickets_created,
    "tickets_solved": exp_tickets_solved,
    "backlog": exp_backlog,
    "first_response_time": exp_first_response_time,
    "first_response_time_business": exp_first_response_time_business,
    "resolution_time": exp_resolution_time,
    "resolution_time_business": exp_resolution_time_business,
    "first_contact_resolution": exp_first_contact_resolution,
    "reopen_rate": exp_reopen_rate,
    "replies_per_ticket": exp_replies_per_ticket,
    "csat": exp_csat,
    "csat_response_rate": exp_csat_response_rate,
    "nps": exp_nps,
}
ALWAYS = {"tickets_created", "tickets_solved", "backlog"}


def expected_kpi(ds, kpi):
    if kpi not in ALWAYS and kpi not in SUPPORTED[ds]:
        return NULL
    return KPIS[kpi](ds)


def expected_all(ds):
    """Every expected figure of a data set (used by __main__ and handy when debugging)."""
    out = {"tickets": exp_tickets(ds), "as_of": exp_as_of(ds), "format": FORMAT[ds],
           "kpis": {k: expected_kpi(ds, k) for k in KPIS},
           "breakdowns": {b: breakdown(ds, b) for b in BREAKDOWNS[ds]},
           "created_vs_solved": {d: list(v) for d, v in exp_created_vs_solved(ds).items()}}
    if "first_response_time_business" in SUPPORTED[ds]:
        out["first_response_time_business.by_channel"] = exp_frt_business_by_channel(ds)
        out["first_response_time_business.by_priority"] = exp_frt_business_by_priority(ds)
    return out


# --------------------------------------------------------------------------------------------
# The CLI's report and comparison helpers
# --------------------------------------------------------------------------------------------

_reports = {}


def _run_cli(ds):
    if not BIN.exists():
        return f"CLI not found at {BIN} (build it, or set HELPDESK_KPI_BIN)"
    csv = csv_path(ds)
    if not csv.exists():
        return f"data file missing: {csv} (set HELPDESK_KPI_DATA)"
    p = subprocess.run([str(BIN), "report", str(csv), "--format", "json"],
                       capture_output=True, text=True, timeout=300, cwd=REPO)
    if p.returncode != 0:
        return f"{BIN.name} report {csv} exited {p.returncode}:\n{p.stderr[-2000:]}"
    try:
        return json.loads(p.stdout)
    except json.JSONDecodeError as e:
        return f"CLI output is not JSON ({e}):\n{p.stdout[:500]}"


def report(ds):
    """The CLI's JSON report for a data set; run once per data set (a failure is remembered too)."""
    if ds not in _reports:
        _reports[ds] = _run_cli(ds)
    if isinstance(_reports[ds], str):
        pytest.fail(_reports[ds], pytrace=False)
    return _reports[ds]


def fail(msg):
    raise AssertionError(msg)


def get(obj, path):
    """obj['a']['b']... for path 'a.b...'; a missing key fails naming the path and what is there."""
    cur = obj
    done = []
    for key in path.split("."):
        if not isinstance(cur, dict) or key not in cur:
            have = sorted(cur) if isinstance(cur, dict) else type(cur).__name__
            raise AssertionError(f"report has no key '{'.'.join(done + [key])}' (there: {have})")
        cur = cur[key]
        done.append(key)
    return cur


def is_count(x):
    return isinstance(x, int) and not isinstance(x, bool)


def same(actual, expected, where):
    if expected is None:
        if actual is not None:
            fail(f"{where}: expected null, CLI says {actual!r}")
    elif isinstance(expected, (bool, str)):
        if actual != expected:
            fail(f"{where}: expected {expected!r}, CLI says {actual!r}")
    elif isinstance(expected, int):
        if isinstance(actual, float) and actual == expected:
            fail(f"{where}: count {expected} printed as a float ({actual!r}); counts must be JSON integers")
        if not (is_count(actual) and actual == expected):
            fail(f"{where}: expected count {expected}, CLI says {actual!r}")
    elif not isinstance(actual, (int, float)) or isinstance(actual, bool):
        fail(f"{where}: expected {expected!r}, CLI says {actual!r}")
    elif not math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-9):
        fail(f"{where}: expected {expected!r}, CLI says {actual!r} (diff {actual - expected:.3g})")


def check_fields(rep, prefix, expected):
    """Compare every expected field (all of them, so one report lists every wrong field)."""
    errors = []
    for field, want in expected.items():
        path = f"{prefix}.{field}"
        try:
            if want == ABSENT_OR_NULL:
                parent = get(rep, prefix)
                if parent.get(field) is not None:
                    fail(f"{path}: expected null/absent, CLI says {parent[field]!r}")
            else:
                same(get(rep, path), want, path)
        except AssertionError as e:
            errors.append(str(e))
    if errors:
        fail("\n".join(errors))


def check_null_kpi(rep, kpi):
    k = get(rep, f"kpis.{kpi}")
    assert get(rep, f"kpis.{kpi}.value") is None, f"kpis.{kpi}.value: expected null, CLI says {k['value']!r}"
    reason = k.get("reason")
    assert isinstance(reason, str) and reason.strip(), f"kpis.{kpi}: null without a reason ({k!r})"


def check_groups(rep, path, expected):
    actual = get(rep, path)
    assert isinstance(actual, dict), f"{path}: expected an object, CLI says {actual!r}"
    for g, fields in expected.items():
        assert g in actual, f"{path}: no group '{g}' (there: {sorted(actual)})"
        check_fields(rep, f"{path}.{g}", fields)
    for g in set(actual) - set(expected):  # extra groups only when empty
        extra = actual[g]
        assert extra.get("n", 0) == 0 and extra.get("value") is None, \
            f"{path}.{g}: not expected (no ticket has a value), CLI says {extra!r}"


# --------------------------------------------------------------------------------------------
# Tests: one per (data set, figure)
# --------------------------------------------------------------------------------------------

def cases():
    out = []
    for ds in DATASETS:
        out += [(ds, "tickets"), (ds, "duplicates"), (ds, "as_of"), (ds, "sources")]
        out += [(ds, f"kpis.{k}") for k in KPIS]
        if "first_response_time_business" in SUPPORTED[ds]:
            out += [(ds, "kpis.first_response_time_business.by_channel"),
                    (ds, "kpis.first_response_time_business.by_priority")]
        out += [(ds, f"breakdowns.{b}") for b in BREAKDOWNS[ds]]
        out += [(ds, "series.created_vs_solved")]
    return out


@pytest.mark.parametrize("ds,figure", cases(), ids=[f"{d}:{f}" for d, f in cases()])
def test_figure(ds, figure):
    rep = report(ds)
    if figure == "tickets":
        same(get(rep, "tickets"), exp_tickets(ds), "tickets")
    elif figure == "duplicates":
        same(get(rep, "duplicates"), 0, "duplicates")  # one file, ids are unique
    elif figure == "as_of":
        same(get(rep, "as_of"), exp_as_of(ds), "as_of")
    elif figure == "sources":
        sources = get(rep, "sources")
        assert isinstance(sources, list) and len(sources) == 1, f"sources: expected one entry, got {sources!r}"
        src = {"sources": sources[0]}
        same(Path(get(src, "sources.file")).name, "tickets.csv", "sources[0].file")
        same(get(src, "sources.format"), FORMAT[ds], "sources[0].format")
        # rows = data rows read, tickets = rows - skipped; every row of these files is a ticket
        # (the messy ones included), so nothing is skipped.
        same(get(src, "sources.rows"), exp_tickets(ds), "sources[0].rows")
        same(get(src, "sources.skipped"), 0, "sources[0].skipped")
    elif figure.startswith("kpis.first_response_time_business.by_"):
        fn = exp_frt_business_by_channel if figure.endswith("channel") else exp_frt_business_by_priority
        check_groups(rep, figure, fn(ds))
    elif figure.startswith("kpis."):
        kpi = figure.split(".", 1)[1]
        want = expected_kpi(ds, kpi)
        if want == NULL:
            check_null_kpi(rep, kpi)
        else:
            check_fields(rep, figure, want)
    elif figure.startswith("breakdowns."):
        want = breakdown(ds, figure.split(".", 1)[1])
        actual = get(rep, figure)
        assert isinstance(actual, dict), f"{figure}: expected an object, CLI says {actual!r}"
        actual = {k: v for k, v in actual.items() if v != 0}
        assert actual == want, f"{figure}: expected {want}, CLI says {actual}"
    elif figure == "series.created_vs_solved":
        want = exp_created_vs_solved(ds)
        actual = {}
        for i, e in enumerate(get(rep, figure)):
            entry = {"e": e}
            d = get(entry, "e.date")
            assert d not in actual, f"{figure}: date {d} listed twice"
            actual[d] = (get(entry, "e.created"), get(entry, "e.solved"))
        actual = {d: v for d, v in actual.items() if v != (0, 0)}
        wrong = {d: (want.get(d, (0, 0)), actual.get(d, (0, 0)))
                 for d in sorted(set(want) | set(actual)) if want.get(d, (0, 0)) != actual.get(d, (0, 0))}
        assert not wrong, (f"{figure}: {len(wrong)} dates differ, (expected, CLI) as (created, solved): "
                           + ", ".join(f"{d}: {w}" for d, w in list(wrong.items())[:10]))
    else:
        raise AssertionError(f"unknown figure {figure}")


if __name__ == "__main__":
    print(json.dumps({ds: expected_all(ds) for ds in DATASETS}, indent=1, default=str))
