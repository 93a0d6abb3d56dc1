//! The label values of the metrics: how a cell ran, which RPC, why a
//! session ended or a call was limited, and their fixed-size index tables.

use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue};
use tonic::Code;

use crate::Outcome;
use crate::service::proto;

/// How a cell was run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EncodeLabelValue)]
#[allow(non_camel_case_types)] // label values as exported
pub enum CellKind {
    /// A cell of a session.
    session,
    /// An Execute without a session (a fresh interpreter).
    oneoff,
    /// A program of an ExecuteBatch (counted once per program).
    batch,
}

pub(super) const KINDS: usize = 3;
pub(super) const OUTCOMES: usize = 9;
pub(super) const CODES: usize = 17;

/// The RPCs, as labels (unknown paths share one label, so label values stay
/// bounded whatever clients send).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    CreateSession,
    CloseSession,
    ListSessions,
    InterruptCell,
    ForkSession,
    SaveSession,
    RestoreSession,
    Execute,
    ExecuteCollected,
    ExecuteBatch,
    UploadFile,
    DownloadFile,
    ListFiles,
    /// `grpc.health.v1.Health/*`.
    Health,
    /// Server reflection, v1 and v1alpha.
    Reflection,
    Unknown,
}

pub(super) const METHODS: usize = 16;

/// The methods of the `CodeInterpreter` service.
pub(super) const API_METHODS: [Method; 13] = [
    Method::CreateSession,
    Method::CloseSession,
    Method::ListSessions,
    Method::InterruptCell,
    Method::ForkSession,
    Method::SaveSession,
    Method::RestoreSession,
    Method::Execute,
    Method::ExecuteCollected,
    Method::ExecuteBatch,
    Method::UploadFile,
    Method::DownloadFile,
    Method::ListFiles,
];

impl Method {
    /// The method a request path names.
    pub fn from_path(path: &str) -> Self {
        if let Some(name) = path.strip_prefix("/code_interpreter.v1.CodeInterpreter/") {
            return match name {
                "CreateSession" => Self::CreateSession,
                "CloseSession" => Self::CloseSession,
                "InterruptCell" => Self::InterruptCell,
                "ForkSession" => Self::ForkSession,
                "SaveSession" => Self::SaveSession,
                "RestoreSession" => Self::RestoreSession,
                "ListSessions" => Self::ListSessions,
                "Execute" => Self::Execute,
                "ExecuteCollected" => Self::ExecuteCollected,
                "ExecuteBatch" => Self::ExecuteBatch,
                "UploadFile" => Self::UploadFile,
                "DownloadFile" => Self::DownloadFile,
                "ListFiles" => Self::ListFiles,
                _ => Self::Unknown,
            };
        }
        if path.starts_with("/grpc.health.v1.Health/") {
            Self::Health
        } else if path.starts_with("/grpc.reflection.v1.ServerReflection/")
            || path.starts_with("/grpc.reflection.v1alpha.ServerReflection/")
        {
            Self::Reflection
        } else {
            Self::Unknown
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::CreateSession => "CreateSession",
            Self::CloseSession => "CloseSession",
            Self::InterruptCell => "InterruptCell",
            Self::ForkSession => "ForkSession",
            Self::SaveSession => "SaveSession",
            Self::RestoreSession => "RestoreSession",
            Self::ListSessions => "ListSessions",
            Self::Execute => "Execute",
            Self::ExecuteCollected => "ExecuteCollected",
            Self::ExecuteBatch => "ExecuteBatch",
            Self::UploadFile => "UploadFile",
            Self::DownloadFile => "DownloadFile",
            Self::ListFiles => "ListFiles",
            Self::Health => "Health",
            Self::Reflection => "Reflection",
            Self::Unknown => "unknown",
        }
    }

    /// Whether the call runs cells (the per-client concurrency limit counts these).
    pub fn runs_cells(self) -> bool {
        matches!(
            self,
            Self::Execute | Self::ExecuteCollected | Self::ExecuteBatch
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
pub(super) struct CellLabels {
    pub outcome: &'static str,
    pub kind: CellKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
pub(super) struct KindLabel {
    pub kind: CellKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
pub(super) struct RpcLabels {
    pub method: &'static str,
    pub code: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
pub(super) struct MethodLabel {
    pub method: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
pub(super) struct ReasonLabel {
    pub reason: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
pub(super) struct LimitLabel {
    pub limit: &'static str,
}

/// Why a session left the table.
#[derive(Debug, Clone, Copy)]
pub enum SessionEnd {
    /// CloseSession.
    Closed,
    /// No cell or transfer for the idle timeout.
    Expired,
}

/// Which per-client limit refused a call.
#[derive(Debug, Clone, Copy)]
pub enum Limit {
    Rate,
    Concurrency,
}

pub(super) const OUTCOME_LABELS: [&str; OUTCOMES] = [
    "unspecified",
    "ok",
    "error",
    "timeout",
    "memory_limit",
    "output_limit",
    "fuel_exhausted",
    "cancelled",
    "sandbox_fault",
];

pub(super) fn outcome_index(outcome: Outcome) -> usize {
    match outcome {
        Outcome::Ok => 1,
        Outcome::Error => 2,
        Outcome::Timeout => 3,
        Outcome::MemoryLimit => 4,
        Outcome::OutputLimit => 5,
        Outcome::FuelExhausted => 6,
        Outcome::Cancelled => 7,
        Outcome::SandboxFault => 8,
    }
}

pub(super) fn proto_outcome_index(outcome: proto::Outcome) -> usize {
    match outcome {
        proto::Outcome::Unspecified => 0,
        proto::Outcome::Ok => 1,
        proto::Outcome::Error => 2,
        proto::Outcome::Timeout => 3,
        proto::Outcome::MemoryLimit => 4,
        proto::Outcome::OutputLimit => 5,
        proto::Outcome::FuelExhausted => 6,
        proto::Outcome::Cancelled => 7,
        proto::Outcome::SandboxFault => 8,
    }
}

/// The canonical name of a gRPC status code.
pub fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}
