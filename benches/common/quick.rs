//! Quick mode: the smoke version of a benchmark, with tiny counts.

/// Whether to run the quick smoke version: `--quick`, or `env_var` set to
/// anything but empty or `0`.
pub fn quick_mode(env_var: &str) -> bool {
    let from_env = std::env::var(env_var).is_ok_and(|value| !value.is_empty() && value != "0");
    from_env || std::env::args().any(|arg| arg == "--quick")
}
