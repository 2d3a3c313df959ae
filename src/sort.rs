//! A stable sort that costs little code.
//!
//! The standard library's sorts are fast but compile to several kilobytes of Wasm for every
//! element type and key they are used with: five short sorts cost the page's module 34 KB
//! (before compression). The lists sorted here are short (a paragraph's heading markers, the
//! lexicon's word lists once at start-up), so a plain merge sort serves, at a few hundred bytes
//! for each use. O(n log n) time, stable.

/// Sorts `v` by `key`, keeping the order of items with equal keys.
pub fn sort_by_key<T: Clone, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    let n = v.len();
    if n < 2 {
        return;
    }
    let mut cur: Vec<T> = v.to_vec();
    let mut width = 1;
    while width < n {
        let mut out = Vec::with_capacity(n);
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            while i < mid && j < hi {
                // Take from the right run only when strictly smaller: equal keys keep their order.
                if key(&cur[j]) < key(&cur[i]) {
                    out.push(cur[j].clone());
                    j += 1;
                } else {
                    out.push(cur[i].clone());
                    i += 1;
                }
            }
            out.extend_from_slice(&cur[i..mid]);
            out.extend_from_slice(&cur[j..hi]);
            lo = hi;
        }
        cur = out;
        width *= 2;
    }
    v.clone_from_slice(&cur);
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        // A fixed pseudo-random sequence of (key, position) pairs with many equal keys.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for n in [0usize, 1, 2, 3, 7, 16, 33, 100, 257] {
            let items: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    ((x % 5) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = items.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(
                ours, std,
                "a list of {n} should sort as the standard stable sort does"
            );
        }
    }
}
