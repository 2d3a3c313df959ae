//! Breakdowns: the parts written after 其中 (or 分别 after a stated total) point to their total;
//! and a qualifier written once for a 分别 pair applies to both (`分别突破300亿元和3000亿元`).

use super::scan::Raw;

/// The longest stretch, in bytes, between a total and the 其中 that breaks it down.
const REACH: usize = 240;

/// The most parts one 其中/分别 is matched with (a sentence listing more figures than this after
/// one marker is not a breakdown; the bound keeps a pasted run of `分别为3件、…` linear).
const MAX_PARTS: usize = 64;

/// For each figure of a paragraph, the index (in the same paragraph) of the total it is a part
/// of.
pub fn parents(text: &str, figures: &[Raw]) -> Vec<Option<usize>> {
    let mut out = vec![None; figures.len()];
    if figures.len() < 2 {
        return out;
    }
    // A marker breaks down nothing unless figures stand on both sides of it: only the text
    // from the first figure to the start of the last is searched.
    let (Some(first), Some(last)) = (figures.first(), figures.last()) else {
        return out;
    };
    let markers: Vec<(usize, &str)> = markers(text, first.start, last.start).collect();
    if markers.is_empty() {
        return out;
    }
    // Sentence ends found once, all of them and full stops only (searching from each marker
    // would take quadratic time in a long sentence full of markers).
    let (ends, stops) = sentence_ends(text);
    let next_after = |list: &[usize], q: usize| {
        list.get(list.partition_point(|&e| e < q))
            .copied()
            .unwrap_or(text.len())
    };
    let mut open: Vec<usize> = (0..figures.len()).collect();
    for (q, word) in markers {
        // `…5678.9亿元，增长5.3%。其中，第一产业…；第二产业…。`: a 其中 that opens a sentence
        // breaks down the sentence before it, and its parts run to the full stop.
        let opens = word == "其中" && text[..q].chars().next_back().is_some_and(is_full_stop);
        // `其中：A…；B…；C…。`: a colon after 其中 opens a list whose parts run past `；`.
        // But not when the total is itself one item of a `；` list (`…；油料产量…，其中：油菜籽
        // 产量…；蔬菜产量…。`): then its parts end with its item.
        let listed = word == "其中"
            && text[q + "其中".len()..].starts_with(['：', ':'])
            && !in_item(&ends, &stops, q);
        let sentence_end = if opens || listed {
            next_after(&stops, q)
        } else {
            next_after(&ends, q)
        };
        let first_part = figures.partition_point(|f| f.start < q);
        let first_total = figures.partition_point(|f| f.end + REACH < q);
        let mut p = open_from(&mut open, first_part);
        let mut tried = 0;
        while let Some(part) = figures.get(p) {
            if part.start >= sentence_end || tried == MAX_PARTS {
                break;
            }
            tried += 1;
            let this = p;
            p = open_from(&mut open, p + 1);
            // The parts are of one kind: a rate after a count (`98件，纠错率7.9%`) is none.
            if this > first_part && !same_kind(&figures[first_part], part) {
                continue;
            }
            // `由21994万元调整为21734万元`: the value a change starts from is no part.
            if text[..part.lead].ends_with(['由', '从']) {
                continue;
            }
            // The total: the nearest figure of the same kind before the marker, in the same
            // sentence (or the one before, for a 其中 that opens a sentence).
            let total = (first_total..first_part).rev().find(|&t| {
                let f = &figures[t];
                // The sentence ends between the total and the marker.
                let ends = ends
                    .partition_point(|&e| e < q)
                    .saturating_sub(ends.partition_point(|&e| e < f.end));
                same_kind(f, part) && (ends == 0 || (opens && ends == 1))
            });
            if let Some(t) = total {
                if word == "其中" || stated_total(text, &figures[t]) {
                    out[this] = Some(t);
                    open[this] = this + 1;
                }
            }
        }
    }
    out
}

/// Whether a `；` (or another end that is no full stop) stands between the last full stop
/// before `q` and `q`: the clause at `q` is one item of a list.
fn in_item(ends: &[usize], stops: &[usize], q: usize) -> bool {
    let last = |list: &[usize]| {
        list.get(list.partition_point(|&e| e < q).wrapping_sub(1))
            .copied()
    };
    match (last(ends), last(stops)) {
        (Some(e), Some(s)) => e > s,
        (Some(_), None) => true,
        _ => false,
    }
}

fn is_full_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// Byte offsets of the sentence ends of `text` (`。；！？;!?`) and of its full stops
/// ([`is_full_stop`]), found by the shared clause-punctuation scan.
fn sentence_ends(text: &str) -> (Vec<usize>, Vec<usize>) {
    let mut ends = Vec::new();
    let mut stops = Vec::new();
    crate::punct::for_each_clause_mark(text, |at, mark| {
        if matches!(mark, '。' | '！' | '？' | '；' | ';' | '!' | '?') {
            ends.push(at);
        }
        if is_full_stop(mark) {
            stops.push(at);
        }
    });
    (ends, stops)
}

/// The first figure at or after `p` that has no total yet. `open[i]` is `i` while figure `i`
/// has none, else a later index no further than the next figure that has none; paths are halved
/// as they are walked. So a marker never re-walks parts an earlier marker settled (a long
/// sentence of many 其中 would otherwise take quadratic time).
fn open_from(open: &mut [usize], mut p: usize) -> usize {
    while let Some(&n) = open.get(p) {
        if n == p {
            break;
        }
        let skip = open.get(n).copied().unwrap_or(n);
        open[p] = skip;
        p = skip;
    }
    p
}

/// 其中 and 分别 in the text, with their byte offsets; only those that start in `from..to` are
/// listed.
fn markers(text: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, &'static str)> + '_ {
    let area = text.get(from..to).unwrap_or("");
    // Searched by their first character (a fast byte search), then checked whole.
    let find = move |first: char, word: &'static str| {
        area.match_indices(first)
            .map(move |(i, _)| from + i)
            .filter(move |&q| text[q..].starts_with(word))
            .map(move |q| (q, word))
    };
    find('其', "其中").chain(find('分', "分别"))
}

/// A figure stated as a total (`共780件`, `合计…`), which a 分别 list may break down.
fn stated_total(text: &str, f: &Raw) -> bool {
    let before = crate::chars::tail(&text[..f.lead], 8);
    crate::lexicon::TOTAL_WORDS
        .iter()
        .any(|w| before.contains(w))
}

/// Gives a qualifier written once for a 分别 pair or list (`分别突破300亿元和3000亿元`,
/// `分别增长7%和8%左右`, `分别达到95%、85%、80%以上`) to each of its figures
/// (`gold/GUIDE.md`): one written before the first figure, or after the last.
pub fn share_qualifiers(text: &str, figures: &mut [Raw]) {
    let mut k = 0;
    while k < figures.len() {
        // The run of figures of one unit joined by 和 及 与 、.
        let mut last = k;
        while let Some(n) = figures.get(last + 1) {
            let p = &figures[last];
            let gap = text.get(p.end..n.lead).unwrap_or("");
            if crate::lexicon::LIST_JOINERS.contains(&gap) && p.unit == n.unit {
                last += 1;
            } else {
                break;
            }
        }
        let first = &figures[k];
        let near = text[..first.lead]
            .char_indices()
            .rev()
            .take(8)
            .last()
            .map_or(first.lead, |(j, _)| j);
        if last > k && text[near..first.lead].contains("分别") {
            let lead_word = first.qualifier.filter(|_| first.lead < first.start);
            let tail_word = figures[last]
                .qualifier
                .filter(|q| crate::lexicon::QUALIFIERS_AFTER.contains(q));
            let others_bare = |skip: usize| {
                (k..=last)
                    .filter(|&i| i != skip)
                    .all(|i| figures[i].qualifier.is_none())
            };
            let shared = match (lead_word, tail_word) {
                (Some(q), None) if others_bare(k) => Some(q),
                (None, Some(q)) if others_bare(last) => Some(q),
                _ => None,
            };
            if let Some(q) = shared {
                for f in &mut figures[k..=last] {
                    f.qualifier = Some(q);
                }
            }
        }
        k = last + 1;
    }
}

/// Whether two figures count the same kind of thing: the same unit, or the same plain unit
/// under different scale words (`1.5亿元` and `8000万元`).
fn same_kind(a: &Raw, b: &Raw) -> bool {
    match (&a.base, &b.base) {
        (Some((_, ua)), Some((_, ub))) => ua == ub && !ua.is_empty(),
        _ => a.unit == b.unit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sentence_ends_and_full_stops() {
        let text = "a;b!c?d。e！f？g；h，i．j：k";
        let at = |c: char| text.find(c).unwrap_or(usize::MAX);
        let (ends, stops) = sentence_ends(text);
        assert_eq!(
            ends,
            vec![
                at(';'),
                at('!'),
                at('?'),
                at('。'),
                at('！'),
                at('？'),
                at('；')
            ],
            "every sentence end, ASCII and CJK, and no comma or colon"
        );
        assert_eq!(
            stops,
            vec![at('。'), at('！'), at('？')],
            "full stops are 。！？ only"
        );
    }
}
