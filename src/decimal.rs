//! Exact decimal numbers for figures: no float noise ever reaches the JSON.
//!
//! A value is `mantissa × 10^-scale` with an `i128` mantissa. Arithmetic that would overflow
//! yields `None`. A number too long to compute with (more than 38 digits) is kept *as written*
//! ([`Decimal::written`]): it serialises as a JSON string of its digits and takes part in no
//! arithmetic, so the figure is still reported and nothing panics.

use std::fmt;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// An exact decimal number, or the digits of one too long to compute with.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Decimal {
    repr: Repr,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Repr {
    Exact {
        mantissa: i128,
        scale: u32,
    },
    /// ASCII digits with at most one `.`, as written, too long for `i128`.
    Written(Arc<str>),
}

impl Default for Decimal {
    fn default() -> Self {
        Decimal::from_int(0)
    }
}

impl Decimal {
    /// `mantissa × 10^-scale`.
    pub const fn new(mantissa: i128, scale: u32) -> Self {
        Decimal {
            repr: Repr::Exact { mantissa, scale },
        }
    }

    /// An integer.
    pub const fn from_int(n: i128) -> Self {
        Decimal::new(n, 0)
    }

    /// A number kept as written because it is too long to compute with (`digits` are ASCII
    /// digits with at most one `.`).
    pub fn written(digits: &str) -> Self {
        Decimal {
            repr: Repr::Written(Arc::from(digits)),
        }
    }

    /// Whether this number is kept only as written (too long to compute with).
    pub fn is_written(&self) -> bool {
        matches!(self.repr, Repr::Written(_))
    }

    fn exact(&self) -> Option<(i128, u32)> {
        match self.repr {
            Repr::Exact { mantissa, scale } => Some((mantissa, scale)),
            Repr::Written(_) => None,
        }
    }

    /// Parses ASCII digits with at most one `.`; `None` when malformed or too long for `i128`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut mantissa: i128 = 0;
        let mut scale = 0u32;
        let mut seen_dot = false;
        let mut digits = 0;
        for b in s.bytes() {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa
                        .checked_mul(10)?
                        .checked_add(i128::from(b - b'0'))?;
                    digits += 1;
                    if seen_dot {
                        scale += 1;
                    }
                }
                b'.' if !seen_dot => seen_dot = true,
                _ => return None,
            }
        }
        (digits > 0).then(|| Decimal::new(mantissa, scale).normalized())
    }

    /// Drops trailing zeros after the point.
    pub fn normalized(self) -> Self {
        match self.repr {
            Repr::Exact {
                mut mantissa,
                mut scale,
            } => {
                while scale > 0 && mantissa % 10 == 0 {
                    mantissa /= 10;
                    scale -= 1;
                }
                Decimal::new(mantissa, scale)
            }
            Repr::Written(_) => self,
        }
    }

    fn aligned(&self, other: &Self) -> Option<(i128, i128, u32)> {
        let (ma, sa) = self.exact()?;
        let (mb, sb) = other.exact()?;
        let scale = sa.max(sb);
        let a = ma.checked_mul(10i128.checked_pow(scale - sa)?)?;
        let b = mb.checked_mul(10i128.checked_pow(scale - sb)?)?;
        Some((a, b, scale))
    }

    /// `self + other`, `None` on overflow.
    pub fn checked_add(&self, other: &Self) -> Option<Self> {
        let (a, b, scale) = self.aligned(other)?;
        Some(Decimal::new(a.checked_add(b)?, scale).normalized())
    }

    /// `self - other`, `None` on overflow.
    pub fn checked_sub(&self, other: &Self) -> Option<Self> {
        let (a, b, scale) = self.aligned(other)?;
        Some(Decimal::new(a.checked_sub(b)?, scale).normalized())
    }

    /// `self × other`, `None` on overflow.
    pub fn checked_mul(&self, other: &Self) -> Option<Self> {
        let (ma, sa) = self.exact()?;
        let (mb, sb) = other.exact()?;
        let scale = sa.checked_add(sb)?;
        Some(Decimal::new(ma.checked_mul(mb)?, scale).normalized())
    }

    /// `self × 10^exp`, `None` on overflow.
    pub fn checked_shift(&self, exp: u32) -> Option<Self> {
        let (m, scale) = self.exact()?;
        if exp <= scale {
            return Some(Decimal::new(m, scale - exp).normalized());
        }
        let m = m.checked_mul(10i128.checked_pow(exp - scale)?)?;
        Some(Decimal::new(m, 0))
    }

    /// `self ÷ 10^exp` (exact: only the scale grows), `None` on overflow.
    pub fn checked_unshift(&self, exp: u32) -> Option<Self> {
        let (m, scale) = self.exact()?;
        Some(Decimal::new(m, scale.checked_add(exp)?).normalized())
    }

    /// The value as a whole number of at most 64 bits, when it is one (no digits after the
    /// point, not below zero); read without writing the number out.
    pub fn as_whole(&self) -> Option<u64> {
        match self.exact()? {
            (m, 0) => u64::try_from(m).ok(),
            _ => None,
        }
    }

    /// Digits after the point (0 for a number kept as written).
    pub fn decimals(&self) -> u32 {
        self.exact().map_or(0, |(_, scale)| scale)
    }

    /// Whether this is below zero.
    pub fn is_negative(&self) -> bool {
        self.exact().is_some_and(|(m, _)| m < 0)
    }

    /// Whether this is zero.
    pub fn is_zero(&self) -> bool {
        self.exact().is_some_and(|(m, _)| m == 0)
    }

    /// Significant digits in the mantissa.
    fn significant_digits(&self) -> u32 {
        let Some((m, _)) = self.exact() else {
            return u32::MAX;
        };
        let mut m = m.unsigned_abs();
        let mut n = 0;
        while m > 0 {
            m /= 10;
            n += 1;
        }
        n.max(1)
    }

    /// The nearest `f64` (exact for up to 15 significant digits).
    pub fn to_f64(&self) -> f64 {
        self.to_string().parse().unwrap_or(f64::NAN)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match self.aligned(other) {
            Some((a, b, _)) => a.cmp(&b),
            // Only reachable with enormous scales or written numbers; compare as floats then.
            None => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (mantissa, scale) = match &self.repr {
            Repr::Exact { mantissa, scale } => (*mantissa, *scale as usize),
            Repr::Written(s) => return f.write_str(s),
        };
        let digits = mantissa.unsigned_abs().to_string();
        if mantissa < 0 {
            f.write_str("-")?;
        }
        if scale == 0 {
            return f.write_str(&digits);
        }
        if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            write!(f, "{int}.{frac}")
        } else {
            write!(f, "0.{}{digits}", "0".repeat(scale - digits.len()))
        }
    }
}

/// A number with at most 15 significant digits is written as a JSON number (its shortest
/// round-trip form is exactly these digits); a longer one as a string, so it is never rounded.
impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some((mantissa, scale)) = self.exact() {
            if self.significant_digits() <= 15 {
                if scale == 0 {
                    if let Ok(n) = i64::try_from(mantissa) {
                        return serializer.serialize_i64(n);
                    }
                }
                return serializer.serialize_f64(self.to_f64());
            }
        }
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_read_without_writing() {
        let long = "123456789012345678901234567890123456789012345";
        for (d, whole) in [
            (Decimal::from_int(0), Some(0)),
            (Decimal::from_int(12), Some(12)),
            (Decimal::from_int(i128::from(u64::MAX)), Some(u64::MAX)),
            (Decimal::from_int(i128::from(u64::MAX) + 1), None),
            (Decimal::new(15, 1), None),
            (Decimal::from_int(-3), None),
            (Decimal::written(long), None),
        ] {
            let text = d.to_string();
            assert_eq!(d.as_whole(), whole, "{text} as a whole number of 64 bits");
            assert_eq!(
                d.as_whole(),
                d.to_string().parse::<u64>().ok(),
                "{text}: the same as writing it out and reading it back"
            );
        }
    }

    #[test]
    fn scales_exactly() {
        let v = Decimal::parse("1588.75").and_then(|d| d.checked_shift(4));
        assert_eq!(
            v.map(|d| d.to_string()),
            Some("15887500".into()),
            "1588.75万 is 15887500 exactly"
        );
        let v = Decimal::parse("3.68").and_then(|d| d.checked_shift(12));
        assert_eq!(
            v.map(|d| d.to_string()),
            Some("3680000000000".into()),
            "3.68万亿 is exact"
        );
        let v = Decimal::parse("0.1").and_then(|a| a.checked_add(&Decimal::new(2, 1)));
        assert_eq!(
            v.map(|d| d.to_string()),
            Some("0.3".into()),
            "0.1 + 0.2 has no float noise"
        );
    }

    #[test]
    fn keeps_long_numbers_as_written() {
        let long = "9".repeat(60);
        assert!(
            Decimal::parse(&long).is_none(),
            "60 digits do not fit an i128"
        );
        let w = Decimal::written(&long);
        assert_eq!(
            serde_json::to_string(&w).ok(),
            Some(format!("\"{long}\"")),
            "written numbers serialise as strings"
        );
        assert!(
            w.checked_shift(4).is_none(),
            "a written number takes part in no arithmetic"
        );
    }
}
