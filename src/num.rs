//! Exact decimals and the interval a rounded figure stands for.
//!
//! A stated figure such as `91.26%` is not the number 91.26 but any true
//! value that rounds to it: [91.255, 91.265]. Every check works on these
//! intervals, so that no rounding the author could have used is flagged.

use rust_decimal::prelude::*;
use rust_decimal::Decimal;

/// A closed interval of exact decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

impl Interval {
    pub fn new(lo: Decimal, hi: Decimal) -> Self {
        Interval { lo, hi }
    }

    /// The values that round to `value` when its half-unit is `half`.
    /// Saturating at the decimal type's bounds: no figure in a report is
    /// near them, but any input must lint without a panic.
    pub fn around(value: Decimal, half: Decimal) -> Self {
        Interval {
            lo: value.saturating_sub(half),
            hi: value.saturating_add(half),
        }
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    /// `self / other`, or `None` when the divisor may be zero or the
    /// arithmetic overflows. Both operands are taken to be non-negative.
    pub fn div(&self, other: &Interval) -> Option<Interval> {
        if other.lo <= Decimal::ZERO || self.lo < Decimal::ZERO {
            return None;
        }
        Some(Interval {
            lo: self.lo.checked_div(other.hi)?,
            hi: self.hi.checked_div(other.lo)?,
        })
    }

    pub fn scale(&self, factor: Decimal) -> Option<Interval> {
        Some(Interval {
            lo: self.lo.checked_mul(factor)?,
            hi: self.hi.checked_mul(factor)?,
        })
    }

    /// `-self`: a fall printed without its sign ("下降 7.2%") as −7.2.
    pub fn negate(&self) -> Interval {
        Interval {
            lo: -self.hi,
            hi: -self.lo,
        }
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(&self, other: &Interval) -> Option<Interval> {
        Some(Interval {
            lo: self.lo.checked_add(other.lo)?,
            hi: self.hi.checked_add(other.hi)?,
        })
    }

    /// `self − other`: every difference of a value in each.
    pub fn sub(&self, other: &Interval) -> Interval {
        Interval {
            lo: self.lo.saturating_sub(other.hi),
            hi: self.hi.saturating_sub(other.lo),
        }
    }

    pub fn midpoint(&self) -> Decimal {
        match self.lo.checked_add(self.hi) {
            Some(sum) => sum / Decimal::TWO,
            // Halves first near the type's bounds.
            None => self.lo / Decimal::TWO + self.hi / Decimal::TWO,
        }
    }
}

/// The values an author may have printed as `value` when `decimals`
/// places were kept by any common rounding: to nearest (±half a unit) or
/// pushed by one unit so that a structure adds up to 100, or cut off
/// (truncated). Used for shares and rates, never for counts.
pub fn loosely(value: Decimal, decimals: u32) -> Interval {
    let unit = Decimal::new(1, decimals.min(MAX_SCALE));
    Interval::around(value, unit)
}

/// Half a unit of the last printed digit: 0.005 for two decimals,
/// times the multiplier (54.6万 → 500).
pub fn half_unit(decimals: u32, multiplier: Decimal) -> Decimal {
    Decimal::new(5, (decimals + 1).min(MAX_SCALE))
        .checked_mul(multiplier)
        .unwrap_or(Decimal::MAX)
}

/// The most decimal places a `Decimal` holds.
const MAX_SCALE: u32 = 28;

/// Rounds half away from zero to `decimals` places, as report authors do.
pub fn round_to(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// Formats `value` with exactly `decimals` places.
pub fn format_fixed(value: Decimal, decimals: u32) -> String {
    let rounded = round_to(value, decimals);
    format!("{:.*}", decimals as usize, rounded)
}

/// Formats a computed value with a few significant decimals and an
/// ellipsis when it was cut short: `91.263…`.
pub fn format_computed(value: Decimal, decimals: u32) -> String {
    let shown = decimals + 1;
    let rounded = value.round_dp_with_strategy(shown, RoundingStrategy::ToZero);
    if rounded == value.normalize() || rounded == value {
        format!("{:.*}", shown as usize, rounded)
    } else {
        format!("{:.*}…", shown as usize, rounded)
    }
}

/// The decimal whose integer and fraction digits are given (ASCII or
/// full-width; other characters, such as separators, are skipped), with
/// the number of fraction digits. Built from the digits, without a string:
/// the lexer does this for every figure. Figures too long for an exact
/// decimal (more than 28 digits) give `None`.
pub fn decimal_of_digits(
    int_digits: impl Iterator<Item = char>,
    frac_digits: impl Iterator<Item = char>,
) -> Option<(Decimal, u32)> {
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    };
    let mut mantissa: i128 = 0;
    let mut count = 0u32;
    let mut scale = 0u32;
    let fraction = frac_digits.filter_map(digit).map(|d| (d, true));
    for (d, in_fraction) in int_digits
        .filter_map(digit)
        .map(|d| (d, false))
        .chain(fraction)
    {
        count += 1;
        scale += u32::from(in_fraction);
        if count > 28 {
            return None;
        }
        mantissa = mantissa * 10 + i128::from(d);
    }
    Some((
        Decimal::try_from_i128_with_scale(mantissa, scale).ok()?,
        scale,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_decimal(int_digits: &str, frac_digits: &str) -> Option<Decimal> {
        decimal_of_digits(int_digits.chars(), frac_digits.chars()).map(|(value, _)| value)
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn half_unit_follows_last_digit_and_multiplier() {
        assert_eq!(half_unit(2, Decimal::ONE), d("0.005"));
        assert_eq!(half_unit(1, Decimal::from(10_000)), d("500"));
        assert_eq!(half_unit(0, Decimal::ONE), d("0.5"));
        // Past what a decimal holds: the finest unit, no panic.
        assert_eq!(half_unit(40, Decimal::ONE), Decimal::new(5, 28));
    }

    #[test]
    fn division_of_intervals_bounds_every_quotient() {
        let part = Interval::around(d("40479"), Decimal::ZERO);
        let whole = Interval::around(d("44354"), Decimal::ZERO);
        let q = part
            .div(&whole)
            .unwrap()
            .scale(Decimal::ONE_HUNDRED)
            .unwrap();
        assert!(q.overlaps(&Interval::around(d("91.26"), d("0.005"))));
        assert!(!q.overlaps(&Interval::around(d("92.26"), d("0.005"))));
    }

    #[test]
    fn bounds_of_the_decimal_type_saturate_instead_of_panicking() {
        let big = Interval::around(Decimal::MAX, Decimal::ONE);
        assert_eq!(big.hi, Decimal::MAX);
        assert_eq!(
            big.midpoint(),
            Decimal::MAX / Decimal::TWO + (Decimal::MAX - Decimal::ONE) / Decimal::TWO
        );
        assert_eq!(big.sub(&big.negate()).hi, Decimal::MAX);
    }

    #[test]
    fn division_by_an_interval_touching_zero_is_refused() {
        let part = Interval::around(d("1"), Decimal::ZERO);
        let whole = Interval::around(d("0"), d("0.5"));
        assert!(part.div(&whole).is_none());
    }

    #[test]
    fn too_many_digits_is_not_a_decimal() {
        assert!(parse_decimal(&"9".repeat(40), "").is_none());
        assert_eq!(parse_decimal("12", "50"), Some(d("12.50")));
        assert_eq!(parse_decimal("", "05"), Some(d("0.05")));
        assert_eq!(parse_decimal("００７", ""), Some(d("7")));
        // The scale is the fraction's: 12.50 keeps its two places.
        assert_eq!(parse_decimal("12", "50").map(|v| v.scale()), Some(2));
        assert!(parse_decimal(&"9".repeat(20), &"9".repeat(9)).is_none());
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(format_fixed(d("91.265"), 2), "91.27");
        assert_eq!(format_fixed(d("0.125"), 2), "0.13");
    }

    #[test]
    fn computed_values_show_an_ellipsis_when_cut() {
        assert_eq!(format_computed(d("91.26307"), 2), "91.263…");
        assert_eq!(format_computed(d("50"), 1), "50.00");
    }
}
