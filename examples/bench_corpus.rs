//! Writes the benchmark's generated corpus as JSONL (`{"id","text"}` a line), so that the
//! CLI's output on it can be compared before and after a change:
//! `cargo run --release --example bench_corpus -- OUT.jsonl [MB] [SEED]`.

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: bench_corpus OUT.jsonl [MB] [SEED]");
        std::process::exit(2);
    };
    let mb: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(12);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let written = std::fs::File::create(&out).and_then(|f| {
        let mut w = std::io::BufWriter::new(f);
        corpus::write_jsonl(&mut w, seed, mb << 20)
    });
    match written {
        Ok((docs, bytes)) => eprintln!("{out}: {docs} documents, {bytes} bytes of text"),
        Err(e) => {
            eprintln!("cannot write {out}: {e}");
            std::process::exit(1);
        }
    }
}
