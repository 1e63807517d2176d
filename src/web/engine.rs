//! The page's side of the engine worker (`www/worker.js`, `session.rs`): requests go out as
//! messages, replies come back to one callback. Cancel terminates the worker, which is the only
//! way to stop a synchronous parse, and starts a fresh one.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::selection::Selection;
use crate::settings::Settings;

/// What the worker said.
pub enum Reply {
    Progress {
        bytes: f64,
        total: f64,
        rows: f64,
    },
    /// A report, as JSON; `kind` is the request (`load`, `sample`, `reload`, `report`).
    Report {
        kind: String,
        json: String,
        ms: f64,
        /// Of `ms`, the reading of the files (the rest is the report and its JSON).
        read_ms: f64,
        bytes: f64,
        /// The worker's wasm memory after it: its peak, as wasm memory never shrinks.
        memory: f64,
    },
    /// The settings make no sense: why.
    Refused(String),
    /// None of the files could be read: the report (JSON) lists why, the dashboard stays.
    Unreadable(String),
    /// The engine failed (a panic inside it): what to show in the error box.
    Failed(String),
}

/// What to read: files the person dropped, or the embedded sample.
#[derive(Clone)]
pub enum Input {
    Files(Array),
    Sample,
}

/// The worker's message handler, kept alive as long as the worker.
type OnMessage = Closure<dyn FnMut(MessageEvent)>;

#[derive(Clone)]
pub struct EngineLink(Rc<Inner>);

struct Inner {
    worker: RefCell<Option<Worker>>,
    handler: RefCell<Option<OnMessage>>,
    on_reply: Callback<Reply>,
    /// The id of the newest request: replies to older ones are stale.
    latest: Cell<u32>,
    /// What the dashboard shows, to read again after a cancel; what is being loaded.
    shown: RefCell<Input>,
    pending: RefCell<Option<Input>>,
    /// The settings and selection of the last request, to restore with.
    last: RefCell<(Settings, Selection)>,
    /// The reading choices (JSON, see `session.rs`) sent with every request.
    choices: RefCell<String>,
}

impl PartialEq for EngineLink {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl EngineLink {
    pub fn new(on_reply: Callback<Reply>) -> EngineLink {
        let link = EngineLink(Rc::new(Inner {
            worker: RefCell::new(None),
            handler: RefCell::new(None),
            on_reply,
            latest: Cell::new(0),
            shown: RefCell::new(Input::Sample),
            pending: RefCell::new(None),
            last: RefCell::new(Default::default()),
            choices: RefCell::new("{}".to_string()),
        }));
        link.spawn();
        link
    }

    fn spawn(&self) {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = match Worker::new_with_options("./worker.js", &options) {
            Ok(worker) => worker,
            Err(error) => {
                super::panic::show(&format!("the engine could not start: {error:?}"));
                return;
            }
        };
        let inner = Rc::downgrade(&self.0);
        let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(inner) = inner.upgrade() {
                EngineLink(inner).receive(&event.data());
            }
        });
        worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        *self.0.handler.borrow_mut() = Some(handler);
        *self.0.worker.borrow_mut() = Some(worker);
    }

    /// The reading choices (JSON) for this and every later request.
    pub fn set_choices(&self, choices: String) {
        *self.0.choices.borrow_mut() = choices;
    }

    /// Reads `input` (the dashboard then shows it) and reports over everything.
    pub fn load(&self, input: Input, settings: &Settings) {
        let (kind, files) = match &input {
            Input::Files(files) => ("load", Some(files.clone())),
            Input::Sample => ("sample", None),
        };
        *self.0.pending.borrow_mut() = Some(input.clone());
        self.post(kind, files, settings, &Selection::default());
    }

    /// Reads the same input again in new settings (time zone, rating scale) or choices.
    pub fn reload(&self, settings: &Settings, selection: &Selection) {
        self.post("reload", None, settings, selection);
    }

    pub fn report(&self, settings: &Settings, selection: &Selection) {
        self.post("report", None, settings, selection);
    }

    /// Drops the data the worker holds by ending the worker: its wasm memory is never given
    /// back or cleared while it lives, and a request still waiting in it (files dropped while
    /// the engine started) cannot read anything after this. A fresh worker waits, empty.
    pub fn forget(&self) {
        *self.0.shown.borrow_mut() = Input::Sample;
        *self.0.pending.borrow_mut() = None;
        if let Some(worker) = self.0.worker.borrow_mut().take() {
            worker.terminate();
        }
        self.spawn();
    }

    /// Stops whatever the worker is doing and reads again what the dashboard shows.
    pub fn cancel(&self, settings: &Settings, selection: &Selection) {
        if let Some(worker) = self.0.worker.borrow_mut().take() {
            worker.terminate();
        }
        self.spawn();
        let shown = self.0.shown.borrow().clone();
        let (kind, files) = match shown {
            Input::Files(files) => ("load", Some(files)),
            Input::Sample => ("sample", None),
        };
        // The reply restores the dashboard as it was, selection included.
        self.send(kind, files, settings, selection, true);
    }

    fn post(&self, kind: &str, files: Option<Array>, settings: &Settings, selection: &Selection) {
        self.send(kind, files, settings, selection, false);
    }

    fn send(
        &self,
        kind: &str,
        files: Option<Array>,
        settings: &Settings,
        selection: &Selection,
        restore: bool,
    ) {
        *self.0.last.borrow_mut() = (settings.clone(), selection.clone());
        let id = self.0.latest.get() + 1;
        self.0.latest.set(id);
        let message = Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = Reflect::set(&message, &key.into(), &value);
        };
        set("type", kind.into());
        set("id", id.into());
        set("restore", restore.into());
        set("settings", settings.to_json().into());
        set("choices", self.0.choices.borrow().as_str().into());
        set(
            "selection",
            serde_json::to_string(selection)
                .unwrap_or_else(|_| "{}".into())
                .into(),
        );
        if let Some(files) = files {
            set("files", files.into());
        }
        if let Some(worker) = self.0.worker.borrow().as_ref() {
            if let Err(error) = worker.post_message(&message) {
                super::panic::show(&format!("the engine could not be reached: {error:?}"));
            }
        }
    }
}

impl EngineLink {
    fn receive(&self, data: &JsValue) {
        let get = |key: &str| Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED);
        let text = |key: &str| get(key).as_string().unwrap_or_default();
        let number = |key: &str| get(key).as_f64().unwrap_or(0.0);
        // Replies to a request that a newer one replaced are dropped (a filter clicked twice).
        let inner = &self.0;
        if number("id") as u32 != inner.latest.get() {
            return;
        }
        let reply = match text("type").as_str() {
            "progress" => Reply::Progress {
                bytes: number("bytes"),
                total: number("total"),
                rows: number("rows"),
            },
            "report" => {
                let kind = text("kind");
                if kind == "load" || kind == "sample" {
                    if let Some(input) = inner.pending.borrow_mut().take() {
                        *inner.shown.borrow_mut() = input;
                    }
                }
                Reply::Report {
                    kind,
                    json: text("report"),
                    ms: number("ms"),
                    read_ms: number("readMs"),
                    bytes: number("bytes"),
                    memory: number("memory"),
                }
            }
            "refused" => Reply::Refused(text("message")),
            "unreadable" => Reply::Unreadable(text("report")),
            "oom" => {
                // The worker's engine is spent: a fresh one reads again what was shown.
                let (settings, selection) = inner.last.borrow().clone();
                self.cancel(&settings, &selection);
                Reply::Unreadable(text("report"))
            }
            _ => Reply::Failed(text("message")),
        };
        inner.on_reply.emit(reply);
    }
}
