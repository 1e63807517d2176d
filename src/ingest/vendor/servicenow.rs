//! ServiceNow incidents exported from a list (right-click → Export → CSV). The CSV header is the
//! fields' column names (`number`, `opened_at`, `resolved_at`, `closed_at`, `state` or
//! `incident_state`, `priority`, `assignment_group`, `assigned_to`, `caller_id`,
//! `contact_type`, `reopen_count`, `sys_updated_on`, …), as in public incident data sets exported
//! from ServiceNow; the Excel export uses the labels (`Number`, `Opened`, `Short description`,
//! `Caller`, `Assignment group`), listed too. Times are `2024-05-06 09:00:00`.
//!
//! Durations (`business_duration`, `calendar_duration`, `time_worked`) are written as text like
//! `1 Day 2 Hours` in display exports, so they are not read: times come from the timestamps.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const SERVICENOW: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "servicenow",
    name: "ServiceNow incident export",
    // Not `number`, `state`, `opened at` or `assigned to`: home-made exports use those too.
    signature: &[
        "short description",
        "caller id",
        "caller",
        "assignment group",
        "incident state",
        "reassignment count",
        "reopen count",
        "contact type",
        "sys id",
        "sys created on",
        "sys created at",
        "sys updated on",
        "sys updated at",
        "sys mod count",
        "made sla",
        "opened by",
        "resolved by",
        "close code",
        "close notes",
        "cmdb ci",
        "configuration item",
        "business duration",
        "calendar duration",
        "time worked",
    ],
    min_signature: 3,
    columns: &[
        C::new(Id, &["number"]),
        C::new(
            CreatedAt,
            &["opened at", "opened", "sys created on", "sys created at"],
        ),
        C::new(UpdatedAt, &["sys updated on", "sys updated at", "updated"]),
        C::new(SolvedAt, &["resolved at", "resolved"]),
        C::new(ClosedAt, &["closed at", "closed"]),
        C::new(Status, &["incident state", "state"]),
        C::new(Channel, &["contact type"]),
        C::new(Priority, &["priority"]),
        C::new(TicketType, &["category"]),
        C::new(Group, &["assignment group"]),
        C::new(Agent, &["assigned to"]),
        C::new(Requester, &["caller id", "caller", "opened by"]),
        C::new(Reopens, &["reopen count"]),
    ],
    statuses: &[
        ("new", Status::New),
        ("in progress", Status::Open),
        ("active", Status::Open),
        ("on hold", Status::OnHold),
        ("awaiting user info", Status::Pending),
        ("awaiting caller", Status::Pending),
        ("awaiting evidence", Status::Pending),
        ("awaiting problem", Status::OnHold),
        ("awaiting vendor", Status::OnHold),
        ("awaiting change", Status::OnHold),
        ("resolved", Status::Solved),
        ("closed", Status::Closed),
        // Canceled incidents are inactive, like closed ones, in ServiceNow's own lists.
        ("canceled", Status::Closed),
        ("cancelled", Status::Closed),
    ],
};
