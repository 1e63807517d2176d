//! Breakdowns: tickets counted by status, channel and priority.

use std::collections::BTreeMap;

use crate::dataset::Dataset;
use crate::ingest::Field;
use crate::model::Ticket;

/// Reads one category of a ticket.
type Key = fn(&Ticket) -> Option<&str>;

/// Counts per value, for each field the export has. A blank cell counts as "(blank)".
pub fn breakdowns(dataset: &Dataset) -> BTreeMap<String, BTreeMap<String, usize>> {
    let dimensions: [(&str, Field, Key); 4] = [
        ("status", Field::Status, |t| {
            t.status.as_ref().map(|s| s.as_str())
        }),
        ("channel", Field::Channel, |t| t.channel.as_deref()),
        ("priority", Field::Priority, |t| t.priority.as_deref()),
        ("type", Field::TicketType, |t| t.ticket_type.as_deref()),
    ];
    dimensions
        .into_iter()
        .filter(|(_, field, _)| dataset.has(*field))
        .map(|(name, _, key)| (name.to_string(), count_by(&dataset.tickets, key)))
        .collect()
}

fn count_by(tickets: &[Ticket], key: Key) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for ticket in tickets {
        let name = key(ticket).unwrap_or("(blank)").to_string();
        *counts.entry(name).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;

    #[test]
    fn counts_canonical_values() {
        let data = dataset(
            "Id,Status,Via,Created at\n\
             1,Solved,Mail,2024-01-01 09:00\n\
             2,Hold,Mail,2024-01-01 09:00\n\
             3,Solved,Chat,2024-01-01 09:00\n\
             4,Open,,2024-01-01 09:00\n",
        );
        let result = breakdowns(&data);
        assert_eq!(result["status"]["solved"], 2);
        assert_eq!(result["status"]["on_hold"], 1);
        assert_eq!(result["channel"]["email"], 2);
        assert_eq!(result["channel"]["(blank)"], 1);
        assert!(!result.contains_key("priority"));
    }
}
