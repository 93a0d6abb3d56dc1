//! Command-line interface: `code-interpreter run` executes one cell locally.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use code_interpreter::{
    Artifacts, CellLimits, Event, InstanceLimits, Outcome, Sandbox, SandboxConfig, StreamName,
};

#[derive(Parser)]
#[command(
    name = "code-interpreter",
    version,
    about = "Runs Python in a WebAssembly sandbox"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Execute a Python file (or `-c CODE`) in a fresh sandbox and print its events.
    Run(RunArgs),
}

#[derive(Args)]
struct RunArgs {
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
    #[arg(long, default_value_t = 30.0)]
    timeout: f64,
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
}

/// Where the guest build and caches are.
#[derive(Args)]
struct SandboxArgs {
    /// Guest build directory (output of sandbox/build.sh).
    #[arg(long, env = "CODE_INTERPRETER_SANDBOX")]
    sandbox_dir: Option<PathBuf>,
    /// Directory for snapshots and compiled modules.
    #[arg(long, env = "CODE_INTERPRETER_MODULE_CACHE")]
    cache_dir: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Output as the program printed it, then a summary on stderr.
    Text,
    /// One JSON object per event.
    Json,
}

pub fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let runtime = tokio::runtime::Runtime::new().expect("starting the async runtime");
    let result = match cli.command {
        Command::Run(args) => runtime.block_on(run(args)),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

impl SandboxArgs {
    fn config(&self) -> Result<SandboxConfig> {
        let dir = self
            .sandbox_dir
            .clone()
            .unwrap_or_else(Artifacts::default_dir);
        let mut config = SandboxConfig::new(Artifacts::load(&dir)?);
        if let Some(cache_dir) = &self.cache_dir {
            config.cache_dir = cache_dir.clone();
        }
        Ok(config)
    }
}

async fn run(args: RunArgs) -> Result<ExitCode> {
    let code = match (&args.code, &args.file) {
        (Some(code), _) => code.clone(),
        (None, Some(file)) => {
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?
        }
        (None, None) => bail!("give a FILE or -c CODE"),
    };
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        bail!("--timeout must be a positive number of seconds");
    }
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
        timeout: Duration::from_secs_f64(args.timeout),
        fuel: args.fuel,
        max_output_bytes: args.max_output_bytes,
    };
    let session = sandbox.create_session(instance).await?;
    let mut events = session.execute(&code, cell)?;
    let mut outcome = Outcome::SandboxFault;
    while let Some(event) = events.next().await {
        if let Event::End(end) = &event {
            outcome = end.outcome;
        }
        match args.format {
            Format::Json => println!("{}", serde_json::to_string(&event)?),
            Format::Text => print_text(&event)?,
        }
    }
    Ok(if outcome == Outcome::Ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn print_text(event: &Event) -> Result<()> {
    match event {
        Event::Stream {
            name: StreamName::Stdout,
            text,
        } => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
        Event::Stream {
            name: StreamName::Stderr,
            text,
        } => eprint!("{text}"),
        Event::Result(result) => {
            println!("Out: {}", result.text_plain);
            if let Some(latex) = &result.text_latex {
                println!("LaTeX: {latex}");
            }
            println!("Value: {}", serde_json::to_string(&result.value)?);
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
