//! Breakdowns: tickets counted by status, channel and priority.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::dataset::Dataset;
use crate::ingest::Field;
use crate::model::Ticket;

/// Reads the categories of a ticket (several for tags).
type Key = fn(&Ticket) -> Vec<&str>;

/// Counts per value, for each field the export has. A blank cell counts as "(blank)"; a ticket
/// counts once under each of its tags.
pub fn breakdowns(dataset: &Dataset) -> BTreeMap<String, BTreeMap<String, usize>> {
    let dimensions: [(&str, Field, Key); 7] = [
        ("status", Field::Status, |t| {
            t.status.iter().map(|s| s.as_str()).collect()
        }),
        ("channel", Field::Channel, |t| {
            t.channel.as_deref().into_iter().collect()
        }),
        ("priority", Field::Priority, |t| {
            t.priority.as_deref().into_iter().collect()
        }),
        ("type", Field::TicketType, |t| {
            t.ticket_type.as_deref().into_iter().collect()
        }),
        ("group", Field::Group, |t| {
            t.group.as_deref().into_iter().collect()
        }),
        ("agent", Field::Agent, |t| {
            t.agent.as_deref().into_iter().collect()
        }),
        ("tag", Field::Tags, |t| {
            t.tags.iter().map(|tag| &**tag).collect()
        }),
    ];
    dimensions
        .into_iter()
        .filter(|(_, field, _)| dataset.has(*field))
        .map(|(name, field, key)| {
            (
                name.to_string(),
                count_by(&dataset.tickets, key, field != Field::Tags),
            )
        })
        .collect()
}

fn count_by(tickets: &[Rc<Ticket>], key: Key, count_blank: bool) -> BTreeMap<String, usize> {
    // Counted by borrowed name, turned into owned keys once at the end.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for ticket in tickets {
        let values = key(ticket);
        if values.is_empty() && count_blank {
            *counts.entry("(blank)").or_insert(0) += 1;
        }
        for value in values {
            *counts.entry(value).or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .map(|(name, count)| (name.to_string(), count))
        .collect()
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
