"""Independent reference check of `helpdesk-kpi report FILE --format json`.

Every figure is recomputed here with DuckDB SQL straight from the public CSV exports in
shared/data (see ../../../shared/spec/kpis.md for the definitions) and compared with the CLI's
JSON.  This file deliberately shares no logic with the Rust engine.

Environment:
  HELPDESK_KPI_BIN   path of the CLI   (default: target/release/helpdesk-kpi, relative to the repo root)
  HELPDESK_KPI_DATA  data directory    (default: ../shared/data, relative to the repo root)

`python tests/reference/test_public_data.py` prints the expected figures as JSON (no CLI needed).

test_figure checks the plain report of each data set; test_scenario (SCENARIOS) checks the CLI run
with filters (--from/--to, --channel, --priority) or --settings.

Conventions used below:
  * all CSVs are read with all_varchar=true and cast explicitly; blank cells are NULL;
  * percentiles are quantile_cont (= numpy's default linear interpolation);
  * counts are compared exactly, floats with math.isclose(rel_tol=1e-9, abs_tol=1e-9);
  * a KPI the data cannot support must be present with "value": null and a non-empty "reason".
"""

import datetime as dt
import functools
import json
import math
import os
import subprocess
import tempfile
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
#   csat_score (DOUBLE, 1-5), csat_offered (BOOL: survey offered but unanswered),
#   requester, grp (group), agent, type (VARCHAR; NULL where the export has no such column)
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
            lower(trim("Satisfaction Score")) = 'offered'               AS csat_offered,
            blank_null("Requester id")                                  AS requester,
            blank_null("Group")                                         AS grp,
            CAST(NULL AS VARCHAR)                                       AS agent,
            CAST(NULL AS VARCHAR)                                       AS type
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
            CAST(NULL AS BOOLEAN)                                       AS csat_offered,
            CAST(NULL AS VARCHAR)                                       AS requester,
            CAST(NULL AS VARCHAR)                                       AS grp,
            blank_null("Agent")                                         AS agent,
            lower(blank_null("Category"))                               AS type
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
            CAST(NULL AS BOOLEAN)                                       AS csat_offered,
            -- the customer's e-mail identifies the requester (but there is no creation time)
            blank_null("Customer_Email")                                AS requester,
            CAST(NULL AS VARCHAR)                                       AS grp,
            CAST(NULL AS VARCHAR)                                       AS agent,
            lower(blank_null("Ticket_Type"))                            AS type
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
                        "csat", "csat_response_rate", "repeat_contact_rate"},
    "generic-simple": {"resolution_time"},
    "kaggle-support-tickets": {"csat"},
}
FORMAT = {"zendesk-insurer": "zendesk", "generic-simple": "generic", "kaggle-support-tickets": "generic"}
# Kaggle has no status column: no status breakdown is checked there.  Group: Zendesk "Group";
# agent: generic-simple "Agent"; type: generic-simple "Category", Kaggle "Ticket_Type".
BREAKDOWNS = {
    "zendesk-insurer": ["status", "channel", "priority", "group"],
    "generic-simple": ["status", "channel", "priority", "agent", "type"],
    "kaggle-support-tickets": ["channel", "priority", "type"],
}
BREAKDOWN_COLUMN = {"group": "grp"}  # breakdown name -> staged column, where they differ
# Data sets with an agent column: the agent leaderboard is checked there.
AGENTS = ["generic-simple"]
DATASETS = list(STAGING)


def csv_path(ds):
    return DATA / ds / "tickets.csv"


@functools.lru_cache(maxsize=None)
def con(scope):
    """A DuckDB connection with the data set staged.  `scope` is a data set name, or a tuple
    (data set, SQL condition): then `tickets` holds only the tickets that satisfy the condition
    (a CLI filter; the unfiltered view is `all_tickets`, and as_of_v still reads the whole file)."""
    ds, where = (scope, None) if isinstance(scope, str) else scope
    sql = STAGING[ds].replace("{csv}", str(csv_path(ds)).replace("'", "''"))
    if where is not None:
        head = "CREATE OR REPLACE VIEW tickets AS"
        assert sql.count(head) == 1
        sql = (sql.replace(head, "CREATE OR REPLACE VIEW all_tickets AS")
               + f"\nCREATE OR REPLACE VIEW tickets AS SELECT * FROM all_tickets WHERE {where};")
    c = duckdb.connect()
    c.execute(MACROS)
    c.execute(sql)
    return c


def dataset(scope):
    return scope if isinstance(scope, str) else scope[0]


# The functions below take a scope (see con) where they say `ds`.

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
    # breakdowns.<field>: number of tickets per canonical value (status/channel/priority/type
    # lower-cased as staged; group and agent names as written, trimmed).
    col = BREAKDOWN_COLUMN.get(field, field)
    return {k: n for k, n in rows(ds, f"""
        SELECT {col}, count(*) FROM tickets WHERE {col} IS NOT NULL GROUP BY {col} ORDER BY {col}""")}


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


def exp_created_vs_solved_period(ds, fmt):
    # series.created_vs_solved_weekly / _monthly: the daily series summed per period:
    #   weekly  = ISO 8601 week (Monday first, week 1 holds the year's first Thursday), label
    #             "YYYY-Www" with the ISO week-numbering year (strftime %G-W%V);
    #   monthly = calendar month, label "YYYY-MM".
    # created counted on created_at, solved (solved tickets only) on the solve time. Periods where
    # both are 0 may be listed or not.
    return {p: (c, s) for p, c, s in rows(ds, f"""
        WITH c AS (SELECT strftime(created_at, '{fmt}') AS p, count(*) AS n FROM tickets
                   WHERE created_at IS NOT NULL GROUP BY 1),
             s AS (SELECT strftime(solved_at, '{fmt}') AS p, count(*) AS n FROM tickets
                   WHERE is_solved AND solved_at IS NOT NULL GROUP BY 1)
        SELECT coalesce(c.p, s.p) AS p, coalesce(c.n, 0), coalesce(s.n, 0)
        FROM c FULL OUTER JOIN s ON c.p = s.p ORDER BY 1""")}


SERIES_PERIOD_FORMAT = {"created_vs_solved_weekly": "%G-W%V", "created_vs_solved_monthly": "%Y-%m"}


def exp_backlog_series(ds):
    # series.backlog: one entry per calendar day D, every day from the first creation day to the
    # as-of day (both included; none at all without creation times).  With E = end of D = D+1 00:00:
    #   open = tickets created before E that are not solved at E: unsolved now (status decides; in
    #          zendesk-insurer "Solved at" is 1900-01-01 on those and is not read), or solved with a
    #          solve time >= E.  A solved ticket without a solve time counts as solved since creation.
    #   ages = those open tickets counted by age at E in whole days, floor((E - created) / 86400 s),
    #          in the buckets [<1, 1-2, 3-6, 7-29, >=30] days.
    # Returns [(date 'YYYY-MM-DD', open, [5 counts]), ...] in date order.
    out = rows(ds, """
        WITH bounds AS (
            SELECT CAST(CAST(min(t.created_at) AS DATE) AS TIMESTAMP) AS first_day,
                   CAST(CAST(max(a.as_of) AS DATE) AS TIMESTAMP)      AS last_day
            FROM tickets t, as_of_v a),
        days AS (
            SELECT unnest(generate_series(first_day, last_day, INTERVAL 1 DAY)) AS d
            FROM bounds WHERE first_day IS NOT NULL),
        open_at AS (
            SELECT days.d,
                   floor((epoch(days.d + INTERVAL 1 DAY) - epoch(t.created_at)) / 86400) AS age
            FROM days JOIN tickets t
              ON t.created_at < days.d + INTERVAL 1 DAY
             AND (NOT t.is_solved
                  OR (t.solved_at IS NOT NULL AND t.solved_at >= days.d + INTERVAL 1 DAY)))
        SELECT strftime(days.d, '%Y-%m-%d'),
               count(o.age),
               count(o.age) FILTER (WHERE o.age < 1),
               count(o.age) FILTER (WHERE o.age >= 1 AND o.age < 3),
               count(o.age) FILTER (WHERE o.age >= 3 AND o.age < 7),
               count(o.age) FILTER (WHERE o.age >= 7 AND o.age < 30),
               count(o.age) FILTER (WHERE o.age >= 30)
        FROM days LEFT JOIN open_at o ON o.d = days.d
        GROUP BY days.d ORDER BY days.d""")
    return [(d, n, list(ages)) for d, n, *ages in out]


def exp_arrivals_by_weekday_hour(ds):
    # series.arrivals_by_weekday_hour: 7 rows (Monday = row 0 ... Sunday = row 6) of 24 counts
    # (hour 0..23) of tickets by the weekday and hour of created_at (naive timestamp as written).
    # Tickets without a creation time are not counted (Kaggle: all zero).
    grid = [[0] * 24 for _ in range(7)]
    for wd, h, n in rows(ds, """
        SELECT isodow(created_at) - 1, hour(created_at), count(*) FROM tickets
        WHERE created_at IS NOT NULL GROUP BY ALL"""):
        grid[wd][h] = n
    return grid


def exp_repeat_contact_rate(ds):
    # repeat_contact_rate: 100 * tickets followed by another ticket of the same requester created
    # strictly later and at most 7 days (604800 s) after their creation
    #                    / tickets with a known requester and creation time;  n = that denominator.
    return one(ds, """
        SELECT 100.0 * count(*) FILTER (WHERE EXISTS (
                   SELECT 1 FROM tickets l
                   WHERE l.requester = t.requester AND l.created_at > t.created_at
                     AND epoch(l.created_at) - epoch(t.created_at) <= 604800))
                     / nullif(count(*), 0) AS value,
               count(*) AS n
        FROM tickets t WHERE t.requester IS NOT NULL AND t.created_at IS NOT NULL""")


def exp_agents(ds):
    # agents (leaderboard): one entry per agent name (as written, trimmed) with
    #   tickets = tickets assigned to the agent, solved = solved ones among them,
    #   median_resolution_minutes = median resolution minutes of those solved tickets (as in
    #   resolution_time), and the figures this export cannot give null (no first reply, satisfaction,
    #   reply count or handle time column).  Order: solved descending, then name (code point order).
    agents = [{"agent": a, "tickets": n, "solved": s, "median_first_response_minutes": None,
               "median_resolution_minutes": m, "csat": None, "first_contact_resolution": None,
               "replies_per_ticket": None, "average_handle_minutes": None}
              for a, n, s, m in rows(ds, """
        SELECT agent, count(*), count(*) FILTER (WHERE is_solved),
               quantile_cont(res_min, 0.5) FILTER (WHERE is_solved AND res_min IS NOT NULL)
        FROM tickets WHERE agent IS NOT NULL GROUP BY agent""")]
    return sorted(agents, key=lambda a: (-a["solved"], a["agent"]))


def exp_channels(ds):
    # channels (per-channel performance): one entry per canonical channel with
    #   tickets = tickets of the channel;
    #   median_first_response_minutes = null (no calendar first reply in any of these exports,
    #                                    as kpis.first_response_time);
    #   median_resolution_minutes = median resolution minutes of its solved tickets (as
    #                               resolution_time.by_channel; null without creation time);
    #   csat = 100 * scores >= 4 / numeric scores of its tickets (null without a score).
    # Order: tickets descending, then channel name.
    chans = [{"channel": ch, "tickets": n, "median_first_response_minutes": None,
              "median_resolution_minutes": m, "csat": c}
             for ch, n, m, c in rows(ds, """
        SELECT channel, count(*),
               quantile_cont(res_min, 0.5) FILTER (WHERE is_solved AND res_min IS NOT NULL),
               100.0 * count(*) FILTER (WHERE csat_score >= 4) / nullif(count(csat_score), 0)
        FROM tickets WHERE channel IS NOT NULL GROUP BY channel""")]
    return sorted(chans, key=lambda c: (-c["tickets"], c["channel"]))


def exp_sla_compliance(ds, resolution_minutes):
    # sla_compliance with one resolution target for every priority (settings
    # {"sla": {"*": {"resolution_minutes": T}}}), over tickets with a creation time:
    #   solved:   met iff its resolution minutes (the export's full resolution column, else
    #             solve - create) <= T, else breached;
    #   unsolved: breached iff (as_of - created) in minutes > T; otherwise the target is still
    #             running and the ticket is not counted.
    # value = 100 * met / (met + breached), n = met + breached; by_priority the same per priority;
    # breaches = ids of the breached tickets.
    # Returns (headline dict, by_priority dict, set of breached ids).
    outcome = f"""
        WITH o AS (
            SELECT t.id, t.priority,
                   CASE WHEN t.is_solved THEN
                            CASE WHEN coalesce(t.res_min, (epoch(t.solved_at) - epoch(t.created_at)) / 60.0)
                                      <= {resolution_minutes} THEN 'met' ELSE 'breached' END
                        WHEN (epoch(a.as_of) - epoch(t.created_at)) / 60.0 > {resolution_minutes}
                            THEN 'breached'
                   END AS outcome
            FROM tickets t, as_of_v a WHERE t.created_at IS NOT NULL)"""
    rate = """100.0 * count(*) FILTER (WHERE outcome = 'met') / nullif(count(outcome), 0) AS value,
              count(outcome) AS n"""
    head = one(ds, f"{outcome} SELECT {rate} FROM o")
    by_prio = {p: {"value": v, "n": n} for p, v, n in rows(ds, f"""
        {outcome} SELECT priority, {rate} FROM o WHERE priority IS NOT NULL AND outcome IS NOT NULL
        GROUP BY priority ORDER BY priority""")}
    breached = {i for (i,) in rows(ds, f"{outcome} SELECT id FROM o WHERE outcome = 'breached'")}
    return head, by_prio, breached


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
    "repeat_contact_rate": exp_repeat_contact_rate,
    # sla_compliance needs targets: without settings (and no SLA status column in these exports)
    # it is null everywhere; with targets see exp_sla_compliance and SCENARIOS.
    "sla_compliance": None,
}
ALWAYS = {"tickets_created", "tickets_solved", "backlog"}


def expected_kpi(ds, kpi):
    if kpi not in ALWAYS and kpi not in SUPPORTED[dataset(ds)]:
        return NULL
    return KPIS[kpi](ds)


# --------------------------------------------------------------------------------------------
# Scenarios: the CLI run with filters or settings on one data set.
#   args      extra CLI arguments;
#   where     SQL condition on the staged `tickets` selecting the same tickets (kpis.md: "A date-range
#             filter selects tickets by created_at. Other filters ... select tickets by that field");
#   range     (from, to) of a date-range filter: creation DATE between them, both included;
#   settings  JSON written to a temporary file and passed as --settings;
#   sla       the resolution target in those settings (minutes, every priority).
# --------------------------------------------------------------------------------------------

def _created_between(first, last):
    return f"CAST(created_at AS DATE) BETWEEN DATE '{first}' AND DATE '{last}'"


def previous_period(first, last):
    # The previous period of the same length: the days right before `first`, as many as the range
    # has (2023-05-16 .. 2023-05-31 = 16 days -> 2023-04-30 .. 2023-05-15).
    f, l = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    prev_last = f - dt.timedelta(days=1)
    prev_first = prev_last - (l - f)
    return prev_first.isoformat(), prev_last.isoformat()


def sla_settings(minutes):
    return {"sla": {"*": {"resolution_minutes": minutes}}}


SCENARIOS = {
    "from=2023-05-16,to=2023-05-31": {
        "ds": "zendesk-insurer",
        "args": ("--from", "2023-05-16", "--to", "2023-05-31"),
        "range": ("2023-05-16", "2023-05-31"),
        "figures": ["tickets", "tickets_total", "previous_period",
                    "kpis.tickets_created", "kpis.tickets_solved", "kpis.resolution_time",
                    "kpis.csat", "kpis.first_contact_resolution"],
    },
    "channel=email,priority=urgent": {
        "ds": "zendesk-insurer",
        "args": ("--channel", "email", "--priority", "urgent"),
        # case-insensitive match on the canonical values
        "where": "lower(channel) = 'email' AND lower(priority) = 'urgent'",
        "figures": ["tickets", "tickets_total", "kpis.resolution_time"],
    },
    "settings:sla-resolution-2880": {
        "ds": "zendesk-insurer",
        "settings": sla_settings(2880), "sla": 2880,
        "figures": ["kpis.sla_compliance", "kpis.sla_compliance.by_priority", "sla_breaches"],
    },
    # 30 days: unsolved tickets created after 2023-05-20 08:47 are younger than the target at the
    # as-of time (2023-06-19 08:47), so their target is still running and they are not counted --
    # with 2880 minutes no unsolved ticket of this export is that young.
    "settings:sla-resolution-43200": {
        "ds": "zendesk-insurer",
        "settings": sla_settings(43200), "sla": 43200,
        "figures": ["kpis.sla_compliance", "kpis.sla_compliance.by_priority", "sla_breaches"],
    },
}


def scenario_scope(name, previous=False):
    sc = SCENARIOS[name]
    if "range" in sc:
        first, last = previous_period(*sc["range"]) if previous else sc["range"]
        return (sc["ds"], _created_between(first, last))
    assert not previous
    return (sc["ds"], sc["where"]) if "where" in sc else sc["ds"]


def expected_scenario(name, figure):
    sc = SCENARIOS[name]
    ds, scope = sc["ds"], scenario_scope(name)
    if figure == "tickets":
        # tickets: the selected tickets
        return exp_tickets(scope)
    if figure == "tickets_total":
        # tickets_total: every ticket of the data set, before filtering
        return exp_tickets(ds)
    if figure == "previous_period":
        # previous_period: {from, to} of the previous period of the same length
        first, last = previous_period(*sc["range"])
        return {"from": first, "to": last}
    if figure.startswith("kpis.sla_compliance"):
        head, by_prio, _ = exp_sla_compliance(scope, sc["sla"])
        return by_prio if figure.endswith(".by_priority") else head
    if figure == "sla_breaches":
        return exp_sla_compliance(scope, sc["sla"])[2]
    kpi = figure.split(".", 1)[1]
    want = expected_kpi(scope, kpi)
    if "range" in sc:
        # With a date range every KPI also carries `previous` (its headline value over the
        # previous period) and `delta` = value - previous.
        prev = expected_kpi(scenario_scope(name, previous=True), kpi)["value"]
        want = dict(want, previous=prev)
        want["delta"] = None if want["value"] is None or prev is None else want["value"] - prev
    return want


def scenario_cases():
    return [(name, f) for name, sc in SCENARIOS.items() for f in sc["figures"]]


def expected_all(ds):
    """Every expected figure of a data set (used by __main__ and handy when debugging)."""
    out = {"tickets": exp_tickets(ds), "as_of": exp_as_of(ds), "format": FORMAT[ds],
           "kpis": {k: expected_kpi(ds, k) for k in KPIS},
           "breakdowns": {b: breakdown(ds, b) for b in BREAKDOWNS[ds]},
           "created_vs_solved": {d: list(v) for d, v in exp_created_vs_solved(ds).items()},
           **{s: {p: list(v) for p, v in exp_created_vs_solved_period(ds, fmt).items()}
              for s, fmt in SERIES_PERIOD_FORMAT.items()},
           "backlog_series": exp_backlog_series(ds),
           "arrivals_by_weekday_hour": exp_arrivals_by_weekday_hour(ds),
           "channels": exp_channels(ds)}
    if "first_response_time_business" in SUPPORTED[ds]:
        out["first_response_time_business.by_channel"] = exp_frt_business_by_channel(ds)
        out["first_response_time_business.by_priority"] = exp_frt_business_by_priority(ds)
    if ds in AGENTS:
        out["agents"] = exp_agents(ds)
    return out


def expected_scenarios():
    out = {}
    for name, figure in scenario_cases():
        want = expected_scenario(name, figure)
        out.setdefault(f"{SCENARIOS[name]['ds']}[{name}]", {})[figure] = \
            sorted(want) if isinstance(want, set) else want
    return out


# --------------------------------------------------------------------------------------------
# The CLI's report and comparison helpers
# --------------------------------------------------------------------------------------------

_reports = {}


def _run_cli(ds, args=(), settings=None):
    if not BIN.exists():
        return f"CLI not found at {BIN} (build it, or set HELPDESK_KPI_BIN)"
    csv = csv_path(ds)
    if not csv.exists():
        return f"data file missing: {csv} (set HELPDESK_KPI_DATA)"
    with tempfile.TemporaryDirectory() as tmp:
        args = list(args)
        if settings is not None:
            path = Path(tmp) / "settings.json"
            path.write_text(json.dumps(settings))
            args += ["--settings", str(path)]
        cmd = [str(BIN), "report", str(csv), "--format", "json", *args]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=REPO)
    if p.returncode != 0:
        return f"{' '.join(cmd)} exited {p.returncode}:\n{p.stderr[-2000:]}"
    try:
        return json.loads(p.stdout)
    except json.JSONDecodeError as e:
        return f"CLI output is not JSON ({e}):\n{p.stdout[:500]}"


def report(ds, scenario=None):
    """The CLI's JSON report for a data set (or a scenario of SCENARIOS); run once each
    (a failure is remembered too)."""
    key = (ds, scenario)
    if key not in _reports:
        sc = SCENARIOS[scenario] if scenario else {}
        _reports[key] = _run_cli(ds, sc.get("args", ()), sc.get("settings"))
    if isinstance(_reports[key], str):
        pytest.fail(_reports[key], pytrace=False)
    return _reports[key]


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


def check_created_solved(rep, figure, key, want):
    """A created/solved series keyed by `key` ("date" or "period"): every key at most once, and
    equal to `want` where either side is non-zero (all-zero entries may be listed or not)."""
    actual = {}
    for e in get(rep, figure):
        entry = {"e": e}
        k = get(entry, f"e.{key}")
        assert k not in actual, f"{figure}: {key} {k} listed twice"
        actual[k] = (get(entry, "e.created"), get(entry, "e.solved"))
    for k, v in actual.items():
        assert all(is_count(x) for x in v), f"{figure}: {k}: counts must be JSON integers, CLI says {v}"
    actual = {k: v for k, v in actual.items() if v != (0, 0)}
    wrong = {k: (want.get(k, (0, 0)), actual.get(k, (0, 0)))
             for k in sorted(set(want) | set(actual)) if want.get(k, (0, 0)) != actual.get(k, (0, 0))}
    assert not wrong, (f"{figure}: {len(wrong)} {key}s differ, (expected, CLI) as (created, solved): "
                       + ", ".join(f"{k}: {w}" for k, w in list(wrong.items())[:10]))


def check_backlog_series(rep, figure, want):
    """series.backlog: exactly the expected days, in order, each with open and the 5 age buckets."""
    actual = get(rep, figure)
    assert isinstance(actual, list), f"{figure}: expected a list, CLI says {actual!r}"
    got = []
    for e in actual:
        entry = {"e": e}
        got.append((get(entry, "e.date"), get(entry, "e.open"), get(entry, "e.ages")))
    want_days, got_days = [d for d, *_ in want], [d for d, *_ in got]
    if want_days != got_days:
        missing = sorted(set(want_days) - set(got_days))
        extra = sorted(set(got_days) - set(want_days))
        fail(f"{figure}: days differ: expected {len(want_days)} days "
             f"{want_days[:1]}..{want_days[-1:]}, CLI lists {len(got_days)} {got_days[:1]}..{got_days[-1:]}; "
             f"missing {missing[:10]}, extra {extra[:10]}"
             + ("" if missing or extra else " (same days, other order or repeated)"))
    wrong = []
    for (d, n, ages), (_, an, aages) in zip(want, got):
        ok = is_count(an) and an == n and isinstance(aages, list) and len(aages) == 5 \
            and all(is_count(x) for x in aages) and aages == ages
        if not ok:
            wrong.append(f"{d}: expected open {n} ages {ages}, CLI open {an!r} ages {aages!r}")
    assert not wrong, f"{figure}: {len(wrong)} of {len(want)} days differ:\n  " + "\n  ".join(wrong[:10])


def check_grid(rep, figure, want):
    actual = get(rep, figure)
    assert isinstance(actual, list) and len(actual) == 7 and \
        all(isinstance(r, list) and len(r) == 24 for r in actual), \
        f"{figure}: expected 7 rows of 24 counts, CLI says {actual!r}"
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    wrong = [f"{days[wd]} {h:02d}h: expected {want[wd][h]}, CLI says {actual[wd][h]!r}"
             for wd in range(7) for h in range(24)
             if not (is_count(actual[wd][h]) and actual[wd][h] == want[wd][h])]
    assert not wrong, f"{figure}: {len(wrong)} cells differ: " + "; ".join(wrong[:12])


def check_table(rep, figure, key, want):
    """A list of rows identified by `key`: the same rows in the same order, every field equal."""
    actual = get(rep, figure)
    assert isinstance(actual, list), f"{figure}: expected a list, CLI says {actual!r}"
    got_keys = [r.get(key) if isinstance(r, dict) else r for r in actual]
    want_keys = [r[key] for r in want]
    assert sorted(map(str, got_keys)) == sorted(map(str, want_keys)), \
        f"{figure}: expected {key}s {want_keys}, CLI lists {got_keys}"
    assert got_keys == want_keys, f"{figure}: wrong order: expected {want_keys}, CLI lists {got_keys}"
    errors = []
    for i, w in enumerate(want):
        try:
            check_fields({"row": actual[i]}, "row", {f: v for f, v in w.items() if f != key})
        except AssertionError as e:
            errors.append(f"{figure}[{key}={w[key]}]: " + str(e).replace("row.", ""))
    if errors:
        fail("\n".join(errors))


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
        out += [(ds, f"series.{s}") for s in SERIES_PERIOD_FORMAT]
        out += [(ds, "series.backlog"), (ds, "series.arrivals_by_weekday_hour")]
        if ds in AGENTS:
            out += [(ds, "agents")]
        out += [(ds, "channels")]
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
        check_created_solved(rep, figure, "date", exp_created_vs_solved(ds))
    elif figure.startswith("series.") and figure.split(".", 1)[1] in SERIES_PERIOD_FORMAT:
        fmt = SERIES_PERIOD_FORMAT[figure.split(".", 1)[1]]
        check_created_solved(rep, figure, "period", exp_created_vs_solved_period(ds, fmt))
    elif figure == "series.backlog":
        check_backlog_series(rep, figure, exp_backlog_series(ds))
    elif figure == "series.arrivals_by_weekday_hour":
        check_grid(rep, figure, exp_arrivals_by_weekday_hour(ds))
    elif figure == "agents":
        check_table(rep, figure, "agent", exp_agents(ds))
    elif figure == "channels":
        check_table(rep, figure, "channel", exp_channels(ds))
    else:
        raise AssertionError(f"unknown figure {figure}")


@pytest.mark.parametrize("name,figure", scenario_cases(),
                         ids=[f"{SCENARIOS[n]['ds']}[{n}]:{f}" for n, f in scenario_cases()])
def test_scenario(name, figure):
    rep = report(SCENARIOS[name]["ds"], name)
    want = expected_scenario(name, figure)
    if figure in ("tickets", "tickets_total"):
        same(get(rep, figure), want, figure)
    elif figure == "previous_period":
        actual = get(rep, figure)
        assert isinstance(actual, dict), f"{figure}: expected {want}, CLI says {actual!r}"
        check_fields(rep, figure, want)
    elif figure == "kpis.sla_compliance.by_priority":
        check_groups(rep, figure, want)
    elif figure == "sla_breaches":
        actual = get(rep, figure)
        assert isinstance(actual, list), f"{figure}: expected a list, CLI says {actual!r}"
        ids = [get({"e": e}, "e.id") for e in actual]
        assert len(ids) == len(set(ids)), f"{figure}: ids listed twice: {sorted({i for i in ids if ids.count(i) > 1})[:10]}"
        missing, extra = sorted(want - set(ids)), sorted(set(ids) - want)
        assert not missing and not extra, (
            f"{figure}: expected {len(want)} breached tickets, CLI lists {len(ids)}; "
            f"missing {len(missing)} {missing[:10]}, extra {len(extra)} {extra[:10]}")
    elif figure.startswith("kpis."):
        if want == NULL:
            check_null_kpi(rep, figure.split(".", 1)[1])
        else:
            check_fields(rep, figure, want)
    else:
        raise AssertionError(f"unknown figure {figure}")


if __name__ == "__main__":
    print(json.dumps({**{ds: expected_all(ds) for ds in DATASETS}, **expected_scenarios()},
                     indent=1, default=str))
