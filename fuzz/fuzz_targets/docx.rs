//! Word documents: the input as a .docx's XML parts (see `harness::docx`),
//! read as a statement. Must never panic.
#![no_main]

#[path = "../harness.rs"]
mod harness;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = harness::docx(data);
});
