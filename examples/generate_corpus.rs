//! Writes the generated corpora of `benches/pipeline.rs` as files, for
//! measuring the command line: `cargo run --release --example
//! generate_corpus -- DIR` writes `DIR/r000.txt` … `DIR/r200.txt` (~30 KB
//! resolutions), `DIR/renumbered-7205.txt`, `DIR/renumbered-72005.txt`
//! (40 MB) and `DIR/different-14000.txt`; then, for example,
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
    Ok(())
}
