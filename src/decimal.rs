//! Exact decimal numbers for figures: no float noise ever reaches the JSON.
//!
//! A value is `mantissa × 10^-scale` with an `i128` mantissa. Arithmetic that would overflow
//! yields `None`; callers keep the figure and report the number as written instead.

use std::fmt;

use serde::{Serialize, Serializer};

/// An exact decimal number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

impl Decimal {
    /// `mantissa × 10^-scale`.
    pub const fn new(mantissa: i128, scale: u32) -> Self {
        Decimal { mantissa, scale }
    }

    /// An integer.
    pub const fn from_int(n: i128) -> Self {
        Decimal { mantissa: n, scale: 0 }
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
                    mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
                    digits += 1;
                    if seen_dot {
                        scale += 1;
                    }
                }
                b'.' if !seen_dot => seen_dot = true,
                _ => return None,
            }
        }
        (digits > 0).then(|| Decimal { mantissa, scale }.normalized())
    }

    /// Drops trailing zeros after the point.
    pub fn normalized(mut self) -> Self {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    fn aligned(self, other: Self) -> Option<(i128, i128, u32)> {
        let scale = self.scale.max(other.scale);
        let a = self.mantissa.checked_mul(10i128.checked_pow(scale - self.scale)?)?;
        let b = other.mantissa.checked_mul(10i128.checked_pow(scale - other.scale)?)?;
        Some((a, b, scale))
    }

    /// `self + other`, `None` on overflow.
    pub fn checked_add(self, other: Self) -> Option<Self> {
        let (a, b, scale) = self.aligned(other)?;
        Some(Decimal::new(a.checked_add(b)?, scale).normalized())
    }

    /// `self - other`, `None` on overflow.
    pub fn checked_sub(self, other: Self) -> Option<Self> {
        let (a, b, scale) = self.aligned(other)?;
        Some(Decimal::new(a.checked_sub(b)?, scale).normalized())
    }

    /// `self × other`, `None` on overflow.
    pub fn checked_mul(self, other: Self) -> Option<Self> {
        let scale = self.scale.checked_add(other.scale)?;
        Some(Decimal::new(self.mantissa.checked_mul(other.mantissa)?, scale).normalized())
    }

    /// `self × 10^exp`, `None` on overflow.
    pub fn checked_shift(self, exp: u32) -> Option<Self> {
        if exp <= self.scale {
            return Some(Decimal::new(self.mantissa, self.scale - exp).normalized());
        }
        let m = self.mantissa.checked_mul(10i128.checked_pow(exp - self.scale)?)?;
        Some(Decimal::new(m, 0))
    }

    /// Whether this is zero.
    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// Significant digits in the mantissa.
    fn significant_digits(self) -> u32 {
        let mut m = self.mantissa.unsigned_abs();
        let mut n = 0;
        while m > 0 {
            m /= 10;
            n += 1;
        }
        n.max(1)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match self.aligned(*other) {
            Some((a, b, _)) => a.cmp(&b),
            // Only reachable with enormous scales; compare as floats then.
            None => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

impl Decimal {
    /// The nearest `f64` (exact for up to 15 significant digits).
    pub fn to_f64(self) -> f64 {
        self.to_string().parse().unwrap_or(f64::NAN)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let neg = self.mantissa < 0;
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = self.scale as usize;
        if neg {
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
        if self.significant_digits() <= 15 {
            if self.scale == 0 {
                if let Ok(n) = i64::try_from(self.mantissa) {
                    return serializer.serialize_i64(n);
                }
            }
            serializer.serialize_f64(self.to_f64())
        } else {
            serializer.collect_str(self)
        }
    }
}
