//! Files that could not be read, each with what to do.

use yew::prelude::*;

use crate::i18n::I18n;

#[derive(Properties, PartialEq)]
pub struct MessagesProps {
    pub errors: Vec<(String, String)>,
}

#[function_component(Messages)]
pub fn messages(props: &MessagesProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    if props.errors.is_empty() {
        return html! {};
    }
    html! {
        <section id="messages" role="alert">
            { for props.errors.iter().map(|(file, message)| html! {
                <p class="file-error"><strong>{ file.clone() }</strong>{ format!(": {}", i18n.engine(message)) }</p>
            }) }
        </section>
    }
}
