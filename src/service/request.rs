//! Checks requests against the service's caps and turns them into the
//! library's limits. Every refusal is INVALID_ARGUMENT saying what is wrong.

use std::time::Duration;

use tonic::Status;
use tonic::metadata::MetadataMap;

use super::config::ServiceConfig;
use super::proto;
use crate::{CellLimits, InstanceLimits};

/// Time kept back from the caller's deadline so that the cell's end event
/// still reaches the caller (at most this much, or a tenth of the deadline).
const DEADLINE_MARGIN: Duration = Duration::from_millis(200);

/// The limits of one cell: the request's, else the defaults; the wall-clock
/// limit also ends before the caller's gRPC deadline.
pub fn cell_limits(
    config: &ServiceConfig,
    requested: Option<&proto::CellLimits>,
    deadline: Option<Duration>,
) -> Result<CellLimits, Status> {
    let requested = requested.cloned().unwrap_or_default();
    let mut timeout = match requested.timeout_ms {
        0 => config.default_cell_timeout,
        ms => Duration::from_millis(ms),
    };
    if timeout > config.max_cell_timeout {
        return Err(Status::invalid_argument(format!(
            "limits.timeout_ms {} exceeds the maximum of {} ms",
            requested.timeout_ms,
            config.max_cell_timeout.as_millis()
        )));
    }
    if let Some(deadline) = deadline {
        timeout = timeout.min(deadline - DEADLINE_MARGIN.min(deadline / 10));
    }
    let max_output_bytes = match usize::try_from(requested.max_output_bytes) {
        Ok(0) => config.default_output_bytes,
        Ok(bytes) if bytes <= config.max_output_bytes => bytes,
        _ => {
            return Err(Status::invalid_argument(format!(
                "limits.max_output_bytes {} exceeds the maximum of {} bytes",
                requested.max_output_bytes, config.max_output_bytes
            )));
        }
    };
    if requested.fuel == Some(0) {
        return Err(Status::invalid_argument("limits.fuel must be positive"));
    }
    Ok(CellLimits {
        timeout,
        fuel: requested.fuel,
        max_output_bytes,
    })
}

/// The limits of an interpreter: the request's, else the defaults; a memory
/// cap above `max_memory_bytes` (the sandbox's) is refused.
pub fn instance_limits(
    config: &ServiceConfig,
    max_memory_bytes: u64,
    requested: Option<&proto::InstanceLimits>,
) -> Result<InstanceLimits, Status> {
    let requested = requested.cloned().unwrap_or_default();
    let memory_bytes = match requested.memory_bytes {
        0 => config.default_memory_bytes,
        bytes => bytes,
    };
    if memory_bytes > max_memory_bytes {
        return Err(Status::invalid_argument(format!(
            "limits.memory_bytes {memory_bytes} exceeds the maximum of {max_memory_bytes} bytes"
        )));
    }
    Ok(InstanceLimits {
        memory_bytes,
        fuel_metered: requested.fuel_metered,
        random_seed: requested.random_seed,
    })
}

/// Refuses cell source over the size cap.
pub fn check_code(config: &ServiceConfig, code: &str) -> Result<(), Status> {
    if code.len() > config.max_code_bytes {
        return Err(Status::invalid_argument(format!(
            "code is {} bytes, more than the maximum of {} bytes",
            code.len(),
            config.max_code_bytes
        )));
    }
    Ok(())
}

/// The caller's deadline, from the `grpc-timeout` header.
pub fn grpc_deadline(metadata: &MetadataMap) -> Result<Option<Duration>, Status> {
    let Some(value) = metadata.get("grpc-timeout") else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(parse_grpc_timeout)
        .map(Some)
        .ok_or_else(|| Status::invalid_argument("malformed grpc-timeout header"))
}

/// Parses the gRPC wire format of a timeout: up to 8 digits and a unit
/// (`H`, `M`, `S`, `m`, `u`, `n`).
pub(crate) fn parse_grpc_timeout(text: &str) -> Option<Duration> {
    let (digits, unit) = text.split_at_checked(text.len().checked_sub(1)?)?;
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let amount: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(amount * 3600),
        "M" => Duration::from_secs(amount * 60),
        "S" => Duration::from_secs(amount),
        "m" => Duration::from_millis(amount),
        "u" => Duration::from_micros(amount),
        "n" => Duration::from_nanos(amount),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grpc_timeouts_parse_in_every_unit() {
        assert_eq!(parse_grpc_timeout("2H"), Some(Duration::from_secs(7200)));
        assert_eq!(parse_grpc_timeout("3M"), Some(Duration::from_secs(180)));
        assert_eq!(parse_grpc_timeout("30S"), Some(Duration::from_secs(30)));
        assert_eq!(parse_grpc_timeout("250m"), Some(Duration::from_millis(250)));
        assert_eq!(
            parse_grpc_timeout("30000000u"),
            Some(Duration::from_secs(30))
        );
        assert_eq!(parse_grpc_timeout("5n"), Some(Duration::from_nanos(5)));
        for bad in ["", "S", "10", "123456789S", "1x", "-1S", "1.5S", "é"] {
            assert_eq!(parse_grpc_timeout(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_deadline_shortens_the_cell_and_leaves_a_margin() {
        let config = ServiceConfig::default();
        let limits = cell_limits(&config, None, Some(Duration::from_secs(1))).unwrap();
        assert_eq!(limits.timeout, Duration::from_millis(900));
        let limits = cell_limits(&config, None, Some(Duration::from_secs(100))).unwrap();
        assert_eq!(limits.timeout, config.default_cell_timeout);
    }

    #[test]
    fn limits_over_the_caps_are_refused() {
        let config = ServiceConfig::default();
        let too_long = proto::CellLimits {
            timeout_ms: 3_600_000,
            ..Default::default()
        };
        let status = cell_limits(&config, Some(&too_long), None).unwrap_err();
        assert_eq!(status.code(), tonic::Code::InvalidArgument);
        assert!(status.message().contains("timeout_ms"), "{status:?}");
        let too_much_output = proto::CellLimits {
            max_output_bytes: u64::MAX,
            ..Default::default()
        };
        let status = cell_limits(&config, Some(&too_much_output), None).unwrap_err();
        assert!(status.message().contains("max_output_bytes"), "{status:?}");
        assert!(check_code(&config, &"x".repeat(config.max_code_bytes + 1)).is_err());
    }
}
