//! Locating the guest built by `guest/build.sh`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Where the guest's files live in the guest's own filesystem.
pub const GUEST_STDLIB_DIR: &str = "/usr/local/lib/python3.11";
/// The session scratch directory as the guest sees it (the only writable place).
pub const GUEST_SCRATCH_DIR: &str = "/mnt/data";

/// The files of one guest build: the interpreter and its read-only library tree.
#[derive(Debug, Clone)]
pub struct Artifacts {
    /// `interpreter.wasm`: CPython for wasm32-wasi with the sandbox entry point.
    pub interpreter_wasm: PathBuf,
    /// Host directory mounted read-only at [`GUEST_STDLIB_DIR`].
    pub stdlib_dir: PathBuf,
    /// Hash of the build's inputs, written by `guest/build.sh`.
    pub build_id: String,
}

impl Artifacts {
    /// The default place `guest/build.sh` puts its output.
    pub fn default_dir() -> PathBuf {
        default_cache_dir().join("sandbox").join("current")
    }

    /// Reads a guest build from `dir` (a `dist-*` directory of `guest/build.sh`).
    pub fn load(dir: &Path) -> Result<Self> {
        let dir = dir.canonicalize().with_context(|| {
            format!(
                "no guest build at {} (run guest/build.sh first)",
                dir.display()
            )
        })?;
        let interpreter_wasm = dir.join("interpreter.wasm");
        let stdlib_dir = dir.join("lib").join("python3.11");
        if !interpreter_wasm.is_file() || !stdlib_dir.is_dir() {
            bail!(
                "incomplete guest build at {}: expected interpreter.wasm and lib/python3.11",
                dir.display()
            );
        }
        let build_id = std::fs::read_to_string(dir.join("build-id"))
            .with_context(|| format!("reading the build id in {}", dir.display()))?
            .trim()
            .to_owned();
        Ok(Self {
            interpreter_wasm,
            stdlib_dir,
            build_id,
        })
    }
}

/// `$CODE_INTERPRETER_CACHE`, else `~/.cache/code-interpreter`.
pub fn default_cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CODE_INTERPRETER_CACHE") {
        return PathBuf::from(dir);
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("/tmp"), PathBuf::from);
    home.join(".cache").join("code-interpreter")
}
