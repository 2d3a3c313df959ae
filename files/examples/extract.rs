//! Prints the text a document file is read as: `cargo run --example extract -p reportlens-files FILE`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    match reportlens_files::read(&bytes, &path) {
        Ok(Some(doc)) => print!("{}", doc.text),
        Ok(None) => eprintln!("{path}: a text file"),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
