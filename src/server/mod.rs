//! `statlint server`: a language server on standard input and output.
//!
//! Documents are linted when opened or saved and, while they are edited,
//! once the typing pauses (debounced). Each diagnostic names its rule,
//! links to the rule's page and points at the figures it was recomputed
//! from; hover shows how a figure was read or recomputed; a code action
//! writes the expected figure or suppresses the rule on the line. The
//! nearest settings file applies, read again before each lint.
//!
//! One thread does it all: linting a report takes milliseconds, and a
//! request that needs a document's report lints it first if it is due.

mod actions;
mod diagnostics;
mod documents;
mod encoding;
mod hover;
mod setup;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern,
    HoverParams, HoverProviderCapability, InitializeParams, InitializeResult, MessageType,
    PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions, ServerCapabilities,
    ServerInfo, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use serde::Deserialize;

use documents::{Document, Documents};
use encoding::{Encoding, Lines};
use setup::Setups;

/// What the client may set in `initializationOptions`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Options {
    /// Milliseconds without a change before an edited document is linted
    /// (default 250).
    debounce_ms: Option<u64>,
    /// A URL with `{rule}` that rule codes link to, instead of the rule
    /// pages the server writes to its cache folder.
    rule_docs_url: Option<String>,
}

/// Serves on standard input and output until the client says exit.
pub fn run() -> anyhow::Result<()> {
    let (connection, io) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    io.join()?;
    Ok(())
}

/// Serves on `connection`: the handshake, then requests and
/// notifications until shutdown.
pub fn serve(connection: &Connection) -> anyhow::Result<()> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = Encoding::negotiate(&params.capabilities);
    let options: Options = params
        .initialization_options
        .clone()
        .and_then(|o| serde_json::from_value(o).ok())
        .unwrap_or_default();
    let result = InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "statlint".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    let mut server = Server {
        connection,
        encoding,
        debounce: Duration::from_millis(options.debounce_ms.unwrap_or(250)),
        documents: Documents::default(),
        setups: Setups::new(workspace_root(&params), options.rule_docs_url),
        shown_errors: Vec::new(),
    };
    server.watch_settings(&params);
    server.main_loop()
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// The first workspace folder, else the root URI, else the current
/// folder: where an unsaved buffer's settings are looked for.
#[allow(deprecated)] // root_uri: older clients send only it.
fn workspace_root(params: &InitializeParams) -> PathBuf {
    params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.as_str().to_owned())
        .or_else(|| params.root_uri.as_ref().map(|u| u.as_str().to_owned()))
        .and_then(|u| crate::uri::to_path(&u))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

struct Server<'c> {
    connection: &'c Connection,
    encoding: Encoding,
    debounce: Duration,
    documents: Documents,
    setups: Setups,
    /// Settings errors already shown (each once).
    shown_errors: Vec<String>,
}

impl Server<'_> {
    fn main_loop(&mut self) -> anyhow::Result<()> {
        loop {
            let (ready, next) = self.documents.due(Instant::now());
            for uri in ready {
                self.lint(&uri);
            }
            let message = match next {
                Some(at) => {
                    let wait = at.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(m) => m,
                        Err(e) if e.is_timeout() => continue,
                        Err(_) => return Ok(()),
                    }
                }
                None => match self.connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ok(()),
                },
            };
            match message {
                Message::Request(request) => {
                    if self.connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    self.request(request)?;
                }
                Message::Notification(n) => self.notification(n),
                // Replies to our registration request: nothing to do.
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, message: Message) {
        // The client has gone: the loop ends when its channel closes.
        let _ = self.connection.sender.send(message);
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Message::Notification(Notification::new(
            N::METHOD.to_owned(),
            params,
        )));
    }

    fn request(&mut self, request: Request) -> anyhow::Result<()> {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            req::HoverRequest::METHOD => parse::<HoverParams>(request.params)
                .map(|p| serde_json::to_value(self.hover(&p)).unwrap_or_default()),
            req::CodeActionRequest::METHOD => parse::<CodeActionParams>(request.params)
                .map(|p| serde_json::to_value(self.code_actions(&p)).unwrap_or_default()),
            method => Err((
                ErrorCode::MethodNotFound,
                format!("statlint does not serve {method}"),
            )),
        };
        self.send(Message::Response(match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }));
        Ok(())
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let d = p.text_document;
                    let uri = d.uri.clone();
                    self.documents
                        .open(Document::new(d.uri, &d.language_id, d.text, d.version));
                    self.lint(&uri);
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    let due = Instant::now() + self.debounce;
                    if let Some(doc) = self.documents.get_mut(&p.text_document.uri) {
                        // Full sync: the last change is the whole text.
                        if let Some(change) = p.content_changes.into_iter().last() {
                            doc.text = change.text;
                        }
                        doc.version = p.text_document.version;
                        doc.report = None;
                        doc.due = Some(due);
                    }
                }
            }
            note::DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    if is_settings_file(&uri) {
                        self.reload();
                    } else {
                        self.lint(&uri);
                    }
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    self.documents.close(&p.text_document.uri);
                    self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            note::DidChangeWatchedFiles::METHOD | note::DidChangeConfiguration::METHOD => {
                self.reload();
            }
            _ => {}
        }
    }

    /// Settings or rule files changed: rebuild the linters, lint again.
    fn reload(&mut self) {
        self.setups.clear();
        self.shown_errors.clear();
        for uri in self.documents.uris() {
            self.lint(&uri);
        }
    }

    /// Asks the client to tell us when settings or rule files change, if
    /// it can watch files for us.
    fn watch_settings(&self, params: &InitializeParams) {
        let dynamic = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        if !dynamic {
            return;
        }
        let watchers = [
            "**/statlint.toml",
            "**/.statlint.toml",
            "**/pyproject.toml",
            "**/*.{yaml,yml}",
        ]
        .iter()
        .map(|g| FileSystemWatcher {
            glob_pattern: GlobPattern::String((*g).to_owned()),
            kind: None,
        })
        .collect();
        let options = lsp_types::DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "statlint-settings".to_owned(),
                method: note::DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send(Message::Request(Request::new(
            RequestId::from("statlint-watch".to_owned()),
            req::RegisterCapability::METHOD.to_owned(),
            params,
        )));
    }

    /// Lints a document now and publishes its diagnostics.
    fn lint(&mut self, uri: &Uri) {
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        doc.due = None;
        let (setup, error) = self.setups.for_path(doc.path.as_deref());
        if let Some(e) = error {
            if !self.shown_errors.contains(&e) {
                self.notify::<note::ShowMessage>(ShowMessageParams {
                    typ: MessageType::ERROR,
                    message: format!("statlint: {e} (linting with the defaults)"),
                });
                self.shown_errors.push(e);
            }
        }
        let Some(doc) = self.documents.get(uri) else {
            return;
        };
        let excluded = match (&setup.config, &doc.path) {
            (Some(c), Some(p)) => c.excludes(p),
            _ => false,
        };
        let result = if excluded {
            None
        } else {
            match setup
                .linter
                .lint_document(&doc.name(), doc.format, doc.text.clone().into_bytes())
            {
                Ok(mut report) => {
                    if let (Some(c), Some(p)) = (&setup.config, &doc.path) {
                        c.filter(p, &mut report.findings);
                    }
                    Some(report)
                }
                Err(e) => {
                    let message = crate::api::Error::Lint(e).to_string();
                    self.notify::<note::LogMessage>(lsp_types::LogMessageParams {
                        typ: MessageType::WARNING,
                        message,
                    });
                    None
                }
            }
        };
        let version = doc.version;
        let Some(report) = result else {
            self.publish(uri.clone(), Vec::new(), Some(version));
            return;
        };
        let rules: Vec<String> = report.findings.iter().map(|f| f.rule.clone()).collect();
        let pages: Vec<Option<String>> = rules
            .iter()
            .map(|r| self.setups.rule_page(r, &setup))
            .collect();
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        let lines = Lines::new(&doc.text, self.encoding);
        let diagnostics = report
            .findings
            .iter()
            .zip(pages)
            .map(|(f, page)| diagnostics::diagnostic(&report, &lines, uri, f, page))
            .collect();
        doc.report = Some(report);
        doc.setup = Some(setup);
        self.publish(uri.clone(), diagnostics, Some(version));
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.notify::<note::PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    /// The document's report, linting it first if a lint is due.
    fn report(&mut self, uri: &Uri) -> Option<&Document> {
        if self.documents.get(uri)?.report.is_none() {
            self.lint(uri);
        }
        self.documents.get(uri)
    }

    fn hover(&mut self, p: &HoverParams) -> Option<lsp_types::Hover> {
        let uri = p.text_document_position_params.text_document.uri.clone();
        let encoding = self.encoding;
        let doc = self.report(&uri)?;
        let (report, setup) = (doc.report.as_ref()?, doc.setup.as_ref()?);
        let lines = Lines::new(&doc.text, encoding);
        let offset = lines.offset(p.text_document_position_params.position);
        // A bug in reading the figures must not take the server down.
        crate::guard::catch(|| {
            hover::hover(
                &doc.text,
                doc.format,
                report,
                &setup.linter.rules().lexicon,
                &lines,
                offset,
            )
        })
        .ok()
        .flatten()
    }

    fn code_actions(&mut self, p: &CodeActionParams) -> Option<Vec<CodeActionOrCommand>> {
        let uri = p.text_document.uri.clone();
        let encoding = self.encoding;
        // The rule pages first: the diagnostics an action names carry them.
        let doc = self.report(&uri)?;
        let setup = doc.setup.clone()?;
        let rules: Vec<String> = doc
            .report
            .as_ref()?
            .findings
            .iter()
            .map(|f| f.rule.clone())
            .collect();
        let pages: std::collections::HashMap<String, Option<String>> = rules
            .into_iter()
            .map(|r| {
                let page = self.setups.rule_page(&r, &setup);
                (r, page)
            })
            .collect();
        let doc = self.documents.get(&uri)?;
        let report = doc.report.as_ref()?;
        let lines = Lines::new(&doc.text, encoding);
        let span = (lines.offset(p.range.start), lines.offset(p.range.end));
        let actions = actions::actions(report, doc.format, &lines, &uri, span, &mut |f| {
            let page = pages.get(&f.rule).cloned().flatten();
            diagnostics::diagnostic(report, &lines, &uri, f, page)
        });
        Some(
            actions
                .into_iter()
                .map(CodeActionOrCommand::CodeAction)
                .collect(),
        )
    }
}

fn parse<P: serde::de::DeserializeOwned>(
    params: serde_json::Value,
) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn is_settings_file(uri: &Uri) -> bool {
    let s = uri.as_str();
    ["statlint.toml", "pyproject.toml", ".yaml", ".yml"]
        .iter()
        .any(|end| s.ends_with(end))
}
