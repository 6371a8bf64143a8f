//! `statlint server` spoken to as an editor does: JSON-RPC over its
//! standard input and output.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const FAILING: &str = "全县目标任务数 52380人，累计接种 48211剂次，完成率93.04%。";

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(capabilities: Value, options: Value, root: &std::path::Path) -> (Client, Value) {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin!("statlint"))
            .arg("server")
            .env("XDG_CACHE_HOME", root.join("cache"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 0,
        };
        let root_uri = file_uri(root);
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response's result.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self
                .next_message(Duration::from_secs(20))
                .expect("a response");
            if m["id"] == id && m.get("method").is_none() {
                assert!(m.get("error").is_none(), "{m}");
                return m["result"].clone();
            }
        }
    }

    fn next_message(&mut self, timeout: Duration) -> Option<Value> {
        self.messages.recv_timeout(timeout).ok()
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(20);
        while let Some(m) = self.next_message(deadline.saturating_duration_since(Instant::now())) {
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"].clone();
            }
        }
        panic!("no diagnostics for {uri}");
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    fn stop(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
    }
}

fn file_uri(path: &std::path::Path) -> String {
    statlint::uri::from_path(path)
}

fn report(dir: &std::path::Path) -> (String, String) {
    let text = format!("# 接种情况\n\n{FAILING}\n");
    let path = dir.join("报告.md");
    std::fs::write(&path, &text).unwrap();
    (file_uri(&path), text)
}

fn utf16_column(line: &str, needle: &str) -> usize {
    line[..line.find(needle).unwrap()].encode_utf16().count()
}

#[test]
fn diagnostics_arrive_at_utf16_positions_with_members_and_a_rule_page() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, init) = Client::start(json!({}), json!({}), dir.path());
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    let (uri, text) = report(dir.path());
    client.open(&uri, "markdown", &text);
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    let d = &published["diagnostics"][0];
    assert_eq!(d["code"], "zh.ratio.rate");
    assert_eq!(d["severity"], 1);
    assert_eq!(d["range"]["start"]["line"], 2);
    assert_eq!(
        d["range"]["start"]["character"],
        utf16_column(FAILING, "93.04")
    );
    assert_eq!(d["range"]["end"]["character"], utf16_column(FAILING, "。"));
    let related = d["relatedInformation"].as_array().unwrap();
    let said: Vec<&str> = related
        .iter()
        .map(|r| r["message"].as_str().unwrap())
        .collect();
    assert!(said.iter().any(|m| m.contains("48211")), "{said:?}");
    assert!(said.iter().any(|m| m.contains("52380")), "{said:?}");
    for r in related {
        assert_eq!(r["location"]["uri"], uri.as_str());
        assert_eq!(r["location"]["range"]["start"]["line"], 2);
    }
    // The code links to the rule's page, written where the cache is.
    let href = d["codeDescription"]["href"].as_str().unwrap();
    let page = statlint::uri::to_path(href).unwrap();
    assert!(page.starts_with(dir.path().join("cache")), "{href}");
    let page = std::fs::read_to_string(page).unwrap();
    assert!(page.starts_with("zh.ratio.rate\n"), "{page}");
    client.stop();
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let dir = tempfile::tempdir().unwrap();
    let caps = json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}});
    let (mut client, init) = Client::start(caps, json!({}), dir.path());
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let (uri, text) = report(dir.path());
    client.open(&uri, "markdown", &text);
    let d = &client.diagnostics(&uri)["diagnostics"][0];
    assert_eq!(
        d["range"]["start"]["character"],
        FAILING.find("93.04").unwrap()
    );
    client.stop();
}

#[test]
fn hover_shows_the_recomputation_and_how_a_figure_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = Client::start(json!({}), json!({}), dir.path());
    let (uri, text) = report(dir.path());
    client.open(&uri, "markdown", &text);
    client.diagnostics(&uri);
    let at = |needle: &str| json!({"line": 2, "character": utf16_column(FAILING, needle) + 1});
    let flagged = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at("93.04")}),
    );
    let value = flagged["contents"]["value"].as_str().unwrap();
    assert!(value.contains("zh.ratio.rate"), "{value}");
    assert!(value.contains("48211 / 52380 = 92.040"), "{value}");
    assert!(value.contains("**92.04%**"), "{value}");
    let member = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at("52380")}),
    );
    let value = member["contents"]["value"].as_str().unwrap();
    assert!(value.contains("**52380**"), "{value}");
    assert!(value.contains("label: 目标任务数"), "{value}");
    assert!(value.contains("role: a level"), "{value}");
    assert!(value.contains("number 52380"), "{value}");
    assert!(value.contains("`zh.ratio.rate` fails"), "{value}");
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}}),
    );
    assert!(nothing.is_null(), "{nothing}");
    client.stop();
}

#[test]
fn the_quick_fix_writes_the_expected_figure_and_the_finding_goes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = Client::start(json!({}), json!({"debounceMs": 50}), dir.path());
    let (uri, text) = report(dir.path());
    client.open(&uri, "markdown", &text);
    let d = client.diagnostics(&uri)["diagnostics"][0].clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let actions = actions.as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["isPreferred"] == true)
        .expect("a preferred fix");
    assert_eq!(fix["title"], "Replace 93.04% with 92.04%");
    let edit = &fix["edit"]["changes"][uri.as_str()][0];
    assert_eq!(edit["newText"], "92.04%");
    assert_eq!(edit["range"], d["range"]);
    let suppress = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Suppress"))
        .unwrap();
    assert_eq!(
        suppress["edit"]["changes"][uri.as_str()][0]["newText"],
        "<!-- statlint-disable-next-line zh.ratio.rate -->\n"
    );
    client.change(&uri, 2, &text.replace("93.04%", "92.04%"));
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    assert_eq!(published["diagnostics"].as_array().unwrap().len(), 0);
    client.stop();
}

#[test]
fn a_burst_of_changes_is_linted_once_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = Client::start(json!({}), json!({"debounceMs": 300}), dir.path());
    let (uri, text) = report(dir.path());
    client.open(&uri, "markdown", &text);
    client.diagnostics(&uri);
    for version in 2..=6 {
        client.change(&uri, version, &text);
    }
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 6);
    // Nothing else was published for the burst.
    let more = client.next_message(Duration::from_millis(600));
    assert!(more.is_none(), "{more:?}");
    client.stop();
}

#[test]
fn settings_are_read_again_when_they_change() {
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join("statlint.toml");
    std::fs::write(&settings, "ignore = [\"zh.ratio\"]\n").unwrap();
    let (mut client, _) = Client::start(json!({}), json!({}), dir.path());
    let (uri, text) = report(dir.path());
    client.open(&uri, "markdown", &text);
    assert_eq!(
        client.diagnostics(&uri)["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    std::fs::write(&settings, "").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&settings), "type": 2}]}),
    );
    let d = client.diagnostics(&uri);
    assert_eq!(d["diagnostics"][0]["code"], "zh.ratio.rate");
    // A bad settings file is shown once, and the defaults lint.
    std::fs::write(&settings, "selct = [\"zh\"]\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&settings), "type": 2}]}),
    );
    let mut shown = None;
    let mut published = None;
    while shown.is_none() || published.is_none() {
        let m = client
            .next_message(Duration::from_secs(20))
            .expect("a message");
        match m["method"].as_str() {
            Some("window/showMessage") => shown = Some(m["params"]["message"].clone()),
            Some("textDocument/publishDiagnostics") => published = Some(m["params"].clone()),
            _ => {}
        }
    }
    let shown = shown.unwrap();
    assert!(
        shown.as_str().unwrap().contains("statlint.toml:1:1"),
        "{shown}"
    );
    assert_eq!(
        published.unwrap()["diagnostics"][0]["code"],
        "zh.ratio.rate"
    );
    client.stop();
}

#[test]
fn an_unsaved_plain_text_buffer_is_linted_and_closing_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = Client::start(json!({}), json!({}), dir.path());
    let uri = "untitled:Untitled-1";
    client.open(uri, "plaintext", FAILING);
    let d = client.diagnostics(uri);
    assert_eq!(d["diagnostics"][0]["code"], "zh.ratio.rate");
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(
        client.diagnostics(uri)["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let unknown = {
        client.next_id += 1;
        let id = client.next_id;
        client.send(
            json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/formatting", "params": {}}),
        );
        loop {
            let m = client.next_message(Duration::from_secs(20)).unwrap();
            if m["id"] == id {
                break m;
            }
        }
    };
    assert_eq!(unknown["error"]["code"], -32601);
    client.stop();
}
