//! GLPI's ticket search exported as CSV (Assistance → Tickets → export "CSV"): `;`-separated,
//! UTF-8 with a BOM, one column per displayed search option, headers in the user's language as
//! `<item> - <field>` for linked fields (`Demandeur - Demandeur`, `Attribué à - Technicien`).
//!
//! Sources:
//! - English (`ID`, `Title`, `Status`, `Opening date`, `Last update`, `Resolution date`,
//!   `Closing date`, `Requester - Requester`, `Assigned to - Technician`,
//!   `Assigned to - Technician group`, `Satisfaction survey - Satisfaction`): public GLPI scripts
//!   that write it (kept from the former `it_desk` table).
//! - French (`ID;Titre;Statut;Date d'ouverture;Dernière modification;Priorité;
//!   Demandeur - Demandeur;Attribué à - Technicien;Attribué à - Groupe de techniciens;Catégorie;
//!   Date de résolution`): public readers of real exports (a Rust GLPI dashboard's business rules,
//!   which also record the BOM, `DD-MM-YYYY HH:MM` dates and ids with no-break-space thousands
//!   like `5 732 943`; pandas scripts reading `Date d'ouverture`, `Demandeur - Demandeur`).
//!   `Date de clôture`, `Temps de solution` and `Source de la demande` are not confirmed.
//! - Statuses (codes 1–6) in French (`Nouveau`, `En cours (Attribué)`, `En cours (Planifié)`,
//!   `En attente`, `Résolu`, `Clos`), Portuguese (Brazil) (`Novo`, `Em atendimento (atribuído)`,
//!   `Em atendimento (planejado)`, `Pendente`, `Solucionado`, `Fechado`; older releases
//!   `Processando (atribuído)`), Spanish (`Nuevo`, `En curso (asignado)`,
//!   `En curso (planificado)`, `En espera`, `Resuelto`, `Cerrado`): public GLPI clients that
//!   label the status codes. The GLPI repository's own `.po` files were not readable here.
//! - Portuguese and Spanish *headers* are not confirmed: the spellings below are GLPI's usual
//!   translations of the English names, with the variants seen in other fields
//!   (`Atribuído a` / `Atribuído para`, `Data da solução` / `Data de solução`).
//!
//! `Time to resolve` / `Temps de solution` and `Time to own` are SLA deadlines (timestamps), not
//! durations, so they are not read; they only help recognise the export. A ticket's type
//! (Incident / Request) is less telling than its category, which feeds the ticket type.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const GLPI: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "glpi",
    name: "GLPI ticket export",
    // Not `ID`, `Status`, `Title` or their translations: any home-made export has those.
    signature: &[
        // English
        "opening date",
        "last update",
        "resolution date",
        "closing date",
        "requester requester",
        "assigned to technician",
        "assigned to technician group",
        "satisfaction survey satisfaction",
        "time to resolve",
        "time to own",
        "total duration",
        // French
        "date d'ouverture",
        "dernière modification",
        "date de résolution",
        "date de clôture",
        "demandeur demandeur",
        "attribué à technicien",
        "attribué à groupe de techniciens",
        "temps de solution",
        "temps de prise en charge",
        // Portuguese (Brazil)
        "data de abertura",
        "última atualização",
        "data da solução",
        "data de solução",
        "data de fechamento",
        "requerente requerente",
        "atribuído a técnico",
        "atribuído para técnico",
        // Spanish
        "fecha de apertura",
        "última modificación",
        "última actualización",
        "fecha de resolución",
        "fecha de solución",
        "fecha de cierre",
        "solicitante solicitante",
        "asignado a técnico",
    ],
    min_signature: 3,
    columns: &[
        C::new(Id, &["id"]),
        C::new(
            CreatedAt,
            &[
                "opening date",
                "date d'ouverture",
                "data de abertura",
                "fecha de apertura",
            ],
        ),
        C::new(
            UpdatedAt,
            &[
                "last update",
                "dernière modification",
                "última atualização",
                "última modificación",
                "última actualización",
            ],
        ),
        C::new(
            SolvedAt,
            &[
                "resolution date",
                "date de résolution",
                "data da solução",
                "data de solução",
                "fecha de resolución",
                "fecha de solución",
            ],
        ),
        C::new(
            ClosedAt,
            &[
                "closing date",
                "date de clôture",
                "data de fechamento",
                "fecha de cierre",
            ],
        ),
        C::new(Status, &["status", "statut", "estado"]),
        C::new(
            Channel,
            &[
                "request source",
                "source de la demande",
                "origem da requisição",
                "origen de la solicitud",
            ],
        ),
        C::new(
            Priority,
            &["priority", "priorité", "prioridade", "prioridad"],
        ),
        C::new(
            TicketType,
            &[
                "category",
                "catégorie",
                "categoria",
                "categoría",
                "type",
                "tipo",
            ],
        ),
        C::new(
            Group,
            &[
                "assigned to technician group",
                "attribué à groupe de techniciens",
                "atribuído a grupo técnico",
                "atribuído para grupo técnico",
                "asignado a grupo de técnicos",
            ],
        ),
        C::new(
            Agent,
            &[
                "assigned to technician",
                "attribué à technicien",
                "atribuído a técnico",
                "atribuído para técnico",
                "asignado a técnico",
            ],
        ),
        C::new(
            Requester,
            &[
                "requester requester",
                "demandeur demandeur",
                "requerente requerente",
                "solicitante solicitante",
            ],
        ),
        C::new(
            Satisfaction,
            &[
                "satisfaction survey satisfaction",
                "enquête de satisfaction satisfaction",
                "pesquisa de satisfação satisfação",
                "encuesta de satisfacción satisfacción",
            ],
        ),
    ],
    statuses: &[
        // English: new, pending, solved and closed are common words.
        ("processing (assigned)", Status::Open),
        ("processing (planned)", Status::Open),
        // French
        ("nouveau", Status::New),
        ("en cours (attribué)", Status::Open),
        ("en cours (planifié)", Status::Open),
        ("en attente", Status::Pending),
        ("résolu", Status::Solved),
        ("clos", Status::Closed),
        ("clôturé", Status::Closed),
        // Portuguese (Brazil)
        ("novo", Status::New),
        ("em atendimento (atribuído)", Status::Open),
        ("em atendimento (planejado)", Status::Open),
        ("processando (atribuído)", Status::Open),
        ("processando (planejado)", Status::Open),
        ("pendente", Status::Pending),
        ("solucionado", Status::Solved),
        ("fechado", Status::Closed),
        // Spanish
        ("nuevo", Status::New),
        ("en curso (asignado)", Status::Open),
        ("en curso (asignada)", Status::Open),
        ("en curso (planificado)", Status::Open),
        ("en curso (planificada)", Status::Open),
        ("en espera", Status::Pending),
        ("resuelto", Status::Solved),
        ("cerrado", Status::Closed),
    ],
};

#[cfg(test)]
mod tests {
    use crate::ingest::{read_export, Field};
    use crate::model::Status::{self, *};

    /// The fixture read: its columns by field, and its statuses.
    fn read(file: &str) -> (std::collections::BTreeMap<Field, String>, Vec<Status>) {
        let path = format!(
            "{}/tests/fixtures/vendors/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let export = read_export(file, &bytes).expect("the file reads");
        assert_eq!(export.source.format, "glpi", "{file}");
        assert_eq!(export.source.delimiter, "semicolon", "{file}");
        assert_eq!(
            export.source.skipped, 0,
            "{:?}",
            export.source.skipped_reasons
        );
        let statuses = export.tickets.tickets().filter_map(|t| t.status.clone());
        (export.source.columns, statuses.collect())
    }

    #[test]
    fn english() {
        let (columns, statuses) = read("glpi.csv");
        assert_eq!(columns[&Field::CreatedAt], "Opening date");
        assert_eq!(columns[&Field::SolvedAt], "Resolution date");
        assert_eq!(columns[&Field::Agent], "Assigned to - Technician");
        assert_eq!(columns[&Field::Group], "Assigned to - Technician group");
        assert_eq!(
            columns[&Field::Satisfaction],
            "Satisfaction survey - Satisfaction"
        );
        assert_eq!(statuses, [Closed, Open, Solved, Pending, Solved]);
    }

    #[test]
    fn french_with_a_bom() {
        let (columns, statuses) = read("glpi_fr.csv");
        assert_eq!(columns[&Field::CreatedAt], "Date d'ouverture");
        assert_eq!(columns[&Field::UpdatedAt], "Dernière modification");
        assert_eq!(columns[&Field::SolvedAt], "Date de résolution");
        assert_eq!(columns[&Field::ClosedAt], "Date de clôture");
        assert_eq!(columns[&Field::Requester], "Demandeur - Demandeur");
        assert_eq!(columns[&Field::Agent], "Attribué à - Technicien");
        assert_eq!(columns[&Field::TicketType], "Catégorie");
        assert_eq!(statuses, [New, Open, Open, Pending, Solved, Closed]);
    }

    #[test]
    fn portuguese() {
        let (columns, statuses) = read("glpi_pt_br.csv");
        assert_eq!(columns[&Field::CreatedAt], "Data de abertura");
        assert_eq!(columns[&Field::SolvedAt], "Data da solução");
        assert_eq!(columns[&Field::ClosedAt], "Data de fechamento");
        assert_eq!(columns[&Field::Requester], "Requerente - Requerente");
        assert_eq!(columns[&Field::Agent], "Atribuído a - Técnico");
        assert_eq!(columns[&Field::Priority], "Prioridade");
        assert_eq!(statuses, [New, Open, Open, Pending, Solved, Closed]);
    }

    #[test]
    fn spanish() {
        let (columns, statuses) = read("glpi_es.csv");
        assert_eq!(columns[&Field::CreatedAt], "Fecha de apertura");
        assert_eq!(columns[&Field::SolvedAt], "Fecha de resolución");
        assert_eq!(columns[&Field::Status], "Estado");
        assert_eq!(columns[&Field::Agent], "Asignado a - Técnico");
        assert_eq!(statuses, [New, Open, Open, Pending, Solved, Closed]);
    }
}
