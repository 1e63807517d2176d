//! Front conversations exported from Analytics as CSV.
//!
//! Unverified: Front's help center names the export's segment fields (`Segment`,
//! `Segment start`, `Segment end`, `Last segment activity`, `Segment close`) and its metrics
//! (replies, messages received / sent, reaction time), but no public copy of a header was found,
//! so these are plausible spellings. A Front "conversation" in analytics is a segment: a
//! conversation revived after the inbox's inactivity period starts a new one. Front's duration
//! columns are not read (their unit is unconfirmed); times come from the segment timestamps.

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
        C::new(Id, &["conversation id", "id"]),
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
            &["segment close", "segment end", "archived at", "closed at"],
        ),
        C::new(Status, &["status"]),
        C::new(Channel, &["channel", "channel type", "inbox type"]),
        C::new(Group, &["inbox", "inboxes", "team"]),
        C::new(Agent, &["assignee", "teammate"]),
        C::new(
            Requester,
            &["contact", "contact handle", "contact email", "recipient"],
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
