//! OTRS / Znuny (and OTOBO) ticket lists: the statistics module's ticket list and the agent
//! search's CSV export, whose columns are `TicketGet`'s attribute names (`TicketNumber`,
//! `Title`, `Created`, `Changed`, `Closed`, `State`, `StateType`, `Priority`, `Queue`, `Owner`,
//! `Responsible`, `CustomerID`, `CustomerUserID`, `FirstResponse`, `FirstResponseInMin`,
//! `FirstResponseDiffInMin`, `SolutionInMin`, `SolutionDiffInMin`, `FirstLock`, `Age`, `Type`,
//! `Service`, `SLA`, `Lock`).
//!
//! Sources: `Kernel/System/Ticket.pm` (`TicketGet`'s documented attributes, as copied in public
//! OTRS forks and extensions), the `Ticket::Frontend::AgentTicketSearch###SearchCSVData` default
//! (`TicketNumber, Age, Created, Closed, FirstLock, FirstResponse, State, Priority, Queue, Lock,
//! Owner, … SolutionInMin, SolutionDiffInMin, FirstResponseInMin, FirstResponseDiffInMin`), and
//! the escalation code that fills the `InMin` values with `WorkingTime(…, Calendar)` / 60:
//! they are minutes within the queue's or SLA's calendar (business minutes), so they feed the
//! business fields. The `DiffInMin` values are the minutes left (or, negative, over) against
//! the SLA target, not verdicts; they only help recognise the export. `Age` is seconds since
//! creation and `AccountedTime` is in the account's time units: neither is read. The
//! translated column headers of a German or other-language statistics export are not confirmed.
//!
//! States are OTRS's defaults (new, open, pending reminder, pending auto close+/-, closed
//! successful / unsuccessful, merged, removed), from its state table as public tools list it.
//! `merged` and `removed` leave every queue without being worked to an end; like a canceled
//! incident they are read as closed, not left open in the backlog for ever.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const OTRS: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "otrs",
    name: "OTRS / Znuny ticket list",
    signature: &[
        "ticketnumber",
        "ticket#",
        "customeruserid",
        "firstresponse",
        "firstresponseinmin",
        "firstresponsediffinmin",
        "solutioninmin",
        "solutiondiffinmin",
        "firstlock",
        "statetype",
        "first response in min",
        "solution in min",
        "escalationresponsetime",
        "escalationsolutiontime",
    ],
    min_signature: 3,
    columns: &[
        C::new(Id, &["ticketnumber", "ticket#", "ticket number", "number"]),
        C::new(CreatedAt, &["created"]),
        C::new(UpdatedAt, &["changed"]),
        C::new(ClosedAt, &["closed", "close time"]),
        C::new(FirstResponseAt, &["firstresponse", "first response"]),
        C::new(Status, &["state"]),
        C::new(Priority, &["priority"]),
        C::new(TicketType, &["type", "service"]),
        C::new(Group, &["queue"]),
        C::new(Agent, &["owner"]),
        C::new(
            Requester,
            &["customeruserid", "customer user", "customerid", "from"],
        ),
        C::new(
            FirstResponseBusinessMinutes,
            &["firstresponseinmin", "first response in min"],
        ),
        C::new(
            ResolutionBusinessMinutes,
            &["solutioninmin", "solution in min"],
        ),
    ],
    // Keys are normalised like headers: "pending auto close-" is "pending auto close".
    statuses: &[
        ("pending reminder", Status::Pending),
        ("pending auto close+", Status::Pending),
        ("pending auto close", Status::Pending),
        ("closed successful", Status::Closed),
        ("closed unsuccessful", Status::Closed),
        ("closed with workaround", Status::Closed),
        ("merged", Status::Closed),
        ("removed", Status::Closed),
    ],
};

#[cfg(test)]
mod tests {
    use crate::ingest::{read_export, Field};
    use crate::model::Status::*;

    #[test]
    fn the_statistics_export() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/vendors/otrs.csv"
        );
        let bytes = std::fs::read(path).expect("the fixture is there");
        let export = read_export("otrs.csv", &bytes).expect("the file reads");
        assert_eq!(export.source.format, "otrs");
        assert_eq!(
            export.source.skipped, 0,
            "{:?}",
            export.source.skipped_reasons
        );
        let columns = &export.source.columns;
        assert_eq!(columns[&Field::Id], "TicketNumber");
        assert_eq!(columns[&Field::ClosedAt], "Closed");
        assert_eq!(columns[&Field::FirstResponseAt], "FirstResponse");
        assert_eq!(columns[&Field::Group], "Queue");
        assert_eq!(columns[&Field::Requester], "CustomerUserID");
        assert_eq!(
            columns[&Field::FirstResponseBusinessMinutes],
            "FirstResponseInMin"
        );
        assert_eq!(columns[&Field::ResolutionBusinessMinutes], "SolutionInMin");
        let statuses: Vec<_> = export
            .tickets
            .tickets()
            .filter_map(|t| t.status.clone())
            .collect();
        assert_eq!(
            statuses,
            [New, Open, Pending, Pending, Pending, Closed, Closed, Closed, Closed]
        );
        // SolutionInMin of the closed ones: 120, 45, 0 (merged: OTRS writes 0), 0 (removed).
        let minutes: Vec<_> = export
            .tickets
            .tickets()
            .filter_map(|t| t.resolution_business_minutes.get())
            .collect();
        assert_eq!(minutes.iter().sum::<f64>(), 165.0, "{minutes:?}");
    }
}
