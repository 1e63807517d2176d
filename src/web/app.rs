//! The page's frame: header, drop zone, messages, filters, settings and the dashboard.

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use super::components::{
    BacklogChart, Cards, ChannelChart, ChannelTable, CreatedVsSolvedChart, Exports, Feedback,
    FilterBar, HeatMap, Leaderboard, Messages, SettingsPanel, SlaBreaches, Sources,
};
use super::files::{self, ReadFile};
use super::state::{Action, AppState, ReportRef};
use super::storage;
use crate::i18n::{I18n, Lang, LANGS};
use crate::sample::{zendesk_csv, DEFAULT_SEED, SAMPLE_FILE_NAME};
use crate::selection::Selection;
use crate::settings::Settings;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState {
        settings: storage::load_settings(),
        ..AppState::default()
    });
    let input_ref = use_node_ref();
    let lang = use_state(storage::initial_language);
    let i18n = I18n { lang: *lang };
    {
        // The document's language follows the picker, for screen readers and fonts.
        let code = (*lang).code();
        use_effect_with(code, move |code| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", code);
            }
        });
    }
    let on_language = {
        let lang = lang.clone();
        Callback::from(move |event: Event| {
            let Some(select) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            else {
                return;
            };
            if let Some(choice) = Lang::from_code(&select.value()) {
                storage::save_language(choice);
                lang.set(choice);
            }
        })
    };

    {
        let state = state.clone();
        use_effect_with((), move |_| load_sample(&state));
    }

    let on_files = {
        let state = state.clone();
        Callback::from(move |list: web_sys::FileList| {
            let picked = files::list(&list);
            if picked.is_empty() {
                return;
            }
            state.dispatch(Action::Reading);
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = files::read_all(picked).await;
                analyze_into(&state, read, false);
            });
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
    let on_zone_key = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" || event.key() == " " {
            event.prevent_default();
            open_picker.emit(());
        }
    });
    let on_sample = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| load_sample(&state))
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |selection: Selection| state.dispatch(Action::Select(selection)))
    };
    let on_settings = {
        let state = state.clone();
        Callback::from(move |settings: Settings| {
            storage::save_settings(&settings);
            state.dispatch(Action::SetSettings(settings));
        })
    };
    let on_forget = {
        let state = state.clone();
        let lang = lang.clone();
        Callback::from(move |_: ()| {
            storage::forget_everything();
            lang.set(storage::initial_language());
            state.dispatch(Action::SetSettings(Settings::default()));
            load_sample(&state);
        })
    };
    let on_channel_click = {
        let state = state.clone();
        Callback::from(move |channel: String| {
            let mut selection = state.selection.clone();
            if !selection.channel.contains(&channel) {
                selection.channel = vec![channel];
            }
            state.dispatch(Action::Select(selection));
        })
    };

    let files_label = state.files.join(", ");
    html! {
        <ContextProvider<I18n> context={i18n}>
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
                if state.busy { <span class="busy-note">{ i18n.t("action.reading") }</span> }
            </div>
            <Messages errors={state.errors.clone()} />
            <SettingsPanel settings={state.settings.clone()} error={state.settings_error.clone()}
                           on_apply={on_settings} on_forget={on_forget} />
            if let Some(report) = state.report.clone() {
                <main id="dashboard" data-files={files_label.clone()}>
                    if state.is_sample {
                        <p class="sample-banner">{ i18n.t("sample.banner") }</p>
                    }
                    <FilterBar report={ReportRef(report.clone())} selection={state.selection.clone()}
                               on_change={on_select} />
                    <Cards report={ReportRef(report.clone())} />
                    <div class="charts">
                        <CreatedVsSolvedChart report={ReportRef(report.clone())} />
                        <ChannelChart report={ReportRef(report.clone())} on_click={on_channel_click} />
                        <BacklogChart report={ReportRef(report.clone())} />
                        <HeatMap report={ReportRef(report.clone())} />
                    </div>
                    <ChannelTable report={ReportRef(report.clone())} />
                    <Leaderboard report={ReportRef(report.clone())} />
                    <SlaBreaches report={ReportRef(report.clone())} />
                    <Feedback report={ReportRef(report.clone())} />
                    <Exports report={ReportRef(report.clone())} />
                    <Sources report={ReportRef(report)} />
                </main>
            }
        </ContextProvider<I18n>>
    }
}

fn load_sample(state: &UseReducerHandle<AppState>) {
    let bytes = zendesk_csv(DEFAULT_SEED);
    analyze_into(state, vec![(SAMPLE_FILE_NAME.to_string(), Ok(bytes))], true);
}

fn analyze_into(state: &UseReducerHandle<AppState>, read: Vec<ReadFile>, is_sample: bool) {
    let mut contents = Vec::new();
    let mut read_errors = Vec::new();
    for (name, bytes) in read {
        match bytes {
            Ok(bytes) => contents.push((name, bytes)),
            Err(message) => read_errors.push((name, message)),
        }
    }
    let options = state.settings.read_options().unwrap_or_default();
    let (dataset, ingest_errors) = crate::load_in(
        contents.iter().map(|(n, b)| (n.as_str(), b.as_slice())),
        &options,
    );
    if dataset.sources.is_empty() {
        read_errors.extend(ingest_errors.into_iter().map(|e| (e.file, e.message)));
        state.dispatch(Action::Failed {
            errors: read_errors,
        });
        return;
    }
    state.dispatch(Action::Loaded {
        raw: std::rc::Rc::new(contents),
        dataset: Box::new(dataset),
        ingest_errors,
        is_sample,
        read_errors,
    });
}
