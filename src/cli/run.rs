//! `code-interpreter run`: one cell on a fresh local interpreter, its events
//! printed, its displays saved as files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use code_interpreter::{CellLimits, Display, Event, InstanceLimits, Outcome, Sandbox, StreamName};

use super::{SandboxArgs, seconds};

#[derive(Args)]
pub struct RunArgs {
    /// Python file to execute.
    #[arg(required_unless_present = "code", conflicts_with = "code")]
    file: Option<PathBuf>,
    /// Python code to execute.
    #[arg(short = 'c', long = "code")]
    code: Option<String>,
    /// How to print events.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    sandbox: SandboxArgs,
    /// Wall-clock limit in seconds.
    #[arg(long, default_value = "30", value_parser = seconds)]
    timeout: Duration,
    /// Memory cap in MiB.
    #[arg(long, default_value_t = 512)]
    memory_mb: u64,
    /// Fuel budget (deterministic instruction budget).
    #[arg(long)]
    fuel: Option<u64>,
    /// Seed for the guest's `random` module (default: a fresh random seed).
    #[arg(long)]
    seed: Option<u64>,
    /// Bytes of stdout+stderr kept.
    #[arg(long, default_value_t = 1 << 20)]
    max_output_bytes: usize,
    /// Directory where displays (images, HTML, ...) are saved as files.
    #[arg(long, default_value = ".")]
    display_dir: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Output as the program printed it, then a summary on stderr.
    Text,
    /// One JSON object per event.
    Json,
}

pub async fn run(args: RunArgs) -> Result<ExitCode> {
    let code = match (&args.code, &args.file) {
        (Some(code), _) => code.clone(),
        (None, Some(file)) => {
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?
        }
        (None, None) => bail!("give a FILE or -c CODE"),
    };
    let mut config = args.sandbox.config()?;
    config.max_instances = 2;
    config.warm_instances = 0;
    let sandbox = Sandbox::new(config).await?;
    let instance = InstanceLimits {
        memory_bytes: args.memory_mb << 20,
        fuel_metered: args.fuel.is_some(),
        random_seed: args.seed,
    };
    let cell = CellLimits {
        timeout: args.timeout,
        fuel: args.fuel,
        max_output_bytes: args.max_output_bytes,
    };
    let session = sandbox.create_session(instance).await?;
    let mut events = session.execute(&code, cell)?;
    let mut outcome = Outcome::SandboxFault;
    let mut displays = 0;
    while let Some(event) = events.next().await {
        if let Event::End(end) = &event {
            outcome = end.outcome;
        }
        if let Event::Display(display) = &event {
            displays += 1;
            for path in save_display(display, &args.display_dir, displays)? {
                eprintln!("[display saved to {}]", path.display());
            }
        }
        let mut out = std::io::stdout().lock();
        let printed = match args.format {
            Format::Json => writeln!(out, "{}", serde_json::to_string(&event)?),
            Format::Text => print_text(&mut out, &event),
        };
        match printed.and_then(|()| out.flush()) {
            // The reader went away (`| head`): the rest of the output has nowhere to go.
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {
                return Ok(ExitCode::FAILURE);
            }
            other => other?,
        }
    }
    Ok(if outcome == Outcome::Ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Writes `event` for a reader: printed text and results to `out`, the rest to stderr.
fn print_text(out: &mut impl Write, event: &Event) -> std::io::Result<()> {
    match event {
        Event::Stream {
            name: StreamName::Stdout,
            text,
        } => out.write_all(text.as_bytes())?,
        Event::Stream {
            name: StreamName::Stderr,
            text,
        } => eprint!("{text}"),
        Event::Display(display) => {
            if let Some(text) = display
                .data
                .iter()
                .find(|item| item.mime_type == "text/plain")
            {
                writeln!(out, "Display: {}", String::from_utf8_lossy(&text.data))?;
            }
        }
        Event::Result(result) => {
            writeln!(out, "Out: {}", result.text_plain)?;
            if let Some(latex) = &result.text_latex {
                writeln!(out, "LaTeX: {latex}")?;
            }
            writeln!(out, "Value: {}", serde_json::to_string(&result.value)?)?;
        }
        Event::Error(error) => {
            for line in &error.traceback {
                eprintln!("{line}");
            }
        }
        Event::End(end) => {
            eprintln!(
                "[{:?} in {:.1} ms, peak memory {:.1} MiB{}{}{}]",
                end.outcome,
                end.usage.wall_time.as_secs_f64() * 1e3,
                end.usage.peak_memory_bytes as f64 / f64::from(1 << 20),
                end.usage
                    .fuel_used
                    .map(|f| format!(", fuel {f}"))
                    .unwrap_or_default(),
                if end.output_truncated {
                    ", output truncated"
                } else {
                    ""
                },
                end.message
                    .as_deref()
                    .map(|m| format!(": {m}"))
                    .unwrap_or_default(),
            );
        }
    }
    Ok(())
}

/// Saves the representations of the `number`th display (all but its
/// text/plain) as `display-<number>.<extension>` files in `dir`.
fn save_display(display: &Display, dir: &Path, number: usize) -> Result<Vec<PathBuf>> {
    let mut saved = Vec::new();
    for item in &display.data {
        let extension = match item.mime_type.as_str() {
            "text/plain" => continue,
            "image/png" => "png",
            "image/jpeg" => "jpg",
            "image/svg+xml" => "svg",
            "text/html" => "html",
            "text/markdown" => "md",
            "text/latex" => "tex",
            "application/pdf" => "pdf",
            mime if mime.ends_with("json") => "json",
            _ => "bin",
        };
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let path = dir.join(format!("display-{number}.{extension}"));
        std::fs::write(&path, &item.data).with_context(|| format!("writing {}", path.display()))?;
        saved.push(path);
    }
    Ok(saved)
}
