//! Breakdowns: tickets counted by status, channel and priority.

use std::collections::BTreeMap;

use crate::dataset::Dataset;
use crate::model::table::Categories;
use crate::model::Field;
use crate::stats::count_codes;

/// The name under which tickets with a blank cell are counted. No ticket holds it, so no filter
/// can select them by it.
pub const BLANK: &str = "(blank)";

/// Counts per value, for each field the export has. A blank cell counts as `BLANK`; a ticket
/// counts once under each of its tags.
pub fn breakdowns(dataset: &Dataset) -> BTreeMap<String, BTreeMap<String, usize>> {
    let table = dataset.table();
    let singles: [(&str, Field, &Categories); 6] = [
        ("status", Field::Status, &table.status),
        ("channel", Field::Channel, &table.channel),
        ("priority", Field::Priority, &table.priority),
        ("type", Field::TicketType, &table.ticket_type),
        ("group", Field::Group, &table.group),
        ("agent", Field::Agent, &table.agent),
    ];
    let rows = dataset.rows();
    let mut out: BTreeMap<String, BTreeMap<String, usize>> = singles
        .into_iter()
        .filter(|(_, field, _)| dataset.has(*field))
        .map(|(name, _, category)| {
            let counts = count_codes(rows, &category.codes, category.names.len() + 1);
            (name.to_string(), named(category, counts, Some(BLANK)))
        })
        .collect();
    if dataset.has(Field::Tags) {
        // Rows by their list of tags (lists are shared), then each list's tags.
        let tags = &table.tags;
        let mut counts = vec![0; tags.tags.names.len() + 1];
        let lists = count_codes(rows, &tags.lists_of, tags.lists.len());
        for (list, rows) in tags.lists.iter().zip(lists) {
            for &tag in list.iter() {
                counts[tag as usize] += rows;
            }
        }
        out.insert("tag".to_string(), named(&tags.tags, counts, None));
    }
    out
}

/// Counts by code as counts by name: blank cells under `blank` (left out when `None`), values
/// no row holds left out.
fn named(
    category: &Categories,
    counts: Vec<usize>,
    blank: Option<&str>,
) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (code, count) in counts.into_iter().enumerate() {
        let name = category.name(code as u32).or(blank);
        if let (Some(name), true) = (name, count > 0) {
            *out.entry(name.to_string()).or_insert(0) += count;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;

    #[test]
    fn counts_canonical_values() {
        let data = dataset(
            "Id,Status,Via,Created at,Tags\n\
             1,Solved,Mail,2024-01-01 09:00,vip billing\n\
             2,Hold,Mail,2024-01-01 09:00,billing\n\
             3,Solved,Chat,2024-01-01 09:00,\n\
             4,Open,,2024-01-01 09:00,\n",
        );
        let result = breakdowns(&data);
        assert_eq!(result["status"]["solved"], 2);
        assert_eq!(result["status"]["on_hold"], 1);
        assert_eq!(result["channel"]["email"], 2);
        assert_eq!(result["channel"]["(blank)"], 1);
        assert!(!result.contains_key("priority"));
        // Tags: billing on 1 and 2, vip on 1; untagged tickets are not counted as "(blank)".
        assert_eq!(result["tag"]["billing"], 2);
        assert_eq!(result["tag"]["vip"], 1);
        assert!(!result["tag"].contains_key("(blank)"));
    }
}
