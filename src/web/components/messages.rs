//! Files that could not be read, each with what to do; where a reading choice made the file
//! unreadable (a sheet of notes, say), a button reads it as before.

use yew::prelude::*;

use crate::i18n::I18n;
use crate::message::Message;

#[derive(Properties, PartialEq)]
pub struct MessagesProps {
    pub errors: Vec<(String, Message)>,
    /// Files read with choices of the person's, which can be taken back.
    #[prop_or_default]
    pub chosen: Vec<String>,
    #[prop_or_default]
    pub on_undo: Callback<String>,
}

#[function_component(Messages)]
pub fn messages(props: &MessagesProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    if props.errors.is_empty() {
        return html! {};
    }
    html! {
        <section id="messages" role="alert">
            { for props.errors.iter().map(|(file, message)| {
                let undo = props.chosen.contains(file).then(|| {
                    let on_undo = props.on_undo.clone();
                    let file = file.clone();
                    html! {
                        <button type="button" class="undo-choices"
                                onclick={Callback::from(move |_: MouseEvent| on_undo.emit(file.clone()))}>
                            { i18n.t("reading.undo") }</button>
                    }
                });
                html! {
                    <p class="file-error" data-file={file.clone()}><strong>{ file.clone() }</strong>{ format!(": {}", i18n.message(message)) }
                        { for undo }</p>
                }
            }) }
        </section>
    }
}
