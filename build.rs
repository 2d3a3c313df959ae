//! Turns the word lists in `src/lexicon/*.txt` into Rust constants (`$OUT_DIR/lexicon.rs`,
//! included by `src/lexicon/mod.rs`), so the analyzer reads them as `&'static` tables built
//! into the binary: no parsing at run time and the same code as a hand-written table.
//!
//! A list file holds one entry a line; `#` starts a comment line, and the comment lines at the
//! top (up to the first blank line) become the constant's documentation. Pair lists separate
//! their two columns with spaces; a list of characters has one character a line. A new list is
//! a file and one line in [`LISTS`].

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

/// What one line of a list holds.
#[derive(Clone, Copy)]
enum Shape {
    /// One word: `&[&str]`.
    Words,
    /// A word and the word it stands for (or the word that follows it): `&[(&str, &str)]`.
    Pairs,
    /// A word and a power of ten: `&[(&str, u32)]`.
    Powers,
    /// One character: `&[char]`.
    Chars,
}

use Shape::{Chars, Pairs, Powers, Words};

/// Every list: the constant's name, its shape and the files it is made of, in order.
const LISTS: &[(&str, Shape, &[&str])] = &[
    // Figures: what makes a number a figure.
    ("SCALES", Powers, &["scales"]),
    ("TRAILING_SCALES", Words, &["trailing_scales"]),
    ("RATE_UNITS", Words, &["rate_units"]),
    ("UNITS", Words, &["rate_units", "units"]),
    ("QUALIFIED_AFTER_UNIT", Words, &["qualified_after_unit"]),
    ("PER_UNITS", Words, &["per_units"]),
    ("MEASURE_WORDS", Words, &["measure_words"]),
    ("QUALIFIERS_BEFORE", Pairs, &["qualifiers_before"]),
    ("NOT_QUALIFIERS_BEFORE", Words, &["not_qualifiers_before"]),
    ("QUALIFIERS_AFTER", Words, &["qualifiers_after"]),
    ("VAGUE_BEFORE", Words, &["vague_before"]),
    ("COUNT_NOUNS_WITH_SHU", Words, &["count_nouns_with_shu"]),
    ("VERB_QUALIFIERS", Pairs, &["verb_qualifiers"]),
    ("COPULAS", Words, &["copulas"]),
    ("QUALIFIED_VERBS", Words, &["copulas", "qualified_verbs"]),
    ("SESSIONS_BEFORE", Words, &["sessions_before"]),
    ("ORDINAL_UNITS", Words, &["ordinal_units"]),
    ("IDIOMS", Words, &["idioms"]),
    ("QUALIFIERS_INSIDE", Words, &["qualifiers_inside"]),
    ("NOT_AFTER_UNIT", Pairs, &["not_after_unit"]),
    ("NOUN_AFTER_UNIT", Pairs, &["noun_after_unit"]),
    ("PERIOD_BEFORE", Words, &["period_before"]),
    ("CHANGE_AFTER_PERIOD", Words, &["change_after_period"]),
    ("PERIOD_AFTER", Words, &["period_after"]),
    ("BOUND_QUALIFIERS", Words, &["bound_qualifiers"]),
    ("DATE_UNITS", Words, &["date_units"]),
    ("TOTAL_WORDS", Words, &["total_words"]),
    ("CHANGE_VERBS", Words, &["change_verbs"]),
    ("SHARE_MARKS", Words, &["share_marks"]),
    ("PER_MARKS", Words, &["per_marks"]),
    ("LIST_JOINERS", Words, &["list_joiners"]),
    ("LONE_JOINERS", Words, &["lone_joiners"]),
    ("CONVERSION_ENDS", Words, &["conversion_ends"]),
    // Figures: the clause around a figure (its subject).
    ("VERBS", Words, &["verbs"]),
    ("RATE_WORDS", Words, &["rate_words"]),
    ("LEAD_WORDS", Words, &["lead_words"]),
    ("FOLLOW_STOP", Words, &["follow_stop"]),
    ("SCOPE_WORDS", Words, &["scope_words"]),
    ("RUN_WORDS", Words, &["run_words"]),
    ("STANDING_VERBS", Words, &["standing_verbs"]),
    ("HONOUR_VERBS", Words, &["honour_verbs"]),
    ("HONOURED", Words, &["honoured"]),
    ("HONOUR_TITLES", Words, &["honour_titles"]),
    ("PART_MARKS", Chars, &["part_marks"]),
    ("MID_STOP", Words, &["mid_stop"]),
    ("NOT_RATE", Words, &["not_rate"]),
    ("NOUN_HEADS", Words, &["noun_heads"]),
    ("COMPARED_PERIODS", Words, &["compared_periods"]),
    ("RUN_IN_TIME", Words, &["run_in_time"]),
    ("MILESTONES", Words, &["milestones"]),
    ("COMPARE_WORDS", Words, &["compare_words"]),
    ("COVERBS", Words, &["coverbs"]),
    ("PER_HEAD", Words, &["per_head"]),
    ("SHARE_WORDS", Words, &["share_words"]),
    ("FUNCTION_WORDS", Words, &["function_words"]),
    ("ACTION_UNITS", Words, &["action_units"]),
    ("CASE_UNITS", Words, &["case_units"]),
    ("TOTAL_ADVERBS", Words, &["total_adverbs"]),
    ("DURATION_UNITS", Words, &["duration_units"]),
    ("NOT_LEAD", Words, &["not_lead"]),
    ("ORGANISATIONS", Words, &["organisations"]),
    ("DEGREE_WORDS", Words, &["degree_words"]),
    ("RATE_HEADS", Words, &["rate_heads"]),
    ("RATE_NOUNS", Words, &["rate_nouns"]),
    ("PURPOSE_VERBS", Words, &["purpose_verbs"]),
    ("PLACE_ENDINGS", Words, &["place_endings"]),
    // Headings.
    ("CITATION_AFTER", Words, &["citation_after"]),
    ("CONTENTS_LABELS", Words, &["contents_labels"]),
    // Figures: their kind and period.
    ("GOAL_WORDS", Words, &["goal_words"]),
    ("OUTCOME_WORDS", Words, &["outcome_words"]),
    ("WEAK_GOAL_WORDS", Words, &["weak_goal_words"]),
    ("REVIEW_OPENINGS", Words, &["review_openings"]),
    ("PLAN_OPENINGS", Words, &["plan_openings"]),
    ("PERIODS", Words, &["periods"]),
    ("ACCOUNT_TITLES", Words, &["account_titles"]),
    ("YEARS_VERBS", Words, &["years_verbs"]),
    // Comparing two reports.
    ("INDICATOR_LEADING", Words, &["indicator_leading"]),
    ("INDICATOR_TRAILING", Words, &["indicator_trailing"]),
    ("INDICATOR_SYNONYMS", Pairs, &["indicator_synonyms"]),
    ("CEILINGS", Words, &["ceilings"]),
    ("SPANS", Words, &["spans"]),
    ("FLOOR_QUALIFIERS", Words, &["floor_qualifiers"]),
    ("CAP_QUALIFIERS", Words, &["cap_qualifiers"]),
    ("ABOUT_QUALIFIERS", Words, &["about_qualifiers"]),
    // Document elements.
    ("SALUTATION_OPENINGS", Words, &["salutation_openings"]),
    ("SALUTATION_ENDINGS", Words, &["salutation_endings"]),
    ("WEEKDAYS", Words, &["weekdays"]),
    ("SERIAL_NUMERALS", Chars, &["serial_numerals"]),
    ("TITLE_ISSUE_WORDS", Words, &["title_issue_words"]),
    ("DOCUMENT_KINDS", Words, &["document_kinds"]),
    ("ORGAN_ENDINGS", Words, &["organ_endings"]),
    ("JOINT_OPENINGS", Words, &["joint_openings"]),
    ("CHAPTER_NAMES", Words, &["chapter_names"]),
    ("TITLE_ISSUER_ENDINGS", Words, &["title_issuer_endings"]),
    ("TITLE_PERIODS", Words, &["periods", "title_periods"]),
    ("ADDRESSEE_ENDINGS", Words, &["addressee_endings"]),
    ("BARE_KINDS", Words, &["bare_kinds"]),
    ("OFFICES", Words, &["offices"]),
    ("HEADER_MARKS", Words, &["header_marks"]),
    ("WEB_LABELS", Words, &["web_labels"]),
    ("FIELD_NUMBER_LABELS", Words, &["field_number_labels"]),
    ("FIELD_DATE_LABELS", Words, &["field_date_labels"]),
    ("FIELD_ISSUER_LABELS", Words, &["field_issuer_labels"]),
    ("FIELD_TITLE_LABELS", Words, &["field_title_labels"]),
    ("SITE_ENDINGS", Words, &["site_endings"]),
    ("SITE_TAGS", Words, &["site_tags"]),
    ("WIKI_LABELS", Words, &["wiki_labels"]),
    ("PAGE_CHANNELS", Words, &["page_channels"]),
    ("SPEECH_KINDS", Words, &["speech_kinds"]),
    ("LEAD_IN_WORDS", Words, &["lead_in_words"]),
    ("PAGE_LABEL_OPENINGS", Words, &["page_label_openings"]),
    // Page furniture.
    ("MENU_WORDS", Words, &["menu_words"]),
    ("PAGE_PREFIXES", Words, &["page_prefixes"]),
    ("BYLINE_LABELS", Words, &["byline_labels"]),
    ("JUMP_WORDS", Words, &["jump_words"]),
    ("WEB_DOMAINS", Words, &["web_domains"]),
];

/// The lists that also hold their words' traditional spellings: the units, the qualifiers
/// before a number and the words around a figure that are looked up by table (verbs, rate
/// words, stops: word sets indexed by two characters, `src/lexicon/wordset.rs`, so more
/// spellings cost a look-up nothing), and the lists of the document's elements, read on its first and last lines. The
/// other lists are read by linear scans in the hot loops and keep their simplified words
/// only, so that a simplified text is read as fast as before.
const WITH_TRADITIONAL: &[&str] = &[
    "RATE_UNITS",
    "UNITS",
    "QUALIFIERS_BEFORE",
    "VERBS",
    "RATE_WORDS",
    "LEAD_WORDS",
    "FOLLOW_STOP",
    "MID_STOP",
    "FUNCTION_WORDS",
    "DEGREE_WORDS",
    "QUALIFIED_VERBS",
    "NOUN_HEADS",
    "HONOUR_VERBS",
    "HONOURED",
    "HONOUR_TITLES",
    "PART_MARKS",
    "TITLE_ISSUE_WORDS",
    "DOCUMENT_KINDS",
    "ORGAN_ENDINGS",
    "JOINT_OPENINGS",
    "CHAPTER_NAMES",
    "TITLE_ISSUER_ENDINGS",
    "TITLE_PERIODS",
    "ADDRESSEE_ENDINGS",
    "BARE_KINDS",
    "OFFICES",
    "HEADER_MARKS",
    "WEB_LABELS",
    "FIELD_NUMBER_LABELS",
    "FIELD_DATE_LABELS",
    "FIELD_ISSUER_LABELS",
    "FIELD_TITLE_LABELS",
    "SITE_ENDINGS",
    "SITE_TAGS",
    "WIKI_LABELS",
    "PAGE_CHANNELS",
    "SPEECH_KINDS",
    "LEAD_IN_WORDS",
    "PAGE_LABEL_OPENINGS",
    "SALUTATION_OPENINGS",
    "SALUTATION_ENDINGS",
    "WEEKDAYS",
    "BYLINE_LABELS",
];

/// The traditional forms of the lexicon's simplified characters (`src/lexicon/traditional.txt`):
/// each character's usual form, and its Taiwan form where that differs.
type Traditional = HashMap<char, (char, char)>;

fn traditional(dir: &Path) -> Traditional {
    let path = dir.join("traditional.txt");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut map = HashMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let chars: Vec<char> = line.split_whitespace().flat_map(str::chars).collect();
        match chars.as_slice() {
            [s, t] => map.insert(*s, (*t, *t)),
            [s, t, tw] => map.insert(*s, (*t, *tw)),
            _ => panic!("{}: not a character and its forms: {line}", path.display()),
        };
    }
    map
}

/// A word's traditional spellings that differ from it: the usual one and the Taiwan one.
fn spellings(word: &str, map: &Traditional) -> Vec<String> {
    let usual: String = word
        .chars()
        .map(|c| map.get(&c).map_or(c, |f| f.0))
        .collect();
    let taiwan: String = word
        .chars()
        .map(|c| map.get(&c).map_or(c, |f| f.1))
        .collect();
    let mut out = Vec::new();
    for s in [usual, taiwan] {
        if s != word && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn main() {
    let dir = Path::new("src/lexicon");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lexicon");
    let map = traditional(dir);
    let mut out = String::from("// Generated by build.rs from src/lexicon/*.txt: edit those.\n");
    for &(name, shape, files) in LISTS {
        let mut doc = Vec::new();
        let mut items = String::new();
        let mut seen = HashSet::new();
        for (k, file) in files.iter().enumerate() {
            let path = dir.join(format!("{file}.txt"));
            println!("cargo:rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let mut header = k == 0;
            for (n, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() {
                    header = false;
                    continue;
                }
                if let Some(comment) = line.strip_prefix('#') {
                    if header {
                        doc.push(comment.strip_prefix(' ').unwrap_or(comment).to_string());
                    }
                    continue;
                }
                header = false;
                let cols: Vec<&str> = line.split_whitespace().collect();
                let at = || format!("{}:{}", path.display(), n + 1);
                // The entry as written, then its traditional spellings (same other columns).
                let first = cols.first().copied().unwrap_or_default();
                let mut forms = vec![first.to_string()];
                if WITH_TRADITIONAL.contains(&name) {
                    forms.extend(spellings(first, &map));
                }
                for form in forms {
                    let rest = cols.get(1..).unwrap_or_default().join(" ");
                    if !seen.insert(format!("{form} {rest}")) {
                        continue;
                    }
                    let w = form.as_str();
                    let item = match (shape, cols.as_slice()) {
                        (Words, [_]) => format!("{w:?}"),
                        (Pairs, [_, b]) => format!("({w:?}, {b:?})"),
                        (Powers, [_, p]) => {
                            let p: u32 = p
                                .parse()
                                .unwrap_or_else(|_| panic!("{}: not a power of ten: {p}", at()));
                            format!("({w:?}, {p})")
                        }
                        (Chars, [c]) if c.chars().count() == 1 => {
                            format!("{:?}", w.chars().next().unwrap_or_default())
                        }
                        _ => panic!("{}: wrong number of columns: {line}", at()),
                    };
                    let _ = writeln!(items, "    {item},");
                }
            }
        }
        for line in &doc {
            let _ = writeln!(out, "/// {line}");
        }
        let _ = writeln!(
            out,
            "///\n/// Source: `src/lexicon/{}.txt`.",
            files.join(".txt`, `src/lexicon/")
        );
        let ty = match shape {
            Words => "&str",
            Pairs => "(&str, &str)",
            Powers => "(&str, u32)",
            Chars => "char",
        };
        let _ = writeln!(out, "pub const {name}: &[{ty}] = &[\n{items}];");
    }
    let path = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon.rs");
    std::fs::write(&path, out).expect("write the generated lexicon");
}
