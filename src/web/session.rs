//! The engine as the page's Web Worker runs it (`www/worker.js`): it reads the dropped files in
//! chunks, keeps the tickets, and answers each selection or settings change with a report as
//! JSON. The page itself never parses a file, so it stays responsive, and the worker can be
//! stopped at any moment (Cancel terminates it).

use std::cell::RefCell;
use std::io::{self, Read};

use js_sys::{Array, Function, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, FileReaderSync};

use crate::dataset::Dataset;
use crate::ingest::{Choices, DateOrder, IngestError, Progress};
use crate::report::Report;
use crate::sample::{zendesk_csv, DEFAULT_SEED, SAMPLE_FILE_NAME};
use crate::selection::Selection;
use crate::settings::Settings;

/// What the page chose about reading, sent with each load (JSON): the person's choices, and the
/// date order of the browser's language for where neither a choice nor the settings say.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
struct LoadChoices {
    choices: Choices,
    date_order: Option<DateOrder>,
}

/// What is kept to read again when the time zone changes: the browser's handles, not the bytes.
enum Input {
    Files(Vec<File>),
    Sample,
}

#[wasm_bindgen]
pub struct Session {
    input: Input,
    dataset: Dataset,
    errors: Vec<IngestError>,
    /// Why the files of the last load could not be read, when none could.
    unreadable: Vec<IngestError>,
    /// The last reports of this dataset, oldest first, by the settings and selection they were
    /// asked with (`REPORTS_KEPT` of ≈80 KB each).
    reports: RefCell<Vec<Kept>>,
}

/// A report kept: the settings and selection (as the page sent them) and its JSON.
struct Kept {
    settings: String,
    selection: String,
    json: String,
}

/// How many reports are kept: a filter set and cleared again, or a choice undone, is answered
/// at once instead of computed again (the report over everything takes longest of all).
const REPORTS_KEPT: usize = 8;

#[wasm_bindgen]
impl Session {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Session {
        Session {
            input: Input::Sample,
            dataset: Dataset::default(),
            errors: Vec::new(),
            unreadable: Vec::new(),
            reports: RefCell::default(),
        }
    }

    /// Reads `files` (an array of `File`) in the settings' time zone. `progress(index, bytes,
    /// rows)` is called as each file is read. Returns the number of files read; their errors
    /// come with the report.
    pub fn load(
        &mut self,
        files: Array,
        settings: &str,
        choices: &str,
        progress: &Function,
    ) -> Result<usize, JsError> {
        let files: Vec<File> = files.iter().filter_map(|f| f.dyn_into().ok()).collect();
        if let Some(error) = too_large(&files) {
            self.unreadable = vec![error];
            return Ok(0);
        }
        let before = std::mem::replace(&mut self.input, Input::Files(files));
        let (dataset, errors) = self.read_input(settings, choices, progress)?;
        if dataset.sources.is_empty() {
            // Nothing could be read: the dashboard keeps what it showed.
            self.input = before;
            self.unreadable = errors;
            return Ok(0);
        }
        Ok(self.keep(dataset, errors))
    }

    /// Why the files of the last load could not be read (JSON list of `{file, message}`).
    #[wasm_bindgen(js_name = unreadable)]
    pub fn unreadable_json(&self) -> String {
        serde_json::to_string(&self.unreadable).unwrap_or_else(|_| "[]".into())
    }

    /// Reads the embedded sample export.
    #[wasm_bindgen(js_name = loadSample)]
    pub fn load_sample(&mut self, settings: &str, choices: &str) -> Result<usize, JsError> {
        self.input = Input::Sample;
        self.read(settings, choices, &Function::new_no_args(""))
    }

    /// Reads the same files again (the time zone, the rating scale or a reading choice
    /// changed).
    pub fn reload(
        &mut self,
        settings: &str,
        choices: &str,
        progress: &Function,
    ) -> Result<usize, JsError> {
        self.read(settings, choices, progress)
    }

    /// The report over `selection` with `settings`, as the catalogue's JSON. Fails with the
    /// reason when the settings make no sense.
    pub fn report(&self, settings: &str, selection: &str) -> Result<String, JsError> {
        let mut kept = self.reports.borrow_mut();
        if let Some(at) = kept
            .iter()
            .position(|k| k.settings == settings && k.selection == selection)
        {
            // The newest again: kept longest.
            let report = kept.remove(at);
            let json = report.json.clone();
            kept.push(report);
            return Ok(json);
        }
        let parsed = Settings::from_json(settings).map_err(|e| JsError::new(&e))?;
        let chosen: Selection =
            serde_json::from_str(selection).map_err(|e| JsError::new(&e.to_string()))?;
        let json = Report::build_with(&self.dataset, self.errors.clone(), &parsed, &chosen)
            .map(|report| report.to_json())
            .map_err(|e| JsError::new(&e))?;
        if kept.len() == REPORTS_KEPT {
            kept.remove(0);
        }
        kept.push(Kept {
            settings: settings.to_string(),
            selection: selection.to_string(),
            json: json.clone(),
        });
        Ok(json)
    }

    /// Total bytes of the kept input.
    #[wasm_bindgen(js_name = totalBytes)]
    pub fn total_bytes(&self) -> f64 {
        match &self.input {
            Input::Files(files) => files.iter().map(|f| f.size()).sum(),
            Input::Sample => 0.0,
        }
    }

    fn read(
        &mut self,
        settings: &str,
        choices: &str,
        progress: &Function,
    ) -> Result<usize, JsError> {
        Settings::from_json(settings)
            .and_then(|s| s.read_options())
            .map_err(|e| JsError::new(&e))?;
        // The same input read again: the old tickets go first, so that a 1 GB export is not
        // held twice.
        self.dataset = Dataset::default();
        self.reports.get_mut().clear();
        let (dataset, errors) = self.read_input(settings, choices, progress)?;
        Ok(self.keep(dataset, errors))
    }

    fn keep(&mut self, dataset: Dataset, errors: Vec<IngestError>) -> usize {
        let read = dataset.sources.len();
        self.reports.get_mut().clear();
        self.dataset = dataset;
        self.errors = errors;
        read
    }

    fn read_input(
        &self,
        settings: &str,
        choices: &str,
        progress: &Function,
    ) -> Result<(Dataset, Vec<IngestError>), JsError> {
        let settings = Settings::from_json(settings).map_err(|e| JsError::new(&e))?;
        let mut options = settings.read_options().map_err(|e| JsError::new(&e))?;
        let choices: LoadChoices = serde_json::from_str(choices).unwrap_or_default();
        let from_settings = std::mem::take(&mut options.choices.all);
        options.choices = choices.choices;
        // The page's own choices over the settings' value readings.
        options.choices.all = from_settings.with(&options.choices.all);
        options.date_order = options.date_order.or(choices.date_order);
        let mut tell = |index: usize, p: Progress| {
            let _ = progress.call3(
                &JsValue::NULL,
                &JsValue::from(index as u32),
                &JsValue::from(p.bytes as f64),
                &JsValue::from(p.rows as u32),
            );
        };
        Ok(match &self.input {
            Input::Sample => {
                let bytes = zendesk_csv(DEFAULT_SEED);
                crate::load_from([(SAMPLE_FILE_NAME, bytes.as_slice())], &options, &mut tell)
            }
            Input::Files(files) => {
                let reader = FileReaderSync::new()
                    .map_err(|_| JsError::new("this browser cannot read files in a worker"))?;
                let sources = files
                    .iter()
                    .map(|file| (file.name(), FileSource::new(file.clone(), reader.clone())));
                crate::load_from(sources, &options, &mut tell)
            }
        })
    }
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

/// The memory a browser tab gives this page's engine (wasm32 addresses 4 GB; the report and the
/// page need the rest).
const MEMORY_BUDGET: u64 = 3_000_000_000;

/// A refusal, before anything is read, of files whose tickets would not fit in memory: the tab
/// would otherwise die half-way with nothing to show.
fn too_large(files: &[File]) -> Option<IngestError> {
    let reader = FileReaderSync::new().ok()?;
    let mut rows = 0u64;
    let mut largest: Option<(&File, u64)> = None;
    for file in files {
        let mut source = FileSource::new(file.clone(), reader.clone());
        let first = crate::ingest::stream::read_chunk(&mut source).ok()?;
        let estimate = crate::ingest::stream::estimate_rows(&first, file.size() as u64);
        rows += estimate;
        if largest.is_none_or(|(_, most)| estimate > most) {
            largest = Some((file, estimate));
        }
    }
    let need = rows * crate::ingest::stream::MEMORY_PER_ROW;
    if need <= MEMORY_BUDGET {
        return None;
    }
    let (file, _) = largest?;
    Some(IngestError::new(
        &file.name(),
        format!(
            "the files hold about {} rows, which need about {:.1} GB of memory, more than a \
             browser tab gives this page (about {:.0} GB): export a shorter period, or use the \
             command line tool (helpdesk-kpi report), which has no such limit",
            rows,
            need as f64 / 1e9,
            MEMORY_BUDGET as f64 / 1e9
        ),
    ))
}

/// A browser `File` read piece by piece with the worker-only synchronous reader, so the engine's
/// streaming ingest holds one piece at a time. Pieces are larger than the engine's chunks: each
/// `FileReaderSync` read costs about 4 ms whatever its size (100 MB took 513 ms in 1 MB pieces,
/// 245 ms in 4 MB, 160 ms in 16 MB, in headless Chromium here).
struct FileSource {
    file: File,
    reader: FileReaderSync,
    /// Where the next piece starts in the file.
    offset: f64,
    piece: Vec<u8>,
    /// How much of `piece` has been handed out.
    given: usize,
}

/// The size of a piece read from the browser.
const PIECE: f64 = 8.0 * 1024.0 * 1024.0;

impl FileSource {
    fn new(file: File, reader: FileReaderSync) -> FileSource {
        FileSource {
            file,
            reader,
            offset: 0.0,
            piece: Vec::new(),
            given: 0,
        }
    }

    /// The next piece of the file; empty at its end.
    fn read_piece(&mut self) -> io::Result<Vec<u8>> {
        let end = (self.offset + PIECE).min(self.file.size());
        if end <= self.offset {
            return Ok(Vec::new());
        }
        let failed = |_| {
            io::Error::other(
                "the browser could not read this file: check that it still exists and try again",
            )
        };
        let piece = self
            .file
            .slice_with_f64_and_f64(self.offset, end)
            .map_err(failed)?;
        let bytes = Uint8Array::new(
            &self
                .reader
                .read_as_array_buffer(&piece)
                .map_err(failed)?
                .into(),
        );
        self.offset += bytes.length() as f64;
        Ok(bytes.to_vec())
    }
}

impl Read for FileSource {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.given == self.piece.len() {
            self.piece = self.read_piece()?;
            self.given = 0;
        }
        let n = buf.len().min(self.piece.len() - self.given);
        buf[..n].copy_from_slice(&self.piece[self.given..self.given + n]);
        self.given += n;
        Ok(n)
    }
}
