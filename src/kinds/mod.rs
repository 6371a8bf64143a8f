//! Kinds of relation. Each kind lives in its own file and owns its whole
//! contract: its name, the roles of its members, the shapes (templates)
//! in which it finds them, and the arithmetic that judges them. Adding a
//! kind is a new file and one line in `KINDS`.
//!
//! A kind *proposes* candidate readings from the document's mentions;
//! the verdict stage then *evaluates* every reading of a stated figure
//! and decides what to report (see `crate::verdict`).

mod apa;
mod count;
mod enumeration;
mod granularity;
mod grim;
pub(crate) mod growth;
pub(crate) mod list;
mod multiple;
mod points;
mod quarters;
mod ratio;
mod repeat;
mod respectively;
mod restated;
mod revisions;
pub(crate) mod runs;
mod share_sum;
mod sum;
mod table_text;
mod tabular;
pub mod util;

use rust_decimal::Decimal;

use crate::doc::Document;
use crate::lexicon::{Lang, Lexicon};

/// How sure a proposer is that a reading is the one the text means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// One of several plausible readings: never reported on its own.
    Weak,
    /// The text says which figures relate (a whole named, a breakdown in
    /// brackets, a single candidate): reported when it fails.
    Strong,
}

/// Options a shape sets on its candidate for the arithmetic.
#[derive(Clone, Debug, Default)]
pub struct Params {
    /// What a ratio is out of (100 for a percent).
    pub scale: Option<Decimal>,
    /// The stated change is a fall printed without its sign.
    pub down: bool,
    /// Years a rate is averaged over (年均).
    pub years: u32,
    /// The parts of a sum are all of the total's parts.
    pub exhaustive: bool,
    /// A count the text says directly (items of a list, subjects).
    pub count: usize,
    /// The list may name only some of the things counted (等).
    pub open: bool,
    /// Another figure stated with the two is restated equal: they are one
    /// statement, whatever the gap between their values.
    pub anchored: bool,
    /// The text spells the parts out in one list (in brackets, after a
    /// colon, group by group): a few things miscounted are a slip.
    pub spelled_out: bool,
    /// The members are named by a definition of the lexicon (an
    /// identity): no gap makes them another reading.
    pub defined: bool,
    /// A share of a structure whose shares, each rounded to the nearest,
    /// already add up to 100: none needed a push to make them.
    pub unpushed: bool,
}

/// One reading of a stated figure: which figures play which role.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub kind: &'static str,
    pub shape: &'static str,
    pub lang: Lang,
    /// The figure the relation judges (a share, a total, a count).
    pub stated: usize,
    /// The other members, by role name.
    pub members: Vec<(&'static str, usize)>,
    /// A span of text that is a member (a list of items), with its role.
    pub list: Option<(&'static str, usize, usize)>,
    pub strength: Strength,
    /// Readings with the same kind and group are alternatives, judged
    /// together; the group is the stated figure unless a shape says
    /// otherwise (a breakdown's readings share its parts, whichever
    /// total each takes).
    pub group: u64,
    pub params: Params,
}

impl Candidate {
    pub fn new(kind: &'static str, shape: &'static str, lang: Lang, stated: usize) -> Candidate {
        Candidate {
            kind,
            shape,
            lang,
            stated,
            members: Vec::new(),
            list: None,
            strength: Strength::Weak,
            group: stated as u64,
            params: Params::default(),
        }
    }

    pub fn with(mut self, role: &'static str, figure: usize) -> Candidate {
        self.members.push((role, figure));
        self
    }

    pub fn strong(mut self) -> Candidate {
        self.strength = Strength::Strong;
        self
    }

    pub fn member(&self, role: &str) -> Option<usize> {
        self.members
            .iter()
            .find(|(r, _)| *r == role)
            .map(|&(_, i)| i)
    }

    pub fn all(&self, role: &str) -> Vec<usize> {
        self.members
            .iter()
            .filter(|(r, _)| *r == role)
            .map(|&(_, i)| i)
            .collect()
    }
}

/// The outcome of recomputing one reading.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub consistent: bool,
    /// What the stated figure should read at its printed precision.
    pub expected: String,
    /// The recomputation spelled out (`40479 / 44354 = 91.263…% → 91.26%`).
    pub note: String,
    pub message: String,
    /// What to say under the stated figure when it is off.
    pub primary_label: String,
    /// The text allows a reading under which the relation holds, if an
    /// unlikely one: reported as a warning at most.
    pub doubtful: bool,
}

/// What a kind sees while proposing.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub lexicon: &'a Lexicon,
}

/// A kind of relation.
pub trait RelationKind: Sync {
    /// The kind's name, the middle of its rule ids (`zh.ratio.named-whole`).
    fn name(&self) -> &'static str;
    /// What the kind checks, for `statlint rules`.
    fn describe(&self) -> &'static str;
    /// The shapes it proposes candidates in, each a template id's last part.
    fn shapes(&self) -> &'static [&'static str];
    /// The member the finding points at, by role name.
    fn primary_role(&self) -> &'static str {
        "stated"
    }
    /// Candidate readings found in a document.
    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>);
    /// Recomputes one reading; `None` when it cannot be decided.
    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict>;
}

/// Every kind statlint knows, one line each.
pub static KINDS: &[&dyn RelationKind] = &[
    &ratio::Ratio,
    &sum::Sum,
    &share_sum::ShareSum,
    &growth::Growth,
    &points::Points,
    &multiple::Multiple,
    &respectively::Respectively,
    &repeat::Repeat,
    &count::Count,
    &granularity::Granularity,
    &grim::Grim,
    &apa::Apa,
];

pub fn kind_named(name: &str) -> Option<&'static dyn RelationKind> {
    KINDS.iter().copied().find(|k| k.name() == name)
}
