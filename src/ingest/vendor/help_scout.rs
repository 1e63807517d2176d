//! Help Scout conversations exported as CSV (Reports → Export, or a mailbox view).
//!
//! Unverified: no public copy of the export's header was found. The names below are the spec's
//! (`../shared/spec/formats.md`) and Help Scout's own field names (conversation `number`,
//! `mailbox`, `status` active / pending / closed / spam, `type` email / chat / phone,
//! `customerWaitingSince`), in the spellings an export is likely to use; recognition is tolerant
//! on purpose. Ratings are Great / Okay / Not Good (`values::satisfaction`). Spam is left as an
//! unknown status (unsolved) rather than counted as solved.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const HELP_SCOUT: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "help_scout",
    name: "Help Scout conversation export",
    // Only names no other export uses: "Assigned to" or "Customer email" alone say nothing.
    signature: &[
        "conversation number",
        "conversation #",
        "mailbox",
        "mailbox name",
        "customer waiting since",
        "waiting since",
        "closed by",
        "rating comments",
        "rating comment",
        "happiness rating",
    ],
    min_signature: 2,
    columns: &[
        C::new(
            Id,
            &[
                "conversation number",
                "conversation #",
                "number",
                "conversation id",
                "id",
            ],
        ),
        C::new(CreatedAt, &["created at", "created", "date created"]),
        C::new(
            UpdatedAt,
            &[
                "modified at",
                "updated at",
                "last modified",
                "user modified at",
            ],
        ),
        C::new(ClosedAt, &["closed at", "closed", "date closed"]),
        C::new(Status, &["status"]),
        C::new(Channel, &["type", "conversation type", "channel", "source"]),
        C::new(Group, &["mailbox", "mailbox name"]),
        C::new(
            Agent,
            &["assigned to", "assignee", "owner", "assigned user"],
        ),
        C::new(
            Requester,
            &["customer email", "customer", "customer name", "email"],
        ),
        C::new(Replies, &["replies", "number of replies", "replies sent"]),
        C::new(
            Satisfaction,
            &["rating", "happiness rating", "customer rating"],
        ),
        C::new(Tags, &["tags"]),
    ],
    statuses: &[
        ("active", Status::Open),
        ("pending", Status::Pending),
        ("closed", Status::Closed),
    ],
};
