//! A small ticket export built from structured input (random statuses, dates, durations, replies,
//! satisfaction), analysed with random settings (business hours, time zone, SLA targets) and a
//! random selection (date range, channel): no panic, and every KPI figure is finite.
#![no_main]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use arbitrary::Arbitrary;
use helpdesk_kpi::model::time::business_hours::ScheduleSpec;
use helpdesk_kpi::kpi::{Kpi, KpiId};
use helpdesk_kpi::selection::Selection;
use helpdesk_kpi::settings::{Settings, SlaTarget};
use libfuzzer_sys::fuzz_target;

const ZONES: &[&str] = &[
    "UTC",
    "Europe/Warsaw",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Apia",
];
const STATUSES: &[&str] = &[
    "New", "Open", "Pending", "Hold", "Solved", "Closed", "Deleted", "",
];
const CHANNELS: &[&str] = &["Mail", "Chat", "Web form", "Phone", "API", ""];
/// Channels as the report names them (Mail → email, Web form → web), and one that matches none.
const SELECTED_CHANNELS: &[&str] = &["email", "chat", "web", "phone", "api", "fax"];
const PRIORITIES: &[&str] = &["Low", "Normal", "High", "Urgent", ""];
const SATISFACTION: &[&str] = &[
    "Good",
    "Bad",
    "Offered",
    "Unoffered",
    "",
    "1",
    "3",
    "5",
    "7",
    "0",
    "10",
    "11",
    "-1",
];

/// 2024-01-01T00:00:00Z.
const BASE: i64 = 1_704_067_200;

/// How the datetimes of the file are written (one form per file, as a helpdesk writes them).
#[derive(Arbitrary, Debug, Clone, Copy)]
enum DateStyle {
    Iso,
    IsoT,
    WithOffset(i8),
    UsAmPm,
    DayFirstDots,
    UnixSeconds,
    UnixMillis,
}

/// A time as minutes from `BASE` (about ±4 years), or a cell that is not a time.
#[derive(Arbitrary, Debug, Clone)]
enum When {
    Minutes(i32),
    Junk(String),
}

/// A duration cell: whole minutes, a decimal, `H:MM:SS`, or anything.
#[derive(Arbitrary, Debug, Clone)]
enum Duration {
    Minutes(i32),
    Decimal(f32),
    Clock(u8, u8, u8),
    Junk(String),
}

#[derive(Arbitrary, Debug)]
struct TicketIn {
    id: u8,
    status: u8,
    channel: u8,
    priority: u8,
    created: Option<When>,
    updated: Option<When>,
    /// Solved this many minutes after creation (negative: before it).
    solved_after: Option<i32>,
    replies: Option<i16>,
    reopens: Option<i16>,
    first_reply: Option<Duration>,
    first_reply_business: Option<Duration>,
    resolution: Option<Duration>,
    resolution_business: Option<Duration>,
    satisfaction: u8,
}

#[derive(Arbitrary, Debug)]
struct Input {
    style: DateStyle,
    zone: Option<u8>,
    business_hours: Option<(u8, u8, u8)>,
    sla: Vec<(u8, Option<u16>, Option<u16>, bool)>,
    as_of: Option<i32>,
    from_day: Option<i16>,
    days: Option<u16>,
    channel: Option<u8>,
    csat_scale: Option<u8>,
    /// Last, so that it takes the rest of the input: as many tickets as the bytes make.
    tickets: Vec<TicketIn>,
}

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list[i as usize % list.len()]
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn write_time(style: DateStyle, minutes: i64) -> String {
    let seconds = BASE + minutes * 60;
    let Some(t) = chrono::DateTime::from_timestamp(seconds, 0) else {
        return String::new();
    };
    let naive = t.naive_utc();
    match style {
        DateStyle::Iso => naive.format("%Y-%m-%d %H:%M:%S").to_string(),
        DateStyle::IsoT => naive.format("%Y-%m-%dT%H:%M").to_string(),
        DateStyle::WithOffset(hours) => {
            let hours = i32::from(hours % 15);
            match chrono::FixedOffset::east_opt(hours * 3600) {
                Some(offset) => t.with_timezone(&offset).to_rfc3339(),
                None => t.to_rfc3339(),
            }
        }
        DateStyle::UsAmPm => naive.format("%m/%d/%Y %I:%M %p").to_string(),
        DateStyle::DayFirstDots => naive.format("%d.%m.%Y %H:%M").to_string(),
        DateStyle::UnixSeconds => seconds.to_string(),
        DateStyle::UnixMillis => (seconds * 1000).to_string(),
    }
}

fn write_when(style: DateStyle, when: &When) -> String {
    match when {
        When::Minutes(m) => write_time(style, i64::from(*m) % 2_200_000),
        When::Junk(text) => text.chars().take(24).collect(),
    }
}

fn write_duration(duration: &Duration) -> String {
    match duration {
        Duration::Minutes(m) => m.to_string(),
        Duration::Decimal(x) => x.to_string().replacen('.', ",", usize::from(*x < 0.0)),
        Duration::Clock(h, m, s) => format!("{h}:{m:02}:{s:02}"),
        Duration::Junk(text) => text.chars().take(12).collect(),
    }
}

fn build_csv(input: &Input) -> String {
    let mut csv = String::from(
        "Id,Status,Priority,Via,Created at,Updated at,Solved at,Replies,Reopens,Satisfaction Score,\
         First reply time in minutes,First reply time in minutes within business hours,\
         Full resolution time in minutes,Full resolution time in minutes within business hours\n",
    );
    let style = input.style;
    let opt = |o: &Option<Duration>| o.as_ref().map(write_duration).unwrap_or_default();
    for t in input.tickets.iter().take(40) {
        let created = t
            .created
            .as_ref()
            .map(|w| write_when(style, w))
            .unwrap_or_default();
        let solved = match (&t.created, t.solved_after) {
            (Some(When::Minutes(c)), Some(after)) => write_time(
                style,
                (i64::from(*c) % 2_200_000) + i64::from(after) % 1_000_000,
            ),
            _ => String::new(),
        };
        let cells = [
            t.id.to_string(),
            pick(STATUSES, t.status).to_string(),
            pick(PRIORITIES, t.priority).to_string(),
            pick(CHANNELS, t.channel).to_string(),
            created,
            t.updated
                .as_ref()
                .map(|w| write_when(style, w))
                .unwrap_or_default(),
            solved,
            t.replies.map(|r| r.to_string()).unwrap_or_default(),
            t.reopens.map(|r| r.to_string()).unwrap_or_default(),
            pick(SATISFACTION, t.satisfaction).to_string(),
            opt(&t.first_reply),
            opt(&t.first_reply_business),
            opt(&t.resolution),
            opt(&t.resolution_business),
        ];
        let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        let _ = writeln!(csv, "{}", row.join(","));
    }
    csv
}

fn settings_of(input: &Input) -> Settings {
    let mut settings = Settings {
        time_zone: input.zone.map(|z| pick(ZONES, z).to_string()),
        ..Settings::default()
    };
    if let Some((zone, start, length)) = input.business_hours {
        // Start and length in half hours; past midnight the shift runs overnight.
        let start = u32::from(start % 48) * 30;
        let end = (start + 30 + u32::from(length % 47) * 30) % 1440;
        let mut spec = ScheduleSpec {
            time_zone: pick(ZONES, zone).to_string(),
            ..ScheduleSpec::default()
        };
        let clock = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
        let interval = format!("{}-{}", clock(start), clock(end));
        for hours in spec.hours.values_mut() {
            *hours = vec![interval.clone()];
        }
        if length >= 128 {
            // Seven days a week, the whole day.
            for day in ["sat", "sun"] {
                spec.hours
                    .insert(day.to_string(), vec!["00:00-24:00".to_string()]);
            }
        }
        settings.business_hours = Some(spec);
    }
    for (priority, first, resolution, business) in input.sla.iter().take(4) {
        let key = match pick(PRIORITIES, *priority) {
            "" => "*".to_string(),
            p => p.to_lowercase(),
        };
        settings.sla.insert(
            key,
            SlaTarget {
                first_response_minutes: first.map(|m| f64::from(m) + 1.0),
                resolution_minutes: resolution.map(|m| f64::from(m) + 1.0),
                business_hours: *business,
            },
        );
    }
    settings.as_of = input
        .as_of
        .map(|m| write_time(DateStyle::IsoT, i64::from(m) % 2_200_000));
    settings.csat_scale_max = input.csat_scale.map(|s| [5.0, 7.0, 10.0][s as usize % 3]);
    settings
}

fn selection_of(input: &Input) -> Selection {
    let base = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let from = input
        .from_day
        .and_then(|d| base.checked_add_signed(chrono::Duration::days(i64::from(d) % 1500)));
    let to = match (from, input.days) {
        (Some(from), Some(days)) => {
            from.checked_add_signed(chrono::Duration::days(i64::from(days % 400)))
        }
        _ => None,
    };
    Selection {
        from,
        to,
        channel: input
            .channel
            .map(|c| vec![pick(SELECTED_CHANNELS, c).to_string()])
            .unwrap_or_default(),
        ..Selection::default()
    }
}

fn check_finite(path: &str, kpi: &Kpi) {
    let figures = [
        ("value", kpi.value),
        ("mean", kpi.mean),
        ("median", kpi.median),
        ("p90", kpi.p90),
        ("previous", kpi.previous),
        ("delta", kpi.delta),
        ("target", kpi.target),
    ];
    for (name, figure) in figures {
        if let Some(x) = figure {
            assert!(x.is_finite(), "{path}.{name} is {x}");
        }
    }
    for (extra, x) in &kpi.extras {
        assert!(x.is_finite(), "{path}.{extra:?} is {x}");
    }
    for (breakdown, kpis) in [
        ("by_channel", &kpi.by_channel),
        ("by_priority", &kpi.by_priority),
    ] {
        for (key, inner) in kpis {
            check_finite(&format!("{path}.{breakdown}[{key}]"), inner);
        }
    }
}

fuzz_target!(|input: Input| {
    let csv = build_csv(&input);
    let settings = settings_of(&input);
    let selection = selection_of(&input);
    let report = match helpdesk_kpi::analyze_with(
        [("tickets.csv", csv.as_bytes())],
        &settings,
        &selection,
    ) {
        Ok(report) => report,
        // Settings that make no sense are refused with a message; ours should all make sense.
        Err(message) => panic!("settings refused: {message}\n{}", settings.to_json()),
    };
    let kpis: &BTreeMap<KpiId, Kpi> = &report.kpis;
    for (id, kpi) in kpis {
        check_finite(id.name(), kpi);
    }
    let json = report.to_json();
    if let Err(error) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("the report is not valid JSON ({error})");
    }
});
