//! Any bytes, as a file handed to the command line: decoding must not panic, and text it
//! accepts must analyse.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match reportlens::decode(bytes) {
        Ok(text) => {
            let report = reportlens::analyze(&text);
            let _ = serde_json::to_string(&report).expect("report serialises");
        }
        Err(e) => assert!(!e.to_string().is_empty(), "a refusal says why"),
    }
});
