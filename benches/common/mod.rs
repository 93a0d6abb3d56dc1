//! What the benchmarks share: quick mode and the native interpreter to compare with.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, ensure};

mod quick;
pub use quick::quick_mode;

/// The native `python3` to compare against (`env_var` overrides), resolved to
/// its real executable so launcher shims such as pyenv's are not timed.
pub fn native_python(env_var: &str) -> Result<PathBuf> {
    let python = std::env::var_os(env_var).unwrap_or_else(|| "python3".into());
    let output = Command::new(&python)
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .with_context(|| format!("running {}", python.to_string_lossy()))?;
    ensure!(
        output.status.success(),
        "{} failed: {}",
        python.to_string_lossy(),
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(PathBuf::from(String::from_utf8(output.stdout)?.trim()))
}
