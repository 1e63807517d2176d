//! The templates of the engine's messages (null-KPI reasons, notes, warnings, skipped rows, file
//! and settings errors) in each language: `engine/<language>.json`, by key. The engine writes
//! each message as its key and arguments (`message::Message`), with its English text beside them
//! in the JSON; the page fills the key's template of its own language (`I18n::message`).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Lang;

/// Each language's templates, once read.
static TABLES: [OnceLock<HashMap<String, String>>; 4] = [const { OnceLock::new() }; 4];

/// The templates compiled in: every language natively, English alone in the page (the others
/// come with the language, `super::load`).
fn compiled(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => Some(include_str!("engine/en.json")),
        #[cfg(not(wasm_page))]
        Lang::ZhCn => Some(include_str!("engine/zh-CN.json")),
        #[cfg(not(wasm_page))]
        Lang::Sk => Some(include_str!("engine/sk.json")),
        #[cfg(not(wasm_page))]
        Lang::Pl => Some(include_str!("engine/pl.json")),
        #[cfg(wasm_page)]
        _ => None,
    }
}

/// The templates of `lang`; none while they are not loaded (messages then stay English).
fn templates(lang: Lang) -> &'static HashMap<String, String> {
    static NONE: OnceLock<HashMap<String, String>> = OnceLock::new();
    let cell = &TABLES[lang as usize];
    match compiled(lang) {
        Some(text) => cell.get_or_init(|| serde_json::from_str(text).unwrap_or_default()),
        None => cell.get().unwrap_or_else(|| NONE.get_or_init(HashMap::new)),
    }
}

/// Takes in the fetched templates of `lang`.
pub(super) fn load(lang: Lang, templates: HashMap<String, String>) {
    let _ = TABLES[lang as usize].set(templates);
}

/// The template of `key` in `lang`, if the catalogue has one.
pub fn template(lang: Lang, key: &str) -> Option<&'static str> {
    templates(lang).get(key).map(String::as_str)
}

#[cfg(test)]
mod tests;
