//! The service's defaults for requests that leave a limit out, and the caps
//! no request may pass.

use std::path::PathBuf;
use std::time::Duration;

use super::auth::AuthTokens;
use super::ratelimit::ClientRate;
use super::tls::TlsConfig;
use crate::SandboxConfig;

/// Defaults and caps of the service.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    /// Cell wall-clock limit when a request gives none.
    pub default_cell_timeout: Duration,
    /// Largest cell wall-clock limit a request may ask for.
    pub max_cell_timeout: Duration,
    /// Interpreter memory cap when a request gives none. Interpreters with the
    /// default limits start from a warm pool, so they are the fastest.
    pub default_memory_bytes: u64,
    /// Printed bytes kept per cell when a request gives no cap.
    pub default_output_bytes: usize,
    /// Largest per-cell output cap a request may ask for.
    pub max_output_bytes: usize,
    /// Largest cell source.
    pub max_code_bytes: usize,
    /// Sessions held at once (ended ones count until closed or expired).
    pub max_sessions: usize,
    /// A session without a cell or file transfer for this long is closed.
    pub idle_timeout: Duration,
    /// Cells without a session running at once; more wait for a slot.
    pub max_concurrent_runs: usize,
    /// Cells without a session waiting for a slot; more are refused.
    pub max_waiting_runs: usize,
    /// Largest encoded request message.
    pub max_request_bytes: usize,
    /// Total bytes of the files given to CreateSession, of the files a
    /// session's scratch directory may hold for an upload to be accepted, and
    /// of what the session's cells may keep there (`EDQUOT` past it).
    pub max_session_file_bytes: u64,
    /// Files given to CreateSession, files a session's scratch directory may
    /// hold for an upload to be accepted, and entries (files, directories,
    /// links) the session's cells may keep there (`EDQUOT` past it).
    pub max_session_files: usize,
    /// Files a session's cells may hold open at once (`EMFILE` past it).
    /// Each is a descriptor of the server process: keep `max_sessions` (plus
    /// the one-off runs) times this well under its open-file limit.
    pub max_session_open_files: usize,
    /// Programs in one ExecuteBatch call.
    pub max_batch_programs: usize,
    /// Programs of a batch running at once when the request leaves it to
    /// the server. Time limits are wall-clock: running many more programs
    /// than cores stretches each one's time and lets correct programs time out.
    pub default_batch_parallelism: usize,
    /// When set, every RPC but `grpc.health.v1` needs `authorization: Bearer
    /// <token>` with one of these tokens (UNAUTHENTICATED otherwise).
    pub auth_tokens: Option<AuthTokens>,
    /// When set, the gRPC port speaks TLS only.
    pub tls: Option<TlsConfig>,
    /// Calls per second (with a burst) each client may make; `None`: no limit.
    /// A client is its token when authentication is on, else its IP address.
    pub client_rate: Option<ClientRate>,
    /// Execute, ExecuteCollected and ExecuteBatch calls each client may have
    /// running at once; `None`: no limit.
    pub client_concurrency: Option<usize>,
    /// Bytes one session's pandas tables (polars frames on the host) may
    /// hold; past it the guest gets MemoryError.
    pub max_table_bytes: u64,
    /// When set, sessions that expire or are alive at a graceful shutdown
    /// are saved in this directory and come back on their next call, here or
    /// after a restart of the same build.
    pub state_dir: Option<PathBuf>,
    /// How long a saved session is kept in the state directory.
    pub state_retention: Duration,
    /// Sessions keep a checkpoint after every cell, and a cell that stops
    /// the interpreter ends with the session rebuilt from it (costs a copy
    /// of the pages each session wrote).
    pub checkpoints: bool,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        Self {
            default_cell_timeout: Duration::from_secs(30),
            max_cell_timeout: Duration::from_secs(600),
            default_memory_bytes: crate::InstanceLimits::default().memory_bytes,
            default_output_bytes: 1 << 20,
            max_output_bytes: 16 << 20,
            max_code_bytes: 1 << 20,
            max_sessions: 128,
            idle_timeout: Duration::from_secs(600),
            max_concurrent_runs: 32,
            max_waiting_runs: 1024,
            max_request_bytes: 80 << 20,
            max_session_file_bytes: 64 << 20,
            max_session_files: 1000,
            max_session_open_files: 256,
            max_batch_programs: 10_000,
            default_batch_parallelism: 4 * std::thread::available_parallelism()
                .map_or(2, usize::from),
            auth_tokens: None,
            tls: None,
            client_rate: None,
            client_concurrency: None,
            max_table_bytes: crate::limits::DEFAULT_MAX_TABLE_BYTES,
            state_dir: None,
            state_retention: Duration::from_secs(7 * 24 * 3600),
            checkpoints: true,
        }
    }
}

impl ServiceConfig {
    /// Refuses settings under which requests that leave a limit out would be
    /// refused: a default above its cap.
    pub fn check(&self) -> Result<(), String> {
        if self.default_cell_timeout > self.max_cell_timeout {
            return Err(format!(
                "the default cell timeout ({:?}) exceeds the maximum ({:?})",
                self.default_cell_timeout, self.max_cell_timeout
            ));
        }
        if self.default_output_bytes > self.max_output_bytes {
            return Err(format!(
                "the default output cap ({} bytes) exceeds the maximum ({} bytes)",
                self.default_output_bytes, self.max_output_bytes
            ));
        }
        Ok(())
    }

    /// Sizes `sandbox` for this service: room for every session, every
    /// concurrent run and the warm pool, the caps on their scratch directories
    /// and open files, and the per-session table cap.
    pub fn size_sandbox(&self, sandbox: &mut SandboxConfig) {
        let needed = self.max_sessions + self.max_concurrent_runs + sandbox.warm_instances;
        sandbox.max_instances = u32::try_from(needed).unwrap_or(u32::MAX);
        sandbox.scratch_limits.max_bytes = self.max_session_file_bytes;
        sandbox.scratch_limits.max_entries = self.max_session_files;
        sandbox.scratch_limits.max_open_files = self.max_session_open_files;
        sandbox.max_table_bytes = self.max_table_bytes;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_above_their_caps_are_refused() {
        assert!(ServiceConfig::default().check().is_ok());
        let slow = ServiceConfig {
            default_cell_timeout: Duration::from_secs(900),
            max_cell_timeout: Duration::from_secs(60),
            ..ServiceConfig::default()
        };
        assert!(slow.check().unwrap_err().contains("cell timeout"));
        let loud = ServiceConfig {
            default_output_bytes: 2 << 20,
            max_output_bytes: 1 << 20,
            ..ServiceConfig::default()
        };
        assert!(loud.check().unwrap_err().contains("output cap"));
    }
}
