//! Languages of the page: English, 简体中文, slovenčina, polski. The strings live in
//! `src/i18n/*.json` (one file per language, the same keys). English is compiled in; natively
//! the others are too, while the page's module leaves them out and fetches a language's two
//! files from its own origin when it is chosen (`load`; scripts/build-web.sh copies them into
//! dist/i18n/, the service worker keeps them), so that the first visit ships one language.
//! Numbers, durations and dates follow the language's conventions. What the engine writes
//! (reasons, notes, warnings, file and settings errors) is written as messages, a key and its
//! arguments beside the English text, and shown in the page's language from the templates in
//! `src/i18n/engine/*.json` (`engine_text`, `I18n::message`).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::kpi::{Kpi, Unit};

pub mod engine_text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
    Sk,
    Pl,
}

pub const LANGS: [(Lang, &str, &str); 4] = [
    (Lang::En, "en", "English"),
    (Lang::ZhCn, "zh-CN", "简体中文"),
    (Lang::Sk, "sk", "slovenčina"),
    (Lang::Pl, "pl", "polski"),
];

impl Lang {
    pub fn code(self) -> &'static str {
        LANGS.iter().find(|l| l.0 == self).map_or("en", |l| l.1)
    }

    /// "pl-PL" → Polish, "zh" → 简体中文; `None` for a language the page does not speak.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.to_lowercase();
        LANGS
            .iter()
            .find(|l| code == l.1.to_lowercase() || code.starts_with(&l.1[..2]))
            .map(|l| l.0)
    }
}

/// Each language's strings, once read.
static TABLES: [OnceLock<HashMap<String, String>>; 4] = [const { OnceLock::new() }; 4];

/// The strings compiled in: every language natively, English alone in the page.
fn compiled(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => Some(include_str!("en.json")),
        #[cfg(not(wasm_page))]
        Lang::ZhCn => Some(include_str!("zh-CN.json")),
        #[cfg(not(wasm_page))]
        Lang::Sk => Some(include_str!("sk.json")),
        #[cfg(not(wasm_page))]
        Lang::Pl => Some(include_str!("pl.json")),
        #[cfg(wasm_page)]
        _ => None,
    }
}

/// The strings of `lang`; English's while they are not loaded.
fn table(lang: Lang) -> &'static HashMap<String, String> {
    let cell = &TABLES[lang as usize];
    match compiled(lang) {
        Some(text) => cell.get_or_init(|| serde_json::from_str(text).unwrap_or_default()),
        None => cell.get().unwrap_or_else(|| table(Lang::En)),
    }
}

/// Whether the page can be shown in `lang` at once.
pub fn is_loaded(lang: Lang) -> bool {
    compiled(lang).is_some() || TABLES[lang as usize].get().is_some()
}

/// Takes in the fetched files of `lang`: its page strings (`src/i18n/CODE.json`) and its
/// templates of the engine's messages (`src/i18n/engine/CODE.json`).
pub fn load(lang: Lang, strings: &str, templates: &str) -> Result<(), String> {
    let read = |text: &str| -> Result<HashMap<String, String>, String> {
        serde_json::from_str(text).map_err(|error| error.to_string())
    };
    let (strings, templates) = (read(strings)?, read(templates)?);
    engine_text::load(lang, templates);
    let _ = TABLES[lang as usize].set(strings);
    Ok(())
}

/// The page's language, handed to every component through a Yew context.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    /// The string for `key`; English where a translation is missing; the key itself if even
    /// English lacks it (a test checks that none does).
    pub fn t(&self, key: &str) -> String {
        table(self.lang)
            .get(key)
            .or_else(|| table(Lang::En).get(key))
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// The string for `key` with `{name}` placeholders filled (in one pass: a value holding
    /// `{…}` stays as it is).
    pub fn f(&self, key: &str, args: &[(&str, String)]) -> String {
        crate::message::template::fill(&self.t(key), |name| {
            args.iter()
                .find(|(arg, _)| *arg == name)
                .map(|(_, value)| value.clone())
        })
    }

    /// A message the engine wrote as data (reason, note, warning, skipped row, file error), in
    /// the page's language: its key's template filled with its arguments, a `msg_…` hole with
    /// the inner message in turn. English while the language's templates are not loaded; a key
    /// of no template (a currency code, an example date) as written.
    pub fn message(&self, message: &crate::message::Message) -> String {
        let template = engine_text::template(self.lang, &message.key)
            .or_else(|| engine_text::template(Lang::En, &message.key));
        match template {
            Some(template) => {
                crate::message::template::fill(template, |name| match name.starts_with("msg_") {
                    true => message.inner(name).map(|inner| self.message(&inner)),
                    false => message.args.get(name).cloned(),
                })
            }
            None => message.text(),
        }
    }

    /// A number with the language's digit grouping and decimal mark.
    pub fn number(&self, value: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let group = self.t("number.group");
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push_str(&group);
            }
            grouped.push(c);
        }
        let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            "-"
        } else {
            ""
        };
        if fraction.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{}{fraction}", self.t("number.decimal"))
        }
    }

    /// Minutes as "45 min", "2 h 05 min", "3 d 4 h" in the language's words.
    pub fn minutes(&self, minutes: f64) -> String {
        let total = minutes.round() as i64;
        if total < 60 {
            self.f("unit.min", &[("m", self.number(minutes, 0))])
        } else if total < 24 * 60 {
            self.f(
                "unit.h_min",
                &[
                    ("h", (total / 60).to_string()),
                    ("m", format!("{:02}", total % 60)),
                ],
            )
        } else {
            let hours = total / 60;
            self.f(
                "unit.d_h",
                &[
                    ("d", (hours / 24).to_string()),
                    ("h", (hours % 24).to_string()),
                ],
            )
        }
    }

    /// A KPI's headline as shown; "—" for null.
    pub fn kpi_value(&self, kpi: &Kpi) -> String {
        let Some(value) = kpi.value else {
            return "—".to_string();
        };
        match kpi.unit {
            Unit::Count => self.number(value.round(), 0),
            Unit::Minutes => self.minutes(value),
            Unit::Seconds => self.minutes(value / 60.0),
            Unit::Percent => format!("{} %", self.number(value, 1)),
            Unit::Score => {
                let sign = if value > 0.0 { "+" } else { "" };
                format!(
                    "{sign}{}",
                    self.number(value, if value.fract() == 0.0 { 0 } else { 1 })
                )
            }
            Unit::Replies | Unit::Currency => self.number(value, 2),
        }
    }
}

/// `label` as it fits in `room` narrow characters (a wide one, as in CJK, counts two): cut with
/// an ellipsis where it does not fit.
pub fn shortened(label: &str, room: usize) -> String {
    let width = |c: char| if c >= '\u{2e80}' { 2 } else { 1 };
    if label.chars().map(width).sum::<usize>() <= room {
        return label.to_string();
    }
    let mut used = 1; // the ellipsis
    let kept: String = label
        .chars()
        .take_while(|&c| {
            used += width(c);
            used <= room
        })
        .collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_label_is_cut_to_its_room_with_an_ellipsis() {
        assert_eq!(super::shortened("email", 15), "email");
        assert_eq!(
            super::shortened("internal communication", 15),
            "internal commu…"
        );
        assert_eq!(super::shortened("exactly fifteen", 15), "exactly fifteen");
        assert_eq!(
            super::shortened("客户服务部门技术支持组", 15),
            "客户服务部门技…"
        );
        assert_eq!(
            super::shortened("a b c d e f g h i j", 15),
            "a b c d e f g…"
        );
    }

    use super::*;

    #[test]
    fn every_language_has_every_key() {
        for (lang, code, _) in LANGS {
            for key in table(Lang::En).keys() {
                assert!(table(lang).contains_key(key), "{code} lacks {key}");
            }
        }
    }

    #[test]
    fn a_file_named_like_a_placeholder_is_shown_as_it_is() {
        let en = I18n { lang: Lang::En };
        let text = en.f(
            "sources.skipped_row",
            &[
                ("file", "{reason}.csv".to_string()),
                ("line", "3".to_string()),
                ("column", String::new()),
                ("reason", "bad date".to_string()),
            ],
        );
        assert_eq!(text, "{reason}.csv line 3: bad date");
    }

    #[test]
    fn the_empty_state_says_another_sheet_can_be_picked() {
        // The page has a sheet picker: "the first sheet is read" alone is no longer true.
        for (lang, picked) in [
            (Lang::En, "another can be picked"),
            (Lang::ZhCn, "可选择其他工作表"),
            (Lang::Sk, "iný sa dá vybrať"),
            (Lang::Pl, "inny można wybrać"),
        ] {
            let text = I18n { lang }.t("empty.works_formats");
            assert!(text.contains(picked), "{}: {text}", lang.code());
        }
    }

    #[test]
    fn numbers_follow_the_language() {
        let pl = I18n { lang: Lang::Pl };
        assert_eq!(pl.number(16476.0, 0), "16\u{a0}476");
        assert_eq!(pl.number(87.46, 1), "87,5");
        let en = I18n { lang: Lang::En };
        assert_eq!(en.number(1234567.891, 2), "1,234,567.89");
        assert_eq!(en.minutes(125.0), "2 h 05 min");
        let zh = I18n { lang: Lang::ZhCn };
        assert_eq!(zh.minutes(3.0 * 1440.0 + 250.0), "3 天 4 小时");
    }
}
