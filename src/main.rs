#![forbid(unsafe_code)]
//! The command line: the same engine as the page, for automation.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use chrono::NaiveDate;
    use clap::{Args, Parser, Subcommand, ValueEnum};
    use helpdesk_kpi::ingest::{choices, DateOrder, FileChoices, ReadOptions};
    use helpdesk_kpi::selection::Selection;
    use helpdesk_kpi::settings::Settings;
    use helpdesk_kpi::{report, sample};

    /// Support-team KPIs from helpdesk exports (Zendesk, Freshdesk, or any CSV with columns like
    /// "Created at", "Status", "Solved at"). Nothing leaves this machine.
    #[derive(Parser)]
    #[command(name = "helpdesk-kpi", version, about, long_about = None)]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Compute the KPI report over one or more exported files (merged, de-duplicated by id).
        ///
        /// Example: helpdesk-kpi report tickets.csv --format md
        Report {
            /// CSV exports of tickets; several files are merged.
            #[arg(required = true, value_name = "FILE")]
            files: Vec<PathBuf>,
            /// json (the catalogue's report shape) or md (tables for a wiki).
            #[arg(long, value_enum, default_value_t = Format::Json)]
            format: Format,
            /// Settings as JSON: business hours, SLA targets, KPI targets, costs, as-of time
            /// (the same file the page exports).
            #[arg(long, value_name = "FILE")]
            settings: Option<PathBuf>,
            #[command(flatten)]
            filters: Filters,
            #[command(flatten)]
            reading: Box<Reading>,
        },
        /// Write the generated sample export the page opens with.
        Sample {
            /// Where to write it; standard output when absent.
            #[arg(long, value_name = "FILE")]
            out: Option<PathBuf>,
            #[arg(long, default_value_t = sample::DEFAULT_SEED)]
            seed: u64,
            /// Exactly this many tickets over the same four months (for benchmarks: 500000
            /// make ≈100 MB) instead of a small team's load.
            #[arg(long, value_name = "N")]
            tickets: Option<u64>,
            /// Instead of the export, write the report the page opens with (the sample in the
            /// default settings, as JSON), which the page is built with.
            #[arg(long, conflicts_with_all = ["seed", "tickets"])]
            page_report: bool,
        },
    }

    /// Which tickets count. A date range also compares every KPI with the period of the same
    /// length just before it. Repeat a filter for alternatives (--channel email --channel chat).
    #[derive(Args)]
    struct Filters {
        /// First creation day included (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: Option<NaiveDate>,
        /// Last creation day included (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: Option<NaiveDate>,
        #[arg(long, value_name = "NAME")]
        channel: Vec<String>,
        #[arg(long, value_name = "NAME")]
        group: Vec<String>,
        #[arg(long, value_name = "NAME")]
        agent: Vec<String>,
        #[arg(long, value_name = "NAME")]
        priority: Vec<String>,
        #[arg(long = "type", value_name = "NAME")]
        ticket_type: Vec<String>,
        #[arg(long, value_name = "NAME")]
        tag: Vec<String>,
    }

    impl Filters {
        fn selection(self) -> Selection {
            Selection {
                from: self.from,
                to: self.to,
                channel: self.channel,
                group: self.group,
                agent: self.agent,
                priority: self.priority,
                ticket_type: self.ticket_type,
                tag: self.tag,
            }
        }
    }

    /// How the files are read, where the reader's own guess is wrong (applies to every file).
    #[derive(Args)]
    struct Reading {
        /// Which column feeds which field: a JSON file like
        /// {"created_at": "Opened", "channel": "Source", "priority": null} (null: no column).
        /// Field names are those of the report's sources[].columns. It may also say what
        /// status values and satisfaction answers mean: "status_values": {"Fechado": "closed"},
        /// "answer_values": {"Slightly dissatisfied": "unsatisfied"}.
        #[arg(long = "map", value_name = "FILE")]
        map: Option<PathBuf>,
        /// Read the text in this encoding instead of the detected one: UTF-8, UTF-16LE,
        /// UTF-16BE, windows-1250, windows-1252, ISO-8859-2, GBK, GB18030, Big5 (or any
        /// WHATWG label).
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
        /// Read this sheet of a workbook instead of the first.
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Dates like 03/04/2024 that no value of their column settles are 3 April (the
        /// default; overrides the settings' date_order).
        #[arg(long, conflicts_with = "month_first")]
        day_first: bool,
        /// Dates like 03/04/2024 that no value of their column settles are March 4.
        #[arg(long)]
        month_first: bool,
    }

    impl Reading {
        fn choices(&self) -> Result<FileChoices, String> {
            let mut map: serde_json::Map<String, serde_json::Value> = match &self.map {
                None => Default::default(),
                Some(path) => {
                    let text = std::fs::read_to_string(path)
                        .map_err(|e| format!("cannot open the map {}: {e}", path.display()))?;
                    serde_json::from_str(&text).map_err(|e| {
                        format!(
                            "{}: the map is not valid: {e} (a JSON object of field name to \
                             column header, like {{\"created_at\": \"Opened\"}})",
                            path.display()
                        )
                    })?
                }
            };
            let path = self.map.as_deref().unwrap_or(std::path::Path::new(""));
            let values = |key: &str, map: &mut serde_json::Map<String, serde_json::Value>| {
                map.remove(key)
                    .map(serde_json::from_value::<std::collections::BTreeMap<String, String>>)
                    .transpose()
                    .map_err(|e| {
                        format!(
                            "{}: \"{key}\" is not valid: {e} (a JSON object of value to \
                             meaning, like {{\"Fechado\": \"closed\"}})",
                            path.display()
                        )
                    })
                    .map(Option::unwrap_or_default)
            };
            let status_values = values("status_values", &mut map)?;
            let answer_values = values("answer_values", &mut map)?;
            let columns = serde_json::from_value(serde_json::Value::Object(map)).map_err(|e| {
                format!(
                    "{}: the map is not valid: {e} (a JSON object of field name to column \
                     header, like {{\"created_at\": \"Opened\"}})",
                    path.display()
                )
            })?;
            if let Some(label) = &self.encoding {
                choices::encoding(label).map_err(|message| message.text())?;
            }
            let date_order = if self.day_first {
                Some(DateOrder::DayFirst)
            } else if self.month_first {
                Some(DateOrder::MonthFirst)
            } else {
                None
            };
            Ok(FileChoices {
                columns,
                encoding: self.encoding.clone(),
                sheet: self.sheet.clone(),
                date_order,
                status_values,
                answer_values,
            })
        }
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        Json,
        Md,
    }

    pub fn main() -> ExitCode {
        match Cli::parse().command {
            Command::Report {
                files,
                format,
                settings,
                filters,
                reading,
            } => match read_settings(settings.as_deref()).and_then(|settings| {
                let mut options = settings.read_options()?;
                // The flags over the settings' value readings.
                options.choices.all = options.choices.all.with(&reading.choices()?);
                Ok((settings, options))
            }) {
                Ok((settings, options)) => {
                    run_report(&files, format, &settings, &options, &filters.selection())
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(2)
                }
            },
            Command::Sample {
                out,
                page_report: true,
                ..
            } => run_page_report(out.as_deref()),
            Command::Sample {
                out, seed, tickets, ..
            } => run_sample(out.as_deref(), seed, tickets),
        }
    }

    fn read_settings(path: Option<&Path>) -> Result<Settings, String> {
        let Some(path) = path else {
            return Ok(Settings::default());
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot open the settings {}: {e}", path.display()))?;
        Settings::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn run_report(
        paths: &[PathBuf],
        format: Format,
        settings: &Settings,
        options: &ReadOptions,
        selection: &Selection,
    ) -> ExitCode {
        let mut files = Vec::new();
        for path in paths {
            match std::fs::File::open(path) {
                Ok(file) => {
                    let size = file.metadata().ok().map(|m| m.len());
                    files.push((display_name(path), std::io::BufReader::new(file), size))
                }
                Err(error) => {
                    eprintln!("error: cannot open {}: {error}", path.display());
                    return ExitCode::from(2);
                }
            }
        }
        let (dataset, errors) = helpdesk_kpi::load_sized(files, options, &mut |_, _| {});
        let report = match report::Report::build_with(&dataset, errors, settings, selection) {
            Ok(report) => report,
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::from(2);
            }
        };
        match format {
            Format::Json => println!("{}", report.to_json()),
            Format::Md => print!("{}", report::to_markdown(&report)),
        }
        for source in report.sources.iter().filter(|s| s.skipped > 0) {
            eprintln!(
                "warning: {}: {} of {} rows skipped (see skipped_reasons)",
                source.file, source.skipped, source.rows
            );
        }
        for source in report.sources.iter().filter(|s| s.set_aside > 0) {
            let columns: Vec<String> = source
                .set_aside_by_column
                .iter()
                .map(|(column, cells)| format!("'{column}' {cells}"))
                .collect();
            eprintln!(
                "warning: {}: {} cells could not be read and were left empty, their tickets kept \
                 ({}; see set_aside_cells)",
                source.file,
                source.set_aside,
                columns.join(", ")
            );
        }
        for source in &report.sources {
            for warning in &source.warnings {
                eprintln!("warning: {}: {warning}", source.file);
            }
            if let Some(order) = source.date_order {
                let (read, other) = match order {
                    DateOrder::DayFirst => ("day first (3 April)", "--month-first"),
                    DateOrder::MonthFirst => ("month first (March 4)", "--day-first"),
                };
                eprintln!(
                    "warning: {}: no date in {} has a day above 12, so 03/04/2024 was read {read}; \
                     {other} reads it the other way",
                    source.file,
                    source
                        .open_date_order
                        .iter()
                        .map(|c| format!("'{c}'"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
        }
        for error in &report.errors {
            eprintln!("error: {error}");
        }
        if report.errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        }
    }

    fn run_sample(out: Option<&Path>, seed: u64, tickets: Option<u64>) -> ExitCode {
        let written = match out {
            Some(path) => std::fs::File::create(path)
                .map_err(csv::Error::from)
                .and_then(|file| {
                    sample::write_zendesk_csv(std::io::BufWriter::new(file), seed, tickets)
                }),
            None => sample::write_zendesk_csv(std::io::stdout().lock(), seed, tickets),
        };
        match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: cannot write the sample: {error}");
                ExitCode::from(2)
            }
        }
    }

    fn run_page_report(out: Option<&Path>) -> ExitCode {
        let json = match sample::page_report_json(helpdesk_kpi::ingest::DateOrder::DayFirst) {
            Ok(json) => json,
            Err(error) => {
                eprintln!("error: cannot make the sample's report: {error}");
                return ExitCode::from(2);
            }
        };
        let written = match out {
            Some(path) => std::fs::write(path, json),
            None => std::io::Write::write_all(&mut std::io::stdout().lock(), json.as_bytes()),
        };
        match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: cannot write the sample's report: {error}");
                ExitCode::from(2)
            }
        }
    }

    /// Reports name files as the page does: by file name, not by path.
    fn display_name(path: &Path) -> String {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string())
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
