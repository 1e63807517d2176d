//! The page's language: English at once, another once its two files are fetched from the page's
//! own origin (`dist/i18n/`, kept by the service worker). The first visit ships English only.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::UseStateHandle;

use crate::i18n::{self, Lang};

/// Shows the page in `choice`: at once when its strings are at hand, else when they are loaded
/// (the page stays in its language meanwhile, and stays if they cannot be had). `wanted` holds
/// the last choice, so that a slow file does not undo a later one.
pub fn show(lang: &UseStateHandle<Lang>, wanted: &Rc<RefCell<Lang>>, choice: Lang) {
    *wanted.borrow_mut() = choice;
    if i18n::is_loaded(choice) {
        lang.set(choice);
        return;
    }
    let (lang, wanted) = (lang.clone(), Rc::clone(wanted));
    spawn_local(async move {
        let loaded = fetch(choice).await;
        if *wanted.borrow() == choice {
            // A failure sets the language shown again, so that the picker shows it too.
            lang.set(if loaded { choice } else { *lang });
        }
    });
}

/// Fetches and takes in the strings of `lang`; whether that worked.
async fn fetch(lang: Lang) -> bool {
    let code = lang.code();
    let strings = text(&format!("./i18n/{code}.json")).await;
    let templates = text(&format!("./i18n/engine/{code}.json")).await;
    match (strings, templates) {
        (Some(strings), Some(templates)) => i18n::load(lang, &strings, &templates).is_ok(),
        _ => false,
    }
}

/// The text at `url` (relative to the page), if it can be had.
async fn text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
