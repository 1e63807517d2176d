//! The columnar table against the tickets themselves: a selection made of rows of the whole
//! data's table must give the KPIs, tables and series that the selected tickets give when they
//! are a dataset of their own (their own table, the tickets chosen here on their texts).

use helpdesk_kpi::dataset::Dataset;
use helpdesk_kpi::ingest::read_export;
use helpdesk_kpi::kpi::{self, Context};
use helpdesk_kpi::model::table::TicketTable;
use helpdesk_kpi::model::Ticket;
use helpdesk_kpi::selection::Selection;
use helpdesk_kpi::settings::Settings;

fn sample_csv(tickets: u64) -> Vec<u8> {
    let mut bytes = Vec::new();
    helpdesk_kpi::sample::write_zendesk_csv(&mut bytes, 11, Some(tickets)).expect("in memory");
    bytes
}

fn sample(bytes: &[u8]) -> Dataset {
    let options = Settings::default()
        .read_options()
        .expect("default settings");
    let (dataset, errors) = helpdesk_kpi::load_in([("sample.csv", bytes)], &options);
    assert!(errors.is_empty(), "{errors:?}");
    dataset
}

/// The selection's choice over a ticket's texts, written apart from the row filter.
fn matches(selection: &Selection, ticket: &Ticket) -> bool {
    let day = ticket
        .created_at
        .get()
        .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
        .map(|t| t.date_naive());
    let in_range = match (selection.from, selection.to) {
        (None, None) => true,
        (from, to) => day.is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t)),
    };
    let any = |wanted: &[String], value: Option<&str>| {
        wanted.is_empty() || value.is_some_and(|v| wanted.iter().any(|w| w.eq_ignore_ascii_case(v)))
    };
    in_range
        && any(&selection.channel, ticket.channel.as_deref())
        && any(&selection.group, ticket.group.as_deref())
        && any(&selection.agent, ticket.agent.as_deref())
        && any(&selection.priority, ticket.priority.as_deref())
        && any(&selection.ticket_type, ticket.ticket_type.as_deref())
        && (selection.tag.is_empty()
            || ticket
                .tags
                .iter()
                .any(|t| selection.tag.iter().any(|w| w.eq_ignore_ascii_case(t))))
}

/// The selected tickets, read again from the file, as a dataset of their own.
fn alone(bytes: &[u8], whole: &Dataset, selection: &Selection) -> Dataset {
    let export = read_export("sample.csv", bytes).expect("the sample reads");
    let tickets: Vec<Ticket> = export
        .tickets
        .tickets()
        .filter(|t| matches(selection, t))
        .collect();
    Dataset::of_table(
        TicketTable::of_tickets(&tickets, whole.zone),
        whole.fields.clone(),
        whole.zone,
    )
}

#[test]
fn rows_of_the_table_give_what_the_tickets_give() {
    let bytes = sample_csv(3_000);
    let whole = sample(&bytes);
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
    let compiled = settings.compile().expect("settings compile");
    for selection in selections {
        let (part, own) = (whole.select(&selection), alone(&bytes, &whole, &selection));
        assert_eq!(part.len(), own.len(), "{selection:?}");
        // Every selection but the group no ticket has keeps some tickets, and a filter not all.
        let nothing = !selection.group.is_empty();
        assert_eq!(part.is_empty(), nothing, "{selection:?}");
        assert!(selection.is_everything() || part.len() < whole.len());
        let context =
            |_: &Dataset| Context::new(&compiled, whole.as_of(), None).with_population(&whole);
        let (mut by_rows, mut by_tickets) = (
            kpi::compute(&part, &context(&part)),
            kpi::compute(&own, &context(&own)),
        );
        // The next contact is looked for in the table's tickets: all the data for a selection,
        // only themselves for tickets on their own.
        by_rows.remove("repeat_contact_rate");
        by_tickets.remove("repeat_contact_rate");
        assert_eq!(by_rows, by_tickets, "{selection:?}");
        // Cards made in a shared pass (the timing cards') are each its entry's formula alone.
        for definition in kpi::CATALOGUE {
            if let Some(card) = by_rows.get(definition.id.name()) {
                let alone = definition.compute(&part, &context(&part));
                assert_eq!(card, &alone, "{} {selection:?}", definition.id);
            }
        }
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
        // As the report makes them: the channel rows from the cards' medians per channel, the
        // leaderboard, histograms and heat map folded in the weekly series' pass.
        let card = |id: &str| by_rows.get(id);
        assert_eq!(
            kpi::channel_performance_with(
                &part,
                card("first_response_time"),
                card("resolution_time")
            ),
            kpi::channel_performance(&own)
        );
        let context_of_part = context(&part);
        let mut board = kpi::AgentBoard::new(&part, &context_of_part);
        let (mut histograms, mut arrivals) = (
            kpi::DistributionCounts::new(part.table()),
            kpi::HeatMap::default(),
        );
        let weeks = kpi::fold_weeks(&part, |row| {
            board.add(row);
            histograms.add(part.table(), row);
            arrivals.add(part.table(), row);
        });
        let weekly = kpi::weekly_of(&part, weeks, &by_rows);
        assert_eq!(weekly, kpi::weekly(&own, &by_tickets));
        assert_eq!(histograms.distributions(), kpi::distributions(&own));
        assert_eq!(arrivals.0, kpi::heat_map(&own));
        assert_eq!(board.rows(), kpi::agent_leaderboard(&own, &context(&own)));
    }
}

/// What the table works out once for every selection is what the tickets give afresh: its span
/// of days (the series' days), and a timing card's group of all its rows (one channel), which
/// takes the card's own summary, against the same group among the whole data's channels.
#[test]
fn what_the_table_keeps_is_what_the_tickets_give() {
    let bytes = sample_csv(2_000);
    let whole = sample(&bytes);
    let table = whole.table();
    let days = |t: i64| t.div_euclid(86_400);
    let created = (0..table.len())
        .filter_map(|row| table.created.at(row).get())
        .map(days);
    let solved = (0..table.len())
        .filter(|&row| table.solved[row])
        .filter_map(|row| table.solved_at.at(row).get())
        .map(days);
    let all: Vec<i64> = created.chain(solved).collect();
    let expected = (all.iter().min().copied(), all.iter().max().copied());
    let span = table.day_span();
    assert_eq!((span.map(|s| s.0), span.map(|s| s.1)), expected);

    let settings = Settings::default().compile().expect("settings compile");
    let context =
        |_: &Dataset| Context::new(&settings, whole.as_of(), None).with_population(&whole);
    let every = kpi::compute(&whole, &context(&whole));
    for channel in &whole.facets()["channel"] {
        let part = whole.select(&Selection {
            channel: vec![channel.clone()],
            ..Selection::default()
        });
        let cards = kpi::compute(&part, &context(&part));
        for id in [
            "first_response_time",
            "resolution_time",
            "first_response_time_business",
            "resolution_time_business",
        ] {
            let (card, among_all) = (&cards[id], &every[id].by_channel[channel]);
            let own = &card.by_channel[channel];
            let figures = |k: &kpi::Kpi| (k.value, k.n, k.mean, k.median, k.p90);
            assert_eq!(figures(own), figures(card), "{id} {channel}");
            assert_eq!(figures(own), figures(among_all), "{id} {channel}");
        }
    }
}
