//! The `reportlens` command line: arguments and output formats only; the analysis is the core's.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (json, files): (Vec<&String>, Vec<&String>) =
        args.iter().skip(1).partition(|a| *a == "--json");
    if args.first().map(String::as_str) != Some("analyze") || files.is_empty() {
        eprintln!("usage: reportlens analyze [--json] FILE...   (- reads standard input)");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in files {
        let bytes = if file == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map(|_| buf)
        } else {
            std::fs::read(file)
        };
        let text = match bytes {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                eprintln!("reportlens: {file}: {e}");
                failed = true;
                continue;
            }
        };
        let report = reportlens::analyze(&text);
        if !json.is_empty() {
            match serde_json::to_string(&report) {
                Ok(s) => println!("{s}"),
                Err(e) => {
                    eprintln!("reportlens: {file}: {e}");
                    failed = true;
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
