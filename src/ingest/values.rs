//! Cell values → canonical values: statuses, channels, counts, durations, satisfaction answers.
//! Each parser returns a message for the person when the value cannot be read.

use super::datetime;
use super::field::{normalize_header, Unit};
use crate::model::{Happiness, Satisfaction, Status, Timestamp};

/// Status words every vendor shares; a vendor's own table is consulted first.
const COMMON_STATUSES: &[(&str, Status)] = &[
    ("new", Status::New),
    ("open", Status::Open),
    ("pending", Status::Pending),
    ("hold", Status::OnHold),
    ("on hold", Status::OnHold),
    ("solved", Status::Solved),
    ("resolved", Status::Solved),
    ("closed", Status::Closed),
];

/// Maps a status cell; an unknown word is kept lower-cased (and counts as unsolved).
pub fn status(text: &str, vendor_statuses: &[(&str, Status)]) -> Status {
    let key = normalize_header(text);
    vendor_statuses
        .iter()
        .chain(COMMON_STATUSES)
        .find(|(word, _)| *word == key)
        .map(|(_, status)| status.clone())
        .unwrap_or(Status::Other(key))
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

/// A time read from `text` as a record may hold it: `None` for Excel's empty date, the reason
/// when it falls before 1900 or after 2100. Kept, such a time would stretch the daily and
/// weekly series over millennia.
pub fn plausible_time(text: &str, time: Timestamp) -> Result<Option<Timestamp>, String> {
    // Excel writes its empty date as 1900-01-01 00:00 (Zendesk's "Solved at" of the tickets
    // never solved, in the public insurer export): it means no date.
    if time == datetime::EARLIEST {
        return Ok(None);
    }
    if !datetime::is_plausible(time) {
        return Err(format!(
            "{} is before 1900 or after 2100: if it stands for \"no date\", leave the cell empty",
            quoted(text)
        ));
    }
    Ok(Some(time))
}

/// A non-negative whole count (replies, reopens). Accepts `3.0` as Excel writes it.
pub fn count(text: &str) -> Result<u32, String> {
    let number = number(text)?;
    if number < 0.0 || number.fract() != 0.0 || number > u32::MAX as f64 {
        return Err(format!(
            "{} is not a whole number of 0 or more",
            quoted(text)
        ));
    }
    Ok(number as u32)
}

/// A duration in minutes from a number in `unit`, or from `H:MM` / `H:MM:SS` text.
pub fn duration_minutes(text: &str, unit: Unit) -> Result<f64, String> {
    let text = text.trim();
    let minutes = if text.contains(':') {
        clock_minutes(text)?
    } else {
        let number = number(text)?;
        match unit {
            Unit::Seconds => number / 60.0,
            Unit::Minutes => number,
            Unit::Hours => number * 60.0,
        }
    };
    if minutes < 0.0 {
        return Err(format!("{} is a negative duration", quoted(text)));
    }
    // 1e300 or an hour count that overflows to inf would pass `number`'s finite check and swamp
    // every mean: no ticket stays open for a century.
    if minutes.is_nan() || minutes > MAX_DURATION_MINUTES {
        return Err(format!(
            "{} is longer than 100 years: not a real duration; correct or empty the cell",
            quoted(text)
        ));
    }
    // "-0" passes the sign check as -0.0, which the JSON would print as "-0.0".
    Ok(if minutes == 0.0 { 0.0 } else { minutes })
}

fn clock_minutes(text: &str) -> Result<f64, String> {
    let parts: Vec<&str> = text.split(':').collect();
    let invalid = || format!("{} is not a duration like 1:30 or 01:30:00", quoted(text));
    if !(2..=3).contains(&parts.len()) {
        return Err(invalid());
    }
    let mut numbers = Vec::with_capacity(3);
    for part in &parts {
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

/// A decimal number; a lone decimal comma (`1,5`) is read as a point.
pub fn number(text: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    let parsed = if trimmed.contains(',') && !trimmed.contains('.') {
        trimmed.replacen(',', ".", 1).parse::<f64>()
    } else {
        trimmed.parse::<f64>()
    };
    parsed
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| format!("{} is not a number", quoted(text)))
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

const SATISFIED_WORDS: &[&str] = &[
    "good",
    "good, i'm satisfied",
    "satisfied",
    "positive",
    "great",
    "awesome",
    "happy",
    "very satisfied",
    "extremely satisfied",
    "extremely happy",
    "满意",
    "非常满意",
    "zadowolony",
    "bardzo zadowolony",
    "spokojný",
    "veľmi spokojný",
];
const UNSATISFIED_WORDS: &[&str] = &[
    "bad",
    "bad, i'm unsatisfied",
    "not good",
    "unsatisfied",
    "dissatisfied",
    "negative",
    "unhappy",
    "very dissatisfied",
    "extremely dissatisfied",
    "extremely unhappy",
    "neutral",
    "okay",
    "just okay",
    "不满意",
    "非常不满意",
    "一般",
    "niezadowolony",
    "bardzo niezadowolony",
    "nespokojný",
    "veľmi nespokojný",
];
const UNANSWERED_WORDS: &[&str] = &["offered", "unanswered", "sent"];
const NOT_OFFERED_WORDS: &[&str] = &["not offered", "-"];

/// A satisfaction cell. `Ok(None)`: no survey was offered (or the cell is blank).
pub fn satisfaction(
    text: &str,
    scale: Option<RatingScale>,
) -> Result<Option<Satisfaction>, String> {
    let key = normalize_header(text);
    if key.is_empty() || NOT_OFFERED_WORDS.contains(&key.as_str()) {
        return Ok(None);
    }
    if UNANSWERED_WORDS.contains(&key.as_str()) {
        return Ok(Some(Satisfaction::Unanswered));
    }
    let rated = |satisfied| {
        Some(Satisfaction::Rated {
            satisfied,
            score: None,
        })
    };
    if SATISFIED_WORDS.contains(&key.as_str()) {
        return Ok(rated(true));
    }
    if UNSATISFIED_WORDS.contains(&key.as_str()) {
        return Ok(rated(false));
    }
    let score = number(text).map_err(|_| {
        format!(
            "{} is not a satisfaction answer (expected Good, Bad, Offered or a score)",
            quoted(text)
        )
    })?;
    let scale = scale.ok_or_else(|| format!("the score {} is outside 0–10", quoted(text)))?;
    if score < scale.lowest() || score > scale.highest() {
        return Err(format!(
            "the score {} is outside the column's rating scale",
            quoted(text)
        ));
    }
    Ok(Some(Satisfaction::Rated {
        satisfied: scale.is_satisfied(score),
        score: Some(score),
    }))
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
pub fn sla_met(text: &str) -> Result<bool, String> {
    let key = normalize_header(text);
    match key.as_str() {
        "within sla" | "met" | "achieved" | "ok" | "yes" | "true" => Ok(true),
        "sla violated" | "violated" | "breached" | "missed" | "no" | "false" => Ok(false),
        _ => Err(format!(
            "{} is not an SLA verdict (expected 'Within SLA' or 'SLA Violated')",
            quoted(text)
        )),
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
pub fn percent(text: &str) -> Result<f64, String> {
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
        Err(format!(
            "{} is not a percentage between 0 and 100",
            quoted(text)
        ))
    }
}

/// A 0–10 recommendation answer.
pub fn nps_score(text: &str) -> Result<u8, String> {
    let score = number(text)?;
    if !(0.0..=10.0).contains(&score) || score.fract() != 0.0 {
        return Err(format!(
            "{} is not a 0–10 recommendation score",
            quoted(text)
        ));
    }
    Ok(score as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_vendor_statuses() {
        let vendor = &[("waiting on customer", Status::Pending)];
        assert_eq!(status("Waiting on Customer", vendor), Status::Pending);
        assert_eq!(status("Resolved", &[]), Status::Solved);
        assert_eq!(status("Hold", &[]), Status::OnHold);
        assert_eq!(status("Escalated", &[]), Status::Other("escalated".into()));
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
        let message = count(&long).unwrap_err();
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
}
