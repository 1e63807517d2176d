//! SVG and PNG downloads of a chart. The chart on the page is styled by `style.css`; a file on its
//! own must carry its colours, so each element's computed paint is written onto a copy first, as
//! presentation attributes (`fill="…"`): the page's CSP forbids inline `style`, even on a copy.
//! Above the chart the file carries its title, legend and the selection (`chart_caption`). The
//! PNG is that SVG drawn on a canvas at twice the size. Made in the page: nothing is sent.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, HtmlImageElement, SvgsvgElement};
use yew::prelude::*;

use super::chart_caption::{self, ChartSelection, SVG_NS};
use crate::i18n::I18n;

/// The style properties a chart's look depends on.
const PAINT: [&str; 8] = [
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "opacity",
    "font-size",
    "font-family",
    "font-weight",
];

#[derive(Properties, PartialEq)]
pub struct ChartDownloadProps {
    /// The id of the chart's `<figure>`; the files are named after it.
    pub chart: AttrValue,
}

#[function_component(ChartDownload)]
pub fn chart_download(props: &ChartDownloadProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let selection = use_context::<ChartSelection>().unwrap_or_default();
    let button = |format: &'static str| {
        let chart = props.chart.clone();
        let selection = selection.0.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some((svg, width, height)) = standalone_svg(&chart, &selection) {
                let name = format!("helpdesk-kpi-{chart}");
                match format {
                    "svg" => save(&format!("{name}.svg"), &svg_url(&svg)),
                    _ => save_png(&format!("{name}.png"), &svg, width, height),
                }
            }
        });
        html! {
            <button type="button" class="chart-download" data-format={format} {onclick}
                    aria-label={i18n.f("chart.download", &[("format", format.to_uppercase())])}>
                { format.to_uppercase() }
            </button>
        }
    };
    html! { <span class="chart-downloads">{ button("svg") }{ button("png") }</span> }
}

/// The chart's SVG as a file of its own (colours inlined, a background, its drawn size), under
/// its caption.
fn standalone_svg(chart: &str, selection: &str) -> Option<(String, f64, f64)> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let figure = document.get_element_by_id(chart)?;
    let original: SvgsvgElement = figure.query_selector("svg").ok()??.dyn_into().ok()?;
    let copy: Element = original.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let from = original.query_selector_all("*").ok()?;
    let to = copy.query_selector_all("*").ok()?;
    for i in 0..from.length() {
        let (Some(a), Some(b)) = (from.item(i), to.item(i)) else {
            continue;
        };
        let (Ok(a), Ok(b)) = (a.dyn_into::<Element>(), b.dyn_into::<Element>()) else {
            continue;
        };
        let Ok(Some(style)) = window.get_computed_style(&a) else {
            continue;
        };
        for property in PAINT {
            if let Ok(value) = style.get_property_value(property) {
                if !value.is_empty() {
                    let _ = b.set_attribute(property, &value);
                }
            }
        }
        let _ = b.remove_attribute("class");
    }
    let rect = original.get_bounding_client_rect();
    let (width, height) = (rect.width().max(1.0), rect.height().max(1.0));
    let background = window
        .get_computed_style(&figure)
        .ok()??
        .get_property_value("background-color")
        .unwrap_or_default();
    // The file: a backdrop in the page's panel colour (dark mode included), the caption, and
    // the chart below it as a nested <svg> that keeps its own viewBox.
    let file = document.create_element_ns(Some(SVG_NS), "svg").ok()?;
    let _ = file.set_attribute("xmlns", SVG_NS);
    if let Ok(backdrop) = document.create_element_ns(Some(SVG_NS), "rect") {
        for (name, value) in [("width", "100%"), ("height", "100%"), ("fill", &background)] {
            let _ = backdrop.set_attribute(name, value);
        }
        let _ = file.append_child(&backdrop);
    }
    let top = chart_caption::draw(&window, &document, &figure, &file, width, selection);
    for (name, value) in [("x", 0.0), ("y", top), ("width", width), ("height", height)] {
        let _ = copy.set_attribute(name, &value.to_string());
    }
    let _ = file.append_child(&copy);
    let height = top + height;
    let _ = file.set_attribute("width", &width.to_string());
    let _ = file.set_attribute("height", &height.to_string());
    let svg = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&file)
        .ok()?;
    Some((svg, width, height))
}

fn svg_url(svg: &str) -> String {
    format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(svg)
    )
}

/// Draws the SVG on a canvas (twice the size, for sharp print) and saves it as PNG.
fn save_png(name: &str, svg: &str, width: f64, height: f64) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(image), Ok(canvas)) = (
        HtmlImageElement::new(),
        document
            .create_element("canvas")
            .map(|c| c.unchecked_into::<HtmlCanvasElement>()),
    ) else {
        return;
    };
    let scale = 2.0;
    canvas.set_width((width * scale) as u32);
    canvas.set_height((height * scale) as u32);
    let name = name.to_string();
    let drawn = image.clone();
    let onload = Closure::once_into_js(move || {
        let Ok(Some(context)) = canvas.get_context("2d") else {
            return;
        };
        let Ok(context) = context.dyn_into::<web_sys::CanvasRenderingContext2d>() else {
            return;
        };
        let _ = context.scale(scale, scale);
        let _ = context
            .draw_image_with_html_image_element_and_dw_and_dh(&drawn, 0.0, 0.0, width, height);
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            save(&name, &url);
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&svg_url(svg));
}

/// Saves a data URL through a temporary link: the browser's own download, no request.
pub(super) fn save(name: &str, url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let Ok(link) = link.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    link.set_href(url);
    link.set_download(name);
    link.click();
}
