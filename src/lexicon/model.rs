//! The YAML form of a lexicon, as serde reads it.
//!
//! A lexicon file holds the language knowledge statlint reads relations
//! with: cue words by role, label aliases, complementary sets (parts that
//! together make a whole), rate nouns defined as a part over a whole, and
//! identities between labelled figures. Every list is plain words; `…`
//! in a label pattern stands for any words between.

use serde::Deserialize;
use serde_saphyr::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconSpec {
    /// The language the words are in: zh or en.
    pub language: Spanned<String>,
    /// Cue words by role (`share: [占, 比重]`).
    #[serde(default)]
    pub cues: CuesSpec,
    /// Names of one quantity (`[地区生产总值, 生产总值, GDP]`).
    #[serde(default)]
    pub aliases: Vec<Vec<String>>,
    /// Qualifiers that split a quantity into parts that make it whole
    /// (城镇 and 乡村 of 人口).
    #[serde(default)]
    pub sets: Vec<SetSpec>,
    /// Rate nouns that are one labelled figure over another.
    #[serde(default)]
    pub rates: Vec<RateSpec>,
    /// Sums and differences between labelled figures that hold by
    /// definition (累计确诊 = 现有确诊 + 累计治愈 + 累计死亡).
    #[serde(default)]
    pub identities: Vec<IdentitySpec>,
    /// Labels whose growth is real (at constant prices) while their
    /// values are nominal: the rate is never recomputed from the values.
    #[serde(default)]
    pub real_growth: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetSpec {
    /// Words that name the set itself (三次产业): a structure `a:b:c`
    /// after them gives each part's share.
    #[serde(default)]
    pub names: Vec<String>,
    /// The qualifiers, one per part (`[城镇, 乡村]`).
    pub parts: Vec<String>,
    /// Labels of the whole when it is not the parts' label without the
    /// qualifier (the three industries' 增加值 add up to 生产总值).
    #[serde(default)]
    pub whole: Vec<String>,
    /// The words a part's label must end with for `whole` to apply
    /// (`增加值`).
    #[serde(default)]
    pub head: Option<String>,
    /// The word that takes the qualifier's place in the whole's label
    /// (夏粮产量 and 秋粮产量 make 粮食产量; 夏粮 and 秋粮 areas make 粮食播种
    /// 面积): the whole's label starts with it and ends like the parts'.
    #[serde(default)]
    pub stem: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateSpec {
    /// The rate's names (`[城镇化率]`).
    pub names: Vec<String>,
    /// Label patterns of the part; empty: the figure the rate follows.
    #[serde(default)]
    pub part: Vec<String>,
    /// Label patterns of the whole.
    pub whole: Vec<String>,
    /// What the rate is out of: 100 for a percent (default), 1 for a
    /// plain ratio.
    #[serde(default)]
    pub scale: Option<u32>,
    /// Authors compute the rate from more than one operand the patterns
    /// name (净利率 on net profit or on the part owned by shareholders):
    /// a reading that holds confirms it, one that fails is not reported.
    #[serde(default)]
    pub loose: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentitySpec {
    /// The label pattern of the result.
    pub total: String,
    /// Label patterns of the terms added to make it.
    #[serde(default)]
    pub plus: Vec<String>,
    /// Label patterns of the terms taken away.
    #[serde(default)]
    pub minus: Vec<String>,
}

/// Declares the cue roles once: the YAML keys, and the list of (role,
/// words) the builder reads.
macro_rules! cue_roles {
    ($($field:ident => $cue:ident),* $(,)?) => {
        /// Cue words by role; an unknown role is an error at its place.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct CuesSpec {
            $(#[serde(default)] pub $field: Vec<String>,)*
        }

        impl CuesSpec {
            /// Each role with its words.
            pub fn by_role(&self) -> Vec<(super::Cue, &[String])> {
                vec![$((super::Cue::$cue, self.$field.as_slice()),)*]
            }
        }
    };
}

cue_roles! {
    share => Share,
    share_noun => ShareNoun,
    up => Up,
    down => Down,
    growth_noun => GrowthNoun,
    fall_noun => FallNoun,
    base => Base,
    prior => Prior,
    from => From,
    to => To,
    versus => Versus,
    higher => Higher,
    lower => Lower,
    total => Total,
    subset => Subset,
    exhaustive => Exhaustive,
    partial => Partial,
    remainder => Remainder,
    dropout => Dropout,
    leaving => Leaving,
    exclude => Exclude,
    target => Target,
    real => Real,
    nominal => Nominal,
    comparable => Comparable,
    respectively => Respectively,
    each => Each,
    interval => Interval,
    multi_year => MultiYear,
    per_year => PerYear,
    copula => Copula,
    report => Report,
    scope => Scope,
    of => Of,
    or => Or,
    mask => Mask,
}
