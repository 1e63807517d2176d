//! The engine's refilter timed in wasm, without the page: the engine module built with
//! `--features bench-wasm` (bench/wasm/run.sh) exports `benchRefilters`, which Node runs. The
//! browser benchmark's "refilter in the worker" also carries what the page and the browser do
//! beside it (on two cores, each click's rendering and the browser's own work); this is the
//! engine's part alone, in the same JavaScript engine, with each part of the report timed.

use wasm_bindgen::prelude::*;

use crate::report::{parts, Report};
use crate::selection::Selection;
use crate::settings::Settings;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn now() -> f64;
}

/// Reads the file, makes the report over everything (the ranks), then for each of `channels`
/// (comma-separated) `runs` refilters with their JSON, as the worker makes them; then the parts
/// of a refilter of the first channel. A table as text.
#[wasm_bindgen(js_name = benchRefilters)]
pub fn bench_refilters(name: &str, bytes: &[u8], channels: &str, runs: u32) -> String {
    let started = now();
    let (dataset, errors) = crate::load([(name, bytes)]);
    let read = now() - started;
    let compiled = match Settings::default().compile() {
        Ok(compiled) => compiled,
        Err(message) => return message.text(),
    };
    let report = |selection: &Selection| {
        Report::build_compiled(&dataset, errors.clone(), &compiled, selection).to_compact_json()
    };
    let timed = |work: &dyn Fn()| {
        let start = now();
        work();
        now() - start
    };
    let first = timed(&|| drop(std::hint::black_box(report(&Selection::default()))));
    let mut out = format!(
        "{} tickets; read {read:.0} ms, first report {first:.0} ms\n",
        dataset.len()
    );
    let selections: Vec<Selection> = channels
        .split(',')
        .filter(|channel| !channel.is_empty())
        .map(|channel| Selection {
            channel: vec![channel.to_string()],
            ..Selection::default()
        })
        .collect();
    for selection in &selections {
        let mut ms: Vec<f64> = (0..runs.max(1))
            .map(|_| timed(&|| drop(std::hint::black_box(report(selection)))))
            .collect();
        // The first as the page's worker meets it (a channel's report is kept after it).
        let first = ms[0];
        ms.sort_by(f64::total_cmp);
        out += &format!(
            "refilter + JSON: {:<10} ({} tickets) first {first:.1} ms, best {:.1} ms, median {:.1} ms of {}\n",
            selection.channel[0],
            dataset.select(selection).len(),
            ms[0],
            ms[ms.len() / 2],
            ms.len()
        );
    }
    let Some(selection) = selections.first() else {
        return out;
    };
    let current = dataset.select(selection);
    let context = parts::context(&dataset, &compiled);
    let best = |work: &dyn Fn()| {
        (0..runs.max(1))
            .map(|_| timed(work))
            .fold(f64::INFINITY, f64::min)
    };
    out += &format!(
        "refilter parts ({}, best of {runs}):\n",
        selection.channel[0]
    );
    for (what, work) in parts::parts(&dataset, &current, &context, selection) {
        out += &format!("  part: {what:<36} {:>7.2} ms\n", best(&work));
    }
    for (id, work) in parts::kpi_parts(&current, &context) {
        let ms = best(&work);
        if ms >= 0.1 {
            out += &format!("    kpi: {id:<34} {ms:>7.2} ms\n");
        }
    }
    out
}
