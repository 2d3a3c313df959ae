//! Fast look-up of a word table at a position: the words are grouped by their first character,
//! so finding the longest word that starts a text costs a hash look-up and a few comparisons
//! instead of one comparison per table entry (the scanner asks this at every number and the
//! subject reader at every character of its window).

use std::collections::HashMap;

/// A word table indexed by first character.
#[derive(Debug, Default)]
pub struct WordSet {
    by_first: HashMap<char, Vec<&'static str>>,
    by_last: HashMap<char, Vec<&'static str>>,
}

impl WordSet {
    /// Indexes `table`; within one first character, longer words come first.
    pub fn new(table: &[&'static str]) -> Self {
        let mut by_first: HashMap<char, Vec<&'static str>> = HashMap::new();
        let mut by_last: HashMap<char, Vec<&'static str>> = HashMap::new();
        for &w in table {
            if let Some(c) = w.chars().next() {
                by_first.entry(c).or_default().push(w);
            }
            if let Some(c) = w.chars().next_back() {
                by_last.entry(c).or_default().push(w);
            }
        }
        for list in by_first.values_mut().chain(by_last.values_mut()) {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        WordSet { by_first, by_last }
    }

    /// The longest word of the table that `s` starts with.
    pub fn longest(&self, s: &str) -> Option<&'static str> {
        let c = s.chars().next()?;
        self.by_first
            .get(&c)?
            .iter()
            .copied()
            .find(|w| s.starts_with(w))
    }

    /// The longest word of the table that `s` ends with.
    pub fn longest_suffix(&self, s: &str) -> Option<&'static str> {
        let c = s.chars().next_back()?;
        self.by_last
            .get(&c)?
            .iter()
            .copied()
            .find(|w| s.ends_with(w))
    }

    /// Whether `s` starts with a word of the table.
    pub fn starts(&self, s: &str) -> bool {
        self.longest(s).is_some()
    }
}

/// Declares a lazily built [`WordSet`] over a table.
macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident, $table:expr) => {
        $(#[$doc])*
        pub fn $name() -> &'static $crate::figures::wordset::WordSet {
            static SET: std::sync::OnceLock<$crate::figures::wordset::WordSet> = std::sync::OnceLock::new();
            SET.get_or_init(|| $crate::figures::wordset::WordSet::new($table))
        }
    };
}
pub(crate) use word_set;
