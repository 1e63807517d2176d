//! Jira Service Management issues exported as CSV (Filters → Export → CSV). Column names are
//! Jira's (`Issue key`, `Issue id`, `Issue Type`, `Status`, `Priority`, `Assignee`, `Reporter`,
//! `Created`, `Updated`, `Resolved`, `Resolution`, `Custom field (Request Type)`,
//! `Custom field (Satisfaction)`, `Custom field ([CHART] Date of First Response)`, …) as public
//! scripts that read these exports spell them; dates look like `22/Nov/26 3:45 PM`. Satisfaction
//! is the 1–5 rating.
//!
//! The same issues flattened from the REST API (`GET /rest/api/2/search`, pandas
//! `json_normalize`) name their columns by path: `key`, `fields.created`, `fields.updated`,
//! `fields.resolutiondate`, `fields.status.name`, `fields.priority.name`,
//! `fields.issuetype.name`, `fields.assignee.displayName`, `fields.reporter.displayName`,
//! `fields.labels` (Jira's REST field names, from its REST reference; the flattened spelling is
//! the usual pandas one, not confirmed from a public export). REST times carry an offset
//! without a colon (`2024-06-03T09:00:00.000+0000`).
//!
//! `Custom field (Time to first response)` and `Custom field (Time to resolution)` hold the SLA
//! clocks' *remaining* time (public scripts read a leading `-` as breached), not elapsed
//! durations, so they are not read as durations: times come from `Created` → `Resolved`, and
//! first replies from the `[CHART] Date of First Response` field where the project has it.
//!
//! Statuses: the default service-project workflows' (Open, Waiting for support, Waiting for
//! customer, In Progress, Pending, Escalated, Resolved, Closed, Canceled, Done). A canceled
//! request is closed without a fix; it is read as closed (inactive), as Jira's own reports do.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const JIRA_SERVICE_MANAGEMENT: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "jira_service_management",
    name: "Jira Service Management CSV export",
    signature: &[
        "issue key",
        "issue id",
        "issue type",
        "project key",
        "project name",
        "project type",
        "reporter",
        "creator",
        "last viewed",
        "status category",
        "status category changed",
        "custom field (time to first response)",
        "custom field (time to resolution)",
        "custom field (request type)",
        "custom field (satisfaction)",
        "custom field (satisfaction date)",
        "custom field ([chart] date of first response)",
        // Flattened REST fields
        "fields created",
        "fields resolutiondate",
        "fields status name",
        "fields issuetype name",
        "fields assignee displayname",
        "fields reporter displayname",
    ],
    min_signature: 3,
    columns: &[
        C::new(Id, &["issue key", "key", "issue id"]),
        C::new(CreatedAt, &["created", "fields created"]),
        C::new(UpdatedAt, &["updated", "fields updated"]),
        C::new(
            SolvedAt,
            &["resolved", "resolution date", "fields resolutiondate"],
        ),
        C::new(
            FirstResponseAt,
            &["custom field ([chart] date of first response)"],
        ),
        C::new(Status, &["status", "fields status name"]),
        C::new(
            Channel,
            &["custom field (source)", "request channel", "channel"],
        ),
        C::new(Priority, &["priority", "fields priority name"]),
        C::new(
            TicketType,
            &[
                "custom field (request type)",
                "request type",
                "issue type",
                "fields issuetype name",
            ],
        ),
        C::new(Group, &["custom field (team)", "team"]),
        C::new(Agent, &["assignee", "fields assignee displayname"]),
        C::new(
            Requester,
            &[
                "reporter",
                "custom field (customer)",
                "fields reporter displayname",
            ],
        ),
        C::new(
            Satisfaction,
            &["satisfaction rating", "custom field (satisfaction)"],
        ),
        C::new(Tags, &["labels", "fields labels"]),
    ],
    statuses: &[
        ("waiting for support", Status::Open),
        ("waiting for customer", Status::Pending),
        ("in progress", Status::Open),
        ("work in progress", Status::Open),
        ("to do", Status::Open),
        ("escalated", Status::Open),
        ("waiting for approval", Status::Pending),
        ("done", Status::Solved),
        // Closed without a fix is still closed (inactive) in Jira's own reports.
        ("canceled", Status::Closed),
        ("cancelled", Status::Closed),
        ("declined", Status::Closed),
    ],
};

#[cfg(test)]
mod tests {
    use crate::ingest::{read_export, Field};
    use crate::model::Status::*;

    #[test]
    fn the_csv_export() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/vendors/jira_service_management.csv"
        );
        let bytes = std::fs::read(path).expect("the fixture is there");
        let export = read_export("jira_service_management.csv", &bytes).expect("the file reads");
        assert_eq!(export.source.format, "jira_service_management");
        assert_eq!(
            export.source.skipped, 0,
            "{:?}",
            export.source.skipped_reasons
        );
        let columns = &export.source.columns;
        assert_eq!(columns[&Field::Id], "Issue key");
        assert_eq!(columns[&Field::SolvedAt], "Resolved");
        assert_eq!(
            columns[&Field::FirstResponseAt],
            "Custom field ([CHART] Date of First Response)"
        );
        // The SLA clocks' remaining time is not a duration.
        assert!(!columns.contains_key(&Field::FirstResponseMinutes));
        assert!(!columns.contains_key(&Field::ResolutionMinutes));
        let statuses: Vec<_> = export
            .tickets
            .tickets()
            .filter_map(|t| t.status.clone())
            .collect();
        assert_eq!(statuses, [Solved, Open, Closed, Pending, Closed]);
    }

    #[test]
    fn flattened_rest_fields() {
        let csv = "key,fields.issuetype.name,fields.status.name,fields.priority.name,\
                   fields.assignee.displayName,fields.reporter.displayName,fields.created,\
                   fields.resolutiondate\n\
                   ITSD-1,Incident,Escalated,High,Ana Ruiz,Carl,2024-06-03 09:00:00,\n\
                   ITSD-2,Service Request,Done,Low,Ben Cho,Dana,2024-06-03 10:00:00,\
                   2024-06-03 12:00:00\n\
                   ITSD-3,Service Request,Waiting for approval,Low,,Erik,\
                   2024-06-04 08:00:00,\n";
        let export = read_export("issues.csv", csv.as_bytes()).expect("the file reads");
        assert_eq!(export.source.format, "jira_service_management");
        let columns = &export.source.columns;
        assert_eq!(columns[&Field::Id], "key");
        assert_eq!(columns[&Field::CreatedAt], "fields.created");
        assert_eq!(columns[&Field::SolvedAt], "fields.resolutiondate");
        assert_eq!(columns[&Field::Status], "fields.status.name");
        assert_eq!(columns[&Field::Agent], "fields.assignee.displayName");
        assert_eq!(columns[&Field::TicketType], "fields.issuetype.name");
        let statuses: Vec<_> = export
            .tickets
            .tickets()
            .filter_map(|t| t.status.clone())
            .collect();
        assert_eq!(statuses, [Open, Solved, Pending]);
    }
}
