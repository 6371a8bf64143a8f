//! What the lexer knows about one stated figure.

use rust_decimal::Decimal;

use crate::num::Interval;

/// What a figure measures; years, dates and ordinals are never operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A count or an amount: 44354人, 1291.92亿元, 16,367 cases.
    Number,
    Percent,
    Permille,
    /// Percentage points: 0.7个百分点, 1.4 percentage points.
    Points,
    /// 2.5倍, 3 times.
    Multiple,
    /// 第6位, 第 1剂.
    Ordinal,
    /// 2022年, 7月, 27日, 24时, a year in English prose.
    Date,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Percent => "percent",
            Kind::Permille => "permille",
            Kind::Points => "points",
            Kind::Multiple => "multiple",
            Kind::Ordinal => "ordinal",
            Kind::Date => "date",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "number" => Kind::Number,
            "percent" => Kind::Percent,
            "permille" => Kind::Permille,
            "points" => Kind::Points,
            "multiple" => Kind::Multiple,
            "ordinal" => Kind::Ordinal,
            "date" => Kind::Date,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug)]
pub struct Quantity {
    /// The exact value, multiplier applied (54.6万 → 546000; 91.26% → 91.26).
    pub value: Decimal,
    /// Half a unit of the last printed digit; zero for an exact count.
    pub half: Decimal,
    /// Digits printed after the decimal point.
    pub decimals: u32,
    /// The multiplier written after the digits (万 → 10000), 1 without one.
    pub multiplier: Decimal,
    pub kind: Kind,
    /// The unit word after the figure, multiplier removed (人, 元, cases).
    pub unit: String,
    /// Marked as approximate or as a bound (约, 多, 以上, about, over).
    pub approx: bool,
    /// One end of a range (3~11岁, 2004-2005, 10–15%).
    pub in_range: bool,
    /// Written in words (三家, nine articles).
    pub in_words: bool,
    /// View byte range of the figure: sign, digits, multiplier, % sign.
    pub start: usize,
    pub end: usize,
    /// View offset just after the unit word (equal to `end` without one).
    pub unit_end: usize,
    pub clause: usize,
    pub sentence: usize,
    pub paragraph: usize,
}

impl Quantity {
    pub fn interval(&self) -> Interval {
        Interval::around(self.value, self.half)
    }

    /// Can this figure be an operand of arithmetic?
    pub fn is_operand(&self) -> bool {
        !self.approx && !self.in_range && !matches!(self.kind, Kind::Ordinal | Kind::Date)
    }
}
