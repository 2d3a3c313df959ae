//! The `reportlens` command line: arguments and output formats only; the analysis is the core's.
//!
//! Files are read and analysed on every core (rayon); results are written in input order as
//! they become ready, so `--format jsonl` streams over thousands of files.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};

use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::iter::{ParallelBridge, ParallelIterator};
use reportlens::Report;

/// The command line. Subcommands are variants of [`Command`]; a new one is a variant and an
/// arm in `main`.
#[derive(Debug, Parser)]
#[command(
    name = "reportlens",
    version,
    about = "Reads Chinese government reports and prints their document elements, outline and figures.",
    after_help = "Offsets (start/end) count Unicode code points of the input as given.\n\
                  Exit status: 0 when every file was read, 1 when some file could not be, 2 on a usage error.",
    subcommand_required = true,
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What the command line asked for.
#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse reports: document elements, outline and every figure.
    #[command(
        after_help = "Offsets (start/end) count Unicode code points of the input as given.\n\
                            Exit status: 0 when every file was read, 1 when some file could not be, 2 on a usage error."
    )]
    Analyze(AnalyzeArgs),
    /// Compare two reports of one body (OLD last year's, NEW this year's): the figures that
    /// measure one indicator, how each changed, and whether OLD's targets were met.
    Compare(CompareArgs),
}

/// The `compare` command's arguments.
#[derive(Debug, Args)]
struct CompareArgs {
    /// The comparison as JSON; the same as `--format json`.
    #[arg(long)]
    json: bool,
    /// The output format: text, json, or the pairs as csv or markdown.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,
    /// The older report (a text file, or - for standard input).
    #[arg(value_name = "OLD")]
    old: String,
    /// The newer report.
    #[arg(value_name = "NEW")]
    new: String,
}

/// The `analyze` command's arguments.
#[derive(Debug, Args)]
struct AnalyzeArgs {
    /// The report as JSON, exactly (with several files: one line per file, with "file");
    /// the same as `--format json`.
    #[arg(long)]
    json: bool,
    /// The output format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,
    /// The language of the readable summary's checks (the JSON report holds both).
    #[arg(long, value_enum, value_name = "LANG", default_value = "zh")]
    lang: Lang,
    /// A text file (UTF-8, GBK/GB18030 or UTF-16), a saved web page (.html/.htm), a PDF, Word
    /// (.docx) or OFD file, a folder (every such file in it and its subfolders, in sorted
    /// order), or - for standard input.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<String>,
}

impl AnalyzeArgs {
    /// The one output format asked for: `--json` and `--format` may both be given only when
    /// they agree.
    fn format(&self) -> Result<Format, clap::Error> {
        match (self.json, self.format) {
            (true, Some(f)) if f != Format::Json => {
                let mut cli = Cli::command();
                cli.build();
                let message = "give only one output format (--json is --format json)";
                Err(match cli.find_subcommand_mut("analyze") {
                    Some(analyze) => analyze.error(ErrorKind::ArgumentConflict, message),
                    None => cli.error(ErrorKind::ArgumentConflict, message),
                })
            }
            (true, _) => Ok(Format::Json),
            (false, f) => Ok(f.unwrap_or(Format::Text)),
        }
    }
}

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A readable summary (the default).
    Text,
    /// Same as --json.
    Json,
    /// The figures, UTF-8 with a BOM for Excel/WPS, one row per figure.
    Csv,
    /// The figures as JSON Lines, one figure per line with its file name.
    Jsonl,
    /// The figures as a Markdown table.
    #[value(alias = "md")]
    Markdown,
    /// The text the analysis reads: for a PDF, Word or OFD file, the text read from it (one
    /// paragraph a line), which the report's offsets count.
    Source,
}

/// The language of the readable summary's checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Lang {
    /// Chinese (the default).
    Zh,
    /// English.
    En,
}

/// One input to analyse, in output order.
#[derive(Debug)]
enum Input {
    Stdin,
    File(PathBuf),
    /// A path that cannot be read, with the message to print in its place.
    Bad(String, String),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) => p.display().to_string(),
            Input::Bad(name, _) => name.clone(),
        }
    }
}

/// Expands folders into their report files (see [`is_report_file`]), recursively, sorted by
/// name; files are kept as given, whatever their extension.
fn expand(paths: &[String]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let before = inputs.len();
                walk(Path::new(path), &mut inputs);
                if inputs.len() == before {
                    inputs.push(Input::Bad(
                        path.clone(),
                        "no report files (.txt, .html, .pdf, .docx, .ofd) in this folder".into(),
                    ));
                }
            }
            Ok(_) => inputs.push(Input::File(PathBuf::from(path))),
            Err(e) => inputs.push(Input::Bad(path.clone(), io_message(&e))),
        }
    }
    inputs
}

fn walk(dir: &Path, inputs: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return inputs.push(Input::Bad(dir.display().to_string(), io_message(&e))),
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        // A symlinked folder is not followed (it could loop); a symlinked file is read.
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            walk(&path, inputs);
        } else if is_report_file(&path) && path.is_file() {
            inputs.push(Input::File(path));
        }
    }
}

/// The files a folder is searched for: text, saved web pages, and the documents the file
/// readers open (legacy .doc and .wps too, so that they are named and refused, not skipped).
fn is_report_file(path: &Path) -> bool {
    const EXTENSIONS: &[&str] = &["txt", "html", "htm", "pdf", "docx", "ofd", "doc", "wps"];
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// What one input produced: its piece of the output, or why it could not be read.
type Outcome = Result<String, String>;

fn run(input: &Input, format: Format, lang: Lang, many: bool) -> Outcome {
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
        }
        Input::File(path) => std::fs::read(path),
        Input::Bad(_, message) => return Err(message.clone()),
    }
    .map_err(|e| io_message(&e))?;
    let text = match reportlens_files::read(&bytes, &input.name()).map_err(|e| e.to_string())? {
        Some(document) => document.text,
        None => reportlens::decode(&bytes).map_err(|e| e.to_string())?,
    };
    if format == Format::Source {
        return Ok(text);
    }
    let report = std::panic::catch_unwind(|| reportlens::analyze(&text))
        .map_err(|_| "internal error while analysing this file (please report it)".to_string())?;
    render(&input.name(), &report, format, lang, many)
}

/// One report in the chosen format. `many` says whether several inputs share the output.
fn render(name: &str, report: &Report, format: Format, lang: Lang, many: bool) -> Outcome {
    let json_error = |e: serde_json::Error| format!("could not write JSON: {e}");
    Ok(match format {
        Format::Text => summary(name, report, lang, many),
        Format::Json if many => {
            #[derive(serde::Serialize)]
            struct Named<'a> {
                file: &'a str,
                #[serde(flatten)]
                report: &'a Report,
            }
            serde_json::to_string(&Named { file: name, report }).map_err(json_error)? + "\n"
        }
        Format::Json => serde_json::to_string(report).map_err(json_error)? + "\n",
        Format::Csv => reportlens::csv_rows(report, Some(name)),
        Format::Jsonl => reportlens::figures_jsonl(report, name),
        Format::Markdown if many => {
            format!("## {name}\n\n{}\n", reportlens::figures_markdown(report))
        }
        Format::Markdown => reportlens::figures_markdown(report),
        // Written before the analysis, in `run`.
        Format::Source => String::new(),
    })
}

/// Reads and analyses one file of a comparison.
fn read_report(path: &str) -> Result<Report, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(path)
    }
    .map_err(|e| format!("{path}: {}", io_message(&e)))?;
    let text = match reportlens_files::read(&bytes, path).map_err(|e| format!("{path}: {e}"))? {
        Some(document) => document.text,
        None => reportlens::decode(&bytes).map_err(|e| format!("{path}: {e}"))?,
    };
    Ok(reportlens::analyze(&text))
}

/// `reportlens compare OLD NEW`.
fn compare(args: &CompareArgs) -> ExitCode {
    let format = match (args.json, args.format) {
        (true, _) => Format::Json,
        (false, f) => f.unwrap_or(Format::Text),
    };
    let reports = read_report(&args.old).and_then(|o| read_report(&args.new).map(|n| (o, n)));
    let (old, new) = match reports {
        Ok(r) => r,
        Err(message) => {
            let _ = writeln!(io::stderr(), "reportlens: {message}");
            return ExitCode::from(1);
        }
    };
    let c = reportlens::compare(&old, &new);
    let out = match format {
        Format::Json | Format::Jsonl => match serde_json::to_string(&c) {
            Ok(json) => json + "\n",
            Err(e) => {
                let _ = writeln!(io::stderr(), "reportlens: could not write JSON: {e}");
                return ExitCode::from(1);
            }
        },
        Format::Csv => reportlens::pairs_csv(&c, &old, &new),
        Format::Markdown => reportlens::pairs_markdown(&c, &old, &new),
        Format::Text | Format::Source => compare_text(&c, &old, &new, &args.old, &args.new),
    };
    let _ = io::stdout().lock().write_all(out.as_bytes());
    ExitCode::SUCCESS
}

/// A comparison as readable text: one line per pair, then the headline figures left alone.
fn compare_text(
    c: &reportlens::Comparison,
    old: &Report,
    new: &Report,
    old_name: &str,
    new_name: &str,
) -> String {
    use reportlens::Relation;
    let mut out = String::new();
    let _ = writeln!(out, "OLD {old_name}: {} figures", old.figures.len());
    let _ = writeln!(out, "NEW {new_name}: {} figures", new.figures.len());
    let _ = writeln!(
        out,
        "\n{} pairs (→ OLD's target and NEW's outcome)",
        c.pairs.len()
    );
    for p in &c.pairs {
        let (Some(o), Some(n)) = (old.figures.get(p.old), new.figures.get(p.new)) else {
            continue;
        };
        let arrow = match p.relation {
            Relation::Same => "  ",
            Relation::TargetActual => "→ ",
        };
        let met = match p.met {
            Some(true) => "  met",
            Some(false) => "  not met",
            None => "",
        };
        let change = p
            .change
            .as_ref()
            .map(|d| {
                let s = d.to_string();
                if s.starts_with('-') {
                    s
                } else {
                    format!("+{s}")
                }
            })
            .unwrap_or_default();
        let pct = p
            .change_pct
            .map(|v| format!(" ({v:+}%)"))
            .unwrap_or_default();
        let mut line = String::new();
        pad(&mut line, &p.indicator, 24);
        let _ = writeln!(
            out,
            "{line} {} {arrow}{}  {change}{pct}{met}",
            o.text, n.text
        );
    }
    for (label, list, r) in [
        ("only in OLD", &c.only_old, old),
        ("only in NEW", &c.only_new, new),
    ] {
        let _ = writeln!(out, "\n{label}: {}", list.len());
        for f in list.iter().filter_map(|&i| r.figures.get(i)) {
            let _ = writeln!(out, "  {} {}", f.subject.as_deref().unwrap_or(""), f.text);
        }
    }
    out
}

/// Terminal columns a string takes: East Asian wide characters take two.
fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}' | '\u{20000}'..='\u{3FFFD}')
}

fn pad(out: &mut String, s: &str, to: usize) {
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', to.saturating_sub(width(s))));
}

/// The readable summary: elements, outline tree, figures table, checks and notes.
fn summary(name: &str, r: &Report, lang: Lang, many: bool) -> String {
    let mut s = String::new();
    if many {
        let _ = writeln!(s, "== {name}");
    }
    s.push_str("Elements\n");
    let mut any = false;
    // Read through the JSON form, so a field added to `Meta` shows up here without a change.
    if let Ok(serde_json::Value::Object(meta)) = serde_json::to_value(&r.meta) {
        for (key, value) in meta.iter().filter(|(k, _)| *k != "spans") {
            let text = match value {
                serde_json::Value::String(v) => v.clone(),
                serde_json::Value::Array(items) => items
                    .iter()
                    .filter_map(|v| v.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
                other => other.to_string(),
            };
            let _ = writeln!(s, "  {key:<13} {text}");
            any = true;
        }
    }
    if !any {
        s.push_str("  (none found)\n");
    }

    let _ = writeln!(s, "\nOutline ({} headings)", r.outline.len());
    for h in &r.outline {
        let indent = "  ".repeat(h.depth.max(1));
        let _ = writeln!(s, "{indent}{}{}", h.marker, h.title);
    }

    let _ = writeln!(s, "\nFigures ({})", r.figures.len());
    let rows: Vec<[String; 5]> = r
        .figures
        .iter()
        .map(|f| {
            let mut value = f.value.to_string();
            if let Some(max) = &f.value_max {
                let _ = write!(value, "–{max}");
            }
            value.push_str(&f.unit);
            if let (Some(base), Some(unit)) = (&f.base_value, &f.base_unit) {
                let _ = write!(value, " (= {base}{unit})");
            }
            [
                f.section_path.as_deref().unwrap_or("").to_string(),
                f.text.clone(),
                value,
                f.qualifier.clone().unwrap_or_default(),
                f.subject.clone().unwrap_or_default(),
            ]
        })
        .collect();
    if !rows.is_empty() {
        let header = ["section", "figure", "value", "qualifier", "subject"];
        let mut widths = header.map(width);
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(cell)).min(40);
            }
        }
        for row in std::iter::once(header.map(String::from)).chain(rows) {
            s.push_str("  ");
            for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
                if i + 1 == row.len() {
                    s.push_str(cell);
                } else {
                    pad(&mut s, cell, w + 2);
                }
            }
            s.truncate(s.trim_end_matches(' ').len());
            s.push('\n');
        }
    }

    if !r.checks.is_empty() {
        let title = match lang {
            Lang::Zh => "核对",
            Lang::En => "Checks",
        };
        let _ = writeln!(s, "\n{title} ({})", r.checks.len());
        for c in &r.checks {
            let message = match lang {
                Lang::Zh => &c.message,
                Lang::En => &c.message_en,
            };
            let _ = writeln!(s, "  {message}");
            if let Some(sentence) = &c.sentence {
                let _ = writeln!(s, "      {}", sentence.text);
            }
        }
    }
    if !r.diagnostics.is_empty() {
        let _ = writeln!(s, "\nNotes");
        for d in &r.diagnostics {
            let _ = writeln!(s, "  {}: {}", d.code, d.message);
        }
    }
    if many {
        s.push('\n');
    }
    s
}

/// Writes to standard error, ignoring a closed stderr (there is nowhere left to say it).
fn warn(bar: Option<&ProgressBar>, message: &str) {
    let write = || {
        let _ = writeln!(io::stderr(), "reportlens: {message}");
    };
    match bar {
        Some(bar) => bar.suspend(write),
        None => write(),
    }
}

/// Files at which a run is long enough for a progress bar.
const PROGRESS_MIN_FILES: usize = 20;

fn main() -> ExitCode {
    // A bug in the analysis must not take the other files down: `run` catches the panic and
    // reports the file; the hook only says where it happened.
    std::panic::set_hook(Box::new(|info| {
        let _ = writeln!(io::stderr(), "reportlens: internal error: {info}");
    }));
    // clap prints help and version to stdout (exit 0) and usage errors to stderr (exit 2).
    let cli = Cli::parse();
    let (format, lang, paths) = match cli.command {
        Command::Analyze(args) => match args.format() {
            Ok(format) => (format, args.lang, args.paths),
            Err(e) => e.exit(),
        },
        Command::Compare(args) => return compare(&args),
    };
    let inputs = expand(&paths);
    let many = inputs.len() > 1;
    let names: Vec<String> = inputs.iter().map(Input::name).collect();
    let total = inputs.len();

    let bar = (io::stderr().is_terminal() && total >= PROGRESS_MIN_FILES).then(|| {
        let bar = ProgressBar::new(total as u64);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} files  {elapsed} (eta {eta})")
        {
            bar.set_style(style);
        }
        bar
    });
    let suspend_for_output = bar.is_some() && io::stdout().is_terminal();

    let cancel = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    let worker_cancel = Arc::clone(&cancel);
    // `par_bridge` hands inputs to the threads roughly in order, so results can be written as
    // soon as the ones before them are done.
    std::thread::spawn(move || {
        inputs
            .into_iter()
            .enumerate()
            .par_bridge()
            .for_each_with(tx, |tx, (i, input)| {
                if worker_cancel.load(Ordering::Relaxed) {
                    return;
                }
                let _ = tx.send((i, run(&input, format, lang, many)));
            });
    });

    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = false;
    let emit = |piece: &str, out: &mut io::BufWriter<io::StdoutLock<'_>>| -> io::Result<()> {
        let mut write = || out.write_all(piece.as_bytes()).and_then(|()| out.flush());
        match &bar {
            Some(bar) if suspend_for_output => bar.suspend(write),
            _ => write(),
        }
    };
    if format == Format::Csv {
        let head = format!("{}{}", reportlens::BOM, reportlens::csv_header(true));
        if emit(&head, &mut out).is_err() {
            return ExitCode::SUCCESS;
        }
    }
    let mut pending = BTreeMap::new();
    let mut next = 0;
    {
        'results: for (i, outcome) in rx {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&next) {
                match outcome {
                    Ok(piece) => {
                        if emit(&piece, &mut out).is_err() {
                            // The reader went away (`| head`): stop quietly.
                            cancel.store(true, Ordering::Relaxed);
                            break 'results;
                        }
                    }
                    Err(message) => {
                        failed = true;
                        let name = names.get(next).map_or("-", String::as_str);
                        warn(bar.as_ref(), &format!("{name}: {message}"));
                    }
                }
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
                next += 1;
            }
        }
    }
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
