//! Which wasm module this build makes. `wasm_page` is set for the two modules of the page itself
//! (wasm32 without a reader's `part-*` feature): both leave out the readers few files need — the
//! legacy code pages with their detector, the workbook readers, the time zone database — which
//! scripts/build-web.sh builds as modules of their own (`--features part-text`, `part-workbook`,
//! `part-zones`), loaded by the worker when a file or a setting needs them (src/ingest/parts.rs,
//! src/model/time/zone.rs). Of those two, `wasm_ui` is the module the page's thread loads first
//! (the UI: drawing a report, the settings, the languages) and `wasm_engine` the module its worker
//! loads (`--features part-engine`: reading files and computing reports), so the first visit
//! does not wait for the engine (README's "What the page loads, and when"). Native builds link
//! everything, as before.

fn main() {
    for cfg in ["wasm_page", "wasm_ui", "wasm_engine"] {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
    }
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let reader = [
        "CARGO_FEATURE_PART_TEXT",
        "CARGO_FEATURE_PART_WORKBOOK",
        "CARGO_FEATURE_PART_ZONES",
    ]
    .iter()
    .any(|feature| std::env::var_os(feature).is_some());
    let engine = std::env::var_os("CARGO_FEATURE_PART_ENGINE").is_some();
    if wasm && !reader {
        println!("cargo::rustc-cfg=wasm_page");
        println!(
            "cargo::rustc-cfg={}",
            if engine { "wasm_engine" } else { "wasm_ui" }
        );
    }
}
