//! The engine's native benchmark: `cargo bench --bench engine`.
//!
//! Generates a Zendesk export with the sample generator (500 000 tickets ≈ 100 MB; set
//! `BENCH_TICKETS`, or `BENCH_FILE` to read a file instead), then times each stage the page goes
//! through: reading the file into tickets, the first report, and the report again for a few
//! filters (what a click on a filter costs; each channel with the JSON too, as the worker
//! answers it). Prints the best of `BENCH_RUNS` (default 3) and
//! the peak memory of the process. Figures, not assertions: compare runs on the same machine.

use std::time::{Duration, Instant};

use helpdesk_kpi::report::Report;
use helpdesk_kpi::selection::Selection;
use helpdesk_kpi::settings::Settings;

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is accepted and ignored.
    let runs: usize = env_number("BENCH_RUNS", 3);
    let (name, bytes) = input();
    let mb = bytes.len() as f64 / 1e6;
    println!("input: {name}, {mb:.1} MB");

    let options = Settings::default()
        .read_options()
        .expect("default settings");
    let mut ingest = Vec::new();
    let mut loaded = None;
    for _ in 0..runs {
        let start = Instant::now();
        let result = helpdesk_kpi::load_in([(name.as_str(), bytes.as_slice())], &options);
        ingest.push(start.elapsed());
        loaded = Some(result);
    }
    let (dataset, errors) = loaded.expect("at least one run");
    println!("tickets: {}", dataset.len());
    let per_ticket = |bytes: usize| bytes as f64 / dataset.len().max(1) as f64;
    let table_bytes = dataset.table().heap_bytes();
    println!(
        "ticket table after reading: {:.1} MB, {:.0} bytes a ticket",
        table_bytes as f64 / 1e6,
        per_ticket(table_bytes)
    );
    report_line("read (decode, parse, the ticket table)", &ingest, Some(mb));

    let settings = Settings::default();
    let report = |selection: &Selection| {
        Report::build_with(&dataset, errors.clone(), &settings, selection).expect("report")
    };
    // For a profiler counting instructions (callgrind): `BENCH_ONLY_REFILTERS=N` makes the
    // first report (the ranks) and then N refilters of one channel with their JSON, nothing else.
    if let Some(count) = std::env::var("BENCH_ONLY_REFILTERS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        std::hint::black_box(report(&Selection::default()));
        let by_channel = Selection {
            channel: std::env::var("BENCH_CHANNEL").ok().into_iter().collect(),
            ..Selection::default()
        };
        let refilters = time(count, || report(&by_channel).to_json());
        report_line("refilter + JSON (profiled)", &refilters, None);
        return;
    }
    let full = time(runs, || report(&Selection::default()));
    // The first report ranks the durations; later ones reuse them.
    report_line("first report (ranks the durations)", &full[..1], None);
    report_line("report, everything", &full[1.min(full.len() - 1)..], None);
    let table_bytes = dataset.table().heap_bytes();
    println!(
        "ticket table after a report (with its ranks and next contacts): {:.1} MB, {:.0} bytes a ticket",
        table_bytes as f64 / 1e6,
        per_ticket(table_bytes)
    );
    // What loading a file costs: a read (the best one) and the first report.
    let end_to_end = [ingest.iter().min().copied().unwrap_or_default() + full[0]];
    report_line("read + first report", &end_to_end, Some(mb));

    // The channel of the first ticket that has one (the table's first channel code), or
    // `BENCH_CHANNEL`.
    let first = std::env::var("BENCH_CHANNEL")
        .ok()
        .or_else(|| dataset.table().channel.name(1).map(str::to_string));
    let by_channel = Selection {
        channel: first.into_iter().collect(),
        ..Selection::default()
    };
    report_line(
        "refilter: one channel",
        &time(runs, || report(&by_channel)),
        None,
    );
    // Each channel as the page's filter asks for it, with the report's JSON: what the worker
    // does for a click (`web/session.rs`), the figure the browser benchmark reads.
    for code in 1..=dataset.table().channel.names.len() as u32 {
        let Some(channel) = dataset.table().channel.name(code) else {
            continue;
        };
        let selection = Selection {
            channel: vec![channel.to_string()],
            ..Selection::default()
        };
        let tickets = dataset.select(&selection).len();
        report_line(
            &format!("refilter + JSON: {channel} ({tickets})"),
            &time(runs, || report(&selection).to_json()),
            None,
        );
    }
    let month = Selection {
        from: chrono::NaiveDate::from_ymd_opt(2026, 8, 1),
        to: chrono::NaiveDate::from_ymd_opt(2026, 8, 31),
        ..Selection::default()
    };
    report_line(
        "refilter: one month (+ previous period)",
        &time(runs, || report(&month)),
        None,
    );
    // For a profiler: `BENCH_REFILTERS=20 perf record ...` spends most samples in refilters
    // (of the report and its JSON, as the worker makes them).
    for _ in 0..env_number("BENCH_REFILTERS", 0) {
        std::hint::black_box(report(&by_channel).to_json());
    }
    parts(&dataset, &settings, &Selection::default(), "everything");
    parts(&dataset, &settings, &by_channel, "one channel");
    parts(&dataset, &settings, &month, "one month");
    println!("peak memory: {}", peak_memory());
}

/// Where a refilter's time goes: each part of the report on its own, over the selection
/// (`report::parts`, which the wasm bench times too; a profile, not a sum of it).
fn parts(
    dataset: &helpdesk_kpi::dataset::Dataset,
    settings: &Settings,
    selection: &Selection,
    name: &str,
) {
    use helpdesk_kpi::report::parts;
    let current = dataset.select(selection);
    let compiled = settings.compile().expect("default settings");
    let context = parts::context(dataset, &compiled);
    // The best of three, like the whole: one run of a few milliseconds is mostly noise.
    let best = |work: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    println!("refilter parts ({name}, {} tickets):", current.len());
    for (what, work) in parts::parts(dataset, &current, &context, selection) {
        println!(
            "  part: {what:<36} {:>9.1} ms",
            best(&work).as_secs_f64() * 1e3
        );
        if what.starts_with("every KPI") {
            // Each KPI on its own (those of 0.1 ms or more), the costliest first: where
            // `compute`'s time goes.
            let mut each: Vec<(Duration, String)> = parts::kpi_parts(&current, &context)
                .into_iter()
                .map(|(id, work)| (best(&work), id))
                .collect();
            each.sort_by(|a, b| b.cmp(a));
            for (took, id) in each
                .iter()
                .take_while(|(took, _)| took.as_secs_f64() >= 1e-4)
            {
                println!("    kpi: {id:<34} {:>9.1} ms", took.as_secs_f64() * 1e3);
            }
        }
    }
}

fn input() -> (String, Vec<u8>) {
    if let Ok(path) = std::env::var("BENCH_FILE") {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        return (path, bytes);
    }
    let tickets = env_number("BENCH_TICKETS", 500_000) as u64;
    let mut bytes = Vec::new();
    helpdesk_kpi::sample::write_zendesk_csv(&mut bytes, 7, Some(tickets)).expect("in memory");
    (
        format!("generated Zendesk export, {tickets} tickets"),
        bytes,
    )
}

fn time<T>(runs: usize, mut work: impl FnMut() -> T) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(work());
            start.elapsed()
        })
        .collect()
}

fn report_line(what: &str, times: &[Duration], megabytes: Option<f64>) {
    let best = times.iter().min().copied().unwrap_or_default();
    let ms = best.as_secs_f64() * 1e3;
    match megabytes {
        Some(mb) => println!(
            "{what:<42} {ms:>9.1} ms  {:>7.1} MB/s",
            mb / best.as_secs_f64()
        ),
        None => println!("{what:<42} {ms:>9.1} ms"),
    }
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The process's peak resident memory (Linux), else "unknown".
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string())
}
