//! The engine as the page's Web Worker runs it (`www/worker.js`): it reads the dropped files in
//! chunks, keeps the tickets, and answers each selection or settings change with a report as
//! JSON. The page itself never parses a file, so it stays responsive, and the worker can be
//! stopped at any moment (Cancel terminates it). Requests and replies are `protocol`'s, read and
//! written here with serde-wasm-bindgen through one entry, `Session::handle`.

use std::io::{self, Read};

use js_sys::{Array, Function, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, FileReaderSync};

use crate::dataset::Dataset;
use crate::ingest::{ErrorKind, IngestError, Progress, SaidError};
use crate::message::Message;
use crate::protocol::{
    request_id, unsendable, ProgressTally, ReadingChoices, Reply, Request, NOT_A_FILE, NO_FILES,
};
use crate::report::Report;
use crate::selection::Selection;
use crate::settings::{CompiledSettings, Settings};

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
    /// The last reports of this dataset, oldest first, by the settings and selection they were
    /// asked with (`REPORTS_KEPT` of ≈80 KB each).
    reports: Vec<Kept>,
    /// The settings of the last report, compiled: a refilter compiles nothing again.
    compiled: Option<CompiledSettings>,
}

/// A report kept: the settings and selection it was asked with, and its JSON.
struct Kept {
    settings: Settings,
    selection: Selection,
    json: String,
}

/// How many reports are kept: a filter set and cleared again, or a choice undone, is answered
/// at once instead of computed again (the report over everything takes longest of all).
const REPORTS_KEPT: usize = 8;

/// What a read left: tickets to report over, or no file that could be read (why, file by file;
/// the dashboard keeps what it showed).
enum Outcome {
    Read,
    Unreadable(Vec<IngestError>),
}

#[wasm_bindgen]
extern "C" {
    /// The worker's clock, in milliseconds.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

#[wasm_bindgen]
impl Session {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Session {
        super::parts::install();
        Session {
            input: Input::Sample,
            dataset: Dataset::default(),
            errors: Vec::new(),
            reports: Vec::new(),
            compiled: None,
        }
    }

    /// The worker's one entry: answers `message` (`{request, files}`, see `protocol`) with the
    /// final `Reply`. While files are read, `post` is called with each progress reply. A request
    /// that cannot be read is answered with a `failed` reply that says what is wrong with it.
    pub fn handle(&mut self, message: &JsValue, post: &Function) -> Result<JsValue, JsError> {
        let reply = match read_message(message) {
            Ok((request, files)) => self.answer(&request, files, post),
            Err(reply) => reply,
        };
        to_js(&reply)
    }

    /// The modules of readers (`text`, `workbook`) the last request needed and found not yet
    /// loaded: the worker loads them and sends the request again, whose reply replaces this one.
    pub fn missed(&self) -> Vec<String> {
        super::parts::take_missed()
            .into_iter()
            .map(str::to_string)
            .collect()
    }
}

impl Session {
    fn answer(&mut self, request: &Request, files: Vec<File>, post: &Function) -> Reply {
        let id = request.id();
        let started = performance_now();
        let settings = request.settings();
        if let Err(message) = settings.validate() {
            return Reply::Refused { id, message };
        }
        let mut tell = |bytes: f64, rows: f64, total: f64| {
            if let Ok(progress) = to_js(&Reply::Progress {
                id,
                bytes,
                rows,
                total,
            }) {
                let _ = post.call1(&JsValue::NULL, &progress);
            }
        };
        let outcome = match request {
            Request::Load { choices, .. } => self.load(files, settings, choices, &mut tell),
            Request::Sample { choices, .. } => {
                self.input = Input::Sample;
                self.read(settings, choices, &mut |_, _, _| {})
            }
            Request::Reload { choices, .. } => self.read(settings, choices, &mut tell),
            Request::Report { .. } => Ok(Outcome::Read),
        };
        match outcome {
            Ok(Outcome::Read) => {}
            Ok(Outcome::Unreadable(errors)) => return Reply::Unreadable { id, errors },
            Err(message) => {
                return Reply::Failed {
                    id: Some(id),
                    message: message.text(),
                }
            }
        }
        let read_ms = performance_now() - started;
        match self.report(settings, request.selection()) {
            Ok(report) => Reply::Report {
                id,
                kind: request.report_kind(),
                report,
                ms: performance_now() - started,
                read_ms,
                bytes: self.total_bytes(),
                memory: memory_bytes(),
            },
            Err(message) => Reply::Refused { id, message },
        }
    }

    /// Reads `files` in the settings' time zone and keeps them, unless none can be read.
    fn load(
        &mut self,
        files: Vec<File>,
        settings: &Settings,
        choices: &ReadingChoices,
        tell: &mut dyn FnMut(f64, f64, f64),
    ) -> Result<Outcome, Message> {
        if let Some(error) = too_large(&files) {
            return Ok(Outcome::Unreadable(vec![error]));
        }
        let before = std::mem::replace(&mut self.input, Input::Files(files));
        let (dataset, errors) = self.read_input(settings, choices, tell)?;
        if dataset.sources.is_empty() {
            // Nothing could be read: the dashboard keeps what it showed.
            self.input = before;
            return Ok(Outcome::Unreadable(errors));
        }
        self.keep(dataset, errors);
        Ok(Outcome::Read)
    }

    /// Reads the kept input again (the time zone, the rating scale or a reading choice changed).
    fn read(
        &mut self,
        settings: &Settings,
        choices: &ReadingChoices,
        tell: &mut dyn FnMut(f64, f64, f64),
    ) -> Result<Outcome, Message> {
        // The same input read again: the old tickets go first, so that a 1 GB export is not
        // held twice.
        self.dataset = Dataset::default();
        self.reports.clear();
        let (dataset, errors) = self.read_input(settings, choices, tell)?;
        self.keep(dataset, errors);
        Ok(Outcome::Read)
    }

    /// The report over `selection` with `settings`, as the catalogue's JSON, or why the settings
    /// make no sense.
    fn report(&mut self, settings: &Settings, selection: &Selection) -> Result<String, Message> {
        let kept = &mut self.reports;
        if let Some(at) = kept
            .iter()
            .position(|k| &k.settings == settings && &k.selection == selection)
        {
            // The newest again: kept longest.
            let report = kept.remove(at);
            let json = report.json.clone();
            kept.push(report);
            return Ok(json);
        }
        if self.compiled.as_ref().map(|c| &c.settings) != Some(settings) {
            self.compiled = Some(settings.compile()?);
        }
        let compiled = self.compiled.get_or_insert_with(CompiledSettings::default);
        let json = Report::build_compiled(&self.dataset, self.errors.clone(), compiled, selection)
            .to_compact_json();
        if kept.len() == REPORTS_KEPT {
            kept.remove(0);
        }
        kept.push(Kept {
            settings: settings.clone(),
            selection: selection.clone(),
            json: json.clone(),
        });
        Ok(json)
    }

    /// Total bytes of the kept input.
    fn total_bytes(&self) -> f64 {
        match &self.input {
            Input::Files(files) => files.iter().map(|f| f.size()).sum(),
            Input::Sample => 0.0,
        }
    }

    fn keep(&mut self, dataset: Dataset, errors: Vec<IngestError>) {
        self.reports.clear();
        self.dataset = dataset;
        self.errors = errors;
    }

    /// Reads the kept input; `tell(bytes, rows, total)` hears of the progress over all files.
    fn read_input(
        &self,
        settings: &Settings,
        choices: &ReadingChoices,
        tell: &mut dyn FnMut(f64, f64, f64),
    ) -> Result<(Dataset, Vec<IngestError>), Message> {
        let mut options = settings.read_options()?;
        let from_settings = std::mem::take(&mut options.choices.all);
        options.choices = choices.choices.clone();
        // The page's own choices over the settings' value readings.
        options.choices.all = from_settings.with(&options.choices.all);
        options.date_order = options.date_order.or(choices.date_order);
        Ok(match &self.input {
            Input::Sample => crate::sample::read(&options),
            Input::Files(files) => {
                let reader =
                    FileReaderSync::new().map_err(|_| Message::new("file.no_worker_files"))?;
                let mut tally = ProgressTally::new(files.iter().map(|f| f.size()).collect());
                let total = tally.total();
                let mut progress = |index: usize, p: Progress| {
                    let (bytes, rows) = tally.tell(index, p.bytes as f64, p.rows as f64);
                    tell(bytes, rows, total);
                };
                let sources = files.iter().map(|file| {
                    let size = Some(file.size() as u64);
                    (
                        file.name(),
                        FileSource::new(file.clone(), reader.clone()),
                        size,
                    )
                });
                crate::load_sized(sources, &options, &mut progress)
            }
        })
    }
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

/// Takes a message apart: the request (through its JSON form, read the one way the protocol's
/// tests cover) and the files of a load (beside it). A request that cannot be read becomes the
/// `failed` reply that says why.
fn read_message(message: &JsValue) -> Result<(Request, Vec<File>), Reply> {
    let get = |key: &str| Reflect::get(message, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let value: serde_json::Value =
        serde_wasm_bindgen::from_value(get("request")).map_err(|error| Reply::Failed {
            id: None,
            message: Request::unreadable(&error.to_string()),
        })?;
    let request = Request::from_json_value(&value).map_err(|message| Reply::Failed {
        id: request_id(&value),
        message,
    })?;
    let files = match &request {
        Request::Load { id, .. } => load_files(&get("files")).map_err(|message| Reply::Failed {
            id: Some(*id),
            message,
        })?,
        _ => Vec::new(),
    };
    Ok((request, files))
}

/// The `File`s sent beside a load request, or what is wrong with them.
fn load_files(files: &JsValue) -> Result<Vec<File>, String> {
    let files = files
        .dyn_ref::<Array>()
        .ok_or_else(|| Request::unreadable(NO_FILES))?;
    files
        .iter()
        .map(|file| {
            file.dyn_into::<File>()
                .map_err(|_| Request::unreadable(NOT_A_FILE))
        })
        .collect()
}

fn to_js(reply: &Reply) -> Result<JsValue, JsError> {
    reply
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&unsendable(&e)))
}

/// The engine's wasm memory, in bytes.
fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|memory| Reflect::get(&memory.buffer(), &"byteLength".into()).ok())
        .and_then(|length| length.as_f64())
        .unwrap_or(0.0)
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
        ErrorKind::Said(
            Message::new("file.too_large")
                .with("rows", rows)
                .with("need", format!("{:.1}", need as f64 / 1e9))
                .with("budget", format!("{:.0}", MEMORY_BUDGET as f64 / 1e9)),
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
        let failed = |_| io::Error::other(SaidError(Message::new("file.browser_unreadable")));
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
