//! Languages of the page: English, 简体中文, slovenčina, polski. The strings live in
//! `src/i18n/*.json` (one file per language, the same keys), compiled into the page so that
//! nothing is fetched. Numbers, durations and dates follow the language's conventions. What the
//! engine writes (reasons, notes, file messages) stays English in the report and is translated
//! for the page by `engine_text`, from the templates in `src/i18n/engine/*.json`.

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

fn table(lang: Lang) -> &'static HashMap<String, String> {
    static TABLES: OnceLock<[HashMap<String, String>; 4]> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        let parse = |text: &str| serde_json::from_str(text).unwrap_or_default();
        [
            parse(include_str!("en.json")),
            parse(include_str!("zh-CN.json")),
            parse(include_str!("sk.json")),
            parse(include_str!("pl.json")),
        ]
    });
    &tables[lang as usize]
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

    /// A message of the engine (reason, note, file error, skipped row) in the page's language.
    pub fn engine(&self, text: &str) -> String {
        engine_text::translate(self.lang, text)
    }

    /// A message the engine wrote as data, in the page's language: its key's template filled
    /// with its arguments (a `msg_…` argument, itself a message's English text, translated in
    /// turn). A message without a key is recognised from its text, as `engine` does.
    pub fn message(&self, message: &crate::message::Message) -> String {
        match engine_text::template(self.lang, &message.key) {
            Some(template) => crate::message::template::fill(template, |name| {
                let value = message.args.get(name)?;
                Some(match name.starts_with("msg_") {
                    true => self.engine(value),
                    false => value.clone(),
                })
            }),
            None => self.engine(&message.text()),
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

#[cfg(test)]
mod tests {
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
