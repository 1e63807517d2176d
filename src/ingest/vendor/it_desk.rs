//! osTicket's queue export (`Ticket Number`, `Date Created`, `Help Topic`, `Current Status`,
//! `Agent Assigned`, `Team Assigned`, `Closed Date`, `Reopen Count`, `Thread Count`), from
//! osTicket's own source (`CustomQueue::getExportableFields`). `Thread Count` counts the
//! customer's messages too, so it is not read as agent replies.
//!
//! The id stays `it_desk` (saved column choices and reports name it); GLPI and OTRS / Znuny,
//! which once shared this table, have their own (`glpi.rs`, `otrs.rs`).

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const IT_DESK: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "it_desk",
    name: "osTicket export",
    signature: &[
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
    ],
    min_signature: 3,
    columns: &[
        C::new(Id, &["ticket number", "number"]),
        C::new(CreatedAt, &["date created", "created"]),
        C::new(UpdatedAt, &["last updated", "last update"]),
        C::new(ClosedAt, &["closed date", "close date"]),
        C::new(Status, &["current status", "status"]),
        C::new(Channel, &["source"]),
        C::new(Priority, &["priority"]),
        C::new(TicketType, &["help topic"]),
        C::new(Group, &["team assigned", "department"]),
        C::new(Agent, &["agent assigned"]),
        C::new(Requester, &["from email", "from"]),
        C::new(Reopens, &["reopen count"]),
    ],
    statuses: &[("archived", Status::Closed)],
};

#[cfg(test)]
mod tests {
    use crate::ingest::{read_export, Field};
    use crate::model::Status;

    #[test]
    fn the_osticket_fixture() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/vendors/it_desk_osticket.csv"
        );
        let bytes = std::fs::read(path).expect("the fixture is there");
        let export = read_export("it_desk_osticket.csv", &bytes).expect("the file reads");
        assert_eq!(export.source.format, "it_desk");
        assert_eq!(
            export.source.skipped, 0,
            "{:?}",
            export.source.skipped_reasons
        );
        let columns = &export.source.columns;
        assert_eq!(columns[&Field::Id], "Ticket Number");
        assert_eq!(columns[&Field::ClosedAt], "Closed Date");
        assert_eq!(columns[&Field::Group], "Team Assigned");
        assert_eq!(columns[&Field::Requester], "From Email");
        let statuses: Vec<_> = export
            .tickets
            .tickets()
            .filter_map(|t| t.status.clone())
            .collect();
        use Status::*;
        assert_eq!(statuses, [Closed, Open, Closed, Solved, Open]);
    }
}
