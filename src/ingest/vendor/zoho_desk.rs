//! Zoho Desk tickets: report exports and the Tickets module export.
//!
//! Report exports name a field with its module in brackets — `Created Time (Ticket)`,
//! `Status (Ticket)`, `Priority (Ticket)`, `Category (Ticket)`, `Ticket Closed Time (Ticket)` or
//! plain `Ticket Closed Time` — as public scripts that read them spell it; they write times like
//! `06 May 2024 09:00 AM`. The module export's plain labels (`Ticket Owner`, `Department`,
//! `Channel`, `Classification`, `Modified Time`, `Happiness Rating`) are Zoho Desk's standard
//! ticket fields; their exact export spelling is unverified, so both forms are listed.
//! Happiness ratings are Good / Okay / Bad.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const ZOHO_DESK: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "zoho_desk",
    name: "Zoho Desk ticket export",
    signature: &[
        "created time (ticket)",
        "modified time (ticket)",
        "status (ticket)",
        "priority (ticket)",
        "category (ticket)",
        "channel (ticket)",
        "ticket owner (ticket)",
        "ticket closed time",
        "ticket closed time (ticket)",
        "happiness rating",
        "happiness rating (ticket)",
        "modified time",
        "classification",
        "classifications",
        "request id",
    ],
    min_signature: 3,
    columns: &[
        C::new(
            Id,
            &[
                "ticket id",
                "ticket id (ticket)",
                "request id",
                "ticket number",
                "ticket number (ticket)",
            ],
        ),
        C::new(CreatedAt, &["created time", "created time (ticket)"]),
        C::new(UpdatedAt, &["modified time", "modified time (ticket)"]),
        C::new(
            ClosedAt,
            &["ticket closed time", "ticket closed time (ticket)"],
        ),
        C::new(Status, &["status", "status (ticket)"]),
        C::new(Channel, &["channel", "channel (ticket)"]),
        C::new(Priority, &["priority", "priority (ticket)"]),
        C::new(
            TicketType,
            &[
                "category",
                "category (ticket)",
                "classification",
                "classification (ticket)",
                "classifications",
            ],
        ),
        C::new(
            Group,
            &["department", "department (ticket)", "team", "team (ticket)"],
        ),
        C::new(Agent, &["ticket owner", "ticket owner (ticket)"]),
        C::new(
            Requester,
            &[
                "email",
                "email (ticket)",
                "contact email",
                "contact name",
                "contact name (ticket)",
            ],
        ),
        C::new(
            Satisfaction,
            &["happiness rating", "happiness rating (ticket)"],
        ),
        C::new(Tags, &["tags", "tags (ticket)"]),
    ],
    statuses: &[
        ("open", Status::Open),
        ("on hold", Status::OnHold),
        ("closed", Status::Closed),
    ],
};
