//! The whole build: byte 0 picks a built-in layout; byte 1 picks plain text
//! or Markdown (bit 0) and quotes as written or typographic (bit 1); the rest
//! is the statement (inputs over 20 KB are skipped). Must never panic.
#![no_main]

#[path = "../harness.rs"]
mod harness;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = harness::pipeline(data);
});
