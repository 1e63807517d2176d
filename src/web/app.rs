//! The page's frame: header, drop zone, messages, filters, settings and the dashboard.

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use super::components::{
    describe_selection, reveal_reading, BacklogChart, BreakdownChart, Cards, ChannelTable,
    ChartSelection, CreatedVsSolvedChart, DistributionChart, Emptiness, EmptyState, Exports,
    Feedback, FilterBar, HeatMap, Leaderboard, Messages, ReadingDoubts, SatisfactionChart,
    SettingsPanel, SlaBreaches, Sources,
};
use super::engine::{EngineLink, Input};
use super::language;
use super::state::{apply_choice, Action, AppState, Choice, LoadProgress, LoadTiming, ReportRef};
use super::storage;
use crate::i18n::{I18n, Lang, LANGS};
use crate::ingest::Choices;
use crate::protocol::{ReadingChoices, Reply, ReportKind};
use crate::report::Report;
use crate::selection::Selection;
use crate::settings::Settings;

/// What the page starts with (`web::start`).
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The sample's report in the default settings, made when the page was built.
    pub sample: Option<String>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        let (settings, settings_error) = storage::initial_settings();
        AppState {
            applied_settings: settings.clone(),
            settings,
            settings_error,
            choices: Choices {
                remembered: storage::load_columns(),
                remembered_values: storage::load_values(),
                ..Choices::default()
            },
            ..AppState::default()
        }
    });
    let engine = {
        let on_reply = reply_handler(state.dispatcher());
        use_memo((), move |_| EngineLink::new(on_reply))
    };
    {
        let engine = engine.clone();
        use_effect_with((), move |_| engine.start_on_gestures());
    }
    let input_ref = use_node_ref();
    // English at first; the language chosen before, or the browser's, once its strings are in.
    let lang = use_state(|| Lang::En);
    let wanted_lang = use_mut_ref(|| Lang::En);
    {
        let (lang, wanted) = (lang.clone(), wanted_lang.clone());
        use_effect_with((), move |_| {
            language::show(&lang, &wanted, storage::initial_language())
        });
    }
    let i18n = I18n { lang: *lang };
    {
        // The document's language follows the picker, for screen readers and fonts, and so
        // does the error box's.
        let code = (*lang).code();
        let error_box = i18n;
        use_effect_with(code, move |code| {
            super::panic::translate(&error_box);
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", code);
            }
        });
    }
    let on_language = {
        let (lang, wanted) = (lang.clone(), wanted_lang.clone());
        Callback::from(move |event: Event| {
            let Some(select) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            else {
                return;
            };
            if let Some(choice) = Lang::from_code(&select.value()) {
                storage::save_language(choice);
                language::show(&lang, &wanted, choice);
            }
        })
    };

    {
        let state = state.clone();
        let engine = engine.clone();
        let prebuilt = props.sample.clone();
        use_effect_with((), move |_| {
            open_sample(&state, &engine, prebuilt.as_deref())
        });
    }

    let on_files = {
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |list: web_sys::FileList| {
            let picked = js_sys::Array::from(&list);
            if picked.length() == 0 {
                return;
            }
            // Reading choices stay: they are kept by file name (a new file of another name
            // gets none), and clearing them here would lose the shown files' choices when the
            // new files turn out unreadable and the dashboard stays. Sent again with the load:
            // they carry the remembered columns and the browser's date order.
            engine.set_choices(reading_choices(&state.choices));
            state.dispatch(Action::Reading { sample: false });
            engine.load(Input::Files(picked), &state.settings);
        })
    };
    let on_change = {
        let on_files = on_files.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(list) = input.files() {
                on_files.emit(list);
            }
            // Picking the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let on_drop = {
        let on_files = on_files.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if let Some(list) = event.data_transfer().and_then(|d| d.files()) {
                on_files.emit(list);
            }
        })
    };
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let open_picker = {
        let input_ref = input_ref.clone();
        Callback::from(move |_: ()| {
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_zone_click = {
        let open_picker = open_picker.clone();
        Callback::from(move |_: MouseEvent| open_picker.emit(()))
    };
    let on_zone_key = {
        let open_picker = open_picker.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" || event.key() == " " {
                event.prevent_default();
                open_picker.emit(());
            }
        })
    };
    // "Try the sample" shows the report made with the page where it would be the same, as the
    // page's opening does: at once, without waiting for the engine.
    let load_sample_now = {
        let state = state.clone();
        let engine = engine.clone();
        let prebuilt = props.sample.clone();
        Callback::from(move |_: ()| open_sample(&state, &engine, prebuilt.as_deref()))
    };
    let on_sample = load_sample_now.reform(|_: MouseEvent| ());
    let on_select = {
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |selection: Selection| {
            engine.report(&state.settings, &selection);
            state.dispatch(Action::Select(selection));
        })
    };
    let on_settings = {
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |settings: Settings| {
            storage::save_settings(&settings);
            // No data (after "forget everything"): nothing to read again or to report, and a
            // request would make the fresh worker read the sample.
            if state.report.is_none() && !state.busy {
                state.dispatch(Action::SetSettings(settings));
                return;
            }
            // A new time zone or rating scale changes how the files read: read them again.
            let reread = settings.time_zone != state.applied_settings.time_zone
                || settings.csat_scale_max != state.applied_settings.csat_scale_max
                || settings.date_order != state.applied_settings.date_order;
            if reread {
                state.dispatch(Action::Reading {
                    sample: state.is_sample,
                });
                engine.reload(&settings, &state.selection);
            } else {
                engine.report(&settings, &state.selection);
            }
            state.dispatch(Action::SetSettings(settings));
        })
    };
    // Counts "forget everything": the settings panel is keyed on it, so none of its own state
    // (a refused text, a share link of the forgotten settings) survives.
    let forgets = use_state(|| 0u32);
    let on_forget = {
        let state = state.clone();
        let (lang, wanted) = (lang.clone(), wanted_lang.clone());
        let engine = engine.clone();
        let forgets = forgets.clone();
        Callback::from(move |_: ()| {
            forgets.set(*forgets + 1);
            storage::forget_everything();
            language::show(&lang, &wanted, storage::initial_language());
            // Column choices go with the rest; the data goes with the worker, and the page
            // then teaches what to drop.
            engine.set_choices(reading_choices(&Choices::default()));
            engine.forget();
            state.dispatch(Action::Forget);
        })
    };
    let on_choose = {
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |(file, choice): (String, Choice)| {
            let Some(source) = state
                .report
                .as_ref()
                .and_then(|r| r.sources.iter().find(|s| s.file == file))
            else {
                return;
            };
            let remembers = matches!(choice, Choice::Column(..) | Choice::ResetColumns);
            let remembers_values = matches!(
                choice,
                Choice::StatusValue(..) | Choice::AnswerValue(..) | Choice::ResetColumns
            );
            let choices = apply_choice(&state.choices, source, choice);
            if remembers {
                storage::save_columns(&choices.remembered);
            }
            if remembers_values {
                storage::save_values(&choices.remembered_values);
            }
            engine.set_choices(reading_choices(&choices));
            state.dispatch(Action::SetChoices(choices));
            state.dispatch(Action::Reading {
                sample: state.is_sample,
            });
            engine.reload(&state.settings, &state.selection);
        })
    };
    let on_undo = {
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |file: String| {
            let mut choices = state.choices.clone();
            choices.files.remove(&file);
            engine.set_choices(reading_choices(&choices));
            state.dispatch(Action::SetChoices(choices));
            state.dispatch(Action::Reading {
                sample: state.is_sample,
            });
            engine.reload(&state.settings, &state.selection);
        })
    };
    // A click on a bar of a breakdown chart filters by its value.
    let on_bar_click = {
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |(dimension, value): (String, String)| {
            let mut selection = state.selection.clone();
            let Some(values) = selection.filter_mut(&dimension) else {
                return;
            };
            if !values.contains(&value) {
                *values = vec![value];
            }
            engine.report(&state.settings, &selection);
            state.dispatch(Action::Select(selection));
        })
    };
    let on_cancel = {
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |_: MouseEvent| {
            engine.cancel(&state.applied_settings, &state.selection);
            state.dispatch(Action::SetSettings(state.applied_settings.clone()));
            state.dispatch(Action::Cancelled);
        })
    };

    let on_clear = {
        let on_select = on_select.clone();
        Callback::from(move |_: ()| on_select.emit(Selection::default()))
    };
    let empty = |emptiness: Emptiness| {
        let on_clear = (emptiness == Emptiness::NoMatch).then(|| on_clear.clone());
        html! {
            <EmptyState {emptiness} on_sample={load_sample_now.clone()} on_pick={open_picker.clone()} {on_clear} />
        }
    };

    let files_label = state.files.join(", ");
    // What a downloaded chart says about the selection it shows.
    let chart_selection = ChartSelection(
        state
            .report
            .as_ref()
            .map(|r| describe_selection(&i18n, r, &state.selection))
            .unwrap_or_default(),
    );
    html! {
        <ContextProvider<I18n> context={i18n}>
        <ContextProvider<ChartSelection> context={chart_selection}>
            <header class="top">
                <h1>{ i18n.t("app.title") }</h1>
                <p class="privacy">{ i18n.t("app.privacy") }</p>
                <label class="menu language">{ i18n.t("app.language") }
                    <select id="language" onchange={on_language}>
                        { for LANGS.iter().map(|(l, code, name)| html! {
                            <option value={*code} selected={*l == *lang}>{ *name }</option>
                        }) }
                    </select>
                </label>
            </header>
            <section
                id="drop-zone"
                class={classes!("drop-zone", state.busy.then_some("busy"))}
                role="button"
                tabindex="0"
                aria-label={i18n.t("drop.aria")}
                ondrop={on_drop}
                ondragover={on_drag_over}
                onclick={on_zone_click}
                onkeydown={on_zone_key}
            >
                <p class="drop-title">{ i18n.t("drop.title") }</p>
                <p class="drop-hint">{ i18n.t("drop.hint") }</p>
                <input
                    id="file-input"
                    ref={input_ref}
                    type="file"
                    multiple=true
                    accept=".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods,text/csv"
                    onchange={on_change}
                    aria-label={i18n.t("drop.input")}
                />
            </section>
            <div class="actions">
                <button id="try-sample" type="button" onclick={on_sample}>{ i18n.t("action.sample") }</button>
                if state.busy {
                    <span class="busy-note">{ i18n.t("action.reading") }</span>
                    <button id="cancel-load" type="button" onclick={on_cancel}>{ i18n.t("action.cancel") }</button>
                }
            </div>
            if let Some(progress) = state.progress {
                <div class="load-progress">
                    <progress id="load-progress" aria-label={i18n.t("progress.label")}
                              max={progress.total.max(1.0).to_string()} value={progress.bytes.to_string()}
                              data-bytes={progress.bytes.to_string()} data-rows={progress.rows.to_string()} />
                    // Past the last byte the worker is computing the report, which takes a
                    // while on a large export: say so, or the full bar looks stuck.
                    <span>{ if progress.total > 0.0 && progress.bytes >= progress.total {
                        i18n.f("progress.computing", &[("rows", i18n.number(progress.rows, 0))])
                    } else {
                        i18n.f("progress.reading", &[
                            ("read", i18n.number(progress.bytes / 1e6, 1)),
                            ("total", i18n.number(progress.total / 1e6, 1)),
                            ("rows", i18n.number(progress.rows, 0)),
                        ])
                    } }</span>
                </div>
            }
            <Messages errors={state.errors.clone()} chosen={state.choices.files.keys().cloned().collect::<Vec<_>>()}
                      on_undo={on_undo} />
            <SettingsPanel key={forgets.to_string()} settings={state.settings.clone()} error={state.settings_error.clone()}
                           on_apply={on_settings} on_forget={on_forget}
                           priorities={state.report.as_ref().and_then(|r| r.facets.get("priority").cloned()).unwrap_or_default()} />
            if state.report.is_none() && !state.busy {
                { empty(Emptiness::NoData) }
            }
            if let Some(report) = state.report.clone().filter(|r| has_no_data(r)) {
                <main id="dashboard" data-files={files_label.clone()}>
                    { empty(Emptiness::NoData) }
                    <Sources report={ReportRef(report)} choices={state.choices.clone()} on_choose={on_choose.clone()} />
                </main>
            } else if let Some(report) = state.report.clone() {
                <main id="dashboard" data-files={files_label.clone()}
                      data-load-ms={state.timing.map(|t| format!("{:.0}", t.ms)).unwrap_or_default()}
                      data-load-read-ms={state.timing.map(|t| format!("{:.0}", t.read_ms)).unwrap_or_default()}
                      data-load-bytes={state.timing.map(|t| t.bytes.to_string()).unwrap_or_default()}
                      data-load-memory={state.timing.map(|t| t.memory.to_string()).unwrap_or_default()}
                      data-report-ms={state.report_ms.map(|ms| format!("{ms:.1}")).unwrap_or_default()}
                      data-load-rows={report.sources.iter().map(|s| s.rows).sum::<usize>().to_string()}>
                    if state.is_sample {
                        <p class="sample-banner">{ i18n.t("sample.banner") }</p>
                    }
                    <ReadingDoubts report={ReportRef(report.clone())} on_fix={Callback::from(|file: String| reveal_reading(&file))} />
                    <FilterBar report={ReportRef(report.clone())} selection={state.selection.clone()}
                               on_change={on_select} />
                    // The dashboard's body, unindented to keep merges of its lines easy.
                    // Tickets in the files, none in the selection. (A calls or survey file
                    // alone has no tickets at all: its cards show.)
                    if report.tickets_total > 0 && report.tickets == 0 {
                        { empty(Emptiness::NoMatch) }
                    } else {
                    <Cards report={ReportRef(report.clone())} />
                    <div class="charts">
                        <CreatedVsSolvedChart report={ReportRef(report.clone())} />
                        <BreakdownChart report={ReportRef(report.clone())} dimension="channel" on_click={on_bar_click.clone()} />
                        <BacklogChart report={ReportRef(report.clone())} />
                        <HeatMap report={ReportRef(report.clone())} />
                        <DistributionChart report={ReportRef(report.clone())} measure="first_response" />
                        <DistributionChart report={ReportRef(report.clone())} measure="resolution" />
                        <SatisfactionChart report={ReportRef(report.clone())} />
                        <BreakdownChart report={ReportRef(report.clone())} dimension="status" />
                        <BreakdownChart report={ReportRef(report.clone())} dimension="priority" on_click={on_bar_click.clone()} />
                        <BreakdownChart report={ReportRef(report.clone())} dimension="type" on_click={on_bar_click} />
                    </div>
                    <ChannelTable report={ReportRef(report.clone())} />
                    <Leaderboard report={ReportRef(report.clone())} />
                    <SlaBreaches report={ReportRef(report.clone())} />
                    <Feedback report={ReportRef(report.clone())} />
                    <Exports report={ReportRef(report.clone())} />
                    }
                    <Sources report={ReportRef(report)} choices={state.choices.clone()} on_choose={on_choose} />
                </main>
            }
        </ContextProvider<ChartSelection>>
        </ContextProvider<I18n>>
    }
}

/// Files read, but nothing in them to count: no ticket, and no call, answer or customer row
/// read either.
fn has_no_data(report: &Report) -> bool {
    report.tickets_total == 0 && report.sources.iter().all(|s| s.rows <= s.skipped)
}

/// Opens the page on the sample: its report made when the page was built where nothing stored
/// changes it (default settings, no column or value choice remembered: the page's language and
/// the browser's date order do not), so that the dashboard shows without waiting for the engine,
/// which then starts when the person asks for more; else the engine reads it.
fn open_sample(state: &UseReducerHandle<AppState>, engine: &EngineLink, prebuilt: Option<&str>) {
    let unchanged = state.settings == Settings::default()
        && state.choices.remembered.is_empty()
        && state.choices.remembered_values.is_empty();
    let report = prebuilt
        .filter(|_| unchanged)
        .and_then(|json| serde_json::from_str::<Report>(json).ok());
    let Some(report) = report else {
        load_sample(state, engine);
        return;
    };
    engine.set_choices(reading_choices(&state.choices));
    engine.show_prebuilt_sample();
    state.dispatch(Action::Reading { sample: true });
    state.dispatch(Action::Report {
        report: Box::new(report),
        loaded: true,
        reread: false,
        timing: None,
    });
}

fn load_sample(state: &UseReducerHandle<AppState>, engine: &EngineLink) {
    engine.set_choices(reading_choices(&state.choices));
    state.dispatch(Action::Reading { sample: true });
    engine.load(Input::Sample, &state.settings);
}

/// The reading choices as the worker takes them, with the browser's date order for dates that
/// neither a choice nor the settings order.
fn reading_choices(choices: &Choices) -> ReadingChoices {
    ReadingChoices {
        choices: choices.clone(),
        date_order: Some(storage::browser_date_order()),
    }
}

/// Turns the worker's replies into actions.
fn reply_handler(dispatcher: UseReducerDispatcher<AppState>) -> Callback<Reply> {
    Callback::from(move |reply: Reply| match reply {
        Reply::Progress {
            bytes, total, rows, ..
        } => dispatcher.dispatch(Action::Progress(LoadProgress { bytes, total, rows })),
        Reply::Report {
            kind,
            report,
            ms,
            read_ms,
            bytes,
            memory,
            ..
        } => match serde_json::from_str::<Report>(&report) {
            Ok(report) => dispatcher.dispatch(Action::Report {
                report: Box::new(report),
                loaded: matches!(kind, ReportKind::Load | ReportKind::Sample),
                reread: kind == ReportKind::Reload,
                timing: Some(LoadTiming {
                    ms,
                    read_ms,
                    bytes,
                    memory,
                }),
            }),
            Err(error) => {
                super::panic::show(&format!("the engine's report could not be read: {error}"))
            }
        },
        Reply::Refused { message, .. } => dispatcher.dispatch(Action::Refused(message)),
        // Out of memory: the engine link has started a fresh engine on what was shown.
        Reply::Unreadable { errors, .. } | Reply::Oom { errors, .. } => {
            dispatcher.dispatch(Action::Failed {
                errors: errors
                    .into_iter()
                    .map(|e| (e.file, e.kind.message()))
                    .collect(),
            });
        }
        Reply::Failed { message, .. } => {
            super::panic::show(&message);
            dispatcher.dispatch(Action::Cancelled);
        }
    })
}
