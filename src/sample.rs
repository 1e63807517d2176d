//! The sample export the page opens with: a realistic, generated Zendesk ticket export (four
//! months, four channels, eight agents, ratings). Deterministic: the same seed gives the same
//! bytes, so the page, `helpdesk-kpi sample` and the tests all see one file.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

use crate::dataset::Dataset;
use crate::ingest::{DateOrder, IngestError, ReadOptions};
use crate::report::Report;
use crate::selection::Selection;
use crate::settings::Settings;

/// The file name the sample goes by on the page and in the CLI.
pub const SAMPLE_FILE_NAME: &str = "sample-zendesk.csv";
pub const DEFAULT_SEED: u64 = 2026;

const HEADER: [&str; 22] = [
    "Id",
    "Requester id",
    "Assignee",
    "Group",
    "Subject",
    "Tags",
    "Status",
    "Priority",
    "Via",
    "Ticket type",
    "Created at",
    "Updated at",
    "Solved at",
    "Satisfaction Score",
    "Satisfaction Comment",
    "Group stations",
    "Reopens",
    "Replies",
    "First reply time in minutes",
    "First reply time in minutes within business hours",
    "Full resolution time in minutes",
    "Full resolution time in minutes within business hours",
];

const AGENTS: [&str; 8] = [
    "Alice Novak",
    "Bartosz Wiśniewski",
    "Chen Jing",
    "Dana Horváthová",
    "Emil Larsen",
    "Fatima Idris",
    "Gustavo Reyes",
    "Hana Kováčová",
];

/// (Via value, share of tickets, median first reply in minutes).
const CHANNELS: [(&str, f64, f64); 4] = [
    ("Mail", 0.45, 240.0),
    ("Web form", 0.25, 180.0),
    ("Chat", 0.20, 2.5),
    ("Phone call (incoming)", 0.10, 0.5),
];

/// (priority, share, speed factor: urgent tickets are answered faster).
const PRIORITIES: [(&str, f64, f64); 4] = [
    ("Low", 0.30, 1.4),
    ("Normal", 0.50, 1.0),
    ("High", 0.15, 0.6),
    ("Urgent", 0.05, 0.25),
];

const GOOD_COMMENTS: [&str; 6] = [
    "Quick and friendly answer",
    "Solved my problem fast",
    "Very helpful agent, thank you",
    "Clear explanation, quick fix",
    "Friendly support and a fast refund",
    "Helpful and patient",
];
const BAD_COMMENTS: [&str; 5] = [
    "Slow reply, waited days",
    "Had to explain the problem twice",
    "Problem not solved",
    "Slow and the answer did not help",
    "Nobody answered my question",
];

/// (ticket type, group, subjects).
const TOPICS: [(&str, &str, [&str; 3]); 4] = [
    (
        "question",
        "Support",
        [
            "How do I export my invoices?",
            "Change the account owner",
            "Where is the API key?",
        ],
    ),
    (
        "incident",
        "Technical",
        [
            "Login page times out",
            "Sync stopped since the update",
            "Error 500 on checkout",
        ],
    ),
    (
        "problem",
        "Technical",
        [
            "Reports show the wrong totals",
            "Mobile app crashes on start",
            "Webhooks arrive twice",
        ],
    ),
    (
        "task",
        "Billing",
        [
            "Refund for a double charge",
            "Update the VAT number",
            "Switch to yearly billing",
        ],
    ),
];

/// The sample export as CSV bytes (UTF-8, comma-separated, Zendesk's column names).
pub fn zendesk_csv(seed: u64) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_zendesk_csv(&mut bytes, seed, None);
    bytes
}

/// The sample export read with `options`, as the page's worker reads it.
pub fn read(options: &ReadOptions) -> (Dataset, Vec<IngestError>) {
    let bytes = zendesk_csv(DEFAULT_SEED);
    crate::load_from(
        [(SAMPLE_FILE_NAME, bytes.as_slice())],
        options,
        &mut |_, _| {},
    )
}

/// The report the page opens with, as its worker writes it: the sample read in the default
/// settings and the browser's `date_order`, with no reading choices, over every ticket. The page
/// is built with it (`helpdesk-kpi sample --page-report`, scripts/build-web.sh), so that its first
/// dashboard needs no engine; the page asks its worker instead whenever stored settings or column
/// choices would change it. The sample's dates are ISO, so the date order changes nothing (a
/// test holds it).
pub fn page_report_json(date_order: DateOrder) -> Result<String, String> {
    let settings = Settings::default();
    let mut options = settings.read_options()?;
    options.date_order = options.date_order.or(Some(date_order));
    let (dataset, errors) = read(&options);
    let compiled = settings.compile()?;
    Ok(Report::build_compiled(&dataset, errors, &compiled, &Selection::default()).to_json())
}

/// Writes the sample export: four months of a small team, or, with `tickets`, exactly that many
/// tickets over the same months (for benchmarks: 500 000 make ≈100 MB). Rows are written as
/// they are made, so a 1 GB file needs no memory to speak of.
pub fn write_zendesk_csv(
    out: impl std::io::Write,
    seed: u64,
    tickets: Option<u64>,
) -> Result<(), csv::Error> {
    let mut random = SplitMix64(seed);
    let start = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default();
    let end = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap_or_default();
    let as_of = end.and_hms_opt(23, 59, 59).unwrap_or_default();
    let days = (end - start).num_days() as u64 + 1;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    let mut id = 48_000u64;
    for (index, day) in start.iter_days().take_while(|d| *d <= end).enumerate() {
        let count = match tickets {
            // Spread evenly, the remainder on the first days.
            Some(total) => total / days + u64::from((index as u64) < total % days),
            None => {
                let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
                let arrivals = if weekend { 6.0 } else { 24.0 } * (1.0 + 0.3 * random.normal());
                arrivals.max(1.0).round() as u64
            }
        };
        for _ in 0..count {
            id += 1;
            writer.write_record(ticket_row(&mut random, id, day, as_of))?;
        }
    }
    writer.flush()?;
    Ok(())
}

fn ticket_row(
    random: &mut SplitMix64,
    id: u64,
    day: NaiveDate,
    as_of: NaiveDateTime,
) -> Vec<String> {
    let hour = (13.0 + 3.0 * random.normal()).clamp(0.0, 23.0) as u32;
    let minute = random.below(60) as u32;
    let second = random.below(60) as u32;
    let created = day.and_hms_opt(hour, minute, second).unwrap_or_default();
    let (via, _, reply_median) = *random.pick(&CHANNELS, |c| c.1);
    let (priority, _, speed) = *random.pick(&PRIORITIES, |p| p.1);
    let (ticket_type, group, subjects) = TOPICS[random.below(TOPICS.len() as u64) as usize];
    let subject = subjects[random.below(3) as usize];
    let agent = AGENTS[random.below(AGENTS.len() as u64) as usize];
    let requester = 360_000_000 + random.below(1_800);

    let first_reply = (reply_median * speed * (0.9 * random.normal()).exp())
        .max(0.2)
        .round();
    let replies = 1 + random
        .pick(
            &[(0, 0.45), (1, 0.27), (2, 0.15), (3, 0.08), (4, 0.05)],
            |r| r.1,
        )
        .0;
    let reopens = random
        .pick(&[(0u32, 0.88), (1, 0.10), (2, 0.02)], |r| r.1)
        .0;
    let work = 60.0 * f64::from(replies + reopens) * 5.0 * (1.1 * random.normal()).exp();
    let resolution = (first_reply + work * speed).round();
    let solved = created + Duration::minutes(resolution as i64);
    // A few recent tickets wait on the customer or a third party whatever their work needs.
    let recent = as_of - created < Duration::days(10);
    let is_solved = solved <= as_of && !(recent && random.unit() < 0.25);

    let (status, solved_at, resolution_cell, updated) = if is_solved {
        let closed = as_of - solved > Duration::days(4);
        let status = if closed { "Closed" } else { "Solved" };
        let cells = (
            format!("{resolution}"),
            business_minutes(created, solved).to_string(),
        );
        (status, format_time(solved), cells, solved)
    } else {
        let status = *random.pick(
            &[
                ("Open", 0.45),
                ("Pending", 0.3),
                ("Hold", 0.1),
                ("New", 0.15),
            ],
            |s| s.1,
        );
        let updated = (created + Duration::minutes(first_reply as i64)).min(as_of);
        (
            status.0,
            String::new(),
            (String::new(), String::new()),
            updated,
        )
    };
    let replied = status != "New";
    let satisfaction = if !is_solved || via.starts_with("Phone") {
        "Not Offered"
    } else if random.unit() < 0.55 {
        "Offered"
    } else {
        // Slow first replies and reopens make unhappy customers.
        let unhappy =
            0.05 + 0.15 * f64::from(reopens) + if first_reply > 600.0 { 0.15 } else { 0.0 };
        if random.unit() < unhappy {
            "Bad"
        } else {
            "Good"
        }
    };
    let comment = match satisfaction {
        "Good" if random.unit() < 0.5 => *random.pick(&GOOD_COMMENTS, |_| 1.0),
        "Bad" if random.unit() < 0.7 => *random.pick(&BAD_COMMENTS, |_| 1.0),
        _ => "",
    };
    let group_stations = 1 + u32::from(random.unit() < 0.12);
    vec![
        id.to_string(),
        requester.to_string(),
        agent.to_string(),
        group.to_string(),
        subject.to_string(),
        format!("{} {}", ticket_type, priority.to_lowercase()),
        status.to_string(),
        priority.to_string(),
        via.to_string(),
        ticket_type.to_string(),
        format_time(created),
        format_time(updated),
        solved_at,
        satisfaction.to_string(),
        comment.to_string(),
        group_stations.to_string(),
        if is_solved {
            reopens.to_string()
        } else {
            "0".to_string()
        },
        if replied {
            replies.to_string()
        } else {
            "0".to_string()
        },
        if replied {
            format!("{first_reply}")
        } else {
            String::new()
        },
        if replied {
            let replied_at = created + Duration::minutes(first_reply as i64);
            business_minutes(created, replied_at).to_string()
        } else {
            String::new()
        },
        resolution_cell.0,
        resolution_cell.1,
    ]
}

/// Minutes between two times that fall in Monday–Friday 09:00–17:00: the sample's own business
/// hours, so that its business-hours columns look like Zendesk's.
fn business_minutes(start: NaiveDateTime, end: NaiveDateTime) -> i64 {
    let mut total = 0;
    let mut day = start.date();
    while day <= end.date() {
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            let open = day.and_hms_opt(9, 0, 0).unwrap_or_default().max(start);
            let close = day.and_hms_opt(17, 0, 0).unwrap_or_default().min(end);
            total += (close - open).num_minutes().max(0);
        }
        day = day.succ_opt().unwrap_or(day);
        if day == NaiveDate::MAX {
            break;
        }
    }
    total
}

fn format_time(time: NaiveDateTime) -> String {
    time.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// SplitMix64: a small, well-known generator; the sample needs repeatability, not secrecy.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(f64::MIN_POSITIVE);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// One of `items`, with probability proportional to `weight`.
    fn pick<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> f64) -> &'a T {
        let total: f64 = items.iter().map(&weight).sum();
        let mut target = self.unit() * total;
        for item in items {
            target -= weight(item);
            if target < 0.0 {
                return item;
            }
        }
        &items[items.len() - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_minutes_count_weekday_office_hours_only() {
        let at = |d, h, m| {
            NaiveDate::from_ymd_opt(2026, 6, d)
                .unwrap()
                .and_hms_opt(h, m, 0)
                .unwrap()
        };
        // Mon Jun 1 16:30 → Tue Jun 2 09:45: 30 min on Monday + 45 min on Tuesday.
        assert_eq!(business_minutes(at(1, 16, 30), at(2, 9, 45)), 75);
        // Fri Jun 5 18:00 → Mon Jun 8 10:00: the weekend and the evening count nothing: 60.
        assert_eq!(business_minutes(at(5, 18, 0), at(8, 10, 0)), 60);
        // Within one morning: 08:00 → 08:59 is before opening.
        assert_eq!(business_minutes(at(3, 8, 0), at(3, 8, 59)), 0);
    }

    #[test]
    fn the_sample_is_repeatable_and_reads_without_skips() {
        let bytes = zendesk_csv(DEFAULT_SEED);
        assert_eq!(bytes, zendesk_csv(DEFAULT_SEED));
        let export = crate::ingest::read_export(SAMPLE_FILE_NAME, &bytes).unwrap();
        assert_eq!(export.source.format, "zendesk");
        assert_eq!(export.source.skipped, 0);
        assert!(
            export.tickets.len() > 2000,
            "{} tickets",
            export.tickets.len()
        );
    }

    #[test]
    fn the_page_report_of_the_sample_is_the_same_in_either_date_order() {
        let day_first = page_report_json(DateOrder::DayFirst).unwrap();
        let month_first = page_report_json(DateOrder::MonthFirst).unwrap();
        assert!(day_first.contains(SAMPLE_FILE_NAME));
        assert_eq!(day_first, month_first);
    }
}
