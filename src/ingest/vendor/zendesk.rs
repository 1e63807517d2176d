//! Zendesk Support: the account "CSV export" of all tickets and view exports
//! (`../shared/spec/formats.md`, verified from Zendesk's help article).

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const ZENDESK: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "zendesk",
    name: "Zendesk Support ticket export",
    signature: &[
        "id",
        "via",
        "created at",
        "solved at",
        "requester id",
        "replies",
        "reopens",
        "group stations",
        "assignee stations",
        "satisfaction score",
        "first reply time in minutes",
        "first reply time in minutes within business hours",
        "full resolution time in minutes",
        "ticket type",
        "initially assigned at",
    ],
    min_signature: 4,
    columns: &[
        C::new(Id, &["id", "ticket id"]),
        C::new(CreatedAt, &["created at"]),
        C::new(UpdatedAt, &["updated at"]),
        C::new(SolvedAt, &["solved at"]),
        C::new(Status, &["status"]),
        C::new(Channel, &["via"]),
        C::new(Priority, &["priority"]),
        C::new(TicketType, &["ticket type", "type"]),
        C::new(Group, &["group"]),
        C::new(Agent, &["assignee"]),
        C::new(Requester, &["requester id", "requester", "requester email"]),
        C::new(FirstResponseMinutes, &["first reply time in minutes"]),
        C::new(
            FirstResponseBusinessMinutes,
            &["first reply time in minutes within business hours"],
        ),
        C::new(ResolutionMinutes, &["full resolution time in minutes"]),
        // Whole hours, rounded: used only where the minutes column is missing.
        C::new(ResolutionMinutes, &["resolution time"]).hours(),
        C::new(
            ResolutionBusinessMinutes,
            &["full resolution time in minutes within business hours"],
        ),
        C::new(Replies, &["replies"]),
        C::new(Reopens, &["reopens"]),
        C::new(Satisfaction, &["satisfaction score", "satisfaction"]),
        C::new(Tags, &["tags"]),
        C::new(GroupStations, &["group stations"]),
    ],
    statuses: &[
        ("new", Status::New),
        ("open", Status::Open),
        ("pending", Status::Pending),
        ("hold", Status::OnHold),
        ("on hold", Status::OnHold),
        ("solved", Status::Solved),
        ("closed", Status::Closed),
    ],
};
