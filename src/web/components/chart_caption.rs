//! What a downloaded chart says about itself. On the page the title and legend sit in the
//! `<figcaption>` and the selection in the filter bar; a file on its own must carry all three,
//! or it cannot be read once it is pasted into a slide. They are drawn as SVG text above the
//! chart. The caption is read from the figure itself, so every chart gets one without passing
//! anything to it; the selection comes through a context the page provides.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Window};

use crate::i18n::I18n;
use crate::kpi::created_span;
use crate::report::Report;
use crate::selection::Selection;

pub const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The selection as one line of text, for chart files (a context of the page).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartSelection(pub String);

/// "Created 2024-03-01 – 2024-03-07 · Channel: email · 5 of 8 tickets".
pub fn describe(i18n: &I18n, report: &Report, selection: &Selection) -> String {
    // Unfiltered, the tickets' own range: days with solves only are not "created".
    let span = created_span(&report.series.created_vs_solved);
    let from = selection.from.or(span.map(|(first, _)| first));
    let to = selection.to.or(span.map(|(_, last)| last));
    let mut parts = Vec::new();
    if let (Some(from), Some(to)) = (from, to) {
        parts.push(i18n.f(
            "download.dates",
            &[("from", from.to_string()), ("to", to.to_string())],
        ));
    }
    let fields = [
        ("channel", &selection.channel),
        ("group", &selection.group),
        ("agent", &selection.agent),
        ("priority", &selection.priority),
        ("type", &selection.ticket_type),
        ("tag", &selection.tag),
    ];
    for (field, values) in fields {
        if !values.is_empty() {
            parts.push(format!(
                "{}: {}",
                i18n.t(&format!("field.{field}")),
                values.join(", ")
            ));
        }
    }
    // As the filter bar says it.
    parts.push(i18n.f(
        "filters.count",
        &[
            ("n", report.tickets.to_string()),
            ("total", report.tickets_total.to_string()),
        ],
    ));
    parts.join(" · ")
}

/// Title, legend (label and colour) and selection lines drawn at the top of `parent`;
/// returns the height used.
pub fn draw(
    window: &Window,
    document: &Document,
    figure: &Element,
    parent: &Element,
    width: f64,
    selection: &str,
) -> f64 {
    let Some(caption) = figure.query_selector("figcaption").ok().flatten() else {
        return 0.0;
    };
    let style = window.get_computed_style(&caption).ok().flatten();
    let css = |name: &str| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(name).ok())
            .unwrap_or_default()
    };
    let (colour, font) = (css("color"), css("font-family"));
    let text = |x: f64, y: f64, size: f64, weight: &str, content: &str, opacity: &str| {
        if let Ok(t) = document.create_element_ns(Some(SVG_NS), "text") {
            for (name, value) in [
                ("x", x.to_string()),
                ("y", y.to_string()),
                ("font-size", size.to_string()),
                ("font-weight", weight.to_string()),
                ("font-family", font.clone()),
                ("fill", colour.clone()),
                ("opacity", opacity.to_string()),
            ] {
                let _ = t.set_attribute(name, &value);
            }
            t.set_text_content(Some(content));
            let _ = parent.append_child(&t);
        }
    };
    let pad = 8.0;
    let mut y = pad + 14.0;
    text(pad, y, 14.0, "600", &title(&caption), "1");
    let legend = legend(window, &caption);
    if !legend.is_empty() {
        y += 18.0;
        let mut x = pad;
        for (label, paint) in legend {
            if let Ok(swatch) = document.create_element_ns(Some(SVG_NS), "rect") {
                for (name, value) in [
                    ("x", x.to_string()),
                    ("y", (y - 9.0).to_string()),
                    ("width", "14".to_string()),
                    ("height", "4".to_string()),
                    ("fill", paint),
                ] {
                    let _ = swatch.set_attribute(name, &value);
                }
                let _ = parent.append_child(&swatch);
            }
            text(x + 18.0, y, 12.0, "400", &label, "1");
            // About 6.5 px a character at 12 px: enough room without measuring.
            x += 18.0 + label.chars().count() as f64 * 6.5 + 14.0;
        }
    }
    for line in wrap(selection, ((width - 2.0 * pad) / 6.0).max(20.0) as usize) {
        y += 15.0;
        text(pad, y, 11.0, "400", &line, "0.75");
    }
    y + pad
}

/// The caption's own words: its text without the legend, the hint and the buttons.
fn title(caption: &Element) -> String {
    let nodes = caption.child_nodes();
    let mut title = String::new();
    for i in 0..nodes.length() {
        let Some(node) = nodes.item(i) else { continue };
        let skipped = node.dyn_ref::<Element>().is_some_and(|e| {
            let class = e.class_name();
            ["legend", "hint", "chart-downloads"]
                .iter()
                .any(|c| class.split(' ').any(|k| k == *c))
        });
        if !skipped {
            title.push_str(&node.text_content().unwrap_or_default());
        }
    }
    title.trim().to_string()
}

/// Each legend entry's label and the colour of its mark (the `::before` of `.legend`).
fn legend(window: &Window, caption: &Element) -> Vec<(String, String)> {
    let Ok(entries) = caption.query_selector_all(".legend") else {
        return Vec::new();
    };
    (0..entries.length())
        .filter_map(|i| entries.item(i)?.dyn_into::<Element>().ok())
        .map(|entry| {
            let paint = window
                .get_computed_style_with_pseudo_elt(&entry, "::before")
                .ok()
                .flatten()
                .and_then(|s| s.get_property_value("background-color").ok())
                .unwrap_or_default();
            (entry.text_content().unwrap_or_default(), paint)
        })
        .collect()
}

/// Words in lines of at most `width` characters (SVG text does not wrap by itself); a longer
/// word (Chinese has no spaces) is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let words = text.split(' ').flat_map(|word| {
        let chars: Vec<char> = word.chars().collect();
        chars
            .chunks(width)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
    });
    let mut lines: Vec<String> = Vec::new();
    for word in words {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(&word);
            }
            _ => lines.push(word),
        }
    }
    lines
}
