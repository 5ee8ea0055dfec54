//! Arbitrary bytes → the layout-spec parser (when they are UTF-8), with a
//! base directory that does not exist. Must never panic.
#![no_main]

#[path = "../harness.rs"]
mod harness;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = harness::layout(data);
});
