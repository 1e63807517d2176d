//! Atlassian Halp (Slack / Teams ticketing) ticket exports.
//!
//! Not confirmed: no public documentation, repository or thread read here shows a Halp export
//! header. The table follows the names the brief reports from seen exports (`Created At`,
//! `Resolved At`, `Status`, `Assignee`, `Team`, `First Response Time Disregarding Working
//! Hours`, `Resolution Time Disregarding Working Hours`, durations as `H:MM:SS` with hours
//! above 24) and accepts the plausible neighbours of each. The two `Disregarding Working Hours`
//! names are Halp's own and are the whole signature: one is enough, since no other export uses
//! them.
//!
//! Those two are calendar durations. A plain `First Response Time` / `Resolution Time` beside
//! them would then be the working-hours clock (the only reason to name the other one
//! "disregarding"), so they feed the business fields; this too is an inference, not a source.
//! Halp's `Channel` is the Slack or Teams channel a ticket came from (`#it-help`), not a medium
//! like email or phone, so this table does not read it as the channel. The generic names, which
//! feed every field a vendor leaves unfed, still pick it up: a vendor cannot yet refuse one.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const HALP: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "halp",
    name: "Halp ticket export",
    signature: &[
        "first response time disregarding working hours",
        "resolution time disregarding working hours",
    ],
    min_signature: 1,
    columns: &[
        C::new(
            Id,
            &[
                "ticket id",
                "ticket number",
                "ticket #",
                "id",
                "number",
                "key",
            ],
        ),
        C::new(CreatedAt, &["created at", "created", "created date"]),
        C::new(UpdatedAt, &["updated at", "updated", "last updated at"]),
        C::new(SolvedAt, &["resolved at", "resolved", "resolved date"]),
        C::new(ClosedAt, &["closed at", "closed"]),
        C::new(
            FirstResponseAt,
            &["first response at", "first responded at"],
        ),
        C::new(Status, &["status", "ticket status"]),
        C::new(Priority, &["priority"]),
        C::new(TicketType, &["form", "ticket form", "type", "category"]),
        C::new(Group, &["team", "queue"]),
        C::new(Agent, &["assignee", "assigned to", "agent"]),
        C::new(
            Requester,
            &["requester", "requester email", "reporter", "requester name"],
        ),
        C::new(
            FirstResponseMinutes,
            &["first response time disregarding working hours"],
        ),
        C::new(
            FirstResponseBusinessMinutes,
            &[
                "first response time",
                "first response time within working hours",
            ],
        ),
        C::new(
            ResolutionMinutes,
            &["resolution time disregarding working hours"],
        ),
        C::new(
            ResolutionBusinessMinutes,
            &["resolution time", "resolution time within working hours"],
        ),
        C::new(Satisfaction, &["csat", "satisfaction", "rating"]),
        C::new(Tags, &["tags", "labels"]),
    ],
    // Not confirmed: Halp's default and usual custom statuses.
    statuses: &[
        ("in progress", Status::Open),
        ("needs response", Status::Open),
        ("waiting on requester", Status::Pending),
        ("waiting on customer", Status::Pending),
        ("waiting for customer", Status::Pending),
        ("blocked", Status::OnHold),
        ("done", Status::Solved),
    ],
};

#[cfg(test)]
mod tests {
    use crate::ingest::{read_export, Field};
    use crate::model::Status::*;

    #[test]
    fn clock_durations_past_a_day() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/vendors/halp.csv"
        );
        let bytes = std::fs::read(path).expect("the fixture is there");
        let export = read_export("halp.csv", &bytes).expect("the file reads");
        assert_eq!(export.source.format, "halp");
        assert_eq!(
            export.source.skipped, 0,
            "{:?}",
            export.source.skipped_reasons
        );
        let columns = &export.source.columns;
        assert_eq!(columns[&Field::CreatedAt], "Created At");
        assert_eq!(columns[&Field::SolvedAt], "Resolved At");
        assert_eq!(columns[&Field::Group], "Team");
        assert_eq!(columns[&Field::Agent], "Assignee");
        assert_eq!(
            columns[&Field::FirstResponseMinutes],
            "First Response Time Disregarding Working Hours"
        );
        assert_eq!(
            columns[&Field::ResolutionMinutes],
            "Resolution Time Disregarding Working Hours"
        );
        // Fed by the generic fallback, not by this table (see the module doc).
        assert_eq!(columns[&Field::Channel], "Channel");
        let statuses: Vec<_> = export
            .tickets
            .tickets()
            .filter_map(|t| t.status.clone())
            .collect();
        assert_eq!(statuses, [Solved, Open, Closed, Pending, Open]);
        // 2:00:00, 26:30:00 and 0:20:00 → 120, 1590 and 20 minutes.
        let resolution: Vec<f64> = export
            .tickets
            .tickets()
            .filter_map(|t| t.resolution_minutes.get())
            .collect();
        assert_eq!(resolution, [120.0, 1590.0, 20.0]);
    }
}
