//! Front conversations exported from Analytics as CSV.
//!
//! Partly verified: Front's API reference for analytics exports (the `columns` of "Create
//! analytics export") lists the column names: `Message ID`, `Segment ID`, `Conversation ID`,
//! `Segment`, `Direction`, `Status`, `Inbox`, `Message date`, `Reaction time`,
//! `Total reply time`, `Handle time`, `Response time`, `Assignee`, `Contact name`,
//! `Contact handle`, `Tags`, `Subject`, `Segment start`, `Segment end`, `Segment closed`,
//! `Last segment activity`, `Ticket status name`, … Such an export has one row per *message*;
//! rows of one segment share its id and are merged into one ticket like any repeated id. A Front
//! "conversation" in analytics is a segment: a conversation revived after the inbox's
//! inactivity period starts a new one, so the segment id is preferred as the ticket id. The
//! older per-conversation spellings (`Segment close`, `Replies sent`) are kept. Front's
//! duration columns are not read (per message, in seconds); times come from the segment
//! timestamps.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const FRONT: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "front",
    name: "Front conversation export",
    signature: &[
        "segment",
        "segment start",
        "segment end",
        "segment close",
        "segment closed",
        "segment id",
        "message date",
        "contact handle",
        "last segment activity",
        "inbox",
        "inboxes",
        "conversation link",
        "reaction time",
        "messages received",
        "messages sent",
        "replies sent",
    ],
    min_signature: 3,
    columns: &[
        C::new(Id, &["segment id", "conversation id", "id"]),
        C::new(
            CreatedAt,
            &["segment start", "conversation created at", "created at"],
        ),
        C::new(
            UpdatedAt,
            &["last segment activity", "last activity", "updated at"],
        ),
        C::new(
            ClosedAt,
            &[
                "segment closed",
                "segment close",
                "segment end",
                "archived at",
                "closed at",
            ],
        ),
        C::new(Status, &["status"]),
        C::new(Channel, &["channel", "channel type", "inbox type"]),
        C::new(Group, &["inbox", "inboxes", "team"]),
        C::new(Agent, &["assignee", "teammate"]),
        C::new(
            Requester,
            &[
                "contact",
                "contact handle",
                "contact email",
                "contact name",
                "recipient",
            ],
        ),
        C::new(Replies, &["replies sent", "replies", "number of replies"]),
        C::new(Tags, &["tags"]),
    ],
    statuses: &[
        // Archived is Front's "done".
        ("archived", Status::Closed),
        ("unassigned", Status::Open),
        ("assigned", Status::Open),
        ("snoozed", Status::Pending),
    ],
};
