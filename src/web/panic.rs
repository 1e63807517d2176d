//! A panic in wasm stops the program; instead of a dead page the person sees what happened.

use std::panic;

use crate::i18n::I18n;

pub fn install_hook() {
    panic::set_hook(Box::new(|info| show(&info.to_string())));
}

/// Writes the error box's texts in the page's language, ready for a panic, which cannot
/// translate (the page's state is gone by then).
pub fn translate(i18n: &I18n) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for (id, key) in [
        ("fatal-title", "fatal.title"),
        ("fatal-text", "fatal.text"),
        ("fatal-copy", "fatal.copy"),
        ("fatal-reload", "fatal.reload"),
    ] {
        if let Some(element) = document.get_element_by_id(id) {
            element.set_text_content(Some(&i18n.t(key)));
        }
    }
    if let Some(copy) = document.get_element_by_id("fatal-copy") {
        let _ = copy.set_attribute("data-copied", &i18n.t("fatal.copied"));
    }
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
