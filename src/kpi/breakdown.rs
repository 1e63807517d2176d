//! Breakdowns: tickets counted by status, channel and priority.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::dataset::Dataset;
use crate::ingest::Field;
use crate::model::Ticket;
use rustc_hash::FxHashMap;

/// The name under which tickets with a blank cell are counted. No ticket holds it, so no filter
/// can select them by it.
pub const BLANK: &str = "(blank)";

/// Counts per value, for each field the export has. A blank cell counts as `BLANK`; a ticket
/// counts once under each of its tags.
pub fn breakdowns(dataset: &Dataset) -> BTreeMap<String, BTreeMap<String, usize>> {
    let singles: [(&str, Field, Key); 6] = [
        ("status", Field::Status, |t| {
            t.status.as_ref().map(|s| s.as_str())
        }),
        ("channel", Field::Channel, |t| t.channel.as_deref()),
        ("priority", Field::Priority, |t| t.priority.as_deref()),
        ("type", Field::TicketType, |t| t.ticket_type.as_deref()),
        ("group", Field::Group, |t| t.group.as_deref()),
        ("agent", Field::Agent, |t| t.agent.as_deref()),
    ];
    let mut out: BTreeMap<String, BTreeMap<String, usize>> = singles
        .into_iter()
        .filter(|(_, field, _)| dataset.has(*field))
        .map(|(name, _, key)| (name.to_string(), count_by(&dataset.tickets, key)))
        .collect();
    if dataset.has(Field::Tags) {
        out.insert("tag".to_string(), count_tags(&dataset.tickets));
    }
    out
}

/// Reads one category of a ticket.
type Key = fn(&Ticket) -> Option<&str>;

/// Counted by borrowed name in a hash map (no allocation per ticket), turned into sorted owned
/// keys once at the end.
fn count_by<'t>(
    tickets: &'t [Rc<Ticket>],
    key: impl Fn(&'t Ticket) -> Option<&'t str>,
) -> BTreeMap<String, usize> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for ticket in tickets {
        *counts.entry(key(ticket).unwrap_or(BLANK)).or_insert(0) += 1;
    }
    owned(counts)
}

/// Each ticket once under each of its tags; untagged tickets are not counted.
fn count_tags(tickets: &[Rc<Ticket>]) -> BTreeMap<String, usize> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for ticket in tickets {
        for tag in ticket.tags.iter() {
            *counts.entry(&**tag).or_insert(0) += 1;
        }
    }
    owned(counts)
}

fn owned(counts: FxHashMap<&str, usize>) -> BTreeMap<String, usize> {
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
