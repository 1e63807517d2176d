//! Gorgias tickets exported as CSV.
//!
//! Unverified: no public copy of the export's header was found. The names are Gorgias's ticket
//! fields as its REST API names them (`created_datetime`, `opened_datetime`, `closed_datetime`,
//! `last_message_datetime`, `assignee_user`, `assignee_team`, `channel`, `status` open / closed,
//! `messages_count`), which `normalize_header` turns into `created datetime` and so on, plus the
//! plain-English variants an export is likely to use. Times are ISO 8601 with an offset.
//! `messages_count` counts the customer's messages too, so it is not read as agent replies.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const GORGIAS: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "gorgias",
    name: "Gorgias ticket export",
    signature: &[
        "created datetime",
        "opened datetime",
        "closed datetime",
        "updated datetime",
        "last message datetime",
        "last received message datetime",
        "snooze datetime",
        "assignee user",
        "assignee user email",
        "assignee team",
        "messages count",
        "satisfaction survey score",
    ],
    min_signature: 3,
    columns: &[
        C::new(Id, &["id", "ticket id"]),
        C::new(
            CreatedAt,
            &[
                "created datetime",
                "created date",
                "created",
                "opened datetime",
            ],
        ),
        C::new(
            UpdatedAt,
            &["updated datetime", "last message datetime", "updated date"],
        ),
        C::new(ClosedAt, &["closed datetime", "closed date", "closed"]),
        C::new(Status, &["status"]),
        C::new(Channel, &["channel", "via"]),
        C::new(Priority, &["priority"]),
        C::new(Group, &["assignee team", "team"]),
        C::new(
            Agent,
            &["assignee user", "assignee user email", "assignee", "agent"],
        ),
        C::new(Requester, &["customer email", "customer", "customer name"]),
        C::new(
            Satisfaction,
            &[
                "satisfaction survey score",
                "survey score",
                "csat score",
                "satisfaction score",
            ],
        ),
        C::new(Tags, &["tags"]),
    ],
    statuses: &[
        ("open", Status::Open),
        ("closed", Status::Closed),
        ("snoozed", Status::Pending),
    ],
};
