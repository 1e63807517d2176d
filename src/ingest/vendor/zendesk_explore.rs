//! Zendesk Explore reports exported as CSV or XLSX (a table report with `Ticket ID` as a row):
//! one column per attribute or metric, named as Explore names them.
//!
//! Source: Zendesk's "Metrics and attributes for Zendesk Support" (support.zendesk.com, article
//! 4408827693594, Tickets dataset): attributes `Ticket ID`, `Ticket status`, `Ticket group`,
//! `Ticket channel`, `Ticket priority`, `Ticket type`, `Ticket tags`, `Ticket satisfaction
//! rating` (Good / Bad / Offered / Unoffered), `Assignee name`, `Ticket created - Timestamp` /
//! `- Date`, `Ticket solved - Timestamp`, `Ticket updated - Timestamp`; metrics `First reply time
//! (min)`, `First resolution time (min)`, `Full resolution time (min)` (listed once as `Full
//! resolution time - min`), `Requester wait time (min)`, `Agent wait time (min)`, their `(hrs)`
//! and `(days)` forms (the minutes / 60 and / 60 / 24), their `- Business hours (min)` forms,
//! `Agent replies`, `Reopens`, `Group stations`. Public scripts reading these exports use the
//! same spellings (`Ticket created - Timestamp`, `Ticket solved - Timestamp`, `Assignee name`).
//!
//! Not confirmed: how a metric's aggregator shows in an exported header. The page shows
//! `SUM(First reply time (min))`-like labels; with one ticket per row every aggregator gives the
//! ticket's value, so `sum(…)`, `avg(…)`, `med(…)`, `max(…)` and `min(…)` are accepted for the
//! duration metrics. `(days)` columns have no unit here yet and are not read. `Requester wait
//! time (min)` and `First reply time brackets` (text like `1-8 hrs`) feed no field; they help
//! recognise the export.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};

pub const ZENDESK_EXPLORE: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "zendesk_explore",
    name: "Zendesk Explore report export",
    // Not `Ticket ID`, `Ticket status`, `Ticket priority`, `Ticket channel` or `Ticket type`: the
    // public Kaggle support-ticket data set uses those too.
    signature: &[
        "ticket created timestamp",
        "ticket created date",
        "ticket solved timestamp",
        "ticket solved date",
        "ticket updated timestamp",
        "ticket assigned timestamp",
        "ticket first assigned timestamp",
        "ticket satisfaction rating",
        "ticket status unsorted",
        "ticket group",
        "ticket tags",
        "ticket brand",
        "ticket form",
        "assignee name",
        "first reply time (min)",
        "first resolution time (min)",
        "full resolution time (min)",
        "requester wait time (min)",
        "agent wait time (min)",
        "on hold time (min)",
        "first reply time brackets",
        "full resolution time brackets",
        "agent replies",
    ],
    min_signature: 2,
    columns: &[
        C::new(Id, &["ticket id"]),
        C::new(
            CreatedAt,
            &["ticket created timestamp", "ticket created date"],
        ),
        C::new(
            UpdatedAt,
            &["ticket updated timestamp", "ticket updated date"],
        ),
        C::new(SolvedAt, &["ticket solved timestamp", "ticket solved date"]),
        C::new(Status, &["ticket status", "ticket status unsorted"]),
        C::new(Channel, &["ticket channel"]),
        C::new(Priority, &["ticket priority", "ticket priority unsorted"]),
        C::new(TicketType, &["ticket type", "ticket type unsorted"]),
        C::new(Group, &["ticket group"]),
        C::new(Agent, &["assignee name"]),
        C::new(
            Requester,
            &["requester email", "requester name", "requester id"],
        ),
        C::new(
            FirstResponseMinutes,
            &[
                "first reply time (min)",
                "sum(first reply time (min))",
                "avg(first reply time (min))",
                "med(first reply time (min))",
                "max(first reply time (min))",
                "min(first reply time (min))",
            ],
        ),
        C::new(
            FirstResponseMinutes,
            &[
                "first reply time (hrs)",
                "sum(first reply time (hrs))",
                "avg(first reply time (hrs))",
            ],
        )
        .hours(),
        C::new(
            FirstResponseBusinessMinutes,
            &[
                "first reply time business hours (min)",
                "sum(first reply time business hours (min))",
                "avg(first reply time business hours (min))",
            ],
        ),
        C::new(
            ResolutionMinutes,
            &[
                "full resolution time (min)",
                "full resolution time min",
                "sum(full resolution time (min))",
                "avg(full resolution time (min))",
                "med(full resolution time (min))",
                "max(full resolution time (min))",
                "min(full resolution time (min))",
            ],
        ),
        C::new(
            ResolutionMinutes,
            &[
                "full resolution time (hrs)",
                "sum(full resolution time (hrs))",
                "avg(full resolution time (hrs))",
            ],
        )
        .hours(),
        C::new(
            ResolutionBusinessMinutes,
            &[
                "full resolution time business hours (min)",
                "sum(full resolution time business hours (min))",
                "avg(full resolution time business hours (min))",
            ],
        ),
        C::new(Replies, &["agent replies", "sum(agent replies)"]),
        C::new(Reopens, &["reopens", "sum(reopens)"]),
        C::new(Satisfaction, &["ticket satisfaction rating"]),
        C::new(Tags, &["ticket tags"]),
        // Zendesk's own meaning: groups the ticket was assigned to, the first included.
        C::new(GroupStations, &["group stations", "sum(group stations)"]),
    ],
    // Explore writes Zendesk's words (New, Open, Pending, Hold, Solved, Closed): common ones.
    statuses: &[],
};

#[cfg(test)]
mod tests {
    use crate::ingest::{read_export, Field};
    use crate::model::Status::*;

    #[test]
    fn the_ticket_report() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/vendors/zendesk_explore.csv"
        );
        let bytes = std::fs::read(path).expect("the fixture is there");
        let export = read_export("zendesk_explore.csv", &bytes).expect("the file reads");
        assert_eq!(export.source.format, "zendesk_explore");
        assert_eq!(
            export.source.skipped, 0,
            "{:?}",
            export.source.skipped_reasons
        );
        let columns = &export.source.columns;
        assert_eq!(columns[&Field::Id], "Ticket ID");
        assert_eq!(columns[&Field::CreatedAt], "Ticket created - Timestamp");
        assert_eq!(columns[&Field::SolvedAt], "Ticket solved - Timestamp");
        assert_eq!(columns[&Field::UpdatedAt], "Ticket updated - Timestamp");
        assert_eq!(columns[&Field::Group], "Ticket group");
        assert_eq!(columns[&Field::Agent], "Assignee name");
        assert_eq!(
            columns[&Field::FirstResponseMinutes],
            "First reply time (min)"
        );
        assert_eq!(
            columns[&Field::ResolutionMinutes],
            "Full resolution time (min)"
        );
        assert_eq!(columns[&Field::Satisfaction], "Ticket satisfaction rating");
        assert_eq!(columns[&Field::Reopens], "Reopens");
        assert!(!columns.values().any(|c| c.starts_with("Requester wait")));
        let statuses: Vec<_> = export
            .tickets
            .tickets()
            .filter_map(|t| t.status.clone())
            .collect();
        assert_eq!(statuses, [Solved, Open, Closed, Pending, OnHold, New]);
        // First reply time (min): 30, 120, 15, 45 → 210 in all.
        let first: f64 = export
            .tickets
            .tickets()
            .filter_map(|t| t.first_response_minutes.get())
            .sum();
        assert_eq!(first, 210.0);
    }
}
