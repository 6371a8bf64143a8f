//! File paths as URIs and back, for SARIF artifact locations and the
//! language server's document identifiers.

use std::path::{Path, PathBuf};

/// Bytes a URI path keeps as they are (RFC 3986 unreserved, plus the
/// separators a path needs).
fn kept(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/' | b':')
}

/// `s` with every other byte written `%XX`.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if kept(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `s` with its `%XX` escapes decoded; `None` if they do not decode to
/// UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// A path as a URI reference: relative paths stay relative (with `/`
/// separators), absolute ones become `file://` URIs.
pub fn from_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    if path.is_absolute() {
        let text = if text.starts_with('/') {
            text
        } else {
            format!("/{text}")
        };
        format!("file://{}", percent_encode(&text))
    } else {
        percent_encode(text.strip_prefix("./").unwrap_or(&text))
    }
}

/// The path of a `file://` URI; `None` for other schemes.
pub fn to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // `file://host/path`: only the local host is a path here.
    let path = if rest.starts_with('/') {
        rest
    } else {
        let slash = rest.find('/')?;
        match &rest[..slash] {
            "" | "localhost" => &rest[slash..],
            _ => return None,
        }
    };
    let decoded = percent_decode(path)?;
    // `file:///C:/dir` on Windows.
    let decoded = match decoded.as_bytes() {
        [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() && cfg!(windows) => {
            decoded[1..].to_owned()
        }
        _ => decoded,
    };
    Some(PathBuf::from(decoded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_with_spaces_and_chinese_round_trip() {
        let path = Path::new("/tmp/报告 2024/年报.md");
        let uri = from_path(path);
        assert_eq!(
            uri,
            "file:///tmp/%E6%8A%A5%E5%91%8A%202024/%E5%B9%B4%E6%8A%A5.md"
        );
        assert_eq!(to_path(&uri).unwrap(), path);
    }

    #[test]
    fn relative_paths_stay_relative() {
        assert_eq!(from_path(Path::new("./docs/a b.md")), "docs/a%20b.md");
    }

    #[test]
    fn other_schemes_and_hosts_are_not_paths() {
        assert_eq!(to_path("untitled:Untitled-1"), None);
        assert_eq!(to_path("file://server/share/a.md"), None);
        assert_eq!(
            to_path("file://localhost/a.md").unwrap(),
            PathBuf::from("/a.md")
        );
    }

    #[test]
    fn a_stray_percent_is_kept() {
        assert_eq!(percent_decode("50%").unwrap(), "50%");
        assert_eq!(percent_decode("a%2").unwrap(), "a%2");
        assert_eq!(percent_decode("%E6%8A").as_deref(), None);
    }
}
