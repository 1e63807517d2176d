//! Arbitrary text as a datetime or a duration cell: detecting the form and parsing with every
//! form must not panic; a duration, when read, is a finite number of minutes of 0 or more.
#![no_main]

use helpdesk_kpi::ingest::datetime::{self, DateForm};
use helpdesk_kpi::model::time::calendar;
use helpdesk_kpi::ingest::field::Unit;
use helpdesk_kpi::ingest::values;
use helpdesk_kpi::model::time::zone::Zone;
use libfuzzer_sys::fuzz_target;

/// The forms `detect_form` never answers (a column is settled by one only where its header
/// names a date); the others are the library's own `datetime::FORMS`.
const UNDETECTED: [DateForm; 1] = [DateForm::ExcelSerial];

/// Zones with DST, half-hour and 45-minute offsets, and the date line.
const ZONES: [&str; 6] = [
    "UTC",
    "Europe/Warsaw",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Apia",
];

fuzz_target!(|text: &str| {
    // One value alone, and the value in a column of several (split on newlines).
    let detected = datetime::detect_form([text]);
    let column = datetime::detect_form(text.lines());
    for form in datetime::FORMS
        .iter()
        .copied()
        .chain(UNDETECTED)
        .chain(detected)
        .chain(column)
    {
        let _ = form.describe();
        if let Some(timestamp) = form.parse(text) {
            let _ = calendar::format_timestamp(timestamp);
            let _ = calendar::day_of(timestamp);
            for zone in ZONES.iter().filter_map(|name| Zone::named(name)) {
                let _ = form.parse_in(text, Some(zone));
                let _ = calendar::wall_clock(timestamp, zone);
                let _ = calendar::instant(timestamp, Some(zone));
            }
        }
    }
    if let Some(form) = detected {
        assert!(
            form.parse(text).is_some(),
            "{form:?} was detected but cannot read {text:?}"
        );
    }
    let _ = datetime::parse_setting_time(text);

    for unit in [Unit::Minutes, Unit::Hours, Unit::Seconds] {
        if let Ok(minutes) = values::duration_minutes(text, unit) {
            assert!(
                minutes.is_finite() && minutes >= 0.0,
                "duration {text:?} in {unit:?} read as {minutes}"
            );
        }
    }
    let _ = values::number(text);
    let _ = values::count(text);
    let _ = values::percent(text);
    let _ = values::nps_score(text);
    let _ = values::sla_met(text);
});
