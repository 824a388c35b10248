//! Writes the generated corpora of `benches/pipeline.rs` as files, for
//! measuring the command line: `cargo run --release --example
//! generate_corpus -- DIR` writes `DIR/r000.txt` … `DIR/r200.txt` (~30 KB
//! resolutions), `DIR/renumbered-7205.txt`, `DIR/renumbered-72005.txt`
//! (40 MB), `DIR/different-14000.txt`, the word-bigram documents of
//! `benches/scale.rs` (`DIR/bigram-4500.txt`, `bigram-18000.txt`,
//! `bigram-72000.txt`), 400 and 1,000 renumbered copies of the bundled
//! document (`DIR/copies-400.txt`, `copies-1000.txt`) and the numbered lines
//! "1." … "200000." (`DIR/numbered-lines.txt`); then, for example,
//! `target/release/wsis-atlas stats DIR/r0*.txt`.

use std::path::PathBuf;

#[path = "../benches/support/generated.rs"]
mod generated;

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "corpus".to_owned()));
    std::fs::create_dir_all(&dir)?;
    for k in 0..=200 {
        std::fs::write(dir.join(format!("r{k:03}.txt")), generated::resolution(k, 30_000))?;
    }
    std::fs::write(dir.join("renumbered-7205.txt"), generated::renumbered(7_205))?;
    std::fs::write(dir.join("renumbered-72005.txt"), generated::renumbered(72_005))?;
    std::fs::write(dir.join("different-14000.txt"), generated::all_different(14_000))?;
    for n in [4_500, 18_000, 72_000] {
        std::fs::write(dir.join(format!("bigram-{n}.txt")), generated::bigram_document(n))?;
    }
    let bundled = wsis_atlas::document::bundled().paragraphs.len();
    for copies in [400, 1_000] {
        std::fs::write(dir.join(format!("copies-{copies}.txt")), generated::renumbered(copies * bundled))?;
    }
    let lines: String = (1..=200_000).map(|n| format!("{n}.\n")).collect();
    std::fs::write(dir.join("numbered-lines.txt"), lines)?;
    Ok(())
}
