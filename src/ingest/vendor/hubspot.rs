//! HubSpot tickets exported from the Tickets index (Export → CSV). Columns are the ticket
//! properties' labels (`Ticket ID`, `Ticket name`, `Pipeline`, `Ticket status`, `Create date`,
//! `Close date`, `Ticket owner`, `Source`, `Priority`, `Category`, `Time to close`, …), read from
//! a public dump of an account's ticket properties. Status is the pipeline stage's label.
//!
//! Durations: HubSpot keeps them in milliseconds and its exports write them as `HH:mm:ss` under
//! a label with that suffix (`Time to Close (HH:mm:ss)`, seen in a deal export). Only the
//! suffixed names are read: a bare `Time to close` might hold milliseconds, which would read as
//! minutes. Without them the times come from `Create date` → `Close date`.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const HUBSPOT: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "hubspot",
    name: "HubSpot ticket export",
    signature: &[
        "ticket name",
        "pipeline",
        "ticket status",
        "create date",
        "close date",
        "time to close",
        "time to close (hh:mm:ss)",
        "time to first agent reply",
        "time to first agent reply (hh:mm:ss)",
        "time to first agent email reply",
        "last activity date",
        "hubspot team",
        "ticket description",
        "first agent email response date",
        "originating channel type",
    ],
    min_signature: 3,
    columns: &[
        C::new(Id, &["ticket id", "record id"]),
        C::new(CreatedAt, &["create date", "hubspot create date"]),
        C::new(UpdatedAt, &["last modified date", "last activity date"]),
        C::new(ClosedAt, &["close date", "last closed date"]),
        C::new(
            FirstResponseAt,
            &[
                "first agent reply date",
                "first agent response date",
                "first agent email response date",
            ],
        ),
        C::new(Status, &["ticket status", "pipeline stage"]),
        C::new(Channel, &["source", "originating channel type"]),
        C::new(Priority, &["priority"]),
        C::new(TicketType, &["category", "ticket type"]),
        C::new(Group, &["hubspot team", "team"]),
        C::new(Agent, &["ticket owner"]),
        C::new(
            Requester,
            &[
                "contact email",
                "all associated contact emails",
                "associated contact",
            ],
        ),
        C::new(
            FirstResponseMinutes,
            &[
                "time to first agent reply (hh:mm:ss)",
                "time to first agent email reply (hh:mm:ss)",
            ],
        ),
        C::new(ResolutionMinutes, &["time to close (hh:mm:ss)"]),
        C::new(Tags, &["ticket tags", "tags"]),
    ],
    // The default Support Pipeline's stages; accounts add their own.
    statuses: &[
        ("new", Status::New),
        ("waiting on contact", Status::Pending),
        ("waiting on us", Status::Open),
        ("in progress", Status::Open),
        ("closed", Status::Closed),
    ],
};
