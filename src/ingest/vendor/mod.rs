//! Vendor knowledge as data: one table per export format. Adding a vendor is adding a file here
//! and a line to `VENDORS`.

mod aircall;
mod customers;
mod freshdesk;
mod freshservice;
mod front;
mod generic;
mod glpi;
mod gorgias;
mod halp;
mod help_scout;
mod hubspot;
mod intercom;
mod it_desk;
mod jira_service_management;
mod otrs;
mod salesforce;
mod servicenow;
mod surveys;
mod zendesk;
mod zendesk_explore;
mod zendesk_talk;
mod zoho_desk;

use super::field::{normalize_header, ColumnSpec};
use crate::model::Status;

/// What the rows of an export are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Tickets,
    Calls,
    Surveys,
    Customers,
}

/// One export format.
#[derive(Debug)]
pub struct Vendor {
    pub kind: RecordKind,
    /// Short id, written to the report's `sources[].format`.
    pub id: &'static str,
    /// What the page says it recognised.
    pub name: &'static str,
    /// Normalised headers that mark this vendor's export.
    pub signature: &'static [&'static str],
    /// How many of `signature` must be present.
    pub min_signature: usize,
    pub columns: &'static [ColumnSpec],
    /// Vendor status words (normalised) → canonical status; `values::status` has the common ones.
    pub statuses: &'static [(&'static str, Status)],
}

/// Specific vendors first: `recognise` gives a tie to the vendor listed first, so a vendor whose
/// signature shares columns with another (Freshservice with Freshdesk) comes after it and wins
/// only with columns of its own.
pub const VENDORS: &[&Vendor] = &[
    &zendesk::ZENDESK,
    &zendesk_explore::ZENDESK_EXPLORE,
    &freshdesk::FRESHDESK,
    &freshservice::FRESHSERVICE,
    &jira_service_management::JIRA_SERVICE_MANAGEMENT,
    &servicenow::SERVICENOW,
    &salesforce::SALESFORCE,
    &hubspot::HUBSPOT,
    &zoho_desk::ZOHO_DESK,
    &intercom::INTERCOM,
    &help_scout::HELP_SCOUT,
    &gorgias::GORGIAS,
    &front::FRONT,
    &it_desk::IT_DESK,
    &glpi::GLPI,
    &otrs::OTRS,
    &halp::HALP,
    // Not tickets: calls, survey answers, customers. After the ticket exports so that a tie
    // keeps a ticket export a ticket export.
    &aircall::AIRCALL,
    &zendesk_talk::ZENDESK_TALK,
    &surveys::SURVEYS,
    &customers::CUSTOMERS,
];
pub const FALLBACK: &Vendor = &generic::GENERIC;

/// The vendor whose signature the header matches best (the first listed on a tie), or the
/// generic table.
pub fn recognise(headers: &[String]) -> &'static Vendor {
    let normalised: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let mut best: Option<(&'static Vendor, usize)> = None;
    for &vendor in VENDORS {
        let hits = vendor
            .signature
            .iter()
            .filter(|name| normalised.iter().any(|h| h == *name))
            .count();
        // Strictly more: `Iterator::max_by_key` would hand a tie to the last one listed.
        if hits >= vendor.min_signature && best.is_none_or(|(_, most)| hits > most) {
            best = Some((vendor, hits));
        }
    }
    best.map_or(FALLBACK, |(vendor, _)| vendor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(str::to_string).collect()
    }

    #[test]
    fn recognises_each_vendor_by_its_header() {
        let zendesk =
            "Id,Requester id,Group,Status,Priority,Via,Created at,Solved at,Reopens,Replies";
        assert_eq!(recognise(&headers(zendesk)).id, "zendesk");
        let freshdesk = "Ticket ID,Subject,Status,Priority,Source,Created time,Resolved time,\
                         Closed time,Agent interactions";
        assert_eq!(recognise(&headers(freshdesk)).id, "freshdesk");
        let generic = "Ticket_ID,Channel,Category,Priority,Created_Date,Resolved_Date,Status,Agent";
        assert_eq!(recognise(&headers(generic)).id, "generic");
    }

    #[test]
    fn freshdesk_header_case_does_not_matter() {
        let freshdesk = "Ticket Id,Created Time,Resolved Time,Closed Time,Agent Interactions";
        assert_eq!(recognise(&headers(freshdesk)).id, "freshdesk");
    }

    #[test]
    fn a_tie_goes_to_the_vendor_listed_first() {
        // Five columns Freshdesk and Freshservice share: five hits each, Freshdesk is listed first.
        let shared = "Ticket Id,Created Time,Resolved Time,Closed Time,Agent interactions";
        let freshdesk = VENDORS.iter().position(|v| v.id == "freshdesk");
        let freshservice = VENDORS.iter().position(|v| v.id == "freshservice");
        assert!(freshdesk < freshservice);
        assert_eq!(recognise(&headers(shared)).id, "freshdesk");
        // One column of Freshservice's own breaks the tie.
        let with_urgency = format!("{shared},Urgency");
        assert_eq!(recognise(&headers(&with_urgency)).id, "freshservice");
    }

    #[test]
    fn otrs_ticket_attributes_are_an_otrs_export() {
        let otrs = "TicketNumber,Title,Created,Changed,Closed,State,Priority,Queue,Owner,\
                    CustomerUserID,FirstResponse,FirstResponseInMin,SolutionInMin";
        assert_eq!(recognise(&headers(otrs)).id, "otrs");
    }

    #[test]
    fn a_few_generic_names_do_not_make_a_vendor() {
        // Names several vendors also use, but no vendor's own.
        for line in [
            "Number,State,Opened at,Closed at,Assigned to,Priority",
            "Ticket ID,Ticket Status,Ticket Priority,Customer Email,Assigned to,Rating",
            "Id,Status,Created,Resolved,Assignee,Labels",
            "Conversation ID,Status,Created at,Closed at,Rating",
        ] {
            assert_eq!(recognise(&headers(line)).id, "generic", "{line}");
        }
    }

    /// The header row of a CSV file, decoded and split as `read_export` does.
    fn header_of(path: &std::path::Path) -> Vec<String> {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = crate::ingest::decode::decode(&bytes)
            .unwrap_or_else(|e| panic!("{}: {}", path.display(), e.kind().message().text()))
            .text;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(crate::ingest::delimiter::sniff_delimiter(&text))
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let header = reader
            .records()
            .next()
            .and_then(Result::ok)
            .unwrap_or_else(|| panic!("{}: no header row", path.display()));
        header.iter().map(|h| h.trim().to_string()).collect()
    }

    /// The `.csv` files directly in `dir`, sorted.
    fn csv_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "csv"))
            .collect();
        files.sort();
        files
    }

    /// The vendor a fixture is named after (`zendesk_small.csv`, `it_desk_glpi.csv`), else generic.
    fn named_vendor(path: &std::path::Path) -> &'static str {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        VENDORS
            .iter()
            .map(|v| v.id)
            .filter(|id| stem == *id || stem.starts_with(&format!("{id}_")))
            .max_by_key(|id| id.len())
            .unwrap_or(FALLBACK.id)
    }

    #[test]
    fn every_fixture_is_recognised_as_the_vendor_it_is_named_after() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        // The vendor fixtures, and the older ones (zendesk_small, freshdesk_small, generic_small).
        let fixtures: Vec<_> = csv_files(&root.join("vendors"))
            .into_iter()
            .chain(csv_files(&root))
            .collect();
        for vendor in VENDORS {
            assert!(
                fixtures.iter().any(|f| named_vendor(f) == vendor.id),
                "no fixture for {} in tests/fixtures",
                vendor.id
            );
        }
        for path in &fixtures {
            let found = recognise(&header_of(path)).id;
            assert_eq!(found, named_vendor(path), "{}", path.display());
        }
    }

    #[test]
    fn the_public_data_sets_stay_as_they_were() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
        if !data.is_dir() {
            eprintln!("{} is not here: skipped", data.display());
            return;
        }
        for (set, expected) in [
            ("zendesk-insurer", "zendesk"),
            ("generic-simple", "generic"),
            ("kaggle-support-tickets", "generic"),
        ] {
            let path = data.join(set).join("tickets.csv");
            assert_eq!(recognise(&header_of(&path)).id, expected, "{set}");
        }
    }
}
