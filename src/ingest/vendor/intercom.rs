//! Intercom conversations exported from Reports as CSV (one row per conversation). The column
//! names are those a public Intercom-report tool validates against (`Conversation ID`,
//! `Teammate currently assigned`, `Current conversation state`, `Last teammate rating`,
//! `Replies to close a conversation`, …); times are written `2017-11-14 21:45:08`.
//!
//! Timestamp headers carry the workspace's time zone, `Conversation started at
//! (America/New_York)`: header matching drops that suffix. The duration columns are in seconds
//! (`First response time (seconds)`).

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const INTERCOM: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "intercom",
    name: "Intercom conversation export",
    signature: &[
        "conversation id",
        "teammate currently assigned",
        "team currently assigned",
        "current conversation state",
        "last teammate rating",
        "last teammate rating remark",
        "started by",
        "conversation source",
        "conversation tag",
        "number of reassignments",
        "replies to close a conversation",
        "first response time (seconds)",
        "time to close (seconds)",
        "handling time (seconds)",
        "chatbot replied",
        "fin ai agent involved",
        "teammate first replied",
        "user participant emails",
    ],
    min_signature: 3,
    columns: &[
        C::new(Id, &["conversation id", "id"]),
        C::new(
            CreatedAt,
            &[
                "conversation started at",
                "conversation created at",
                "created at",
            ],
        ),
        C::new(UpdatedAt, &["conversation updated at", "updated at"]),
        C::new(
            FirstResponseAt,
            &["conversation first replied at", "first response at"],
        ),
        // The final close: resolution time runs to the last one (catalogue).
        C::new(ClosedAt, &["conversation last closed at", "closed at"]),
        C::new(
            Status,
            &["current conversation state", "conversation state", "state"],
        ),
        C::new(Channel, &["channel"]),
        C::new(Priority, &["conversation priority", "priority"]),
        C::new(TicketType, &["ticket type", "topics"]),
        C::new(Group, &["team currently assigned", "team assigned", "team"]),
        C::new(
            Agent,
            &[
                "teammate currently assigned",
                "teammate assigned",
                "assignee",
            ],
        ),
        C::new(
            Requester,
            &[
                "user email",
                "user id",
                "user participant emails",
                "user name",
            ],
        ),
        // Teammate replies it took to close the conversation: the reply count of a solved one.
        C::new(Replies, &["replies to close a conversation"]),
        C::new(
            Satisfaction,
            &["last teammate rating", "conversation rating", "rating"],
        ),
        C::new(Tags, &["conversation tag", "conversation tags", "tags"]),
        C::new(
            FirstResponseMinutes,
            &[
                "first response time (seconds)",
                "time to first response (seconds)",
            ],
        )
        .seconds(),
        C::new(
            ResolutionMinutes,
            &["time to close (seconds)", "time to last close (seconds)"],
        )
        .seconds(),
        C::new(HandleMinutes, &["handling time (seconds)"]).seconds(),
    ],
    statuses: &[
        ("open", Status::Open),
        ("closed", Status::Closed),
        // Snoozed until a time or a customer reply: waiting, like pending.
        ("snoozed", Status::Pending),
    ],
};
