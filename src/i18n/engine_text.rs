//! The engine's messages (null-KPI reasons, notes, skipped rows, file errors, warnings) in the
//! page's language. The engine stays pure and its JSON stays English, as the catalogue fixes it:
//! the page matches each English message against the templates of `engine/en.json` and fills the
//! same template of the page's language with what the placeholders caught. A message that no
//! template matches is shown as the engine wrote it.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Lang;
use crate::message::template::{fill, parse, Part};

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

/// The English templates, the most literal text first, so that the most specific one wins.
fn english() -> &'static [(String, Vec<Part>)] {
    static PATTERNS: OnceLock<Vec<(String, Vec<Part>)>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let mut patterns: Vec<(String, Vec<Part>)> = templates(Lang::En)
            .iter()
            .map(|(key, template)| (key.clone(), parse(template)))
            .collect();
        let literal = |parts: &[Part]| -> usize {
            parts
                .iter()
                .map(|p| match p {
                    Part::Text(t) => t.len(),
                    Part::Hole(_) => 0,
                })
                .sum()
        };
        patterns.sort_by(|a, b| literal(&b.1).cmp(&literal(&a.1)).then(a.0.cmp(&b.0)));
        patterns
    })
}

/// Whether `text` is `parts` with each hole filled by non-empty text; the fillings in `caught`.
fn matches<'t>(
    parts: &'static [Part],
    text: &'t str,
    caught: &mut Vec<(&'static str, &'t str)>,
) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return text.is_empty();
    };
    match first {
        Part::Text(literal) => text
            .strip_prefix(literal.as_str())
            .is_some_and(|after| matches(rest, after, caught)),
        Part::Hole(name) => {
            let name = name.as_str();
            let Some(Part::Text(next)) = rest.first() else {
                if text.is_empty() {
                    return false;
                }
                caught.push((name, text));
                return true;
            };
            // Try each place the next literal text occurs: a filling may contain it too.
            for (at, _) in text.match_indices(next.as_str()).filter(|(at, _)| *at > 0) {
                caught.push((name, &text[..at]));
                if matches(rest, &text[at..], caught) {
                    return true;
                }
                caught.pop();
            }
            false
        }
    }
}

/// The key of the template `text` was made from, with what its holes caught.
pub fn recognise(text: &str) -> Option<(&'static str, Vec<(&'static str, &str)>)> {
    english().iter().find_map(|(key, parts)| {
        let mut caught = Vec::new();
        matches(parts, text, &mut caught).then_some((key.as_str(), caught))
    })
}

/// `text` in `lang`: its template's translation with the holes filled, a hole named `msg_…`
/// (a message inside a message) translated in turn; `text` itself where nothing matches.
pub fn translate(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    let Some((key, caught)) = recognise(text) else {
        return text.to_string();
    };
    let Some(template) = templates(lang).get(key) else {
        return text.to_string();
    };
    fill(template, |name| {
        let (_, value) = caught.iter().find(|(caught, _)| *caught == name)?;
        Some(if name.starts_with("msg_") {
            translate(lang, value)
        } else {
            value.to_string()
        })
    })
}

#[cfg(test)]
mod tests;
