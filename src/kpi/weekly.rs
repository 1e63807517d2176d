//! KPIs week by week, for the cards' sparklines and the satisfaction trend. A week's value is the
//! KPI's own function over the tickets created in that ISO week (and the unjoined survey answers
//! of that week), so it is the number the card shows when the date filter is that week. The
//! tickets are grouped by week in one pass; each KPI then runs once per week, which sums to one
//! more pass over the tickets per KPI — not one report per week.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use std::cell::Cell;

use super::counting_cards::Counts;
use super::quality::{Reopens, SolvedReplies};
use super::satisfaction::{NpsAnswers, Offers, Ratings};
use super::tally::{Gates, Median};
use super::timing::Mean;
use super::{week_label, Extra, Kpi, KpiId};
use crate::dataset::Dataset;
use crate::model::table::{Answer, Duration, UNKNOWN_SCORE};
use crate::model::time::calendar::{day_of, has_day};
use crate::model::Timestamp;

/// The trended KPIs whose weeks are the satisfaction weeks' (the others' are the week's tallies).
const FROM_SATISFACTION_WEEKS: [KpiId; 2] = [KpiId::Csat, KpiId::Nps];

/// One week of a KPI: `null` where the KPI has no value that week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeekValue {
    /// ISO week, `2024-W09`.
    pub period: String,
    pub value: Option<f64>,
}

/// One week of satisfaction: CSAT and NPS with the promoter / passive / detractor split.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SatisfactionWeek {
    pub period: String,
    /// `csat` of the week, over `rated` answers.
    pub csat: Option<f64>,
    pub rated: usize,
    /// `nps` of the week, over promoters + passives + detractors answers.
    pub nps: Option<f64>,
    pub promoters: usize,
    pub passives: usize,
    pub detractors: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Weekly {
    /// KPI id → one value per week, every week from the first to the last (gaps included).
    pub kpis: BTreeMap<KpiId, Vec<WeekValue>>,
    /// Empty where the selection has neither CSAT nor NPS.
    pub satisfaction: Vec<SatisfactionWeek>,
}

/// The weekly series of the catalogue's trended KPIs that have a value over the whole selection
/// (`kpis`, from `compute`): a KPI the data cannot support has no trend either.
pub fn weekly(dataset: &Dataset, kpis: &BTreeMap<KpiId, Kpi>) -> Weekly {
    weekly_of(dataset, fold_weeks(dataset, |_| {}), kpis)
}

/// The rows folded by week, before the series are made of them (which needs the cards), and
/// the counting cards' counts of all the rows, added up from the weeks (`add_counted`).
pub struct WeekFold<'t> {
    weeks: Vec<(NaiveDate, Week<'t>)>,
    pub(crate) counts: Counts,
}

/// The rows by week, with `each_row` given every row of the dataset on the way: another fold
/// over the same rows (the agent leaderboard, in the report) reads them while they are in
/// cache, instead of in a pass of its own.
pub fn fold_weeks(dataset: &Dataset, each_row: impl FnMut(usize)) -> WeekFold<'_> {
    let (weeks, counts) = by_week(dataset, each_row);
    WeekFold { weeks, counts }
}

/// The weekly series of the rows folded (`fold_weeks`), as `weekly`.
pub fn weekly_of(dataset: &Dataset, fold: WeekFold, kpis: &BTreeMap<KpiId, Kpi>) -> Weekly {
    let weeks = fold.weeks;
    let mut result = Weekly::default();
    if weeks.is_empty() {
        return result;
    }
    let has_value = |id: KpiId| kpis.get(&id).is_some_and(|k| k.value.is_some());
    let trended = |id: KpiId| id.definition().trended && has_value(id);
    let gates = Gates::of(dataset, None);
    let value = |id: KpiId, week: &Week| -> Option<f64> {
        let on = |gate: bool, kpi: &dyn Fn() -> Kpi| gate.then(kpi).and_then(|k| k.value);
        match id {
            KpiId::TicketsCreated => Some(week.tickets as f64),
            KpiId::TicketsSolved => Some(week.solved as f64),
            KpiId::FirstResponseTime => week.first_response.take().and_then(Median::median),
            KpiId::ResolutionTime => week.resolution.take().and_then(Median::median),
            KpiId::AverageHandleTime => on(gates.handle, &|| week.handle.average_handle_time()),
            KpiId::FirstContactResolution => on(gates.replies, &|| {
                week.replies.first_contact_resolution(gates.reopens)
            }),
            KpiId::ReopenRate => on(gates.reopens, &|| week.reopens.reopen_rate()),
            KpiId::RepliesPerTicket => on(gates.replies, &|| week.replies.replies_per_ticket()),
            _ => None,
        }
    };
    let by_tallies = KpiId::ALL
        .iter()
        .copied()
        .filter(|id| !FROM_SATISFACTION_WEEKS.contains(id));
    for id in by_tallies.filter(|id| trended(*id)) {
        let series = weeks
            .iter()
            .map(|(monday, week)| WeekValue {
                period: week_label(*monday),
                value: value(id, week),
            })
            .collect();
        result.kpis.insert(id, series);
    }
    if has_value(KpiId::Csat) || has_value(KpiId::Nps) {
        result.satisfaction = weeks
            .iter()
            .map(|(monday, week)| {
                let csat = match gates.satisfaction {
                    true => week.ratings.csat(),
                    false => Kpi::default(),
                };
                let nps = match gates.nps {
                    true => week.nps.nps(),
                    false => Kpi::default(),
                };
                let count = |extra| nps.extras.get(&extra).map_or(0, |n| *n as usize);
                SatisfactionWeek {
                    period: week_label(*monday),
                    csat: csat.value,
                    rated: csat.n.unwrap_or(0),
                    nps: nps.value,
                    promoters: count(Extra::Promoters),
                    passives: count(Extra::Passives),
                    detractors: count(Extra::Detractors),
                }
            })
            .collect();
    }
    for (id, value) in [
        (
            KpiId::Csat,
            (|w| w.csat) as fn(&SatisfactionWeek) -> Option<f64>,
        ),
        (KpiId::Nps, |w| w.nps),
    ] {
        if trended(id) {
            let series = result.satisfaction.iter().map(|w| WeekValue {
                period: w.period.clone(),
                value: value(w),
            });
            result.kpis.insert(id, series.collect());
        }
    }
    result
}

/// One week's tickets and answers, folded into the counts of the trended KPIs.
struct Week<'t> {
    tickets: usize,
    solved: usize,
    /// Taken once, for the median.
    first_response: Cell<Option<Median<'t>>>,
    resolution: Cell<Option<Median<'t>>>,
    handle: Mean,
    replies: SolvedReplies,
    reopens: Reopens,
    ratings: Ratings,
    nps: NpsAnswers,
}

/// The tickets by the Monday of their creation week, and the unjoined answers by the Monday of
/// their answer, every week from the first to the last listed, in one pass over the rows; and
/// the counting cards' counts of all the rows (the weeks' counts, those of the rows in no week,
/// and every row's survey offer), which spares `compute` a pass of its own.
fn by_week(
    dataset: &Dataset,
    mut each_row: impl FnMut(usize),
) -> (Vec<(NaiveDate, Week<'_>)>, Counts) {
    // Weeks as numbers: week w runs from the Monday 7w − 3 days after 1970-01-01, a Thursday.
    let week_of = |time: Option<Timestamp>| {
        let time = time.filter(|&t| has_day(t))?;
        Some((time.div_euclid(DAY) + 3).div_euclid(7))
    };
    let table = dataset.table();
    let rows = dataset.rows();
    let days = table.days();
    let created_week = |row: u32| Some((days.created(row as usize)? + 3).div_euclid(7));
    let answers = dataset
        .surveys
        .iter()
        .filter_map(|answer| Some((answer, week_of(answer.answered_at)?)));
    // The weeks of the whole table's days (no week of the selection lies outside them), so
    // that the rows are folded in one pass, then cut to the weeks the selection has; the
    // selection's own weeks first where the table spans too many.
    let table_weeks = table
        .day_span()
        .map(|(first, last)| ((first + 3).div_euclid(7), (last + 3).div_euclid(7)))
        .filter(|(first, last)| last - first < WIDEST_SPAN_WEEKS);
    let selection_weeks = || {
        let mut weeks = rows.iter().filter_map(|&row| created_week(row));
        let first = weeks.next()?;
        Some(weeks.fold((first, first), |(lo, hi), w| (lo.min(w), hi.max(w))))
    };
    let answer_weeks = answers.clone().map(|a| a.1);
    let all_weeks = table_weeks
        .or_else(selection_weeks)
        .into_iter()
        .flat_map(|(first, last)| [first, last])
        .chain(answer_weeks);
    // The counts of the rows in no week.
    let mut rest = Counts::default();
    let (Some(first), Some(last)) = (all_weeks.clone().min(), all_weeks.max()) else {
        for &row in rows {
            each_row(row as usize);
            rest.add(table, row as usize);
        }
        return (Vec::new(), rest);
    };
    let gates = Gates::of(dataset, None);
    let mut weeks: Vec<Week> = (first..=last)
        .map(|_| Week {
            tickets: 0,
            solved: 0,
            first_response: Cell::new(Some(Median::of(
                table,
                gates.first_response,
                Duration::FirstResponse,
            ))),
            resolution: Cell::new(Some(Median::of(
                table,
                gates.resolution,
                Duration::Resolution,
            ))),
            handle: Mean::default(),
            replies: SolvedReplies::default(),
            reopens: Reopens::default(),
            ratings: Ratings::default(),
            nps: NpsAnswers::default(),
        })
        .collect();
    // Which weeks hold a row or an answer: the series runs from the first to the last of them.
    let mut held = vec![false; weeks.len()];
    let mut offers = Offers::default();
    for &row in rows {
        each_row(row as usize);
        let Some(week) = created_week(row) else {
            rest.add(table, row as usize);
            continue;
        };
        let at = (week - first) as usize;
        held[at] = true;
        let (row, week) = (row as usize, &mut weeks[at]);
        offers.add(table.satisfaction[row]);
        week.tickets += 1;
        week.solved += usize::from(table.solved[row]);
        if let Some(sample) = week.first_response.get_mut() {
            sample.add_first_response(row);
        }
        if let Some(sample) = week.resolution.get_mut() {
            sample.add_resolution(table, row);
        }
        if gates.handle {
            week.handle.add(table.handle_minutes[row].get());
        }
        week.replies.add(table, row);
        week.reopens.add(table, row);
        week.ratings.add(table.satisfaction[row]);
        week.nps.add(table.nps_score[row]);
    }
    // Before the unjoined answers, which the cards count apart.
    let counts = Counts::of_parts(
        weeks.iter().map(|w| (&w.replies, &w.reopens, &w.nps)),
        offers,
        rest,
    );
    for (answer, week) in answers {
        let at = (week - first) as usize;
        held[at] = true;
        let week = &mut weeks[at];
        week.ratings.add(Answer::of(answer.satisfaction.as_ref()));
        week.nps.add(answer.nps_score.unwrap_or(UNKNOWN_SCORE));
    }
    let Some(start) = held.iter().position(|&held| held) else {
        return (Vec::new(), counts);
    };
    let end = held.iter().rposition(|&held| held).unwrap_or(start);
    let weeks = (first..=last)
        .zip(weeks)
        .take(end + 1)
        .skip(start)
        .filter_map(|(week, data)| Some((day_of((7 * week - 3) * DAY)?, data)))
        .collect();
    (weeks, counts)
}

/// The most weeks a table's span may cover for the weeks to be folded into all of them.
const WIDEST_SPAN_WEEKS: i64 = 30_000;

/// Seconds in a day (timestamps are wall clock read as UTC).
const DAY: i64 = 86_400;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::{context, dataset};

    fn values(weekly: &Weekly, id: &str) -> Vec<Option<f64>> {
        weekly.kpis[id].iter().map(|w| w.value).collect()
    }

    #[test]
    fn one_value_per_week_with_gaps_and_satisfaction() {
        // Week 2024-W09 (Mon Feb 26 – Sun Mar 3): tickets 1–3. W10: none. W11: tickets 4, 5.
        //   1: solved, reply after 10 min, solved after 60, Good,  NPS 10
        //   2: solved, reply after 30 min, solved after 120, Bad,  NPS 6
        //   3: open,   reply after 50 min,                   Good, NPS 8
        //   4: solved, reply after 20 min, solved after 600, Good, NPS 9
        //   5: open,   no reply
        let data = dataset(
            "Id,Status,Created at,First reply time in minutes,Full resolution time in minutes,\
             Satisfaction Score,NPS\n\
             1,Solved,2024-02-26 09:00,10,60,Good,10\n\
             2,Solved,2024-03-03 23:00,30,120,Bad,6\n\
             3,Open,2024-02-28 09:00,50,,Good,8\n\
             4,Solved,2024-03-11 09:00,20,600,Good,9\n\
             5,Open,2024-03-17 23:59,,,,\n",
        );
        let kpis = crate::kpi::compute(&data, &context(&data));
        let weekly = weekly(&data, &kpis);
        let periods: Vec<&str> = weekly.kpis["tickets_created"]
            .iter()
            .map(|w| w.period.as_str())
            .collect();
        assert_eq!(periods, ["2024-W09", "2024-W10", "2024-W11"]);
        assert_eq!(
            values(&weekly, "tickets_created"),
            [Some(3.0), Some(0.0), Some(2.0)]
        );
        assert_eq!(
            values(&weekly, "tickets_solved"),
            [Some(2.0), Some(0.0), Some(1.0)]
        );
        // W09 replies 10, 30, 50 → median 30; W11: 20 only.
        assert_eq!(
            values(&weekly, "first_response_time"),
            [Some(30.0), None, Some(20.0)]
        );
        // W09 solved 60, 120 → median 90; W11: 600.
        assert_eq!(
            values(&weekly, "resolution_time"),
            [Some(90.0), None, Some(600.0)]
        );
        // No handle-time column: no series at all.
        assert!(!weekly.kpis.contains_key("average_handle_time"));
        // W09: Good, Bad, Good → 2 of 3; NPS 10, 6, 8 → 1 promoter, 1 passive, 1 detractor → 0.
        // W11: Good → 100 %; NPS 9 → 100.
        let w09 = &weekly.satisfaction[0];
        assert_eq!(w09.csat, Some(200.0 / 3.0));
        assert_eq!(w09.rated, 3);
        assert_eq!((w09.promoters, w09.passives, w09.detractors), (1, 1, 1));
        assert_eq!(w09.nps, Some(0.0));
        assert_eq!(weekly.satisfaction[1].csat, None);
        assert_eq!(weekly.satisfaction[1].rated, 0);
        let w11 = &weekly.satisfaction[2];
        assert_eq!(
            (w11.csat, w11.nps, w11.promoters),
            (Some(100.0), Some(100.0), 1)
        );
        assert_eq!(
            values(&weekly, "csat"),
            [Some(200.0 / 3.0), None, Some(100.0)]
        );
        assert_eq!(values(&weekly, "nps"), [Some(0.0), None, Some(100.0)]);
        // Each week's value is the card's value under a date filter of that week.
        let week = crate::selection::Selection {
            from: NaiveDate::from_ymd_opt(2024, 2, 26),
            to: NaiveDate::from_ymd_opt(2024, 3, 3),
            ..Default::default()
        };
        let selected = data.select(&week);
        let filtered = crate::kpi::compute(&selected, &context(&selected));
        for (id, series) in &weekly.kpis {
            assert_eq!(series[0].value, filtered[id].value, "{id}");
        }
    }

    /// Every week of every series is the card under a date filter of that week: on the
    /// generated sample (months of tickets, every trended column but handle time) and a
    /// Freshdesk export (handle time, no reopen count).
    #[test]
    fn every_week_is_the_card_of_that_week() {
        let freshdesk = std::fs::read("tests/fixtures/freshdesk_small.csv").unwrap();
        for (name, bytes) in [
            ("z.csv", crate::sample::zendesk_csv(3)),
            ("f.csv", freshdesk),
        ] {
            let data = Dataset::merge(vec![crate::ingest::read_export(name, &bytes).unwrap()]);
            let kpis = crate::kpi::compute(&data, &context(&data));
            let weekly = weekly(&data, &kpis);
            let mondays: Vec<NaiveDate> =
                by_week(&data, |_| {}).0.into_iter().map(|w| w.0).collect();
            assert!(!mondays.is_empty() && weekly.kpis.len() > 4, "{name}");
            for (at, monday) in mondays.iter().enumerate() {
                let week = crate::selection::Selection {
                    from: Some(*monday),
                    to: monday.checked_add_days(chrono::Days::new(6)),
                    ..Default::default()
                };
                let selected = data.select(&week);
                let filtered = crate::kpi::compute(&selected, &context(&selected));
                for (id, series) in &weekly.kpis {
                    assert_eq!(series[at].value, filtered[id].value, "{name} {id} {monday}");
                }
                if let Some(satisfaction) = weekly.satisfaction.get(at) {
                    assert_eq!(satisfaction.rated, filtered["csat"].n.unwrap_or(0));
                }
            }
        }
    }

    fn periods(csv: &str) -> Vec<String> {
        let data = dataset(csv);
        let kpis = crate::kpi::compute(&data, &context(&data));
        weekly(&data, &kpis).kpis["tickets_created"]
            .iter()
            .map(|w| w.period.clone())
            .collect()
    }

    #[test]
    fn weeks_are_named_by_their_iso_year() {
        // Mon 2024-12-30 begins the ISO week holding 2025-01-02 (the year's first Thursday): it
        // is 2025-W01, though in calendar year 2024. Sun 2024-12-29 ends 2024-W52.
        assert_eq!(
            periods(
                "Id,Status,Created at
1,Open,2024-12-29 12:00
2,Open,2024-12-30 09:00
"
            ),
            ["2024-W52", "2025-W01"]
        );
        // Sun 2021-01-03 ends the week of Thu 2020-12-31: 2020-W53 (2020 began on a Wednesday
        // and was a leap year, so it has 53 weeks). Mon 2021-01-04 begins 2021-W01.
        assert_eq!(
            periods(
                "Id,Status,Created at
1,Open,2021-01-03 12:00
2,Open,2021-01-04 09:00
"
            ),
            ["2020-W53", "2021-W01"]
        );
    }

    #[test]
    fn nothing_to_trend_without_dates() {
        let data = dataset("Id,Status\n1,Open\n");
        let kpis = crate::kpi::compute(&data, &context(&data));
        assert_eq!(weekly(&data, &kpis), Weekly::default());
    }
}
