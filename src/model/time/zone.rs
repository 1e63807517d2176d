//! IANA time zones, as chrono `TimeZone`s, from the tz database jiff bundles.
//!
//! `chrono-tz` compiles every zone's transitions since the 1800s into tables: 1.2 MB of the
//! page's wasm, a third of what it shipped. jiff bundles the same database as the compact TZif
//! files the system uses (207 KB, rules for the years after the last listed change), read on
//! first use of a zone. Only the bundled copy is read, never the system's, so the page and the
//! CLI convert with the same data. The rest of the engine keeps chrono: a `Zone` is one of its
//! `TimeZone`s.

use std::fmt;
use std::str::FromStr;
use std::sync::Mutex;

use chrono::{Datelike, FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, Timelike};
use jiff::tz::{AmbiguousOffset, TimeZone};

/// A time zone by IANA name. `Copy`, like chrono's own zones: each zone is read once and kept
/// for the life of the program (a few KB each; a report names one or two).
#[derive(Clone, Copy)]
pub struct Zone {
    name: &'static str,
    rules: &'static TimeZone,
}

/// The zones read so far.
static READ: Mutex<Vec<Zone>> = Mutex::new(Vec::new());

/// The names of the bundled database, one a line: the page lists them without the database.
#[cfg(any(wasm_page, test))]
const NAMES: &str = include_str!("zone_names.txt");

/// The rules of the zone named `name` from jiff's bundled database.
#[cfg(not(wasm_page))]
fn rules_of(name: &str) -> Option<TimeZone> {
    jiff::tz::db().get(name).ok()
}

/// Where the page's module, which leaves the database out (207 KB of TZif; a report in UTC
/// needs none), finds a zone's rules: the page installs the worker's zones module here
/// (`web::parts`), which reads the same bundled database.
#[cfg(wasm_page)]
pub static RULES: std::sync::OnceLock<fn(&str) -> Option<TimeZone>> = std::sync::OnceLock::new();

#[cfg(wasm_page)]
fn rules_of(name: &str) -> Option<TimeZone> {
    if name.eq_ignore_ascii_case("UTC") {
        return Some(TimeZone::UTC);
    }
    (RULES.get()?)(name)
}

impl Zone {
    /// The zone of an IANA name, in any case (`Europe/Warsaw`, `utc`); `None` for an unknown one.
    pub fn named(name: &str) -> Option<Zone> {
        let mut read = READ.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(zone) = read.iter().find(|z| z.name.eq_ignore_ascii_case(name)) {
            return Some(*zone);
        }
        let rules = rules_of(name)?;
        let canonical = rules.iana_name().unwrap_or(name).to_string();
        let zone = Zone {
            name: Box::leak(canonical.into_boxed_str()),
            rules: Box::leak(Box::new(rules)),
        };
        read.push(zone);
        // Asked by another spelling or an alias: the next asking finds it by the name asked.
        if !zone.name.eq_ignore_ascii_case(name) {
            read.push(Zone {
                name: Box::leak(name.to_string().into_boxed_str()),
                ..zone
            });
        }
        Some(zone)
    }

    /// Every zone name of the database, sorted.
    #[cfg(not(wasm_page))]
    pub fn names() -> Vec<String> {
        let mut names: Vec<String> = jiff::tz::db()
            .available()
            .map(|name| name.to_string())
            .collect();
        names.sort();
        names
    }

    /// Every zone name of the database, sorted (the page's list; a test checks it).
    #[cfg(wasm_page)]
    pub fn names() -> Vec<String> {
        NAMES.lines().map(str::to_string).collect()
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The UTC offset in seconds at an instant (seconds since the epoch).
    pub fn offset_at(&self, instant: i64) -> i32 {
        // Out of jiff's range (beyond ±9999 years) no zone rule is known: UTC.
        jiff::Timestamp::from_second(instant)
            .map(|t| self.rules.to_offset(t).seconds())
            .unwrap_or(0)
    }

    fn offset(&self, seconds: i32) -> ZoneOffset {
        ZoneOffset {
            zone: *self,
            fixed: FixedOffset::east_opt(seconds).unwrap_or(FixedOffset::east_opt(0).unwrap()),
        }
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.name == other.name
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

/// A name the time zone database does not have.
#[derive(Clone, Debug, PartialEq)]
pub struct UnknownZone;

impl FromStr for Zone {
    type Err = UnknownZone;

    fn from_str(name: &str) -> Result<Zone, UnknownZone> {
        Zone::named(name).ok_or(UnknownZone)
    }
}

/// A zone's offset at some time: the fixed offset, and the zone it belongs to (chrono asks an
/// offset for its zone back).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ZoneOffset {
    zone: Zone,
    fixed: FixedOffset,
}

impl chrono::Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        self.fixed
    }
}

impl fmt::Display for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fixed.fmt(f)
    }
}

impl chrono::TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        offset.zone
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<ZoneOffset> {
        self.offset_from_local_datetime(&local.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<ZoneOffset> {
        let civil = (|| {
            jiff::civil::DateTime::new(
                i16::try_from(local.year()).ok()?,
                local.month() as i8,
                local.day() as i8,
                local.hour() as i8,
                local.minute() as i8,
                local.second() as i8,
                0,
            )
            .ok()
        })();
        let Some(civil) = civil else {
            return MappedLocalTime::None;
        };
        match self.rules.to_ambiguous_timestamp(civil).offset() {
            AmbiguousOffset::Unambiguous { offset } => {
                MappedLocalTime::Single(self.offset(offset.seconds()))
            }
            AmbiguousOffset::Gap { .. } => MappedLocalTime::None,
            AmbiguousOffset::Fold { before, after } => MappedLocalTime::Ambiguous(
                self.offset(before.seconds()),
                self.offset(after.seconds()),
            ),
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        self.offset(self.offset_at(utc.and_utc().timestamp()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{LocalResult, TimeZone as _};

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    /// Offsets worked out by hand from the rules: Warsaw is CET (+1) in winter and CEST (+2)
    /// from the last Sunday of March, 01:00 UTC, to the last Sunday of October.
    #[test]
    fn the_pages_list_is_the_databases() {
        // Written anew by: cargo test --lib write_the_pages_list -- --ignored
        let listed: Vec<&str> = NAMES.lines().collect();
        assert_eq!(
            listed,
            Zone::names(),
            "src/model/time/zone_names.txt is out of date"
        );
    }

    #[test]
    #[ignore]
    fn write_the_pages_list() {
        std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/src/model/time/zone_names.txt"),
            Zone::names().join("\n") + "\n",
        )
        .unwrap();
    }

    #[test]
    fn offsets_follow_the_rules() {
        let warsaw = Zone::named("Europe/Warsaw").unwrap();
        let at = |l: NaiveDateTime| l.and_utc().timestamp();
        assert_eq!(warsaw.offset_at(at(local(2024, 1, 15, 12, 0))), 3600);
        assert_eq!(warsaw.offset_at(at(local(2024, 7, 1, 12, 0))), 7200);
        // The change on 2024-03-31 at 01:00 UTC.
        assert_eq!(warsaw.offset_at(at(local(2024, 3, 31, 0, 59))), 3600);
        assert_eq!(warsaw.offset_at(at(local(2024, 3, 31, 1, 0))), 7200);
        // Far past the database's last listed change: the rule goes on.
        assert_eq!(warsaw.offset_at(at(local(2090, 7, 1, 12, 0))), 7200);
        // New York: -5 in winter, -4 in summer; Kathmandu +5:45 all year.
        let new_york: Zone = "America/New_York".parse().unwrap();
        assert_eq!(new_york.offset_at(at(local(2024, 1, 15, 12, 0))), -5 * 3600);
        assert_eq!(new_york.offset_at(at(local(2024, 7, 1, 12, 0))), -4 * 3600);
        let kathmandu = Zone::named("Asia/Kathmandu").unwrap();
        assert_eq!(kathmandu.offset_at(at(local(2024, 7, 1, 12, 0))), 20_700);
    }

    #[test]
    fn local_times_in_the_gap_and_the_fold() {
        let warsaw = Zone::named("Europe/Warsaw").unwrap();
        // 02:30 on 2024-03-31 does not exist; 02:30 on 2024-10-27 happens twice.
        assert_eq!(
            warsaw.from_local_datetime(&local(2024, 3, 31, 2, 30)),
            LocalResult::None
        );
        let LocalResult::Ambiguous(first, second) =
            warsaw.from_local_datetime(&local(2024, 10, 27, 2, 30))
        else {
            panic!("the autumn hour is ambiguous");
        };
        assert_eq!(second.timestamp() - first.timestamp(), 3600);
        let noon = warsaw
            .from_local_datetime(&local(2024, 7, 1, 12, 0))
            .unwrap();
        assert_eq!(
            noon.timestamp(),
            local(2024, 7, 1, 10, 0).and_utc().timestamp()
        );
        // And back from the instant to the wall clock.
        assert_eq!(
            noon.with_timezone(&warsaw).naive_local(),
            local(2024, 7, 1, 12, 0)
        );
    }

    #[test]
    fn names_in_any_case_and_unknown_ones() {
        assert_eq!(
            Zone::named("europe/warsaw").unwrap().name(),
            "Europe/Warsaw"
        );
        assert_eq!(Zone::named("UTC").unwrap().offset_at(0), 0);
        assert!(Zone::named("Mars/Olympus").is_none());
        assert!("Mars/Olympus".parse::<Zone>().is_err());
        let names = Zone::names();
        assert!(names.len() > 400, "{} zones", names.len());
        assert!(names.iter().any(|n| n == "America/Argentina/Buenos_Aires"));
    }
}
