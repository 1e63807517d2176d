//! Self-hosted IT service desks: osTicket, GLPI and OTRS / Znuny. Their exports share no header
//! with each other, but each is distinct from the SaaS helpdesks, and they map onto the same
//! fields, so one table holds the three spellings:
//! - osTicket's queue export (`Ticket Number`, `Date Created`, `Help Topic`, `Current Status`,
//!   `Agent Assigned`, `Team Assigned`, `Closed Date`, `Reopen Count`, `Thread Count`), from
//!   osTicket's own source (`CustomQueue::getExportableFields`). `Thread Count` counts the
//!   customer's messages too, so it is not read as agent replies.
//! - GLPI's search export (`ID`, `Title`, `Status`, `Opening date`, `Last update`,
//!   `Resolution date`, `Closing date`, `Requester - Requester`, `Assigned to - Technician`,
//!   `Assigned to - Technician group`, `Satisfaction survey - Satisfaction`), as public GLPI
//!   scripts write it; usually `;`-separated. `Time to resolve` and `Time to own` are SLA
//!   deadlines (timestamps), not durations, so they are not read.
//! - OTRS / Znuny ticket attributes (`TicketNumber`, `Created`, `Changed`, `Closed`, `State`,
//!   `Queue`, `Owner`, `CustomerUserID`, `FirstResponse`, `FirstResponseInMin`,
//!   `SolutionInMin`), from OTRS's `TicketGet`; its statistics module uses the two `InMin` values
//!   as working-time (business) minutes. The translated statistics headers are unverified.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const IT_DESK: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "it_desk",
    name: "IT service desk export (osTicket, GLPI, OTRS/Znuny)",
    signature: &[
        // osTicket
        "date created",
        "help topic",
        "current status",
        "sla due date",
        "agent assigned",
        "team assigned",
        "thread count",
        "reopen count",
        "attachment count",
        "task count",
        "collaborator count",
        "from email",
        // GLPI
        "opening date",
        "closing date",
        "resolution date",
        "requester requester",
        "assigned to technician",
        "assigned to technician group",
        "satisfaction survey satisfaction",
        "time to resolve",
        "time to own",
        "total duration",
        // OTRS / Znuny
        "ticketnumber",
        "ticket#",
        "customeruserid",
        "firstresponse",
        "firstresponseinmin",
        "solutioninmin",
        "firstlock",
        "statetype",
        "first response in min",
        "solution in min",
    ],
    min_signature: 3,
    columns: &[
        C::new(
            Id,
            &["ticket number", "ticketnumber", "ticket#", "number", "id"],
        ),
        C::new(CreatedAt, &["date created", "opening date", "created"]),
        C::new(UpdatedAt, &["last updated", "last update", "changed"]),
        C::new(SolvedAt, &["resolution date"]),
        C::new(
            ClosedAt,
            &["closed date", "closing date", "closed", "close time"],
        ),
        C::new(FirstResponseAt, &["firstresponse", "first response"]),
        C::new(Status, &["current status", "status", "state"]),
        C::new(Channel, &["source", "request source"]),
        C::new(Priority, &["priority"]),
        C::new(TicketType, &["help topic", "category", "type"]),
        C::new(
            Group,
            &[
                "team assigned",
                "assigned to technician group",
                "queue",
                "department",
            ],
        ),
        C::new(
            Agent,
            &["agent assigned", "assigned to technician", "owner"],
        ),
        C::new(
            Requester,
            &[
                "from email",
                "from",
                "requester requester",
                "customeruserid",
                "customer user",
                "customerid",
            ],
        ),
        C::new(Reopens, &["reopen count"]),
        C::new(
            FirstResponseBusinessMinutes,
            &["firstresponseinmin", "first response in min"],
        ),
        C::new(
            ResolutionBusinessMinutes,
            &["solutioninmin", "solution in min"],
        ),
        C::new(Satisfaction, &["satisfaction survey satisfaction"]),
    ],
    statuses: &[
        // osTicket
        ("archived", Status::Closed),
        // GLPI
        ("processing (assigned)", Status::Open),
        ("processing (planned)", Status::Open),
        // OTRS / Znuny
        ("closed successful", Status::Closed),
        ("closed unsuccessful", Status::Closed),
        ("closed with workaround", Status::Closed),
        ("pending reminder", Status::Pending),
        ("pending auto close+", Status::Pending),
        ("pending auto close-", Status::Pending),
    ],
};
