//! Home-made and unknown exports: columns recognised by the usual English names. The first
//! matching header feeds each field; a header feeds one field at most.

use super::Vendor;
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const GENERIC: Vendor = Vendor {
    id: "generic",
    name: "generic ticket export",
    signature: &[],
    min_signature: 0,
    columns: &[
        C::new(
            Id,
            &[
                "ticket id",
                "id",
                "ticket number",
                "ticket no",
                "number",
                "case number",
                "issue key",
                "key",
                "conversation id",
            ],
        ),
        C::new(
            CreatedAt,
            &[
                "created at",
                "created",
                "created date",
                "created time",
                "created on",
                "creation date",
                "create date",
                "date created",
                "opened at",
                "opened",
                "submitted at",
            ],
        ),
        C::new(
            UpdatedAt,
            &[
                "updated at",
                "updated",
                "last updated",
                "last update time",
                "modified",
            ],
        ),
        C::new(
            SolvedAt,
            &[
                "resolved at",
                "resolved",
                "resolved date",
                "resolved time",
                "resolution date",
                "solved at",
                "solved",
                "solved date",
            ],
        ),
        C::new(
            ClosedAt,
            &[
                "closed at",
                "closed",
                "closed date",
                "closed time",
                "date closed",
            ],
        ),
        C::new(
            FirstResponseAt,
            &[
                "first response at",
                "first responded at",
                "first response date",
                "first reply at",
            ],
        ),
        C::new(Status, &["status", "ticket status", "state"]),
        C::new(
            Channel,
            &[
                "channel",
                "ticket channel",
                "source",
                "via",
                "origin",
                "case origin",
            ],
        ),
        C::new(Priority, &["priority", "ticket priority", "urgency"]),
        C::new(
            TicketType,
            &["type", "ticket type", "category", "issue type"],
        ),
        C::new(
            Group,
            &["group", "team", "queue", "assignment group", "department"],
        ),
        C::new(
            Agent,
            &[
                "agent",
                "assignee",
                "assigned to",
                "owner",
                "ticket owner",
                "agent name",
            ],
        ),
        C::new(
            Requester,
            &[
                "requester",
                "requester id",
                "requester email",
                "customer id",
                "customer email",
                "customer",
                "email",
            ],
        ),
        C::new(
            FirstResponseMinutes,
            &[
                "first response time",
                "first reply time",
                "first response time minutes",
                "first response minutes",
                "first reply time in minutes",
                "time to first response",
            ],
        )
        .or_datetime(FirstResponseAt),
        C::new(
            FirstResponseMinutes,
            &["first response time hours", "first response time (hours)"],
        )
        .hours(),
        C::new(
            ResolutionMinutes,
            &[
                "resolution time",
                "time to resolution",
                "resolution time minutes",
                "resolution minutes",
                "full resolution time in minutes",
            ],
        )
        .or_datetime(SolvedAt),
        C::new(
            ResolutionMinutes,
            &["resolution time hours", "resolution time (hours)"],
        )
        .hours(),
        C::new(
            FirstResponseBusinessMinutes,
            &[
                "first reply time in minutes within business hours",
                "first response time business minutes",
                "business first response minutes",
            ],
        ),
        C::new(
            ResolutionBusinessMinutes,
            &[
                "full resolution time in minutes within business hours",
                "resolution time business minutes",
                "business resolution minutes",
            ],
        ),
        C::new(
            Replies,
            &[
                "replies",
                "agent replies",
                "number of replies",
                "agent interactions",
            ],
        ),
        C::new(Reopens, &["reopens", "reopen count", "reopened count"]),
        C::new(
            Satisfaction,
            &[
                "customer satisfaction rating",
                "satisfaction rating",
                "satisfaction score",
                "satisfaction",
                "csat",
                "csat score",
                "rating",
                "survey results",
            ],
        ),
        C::new(
            NpsScore,
            &[
                "nps",
                "nps score",
                "likelihood to recommend",
                "recommendation score",
            ],
        ),
        C::new(
            HandleMinutes,
            &["handle time", "handle time minutes", "time spent"],
        ),
        C::new(Tags, &["tags", "labels", "tag"]),
        C::new(GroupStations, &["group stations", "reassignment count"]),
    ],
    statuses: &[
        ("resolved", Status::Solved),
        ("in progress", Status::Open),
        ("on hold", Status::OnHold),
        ("waiting on customer", Status::Pending),
    ],
};
