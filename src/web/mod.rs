//! The page: a thin Yew layer over the engine, which runs in a Web Worker (`session`, driven by
//! `engine`) and sends back reports to draw. Nothing is sent anywhere.
//!
//! Built as two wasm modules of the same code (build.rs): the page's own (`wasm_ui`: the Yew app,
//! `startPage`), and the engine its worker loads (`wasm_engine`: `Session`, with the readers and
//! zones reached in modules loaded on demand, `parts`). Each link keeps only what its exports
//! call, so the page's module carries no reader and no KPI, and the first visit shows the sample's
//! dashboard, computed when the page was built, before the engine is loaded at all.

#[cfg(wasm_ui)]
mod app;
#[cfg(all(wasm_engine, feature = "bench-wasm"))]
mod bench;
#[cfg(wasm_ui)]
mod components;
#[cfg(wasm_ui)]
mod engine;
#[cfg(wasm_ui)]
mod files;
#[cfg(wasm_ui)]
mod language;
#[cfg(wasm_ui)]
mod panic;
#[cfg(wasm_engine)]
mod parts;
#[cfg(wasm_engine)]
mod session;
#[cfg(wasm_ui)]
mod state;
#[cfg(wasm_ui)]
mod storage;

use wasm_bindgen::prelude::*;

/// Starts the page in `#app` (called by `www/main.js`). `sample` is the sample's report over
/// everything in the default settings, as the engine writes it (`sample-report.json`, made when
/// the page is built): shown at once when nothing stored changes it, so the engine is loaded only
/// when the person asks for more. `None` (the file could not be fetched) asks the engine.
#[cfg(wasm_ui)]
#[wasm_bindgen(js_name = startPage)]
pub fn start(sample: Option<String>) {
    install_zone_names();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            let props = app::AppProps { sample };
            yew::Renderer::<app::App>::with_root_and_props(root, props).render();
        }
        None => panic::show("the page has no #app element"),
    }
    // After rendering: Yew's renderer installs a hook of its own that only logs to the console.
    panic::install_hook();
}

/// Installs on the page's own thread what it needs of zones: it only checks the names people
/// choose or share, and converts nothing (the engine in the worker does), so a name of the
/// database is a zone there without its rules, and the database is never loaded for it.
#[cfg(wasm_ui)]
fn install_zone_names() {
    use crate::model::time::zone::{Zone, RULES};
    let _ = RULES.set(|name| {
        Zone::names()
            .iter()
            .any(|known| known.eq_ignore_ascii_case(name))
            .then(|| jiff::tz::TimeZone::fixed(jiff::tz::Offset::UTC))
    });
}

/// The engine for scripts and benchmarks: the report of one file, as a JS object of the
/// catalogue's JSON shape (its JSON text, parsed: a serializer of the report into JS values of
/// its own would add to the module).
#[cfg(wasm_engine)]
#[wasm_bindgen(js_name = analyzeFile)]
pub fn analyze_file(name: &str, bytes: &[u8]) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&crate::analyze([(name, bytes)]).to_json())
}

/// Stops the page on purpose, so that the browser test can check what a person then sees (the
/// error box with its details, not a dead page).
#[cfg(wasm_ui)]
#[wasm_bindgen(js_name = panicForTest)]
pub fn panic_for_test() {
    panic!("the browser test asked the engine to stop");
}
