//! Home-made and unknown exports: columns recognised by the usual names in English, Chinese,
//! Polish and Slovak (the markets whose Excel exports we see most: GBK and cp1250 text, `;`). The
//! first matching header feeds each field; a header feeds one field at most. English names come
//! first in each list, so a bilingual header is read by its English column.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};
use crate::model::Status;

pub const GENERIC: Vendor = Vendor {
    kind: RecordKind::Tickets,
    id: "generic",
    name: "generic ticket export",
    signature: &[],
    min_signature: 0,
    columns: &[
        C::new(
            Id,
            &[
                "ticket id",
                "id",
                "ticket number",
                "ticket no",
                "number",
                "case number",
                "issue key",
                "key",
                "conversation id",
                // Chinese, Polish, Slovak
                "工单编号",
                "工单号",
                "工单id",
                "编号",
                "id zgłoszenia",
                "numer zgłoszenia",
                "nr zgłoszenia",
                "numer",
                "id tiketu",
                "číslo tiketu",
                "číslo požiadavky",
                "číslo",
            ],
        ),
        C::new(
            CreatedAt,
            &[
                "created at",
                "created",
                "created date",
                "created time",
                "created on",
                "creation date",
                "create date",
                "date created",
                "opened at",
                "opened",
                "submitted at",
                // Chinese, Polish, Slovak
                "创建时间",
                "创建日期",
                "提交时间",
                "data utworzenia",
                "data zgłoszenia",
                "utworzono",
                "dátum vytvorenia",
                "čas vytvorenia",
                "vytvorené",
            ],
        ),
        C::new(
            UpdatedAt,
            &[
                "updated at",
                "updated",
                "last updated",
                "last update time",
                "modified",
                "更新时间",
                "最后更新时间",
                "data aktualizacji",
                "ostatnia aktualizacja",
                "dátum aktualizácie",
                "posledná zmena",
                "aktualizované",
            ],
        ),
        C::new(
            SolvedAt,
            &[
                "resolved at",
                "resolved",
                "resolved date",
                "resolved time",
                "resolution date",
                "solved at",
                "solved",
                "solved date",
                "解决时间",
                "解决日期",
                "data rozwiązania",
                "rozwiązano",
                "dátum vyriešenia",
                "čas vyriešenia",
                "vyriešené",
            ],
        ),
        C::new(
            ClosedAt,
            &[
                "closed at",
                "closed",
                "closed date",
                "closed time",
                "date closed",
                "关闭时间",
                "关闭日期",
                "data zamknięcia",
                "zamknięto",
                "dátum uzavretia",
                "čas uzavretia",
                "uzavreté",
            ],
        ),
        C::new(
            FirstResponseAt,
            &[
                "first response at",
                "first responded at",
                "first response date",
                "first reply at",
            ],
        ),
        C::new(
            Status,
            &[
                "status",
                "ticket status",
                "state",
                "状态",
                "工单状态",
                "status zgłoszenia",
                "stav",
                "stav tiketu",
                "stav požiadavky",
            ],
        ),
        C::new(
            Channel,
            &[
                "channel",
                "ticket channel",
                "source",
                "via",
                "origin",
                "case origin",
                "渠道",
                "来源",
                "渠道来源",
                "kanał",
                "źródło",
                "kanál",
                "zdroj",
            ],
        ),
        C::new(
            Priority,
            &[
                "priority",
                "ticket priority",
                "urgency",
                "优先级",
                "priorytet",
                "priorita",
            ],
        ),
        C::new(
            TicketType,
            &[
                "type",
                "ticket type",
                "category",
                "issue type",
                "类型",
                "工单类型",
                "问题类型",
                "分类",
                "typ",
                "typ zgłoszenia",
                "kategoria",
                "typ požiadavky",
                "kategória",
            ],
        ),
        C::new(
            Group,
            &[
                "group",
                "team",
                "queue",
                "assignment group",
                "department",
                "组",
                "客服组",
                "技能组",
                "处理组",
                "部门",
                "grupa",
                "zespół",
                "dział",
                "skupina",
                "tím",
                "oddelenie",
            ],
        ),
        C::new(
            Agent,
            &[
                "agent",
                "assignee",
                "assigned to",
                "owner",
                "ticket owner",
                "agent name",
                "客服",
                "处理人",
                "受理人",
                "负责人",
                "客服人员",
                "przypisany",
                "przypisano do",
                "osoba przypisana",
                "konsultant",
                "riešiteľ",
                "priradený",
                "pridelené",
            ],
        ),
        C::new(
            Requester,
            &[
                "requester",
                "requester id",
                "requester email",
                "customer id",
                "customer email",
                "customer",
                "email",
                "客户",
                "提交人",
                "请求人",
                "客户邮箱",
                "zgłaszający",
                "klient",
                "e mail klienta",
                "žiadateľ",
                "zákazník",
                "nahlasovateľ",
            ],
        ),
        C::new(
            FirstResponseMinutes,
            &[
                "first response time",
                "first reply time",
                "first response time minutes",
                "first response minutes",
                "first reply time in minutes",
                "time to first response",
                "首次响应时间",
                "首次回复时间",
                "czas pierwszej odpowiedzi",
                "čas prvej odpovede",
            ],
        )
        .or_datetime(FirstResponseAt),
        C::new(
            FirstResponseMinutes,
            &["first response time hours", "first response time (hours)"],
        )
        .hours(),
        C::new(
            ResolutionMinutes,
            &[
                "resolution time",
                "time to resolution",
                "resolution time minutes",
                "resolution minutes",
                "full resolution time in minutes",
                "czas rozwiązania",
                "čas riešenia",
            ],
        )
        .or_datetime(SolvedAt),
        C::new(
            ResolutionMinutes,
            &["resolution time hours", "resolution time (hours)"],
        )
        .hours(),
        C::new(
            FirstResponseBusinessMinutes,
            &[
                "first reply time in minutes within business hours",
                "first response time business minutes",
                "business first response minutes",
            ],
        ),
        C::new(
            ResolutionBusinessMinutes,
            &[
                "full resolution time in minutes within business hours",
                "resolution time business minutes",
                "business resolution minutes",
            ],
        ),
        C::new(
            Replies,
            &[
                "replies",
                "agent replies",
                "number of replies",
                "agent interactions",
                "回复次数",
                "客服回复次数",
                "liczba odpowiedzi",
                "počet odpovedí",
            ],
        ),
        C::new(
            Reopens,
            &[
                "reopens",
                "reopen count",
                "reopened count",
                "重开次数",
                "重新打开次数",
                "liczba ponownych otwarć",
                "počet znovuotvorení",
            ],
        ),
        C::new(
            Satisfaction,
            &[
                "customer satisfaction rating",
                "satisfaction rating",
                "satisfaction score",
                "satisfaction",
                "csat",
                "csat score",
                "rating",
                "survey results",
                "满意度",
                "满意度评价",
                "客户满意度",
                "评价",
                "ocena",
                "ocena satysfakcji",
                "satysfakcja",
                "zadowolenie klienta",
                "hodnotenie",
                "spokojnosť",
                "spokojnosť zákazníka",
            ],
        ),
        C::new(
            NpsScore,
            &[
                "nps",
                "nps score",
                "likelihood to recommend",
                "recommendation score",
            ],
        ),
        C::new(
            HandleMinutes,
            &["handle time", "handle time minutes", "time spent"],
        ),
        C::new(Tags, &["tags", "labels", "tag"]),
        C::new(GroupStations, &["group stations"]),
        C::new(
            CesScore,
            &["ces", "ces score", "customer effort score", "effort score"],
        ),
        C::new(
            RatingComment,
            &[
                "satisfaction comment",
                "rating comment",
                "survey comment",
                "feedback comment",
            ],
        ),
        C::new(
            QualityScore,
            &["quality score", "qa score", "review score", "quality"],
        ),
        C::new(
            BotInvolved,
            &[
                "bot involved",
                "handled by bot",
                "bot",
                "ai agent involved",
                "chatbot",
            ],
        ),
        // The other languages of the lexicon: Czech, German, French, Spanish, Portuguese,
        // Italian, Dutch, Japanese, Russian. After every list above, so that a bilingual header
        // is read by its English, Chinese, Polish or Slovak column.
        C::new(
            Id,
            &[
                "id požadavku", "číslo požadavku", "číslo tiketu", "ticket nr", "ticketnummer",
                "ticket nummer", "vorgangsnummer", "nummer", "n° de ticket", "numéro de ticket",
                "numéro", "n°", "nº", "número de ticket", "número de chamado", "número",
                "id do chamado", "id del ticket", "numero ticket", "numero", "id ticket",
                "問い合わせ番号", "チケット番号", "チケットid", "番号", "номер заявки", "номер",
                "id заявки", "№",
            ],
        ),
        C::new(
            CreatedAt,
            &[
                "datum vytvoření", "vytvořeno", "erstellt am", "erstellt", "erstelldatum",
                "erstellungsdatum", "eröffnet am", "date de création", "date d'ouverture",
                "créé le", "ouvert le", "fecha de creación", "fecha de apertura", "creado",
                "creado el", "data de abertura", "data de criação", "criado em", "aberto em",
                "data di creazione", "data apertura", "data di apertura", "creato il",
                "aangemaakt op", "aangemaakt", "datum aangemaakt", "aanmaakdatum",
                "作成日時", "作成日", "受付日時", "受付日", "登録日時", "起票日時", "дата создания",
                "создано", "дата регистрации", "дата открытия",
            ],
        ),
        C::new(
            UpdatedAt,
            &[
                "datum aktualizace", "aktualizováno", "geändert am", "aktualisiert am",
                "letzte änderung", "date de mise à jour", "mis à jour le", "dernière modification",
                "fecha de actualización", "actualizado", "última actualización",
                "última atualização", "atualizado em", "data di aggiornamento", "aggiornato il",
                "ultima modifica", "bijgewerkt op", "laatst bijgewerkt", "更新日時", "最終更新日時",
                "дата обновления", "обновлено", "дата изменения",
            ],
        ),
        C::new(
            SolvedAt,
            &[
                "datum vyřešení", "vyřešeno", "gelöst am", "lösungsdatum", "date de résolution",
                "résolu le", "fecha de resolución", "resuelto", "resuelto el", "data da solução",
                "data de solução", "data de resolução", "resolvido em", "solucionado em",
                "data di risoluzione", "risolto il", "opgelost op", "datum opgelost",
                "解決日時", "解決日", "дата решения", "решено", "решена",
            ],
        ),
        C::new(
            ClosedAt,
            &[
                "datum uzavření", "uzavřeno", "geschlossen am", "abgeschlossen am",
                "date de clôture", "date de fermeture", "clos le", "fermé le", "fecha de cierre",
                "cerrado el", "data de fechamento", "data de encerramento", "fechado em",
                "data di chiusura", "chiuso il", "gesloten op", "datum gesloten", "完了日時",
                "完了日", "クローズ日時", "終了日時", "дата закрытия", "закрыто",
            ],
        ),
        C::new(
            FirstResponseAt,
            &[
                "erste antwort am", "date de première réponse", "première réponse le",
                "fecha de primera respuesta", "data da primeira resposta",
                "data prima risposta", "eerste reactie op", "初回回答日時", "初回応答日時",
                "дата первого ответа",
            ],
        ),
        C::new(
            Status,
            &[
                "stav požadavku", "zustand", "statut", "estado", "situação", "stato", "toestand",
                "状態", "ステータス", "対応状況", "статус", "состояние",
            ],
        ),
        C::new(
            Channel,
            &[
                "kanal", "canal", "origine", "source de la demande", "origen", "origem", "canale",
                "bron", "チャネル", "チャネル種別", "受付経路", "канал", "источник",
            ],
        ),
        C::new(
            Priority,
            &[
                "priorität", "priorité", "prioridad", "prioridade", "priorità", "prioriteit",
                "優先度", "приоритет",
            ],
        ),
        C::new(
            TicketType,
            &[
                "typ požadavku", "kategorie", "ticket typ", "ticketart", "art", "catégorie",
                "tipo", "categoría", "categoria", "tipo de ticket", "tipo di ticket", "soort",
                "categorie", "種別", "カテゴリ", "カテゴリー", "тип", "категория",
            ],
        ),
        C::new(
            Group,
            &[
                "skupina řešitelů", "gruppe", "abteilung", "groupe", "équipe", "service", "grupo",
                "equipo", "equipe", "gruppo", "squadra", "groep", "afdeling", "グループ", "チーム",
                "担当グループ", "группа", "отдел", "команда",
            ],
        ),
        C::new(
            Agent,
            &[
                "řešitel", "přiřazeno", "bearbeiter", "zugewiesen an", "zuständig", "agent",
                "technicien", "attribué à", "assigné à", "agente", "asignado a", "técnico",
                "atribuído a", "responsável", "assegnato a", "operatore", "behandelaar",
                "toegewezen aan", "medewerker", "担当者", "担当", "対応者", "исполнитель",
                "ответственный", "назначено",
            ],
        ),
        C::new(
            Requester,
            &[
                "žadatel", "anfragender", "kunde", "demandeur", "client", "solicitante",
                "cliente", "requerente", "richiedente", "aanvrager", "klant", "依頼者", "顧客",
                "お客様", "заявитель", "клиент", "инициатор",
            ],
        ),
        C::new(
            Satisfaction,
            &[
                "hodnocení", "spokojenost", "bewertung", "zufriedenheit", "satisfaction client",
                "évaluation", "satisfacción", "valoración", "satisfação", "avaliação",
                "soddisfazione", "valutazione", "tevredenheid", "beoordeling", "満足度", "評価",
                "оценка", "удовлетворенность",
            ],
        ),
        C::new(Tags, &["štítky", "schlagwörter", "étiquettes", "etiquetas", "etichette", "タグ", "теги", "метки"]),
    ],
    statuses: &[
        ("resolved", Status::Solved),
        ("in progress", Status::Open),
        ("on hold", Status::OnHold),
        ("waiting on customer", Status::Pending),
        // Chinese
        ("新建", Status::New),
        ("待处理", Status::New),
        ("待受理", Status::New),
        ("处理中", Status::Open),
        ("受理中", Status::Open),
        ("开启", Status::Open),
        ("等待客户回复", Status::Pending),
        ("待客户回复", Status::Pending),
        ("挂起", Status::OnHold),
        ("已解决", Status::Solved),
        ("已完成", Status::Solved),
        ("已关闭", Status::Closed),
        // Polish
        ("nowe", Status::New),
        ("nowy", Status::New),
        ("otwarte", Status::Open),
        ("otwarty", Status::Open),
        ("w toku", Status::Open),
        ("w trakcie", Status::Open),
        ("w realizacji", Status::Open),
        ("oczekujące", Status::Pending),
        ("oczekujący", Status::Pending),
        ("oczekuje na klienta", Status::Pending),
        ("wstrzymane", Status::OnHold),
        ("rozwiązane", Status::Solved),
        ("rozwiązany", Status::Solved),
        ("zamknięte", Status::Closed),
        ("zamknięty", Status::Closed),
        // Slovak
        ("nový", Status::New),
        ("nové", Status::New),
        ("otvorený", Status::Open),
        ("otvorené", Status::Open),
        ("v riešení", Status::Open),
        ("čakajúci", Status::Pending),
        ("čakajúce", Status::Pending),
        ("čaká na zákazníka", Status::Pending),
        ("pozastavený", Status::OnHold),
        ("vyriešený", Status::Solved),
        ("vyriešené", Status::Solved),
        ("uzavretý", Status::Closed),
        ("uzavreté", Status::Closed),
        ("zatvorený", Status::Closed),
    ],
};

#[cfg(test)]
mod tests {
    use crate::ingest::{read_export, Field};
    use crate::model::Status;

    /// The fields `csv` feeds, and its tickets' statuses.
    fn read(csv: &str) -> (Vec<Field>, Vec<Status>) {
        let export = read_export("test.csv", csv.as_bytes()).expect("the file reads");
        assert_eq!(export.source.format, "generic");
        assert_eq!(
            export.source.skipped, 0,
            "{:?}",
            export.source.skipped_reasons
        );
        let statuses = export.tickets.iter().filter_map(|t| t.status.clone());
        (
            export.source.columns.into_keys().collect(),
            statuses.collect(),
        )
    }

    const FIELDS: [Field; 8] = [
        Field::Id,
        Field::CreatedAt,
        Field::SolvedAt,
        Field::Status,
        Field::Channel,
        Field::Priority,
        Field::Agent,
        Field::Satisfaction,
    ];

    #[test]
    fn chinese_headers_and_statuses() {
        let (fields, statuses) = read(
            "工单编号,创建时间,解决时间,状态,渠道,优先级,处理人,满意度\n\
             1,2024-03-01 09:00,2024-03-01 10:00,已解决,邮件,高,王芳,满意\n\
             2,2024-03-01 11:00,,处理中,电话,低,李娜,\n\
             3,2024-03-02 09:00,,待处理,在线客服,中,王芳,\n\
             4,2024-03-02 10:00,2024-03-02 12:00,已关闭,邮件,低,李娜,不满意\n",
        );
        assert!(FIELDS.iter().all(|f| fields.contains(f)), "{fields:?}");
        use Status::*;
        assert_eq!(statuses, vec![Solved, Open, New, Closed]);
    }

    #[test]
    fn polish_headers_and_statuses() {
        let (fields, statuses) = read(
            "Numer zgłoszenia;Data utworzenia;Data rozwiązania;Status;Kanał;Priorytet;\
             Przypisany;Ocena\n\
             P1;01.03.2024 09:00;01.03.2024 10:00;Rozwiązane;E-mail;Wysoki;Anna;5\n\
             P2;01.03.2024 11:00;;Otwarte;Telefon;Niski;Piotr;\n\
             P3;02.03.2024 09:00;;Oczekujące;Czat;Średni;Anna;\n\
             P4;02.03.2024 10:00;02.03.2024 12:00;Zamknięte;E-mail;Niski;Piotr;2\n",
        );
        assert!(FIELDS.iter().all(|f| fields.contains(f)), "{fields:?}");
        use Status::*;
        assert_eq!(statuses, vec![Solved, Open, Pending, Closed]);
    }

    #[test]
    fn slovak_headers_and_statuses() {
        let (fields, statuses) = read(
            "Číslo tiketu;Dátum vytvorenia;Dátum vyriešenia;Stav;Kanál;Priorita;Riešiteľ;\
             Hodnotenie\n\
             S1;01.03.2024 09:00;01.03.2024 10:00;Vyriešený;E-mail;Vysoká;Jana;5\n\
             S2;01.03.2024 11:00;;Otvorený;Telefón;Nízka;Peter;\n\
             S3;02.03.2024 09:00;;Čakajúci;Čet;Stredná;Jana;\n\
             S4;02.03.2024 10:00;02.03.2024 12:00;Uzavretý;E-mail;Nízka;Peter;1\n",
        );
        assert!(FIELDS.iter().all(|f| fields.contains(f)), "{fields:?}");
        use Status::*;
        assert_eq!(statuses, vec![Solved, Open, Pending, Closed]);
    }
}
