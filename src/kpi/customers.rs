//! Customers: retention and churn over the selected range, from a customers file or, lacking
//! one, from requester activity in the selected and the previous period (the KPI says which).

use chrono::NaiveDate;

use super::{Context, Kpi, PERCENT};
use crate::dataset::Dataset;
use crate::message::Message;
use crate::model::Timestamp;

/// S (customers at the start), E (at the end), N (new during the range), and those lost.
struct Counts {
    start: usize,
    end: usize,
    new: usize,
    lost: usize,
    source: &'static str,
}

fn counts(dataset: &Dataset, context: &Context) -> Result<Counts, Message> {
    let (from, to) = context
        .range
        .ok_or_else(|| Message::new("customers.range"))?;
    let start = midnight(from);
    let end = midnight(to.succ_opt().unwrap_or(to));
    if !dataset.customers.is_empty() {
        // Active at an instant: started by then and not yet gone.
        let active = |at: Timestamp| {
            dataset
                .customers
                .iter()
                .filter(|c| c.start <= at && c.end.is_none_or(|e| e >= at))
                .count()
        };
        let new = dataset
            .customers
            .iter()
            .filter(|c| c.start > start && c.start < end)
            .count();
        let lost = dataset
            .customers
            .iter()
            .filter(|c| c.start <= start && c.end.is_some_and(|e| e >= start && e < end))
            .count();
        return Ok(Counts {
            start: active(start),
            end: active(end),
            new,
            lost,
            source: "customers.file",
        });
    }
    // Requesters by code, over all the data (the selection itself when no population is given).
    let population = context.population.unwrap_or(dataset);
    let table = population.table();
    let codes = &table.requester.codes;
    let rows = population.rows();
    if rows.iter().all(|&row| codes[row as usize] == 0) {
        return Err(Message::new("customers.none"));
    }
    let days = (to - from).num_days() + 1;
    let previous_start = start - days * 86_400;
    let mut seen = vec![Seen::default(); table.requester.names.len() + 1];
    for &row in rows {
        let (code, created) = (codes[row as usize], table.created.at(row as usize).get());
        let (true, Some(created)) = (code != 0, created) else {
            continue;
        };
        let seen = &mut seen[code as usize];
        seen.before |= created < start;
        seen.previous |= created >= previous_start && created < start;
        seen.current |= created >= start && created < end;
    }
    let count = |test: fn(&Seen) -> bool| seen.iter().filter(|s| test(s)).count();
    Ok(Counts {
        start: count(|s| s.previous),
        end: count(|s| s.current),
        new: count(|s| s.current && !s.before),
        lost: count(|s| s.previous && !s.current),
        source: "customers.activity",
    })
}

/// When one requester had tickets: before the range, in the previous period, in the range.
#[derive(Clone, Copy, Default)]
struct Seen {
    before: bool,
    previous: bool,
    current: bool,
}

fn midnight(day: NaiveDate) -> Timestamp {
    day.and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp())
}

/// `customer_retention_rate`: ((E − N) ÷ S) × 100 over the selected range.
pub fn customer_retention_rate(dataset: &Dataset, context: &Context) -> Kpi {
    match counts(dataset, context) {
        Err(reason) => Kpi::null(PERCENT, reason),
        Ok(c) if c.start == 0 => Kpi::null(PERCENT, Message::new("customers.no_start")),
        Ok(c) => Kpi {
            value: Some(100.0 * (c.end as f64 - c.new as f64) / c.start as f64),
            unit: PERCENT,
            n: Some(c.start),
            ..Kpi::default()
        }
        .with_note(Some(Message::new(c.source))),
    }
}

/// `churn_rate`: customers lost during the range ÷ S.
pub fn churn_rate(dataset: &Dataset, context: &Context) -> Kpi {
    match counts(dataset, context) {
        Err(reason) => Kpi::null(PERCENT, reason),
        Ok(c) => Kpi::percent(c.lost, c.start, Message::new("customers.no_start"))
            .with_note(Some(Message::new(c.source))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;
    use crate::settings::Settings;

    #[test]
    fn from_a_customers_file() {
        // Feb 2024. At the start: c1, c2 (leaves Feb 15), c5 (leaves Feb 10) → S = 3; c4 left in
        // January; c3 starts Feb 5 (new, N = 1). At the end: c1, c3 → E = 2.
        // Retention (2 − 1) / 3 = 33.3 %; lost during February: c2, c5 → churn 2 / 3.
        let data = dataset(
            "Customer ID,Customer since,Customer until\n\
             c1,2023-01-10,\n\
             c2,2023-06-01,2024-02-15\n\
             c3,2024-02-05,\n\
             c4,2022-11-01,2024-01-20\n\
             c5,2024-01-01,2024-02-10\n",
        );
        let settings = Settings::default();
        let day = |d| NaiveDate::from_ymd_opt(2024, 2, d).unwrap();
        let compiled = settings.compile().unwrap();
        let context = Context::new(&compiled, None, None).with_range(day(1), day(29));
        assert_eq!(
            customer_retention_rate(&data, &context).value,
            Some(100.0 / 3.0)
        );
        assert_eq!(churn_rate(&data, &context).value, Some(200.0 / 3.0));
        let whole = Context::new(&compiled, None, None);
        assert!(churn_rate(&data, &whole)
            .reason
            .unwrap()
            .contains("date range"));
    }

    #[test]
    fn from_requester_activity_with_a_note_that_says_so() {
        // 4–5 March (2 days) and the 2 days before. Requester r1 wrote on 2 and 4 March, r2 on
        // 3 March only, r3 on 5 March only: S = {r1, r2} = 2, E = {r1, r3}, lost r2 → 1 / 2.
        let data = dataset(
            "Id,Requester id,Created at\n\
             1,r1,2024-03-02 10:00\n\
             2,r2,2024-03-03 10:00\n\
             3,r1,2024-03-04 10:00\n\
             4,r3,2024-03-05 10:00\n",
        );
        let compiled = Settings::default().compile().unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2024, 3, d).unwrap();
        let context = Context::new(&compiled, None, None).with_range(day(4), day(5));
        let churn = churn_rate(&data, &context);
        assert_eq!(churn.value, Some(50.0));
        // The note is its template's English (no key shown in its place), and its key.
        assert_eq!(churn.note_keys, vec![Message::new("customers.activity")]);
        assert!(
            churn
                .note
                .as_deref()
                .is_some_and(|n| n.starts_with("from requester activity") && n.ends_with("(end)")),
            "{:?}",
            churn.note
        );
    }
}
