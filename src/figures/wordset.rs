//! Fast look-up of a word table at a position: the words are grouped by their first character,
//! so finding the longest word that starts a text costs a hash look-up and a few comparisons
//! instead of one comparison per table entry (the scanner asks this at every number and the
//! subject reader at every character of its window).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Hashes a `char` key by multiplication: the keys are few and well spread, and the default
/// hasher showed up in profiles of the scanner.
#[derive(Debug, Default, Clone, Copy)]
pub struct CharHasher(u64);

impl Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type CharMap = HashMap<char, Vec<&'static str>, BuildHasherDefault<CharHasher>>;

/// A word table indexed by first character.
#[derive(Debug, Default)]
pub struct WordSet {
    by_first: CharMap,
    by_last: CharMap,
}

impl WordSet {
    /// Indexes `table`; within one first character, longer words come first.
    pub fn new(table: &[&'static str]) -> Self {
        let mut by_first = CharMap::default();
        let mut by_last = CharMap::default();
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
