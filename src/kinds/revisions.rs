//! Revisions of earlier estimates and their net effect: `The change for
//! November was revised down by 72,000, …, and the change for December
//! was revised down by 87,000, … With these revisions, employment in
//! November and December combined was 159,000 lower than previously
//! reported.` The net move is the sum of the revisions the paragraph
//! states before it, each an amount (`revised down by 72,000`) or a move
//! between two levels (`revised from +129,000 to +144,000`).

use super::Candidate;
use crate::doc::Document;
use crate::lex::{Kind, Level};
use crate::lexicon::Lang;

/// The words after a net move that make it one (`… 159,000 lower than
/// previously reported`), with the way it went.
const NET_MOVES: &[(&str, bool)] = &[
    ("higher than previously reported", true),
    ("lower than previously reported", false),
];

/// One revision: an amount, or a move from one level to another.
enum Revision {
    By { amount: usize, up: bool },
    FromTo { from: usize, to: usize },
}

pub fn propose(doc: &Document, out: &mut Vec<Candidate>) {
    for t in 0..doc.figures.len() {
        let q = &doc.figures[t];
        if doc.mentions[t].lang != Lang::En || q.kind != Kind::Number || !q.is_operand() {
            continue;
        }
        // (Read from the digits: `lower` may be taken for the count's noun.)
        let after = doc.folded[q.end..].trim_start();
        let Some(&(_, higher)) = NET_MOVES.iter().find(|(w, _)| {
            after
                .get(..w.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(w))
        }) else {
            continue;
        };
        // The revisions: the paragraph's text before the net move's
        // sentence, read from each `revised`.
        let sentence = doc.segment_start(Level::Sentence, q.start);
        let paragraph = doc.segment_start(Level::Paragraph, q.start);
        let from = doc
            .folded
            .floor_char_boundary(sentence.saturating_sub(600))
            .max(paragraph);
        let text = &doc.folded[from..sentence];
        let revisions: Vec<Revision> = text
            .match_indices("revised ")
            .filter_map(|(k, w)| revision(doc, from + k + w.len()))
            .collect();
        if revisions.len() < 2 {
            continue;
        }
        // The net move's sign: a lower total is the revisions' sum
        // negated, so every member changes side.
        let mut c = Candidate::new(super::sum::NAME, "revisions", Lang::En, t).strong();
        for r in &revisions {
            c = match *r {
                Revision::By { amount, up } => {
                    c.with(if up == higher { "part" } else { "minus" }, amount)
                }
                Revision::FromTo { from, to } => {
                    let (plus, less) = if higher { (to, from) } else { (from, to) };
                    c.with("part", plus).with("minus", less)
                }
            };
        }
        // (The net move is the revisions' sum by definition: however far
        // the stated one is, it is the one that is wrong.)
        c.params.exhaustive = true;
        c.params.defined = true;
        out.push(c);
    }
}

/// The revision stated after `revised ` at byte `at`: `down by 72,000`,
/// `up by 15,000`, or `from +129,000 to +144,000`.
fn revision(doc: &Document, at: usize) -> Option<Revision> {
    let rest = doc.folded.get(at..)?;
    let next = doc.figures.partition_point(|f| f.start < at);
    let figure = |k: usize| {
        doc.figures
            .get(k)
            .filter(|f| f.kind == Kind::Number && f.is_operand())
            .map(|_| k)
    };
    let lower = |w: &str| {
        rest.get(..w.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(w))
    };
    let close = |k: usize, gap: usize| doc.figures.get(k).is_some_and(|f| f.start <= at + gap);
    if lower("down by ") || lower("up by ") {
        let amount = figure(next).filter(|&k| close(k, 10))?;
        return Some(Revision::By {
            amount,
            up: lower("up by "),
        });
    }
    if lower("from ") {
        let (a, b) = (figure(next)?, figure(next + 1)?);
        let between = doc
            .folded
            .get(doc.figures[a].unit_end.max(doc.figures[a].end)..doc.figures[b].start)?;
        if close(a, 8) && between.trim().eq_ignore_ascii_case("to") {
            return Some(Revision::FromTo { from: a, to: b });
        }
    }
    None
}
