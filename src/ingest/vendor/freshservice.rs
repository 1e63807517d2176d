//! Freshservice (Freshworks' IT service desk) ticket export. The header was read from one
//! account's export (`../shared/spec/formats.md`): Freshdesk's columns plus the ITSM ones
//! (`Urgency`, `Impact`, `Sub-Category`, `Item`), `Last Updated Time` where Freshdesk writes
//! `Last update time`, and `Survey Result` in the singular. As in Freshdesk, the `(in Hrs)`
//! columns are business hours and `Time Tracked` is hours.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const FRESHSERVICE: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "freshservice",
    name: "Freshservice ticket export",
    signature: &[
        // Shared with Freshdesk, which is listed first and so keeps a tie…
        "ticket id",
        "created time",
        "resolved time",
        "closed time",
        "due by time",
        "initial response time",
        "agent interactions",
        "customer interactions",
        "resolution status",
        "first response status",
        "first response time (in hrs)",
        "resolution time (in hrs)",
        "time tracked",
        // …and Freshservice's own, which break it.
        "last updated time",
        "survey result",
        "urgency",
        "impact",
        "sub category",
        "item",
    ],
    min_signature: 4,
    columns: &[
        C::new(Id, &["ticket id"]),
        C::new(CreatedAt, &["created time"]),
        C::new(UpdatedAt, &["last updated time", "last update time"]),
        C::new(SolvedAt, &["resolved time"]),
        C::new(ClosedAt, &["closed time"]),
        C::new(FirstResponseAt, &["initial response time"]),
        C::new(Status, &["status"]),
        C::new(Channel, &["source"]),
        C::new(Priority, &["priority"]),
        C::new(TicketType, &["type", "ticket type", "category"]),
        C::new(Group, &["group"]),
        C::new(Agent, &["agent"]),
        C::new(
            Requester,
            &["requester email", "requester name", "requester"],
        ),
        C::new(
            FirstResponseBusinessMinutes,
            &["first response time (in hrs)"],
        )
        .hours(),
        C::new(ResolutionBusinessMinutes, &["resolution time (in hrs)"]).hours(),
        C::new(Replies, &["agent interactions"]),
        C::new(Satisfaction, &["survey result", "survey results"]),
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
        // Common custom statuses, as in Freshdesk.
        ("awaiting customer", Status::Pending),
        ("waiting on customer", Status::Pending),
        ("waiting on third party", Status::OnHold),
    ],
};
