//! The page's side of the engine worker (`www/worker.js`, `session.rs`): requests go out as
//! `protocol::Request`s, replies come back to one callback as `protocol::Reply`s. The worker, and
//! with it the engine's module, is started by the person's first gesture or the first request,
//! not with the page: the sample's first dashboard comes with the page (`show_prebuilt_sample`). Cancel terminates the worker, which is the only way to
//! stop a synchronous parse, and starts a fresh one.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::protocol::{ReadingChoices, Reply, ReportKind, Request};
use crate::selection::Selection;
use crate::settings::Settings;

/// What to read: files the person dropped, or the embedded sample.
#[derive(Clone)]
pub enum Input {
    Files(Array),
    Sample,
}

/// The gestures that start the worker (`EngineLink::start_on_gestures`).
const GESTURES: [&str; 3] = ["pointerdown", "keydown", "dragenter"];

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
    /// The dashboard shows the sample's report the page was built with, which the worker has
    /// not read: a report over another selection reads it first.
    prebuilt: Cell<bool>,
    /// The request that has the worker read the sample behind the prebuilt report, at a gesture:
    /// its report is the one shown, so it is not drawn again.
    warming: Cell<Option<u32>>,
    pending: RefCell<Option<Input>>,
    /// The settings and selection of the last request, to restore with.
    last: RefCell<(Settings, Selection)>,
    /// The reading choices sent with every request that reads.
    choices: RefCell<ReadingChoices>,
}

impl PartialEq for EngineLink {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl EngineLink {
    pub fn new(on_reply: Callback<Reply>) -> EngineLink {
        EngineLink(Rc::new(Inner {
            worker: RefCell::new(None),
            handler: RefCell::new(None),
            on_reply,
            latest: Cell::new(0),
            shown: RefCell::new(Input::Sample),
            prebuilt: Cell::new(false),
            warming: Cell::new(None),
            pending: RefCell::new(None),
            last: RefCell::new(Default::default()),
            choices: RefCell::default(),
        }))
    }

    /// The dashboard now shows the sample's report the page was built with. A reply to a
    /// request still under way (files being read) is stale from now on.
    pub fn show_prebuilt_sample(&self) {
        *self.0.shown.borrow_mut() = Input::Sample;
        *self.0.pending.borrow_mut() = None;
        self.0.latest.set(self.0.latest.get() + 1);
        self.0.prebuilt.set(true);
    }

    /// Starts the worker at the person's gestures on the page (a press, a key, a file dragged over
    /// it), so that what they then ask — a filter, a file — finds the engine loaded or loading,
    /// while a visit that only looks at the sample never loads it. Returns what stops listening.
    pub fn start_on_gestures(&self) -> impl FnOnce() {
        let link = self.clone();
        let start = Closure::<dyn FnMut()>::new(move || link.warm());
        let window = web_sys::window();
        for kind in GESTURES {
            if let Some(window) = &window {
                let _ =
                    window.add_event_listener_with_callback(kind, start.as_ref().unchecked_ref());
            }
        }
        move || {
            for kind in GESTURES {
                if let Some(window) = &window {
                    let _ = window
                        .remove_event_listener_with_callback(kind, start.as_ref().unchecked_ref());
                }
            }
        }
    }

    /// Starts the worker, and has it read the sample behind the prebuilt report if that is
    /// shown, so that a filter of it is then answered as quickly as any other.
    fn warm(&self) {
        if !self.0.prebuilt.get() {
            self.spawn();
            return;
        }
        let (settings, selection) = (Settings::default(), Selection::default());
        self.read(Input::Sample, &settings, &selection, true);
        self.0.warming.set(Some(self.0.latest.get()));
    }

    /// Starts a worker (the engine's module loads in it), unless one runs.
    fn spawn(&self) {
        if self.0.worker.borrow().is_some() {
            return;
        }
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

    /// The reading choices for this and every later request.
    pub fn set_choices(&self, choices: ReadingChoices) {
        *self.0.choices.borrow_mut() = choices;
    }

    /// Reads `input` (the dashboard then shows it) and reports over everything.
    pub fn load(&self, input: Input, settings: &Settings) {
        *self.0.pending.borrow_mut() = Some(input.clone());
        self.read(input, settings, &Selection::default(), false);
    }

    /// Reads the same input again in new settings (time zone, rating scale) or choices.
    pub fn reload(&self, settings: &Settings, selection: &Selection) {
        let request = Request::Reload {
            id: self.next_id(settings, selection),
            settings: settings.clone(),
            choices: self.0.choices.borrow().clone(),
            selection: selection.clone(),
        };
        self.post(&request, None);
    }

    pub fn report(&self, settings: &Settings, selection: &Selection) {
        if self.0.prebuilt.get() {
            // The worker has read nothing yet: it reads the sample, then reports.
            self.read(Input::Sample, settings, selection, true);
            return;
        }
        let request = Request::Report {
            id: self.next_id(settings, selection),
            settings: settings.clone(),
            selection: selection.clone(),
        };
        self.post(&request, None);
    }

    /// Drops the data the worker holds by ending the worker: its wasm memory is never given
    /// back or cleared while it lives, and a request still waiting in it (files dropped while
    /// the engine started) cannot read anything after this. The next request starts a fresh one.
    pub fn forget(&self) {
        *self.0.shown.borrow_mut() = Input::Sample;
        self.0.prebuilt.set(false);
        *self.0.pending.borrow_mut() = None;
        self.stop();
    }

    /// Ends the worker, if one runs.
    fn stop(&self) {
        if let Some(worker) = self.0.worker.borrow_mut().take() {
            worker.set_onmessage(None);
            worker.terminate();
        }
    }

    /// Stops whatever the worker is doing and reads again what the dashboard shows.
    pub fn cancel(&self, settings: &Settings, selection: &Selection) {
        self.stop();
        let shown = self.0.shown.borrow().clone();
        // The reply restores the dashboard as it was, selection included.
        self.read(shown, settings, selection, true);
    }

    /// Asks for `input` to be read, then a report over `selection`.
    fn read(&self, input: Input, settings: &Settings, selection: &Selection, restore: bool) {
        let id = self.next_id(settings, selection);
        let (settings, selection) = (settings.clone(), selection.clone());
        let choices = self.0.choices.borrow().clone();
        match input {
            Input::Files(files) => {
                let request = Request::Load {
                    id,
                    settings,
                    choices,
                    selection,
                    restore,
                };
                self.post(&request, Some(files));
            }
            Input::Sample => {
                let request = Request::Sample {
                    id,
                    settings,
                    choices,
                    selection,
                    restore,
                };
                self.post(&request, None);
            }
        }
    }

    /// The id of a new request, which makes the replies to older ones stale.
    fn next_id(&self, settings: &Settings, selection: &Selection) -> u32 {
        *self.0.last.borrow_mut() = (settings.clone(), selection.clone());
        let id = self.0.latest.get() + 1;
        self.0.latest.set(id);
        id
    }

    /// Posts `{request, files}` (see `protocol`): the only place a message to the worker is
    /// made.
    fn post(&self, request: &Request, files: Option<Array>) {
        let request = request.serialize(&serde_wasm_bindgen::Serializer::json_compatible());
        let request = match request {
            Ok(request) => request,
            Err(error) => {
                super::panic::show(&format!(
                    "the request to the engine could not be made: {error}"
                ));
                return;
            }
        };
        let message = Object::new();
        let _ = Reflect::set(&message, &"request".into(), &request);
        if let Some(files) = files {
            let _ = Reflect::set(&message, &"files".into(), &files);
        }
        // Every request reads before it answers while the dashboard shows the sample's prebuilt
        // report (`report` turns into a read; a reload reads a fresh session's input, the
        // sample): from here the worker holds what the dashboard shows.
        self.0.prebuilt.set(false);
        self.spawn();
        if let Some(worker) = self.0.worker.borrow().as_ref() {
            if let Err(error) = worker.post_message(&message) {
                super::panic::show(&format!("the engine could not be reached: {error:?}"));
            }
        }
    }
}

impl EngineLink {
    fn receive(&self, data: &JsValue) {
        let reply: Reply = match serde_wasm_bindgen::from_value(data.clone()) {
            Ok(reply) => reply,
            Err(error) => {
                super::panic::show(&format!(
                    "the engine's reply could not be read: {error}. Reload the page, so that the \
                     page and its engine are of the same version"
                ));
                return;
            }
        };
        // Replies to a request that a newer one replaced are dropped (a filter clicked twice);
        // a failure whose request could not be read at all is shown.
        let inner = &self.0;
        if reply.id().is_some_and(|id| id != inner.latest.get()) {
            return;
        }
        if matches!(reply, Reply::Report { .. }) && reply.id() == inner.warming.get() {
            return;
        }
        match &reply {
            Reply::Report {
                kind: ReportKind::Load | ReportKind::Sample,
                ..
            } => {
                if let Some(input) = inner.pending.borrow_mut().take() {
                    *inner.shown.borrow_mut() = input;
                }
            }
            Reply::Oom { .. } => {
                // The worker's engine is spent: a fresh one reads again what was shown.
                let (settings, selection) = inner.last.borrow().clone();
                self.cancel(&settings, &selection);
            }
            _ => {}
        }
        inner.on_reply.emit(reply);
    }
}
