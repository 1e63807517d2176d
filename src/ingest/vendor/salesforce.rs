//! Salesforce cases: a Cases report exported as CSV ("Details only"), with the field labels
//! (`Case Number`, `Date/Time Opened`, `Date/Time Closed`, `Status`, `Priority`, `Case Origin`,
//! `Case Owner`, `Subject`, `Contact Name`), as public tools that read these exports spell them;
//! a US-locale report writes times like `5/6/2024 9:00 AM`. Data Loader exports use the API names
//! (`CaseNumber`, `CreatedDate`, `ClosedDate`, `Origin`, `OwnerId`, ISO times); those are listed
//! too but are unverified against a real file.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const SALESFORCE: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "salesforce",
    name: "Salesforce case export",
    signature: &[
        "case number",
        "date/time opened",
        "date/time closed",
        "case origin",
        "case owner",
        "case owner alias",
        "case reason",
        "case record type",
        "casenumber",
        "createddate",
        "closeddate",
        "isclosed",
        "isescalated",
        "ownerid",
    ],
    min_signature: 2,
    columns: &[
        C::new(Id, &["case number", "casenumber", "case id"]),
        C::new(
            CreatedAt,
            &["date/time opened", "createddate", "opened date"],
        ),
        C::new(
            UpdatedAt,
            &["last modified date", "lastmodifieddate", "last modified"],
        ),
        C::new(ClosedAt, &["date/time closed", "closeddate", "closed date"]),
        C::new(Status, &["status"]),
        C::new(Channel, &["case origin", "origin"]),
        C::new(Priority, &["priority"]),
        C::new(TicketType, &["type", "case type", "case reason", "reason"]),
        C::new(
            Agent,
            &[
                "case owner",
                "case owner alias",
                "owner",
                "owner name",
                "ownerid",
            ],
        ),
        C::new(
            Requester,
            &[
                "contact email",
                "contactemail",
                "web email",
                "suppliedemail",
                "contact name",
                "contactid",
            ],
        ),
    ],
    statuses: &[
        ("new", Status::New),
        ("working", Status::Open),
        ("in progress", Status::Open),
        ("on hold", Status::OnHold),
        ("waiting on customer", Status::Pending),
        ("closed", Status::Closed),
    ],
};
