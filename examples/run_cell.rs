//! Runs Python cells in the sandbox from Rust, without the gRPC service.
//!
//! Needs the guest build (`guest/build.sh`); the first run also builds the
//! interpreter snapshot (a few seconds, cached afterwards).
//!
//!     cargo run --example run_cell -- 'print(2**200)' '(1 + 2j) ** 2'
//!
//! Each argument is one cell of the same session, so later cells see earlier
//! cells' variables. Without arguments it runs a short demonstration.

use anyhow::Result;
use code_interpreter::{
    Artifacts, CellLimits, Event, InstanceLimits, Sandbox, SandboxConfig, StreamName,
};

#[tokio::main]
async fn main() -> Result<()> {
    let mut cells: Vec<String> = std::env::args().skip(1).collect();
    if cells.is_empty() {
        cells = vec![
            "import math\nradius = 2\nprint('area', math.pi * radius ** 2)".to_owned(),
            "2 ** 200".to_owned(),
            "radius / 0".to_owned(),
        ];
    }

    // One sandbox per process: engines and the compiled guest.
    let artifacts = Artifacts::load(&Artifacts::default_dir())?;
    let sandbox = Sandbox::new(SandboxConfig::new(artifacts)).await?;
    // One session: a live interpreter with its own namespace and /mnt/data.
    let session = sandbox.create_session(InstanceLimits::default()).await?;

    for code in &cells {
        println!(">>> {}", code.replace('\n', "\n... "));
        let mut events = session.execute(code, CellLimits::default())?;
        while let Some(event) = events.next().await {
            match event {
                Event::Stream { name, text } => match name {
                    StreamName::Stdout => print!("{text}"),
                    StreamName::Stderr => eprint!("{text}"),
                },
                Event::Result(result) => println!("{}", result.text_plain),
                Event::Display(display) => {
                    let kinds: Vec<&str> =
                        display.data.iter().map(|d| d.mime_type.as_str()).collect();
                    println!("[display: {}]", kinds.join(", "));
                }
                Event::Error(error) => println!("{}: {}", error.ename, error.evalue),
                Event::End(end) => println!(
                    "[{:?} in {:.1} ms]",
                    end.outcome,
                    end.usage.wall_time.as_secs_f64() * 1e3
                ),
            }
        }
    }
    Ok(())
}
