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
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Words by their first (or last) two characters, as one key (see [`pair`]).
type PairMap = HashMap<u64, Vec<&'static str>, BuildHasherDefault<CharHasher>>;

/// Two characters as one key: the outer one in the high half.
fn pair(outer: char, inner: char) -> u64 {
    (u64::from(u32::from(outer)) << 32) | u64::from(u32::from(inner))
}

/// A word table indexed by its first two characters (and by its last two): a look-up compares
/// only the few words that share them, however many spellings of one word the table holds
/// (`增长`, `增長`).
#[derive(Debug, Default)]
pub struct WordSet {
    /// Words of two or more characters by their first two.
    by_first: PairMap,
    /// Words of two or more characters by their last two (the last in the high half).
    by_last: PairMap,
    /// The words of one character.
    singles: HashMap<char, &'static str, BuildHasherDefault<CharHasher>>,
    /// Their characters as a bit table.
    single_chars: Chars,
    /// The first characters as a bit table (see [`Chars`]).
    firsts: Chars,
    /// The last characters as a bit table.
    lasts: Chars,
}

/// A set of characters as a bit table over the Basic Multilingual Plane (characters beyond it
/// are always "maybe"): most positions a reader asks about start no word of a table, and this
/// answers that with one look-up, before any hashing.
#[derive(Debug, Clone)]
struct Chars(Box<[u64]>);

impl Default for Chars {
    fn default() -> Self {
        Chars(vec![0; 0x10000 / 64].into_boxed_slice())
    }
}

impl Chars {
    fn insert(&mut self, c: char) {
        let cp = c as usize;
        if let Some(w) = self.0.get_mut(cp / 64) {
            *w |= 1 << (cp % 64);
        }
    }

    /// Whether `c` may be in the set (always true beyond the Basic Multilingual Plane).
    fn may_hold(&self, c: char) -> bool {
        let cp = c as usize;
        self.0
            .get(cp / 64)
            .is_none_or(|w| w & (1 << (cp % 64)) != 0)
    }
}

impl WordSet {
    /// Indexes `table`; within one pair of characters, longer words come first.
    pub fn new(table: &[&'static str]) -> Self {
        let mut set = WordSet::default();
        for &w in table {
            let chars: Vec<char> = w.chars().collect();
            match chars.as_slice() {
                [] => {}
                [c] => {
                    set.singles.insert(*c, w);
                    set.single_chars.insert(*c);
                    set.firsts.insert(*c);
                    set.lasts.insert(*c);
                }
                _ => {
                    let n = chars.len();
                    let (a, b) = (chars[0], chars[1]);
                    let (z, y) = (chars[n - 1], chars[n - 2]);
                    set.by_first.entry(pair(a, b)).or_default().push(w);
                    set.by_last.entry(pair(z, y)).or_default().push(w);
                    set.firsts.insert(a);
                    set.lasts.insert(z);
                }
            }
        }
        for list in set.by_first.values_mut().chain(set.by_last.values_mut()) {
            crate::sort::sort_by_key(list, |w| std::cmp::Reverse(w.len()));
        }
        set
    }

    /// The longest word of the table that `s` starts with.
    #[inline]
    pub fn longest(&self, s: &str) -> Option<&'static str> {
        let mut chars = s.chars();
        let a = chars.next()?;
        if !self.firsts.may_hold(a) {
            return None;
        }
        let longer = chars.next().and_then(|b| {
            self.by_first
                .get(&pair(a, b))?
                .iter()
                .copied()
                .find(|w| s.starts_with(w))
        });
        longer.or_else(|| self.single(a))
    }

    /// The longest word of the table that `s` ends with.
    #[inline]
    pub fn longest_suffix(&self, s: &str) -> Option<&'static str> {
        let mut chars = s.chars();
        let z = chars.next_back()?;
        if !self.lasts.may_hold(z) {
            return None;
        }
        let longer = chars.next_back().and_then(|y| {
            self.by_last
                .get(&pair(z, y))?
                .iter()
                .copied()
                .find(|w| s.ends_with(w))
        });
        longer.or_else(|| self.single(z))
    }

    /// The one-character word `c`, if the table holds it.
    fn single(&self, c: char) -> Option<&'static str> {
        if !self.single_chars.may_hold(c) {
            return None;
        }
        self.singles.get(&c).copied()
    }

    /// Whether a word of the table may start with `c` (when not, [`WordSet::longest`] of a
    /// text that starts with `c` is `None`): a cheap test for loops over every character.
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        self.firsts.may_hold(c)
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
        pub fn $name() -> &'static $crate::lexicon::wordset::WordSet {
            static SET: std::sync::OnceLock<$crate::lexicon::wordset::WordSet> = std::sync::OnceLock::new();
            SET.get_or_init(|| $crate::lexicon::wordset::WordSet::new($table))
        }
    };
}
pub(crate) use word_set;
