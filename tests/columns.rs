//! The columnar table against the tickets themselves: a selection made of rows of the whole
//! data's table must give the KPIs, tables and series that the selected tickets give when they
//! are a dataset of their own (their own table, chosen by `Selection::matches` on the texts).

use helpdesk_kpi::dataset::Dataset;
use helpdesk_kpi::kpi::{self, Context};
use helpdesk_kpi::selection::Selection;
use helpdesk_kpi::settings::Settings;

fn sample(tickets: u64) -> Dataset {
    let mut bytes = Vec::new();
    helpdesk_kpi::sample::write_zendesk_csv(&mut bytes, 11, Some(tickets)).expect("in memory");
    let options = Settings::default()
        .read_options()
        .expect("default settings");
    let (dataset, errors) = helpdesk_kpi::load_in([("sample.csv", bytes.as_slice())], &options);
    assert!(errors.is_empty(), "{errors:?}");
    dataset
}

/// The selected tickets as a dataset of their own.
fn alone(whole: &Dataset, selection: &Selection) -> Dataset {
    let mut alone = whole.empty_like();
    alone.tickets = whole
        .tickets
        .iter()
        .filter(|t| selection.matches(t))
        .cloned()
        .collect();
    alone
}

#[test]
fn rows_of_the_table_give_what_the_tickets_give() {
    let whole = sample(3_000);
    let first = |facet: &str| whole.facets()[facet][0].clone();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 7, d);
    let selections = [
        Selection::default(),
        Selection {
            channel: vec![first("channel").to_uppercase()],
            ..Selection::default()
        },
        Selection {
            agent: vec![first("agent")],
            tag: vec![first("tag")],
            ..Selection::default()
        },
        Selection {
            from: day(1),
            to: day(20),
            priority: vec![first("priority")],
            ..Selection::default()
        },
        Selection {
            group: vec!["no such group".into()],
            ..Selection::default()
        },
    ];
    let settings = Settings {
        business_hours: Some(Default::default()),
        ..Settings::default()
    };
    for selection in selections {
        let (part, own) = (whole.select(&selection), alone(&whole, &selection));
        assert_eq!(part.len(), own.tickets.len(), "{selection:?}");
        // Every selection but the group no ticket has keeps some tickets, and a filter not all.
        let nothing = !selection.group.is_empty();
        assert_eq!(part.is_empty(), nothing, "{selection:?}");
        assert!(selection.is_everything() || part.len() < whole.len());
        let context = |_: &Dataset| {
            Context::new(&settings, whole.as_of(), None)
                .expect("settings compile")
                .with_population(&whole)
        };
        let (mut by_rows, mut by_tickets) = (
            kpi::compute(&part, &context(&part)),
            kpi::compute(&own, &context(&own)),
        );
        // The next contact is looked for in the table's tickets: all the data for a selection,
        // only themselves for tickets on their own.
        by_rows.remove("repeat_contact_rate");
        by_tickets.remove("repeat_contact_rate");
        assert_eq!(by_rows, by_tickets, "{selection:?}");
        assert_eq!(kpi::breakdowns(&part), kpi::breakdowns(&own));
        assert_eq!(kpi::distributions(&part), kpi::distributions(&own));
        assert_eq!(kpi::created_vs_solved(&part), kpi::created_vs_solved(&own));
        assert_eq!(kpi::heat_map(&part), kpi::heat_map(&own));
        assert_eq!(
            kpi::backlog_over_time(&part, whole.as_of()),
            kpi::backlog_over_time(&own, whole.as_of())
        );
        assert_eq!(
            kpi::agent_leaderboard(&part, &context(&part)),
            kpi::agent_leaderboard(&own, &context(&own))
        );
        assert_eq!(
            kpi::channel_performance(&part),
            kpi::channel_performance(&own)
        );
        assert_eq!(kpi::feedback_terms(&part), kpi::feedback_terms(&own));
        assert_eq!(
            kpi::weekly(&part, &by_rows).kpis,
            kpi::weekly(&own, &by_tickets).kpis
        );
    }
}
