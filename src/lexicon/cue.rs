//! Cue roles: what a lexicon word says about the figures around it.

/// The role a cue word gives. Names are the keys of `cues:` in a lexicon
/// file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cue {
    /// A part of a whole: 占, accounted for, make up.
    Share,
    /// A noun for a share: 比重, 占比, 比例, share, proportion.
    ShareNoun,
    /// A rise: 增长, 提高, rose, up.
    Up,
    /// A fall: 下降, 减少, fell, down.
    Down,
    /// A noun for a rate of growth, the figure after it is one: 增速, 增幅.
    GrowthNoun,
    /// A noun for a rate of fall: 降幅.
    FallNoun,
    /// A comparison with an earlier period: 比上年, 同比, year-on-year.
    Base,
    /// The earlier period itself: 上年, 去年, last year, a year earlier.
    Prior,
    /// The start of a change: 由, 从, from.
    From,
    /// The end of a change: 增加到, 降至, to.
    To,
    /// A comparison with another figure: 比, compared with, versus.
    Versus,
    /// Higher than another figure: 高于, 快于, higher than.
    Higher,
    /// Lower than another figure: 低于, 慢于, lower than.
    Lower,
    /// A total: 合计, 共, 总计, total, in all.
    Total,
    /// What follows is a subset of what came before: 其中, of which.
    Subset,
    /// The parts listed make the whole: 分为, 由…组成, comprising.
    Exhaustive,
    /// The parts listed are some of many: 主要, 等, such as.
    Partial,
    /// The rest: 其余, 其他, the remaining, other.
    Remainder,
    /// Left out of a sample: excluded, dropped out, 失访.
    Dropout,
    /// What a sample keeps after its exclusions: leaving, remaining, 最终纳入.
    Leaving,
    /// A label that leaves something out names a subset: 除汽车以外,
    /// 不含, excluding.
    Exclude,
    /// A goal, not an outcome: 目标, 预期, target, forecast.
    Target,
    /// At constant prices: 按可比价格, 实际, real, in real terms.
    Real,
    /// At current prices: 现价, 名义, nominal.
    Nominal,
    /// On another base than the printed one: 可比口径, like-for-like.
    Comparable,
    /// Values paired in order with subjects: 分别, respectively.
    Respectively,
    /// One value for every subject: 各, each.
    Each,
    /// An interval or dispersion, not a breakdown: 置信区间, CI, IQR, ±.
    Interval,
    /// An average over several periods: 两年平均, two-year average.
    MultiYear,
    /// An average rate per year: 年均, average annual.
    PerYear,
    /// A link between a label and its figure: 为, 达到, was, totalled.
    Copula,
    /// A verb of reporting between who reports and what is counted
    /// (`各省报告新增确诊病例92例`): the label starts after it.
    Report,
    /// Words naming the place or period a label applies to, dropped when
    /// labels are compared: 全县, 全年, 年末.
    Scope,
    /// `of` after a percentage: the whole follows.
    Of,
    /// `, or`: the same quantity restated (`$438.8 million, or 54.0%`).
    Or,
    /// A word that contains a cue but is none (增加值, 公共): it hides
    /// the cue inside it.
    Mask,
}

impl Cue {
    pub const ALL: &'static [Cue] = &[
        Cue::Share,
        Cue::ShareNoun,
        Cue::Up,
        Cue::Down,
        Cue::GrowthNoun,
        Cue::FallNoun,
        Cue::Base,
        Cue::Prior,
        Cue::From,
        Cue::To,
        Cue::Versus,
        Cue::Higher,
        Cue::Lower,
        Cue::Total,
        Cue::Subset,
        Cue::Exhaustive,
        Cue::Partial,
        Cue::Remainder,
        Cue::Dropout,
        Cue::Leaving,
        Cue::Exclude,
        Cue::Target,
        Cue::Real,
        Cue::Nominal,
        Cue::Comparable,
        Cue::Respectively,
        Cue::Each,
        Cue::Interval,
        Cue::MultiYear,
        Cue::PerYear,
        Cue::Copula,
        Cue::Report,
        Cue::Scope,
        Cue::Of,
        Cue::Or,
        Cue::Mask,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Cue::Share => "share",
            Cue::ShareNoun => "share_noun",
            Cue::Up => "up",
            Cue::Down => "down",
            Cue::GrowthNoun => "growth_noun",
            Cue::FallNoun => "fall_noun",
            Cue::Base => "base",
            Cue::Prior => "prior",
            Cue::From => "from",
            Cue::To => "to",
            Cue::Versus => "versus",
            Cue::Higher => "higher",
            Cue::Lower => "lower",
            Cue::Total => "total",
            Cue::Subset => "subset",
            Cue::Exhaustive => "exhaustive",
            Cue::Partial => "partial",
            Cue::Remainder => "remainder",
            Cue::Dropout => "dropout",
            Cue::Leaving => "leaving",
            Cue::Exclude => "exclude",
            Cue::Target => "target",
            Cue::Real => "real",
            Cue::Nominal => "nominal",
            Cue::Comparable => "comparable",
            Cue::Respectively => "respectively",
            Cue::Each => "each",
            Cue::Interval => "interval",
            Cue::MultiYear => "multi_year",
            Cue::PerYear => "per_year",
            Cue::Copula => "copula",
            Cue::Report => "report",
            Cue::Scope => "scope",
            Cue::Of => "of",
            Cue::Or => "or",
            Cue::Mask => "mask",
        }
    }

    pub fn from_name(name: &str) -> Option<Cue> {
        Cue::ALL.iter().copied().find(|c| c.name() == name)
    }

    /// Does this cue make the figure after it a change?
    pub fn is_change(self) -> bool {
        matches!(self, Cue::Up | Cue::Down | Cue::GrowthNoun | Cue::FallNoun)
    }
}

/// One cue word found in a text: its byte range and role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueHit {
    pub start: usize,
    pub end: usize,
    pub cue: Cue,
}
