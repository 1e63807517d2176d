//! Datetimes as the vendors write them. The form is settled once per column, from its values,
//! so that `03/04/2023` means the same in every row of a column.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime};

use crate::model::time::calendar::wall_clock;
use crate::model::time::zone::Zone;
use crate::model::Timestamp;

/// One way of writing a datetime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateForm {
    /// ISO 8601 / RFC 3339 with an offset or `Z`: converted to UTC.
    WithOffset,
    /// A chrono format with date and time, no offset.
    Naive(&'static str),
    /// A chrono format with a date only: midnight.
    DateOnly(&'static str),
    UnixSeconds,
    UnixMilliseconds,
    /// Excel's date number: days since 1899-12-30, the fraction the time of day (`45322.59`), as
    /// a CSV saved from a spreadsheet writes a date cell without a date format. Not in `FORMS`:
    /// a column of plain numbers is only taken for dates where its header names a date.
    ExcelSerial,
}

/// Candidates in order of preference: where two read every value of a column (all days ≤ 12),
/// the earlier wins. US forms with AM/PM come before day-first ones because AM/PM is a US habit.
/// Public so that tests can walk every form.
pub const FORMS: &[DateForm] = &[
    DateForm::WithOffset,
    DateForm::Naive("%Y-%m-%d %H:%M:%S%.f"),
    DateForm::Naive("%Y-%m-%dT%H:%M:%S%.f"),
    DateForm::Naive("%Y-%m-%d %H:%M"),
    DateForm::Naive("%Y-%m-%dT%H:%M"),
    DateForm::DateOnly("%Y-%m-%d"),
    DateForm::Naive("%Y/%m/%d %H:%M:%S"),
    DateForm::Naive("%Y/%m/%d %H:%M"),
    DateForm::DateOnly("%Y/%m/%d"),
    DateForm::Naive("%m/%d/%Y %I:%M:%S %p"),
    DateForm::Naive("%m/%d/%Y %I:%M %p"),
    DateForm::Naive("%d/%b/%y %I:%M %p"),
    // Jira with a 24-hour clock in its date format (`30/Jul/18 23:33`), as Apache's exports.
    DateForm::Naive("%d/%b/%y %H:%M"),
    DateForm::Naive("%d-%m-%Y %H:%M:%S"),
    DateForm::Naive("%d-%m-%Y %H:%M"),
    DateForm::DateOnly("%d-%m-%Y"),
    DateForm::Naive("%d.%m.%Y %H:%M:%S"),
    DateForm::Naive("%d.%m.%Y %H:%M"),
    DateForm::DateOnly("%d.%m.%Y"),
    DateForm::Naive("%d/%m/%Y %H:%M:%S"),
    DateForm::Naive("%d/%m/%Y %H:%M"),
    DateForm::DateOnly("%d/%m/%Y"),
    DateForm::Naive("%m/%d/%Y %H:%M:%S"),
    DateForm::Naive("%m/%d/%Y %H:%M"),
    DateForm::DateOnly("%m/%d/%Y"),
    // Zoho Desk reports; Chinese locales.
    DateForm::Naive("%d %b %Y %I:%M %p"),
    DateForm::Naive("%Y年%m月%d日 %H:%M:%S"),
    DateForm::Naive("%Y年%m月%d日 %H:%M"),
    DateForm::DateOnly("%Y年%m月%d日"),
    DateForm::UnixMilliseconds,
    DateForm::UnixSeconds,
];

impl DateForm {
    pub fn parse(self, text: &str) -> Option<Timestamp> {
        let text = super::values::trim(text);
        match self {
            // RFC 3339, and the ISO 8601 that Jira and Java write: `±HHMM`, a space for the `T`,
            // no seconds.
            DateForm::WithOffset => DateTime::parse_from_rfc3339(text)
                .ok()
                .or_else(|| {
                    [
                        "%Y-%m-%d %H:%M:%S%.f%:z",
                        "%Y-%m-%dT%H:%M:%S%.f%z",
                        "%Y-%m-%d %H:%M:%S%.f%z",
                        "%Y-%m-%dT%H:%M%z",
                        "%Y-%m-%d %H:%M%z",
                        "%Y-%m-%dT%H:%M%:z",
                    ]
                    .iter()
                    .find_map(|f| DateTime::parse_from_str(text, f).ok())
                })
                .map(|t| t.timestamp()),
            DateForm::Naive(format) => {
                let fast = match format {
                    "%Y-%m-%d %H:%M:%S%.f" => iso_seconds(text, b' '),
                    "%Y-%m-%dT%H:%M:%S%.f" => iso_seconds(text, b'T'),
                    _ => None,
                };
                fast.unwrap_or_else(|| {
                    NaiveDateTime::parse_from_str(text, format)
                        .ok()
                        .map(|t| t.and_utc().timestamp())
                })
            }
            DateForm::DateOnly(format) => NaiveDate::parse_from_str(text, format)
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|t| t.and_utc().timestamp()),
            DateForm::UnixSeconds => unix_digits(text, 9..=10),
            DateForm::UnixMilliseconds => unix_digits(text, 12..=13).map(|ms| ms.div_euclid(1000)),
            DateForm::ExcelSerial => excel_serial(text),
        }
    }

    /// Parses `text` as the wall-clock time of `zone` (see `model`): naive forms are taken as
    /// written; forms that name an instant (an offset, Unix time) are turned into `zone`'s time.
    pub fn parse_in(self, text: &str, zone: Option<Zone>) -> Option<Timestamp> {
        let utc = self.parse(text)?;
        match (self, zone) {
            (
                DateForm::WithOffset | DateForm::UnixSeconds | DateForm::UnixMilliseconds,
                Some(zone),
            ) => Some(wall_clock(utc, zone)),
            _ => Some(utc),
        }
    }

    /// How the form is shown to a person: an example date written in it.
    /// The same as a message: an example date is shown as written; the words of the number
    /// forms are messages of the catalogue.
    pub fn example(self) -> crate::message::Message {
        use crate::message::Message;
        match self {
            DateForm::UnixSeconds => Message::new("date.unix_seconds"),
            DateForm::UnixMilliseconds => Message::new("date.unix_milliseconds"),
            DateForm::ExcelSerial => Message::new("date.excel_serial"),
            _ => Message::new(&self.describe()),
        }
    }

    pub fn describe(self) -> String {
        let example = NaiveDate::from_ymd_opt(2024, 1, 31)
            .and_then(|d| d.and_hms_opt(14, 5, 0))
            .unwrap_or_default();
        match self {
            DateForm::WithOffset => "2024-01-31T14:05:00+01:00".to_string(),
            DateForm::Naive(format) | DateForm::DateOnly(format) => {
                example.format(&format.replace("%.f", "")).to_string()
            }
            DateForm::UnixSeconds => "Unix seconds, like 1706709900".to_string(),
            DateForm::UnixMilliseconds => "Unix milliseconds, like 1706709900000".to_string(),
            DateForm::ExcelSerial => "an Excel date number, like 45322.59".to_string(),
        }
    }
}

/// Which comes first in a date like `03/04/2024` when no value of its column tells (no day
/// above 12): a setting, or the person's choice for one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// 3 April: most of the world.
    #[default]
    DayFirst,
    /// March 4: the United States.
    MonthFirst,
}

/// The same slash form with day and month swapped, for the forms where both exist.
pub fn swapped(form: DateForm) -> Option<DateForm> {
    const PAIRS: [(&str, &str); 3] = [
        ("%d/%m/%Y %H:%M:%S", "%m/%d/%Y %H:%M:%S"),
        ("%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M"),
        ("%d/%m/%Y", "%m/%d/%Y"),
    ];
    let (format, date_only) = match form {
        DateForm::Naive(format) => (format, false),
        DateForm::DateOnly(format) => (format, true),
        _ => return None,
    };
    let other = PAIRS.iter().find_map(|&(day, month)| {
        (format == day)
            .then_some(month)
            .or((format == month).then_some(day))
    })?;
    Some(if date_only {
        DateForm::DateOnly(other)
    } else {
        DateForm::Naive(other)
    })
}

/// Whether `form` is day-first (`None` for forms without the question).
pub fn is_day_first(form: DateForm) -> Option<bool> {
    swapped(form)?;
    match form {
        DateForm::Naive(format) | DateForm::DateOnly(format) => Some(format.starts_with("%d")),
        _ => None,
    }
}

/// The form of a column in `order` when no value decides between day and month first: `form`
/// as detected, and whether the order was left open by the values (and so taken from `order`).
pub fn settle_order<'a>(
    form: DateForm,
    values: impl Iterator<Item = &'a str> + Clone,
    order: DateOrder,
) -> (DateForm, bool) {
    let Some(other) = swapped(form) else {
        return (form, false);
    };
    let reads = |f: DateForm| {
        values
            .clone()
            .filter(|v| !v.trim().is_empty() && f.parse(v).is_some())
            .count()
    };
    if reads(form) != reads(other) {
        return (form, false);
    }
    let want_day_first = order == DateOrder::DayFirst;
    if is_day_first(form) == Some(want_day_first) {
        (form, true)
    } else {
        (other, true)
    }
}

fn unix_digits(text: &str, lengths: std::ops::RangeInclusive<usize>) -> Option<i64> {
    if lengths.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// The form that reads the most of `values` (non-empty ones), earliest on a tie; `None` when no
/// form reads any of them.
pub fn detect_form<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<DateForm> {
    let values: Vec<&str> = values
        .into_iter()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    // Trying ~30 forms on every value of a 500 000-row column was most of the reading time. A
    // spread sample finds the candidate; only the first form that reads the whole sample is
    // tried on everything. The answer is the full scan's (earliest form reading all values;
    // an earlier form failing the sample cannot read all values).
    const SAMPLE: usize = 256;
    if values.len() > SAMPLE {
        let step = values.len() / SAMPLE;
        let sample: Vec<&str> = values.iter().step_by(step).copied().collect();
        for &form in FORMS {
            if sample.iter().all(|v| form.parse(v).is_some()) {
                if values.iter().all(|v| form.parse(v).is_some()) {
                    return Some(form);
                }
                break;
            }
        }
    }
    let mut best: Option<(DateForm, usize)> = None;
    for &form in FORMS {
        let read = values.iter().filter(|v| form.parse(v).is_some()).count();
        if read > 0 && best.is_none_or(|(_, most)| read > most) {
            best = Some((form, read));
            if read == values.len() {
                break;
            }
        }
    }
    best.map(|(form, _)| form)
}

/// `YYYY-MM-DD HH:MM:SS` or with a `T`, no fraction, no offset — the most common export form —
/// read without chrono's format interpreter (≈10× faster). `None` for any other shape, which
/// then goes the general way.
fn iso_seconds(text: &str, separator: u8) -> Option<Option<Timestamp>> {
    let b: &[u8; 19] = text.as_bytes().try_into().ok()?;
    let shaped =
        b[4] == b'-' && b[7] == b'-' && b[10] == separator && b[13] == b':' && b[16] == b':';
    shaped.then(|| iso_fields(b))
}

/// The time of a shaped `YYYY-MM-DD?HH:MM:SS`, as chrono would read it: the date checked by
/// chrono, the time of day by hand (a third of the instructions of `and_hms_opt` and
/// `timestamp`, three times a row).
fn iso_fields(b: &[u8; 19]) -> Option<Timestamp> {
    let digit = |i: usize| b[i].is_ascii_digit().then(|| i64::from(b[i] - b'0'));
    let two = |i: usize| Some(digit(i)? * 10 + digit(i + 1)?);
    let year = two(0)? * 100 + two(2)?;
    let date = NaiveDate::from_ymd_opt(year as i32, two(5)? as u32, two(8)? as u32)?;
    let (hour, minute) = (two(11)?, two(14)?);
    // A leap second (:60) reads as :59, as chrono does.
    let second = match two(17)? {
        60 => 59,
        second => second,
    };
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let days = i64::from(chrono::Datelike::num_days_from_ce(&date)) - UNIX_EPOCH_DAYS_FROM_CE;
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second)
}

/// 1970-01-01 counted as chrono's `num_days_from_ce` counts (0001-01-01 is day 1).
const UNIX_EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// Excel's serial date (1900 system): 1 is 1900-01-01 and, after Excel's phantom 1900-02-29,
/// day 0 is 1899-12-30. Only 1950–2100 (18264–73415) are taken, so counts and amounts are not
/// read as dates; to the second.
fn excel_serial(text: &str) -> Option<Timestamp> {
    let well_formed = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|&b| b == b'.').count() <= 1;
    let days: f64 = text.parse().ok().filter(|_| well_formed)?;
    if !(18_264.0..73_416.0).contains(&days) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    let seconds = (days * 86_400.0).round() as i64;
    Some((epoch + Duration::seconds(seconds)).and_utc().timestamp())
}

/// A time given in the settings or on the command line: `2024-03-31T17:00:00`, with a space,
/// without seconds, or a bare date (midnight).
pub fn parse_setting_time(text: &str) -> Option<Timestamp> {
    [
        DateForm::WithOffset,
        DateForm::Naive("%Y-%m-%dT%H:%M:%S"),
        DateForm::Naive("%Y-%m-%d %H:%M:%S"),
        DateForm::Naive("%Y-%m-%dT%H:%M"),
        DateForm::Naive("%Y-%m-%d %H:%M"),
        DateForm::DateOnly("%Y-%m-%d"),
    ]
    .iter()
    .find_map(|form| form.parse(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::calendar::*;

    #[test]
    fn iso_8601_as_jira_and_java_write_it() {
        // 11:44:18.434 at -05:00 is 16:44:18 UTC.
        let utc = NaiveDate::from_ymd_opt(2025, 5, 15)
            .and_then(|d| d.and_hms_opt(16, 44, 18))
            .map(|t| t.and_utc().timestamp());
        for text in [
            "2025-05-15T11:44:18.434-0500",
            "2025-05-15T11:44:18-05:00",
            "2025-05-15 11:44:18.434-0500",
            "2025-05-15T16:44:18.434Z",
        ] {
            assert_eq!(DateForm::WithOffset.parse(text), utc, "{text}");
        }
        assert_eq!(
            detect_form([
                "2025-05-15T11:44:18.434-0500",
                "2025-05-16T08:00:00.000+0200"
            ]),
            Some(DateForm::WithOffset)
        );
        // Jira with a 24-hour clock.
        assert_eq!(
            detect_form(["30/Jul/18 23:33", "01/Aug/18 09:10"]),
            Some(DateForm::Naive("%d/%b/%y %H:%M"))
        );
        // An Excel re-save: no leading zeros, no seconds.
        let form = detect_form(["8/1/2025 1:30", "8/13/2025 14:05"]);
        assert_eq!(form, Some(DateForm::Naive("%m/%d/%Y %H:%M")));
    }

    #[test]
    fn has_day_is_day_of_without_the_date() {
        for t in [
            DAYS_FROM - 1,
            DAYS_FROM,
            0,
            -1,
            1_700_000_000,
            DAYS_TO,
            DAYS_TO + 1,
        ] {
            assert_eq!(has_day(t), day_of(t).is_some(), "{t}");
        }
        assert!(!has_day(i64::MIN) && !has_day(i64::MAX));
    }

    #[test]
    fn excel_date_numbers() {
        let form = DateForm::ExcelSerial;
        let at = |text| {
            form.parse(text)
                .and_then(|t| DateTime::from_timestamp(t, 0))
        };
        // 45292 is 2024-01-01 (Excel: =DATE(2024,1,1) → 45292); .5 is noon; 0.59 of a day is
        // 14:09:36.
        assert_eq!(at("45292").unwrap().to_string(), "2024-01-01 00:00:00 UTC");
        assert_eq!(
            at("45292.5").unwrap().to_string(),
            "2024-01-01 12:00:00 UTC"
        );
        assert_eq!(
            at("45322.59").unwrap().to_string(),
            "2024-01-31 14:09:36 UTC"
        );
        // Counts, amounts, ids and text are not dates.
        for text in [
            "3", "1200", "99999", "-45292", "4.5e4", "45,292", "", "1.2.3",
        ] {
            assert_eq!(form.parse(text), None, "{text}");
        }
    }

    #[test]
    fn the_fast_iso_path_agrees_with_chrono() {
        let form = DateForm::Naive("%Y-%m-%d %H:%M:%S%.f");
        let slow = |t: &str| {
            NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S%.f")
                .ok()
                .map(|t| t.and_utc().timestamp())
        };
        for text in [
            "2024-02-29 23:59:59",
            "2023-02-29 10:00:00",
            "2024-13-01 10:00:00",
            "2024-01-01 24:00:00",
            "2024-01-01 10:60:00",
            "2024-01-01 10:00:60",
            "0000-01-01 00:00:00",
            "2024-01-0a 10:00:00",
            "2024-01-01 10:00:00.5",
            "2024-01-01T10:00:00",
            "1970-01-01 00:00:00",
            "1969-12-31 23:59:59",
            "1900-03-01 00:00:01",
            "2100-12-31 23:59:59",
            "2024-02-29 00:00:00",
            "2024-00-10 10:00:00",
            "2024-01-00 10:00:00",
            "2024-01-01 10:00:61",
            "2024-01-01 +0:00:00",
        ] {
            assert_eq!(form.parse(text), slow(text), "{text}");
        }
        // Every day of four years, at times that walk the clock.
        let mut day = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
        for i in 0..1461u32 {
            let text = format!(
                "{} {:02}:{:02}:{:02}",
                day.format("%Y-%m-%d"),
                i % 24,
                (i * 7) % 60,
                (i * 13) % 61
            );
            assert_eq!(form.parse(&text), slow(&text), "{text}");
            day = day.succ_opt().unwrap();
        }
        let t = DateForm::Naive("%Y-%m-%dT%H:%M:%S%.f");
        assert_eq!(
            t.parse("2024-01-01T10:00:00"),
            form.parse("2024-01-01 10:00:00")
        );
    }

    #[test]
    fn a_sample_does_not_change_the_detected_form() {
        // 1000 dates readable both ways, one only day-first at the very end: the full scan's
        // answer (day-first reads them all) must survive the sampling.
        let mut values: Vec<String> = (0..1000)
            .map(|i| format!("0{}/0{}/2024", 1 + i % 9, 1 + i % 7))
            .collect();
        values.push("25/03/2024".to_string());
        let form = detect_form(values.iter().map(String::as_str));
        assert_eq!(form, Some(DateForm::DateOnly("%d/%m/%Y")));
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> Timestamp {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
            .and_utc()
            .timestamp()
    }

    #[test]
    fn reads_the_vendor_forms() {
        let cases = [
            ("2023-04-08 20:52:00", at(2023, 4, 8, 20, 52)),
            ("2023-04-08T20:52:00", at(2023, 4, 8, 20, 52)),
            ("2023-06-01 7:29", at(2023, 6, 1, 7, 29)),
            ("2023-04-08", at(2023, 4, 8, 0, 0)),
            ("2023-04-08T22:52:00+02:00", at(2023, 4, 8, 20, 52)),
            ("2023-04-08T20:52:00Z", at(2023, 4, 8, 20, 52)),
            ("08-04-2023 20:52", at(2023, 4, 8, 20, 52)),
            ("08.04.2023 20:52", at(2023, 4, 8, 20, 52)),
            ("4/8/2023 8:52 PM", at(2023, 4, 8, 20, 52)),
            ("22/Nov/26 3:45 PM", at(2026, 11, 22, 15, 45)),
            ("06 May 2024 09:00 AM", at(2024, 5, 6, 9, 0)),
            ("2023年2月16日 13:45", at(2023, 2, 16, 13, 45)),
            ("2023年02月16日", at(2023, 2, 16, 0, 0)),
            ("1680987120", at(2023, 4, 8, 20, 52)),
            ("1680987120000", at(2023, 4, 8, 20, 52)),
        ];
        for (text, expected) in cases {
            let form = detect_form([text]).unwrap_or_else(|| panic!("no form reads {text}"));
            assert_eq!(form.parse(text), Some(expected), "{text} read as {form:?}");
        }
    }

    #[test]
    fn one_unambiguous_value_settles_day_first_for_the_column() {
        // 03/04 alone would be read month-first by the US 24h form; 13/04 cannot be.
        let form = detect_form(["03/04/2023 10:00", "13/04/2023 09:30"]).unwrap();
        assert_eq!(form, DateForm::Naive("%d/%m/%Y %H:%M"));
        assert_eq!(form.parse("03/04/2023 10:00"), Some(at(2023, 4, 3, 10, 0)));
    }

    #[test]
    fn one_unambiguous_value_settles_month_first_for_the_column() {
        let form = detect_form(["03/04/2023 10:00", "04/13/2023 09:30"]).unwrap();
        assert_eq!(form, DateForm::Naive("%m/%d/%Y %H:%M"));
        assert_eq!(form.parse("03/04/2023 10:00"), Some(at(2023, 3, 4, 10, 0)));
    }

    #[test]
    fn an_order_no_value_decides_comes_from_the_setting() {
        // 03/04 and 05/06: both forms read both values; the setting decides, and says so.
        let values = ["03/04/2024 10:00", "05/06/2024 09:30"];
        let form = detect_form(values).unwrap();
        let (day, open) = settle_order(form, values.iter().copied(), DateOrder::DayFirst);
        assert!(open);
        assert_eq!(day.parse(values[0]), Some(at(2024, 4, 3, 10, 0)));
        let (month, open) = settle_order(form, values.iter().copied(), DateOrder::MonthFirst);
        assert!(open);
        assert_eq!(month.parse(values[0]), Some(at(2024, 3, 4, 10, 0)));
        // 13/04 decides: the setting is not asked.
        let values = ["03/04/2024", "13/04/2024"];
        let form = detect_form(values).unwrap();
        let (form, open) = settle_order(form, values.iter().copied(), DateOrder::MonthFirst);
        assert!(!open);
        assert_eq!(form, DateForm::DateOnly("%d/%m/%Y"));
        // ISO dates have no such question.
        let form = DateForm::DateOnly("%Y-%m-%d");
        assert_eq!(
            settle_order(form, ["2024-03-04"].into_iter(), DateOrder::MonthFirst),
            (form, false)
        );
    }

    #[test]
    fn instants_are_read_in_the_report_zone() {
        let warsaw: Zone = "Europe/Warsaw".parse().unwrap();
        // 10:00Z is 12:00 in Warsaw in summer (CEST, +2).
        let form = detect_form(["2024-07-01T10:00:00Z"]).unwrap();
        assert_eq!(
            form.parse_in("2024-07-01T10:00:00Z", Some(warsaw)),
            Some(at(2024, 7, 1, 12, 0))
        );
        // A naive time is taken as written.
        let naive = DateForm::Naive("%Y-%m-%d %H:%M");
        assert_eq!(
            naive.parse_in("2024-07-01 10:00", Some(warsaw)),
            Some(at(2024, 7, 1, 10, 0))
        );
        // Back to the instant: 12:00 CEST = 10:00Z; across the spring change, 01:00 → 04:00
        // local on 2024-03-31 is 2 real hours.
        assert_eq!(
            instant(at(2024, 7, 1, 12, 0), Some(warsaw)),
            at(2024, 7, 1, 10, 0)
        );
        let span = instant(at(2024, 3, 31, 4, 0), Some(warsaw))
            - instant(at(2024, 3, 31, 1, 0), Some(warsaw));
        assert_eq!(span, 2 * 3600);
        // 02:30 does not exist that day: read as 03:30 CEST = 01:30Z.
        assert_eq!(
            instant(at(2024, 3, 31, 2, 30), Some(warsaw)),
            at(2024, 3, 31, 1, 30)
        );
    }

    #[test]
    fn forms_are_described_by_an_example() {
        assert_eq!(
            DateForm::Naive("%Y-%m-%d %H:%M:%S%.f").describe(),
            "2024-01-31 14:05:00"
        );
        assert_eq!(
            DateForm::Naive("%m/%d/%Y %I:%M %p").describe(),
            "01/31/2024 02:05 PM"
        );
        assert_eq!(DateForm::DateOnly("%d.%m.%Y").describe(), "31.01.2024");
    }

    #[test]
    fn plausible_times_are_1900_to_2100() {
        assert_eq!(EARLIEST, at(1900, 1, 1, 0, 0));
        assert_eq!(LATEST, at(2101, 1, 1, 0, 0) - 1);
        assert!(is_plausible(at(1900, 1, 1, 0, 0)));
        assert!(is_plausible(at(2100, 12, 31, 23, 59)));
        let form = DateForm::Naive("%Y-%m-%d %H:%M:%S%.f");
        for text in [
            "0000-01-01 00:00:00",
            "0001-01-01 00:00:00",
            "1899-12-31 23:59:59",
            "9999-12-31 23:59:59",
            "+12345-01-01 00:00:00",
        ] {
            let time = form.parse(text).expect("chrono reads it");
            assert!(!is_plausible(time), "{text}");
        }
    }

    #[test]
    fn text_that_is_no_date_has_no_form() {
        assert_eq!(detect_form(["Open", "Closed", ""]), None);
        assert_eq!(detect_form(["2023-02-30 10:00"]), None);
    }
}
