//! The files behind the dashboard: format, rows read, rows skipped and why.

use yew::prelude::*;

use super::ReportProps;

#[function_component(Sources)]
pub fn sources(props: &ReportProps) -> Html {
    let report = &props.report.0;
    let skipped: usize = report.sources.iter().map(|s| s.skipped).sum();
    html! {
        <section class="sources-section">
            <h2>{ "Files" }</h2>
            <table id="sources">
                <thead>
                    <tr><th>{ "File" }</th><th>{ "Recognised as" }</th><th>{ "Encoding" }</th>
                        <th class="num">{ "Rows" }</th><th class="num">{ "Skipped" }</th></tr>
                </thead>
                <tbody>
                    { for report.sources.iter().map(|s| html! {
                        <tr data-file={s.file.clone()} data-rows={s.rows.to_string()}
                            data-skipped={s.skipped.to_string()} data-format={s.format.clone()}>
                            <td>{ s.file.clone() }</td>
                            <td>{ s.format_name.clone() }</td>
                            <td>{ format!("{}, {}-separated", s.encoding, s.delimiter) }</td>
                            <td class="num">{ s.rows }</td>
                            <td class="num">{ s.skipped }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if report.duplicates > 0 {
                <p class="note">{ format!("{} rows repeated a ticket id already read; the most recently updated copy counts.", report.duplicates) }</p>
            }
            { for report.sources.iter().flat_map(|s| s.warnings.iter().map(move |w| html! {
                <p class="note">{ format!("{}: {w}", s.file) }</p>
            })) }
            if skipped > 0 {
                <details id="skipped">
                    <summary>{ format!("{skipped} rows were skipped — see which and why") }</summary>
                    <ul>
                        { for report.sources.iter().flat_map(|s| s.skipped_reasons.iter().map(move |row| {
                            let column = row.column.as_ref().map(|c| format!(", column '{c}'")).unwrap_or_default();
                            html! { <li>{ format!("{} line {}{}: {}", s.file, row.line, column, row.reason) }</li> }
                        })) }
                    </ul>
                </details>
            }
        </section>
    }
}
