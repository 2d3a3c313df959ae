//! Every word list lives in the lexicon (`src/lexicon/*.txt`): no module keeps a list of
//! Chinese words of its own, so that adding a unit, a qualifier or a furniture word is one line
//! in one file.
//!
//! The check reads the crate's source outside `src/lexicon/`, without comments and without its
//! `#[cfg(test)]` modules and files (tests hold sample text), and fails on a statement that holds three or
//! more different string literals with Chinese characters (`["共", "合计", "总计"]`,
//! `matches!(u, "年" | "月" | "日")`) or on a Chinese string used as a set of characters
//! (`"一二三四五六".contains(c)`). Regular-expression patterns are not word lists.

use std::fs;
use std::path::{Path, PathBuf};

/// Most different Chinese literals one statement may hold.
const MAX_LITERALS: usize = 2;

fn has_ideograph(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c))
}

/// A regular-expression pattern (its brackets and braces), which is not a list of words.
fn is_pattern(s: &str) -> bool {
    s.contains('[') && (s.contains(']') || s.contains('{'))
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src/ is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "lexicon") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code with comments dropped and each string literal replaced by `"#k"`, and the literals.
fn tokenize(src: &str) -> (String, Vec<String>) {
    let chars: Vec<char> = src.chars().collect();
    let mut code = String::new();
    let mut literals = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '"' {
            let mut j = i + 1;
            let mut lit = String::new();
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    lit.push(chars[j]);
                    j += 1;
                }
                if let Some(&ch) = chars.get(j) {
                    lit.push(ch);
                }
                j += 1;
            }
            code.push_str(&format!("\"#{}\"", literals.len()));
            literals.push(lit);
            i = j + 1;
            continue;
        }
        if c == '\'' {
            // A character literal (`'"'`, `'\''`), not a lifetime.
            if next == Some('\\') {
                let end = chars[i + 2..]
                    .iter()
                    .position(|&ch| ch == '\'')
                    .map_or(chars.len(), |p| i + 2 + p);
                code.push_str("'x'");
                i = end + 1;
                continue;
            }
            if chars.get(i + 2) == Some(&'\'') {
                code.push_str("'x'");
                i += 3;
                continue;
            }
        }
        code.push(c);
        i += 1;
    }
    (code, literals)
}

/// The word lists found in one file's code, as messages.
fn word_lists(name: &str, src: &str) -> Vec<String> {
    // A file that is itself a test module (`#![cfg(test)]`) holds sample text throughout.
    let code = if src.contains("#![cfg(test)]") {
        ""
    } else {
        src.split("#[cfg(test)]").next().unwrap_or(src)
    };
    let (code, literals) = tokenize(code);
    let mut found = Vec::new();
    for statement in code.split([';', '{', '}']) {
        let mut words: Vec<&str> = statement
            .split("\"#")
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse::<usize>().ok())
            .filter_map(|k| literals.get(k).map(String::as_str))
            .filter(|l| has_ideograph(l) && !is_pattern(l))
            .collect();
        words.sort_unstable();
        words.dedup();
        if words.len() > MAX_LITERALS {
            found.push(format!(
                "{name}: a list of words in code ({}); put it in src/lexicon/",
                words.join(" ")
            ));
        }
    }
    for (k, lit) in literals.iter().enumerate() {
        let set_use = [".contains(", ".chars()"]
            .iter()
            .any(|m| code.contains(&format!("\"#{k}\"{m}")));
        if set_use && has_ideograph(lit) && lit.chars().count() > MAX_LITERALS {
            found.push(format!(
                "{name}: a set of characters in code (\"{lit}\"); put it in src/lexicon/"
            ));
        }
    }
    found
}

#[test]
fn no_word_list_outside_the_lexicon() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    assert!(files.len() > 10, "the crate's sources are found");
    let mut found = Vec::new();
    for path in &files {
        let name = path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string();
        let src = fs::read_to_string(path).expect("a source file is UTF-8");
        found.extend(word_lists(&name, &src));
    }
    assert!(
        found.is_empty(),
        "word lists outside src/lexicon/:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_a_list_and_a_character_set() {
    let list = "fn f(w: &str) -> bool { matches!(w, \"年\" | \"月\" | \"日\") }";
    assert_eq!(
        word_lists("a.rs", list).len(),
        1,
        "a matches! list is found"
    );
    let array = "const A: &[&str] = &[\n    \"共\",\n    \"合计\",\n    \"总计\",\n];";
    assert_eq!(
        word_lists("a.rs", array).len(),
        1,
        "a constant array is found"
    );
    let set = "fn f(c: char) -> bool { \"一二三四\".contains(c) }";
    assert_eq!(word_lists("a.rs", set).len(), 1, "a character set is found");
    let fine = "// \"共\" \"合计\" \"总计\" in a comment\nfn f(t: &str) -> bool { t.starts_with(\"其中\") || t == \"分别\" }\n#[cfg(test)]\nmod tests { const T: &[&str] = &[\"一\", \"二\", \"三\"]; }";
    assert!(
        word_lists("a.rs", fine).is_empty(),
        "two words, comments and test modules are not lists: {:?}",
        word_lists("a.rs", fine)
    );
    let lexicon = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/lexicon");
    assert!(
        fs::read_dir(&lexicon)
            .expect("src/lexicon/ exists")
            .filter_map(Result::ok)
            .any(|e| e.path().extension().is_some_and(|x| x == "txt")),
        "the lexicon holds its lists as text files"
    );
}
