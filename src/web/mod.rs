//! The page: a thin Yew layer over the engine, which runs in a Web Worker (`session`, driven by
//! `engine`) and sends back reports to draw. Nothing is sent anywhere.

mod app;
mod components;
mod engine;
mod files;
mod language;
mod panic;
mod parts;
mod session;
mod state;
mod storage;

use wasm_bindgen::prelude::*;

/// Starts the page in `#app` (called by `www/main.js`; the worker loads the same module and
/// does not start a page).
#[wasm_bindgen(js_name = startPage)]
pub fn start() {
    parts::install_zone_names();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => panic::show("the page has no #app element"),
    }
    // After rendering: Yew's renderer installs a hook of its own that only logs to the console.
    panic::install_hook();
}

/// The engine for scripts and benchmarks: the report of one file, as a JS object of the
/// catalogue's JSON shape (its JSON text, parsed: a serializer of the report into JS values of
/// its own would add to the module every visitor loads).
#[wasm_bindgen(js_name = analyzeFile)]
pub fn analyze_file(name: &str, bytes: &[u8]) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&crate::analyze([(name, bytes)]).to_json())
}

/// Stops the engine on purpose, so that the browser test can check what a person then sees (the
/// error box with its details, not a dead page).
#[wasm_bindgen(js_name = panicForTest)]
pub fn panic_for_test() {
    panic!("the browser test asked the engine to stop");
}
