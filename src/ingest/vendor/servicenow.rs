//! ServiceNow incidents exported from a list (right-click → Export → CSV). The CSV header is the
//! fields' column names (`number`, `opened_at`, `resolved_at`, `closed_at`, `state` or
//! `incident_state`, `priority`, `urgency`, `impact`, `assignment_group`, `assigned_to`,
//! `caller_id`, `contact_type`, `made_sla`, `reassignment_count`, `reopen_count`,
//! `sys_updated_on`, `sys_mod_count`, `category`, …), as in public incident data sets exported
//! from ServiceNow; the Excel export and the list's display uses the labels (`Number`, `Opened`,
//! `Resolved`, `Closed`, `State`, `Short description`, `Caller`, `Assignment group`,
//! `Assigned to`, `Channel`, `Made SLA`, `Reopen count`, `Updated`), listed too. Times are
//! `2024-05-06 09:00:00`. Priorities read as written (`1 - Critical` … `5 - Planning`).
//!
//! States: the labels (New, In Progress, On Hold, Resolved, Closed, Canceled) and, where the
//! export writes the stored value, the codes 1, 2, 3, 6, 7, 8 in that order (the incident
//! lifecycle New (1) → In Progress (2) ↔ On Hold (3) → Resolved (6) → Closed (7), Cancelled (8),
//! as public ServiceNow guides give it). A canceled incident is closed without a solve; it is
//! read as closed because ServiceNow's own lists treat it as inactive, like a closed one.
//!
//! Durations are seconds in the stored fields: `business_stc` ("Business resolve time",
//! opened → resolved within the schedule), `calendar_stc` ("Resolve time", opened → resolved),
//! `business_duration` and `calendar_duration` ("Duration"). The last two are filled when the
//! incident *closes* (from memory of ServiceNow's close rule; not confirmed by a source read
//! here), so they include the wait between resolved and closed. The business minutes come from
//! `business_stc` where it is there, else from `business_duration`: no timestamp can give
//! business time without the schedule. Calendar minutes come from `calendar_stc`, never
//! `calendar_duration`: `resolved_at − opened_at` gives them exactly. A list export may write
//! a duration as text (`1 Day 2 Hours 3 Minutes`) and an API export as a datetime counted from
//! 1970-01-01 (`1970-01-01 02:30:00`); see the report for those forms.
//!
//! `made_sla` (`true` / `false`) is the resolution SLA's verdict. `reassignment_count` counts
//! changes of the assignment group after the first, one less than Zendesk's "Group stations"
//! (assignments including the first), so it is not read as group stations.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const SERVICENOW: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "servicenow",
    name: "ServiceNow incident export",
    // Not `number`, `state`, `opened at` or `assigned to`: home-made exports use those too.
    signature: &[
        "short description",
        "caller id",
        "caller",
        "assignment group",
        "incident state",
        "reassignment count",
        "reopen count",
        "contact type",
        "sys id",
        "sys created on",
        "sys created at",
        "sys updated on",
        "sys updated at",
        "sys mod count",
        "sys updated by",
        "sys created by",
        "made sla",
        "opened by",
        "resolved by",
        "close code",
        "close notes",
        "cmdb ci",
        "configuration item",
        "business duration",
        "calendar duration",
        "time worked",
        "business stc",
        "calendar stc",
        "business resolve time",
    ],
    min_signature: 3,
    columns: &[
        C::new(Id, &["number"]),
        C::new(
            CreatedAt,
            &["opened at", "opened", "sys created on", "sys created at"],
        ),
        C::new(UpdatedAt, &["sys updated on", "sys updated at", "updated"]),
        C::new(SolvedAt, &["resolved at", "resolved"]),
        C::new(ClosedAt, &["closed at", "closed"]),
        C::new(Status, &["incident state", "state"]),
        C::new(Channel, &["contact type", "channel"]),
        C::new(Priority, &["priority"]),
        C::new(TicketType, &["category"]),
        C::new(Group, &["assignment group"]),
        C::new(Agent, &["assigned to"]),
        C::new(Requester, &["caller id", "caller", "opened by"]),
        C::new(Reopens, &["reopen count"]),
        C::new(ResolutionMinutes, &["calendar stc", "resolve time"]).seconds(),
        C::new(
            ResolutionBusinessMinutes,
            &["business stc", "business resolve time", "business duration"],
        )
        .seconds(),
        C::new(ResolutionSla, &["made sla"]),
    ],
    statuses: &[
        // The stored state codes.
        ("1", Status::New),
        ("2", Status::Open),
        ("3", Status::OnHold),
        ("6", Status::Solved),
        ("7", Status::Closed),
        ("8", Status::Closed),
        ("new", Status::New),
        ("in progress", Status::Open),
        ("active", Status::Open),
        ("on hold", Status::OnHold),
        ("awaiting user info", Status::Pending),
        ("awaiting caller", Status::Pending),
        ("awaiting evidence", Status::Pending),
        ("awaiting problem", Status::OnHold),
        ("awaiting vendor", Status::OnHold),
        ("awaiting change", Status::OnHold),
        ("resolved", Status::Solved),
        ("closed", Status::Closed),
        // Canceled incidents are inactive, like closed ones, in ServiceNow's own lists.
        ("canceled", Status::Closed),
        ("cancelled", Status::Closed),
    ],
};

#[cfg(test)]
mod tests {
    use crate::ingest::{read_export, Field};
    use crate::model::Status::{self, *};

    /// The fixture read: its columns by field, and its statuses.
    fn read(file: &str) -> (crate::ingest::Export, Vec<Status>) {
        let path = format!(
            "{}/tests/fixtures/vendors/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let export = read_export(file, &bytes).expect("the file reads");
        assert_eq!(export.source.format, "servicenow", "{file}");
        assert_eq!(
            export.source.skipped, 0,
            "{:?}",
            export.source.skipped_reasons
        );
        let statuses = export
            .tickets
            .tickets()
            .filter_map(|t| t.status.clone())
            .collect();
        (export, statuses)
    }

    #[test]
    fn column_names_with_state_codes_and_seconds() {
        let (export, statuses) = read("servicenow_codes.csv");
        let columns = &export.source.columns;
        assert_eq!(columns[&Field::CreatedAt], "opened_at");
        assert_eq!(columns[&Field::Status], "incident_state");
        assert_eq!(columns[&Field::ResolutionMinutes], "calendar_stc");
        assert_eq!(columns[&Field::ResolutionBusinessMinutes], "business_stc");
        assert_eq!(columns[&Field::ResolutionSla], "made_sla");
        assert!(!columns.values().any(|c| c == "reassignment_count"));
        assert_eq!(statuses, [New, Open, OnHold, Solved, Closed, Closed]);
        // business_stc 3600 s and 5400 s → 60 and 90 minutes.
        let business: Vec<f64> = export
            .tickets
            .tickets()
            .filter_map(|t| t.resolution_business_minutes.get())
            .collect();
        assert_eq!(business, [60.0, 90.0]);
    }

    #[test]
    fn display_labels() {
        let (export, statuses) = read("servicenow_labels.csv");
        let columns = &export.source.columns;
        assert_eq!(columns[&Field::Id], "Number");
        assert_eq!(columns[&Field::CreatedAt], "Opened");
        assert_eq!(columns[&Field::SolvedAt], "Resolved");
        assert_eq!(columns[&Field::ClosedAt], "Closed");
        assert_eq!(columns[&Field::UpdatedAt], "Updated");
        assert_eq!(columns[&Field::Channel], "Channel");
        assert_eq!(columns[&Field::ResolutionSla], "Made SLA");
        assert_eq!(
            columns[&Field::ResolutionBusinessMinutes],
            "Business duration"
        );
        assert_eq!(statuses, [Closed, Open, Solved, OnHold, Closed]);
    }
}
