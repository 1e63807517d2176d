//! Vendor knowledge as data: one table per export format. Adding a vendor is adding a file here
//! and a line to `VENDORS`.

mod freshdesk;
mod generic;
mod zendesk;

use super::field::{normalize_header, ColumnSpec};
use crate::model::Status;

/// One export format.
#[derive(Debug)]
pub struct Vendor {
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

/// Specific vendors first; the generic table is the fallback.
pub const VENDORS: &[&Vendor] = &[&zendesk::ZENDESK, &freshdesk::FRESHDESK];
pub const FALLBACK: &Vendor = &generic::GENERIC;

/// The vendor whose signature the header matches best, or the generic table.
pub fn recognise(headers: &[String]) -> &'static Vendor {
    let normalised: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    VENDORS
        .iter()
        .map(|vendor| {
            let hits = vendor
                .signature
                .iter()
                .filter(|name| normalised.iter().any(|h| h == *name))
                .count();
            (vendor, hits)
        })
        .filter(|(vendor, hits)| *hits >= vendor.min_signature)
        .max_by_key(|(_, hits)| *hits)
        .map(|(vendor, _)| *vendor)
        .unwrap_or(FALLBACK)
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
}
