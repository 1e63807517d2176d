//! Freshdesk ticket export (Tickets → Export), from Freshdesk's own field map
//! (`../shared/spec/formats.md`). Its hour columns are business-hours durations.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const FRESHDESK: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "freshdesk",
    name: "Freshdesk ticket export",
    signature: &[
        "ticket id",
        "created time",
        "resolved time",
        "closed time",
        "due by time",
        "last update time",
        "initial response time",
        "agent interactions",
        "customer interactions",
        "resolution status",
        "first response status",
        "survey results",
        "first response time (in hrs)",
        "resolution time (in hrs)",
        "time tracked",
    ],
    min_signature: 4,
    columns: &[
        C::new(Id, &["ticket id"]),
        C::new(CreatedAt, &["created time"]),
        C::new(UpdatedAt, &["last update time", "last updated time"]),
        C::new(SolvedAt, &["resolved time"]),
        C::new(ClosedAt, &["closed time"]),
        C::new(FirstResponseAt, &["initial response time"]),
        C::new(Status, &["status"]),
        C::new(Channel, &["source"]),
        C::new(Priority, &["priority"]),
        C::new(TicketType, &["type"]),
        C::new(Group, &["group"]),
        C::new(Agent, &["agent"]),
        C::new(
            Requester,
            &[
                "requester email",
                "contact id",
                "requester name",
                "full name",
            ],
        ),
        C::new(
            FirstResponseBusinessMinutes,
            &["first response time (in hrs)"],
        )
        .hours(),
        C::new(ResolutionBusinessMinutes, &["resolution time (in hrs)"]).hours(),
        C::new(Replies, &["agent interactions"]),
        C::new(Satisfaction, &["survey results", "survey result"]),
        C::new(HandleMinutes, &["time tracked"]).hours(),
        C::new(Tags, &["tags"]),
        C::new(FirstResponseSla, &["first response status"]),
        C::new(ResolutionSla, &["resolution status"]),
    ],
    statuses: &[
        ("open", Status::Open),
        ("pending", Status::Pending),
        ("resolved", Status::Solved),
        ("closed", Status::Closed),
        ("waiting on customer", Status::Pending),
        ("waiting on third party", Status::OnHold),
    ],
};
