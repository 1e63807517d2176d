//! Arbitrary bytes as an exported file: reading must not panic, and the report over it must
//! serialise to valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Reading one file: a ticket export or a one-sentence error, never a panic.
    let _ = helpdesk_kpi::ingest::read_export("f.csv", data);

    // The whole engine over it, and the report's JSON read back.
    let report = helpdesk_kpi::analyze([("f.csv", data)]);
    let json = report.to_json();
    if let Err(error) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("the report is not valid JSON ({error}):\n{json}");
    }
});
