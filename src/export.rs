//! Figures as tables for other tools: CSV for spreadsheets, a Markdown table for notes and
//! JSON Lines for batch runs. Pure functions over a [`Report`]; the CLI and the page share them.
//!
//! Every table has the same columns, in this order: [`COLUMNS`]. `start`/`end` are code-point
//! offsets into the input, as everywhere in the report.

use serde::Serialize;

use crate::report::{Figure, Kind, Report};

/// The byte-order mark that makes Excel and WPS read a CSV file as UTF-8 (without it they
/// assume the local code page and show Chinese text as mojibake).
pub const BOM: &str = "\u{FEFF}";

/// The column names of the figure tables, in order.
pub const COLUMNS: [&str; 13] = [
    "section",
    "subject",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "base_value",
    "base_unit",
    "kind",
    "period",
    "text",
    "start",
    "end",
];

/// One figure's cells, in [`COLUMNS`] order. `true` marks a cell that holds text from the
/// input (as opposed to a number the analysis computed).
fn cells(f: &Figure) -> [(String, bool); 13] {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let num =
        |d: &Option<crate::decimal::Decimal>| d.as_ref().map(|d| d.to_string()).unwrap_or_default();
    [
        (f.section_path.as_deref().unwrap_or("").to_string(), true),
        (opt(&f.subject), true),
        (f.value.to_string(), false),
        (num(&f.value_max), false),
        (f.unit.clone(), true),
        (opt(&f.qualifier), true),
        (num(&f.base_value), false),
        (opt(&f.base_unit), true),
        (f.kind.map(kind_name).unwrap_or_default().to_string(), false),
        (f.period.as_deref().unwrap_or_default().to_string(), true),
        (f.text.clone(), true),
        (f.start.to_string(), false),
        (f.end.to_string(), false),
    ]
}

/// The name a [`Kind`] has in the JSON report and the tables.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Target => "target",
        Kind::Actual => "actual",
    }
}

/// The figures as CSV (RFC 4180, CRLF line ends), starting with a [`BOM`] and a header row.
///
/// ```
/// let report = reportlens::analyze("");
/// let csv = reportlens::figures_csv(&report);
/// assert!(csv.starts_with("\u{FEFF}section,subject,value"));
/// ```
pub fn figures_csv(report: &Report) -> String {
    let mut out = String::from(BOM);
    out.push_str(&csv_header(false));
    out.push_str(&csv_rows(report, None));
    out
}

/// The CSV header row (with a leading `file` column when `with_file`), without a BOM.
pub fn csv_header(with_file: bool) -> String {
    let mut row: Vec<&str> = Vec::with_capacity(COLUMNS.len() + 1);
    if with_file {
        row.push("file");
    }
    row.extend(COLUMNS);
    let mut out = row.join(",");
    out.push_str("\r\n");
    out
}

/// The CSV rows of one report's figures, without header or BOM; each row starts with a `file`
/// cell when `file` is given (for a table over many reports).
pub fn csv_rows(report: &Report, file: Option<&str>) -> String {
    let mut out = String::new();
    for f in &report.figures {
        let mut first = true;
        if let Some(name) = file {
            push_csv_cell(&mut out, name, true);
            first = false;
        }
        for (cell, is_text) in cells(f) {
            if !first {
                out.push(',');
            }
            first = false;
            push_csv_cell(&mut out, &cell, is_text);
        }
        out.push_str("\r\n");
    }
    out
}

/// Whether a spreadsheet would read a cell starting with `c` as a formula (CSV injection:
/// `=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`; tab and CR start formulas in some programs too).
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

fn push_csv_cell(out: &mut String, cell: &str, is_text: bool) {
    // Computed numbers (`-3.5`) are left alone: a spreadsheet reads them as numbers, and a
    // quote would turn them into text. Text from the input gets a leading `'`, which
    // spreadsheets show as text and do not evaluate.
    let guarded = is_text && cell.chars().next().is_some_and(starts_formula);
    let quote = guarded || cell.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// The figures as a Markdown (GitHub) table with a header row.
///
/// ```
/// let report = reportlens::analyze("");
/// let md = reportlens::figures_markdown(&report);
/// assert!(md.starts_with("| section | subject |"));
/// ```
pub fn figures_markdown(report: &Report) -> String {
    markdown_table(
        &COLUMNS,
        report
            .figures
            .iter()
            .map(|f| cells(f).map(|(cell, _)| cell)),
    )
}

/// A Markdown (GitHub) table: a header row of `columns`, then one row per item of `rows`, each
/// cell escaped so that it stays one cell of one row.
pub(crate) fn markdown_table<R, S>(columns: &[&str], rows: impl Iterator<Item = R>) -> String
where
    R: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::from("|");
    for name in columns {
        out.push(' ');
        out.push_str(name);
        out.push_str(" |");
    }
    out.push_str("\n|");
    for _ in columns {
        out.push_str(" --- |");
    }
    out.push('\n');
    for row in rows {
        out.push('|');
        for cell in row {
            out.push(' ');
            push_markdown_cell(&mut out, cell.as_ref());
            out.push_str(" |");
        }
        out.push('\n');
    }
    out
}

fn push_markdown_cell(out: &mut String, cell: &str) {
    for c in cell.chars() {
        match c {
            // A bare `|` would end the cell; a backslash before it must stay a backslash.
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            // A line break would end the row.
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
}

/// One figure with the name of the file it came from: a line of [`figures_jsonl`].
#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    #[serde(flatten)]
    figure: &'a Figure,
}

/// The figures as JSON Lines: one JSON object per figure (its fields as in the report, plus
/// `file`), each followed by `\n`.
///
/// ```
/// let report = reportlens::analyze("");
/// assert_eq!(reportlens::figures_jsonl(&report, "a.txt"), "");
/// ```
pub fn figures_jsonl(report: &Report, file: &str) -> String {
    let mut out = String::new();
    for figure in &report.figures {
        // Serialising plain data into a String cannot fail; an error would leave the line out.
        if let Ok(line) = serde_json::to_string(&Line { file, figure }) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::Decimal;

    fn figure(text: &str, subject: Option<&str>) -> Figure {
        let ascii = crate::offsets::CharIndex::new("0123456789ab");
        Figure {
            value: Decimal::parse("1588.75").expect("valid decimal"),
            value_max: None,
            unit: "万元".into(),
            base_value: Decimal::parse("15887500"),
            base_unit: Some("元".into()),
            qualifier: Some("余".into()),
            subject: subject.map(str::to_string),
            section: Some(0),
            section_path: Some("一、（一）".into()),
            parent: None,
            kind: None,
            period: None,
            text: text.into(),
            paragraph: 0,
            // Code points 3 to 12 of an ASCII text.
            start: ascii.to_char(3),
            end: ascii.to_char(12),
        }
    }

    fn report(figures: Vec<Figure>) -> Report {
        Report {
            figures,
            ..Report::default()
        }
    }

    /// Splits a CSV text into rows of cells (RFC 4180), for checking what a reader would see.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let mut row = vec![];
        let mut cell = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn csv_starts_with_bom_and_header() {
        let csv = figures_csv(&report(vec![]));
        assert!(
            csv.starts_with(BOM),
            "CSV should start with a UTF-8 BOM for Excel/WPS"
        );
        assert_eq!(
            &csv[BOM.len()..],
            "section,subject,value,value_max,unit,qualifier,base_value,base_unit,kind,period,text,start,end\r\n",
            "an empty report should give the header row only"
        );
    }

    #[test]
    fn csv_row_holds_every_column() {
        let csv = figures_csv(&report(vec![figure("1588.75万元", Some("罚没款"))]));
        let rows = parse_csv(&csv[BOM.len()..]);
        assert_eq!(rows.len(), 2, "header and one figure row");
        assert_eq!(
            rows[1],
            [
                "一、（一）",
                "罚没款",
                "1588.75",
                "",
                "万元",
                "余",
                "15887500",
                "元",
                "",
                "",
                "1588.75万元",
                "3",
                "12"
            ],
            "the row should hold the figure's fields in column order, exact decimals"
        );
    }

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        let f = figure("1,234件", Some("他说\"好\"，\n再说"));
        let csv = csv_rows(&report(vec![f]), None);
        assert!(
            csv.contains("\"1,234件\""),
            "a cell with a comma should be quoted: {csv}"
        );
        assert!(
            csv.contains("\"他说\"\"好\"\"，\n再说\""),
            "quotes should be doubled inside a quoted cell: {csv}"
        );
        let rows = parse_csv(&csv);
        assert_eq!(
            rows.len(),
            1,
            "a quoted line break should not start a new row"
        );
        assert_eq!(
            rows[0][1], "他说\"好\"，\n再说",
            "the cell should read back unchanged"
        );
        assert_eq!(
            rows[0][10], "1,234件",
            "the cell should read back unchanged"
        );
    }

    #[test]
    fn csv_guards_formula_injection() {
        for payload in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
        ] {
            let csv = csv_rows(&report(vec![figure("5件", Some(payload))]), None);
            let rows = parse_csv(&csv);
            assert_eq!(
                rows[0][1],
                format!("'{payload}"),
                "a subject starting a formula should get a leading quote"
            );
        }
        let mut negative = figure("-3件", None);
        negative.value = Decimal::new(-3, 0);
        let rows = parse_csv(&csv_rows(&report(vec![negative]), None));
        assert_eq!(
            rows[0][2], "-3",
            "a computed negative number should stay a number"
        );
        assert_eq!(
            rows[0][10], "'-3件",
            "figure text from the input starting with '-' should be guarded"
        );
    }

    #[test]
    fn csv_rows_with_file_column() {
        let csv = csv_rows(&report(vec![figure("5件", None)]), Some("a,b.txt"));
        let rows = parse_csv(&csv);
        assert_eq!(
            rows[0][0], "a,b.txt",
            "the file cell should come first and read back unchanged"
        );
        assert_eq!(rows[0].len(), COLUMNS.len() + 1, "file plus every column");
        assert!(
            csv_header(true).starts_with("file,section,"),
            "the header should name the file column"
        );
    }

    #[test]
    fn markdown_escapes_pipes_and_line_breaks() {
        let md = figures_markdown(&report(vec![figure("5件", Some("a|b\\c\nd"))]));
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines.len(), 3, "header, rule and one row: {md}");
        assert!(
            lines[1].starts_with("| --- |"),
            "the second line should be the rule"
        );
        assert!(
            lines[2].contains("| a\\|b\\\\c d |"),
            "pipe and backslash escaped, line break a space: {md}"
        );
        let unescaped = lines[2].replace("\\\\", "").replace("\\|", "");
        assert_eq!(
            unescaped.matches('|').count(),
            COLUMNS.len() + 1,
            "a row should have one cell per column"
        );
    }

    #[test]
    fn jsonl_one_figure_per_line_with_file() {
        let r = report(vec![figure("5件", Some("案件")), figure("6件", None)]);
        let text = figures_jsonl(&r, "报告.txt");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "one line per figure");
        for (line, f) in lines.iter().zip(&r.figures) {
            let mut v: serde_json::Value =
                serde_json::from_str(line).expect("each line should be valid JSON");
            assert_eq!(v["file"], "报告.txt", "each line should name its file");
            v.as_object_mut().map(|o| o.remove("file"));
            let expected = serde_json::to_value(f).expect("figure serialises");
            assert_eq!(
                v, expected,
                "apart from file, a line should be the figure as in the report JSON"
            );
        }
    }
}
