//! Which wasm module this build makes. The page's own module (`wasm_page`: wasm32 without a
//! `part-*` feature) leaves out the readers few files need — the legacy code pages with their
//! detector, the workbook readers, the time zone database — which scripts/build-web.sh builds as
//! modules of their own (`--features part-text`, `part-workbook`, `part-zones`), loaded by the
//! worker when a file or a setting needs them (src/ingest/parts.rs, src/model/time/zone.rs).
//! Native builds link everything, as before.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(wasm_page)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let part = [
        "CARGO_FEATURE_PART_TEXT",
        "CARGO_FEATURE_PART_WORKBOOK",
        "CARGO_FEATURE_PART_ZONES",
    ]
    .iter()
    .any(|feature| std::env::var_os(feature).is_some());
    if wasm && !part {
        println!("cargo::rustc-cfg=wasm_page");
    }
}
