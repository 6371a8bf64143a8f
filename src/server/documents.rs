//! The documents the client has open: their text as the editor holds it
//! (saved or not), their version, and the last report on them.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use lsp_types::Uri;

use super::setup::Setup;
use crate::source::Format;
use crate::FileReport;

pub struct Document {
    pub uri: Uri,
    /// The file behind it; `None` for an unsaved buffer.
    pub path: Option<PathBuf>,
    pub format: Format,
    pub text: String,
    pub version: i32,
    /// When it is to be linted, after a change (debounced).
    pub due: Option<Instant>,
    /// The report on `text` as it is now; `None` while a lint is due.
    pub report: Option<FileReport>,
    /// What linted it (its rules and lexicon, for hover and actions).
    pub setup: Option<Arc<Setup>>,
}

impl Document {
    pub fn new(uri: Uri, language_id: &str, text: String, version: i32) -> Document {
        let path = crate::uri::to_path(uri.as_str());
        let format = match &path {
            Some(p) if Format::of_path(p) != Format::Text => Format::of_path(p),
            // An unsaved buffer, or a file with an extension that says
            // nothing: the editor's language says what it is.
            _ => match language_id {
                "markdown" => Format::Markdown,
                "html" => Format::Html,
                _ => Format::Text,
            },
        };
        Document {
            uri,
            path,
            format,
            text,
            version,
            due: None,
            report: None,
            setup: None,
        }
    }

    /// The name findings and settings use: the path, or the URI.
    pub fn name(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| self.uri.as_str().to_owned(), |p| p.display().to_string())
    }
}

/// Open documents by URI.
#[derive(Default)]
pub struct Documents {
    by_uri: HashMap<String, Document>,
}

impl Documents {
    pub fn open(&mut self, doc: Document) {
        self.by_uri.insert(doc.uri.as_str().to_owned(), doc);
    }

    pub fn close(&mut self, uri: &Uri) -> Option<Document> {
        self.by_uri.remove(uri.as_str())
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.by_uri.get(uri.as_str())
    }

    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut Document> {
        self.by_uri.get_mut(uri.as_str())
    }

    pub fn uris(&self) -> Vec<Uri> {
        self.by_uri.values().map(|d| d.uri.clone()).collect()
    }

    /// The documents due by `now`, and the next time one falls due.
    pub fn due(&self, now: Instant) -> (Vec<Uri>, Option<Instant>) {
        let mut ready = Vec::new();
        let mut next: Option<Instant> = None;
        for doc in self.by_uri.values() {
            match doc.due {
                Some(at) if at <= now => ready.push(doc.uri.clone()),
                Some(at) => next = Some(next.map_or(at, |n| n.min(at))),
                None => {}
            }
        }
        (ready, next)
    }
}
