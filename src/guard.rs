//! Keeps one file's internal error from ending the run: linting a file
//! runs under `catch`, which turns a panic into an error message naming
//! where it happened, so the caller reports that file and goes on.

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    /// Where the last panic on this thread happened, recorded by the hook.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Is this thread inside `catch`?
    static CATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Inside `catch`, replaces the default panic output (a backtrace on
/// stderr) with a quiet record that `catch` turns into a message;
/// elsewhere the default output stays. Call once, from the binary.
pub fn install_quiet_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !CATCHING.with(std::cell::Cell::get) {
            default(info);
            return;
        }
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(place));
    }));
}

/// Runs `f`; a panic inside it comes back as `Err` with its message and,
/// when the quiet hook is installed, the source location.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    LAST_PANIC.with(|p| p.borrow_mut().take());
    let was = CATCHING.with(|c| c.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(was));
    result.map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_owned());
        match LAST_PANIC.with(|p| p.borrow_mut().take()) {
            Some(place) if !place.is_empty() => format!("{what} (at {place})"),
            _ => what,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_message() {
        let result: Result<(), String> = catch(|| panic!("slice out of range"));
        assert!(result.unwrap_err().contains("slice out of range"));
        assert_eq!(catch(|| 42), Ok(42));
    }
}
