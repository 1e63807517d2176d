#!/usr/bin/env python3
"""Writes the workbook fixtures of tests/exports/ (their expected figures are worked by hand in
the `.expected.json` beside each). SpreadsheetML is written by hand, as Freshdesk does; the XLSX
files need openpyxl:

    python3 -m venv /tmp/wbvenv && /tmp/wbvenv/bin/pip install openpyxl
    /tmp/wbvenv/bin/python tests/exports/make_workbooks.py
"""

import datetime as dt
import os
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))


def t(text):
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M") if text else None


# ---------------------------------------------------------------------------------------------
# Freshdesk "Export" → Excel: SpreadsheetML 2003 under an .xls name.

FRESHDESK_HEADERS = [
    "Ticket ID", "Subject", "Status", "Priority", "Source", "Type", "Agent", "Group",
    "Created time", "Due by Time", "Resolved time", "Closed time", "Last update time",
    "Initial response time", "Time tracked", "First response time (in hrs)",
    "Resolution time (in hrs)", "Agent interactions", "Customer interactions",
    "Resolution status", "First response status", "Tags", "Survey results",
]

# id, subject, status, priority, source, type, agent, group, created, first response, resolved,
# closed, business hrs to first response, business hrs to resolution, agent/customer
# interactions, tags, survey
FRESHDESK_TICKETS = [
    (101, "Cannot log in", "Closed", "High", "Email", "Incident", "Maria Lopez", "Tier 1",
     "2025-04-28 09:00", "2025-04-28 09:20", "2025-04-28 11:00", "2025-04-30 11:00",
     0.33, 2.0, 2, 2, "login", "Extremely satisfied"),
    (102, "Invoice shows the wrong VAT", "Resolved", "Medium", "Portal", "Question",
     "Tom Becker", "Billing", "2025-05-02 10:00", "2025-05-02 10:45", "2025-05-02 13:30", "",
     0.75, 3.5, 1, 1, "billing, vat", ""),
    (103, "Export to PDF hangs", "Open", "Urgent", "Email", "Problem", "Maria Lopez", "Tier 2",
     "2025-05-05 08:15", "2025-05-05 08:25", "", "", 0.17, None, 1, 2, "", ""),
    (104, "Add a second admin", "Pending", "Low", "Phone", "Question", "Tom Becker", "Tier 1",
     "2025-05-06 14:00", "2025-05-06 15:00", "", "", 1.0, None, 1, 1, "", ""),
    (105, "Password reset link expired", "Closed", "Medium", "Chat", "Incident", "Ana Silva",
     "Tier 1", "2025-05-07 09:30", "2025-05-07 09:35", "2025-05-07 10:00", "2025-05-09 10:00",
     0.08, 0.5, 1, 1, "login", "Satisfied"),
    (106, "Webhook retries twice", "Resolved", "High", "Email", "Problem", "Ana Silva",
     "Tier 2", "2025-05-12 16:00", "2025-05-13 09:00", "2025-05-14 16:00", "", 1.0, 16.0,
     4, 3, "api", ""),
    (107, "Question about the \"Pro\" plan", "Open", "Low", "Email", "Question", "", "Sales",
     "2025-05-15 11:44:18", "", "", "", None, None, 0, 1, "", ""),
    (108, "Report totals differ", "Closed", "Medium", "Portal", "Incident", "Maria Lopez",
     "Tier 1", "2025-05-22 13:00", "2025-05-22 13:30", "2025-05-22 15:00", "2025-05-24 15:00",
     0.5, 2.0, 2, 2, "reports", "Just Okay"),
    (109, "Import fails at row 1,204", "Resolved", "High", "Email", "Problem", "Tom Becker",
     "Tier 2", "2025-05-30 17:00", "2025-05-30 17:15", "2025-06-02 09:00", "", 0.25, 9.0, 3, 2,
     "import", ""),
    (110, "Change billing e-mail", "Pending", "Low", "Email", "Question", "Ana Silva",
     "Billing", "2025-06-03 09:00", "2025-06-03 09:40", "", "", 0.67, None, 1, 1, "billing", ""),
]


def ss_time(text):
    if not text:
        return None
    if len(text) == 16:
        text += ":00"
    return text.replace(" ", "T") + ".000"


def cell(value, kind="String", style=None, index=None):
    attrs = ""
    if index:
        attrs += f' ss:Index="{index}"'
    if style:
        attrs += f' ss:StyleID="{style}"'
    return f'<Cell{attrs}><Data ss:Type="{kind}">{escape(str(value))}</Data></Cell>'


def freshdesk_row(ticket):
    (tid, subject, status, priority, source, kind, agent, group, created, first, resolved,
     closed, first_hrs, resolution_hrs, agent_n, customer_n, tags, survey) = ticket
    due = (t(created[:16]) + dt.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    updated = closed or resolved or first or created
    tracked = "00:25" if agent_n else ""
    within = lambda hrs, limit: "" if hrs is None else ("Within SLA" if hrs <= limit else "SLA Violated")
    values = [
        (tid, "Number"), (subject, "String"), (status, "String"), (priority, "String"),
        (source, "String"), (kind, "String"), (agent, "String"), (group, "String"),
        (ss_time(created), "DateTime"), (ss_time(due), "DateTime"),
        (ss_time(resolved), "DateTime"), (ss_time(closed), "DateTime"),
        (ss_time(updated), "DateTime"), (ss_time(first), "DateTime"), (tracked, "String"),
        (first_hrs, "Number"), (resolution_hrs, "Number"), (agent_n, "Number"),
        (customer_n, "Number"), (within(resolution_hrs, 24), "String"),
        (within(first_hrs, 1), "String"), (tags, "String"), (survey, "String"),
    ]
    cells = []
    skipped = False
    for column, (value, kind) in enumerate(values, start=1):
        if value is None or value == "":
            # Excel leaves an empty cell out; the next one then carries its column.
            skipped = True
            continue
        style = "s21" if kind == "DateTime" else None
        cells.append(cell(value, kind, style, column if skipped else None))
        skipped = False
    return "   <Row>\n    " + "\n    ".join(cells) + "\n   </Row>\n"


def freshdesk_xml():
    header = "   <Row>\n    " + "\n    ".join(
        cell(h, style="s22") for h in FRESHDESK_HEADERS) + "\n   </Row>\n"
    rows = "".join(freshdesk_row(ticket) for ticket in FRESHDESK_TICKETS)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/></Style>
  <Style ss:ID="s21"><NumberFormat ss:Format="yyyy\\-mm\\-dd\\ hh:mm:ss"/></Style>
  <Style ss:ID="s22"><Font ss:Bold="1"/></Style>
 </Styles>
 <Worksheet ss:Name="Tickets">
  <Table ss:ExpandedColumnCount="{len(FRESHDESK_HEADERS)}" ss:ExpandedRowCount="{len(FRESHDESK_TICKETS) + 1}" x:FullColumns="1" x:FullRows="1">
{header}{rows}  </Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Selected/></WorksheetOptions>
 </Worksheet>
</Workbook>
"""


# ---------------------------------------------------------------------------------------------
# A Zendesk export someone worked on in Excel: a pivot and a summary in front of the tickets.

ZENDESK_HEADERS = [
    "Id", "Requester id", "Group", "Status", "Priority", "Via", "Created at", "Updated at",
    "Assignee", "Solved at", "Replies", "Reopens", "First reply time in minutes",
    "Full resolution time in minutes", "Tags",
]

# id, status, priority, via, created, solved, first reply minutes
ZENDESK_TICKETS = [
    (1, "Closed", "Normal", "Mail", "2025-04-29 10:00", "2025-04-29 12:00", 15),
    (2, "Solved", "High", "Web form", "2025-05-01 09:00", "2025-05-01 09:45", 10),
    (3, "Open", "Normal", "Mail", "2025-05-03 11:00", "", 30),
    (4, "Solved", "Urgent", "Phone call (inbound)", "2025-05-06 08:00", "2025-05-07 08:00", 60),
    (5, "Pending", "Low", "Mail", "2025-05-08 14:00", "", 20),
    (6, "Closed", "Normal", "Chat", "2025-05-10 10:30", "2025-05-10 13:30", 5),
    (7, "New", "Low", "Web form", "2025-05-14 16:00", "", None),
    (8, "Solved", "Normal", "Mail", "2025-05-19 09:15", "2025-05-19 10:45", 25),
    (9, "Hold", "High", "Mail", "2025-05-21 13:00", "", 120),
    (10, "Solved", "Normal", "Web form", "2025-05-28 15:00", "2025-05-30 15:00", 45),
    (11, "Solved", "Low", "Chat", "2025-06-02 10:00", "2025-06-02 10:30", 8),
]


def pivot_then_tickets(openpyxl):
    book = openpyxl.Workbook()
    pivot = book.active
    pivot.title = "Pivot"
    # Excel puts a pivot table at A3, under its filter area.
    pivot.append([])
    pivot.append([])
    pivot.append(["Row Labels", "Count of Ticket ID"])
    counts = {}
    for ticket in ZENDESK_TICKETS:
        counts[ticket[1]] = counts.get(ticket[1], 0) + 1
    for status in sorted(counts):
        pivot.append([status, counts[status]])
    pivot.append(["Grand Total", len(ZENDESK_TICKETS)])

    summary = book.create_sheet("Summary")
    summary.append(["KPI", "Value"])
    summary.append(["Tickets created", len(ZENDESK_TICKETS)])
    summary.append(["Tickets solved", 7])
    summary.append(["Median resolution (hours)", 2])

    sheet = book.create_sheet("Tickets")
    sheet.append(["Zendesk tickets, 29 April to 2 June 2025"])
    sheet.append([])
    sheet.append(ZENDESK_HEADERS)
    for tid, status, priority, via, created, solved, first in ZENDESK_TICKETS:
        created_at, solved_at = t(created), t(solved)
        updated = solved_at or created_at + dt.timedelta(minutes=first or 0)
        full = int((solved_at - created_at).total_seconds() // 60) if solved_at else None
        sheet.append([
            tid, 9000 + tid, "Support", status, priority, via, created_at, updated,
            "Kim Rivera" if tid % 2 else "Joe Park", solved_at, 1 if first else 0, 0, first,
            full, "vip" if tid == 4 else "",
        ])
    for row in sheet.iter_rows(min_row=4):
        for c in (row[6], row[7], row[9]):
            c.number_format = "yyyy-mm-dd hh:mm:ss"
    book.save(os.path.join(HERE, "pivot_then_tickets.xlsx"))


# ---------------------------------------------------------------------------------------------
# A report saved from a spreadsheet: two title rows and a blank row above the header.

TITLED_TICKETS = [
    ("T-1", "Printer offline", "Resolved", "Normal", "Email", "Ana", "2025-05-02 09:00",
     "2025-05-02 09:30", "2025-05-02 11:00"),
    ("T-2", "New laptop", "Open", "Low", "Portal", "Ben", "2025-05-05 10:00",
     "2025-05-05 10:05", ""),
    ("T-3", "VPN drops", "Closed", "High", "Phone", "Ana", "2025-05-07 13:00",
     "2025-05-07 13:50", "2025-05-08 13:00"),
    ("T-4", "Mailbox full", "Resolved", "Normal", "Email", "Cleo", "2025-05-12 08:30",
     "2025-05-12 08:40", "2025-05-12 09:30"),
    ("T-5", "Access to the HR share", "Pending", "Normal", "Portal", "", "2025-05-15 15:00",
     "", ""),
    ("T-6", "Monitor flickers", "Resolved", "Low", "Email", "Ben", "2025-05-20 11:00",
     "2025-05-20 12:30", "2025-05-20 17:00"),
    ("T-7", "Password expired", "Closed", "High", "Phone", "Cleo", "2025-05-26 09:00",
     "2025-05-26 09:20", "2025-05-26 10:30"),
    ("T-8", "Teams camera", "Open", "Normal", "Email", "Ana", "2025-05-29 14:00",
     "2025-05-29 14:45", ""),
]


def title_rows_sheet(openpyxl):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Report"
    sheet.append(["Service desk tickets, May 2025"])
    sheet.append(["Exported 2025-06-01 by the service desk"])
    sheet.append([])
    sheet.append(["Ticket ID", "Subject", "Status", "Priority", "Channel", "Assigned to",
                  "Created at", "First response at", "Resolved at"])
    for row in TITLED_TICKETS:
        sheet.append(list(row[:6]) + [t(v) for v in row[6:]])
    for row in sheet.iter_rows(min_row=5):
        for c in row[6:]:
            c.number_format = "yyyy-mm-dd hh:mm"
    book.save(os.path.join(HERE, "title_rows_sheet.xlsx"))


def main():
    with open(os.path.join(HERE, "freshdesk_spreadsheetml.xls"), "w", encoding="utf-8",
              newline="\r\n") as out:
        out.write(freshdesk_xml())
    import openpyxl  # only the XLSX files need it

    pivot_then_tickets(openpyxl)
    title_rows_sheet(openpyxl)


if __name__ == "__main__":
    main()
