//! Analyses the files named on the command line, without writing the report, so that a
//! profiler sees the analysis alone:
//!
//! ```text
//! cargo build --release --example profile
//! valgrind --tool=callgrind target/release/examples/profile FILE...
//! ```

fn main() {
    let mut figures = 0;
    for path in std::env::args().skip(1) {
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        figures += reportlens::analyze(&text).figures.len();
    }
    println!("{figures} figures");
}
