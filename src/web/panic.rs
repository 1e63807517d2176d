//! A panic in wasm stops the program; instead of a dead page the person sees what happened.

use std::panic;

pub fn install_hook() {
    panic::set_hook(Box::new(|info| show(&info.to_string())));
}

/// Shows `details` in the page's `#fatal` box (present in index.html, hidden until needed).
pub fn show(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(element) = document.get_element_by_id("fatal") {
        let _ = element.remove_attribute("hidden");
        if let Some(text) = document.get_element_by_id("fatal-details") {
            text.set_text_content(Some(details));
        }
    }
}
