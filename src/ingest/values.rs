//! Cell values → canonical values: statuses, channels, counts, durations, satisfaction answers.
//! Each parser says why (`Unread`, a code and the quoted cell) when the value cannot be read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::datetime;
use super::field::{normalize_header, Unit};
use super::lexicon::{self, Answer};
use crate::message::Message;
use crate::model::time::calendar;
use crate::model::{Happiness, Satisfaction, Status, Timestamp};

/// Where a value's reading came from: the vendor's table, the lexicon of the languages the
/// reader knows, the person's own mapping, or nowhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadBy {
    Vendor,
    Lexicon,
    Yours,
    Unknown,
}

/// Maps a status cell: the person's mapping, then the vendor's table, then the lexicon; an
/// unknown word is kept lower-cased (and counts as unsolved, with a warning where many do).
pub fn status_read(
    text: &str,
    vendor_statuses: &[(&str, Status)],
    yours: &BTreeMap<String, Status>,
) -> (Status, ReadBy) {
    let key = normalize_header(text);
    if let Some(status) = yours.get(&key) {
        return (status.clone(), ReadBy::Yours);
    }
    if let Some((_, status)) = vendor_statuses.iter().find(|(word, _)| *word == key) {
        return (status.clone(), ReadBy::Vendor);
    }
    match lexicon::status(&key) {
        Some(status) => (status, ReadBy::Lexicon),
        None => (Status::Other(key), ReadBy::Unknown),
    }
}

/// Maps a status cell with the vendor's table and the lexicon.
pub fn status(text: &str, vendor_statuses: &[(&str, Status)]) -> Status {
    status_read(text, vendor_statuses, &BTreeMap::new()).0
}

/// Channel names that mean the same across vendors; others are kept lower-cased.
const CHANNELS: &[(&str, &str)] = &[
    ("mail", "email"),
    ("e mail", "email"),
    ("email", "email"),
    ("web form", "web"),
    ("web widget", "web"),
    ("portal", "web"),
    ("web", "web"),
    ("chat", "chat"),
    ("live chat", "chat"),
    ("phone", "phone"),
    ("phone call (incoming)", "phone"),
    ("phone call (outgoing)", "phone"),
    ("voicemail", "phone"),
    ("web service", "api"),
    ("api", "api"),
    // Vendors' own names: HubSpot "Form", Gorgias "contact_form", GLPI "Helpdesk", ServiceNow
    // "Self-service" / "Walk-in" / "Virtual Agent", Freshservice "Walkup", Intercom "Messenger".
    ("form", "web"),
    ("contact form", "web"),
    ("help center", "web"),
    ("helpdesk", "web"),
    ("self service", "web"),
    ("feedback widget", "web"),
    ("walk in", "walk-in"),
    ("walkup", "walk-in"),
    ("walk up", "walk-in"),
    ("virtual agent", "chat"),
    ("messenger", "chat"),
    ("phone call", "phone"),
    ("call", "phone"),
    // Chinese, Polish, Slovak
    ("邮件", "email"),
    ("电子邮件", "email"),
    ("电话", "phone"),
    ("在线客服", "chat"),
    ("在线聊天", "chat"),
    ("网页", "web"),
    ("表单", "web"),
    ("telefon", "phone"),
    ("czat", "chat"),
    ("formularz", "web"),
    ("telefón", "phone"),
    ("čet", "chat"),
    ("formulár", "web"),
];

pub fn channel(text: &str) -> String {
    let key = normalize_header(text);
    CHANNELS
        .iter()
        .find(|(word, _)| *word == key)
        .map(|(_, canonical)| canonical.to_string())
        .unwrap_or(key)
}

/// Lower-cased, spaces folded: for priorities, types and other category labels.
pub fn category(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// 100 years of minutes (365.25-day years): the longest duration taken as real.
pub const MAX_DURATION_MINUTES: f64 = 100.0 * 365.25 * 24.0 * 60.0;

/// A cell's text as a message quotes it: `'text'`, cut after 40 characters so that a 1 MB cell
/// does not make a 1 MB reason (one per skipped row).
pub fn quoted(text: &str) -> String {
    const SHOWN: usize = 40;
    match text.char_indices().nth(SHOWN) {
        None => format!("'{text}'"),
        Some((end, _)) => format!("'{}…' ({} characters)", &text[..end], text.chars().count()),
    }
}

/// Why a cell could not be read: what is wrong, as a small code, and the cell as a message
/// quotes it (`quoted`). Made only when a cell fails; its message (`Unread::message`) only when
/// it is reported.
#[derive(Clone, Debug, PartialEq)]
pub struct Unread {
    pub why: Why,
    pub value: String,
}

/// What is wrong with a cell that could not be read; each has a message of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    ImplausibleDate,
    NotACount,
    NegativeDuration,
    DurationTooLong,
    NotAClockDuration,
    NotADuration,
    NotANumber,
    UnknownAnswer,
    ScoreWithoutScale,
    ScoreOutsideScale,
    NotAnSlaVerdict,
    NotAPercentage,
    NotAnNpsScore,
}

impl Why {
    pub const ALL: [Why; 13] = [
        Why::ImplausibleDate,
        Why::NotACount,
        Why::NegativeDuration,
        Why::DurationTooLong,
        Why::NotAClockDuration,
        Why::NotADuration,
        Why::NotANumber,
        Why::UnknownAnswer,
        Why::ScoreWithoutScale,
        Why::ScoreOutsideScale,
        Why::NotAnSlaVerdict,
        Why::NotAPercentage,
        Why::NotAnNpsScore,
    ];

    /// The key of its message, whose one hole is `{value}`.
    pub fn key(self) -> &'static str {
        match self {
            Why::ImplausibleDate => "row.implausible_date",
            Why::NotACount => "value.count",
            Why::NegativeDuration => "value.negative_duration",
            Why::DurationTooLong => "value.duration_too_long",
            Why::NotAClockDuration => "value.duration",
            Why::NotADuration => "value.duration_forms",
            Why::NotANumber => "value.number",
            Why::UnknownAnswer => "value.answer_unknown",
            Why::ScoreWithoutScale => "value.score_0_10",
            Why::ScoreOutsideScale => "value.score_scale",
            Why::NotAnSlaVerdict => "value.sla",
            Why::NotAPercentage => "value.percent",
            Why::NotAnNpsScore => "value.nps",
        }
    }

    /// The reason for the cell `text`.
    fn of(self, text: &str) -> Unread {
        Unread {
            why: self,
            value: quoted(text),
        }
    }
}

impl Unread {
    pub fn message(&self) -> Message {
        Message::new(self.why.key()).with("value", &self.value)
    }
}

/// A time read from `text` as a record may hold it: `None` for Excel's empty date, the reason
/// when it falls before 1900 or after 2100. Kept, such a time would stretch the daily and
/// weekly series over millennia.
pub fn plausible_time(text: &str, time: Timestamp) -> Result<Option<Timestamp>, Unread> {
    // Excel writes its empty date as 1900-01-01 00:00 (Zendesk's "Solved at" of the tickets
    // never solved, in the public insurer export): it means no date.
    if time == calendar::EARLIEST {
        return Ok(None);
    }
    if !calendar::is_plausible(time) {
        return Err(Why::ImplausibleDate.of(text));
    }
    Ok(Some(time))
}

/// A non-negative whole count (replies, reopens). Accepts `3.0` as Excel writes it.
/// `str::trim`, without its walk through Unicode's white space at an end that plainly is not
/// (a letter, digit or sign: most cells). Cells, dates and numbers are all trimmed, about
/// seventeen times a row, and `str::trim` was a twentieth of reading.
pub fn trim(text: &str) -> &str {
    let plain = |b: &u8| b.is_ascii_graphic();
    let bytes = text.as_bytes();
    match (
        bytes.first().is_some_and(plain),
        bytes.last().is_some_and(plain),
    ) {
        (true, true) => text,
        (true, false) => text.trim_end(),
        (false, true) => text.trim_start(),
        (false, false) => text.trim(),
    }
}

/// A cell of up to 15 digits and nothing else, as the number it is: exact in an `f64`, so what
/// `str::parse` would give, without the float parser (most count and minute cells are such).
fn whole_number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 15 {
        return None;
    }
    let mut n = 0u64;
    for &b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(b - b'0');
    }
    Some(n as f64)
}

pub fn count(text: &str) -> Result<u32, Unread> {
    let number = number(text)?;
    if number < 0.0 || number.fract() != 0.0 || number > u32::MAX as f64 {
        return Err(Why::NotACount.of(text));
    }
    Ok(number as u32)
}

/// A duration in minutes: a number in `unit`, `H:MM` / `H:MM:SS` text (hours past 24, with
/// thousands separators: `1,199:39:14`), an ISO 8601 duration (`PT1H30M`, `P1DT2H`), or words
/// in the lexicon's languages (`1 horas 18 minutos`, `2d 4h`, `45 min`).
pub fn duration_minutes(text: &str, unit: Unit) -> Result<f64, Unread> {
    let text = trim(text);
    let minutes = if let Some(number) = whole_number(text) {
        in_minutes(number, unit)
    } else if let Some(minutes) = epoch_minutes(text) {
        minutes
    } else if text.contains(':') {
        clock_minutes(text)?
    } else if let Some(minutes) = iso_duration_minutes(text) {
        minutes
    } else if let Ok(number) = number(text) {
        in_minutes(number, unit)
    } else {
        worded_minutes(text).ok_or_else(|| Why::NotADuration.of(text))?
    };
    if minutes < 0.0 {
        return Err(Why::NegativeDuration.of(text));
    }
    // 1e300 or an hour count that overflows to inf would pass `number`'s finite check and swamp
    // every mean: no ticket stays open for a century.
    if minutes.is_nan() || minutes > MAX_DURATION_MINUTES {
        return Err(Why::DurationTooLong.of(text));
    }
    // "-0" passes the sign check as -0.0, which the JSON would print as "-0.0".
    Ok(if minutes == 0.0 { 0.0 } else { minutes })
}

fn in_minutes(number: f64, unit: Unit) -> f64 {
    match unit {
        Unit::Milliseconds => number / 60_000.0,
        Unit::Seconds => number / 60.0,
        Unit::Minutes => number,
        Unit::Hours => number * 60.0,
        Unit::Days => number * 1440.0,
    }
}

fn clock_minutes(text: &str) -> Result<f64, Unread> {
    let parts: Vec<&str> = text.split(':').collect();
    let invalid = || Why::NotAClockDuration.of(text);
    if !(2..=3).contains(&parts.len()) {
        return Err(invalid());
    }
    // Spreadsheets group the hours of long durations: "1,199" or "1 199" hours.
    let hours: String = parts[0]
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | '\'' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let mut numbers = Vec::with_capacity(3);
    numbers.push(hours.parse::<u64>().map_err(|_| invalid())?);
    for part in &parts[1..] {
        numbers.push(part.trim().parse::<u64>().map_err(|_| invalid())?);
    }
    let hours = numbers[0] as f64;
    let minutes = numbers[1] as f64;
    let seconds = numbers.get(2).copied().unwrap_or(0) as f64;
    if minutes >= 60.0 || seconds >= 60.0 {
        return Err(invalid());
    }
    Ok(hours * 60.0 + minutes + seconds / 60.0)
}

/// A duration written as a time after the Unix epoch, as ServiceNow's API writes its duration
/// fields (`1970-01-03 02:30:00` is 2 days 2½ hours).
fn epoch_minutes(text: &str) -> Option<f64> {
    let rest = text.strip_prefix("1970-01-")?;
    let time = datetime::DateForm::Naive("%Y-%m-%d %H:%M:%S").parse(text)?;
    (rest.len() >= 2).then_some(time as f64 / 60.0)
}

/// An ISO 8601 duration: `P[nW][nD][T[nH][nM][nS]]`. Years and months are refused (their
/// length depends on the calendar).
fn iso_duration_minutes(text: &str) -> Option<f64> {
    let rest = text.strip_prefix(['P', 'p'])?;
    let (date, time) = match rest.split_once(['T', 't']) {
        Some((date, time)) => (date, Some(time)),
        None => (rest, None),
    };
    let mut minutes = 0.0;
    let mut any = false;
    let mut read = |part: &str, units: &[(char, f64)]| -> Option<()> {
        let mut number = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' || c == ',' {
                number.push(if c == ',' { '.' } else { c });
            } else {
                let per = units.iter().find(|(u, _)| u.eq_ignore_ascii_case(&c))?.1;
                minutes += number.parse::<f64>().ok()? * per;
                number.clear();
                any = true;
            }
        }
        number.is_empty().then_some(())
    };
    read(date, &[('W', 10_080.0), ('D', 1440.0)])?;
    if let Some(time) = time {
        if time.is_empty() {
            return None;
        }
        read(time, &[('H', 60.0), ('M', 1.0), ('S', 1.0 / 60.0)])?;
    }
    any.then_some(minutes)
}

/// A duration in words: number and unit pairs, in any of the lexicon's languages, joined by
/// spaces, commas or "and" (`1 horas 18 minutos`, `2 jours et 3 heures`, `1h30m`, `1h 30`).
fn worded_minutes(text: &str) -> Option<f64> {
    const JOINS: &[&str] = &["and", "e", "et", "y", "und", "en", "i", "a", "и"];
    let text = text.to_lowercase();
    let mut minutes = 0.0;
    let mut pairs = 0;
    let mut last_per: Option<f64> = None;
    let mut chars = text.chars().peekable();
    while chars.peek().is_some() {
        while chars.next_if(|c| c.is_whitespace() || *c == ',').is_some() {}
        let mut number = String::new();
        while let Some(c) = chars.next_if(|c| c.is_ascii_digit() || *c == '.' || *c == ',') {
            number.push(if c == ',' { '.' } else { c });
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut word = String::new();
        while let Some(c) =
            chars.next_if(|c| !c.is_whitespace() && !c.is_ascii_digit() && *c != ',')
        {
            word.push(c);
        }
        match (number.is_empty(), word.is_empty()) {
            (true, true) => break,
            (true, false) if JOINS.contains(&word.as_str()) => continue,
            (true, false) => return None,
            (false, _) => {
                let value: f64 = number.trim_end_matches('.').parse().ok()?;
                // "1h 30": a bare number after hours is minutes.
                let per = if word.is_empty() {
                    (last_per == Some(60.0)).then_some(1.0)?
                } else {
                    lexicon::duration_unit(&word)?
                };
                minutes += value * per;
                last_per = Some(per);
                pairs += 1;
            }
        }
    }
    (pairs > 0).then_some(minutes)
}

/// A decimal number; a lone decimal comma (`1,5`) is read as a point.
pub fn number(text: &str) -> Result<f64, Unread> {
    let trimmed = trim(text);
    if let Some(number) = whole_number(trimmed) {
        return Ok(number);
    }
    let parsed = if trimmed.contains(',') && !trimmed.contains('.') {
        trimmed.replacen(',', ".", 1).parse::<f64>()
    } else {
        trimmed.parse::<f64>()
    };
    parsed
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| Why::NotANumber.of(text))
}

/// The rating scale of a numeric satisfaction column, settled from its largest value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatingScale {
    OneToFive,
    OneToSeven,
    ZeroToTen,
}

impl RatingScale {
    /// From the largest score in the column (catalogue, `csat`).
    pub fn from_max(max: f64) -> Option<RatingScale> {
        match max {
            m if m <= 5.0 => Some(RatingScale::OneToFive),
            m if m <= 7.0 => Some(RatingScale::OneToSeven),
            m if m <= 10.0 => Some(RatingScale::ZeroToTen),
            _ => None,
        }
    }

    /// Satisfied: 4–5 on 1–5, 6–7 on 1–7, 9–10 on 0–10.
    fn is_satisfied(self, score: f64) -> bool {
        match self {
            RatingScale::OneToFive => score >= 4.0,
            RatingScale::OneToSeven => score >= 6.0,
            RatingScale::ZeroToTen => score >= 9.0,
        }
    }

    fn highest(self) -> f64 {
        match self {
            RatingScale::OneToFive => 5.0,
            RatingScale::OneToSeven => 7.0,
            RatingScale::ZeroToTen => 10.0,
        }
    }

    fn lowest(self) -> f64 {
        match self {
            RatingScale::ZeroToTen => 0.0,
            _ => 1.0,
        }
    }
}

/// A satisfaction cell. `Ok(None)`: no survey was offered (or the cell is blank).
pub fn satisfaction(
    text: &str,
    scale: Option<RatingScale>,
) -> Result<Option<Satisfaction>, Unread> {
    satisfaction_read(text, scale, &BTreeMap::new()).0
}

/// A satisfaction cell, and where its reading came from (`Unknown` for numbers too: they are
/// read by the column's scale, not by a word).
pub fn satisfaction_read(
    text: &str,
    scale: Option<RatingScale>,
    yours: &BTreeMap<String, Answer>,
) -> (Result<Option<Satisfaction>, Unread>, ReadBy) {
    let key = normalize_header(text);
    if key.is_empty() {
        return (Ok(None), ReadBy::Lexicon);
    }
    let word = |answer: Answer| match answer {
        Answer::NotOffered => None,
        Answer::Unanswered => Some(Satisfaction::Unanswered),
        Answer::Satisfied | Answer::Unsatisfied => Some(Satisfaction::Rated {
            satisfied: answer == Answer::Satisfied,
            score: None,
        }),
    };
    if let Some(answer) = yours.get(&key) {
        return (Ok(word(*answer)), ReadBy::Yours);
    }
    if let Some(answer) = lexicon::answer(&key) {
        return (Ok(word(answer)), ReadBy::Lexicon);
    }
    let Ok(score) = number(text) else {
        return (Err(Why::UnknownAnswer.of(text)), ReadBy::Unknown);
    };
    let read = || {
        let scale = scale.ok_or_else(|| Why::ScoreWithoutScale.of(text))?;
        if score < scale.lowest() || score > scale.highest() {
            return Err(Why::ScoreOutsideScale.of(text));
        }
        Ok(Some(Satisfaction::Rated {
            satisfied: scale.is_satisfied(score),
            score: Some(score),
        }))
    };
    (read(), ReadBy::Vendor)
}

/// Tags as vendors write them: space-separated (Zendesk) or comma-separated (Freshdesk).
pub fn tags(text: &str) -> Vec<String> {
    let separator = |c: char| c == ',' || c == ';' || (!text.contains(',') && c.is_whitespace());
    text.split(separator)
        .map(|tag| tag.trim().to_lowercase())
        .filter(|tag| !tag.is_empty())
        .collect()
}

/// An SLA verdict cell: "Within SLA" → met, "SLA Violated" / "Breached" → not met.
pub fn sla_met(text: &str) -> Result<bool, Unread> {
    let key = normalize_header(text);
    match key.as_str() {
        "within sla" | "met" | "achieved" | "ok" | "yes" | "true" => Ok(true),
        "sla violated" | "violated" | "breached" | "missed" | "no" | "false" => Ok(false),
        _ => Err(Why::NotAnSlaVerdict.of(text)),
    }
}

/// Help Scout's three ratings, for the happiness score; with `good_bad_okay` (Zoho Desk's
/// three-level Good / Okay / Bad) those words too. Zendesk's two-level Good / Bad is not one.
pub fn happiness(text: &str, good_bad_okay: bool) -> Option<Happiness> {
    match (normalize_header(text).as_str(), good_bad_okay) {
        ("great", _) | ("good", true) => Some(Happiness::Great),
        ("okay", _) | ("ok", _) => Some(Happiness::Okay),
        ("not good", _) | ("bad", true) => Some(Happiness::NotGood),
        _ => None,
    }
}

/// A yes/no cell; any other non-empty text (a bot's name) means yes.
pub fn flag(text: &str) -> bool {
    !matches!(
        normalize_header(text).as_str(),
        "no" | "false" | "0" | "n" | "none" | "nie" | "否"
    )
}

/// A percentage 0–100, written as `87`, `87 %`, `87,5` or a fraction `0.87`.
pub fn percent(text: &str) -> Result<f64, Unread> {
    let trimmed = text.trim().trim_end_matches('%').trim();
    let value = number(trimmed)?;
    let value = if text.contains('%') || value > 1.0 {
        value
    } else {
        value * 100.0
    };
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(Why::NotAPercentage.of(text))
    }
}

/// A 0–10 recommendation answer.
pub fn nps_score(text: &str) -> Result<u8, Unread> {
    let score = number(text)?;
    if !(0.0..=10.0).contains(&score) || score.fract() != 0.0 {
        return Err(Why::NotAnNpsScore.of(text));
    }
    Ok(score as u8)
}

#[cfg(test)]
mod tests {
    #[test]
    fn whole_numbers_read_without_the_float_parser_are_what_it_gives() {
        for text in ["0", "7", "007", "537", "4294967295", "999999999999999"] {
            assert_eq!(
                super::whole_number(text),
                text.parse::<f64>().ok(),
                "{text}"
            );
            assert_eq!(number(text).ok(), text.parse::<f64>().ok(), "{text}");
        }
        // Not whole digits, or more than 15 of them: the general way, as before.
        for text in ["", "-5", "+5", "1.5", "1e3", "1 000", "9999999999999999"] {
            assert_eq!(super::whole_number(text), None, "{text}");
        }
        assert_eq!(number("9999999999999999"), Ok(1e16));
        assert_eq!(number(" 42 "), Ok(42.0));
    }

    use super::*;

    #[test]
    fn maps_vendor_statuses() {
        let vendor = &[("waiting on customer", Status::Pending)];
        assert_eq!(status("Waiting on Customer", vendor), Status::Pending);
        assert_eq!(status("Resolved", &[]), Status::Solved);
        assert_eq!(status("Hold", &[]), Status::OnHold);
        assert_eq!(status("Escalated", &[]), Status::Other("escalated".into()));
        assert_eq!(status("Fechado", &[]), Status::Closed);
        assert_eq!(status("Parked", &[]), Status::Other("parked".into()));
        let yours = BTreeMap::from([("parked".to_string(), Status::OnHold)]);
        assert_eq!(
            status_read("Parked", &[], &yours),
            (Status::OnHold, ReadBy::Yours)
        );
    }

    #[test]
    fn durations_in_units_and_clock_text() {
        assert_eq!(duration_minutes("42", Unit::Minutes), Ok(42.0));
        assert_eq!(duration_minutes("1.5", Unit::Hours), Ok(90.0));
        assert_eq!(duration_minutes("1,5", Unit::Hours), Ok(90.0));
        assert_eq!(duration_minutes("01:30:30", Unit::Hours), Ok(90.5));
        assert_eq!(duration_minutes("26:05", Unit::Hours), Ok(1565.0));
        assert!(duration_minutes("-5", Unit::Minutes).is_err());
        assert!(duration_minutes("1:75", Unit::Minutes).is_err());
        assert!(duration_minutes("soon", Unit::Minutes).is_err());
    }

    #[test]
    fn durations_as_real_exports_write_them() {
        let read = |text| duration_minutes(text, Unit::Minutes);
        // Halp: hours above 24 with a thousands separator.
        assert_eq!(read("1,199:39:14"), Ok(1199.0 * 60.0 + 39.0 + 14.0 / 60.0));
        assert_eq!(read("30:00:00"), Ok(1800.0));
        // ISO 8601.
        assert_eq!(read("PT1H30M"), Ok(90.0));
        assert_eq!(read("PT45M"), Ok(45.0));
        assert_eq!(read("P1DT2H"), Ok(1560.0));
        assert_eq!(read("PT30S"), Ok(0.5));
        assert!(read("P1M").is_err());
        assert!(read("PT").is_err());
        // Words: GLPI in Portuguese and French, English abbreviations.
        assert_eq!(read("1 horas 18 minutos"), Ok(78.0));
        assert_eq!(read("2 jours et 3 heures"), Ok(2.0 * 1440.0 + 180.0));
        assert_eq!(read("1h 30m"), Ok(90.0));
        assert_eq!(read("1h30"), Ok(90.0));
        assert_eq!(read("45 min"), Ok(45.0));
        assert_eq!(read("3 дня 4 часа"), Ok(3.0 * 1440.0 + 240.0));
        // ServiceNow: a label export in words, an API export counted from the epoch.
        assert_eq!(read("1 Day 2 Hours 3 Minutes"), Ok(1440.0 + 123.0));
        assert_eq!(read("1970-01-03 02:30:00"), Ok(2.0 * 1440.0 + 150.0));
        assert!(read("1 fortnight").is_err());
        assert!(read("30 5").is_err());
        // Units by header.
        assert_eq!(duration_minutes("90000", Unit::Milliseconds), Ok(1.5));
        assert_eq!(duration_minutes("2", Unit::Days), Ok(2880.0));
    }

    #[test]
    fn satisfaction_words_and_scores() {
        let five = Some(RatingScale::OneToFive);
        assert_eq!(satisfaction("", five), Ok(None));
        assert_eq!(satisfaction("Not Offered", five), Ok(None));
        assert_eq!(
            satisfaction("Offered", five),
            Ok(Some(Satisfaction::Unanswered))
        );
        assert_eq!(
            satisfaction("Good", None),
            Ok(Some(Satisfaction::Rated {
                satisfied: true,
                score: None
            }))
        );
        assert_eq!(
            satisfaction("4", five),
            Ok(Some(Satisfaction::Rated {
                satisfied: true,
                score: Some(4.0)
            }))
        );
        assert_eq!(
            satisfaction("3", five),
            Ok(Some(Satisfaction::Rated {
                satisfied: false,
                score: Some(3.0)
            }))
        );
        assert_eq!(
            satisfaction("8", Some(RatingScale::ZeroToTen)),
            Ok(Some(Satisfaction::Rated {
                satisfied: false,
                score: Some(8.0)
            }))
        );
        assert!(satisfaction("0", five).is_err());
        assert!(satisfaction("maybe", five).is_err());
    }

    #[test]
    fn scale_from_the_largest_score() {
        assert_eq!(RatingScale::from_max(5.0), Some(RatingScale::OneToFive));
        assert_eq!(RatingScale::from_max(7.0), Some(RatingScale::OneToSeven));
        assert_eq!(RatingScale::from_max(10.0), Some(RatingScale::ZeroToTen));
        assert_eq!(RatingScale::from_max(11.0), None);
    }

    #[test]
    fn happiness_flags_and_percentages() {
        assert_eq!(happiness("Great", false), Some(Happiness::Great));
        assert_eq!(happiness("Not Good", false), Some(Happiness::NotGood));
        assert_eq!(happiness("Good", false), None);
        assert_eq!(happiness("Bad", true), Some(Happiness::NotGood));
        assert_eq!(happiness("4", false), None);
        assert!(flag("Fin AI Agent"));
        assert!(!flag("No"));
        assert_eq!(percent("87 %"), Ok(87.0));
        assert_eq!(percent("0.5"), Ok(50.0));
        assert_eq!(percent("87,5"), Ok(87.5));
        assert!(percent("120").is_err());
    }

    #[test]
    fn tags_and_sla_verdicts() {
        assert_eq!(
            tags("vip billing  refund"),
            vec!["vip", "billing", "refund"]
        );
        assert_eq!(
            tags("Billing, Late payment"),
            vec!["billing", "late payment"]
        );
        assert_eq!(sla_met("Within SLA"), Ok(true));
        assert_eq!(sla_met("SLA Violated"), Ok(false));
        assert!(sla_met("maybe").is_err());
    }

    #[test]
    fn absurd_durations_are_refused() {
        // f64 parsing accepts these; none may reach a mean (1e308 hours overflows to inf).
        for text in ["NaN", "inf", "-inf", "infinity", "1e300", "1e400"] {
            assert!(duration_minutes(text, Unit::Minutes).is_err(), "{text}");
        }
        assert!(duration_minutes("1e308", Unit::Hours).is_err());
        assert!(duration_minutes("99999999999:00", Unit::Hours).is_err());
        assert!(duration_minutes("-0", Unit::Minutes)
            .unwrap()
            .is_sign_positive());
        // 100 years is the limit: 99 years of minutes still reads.
        let ninety_nine_years = 99.0 * 365.25 * 24.0 * 60.0;
        assert_eq!(
            duration_minutes(&ninety_nine_years.to_string(), Unit::Minutes),
            Ok(ninety_nine_years)
        );
    }

    #[test]
    fn messages_quote_long_cells_shortly() {
        assert_eq!(quoted("abc"), "'abc'");
        let long = "x".repeat(1_000_000);
        let message = count(&long).unwrap_err().message().text();
        assert!(message.len() < 120, "{message}");
        assert!(message.contains("(1000000 characters)"), "{message}");
        // Cut on a character boundary.
        assert!(quoted(&"é".repeat(50)).starts_with(&format!("'{}…'", "é".repeat(40))));
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        assert_eq!(count("3"), Ok(3));
        assert_eq!(count("3.0"), Ok(3));
        assert!(count("-1").is_err());
        assert!(count("2.5").is_err());
    }

    /// Each reason a cell is set aside has a message with its value in it, in every language
    /// (a test of `i18n::engine_text` checks that each English template is in every language).
    #[test]
    fn every_reason_a_cell_is_set_aside_has_a_message() {
        for why in Why::ALL {
            assert!(crate::message::is_known(why.key()), "{why:?}");
            let text = why.of("x7").message().text();
            assert!(text.contains("'x7'"), "{why:?}: {text}");
        }
        assert_eq!(
            number("abc").unwrap_err().message().text(),
            "'abc' is not a number"
        );
        assert_eq!(
            sla_met("maybe").unwrap_err().message(),
            Message::new("value.sla").with("value", "'maybe'")
        );
    }
}
