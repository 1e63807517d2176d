//! Arbitrary text as a datetime or a duration cell: detecting the form and parsing with every
//! form must not panic; a duration, when read, is a finite number of minutes of 0 or more.
#![no_main]

use helpdesk_kpi::ingest::datetime::{self, DateForm};
use helpdesk_kpi::ingest::field::Unit;
use helpdesk_kpi::ingest::values;
use libfuzzer_sys::fuzz_target;

/// Every form `detect_form` can answer, plus the ones it cannot (a column is settled by one).
const FORMS: &[DateForm] = &[
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
    DateForm::UnixMilliseconds,
    DateForm::UnixSeconds,
    DateForm::ExcelSerial,
];

/// Zones with DST, half-hour and 45-minute offsets, and the date line.
const ZONES: &[chrono_tz::Tz] = &[
    chrono_tz::UTC,
    chrono_tz::Europe::Warsaw,
    chrono_tz::America::New_York,
    chrono_tz::Australia::Lord_Howe,
    chrono_tz::Asia::Kathmandu,
    chrono_tz::Pacific::Apia,
];

fuzz_target!(|text: &str| {
    // One value alone, and the value in a column of several (split on newlines).
    let detected = datetime::detect_form([text]);
    let column = datetime::detect_form(text.lines());
    for form in FORMS.iter().copied().chain(detected).chain(column) {
        let _ = form.describe();
        if let Some(timestamp) = form.parse(text) {
            let _ = datetime::format_timestamp(timestamp);
            let _ = datetime::day_of(timestamp);
            for &zone in ZONES {
                let _ = form.parse_in(text, Some(zone));
                let _ = datetime::wall_clock(timestamp, zone);
                let _ = datetime::instant(timestamp, Some(zone));
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
