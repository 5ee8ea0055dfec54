//! Arbitrary bytes → the statement reader, as plain text, Markdown and HTML,
//! with no encoding and as Windows-1252. Must never panic.
#![no_main]

#[path = "../harness.rs"]
mod harness;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = harness::statement(data);
});
