//! What the page shows when it has nothing to show: after "forget everything", for files that
//! hold no ticket, or for a selection that matches none. It teaches what to drop (the exports
//! that work and how to get one) rather than leaving an empty page.

use yew::prelude::*;

use crate::i18n::I18n;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emptiness {
    /// No file read, or files without a ticket.
    NoData,
    /// Tickets, but the filters select none of them.
    NoMatch,
}

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub emptiness: Emptiness,
    pub on_sample: Callback<()>,
    pub on_pick: Callback<()>,
    /// Clears the selection (offered for `NoMatch`).
    #[prop_or_default]
    pub on_clear: Option<Callback<()>>,
}

#[function_component(EmptyState)]
pub fn empty_state(props: &EmptyStateProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let heading = use_node_ref();
    {
        // Where the content vanished (forget, a filter), focus goes to the explanation, so that
        // keyboard and screen-reader users are not left on a removed element.
        let heading = heading.clone();
        use_effect_with(props.emptiness, move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let (title, lead) = match props.emptiness {
        Emptiness::NoData => ("empty.none_title", "empty.none_lead"),
        Emptiness::NoMatch => ("empty.no_match_title", "empty.no_match_lead"),
    };
    let click = |callback: &Callback<()>| {
        let callback = callback.clone();
        Callback::from(move |_: MouseEvent| callback.emit(()))
    };
    html! {
        <section id="empty-state" class="empty-state" data-emptiness={format!("{:?}", props.emptiness)}
                 aria-labelledby="empty-title">
            <h2 id="empty-title" tabindex="-1" ref={heading}>{ i18n.t(title) }</h2>
            <p>{ i18n.t(lead) }</p>
            <div class="actions">
                if let Some(on_clear) = &props.on_clear {
                    <button type="button" id="empty-clear" onclick={click(on_clear)}>{ i18n.t("empty.clear") }</button>
                }
                <button type="button" id="empty-pick" onclick={click(&props.on_pick)}>{ i18n.t("empty.pick") }</button>
                <button type="button" id="empty-sample" onclick={click(&props.on_sample)}>{ i18n.t("action.sample") }</button>
            </div>
            <h3>{ i18n.t("empty.works_title") }</h3>
            <ul>
                <li>{ i18n.t("empty.works_formats") }</li>
                <li>{ i18n.t("empty.works_vendors") }</li>
            </ul>
            <h3>{ i18n.t("empty.how_title") }</h3>
            <ul>
                <li>{ i18n.t("empty.how_zendesk") }</li>
                <li>{ i18n.t("empty.how_freshdesk") }</li>
            </ul>
        </section>
    }
}
