//! Jira Service Management issues exported as CSV (Filters → Export → CSV). Column names are
//! Jira's (`Issue key`, `Issue Type`, `Status`, `Created`, `Resolved`, `Assignee`, `Reporter`,
//! `Custom field (Request Type)`, `Satisfaction rating`, …) as public scripts that read these
//! exports spell them; dates look like `22/Nov/26 3:45 PM`.
//!
//! `Custom field (Time to first response)` and `Custom field (Time to resolution)` hold the SLA
//! clocks' *remaining* time (public scripts read a leading `-` as breached), not elapsed
//! durations, so they are not read as durations: times come from `Created` → `Resolved`, and first replies from the
//! `[CHART] Date of First Response` field where the project has it.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const JIRA_SERVICE_MANAGEMENT: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "jira_service_management",
    name: "Jira Service Management CSV export",
    signature: &[
        "issue key",
        "issue id",
        "issue type",
        "project key",
        "project name",
        "project type",
        "reporter",
        "creator",
        "last viewed",
        "status category",
        "status category changed",
        "custom field (time to first response)",
        "custom field (time to resolution)",
        "custom field (request type)",
        "custom field (satisfaction)",
        "custom field (satisfaction date)",
        "custom field ([chart] date of first response)",
    ],
    min_signature: 3,
    columns: &[
        C::new(Id, &["issue key", "key", "issue id"]),
        C::new(CreatedAt, &["created"]),
        C::new(UpdatedAt, &["updated"]),
        C::new(SolvedAt, &["resolved", "resolution date"]),
        C::new(
            FirstResponseAt,
            &["custom field ([chart] date of first response)"],
        ),
        C::new(Status, &["status"]),
        C::new(
            Channel,
            &["custom field (source)", "request channel", "channel"],
        ),
        C::new(Priority, &["priority"]),
        C::new(
            TicketType,
            &["custom field (request type)", "request type", "issue type"],
        ),
        C::new(Group, &["custom field (team)", "team"]),
        C::new(Agent, &["assignee"]),
        C::new(Requester, &["reporter", "custom field (customer)"]),
        C::new(
            Satisfaction,
            &["satisfaction rating", "custom field (satisfaction)"],
        ),
        C::new(Tags, &["labels"]),
    ],
    statuses: &[
        ("waiting for support", Status::Open),
        ("waiting for customer", Status::Pending),
        ("in progress", Status::Open),
        ("work in progress", Status::Open),
        ("to do", Status::Open),
        ("done", Status::Solved),
        // Closed without a fix is still closed (inactive) in Jira's own reports.
        ("canceled", Status::Closed),
        ("cancelled", Status::Closed),
        ("declined", Status::Closed),
    ],
};
